package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/whosaid/whosaid/extract"
)

// A small corpus of passages written for these tests, with the kinds of
// record the dead-letter output is for.
var smallCorpus = []string{
	`{"id":"city-1","text":"“We will open the bridge in May,” said Ann Lee, the mayor of Riverton.\n\nThe council agreed. “It is about time,” Lee added."}`,
	`{"id":"city-2","text":"Tom Baker, a spokesman for the port, said: “Traffic is up by a third.” He did not say why."}`,
	`{"id":"city-3","text":"No quotation in this record at all."}`,
	`{"id":"city-4","text":"“Prices will fall,” the minister, Clara Diaz, told reporters on Monday. “Not soon, but they will.”"}`,
	`not a JSON record`,
	`{"id":"bin-1","text":"binary` + `\u0000` + `text"}`,
	`{"id":"no-text"}`,
	``,
	`{"text":"“Nobody signs this,” said Paul Green, a union leader, of a record without an id."}`,
	`{"id":"city-5","text":"“I was there,” said Maria Rossi. “We all were,” she said later, “and we saw it.”"}`,
}

// cli returns the whosaid command that TestMain built from the module
// above, for the rows to compare with.
func cli(t *testing.T) string {
	t.Helper()
	bin := os.Getenv(cliEnv)
	if bin == "" || strings.HasPrefix(bin, "error: ") {
		t.Fatalf("no whosaid command to compare with: %s", bin)
	}
	return bin
}

