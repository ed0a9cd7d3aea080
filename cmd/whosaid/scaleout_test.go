package main

// The JSONL filter contract of docs/scale-out.md: `whosaid extract --input
// jsonl --format jsonl -` writes one line per input line, in order, a
// record that cannot be processed gets an error record on its line, and
// the exit status says that some failed; cut into chunks by GNU parallel,
// the corpus gives the same bytes as one process.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// filterLine is what the contract promises of an output line.
type filterLine struct {
	ID     *string `json:"id"`
	Error  *string `json:"error"`
	Quotes []any   `json:"quotes"`
}

// filterLines decodes the output of a filter run, one JSON object a line.
func filterLines(t *testing.T, out string) []filterLine {
	t.Helper()
	if out != "" && !strings.HasSuffix(out, "\n") {
		t.Fatalf("output does not end with a newline: %q", out[max(0, len(out)-80):])
	}
	var lines []filterLine
	for _, l := range strings.SplitAfter(out, "\n") {
		if l == "" {
			continue
		}
		var f filterLine
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatalf("output line %d is not a JSON object: %v\n%s", len(lines)+1, err, l)
		}
		lines = append(lines, f)
	}
	return lines
}

func TestFilterContract(t *testing.T) {
	good := func(id string) string {
		return fmt.Sprintf(`{"id":%q,"text":"“We will open the bridge in May,” said Ana Diaz, the mayor of Lakeview."}`, id)
	}
	long := `{"id":"long","text":"` + strings.Repeat("word ", 600) + `"}`
	cases := []struct {
		name string
		line string
		id   string // the id the output line carries ("" for null)
		err  string // a part of the error record's message, "" for a document
	}{
		{"a record", good("a1"), "a1", ""},
		{"a record with other fields", `{"id":"a2","url":"https://example.org/a2","text":"“Yes,” she said."}`, "a2", ""},
		{"a blank line", "", "", "blank line"},
		{"a line of spaces", " \t ", "", "blank line"},
		{"not JSON", "{oops", "", "not JSON"},
		{"a JSON array", `["a","b"]`, "", "not an object"},
		{"no text", `{"id":"n1"}`, "n1", `no "text" field`},
		{"text not a string", `{"id":"n2","text":42}`, "", "not a string"},
		{"binary text", `{"id":"b1","text":"a\u0000b"}`, "b1", "binary"},
		{"too large", long, "", "too large"},
		{"an id too long", `{"id":"` + strings.Repeat("x", 1100) + `","text":"hi"}`, "", "more than 1024 bytes"},
		{"a record after the broken ones", good("z9"), "z9", ""},
	}
	var in strings.Builder
	failed := 0
	for _, c := range cases {
		in.WriteString(c.line + "\n")
		if c.err != "" {
			failed++
		}
	}
	r := cli(context.Background(), strings.NewReader(in.String()), "extract", "-q", "--max-size", "2KiB", "--input", "jsonl", "--format", "jsonl", "-")
	if r.code != exitInputFailed {
		t.Errorf("exit status %d, want %d (some records failed)", r.code, exitInputFailed)
	}
	if n := strings.Count(r.stderr, "\n"); n != failed {
		t.Errorf("%d lines on standard error, want one per failed record (%d):\n%s", n, failed, r.stderr)
	}
	lines := filterLines(t, r.stdout)
	if len(lines) != len(cases) {
		t.Fatalf("%d output lines for %d input lines:\n%s", len(lines), len(cases), r.stdout)
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := lines[i]
			switch {
			case c.id == "" && l.ID != nil:
				t.Errorf("id %q, want null", *l.ID)
			case c.id != "" && (l.ID == nil || *l.ID != c.id):
				t.Errorf("id %v, want %q", l.ID, c.id)
			}
			switch {
			case c.err == "" && l.Error != nil:
				t.Errorf("error record %q, want a document", *l.Error)
			case c.err == "" && l.Quotes == nil:
				t.Errorf("no quotes array on a document line")
			case c.err != "" && (l.Error == nil || !strings.Contains(*l.Error, c.err)):
				t.Errorf("error %v, want one with %q", l.Error, c.err)
			}
		})
	}
}

func TestFilterAllGoodExitsZero(t *testing.T) {
	in := `{"id":"a","text":"“Fine,” said Ana Diaz."}` + "\n" + `{"id":"b","text":"No quotes here."}` + "\n"
	r := cli(context.Background(), strings.NewReader(in), "extract", "-q", "--input", "jsonl", "--format", "jsonl", "-")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 0 and nothing", r.code, r.stderr)
	}
	if got := len(filterLines(t, r.stdout)); got != 2 {
		t.Errorf("%d lines, want 2", got)
	}
}