// runCLI runs whosaid extract -j 1 with document-scoped duplicates (the
// Beam pipeline's scope) on a JSONL corpus; exit status 1 (some records
// failed) is no failure.
func runCLI(t *testing.T, bin, corpus, format string, extra ...string) []byte {
	t.Helper()
	args := append([]string{"extract", "-q", "-j", "1", "--dup-scope", "document", "--format", format}, extra...)
	if strings.HasSuffix(corpus, ".jsonl") {
		args = append(args, "--input", "jsonl")
	}
	cmd := exec.Command(bin, append(args, corpus)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 1) {
		t.Fatalf("whosaid %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

// runPipeline runs the pipeline on Prism, in process, and returns the
// output prefix.
func runPipeline(t testing.TB, cfg Config) string {
	t.Helper()
	needLoopbackOnly(t)
	if cfg.Output == "" {
		cfg.Output = filepath.Join(t.TempDir(), "out", "run")
	}
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, cfg); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("running the pipeline: %v", err)
	}
	return cfg.Output
}

// shardFiles returns the contents of the files of one kind of output, in
// shard order.
func shardFiles(t *testing.T, prefix, kind, ext string) [][]byte {
	t.Helper()
	names, err := filepath.Glob(prefix + "-" + kind + "-*-of-*." + ext)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	var out [][]byte
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// lines splits JSONL into its lines, sorted.
func lines(data ...[]byte) []string {
	var out []string
	for _, d := range data {
		for l := range strings.SplitSeq(string(d), "\n") {
			if l != "" {
				out = append(out, l)
			}
		}
	}
	slices.Sort(out)
	return out
}

// splitErrors separates the error records of the CLI's JSONL output from
// its documents.
func splitErrors(t *testing.T, out []byte) (docs, errs []string) {
	t.Helper()
	for _, l := range lines(out) {
		var rec struct {
			Error *string `json:"error"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("CLI output line is not JSON: %v\n%s", err, l)
		}
		if rec.Error != nil {
			errs = append(errs, l)
		} else {
			docs = append(docs, l)
		}
	}
	return docs, errs
}

func writeCorpus(t testing.TB, recs []string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(recs, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// sameLines reports the first difference of two sorted line lists.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d lines, the CLI %d", what, len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("%s: line %d differs:\n beam %.300s\n  cli %.300s", what, i, got[i], want[i])
			return
		}
	}
}

// TestPipelineMatchesCLI runs the pipeline on a small corpus with broken
// records, in JSONL and CSV, and compares its rows and dead letters with
// whosaid extract -j 1 on the same file (order aside).
func TestPipelineMatchesCLI(t *testing.T) {
	needLoopbackOnly(t)
	bin := cli(t)
	corpus := writeCorpus(t, smallCorpus)
	for _, tc := range []struct {
		format   string
		reported bool
	}{{"jsonl", false}, {"jsonl", true}, {"csv", false}} {
		t.Run(fmt.Sprintf("%s-reported=%v", tc.format, tc.reported), func(t *testing.T) {
			var extra []string
			if tc.reported {
				extra = append(extra, "--reported")
			}
			const shards = 3
			prefix := runPipeline(t, Config{Inputs: []string{corpus}, Shards: shards, Format: tc.format, Reported: tc.reported})
			quotes := shardFiles(t, prefix, "quotes", tc.format)
			if len(quotes) != shards {
				t.Fatalf("%d quote files, want %d", len(quotes), shards)
			}
			if sp := shardFiles(t, prefix, "speakers", tc.format); len(sp) != shards {
				t.Errorf("%d speaker files, want %d", len(sp), shards)
			}
			errFiles := shardFiles(t, prefix, "errors", "jsonl")
			// the dead letters are the CLI's error records
			jsonlOut := runCLI(t, bin, corpus, "jsonl", extra...)
			wantDocs, wantErrs := splitErrors(t, jsonlOut)
			sameLines(t, "dead letters", lines(errFiles...), wantErrs)
			if len(wantErrs) != 4 {
				t.Errorf("the CLI gave %d error records, want 4 (the corpus has four broken records)", len(wantErrs))
			}
			if tc.format == "jsonl" {
				sameLines(t, "quote rows", lines(quotes...), wantDocs)
				return
			}
			want := csvRows(t, runCLI(t, bin, corpus, tc.format, extra...))
			var got [][]string
			for _, q := range quotes {
				rows := csvRows(t, q)
				if len(rows) == 0 || len(want) == 0 || !slices.Equal(rows[0], want[0]) {
					t.Fatalf("a shard's CSV header is not the CLI's")
				}
				got = append(got, rows[1:]...)
			}
			wantRows := want[1:]
			cmpRows := func(a, b []string) int { return strings.Compare(strings.Join(a, "\x00"), strings.Join(b, "\x00")) }
			slices.SortFunc(got, cmpRows)
			slices.SortFunc(wantRows, cmpRows)
			if len(got) == 0 || !slices.EqualFunc(got, wantRows, slices.Equal) {
				t.Errorf("CSV rows differ from the CLI's:\n beam %q\n  cli %q", got, wantRows)
			}
		})
	}
}

// TestTextFilesMatchCLI: text documents, one of them binary and one over
// the bound, give the CLI's rows and error records.
func TestTextFilesMatchCLI(t *testing.T) {
	needLoopbackOnly(t)
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "“We will open the bridge in May,” said Ann Lee, the mayor of Riverton.\n",
		"b.txt": "Tom Baker, a spokesman for the port, said: “Traffic is up by a third.”\n",
		"c.txt": "binary\x00data",
		"d.txt": strings.Repeat("“Too long,” said Ann Lee. ", 200),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := cli(t)
	prefix := runPipeline(t, Config{Inputs: []string{filepath.Join(dir, "*.txt")}, Shards: 2, Format: "jsonl", MaxBytes: 4000})
	// the files named one by one (a folder's walk words the size error
	// without the size)
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	wantDocs, wantErrs := splitErrors(t, runCLI(t, bin, paths[0], "jsonl", append([]string{"--max-size", "4000"}, paths[1:]...)...))
	if len(wantDocs) != 2 || len(wantErrs) != 2 {
		t.Fatalf("the CLI gave %d documents and %d errors, want 2 and 2", len(wantDocs), len(wantErrs))
	}
	sameLines(t, "text rows", lines(shardFiles(t, prefix, "quotes", "jsonl")...), wantDocs)
	sameLines(t, "text dead letters", lines(shardFiles(t, prefix, "errors", "jsonl")...), wantErrs)
}

func csvRows(t *testing.T, data []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestDeadLetterOneInAThousand: a corpus of a thousand records with one
// broken finishes, with one dead letter and every other record's line.
func TestDeadLetterOneInAThousand(t *testing.T) {
	needLoopbackOnly(t)
	var recs []string
	for i := range 1000 {
		if i == 613 {
			recs = append(recs, `{"id":"doc-613","text":"cut off`)
			continue
		}
		text := fmt.Sprintf("“Route %d opens on time,” said Ann Lee, the transport director. Work began in week %d.", i, i%52)
		recs = append(recs, fmt.Sprintf(`{"id":"doc-%d","text":%q}`, i, text))
	}
	prefix := runPipeline(t, Config{Inputs: []string{writeCorpus(t, recs)}, Shards: 4, Format: "jsonl"})
	dead := lines(shardFiles(t, prefix, "errors", "jsonl")...)
	if len(dead) != 1 || !strings.HasPrefix(dead[0], `{"id":null,"error":"not JSON`) {
		t.Errorf("dead letters: %q, want one not-JSON record", dead)
	}
	docs := lines(shardFiles(t, prefix, "quotes", "jsonl")...)
	if len(docs) != 999 {
		t.Errorf("%d documents in the quote rows, want 999", len(docs))
	}
	var speakers int
	for _, sp := range shardFiles(t, prefix, "speakers", "jsonl") {
		speakers += len(lines(sp))
	}
	if speakers < 1 || speakers > 4 {
		t.Errorf("%d speaker rows over 4 shards, want Ann Lee once per shard", speakers)
	}
}

// evalFile returns the eval file NAME: in $WHOSAID_EVAL when it is set
// (as extract's benchmarks), else in ../shared/eval next to the root module.
func evalFile(name string) string {
	if d := os.Getenv("WHOSAID_EVAL"); d != "" {
		return filepath.Join(d, name)
	}
	return filepath.Join("..", "..", "..", "shared", "eval", name)
}

// TestPolNeARTrainMatchesCLI: on PolNeAR train, the pipeline's rows are
// those of whosaid extract -j 1 (order aside).
func TestPolNeARTrainMatchesCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 840 articles through Prism and the CLI take a minute")
	}
	path := evalFile("polnear-train.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no PolNeAR train next to the module (../shared/eval) nor in $WHOSAID_EVAL: %v", err)
	}
	needLoopbackOnly(t)
	bin := cli(t)
	prefix := runPipeline(t, Config{Inputs: []string{path}, Shards: 4, Format: "jsonl"})
	wantDocs, wantErrs := splitErrors(t, runCLI(t, bin, path, "jsonl"))
	if len(wantDocs) < 800 {
		t.Fatalf("the CLI gave %d documents for PolNeAR train", len(wantDocs))
	}
	sameLines(t, "PolNeAR train rows", lines(shardFiles(t, prefix, "quotes", "jsonl")...), wantDocs)
	sameLines(t, "PolNeAR train dead letters", lines(shardFiles(t, prefix, "errors", "jsonl")...), wantErrs)
}

// TestRulesReachTheWorkers: the --rules files are read when the job is
// built and travel inside it: a cue verb that only a user file knows
// attributes the quotation on the workers.
func TestRulesReachTheWorkers(t *testing.T) {
	needLoopbackOnly(t)
	dir := t.TempDir()
	ruleFile := filepath.Join(dir, "zorble.yaml")
	if err := os.WriteFile(ruleFile, []byte("version: 1\nlists:\n  cue_verbs:\n    words: [zorbled]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	corpus := writeCorpus(t, []string{`{"id":"z","text":"“The bridge opens in May,” zorbled Ann Lee, the mayor of Riverton."}`})
	for _, tc := range []struct {
		rules []string
		want  string
	}{
		{nil, `"speaker":""`},
		{[]string{ruleFile}, `"speaker":"Ann Lee"`},
	} {
		f := flags{inputs: listFlag{corpus}, rules: tc.rules, maxSize: extract.DefaultMaxBytes, cfg: Config{Shards: 1, Format: "jsonl"}}
		cfg, err := f.config()
		if err != nil {
			t.Fatal(err)
		}
		prefix := runPipeline(t, cfg)
		rows := lines(shardFiles(t, prefix, "quotes", "jsonl")...)
		if len(rows) != 1 || !strings.Contains(rows[0], tc.want) {
			t.Errorf("rules %v: rows %q, want one with %s", tc.rules, rows, tc.want)
		}
	}
}