// filterCorpus is n JSONL records of passages written for this test, with
// broken lines at the given positions (from 0).
func filterCorpus(n int, broken ...int) []byte {
	speakers := []string{"Ana Diaz, the mayor of Lakeview", "Tom Berg, a spokesman for the port authority", "the minister", "Priya Desai"}
	var b bytes.Buffer
	for i := range n {
		switch {
		case hasInt(broken, i) && i%2 == 0:
			fmt.Fprintf(&b, `{"id":"doc-%04d","text":"cut off`+"\n", i) // a truncated line
			continue
		case hasInt(broken, i):
			b.WriteString("\n") // a blank line
			continue
		}
		text := fmt.Sprintf("Report %d.\n\n“The works on pier %d will end in %d weeks,” said %s. “Nobody will lose a job.”\n\nThe council meets on Monday.",
			i, i%17, 2+i%9, speakers[i%len(speakers)])
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("doc-%04d", i), "text": text})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func hasInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestOneBrokenRecordInAThousand(t *testing.T) {
	in := filterCorpus(1000, 612)
	r := cli(context.Background(), bytes.NewReader(in), "extract", "-q", "--input", "jsonl", "--format", "jsonl", "-")
	if r.code != exitInputFailed {
		t.Errorf("exit status %d, want %d", r.code, exitInputFailed)
	}
	lines := filterLines(t, r.stdout)
	if len(lines) != 1000 {
		t.Fatalf("%d output lines for 1000 records", len(lines))
	}
	errs := 0
	for i, l := range lines {
		want := fmt.Sprintf("doc-%04d", i)
		if l.Error != nil {
			errs++
			if i != 612 {
				t.Errorf("line %d: error record %q", i+1, *l.Error)
			}
			continue
		}
		if l.ID == nil || *l.ID != want {
			t.Errorf("line %d: id %v, want %s", i+1, l.ID, want)
		}
	}
	if errs != 1 || lines[612].Error == nil {
		t.Errorf("%d error records, want 1 on line 613", errs)
	}
	checkMessages(t, r.stderr, `^whosaid: -:613: not JSON`)
}

// parallelRun pipes in through GNU parallel --pipe --keep-order, n records
// a chunk, each chunk to a whosaid extract of its own (this test binary,
// run as the command), and returns the output; it skips when parallel is
// not installed.
func parallelRun(t *testing.T, in []byte, n int) (out []byte, code int) {
	t.Helper()
	if _, err := exec.LookPath("parallel"); err != nil {
		t.Skip("GNU parallel is not installed (apt-get install parallel; .ci/run installs it)")
	}
	cmd := exec.Command("parallel", "--will-cite", "--pipe", "--keep-order", "-N", fmt.Sprint(n), "--block", "16M", "-j", "2",
		os.Args[0], "extract", "-q", "-j", "1", "--dup-scope", "document", "--input", "jsonl", "--format", "jsonl", "-")
	cmd.Env = append(os.Environ(), "WHOSAID_CHILD=1")
	cmd.Dir = t.TempDir()
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode() // the number of chunks whose whosaid failed
	case err != nil:
		t.Fatalf("parallel: %v", err)
	}
	if strings.Contains(stderr.String(), "parallel:") {
		t.Logf("parallel says: %s", stderr.String())
	}
	return out, code
}

func TestGNUParallelEqualsOneProcess(t *testing.T) {
	in := filterCorpus(300, 7, 150, 299)
	out, code := parallelRun(t, in, 40)
	if code != 3 {
		t.Errorf("parallel: exit status %d, want 3 (three chunks with a broken record)", code)
	}
	r := cli(context.Background(), bytes.NewReader(in), "extract", "-q", "-j", "1", "--dup-scope", "document", "--input", "jsonl", "--format", "jsonl", "-")
	if r.code != exitInputFailed {
		t.Errorf("one process: exit status %d, want %d", r.code, exitInputFailed)
	}
	if len(filterLines(t, r.stdout)) != 300 {
		t.Fatalf("one process: not 300 lines")
	}
	if !bytes.Equal(out, []byte(r.stdout)) {
		t.Errorf("GNU parallel output differs from one process's (%d and %d bytes)", len(out), len(r.stdout))
	}
}

// TestGNUParallelPolNeARTrain runs the docs/scale-out.md recipe on
// ../shared/eval/polnear-train.jsonl (next to the module) when it is there.
func TestGNUParallelPolNeARTrain(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 840 articles through GNU parallel take seconds")
	}
	in, err := os.ReadFile(evalFile("polnear-train.jsonl"))
	if err != nil {
		t.Skipf("no PolNeAR train next to the module (../shared/eval): %v", err)
	}
	out, code := parallelRun(t, in, 100)
	if code != 0 {
		t.Errorf("parallel: exit status %d, want 0", code)
	}
	r := cli(context.Background(), bytes.NewReader(in), "extract", "-q", "-j", "1", "--dup-scope", "document", "--input", "jsonl", "--format", "jsonl", "-")
	if r.code != 0 {
		t.Fatalf("one process: exit status %d: %s", r.code, r.stderr)
	}
	if n := bytes.Count(in, []byte("\n")); len(filterLines(t, r.stdout)) != n {
		t.Fatalf("one process: not %d lines", n)
	}
	if !bytes.Equal(out, []byte(r.stdout)) {
		t.Errorf("GNU parallel output differs from one process's (%d and %d bytes)", len(out), len(r.stdout))
	}
}

// evalFile returns ../shared/eval/NAME relative to the module root (the
// folder with go.mod above the working directory), as extract's evalPath.
func evalFile(name string) string {
	dir, err := os.Getwd()
	if err != nil {
		return name
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "eval", name)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Join("..", "..", "..", "shared", "eval", name)
		}
		dir = parent
	}
}
