package main

// The conventions of issue 15, each through the command line: standard
// input without a path, --version, the summary line on a terminal, -o's
// permissions and its problems before any work, case-insensitive enum
// flags and their completion, rules list PATH, --explain with every
// format, eval --errors, and dup_of / --dedupe.

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/whosaid/whosaid/eval"
)

// cliTTY runs the command line as cli does, with standard input and
// standard error taken for terminals or not.
func cliTTY(stdin io.Reader, ttyIn, ttyErr bool, args ...string) cliResult {
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errOut bytes.Buffer
	a := &app{ctx: context.Background(), stdin: stdin, stdout: &out, stderr: &errOut, ttyIn: &ttyIn, ttyErr: &ttyErr}
	code := a.run(args)
	return cliResult{code, out.String(), errOut.String()}
}

// Passages written for these tests.
const (
	convA = "Ferry talks stall\n\n“The ferry will run again in May,” said Maria Olsen, the mayor of Lindby.\n\n" +
		"“Nobody has paid for the new pier,” said Tomas Berg, a councillor.\n\n" +
		"“The ferry will run again in May.”\n"
	convB = "Ferry to return\n\n“The ferry will run again in May,” Olsen told reporters.\n"
)

func TestStdinWithoutPath(t *testing.T) {
	for _, cmd := range []string{"extract", "speakers", "clean", "report", "rules try"} {
		args := strings.Fields(cmd)
		switch cmd {
		case "extract", "speakers":
			args = append(args, "-q")
		case "report":
			args = append(args, "-q", "-o", "-")
		}
		r := cliTTY(strings.NewReader(goodText), false, false, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "John Smith") && !strings.Contains(r.stdout, "We will win") {
			t.Errorf("%s with piped standard input and no path: exit %d, stdout %q, stderr %q", cmd, r.code, r.stdout, r.stderr)
		}
		r = cliTTY(strings.NewReader(goodText), true, false, args...)
		if r.code != exitUsage || r.stdout != "" {
			t.Errorf("%s with a terminal on standard input and no path: exit %d, stdout %q; want a usage error", cmd, r.code, r.stdout)
		}
		if cmd != "rules try" {
			checkMessages(t, r.stderr, `^whosaid: no PATH given, and standard input is a terminal`)
		}
	}
}

func TestVersion(t *testing.T) {
	r := cli(context.Background(), nil, "--version")
	if r.code != 0 || !regexp.MustCompile(`^whosaid \S+`).MatchString(r.stdout) || r.stdout != "whosaid "+version()+"\n" {
		t.Errorf("--version: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestSummaryLine(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), []byte(convA))
	write(t, filepath.Join(dir, "b.txt"), []byte(convB))
	write(t, filepath.Join(dir, "c.txt"), []byte("\x00\x01binary"))
	extractLine := `(?m)^whosaid: 3 documents, 4 quotes \(\d+ unresolved, \d+ guessed, 2 repeated\), 1 failure\n\z`
	speakersLine := `(?m)^whosaid: 3 documents, 4 quotes \(\d+ unresolved, \d+ guessed\), 1 failure\n\z`
	for _, tc := range []struct {
		tty  bool
		args []string
		want string // "" for no summary
	}{
		{true, []string{"extract", "-f", "jsonl", dir}, extractLine},
		{true, []string{"extract", "-q", "-f", "jsonl", dir}, ""},
		{false, []string{"extract", "-f", "jsonl", dir}, ""},
		{true, []string{"speakers", "-f", "jsonl", dir}, speakersLine},
		{false, []string{"speakers", "-f", "jsonl", dir}, ""},
	} {
		r := cliTTY(nil, false, tc.tty, tc.args...)
		if r.code != exitInputFailed {
			t.Errorf("%v: exit %d, want 1 (one binary file)", tc.args, r.code)
		}
		got := regexp.MustCompile(`(?m)^whosaid: \d+ documents?, `).MatchString(r.stderr)
		if got != (tc.want != "") || tc.want != "" && !regexp.MustCompile(tc.want).MatchString(r.stderr) {
			t.Errorf("%v with a terminal %v: want summary %q; stderr:\n%s", tc.args, tc.tty, tc.want, r.stderr)
		}
	}
}

func TestOutputPermissions(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "a.txt"), []byte(goodText))
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	out := filepath.Join(dir, "quotes.csv")
	if r := cli(context.Background(), nil, "extract", "-q", "-o", out, in); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("new -o file: mode %v (%v), want 0640 (0666 minus the umask 027)", st.Mode().Perm(), err)
	}
	// a file replaced keeps its mode
	if err := os.Chmod(out, 0o604); err != nil {
		t.Fatal(err)
	}
	if r := cli(context.Background(), nil, "extract", "-q", "-o", out, in); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o604 {
		t.Errorf("replaced -o file: mode %v (%v), want 0604 as before", st.Mode().Perm(), err)
	}
	checkLanded(t, dir, "a.txt", "quotes.csv")
}

// checkLanded checks that dir holds exactly the files names (no
// temporary file left behind).
func checkLanded(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

func TestOutputProblemsFirst(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "a.txt"), []byte(goodText))
	write(t, filepath.Join(dir, "sub", "keep.txt"), []byte("keep\n"))
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "nope.txt") // an input that would fail: its error must not show
	for _, tc := range []struct {
		name, out, msg string
		root           bool // meaningful when run as root
	}{
		{"missing folder", filepath.Join(dir, "none", "q.csv"), `its folder .* does not exist$`, true},
		{"a folder", filepath.Join(dir, "sub"), `is a folder$`, true},
		{"under a file", filepath.Join(in, "q.csv"), `not a directory$`, true},
		{"an input", in, `is also an input`, true},
		{"read-only folder", filepath.Join(ro, "q.csv"), `permission denied$`, false},
	} {
		if !tc.root && os.Geteuid() == 0 {
			t.Logf("%s: skipped: running as root, every folder is writable", tc.name)
			continue
		}
		r := cli(context.Background(), nil, "extract", "-q", "-o", tc.out, missing, in)
		if r.code != exitUsage || r.stdout != "" {
			t.Errorf("%s: exit %d, stdout %q; want 2 and nothing", tc.name, r.code, r.stdout)
		}
		checkMessages(t, r.stderr, `^whosaid: -o `+regexp.QuoteMeta(tc.out)+`: `+tc.msg)
		if strings.Contains(r.stderr, ".tmp") || strings.Contains(r.stderr, "nope.txt") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%s: want one line about -o, before any work and without a temporary name:\n%s", tc.name, r.stderr)
		}
	}
	// a folder where nobody may create a file, root included (Linux)
	if st, err := os.Stat("/sys"); err == nil && st.IsDir() {
		r := cli(context.Background(), nil, "extract", "-q", "-o", "/sys/q.csv", missing, in)
		if r.code != exitUsage || r.stdout != "" || strings.Contains(r.stderr, ".tmp") || strings.Contains(r.stderr, "nope.txt") {
			t.Errorf("-o in /sys: exit %d, stderr %q; want 2 and one line about -o", r.code, r.stderr)
		}
		checkMessages(t, r.stderr, `^whosaid: -o /sys/q\.csv: (permission denied|read-only file system)$`)
	}
	checkLanded(t, dir, "a.txt", "ro", "sub")
	checkLanded(t, ro)
	checkLanded(t, filepath.Join(dir, "sub"), "keep.txt")
}

func TestEnumFlags(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "a.txt"), []byte(goodText))
	for _, args := range [][]string{
		{"extract", "-q", "--format", "CSV", in},
		{"extract", "-q", "-f", "Jsonl", "--input", "TEXT", "--encoding", "UTF-8", "--lang", "EN", in},
		{"speakers", "-q", "--format", "JSON", "--input", "Text", in},
		{"clean", "--format", "JSONL", "--encoding", "Latin-1", in},
		{"report", "-q", "-o", "-", "--lang", "En", in},
	} {
		if r := cli(context.Background(), nil, args...); r.code != 0 || r.stdout == "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"extract", "--format", ""}, []string{"table", "csv", "tsv", "json", "jsonl", "xlsx", "html"}},
		{[]string{"extract", "--input", ""}, []string{"text", "jsonl", "html"}},
		{[]string{"extract", "--encoding", ""}, []string{"auto", "utf-8", "latin-1", "utf-16le"}},
		{[]string{"extract", "--lang", ""}, []string{"en", "de", "fr", "ru"}},
		{[]string{"speakers", "--format", ""}, []string{"csv", "xlsx"}},
		{[]string{"clean", "--format", ""}, []string{"text", "jsonl"}},
		{[]string{"report", "--lang", ""}, []string{"en", "es"}},
		{[]string{"eval", "--variant", ""}, []string{"british"}},
		{[]string{"rules", "init", "--lang", ""}, []string{"de"}},
	} {
		r := cli(context.Background(), nil, append([]string{"__complete"}, tc.args...)...)
		lines := strings.Split(r.stdout, "\n")
		for _, w := range tc.want {
			found := false
			for _, l := range lines {
				found = found || l == w
			}
			if !found {
				t.Errorf("completion of %v lacks %q:\n%s", tc.args, w, r.stdout)
			}
		}
	}
}

func TestRulesListPath(t *testing.T) {
	path := filepath.Join("..", "..", "testdata", "rules", "valid", "extend.yaml")
	byPath := cli(context.Background(), nil, "rules", "list", path)
	byFlag := cli(context.Background(), nil, "rules", "list", "--rules", path)
	if byPath.code != 0 || !strings.Contains(byPath.stdout, "sports-presser") {
		t.Errorf("rules list PATH: exit %d, stderr %q; want the file's rule sports-presser", byPath.code, byPath.stderr)
	}
	if byPath.stdout != byFlag.stdout {
		t.Errorf("rules list PATH differs from rules list --rules PATH")
	}
	// a PATH and a NAME together
	r := cli(context.Background(), nil, "rules", "list", path, "sports-presser")
	if r.code != 0 || !strings.Contains(r.stdout, "sports-presser") || strings.Contains(r.stdout, "quote-cue-speaker") {
		t.Errorf("rules list PATH NAME: exit %d, stdout:\n%s", r.code, r.stdout)
	}
	// an invalid file: problems and exit 3, as rules check
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	write(t, bad, []byte("version: 1\nlists: [\n"))
	if r := cli(context.Background(), nil, "rules", "list", bad); r.code != exitRules {
		t.Errorf("rules list BAD: exit %d, want 3", r.code)
	}
}

func TestExplainEveryFormat(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "a.txt"), []byte(goodText))
	for _, format := range []string{"table", "csv", "tsv", "json", "jsonl", "xlsx", "html"} {
		out := "-"
		if format == "xlsx" {
			out = filepath.Join(dir, "q.xlsx")
		}
		r := cli(context.Background(), nil, "extract", "-q", "--explain", "-f", format, "-o", out, in)
		if r.code != 0 {
			t.Errorf("%s: exit %d: %s", format, r.code, r.stderr)
			continue
		}
		inline := format == "json" || format == "jsonl" || format == "html"
		if inline && !strings.Contains(r.stdout, `"explain"`) {
			t.Errorf("%s: no explain field in the output", format)
		}
		onStderr := strings.Contains(r.stderr, "quote-cue-speaker")
		if onStderr == inline {
			t.Errorf("%s: explain on standard error %v, want %v:\n%s", format, onStderr, !inline, r.stderr)
		}
	}
}

func TestEvalErrorsCLI(t *testing.T) {
	text := "“The dam holds,” said Ana Ruiz. “Rain is coming,” Leo Park said. The plan is late, Ana Ruiz said. “We wait,” she added."
	gold := map[string]any{"id": "d1", "text": text, "quotes": []map[string]any{
		{"start": 1, "end": 15, "text": "The dam holds,", "speaker": "Ana Ruiz", "speaker_is_pronoun": false},
		{"start": 33, "end": 48, "text": "Rain is coming,", "speaker": "Tomas Berg", "speaker_is_pronoun": false},
		{"start": 66, "end": 82, "text": "The plan is late", "speaker": "Ana Ruiz", "speaker_is_pronoun": false},
	}}
	b, _ := json.Marshal(gold)
	path := write(t, filepath.Join(t.TempDir(), "gold.jsonl"), append(b, '\n'))
	r := cli(context.Background(), nil, "eval", "--errors", path)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"d1\tspeaker\t33-48\t“Rain is coming,”\tgold: Tomas Berg, predicted: Leo Park",
		"d1\tmissed\t66-82\t“The plan is late”\tgold: Ana Ruiz",
		"d1\tspurious\t",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval --errors lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "The dam holds") {
		t.Errorf("eval --errors lists a right quote:\n%s", r.stdout)
	}
	checkMessages(t, r.stderr, `^whosaid: 1 missed, 1 spurious, 1 wrong speakers$`)
	r = cli(context.Background(), nil, "eval", "--errors", "--json", path)
	var errs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &errs); err != nil || len(errs) != 3 {
		t.Errorf("eval --errors --json: %v, %d errors:\n%s", err, len(errs), r.stdout)
	}
}

func TestDupOf(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), []byte(convA))
	write(t, filepath.Join(dir, "b.txt"), []byte(convB))
	type row struct {
		ID    string `json:"id"`
		Quote string `json:"quote"`
		DupOf string `json:"dup_of"`
	}
	rows := func(out string) map[string][]row {
		m := map[string][]row{}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var d struct {
				ID     string `json:"id"`
				Quotes []row  `json:"quotes"`
			}
			if err := json.Unmarshal([]byte(line), &d); err != nil {
				t.Fatalf("%v: %s", err, line)
			}
			m[filepath.Base(d.ID)] = d.Quotes
		}
		return m
	}
	var first string
	for _, j := range []string{"1", "4"} {
		r := cli(context.Background(), nil, "extract", "-q", "-j", j, "-f", "jsonl", dir)
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if first == "" {
			first = r.stdout
		} else if r.stdout != first {
			t.Errorf("-j %s: output differs from -j 1", j)
		}
		m := rows(r.stdout)
		a, b := m["a.txt"], m["b.txt"]
		if len(a) != 3 || len(b) != 1 {
			t.Fatalf("quotes: a %d, b %d; want 3 and 1:\n%s", len(a), len(b), r.stdout)
		}
		ref := filepath.Join(dir, "a.txt") + "#q1"
		if a[0].DupOf != "" || a[1].DupOf != "" || a[2].DupOf != ref || b[0].DupOf != ref {
			t.Errorf("dup_of: a %q %q %q, b %q; want \"\" \"\" %q, %q", a[0].DupOf, a[1].DupOf, a[2].DupOf, b[0].DupOf, ref, ref)
		}
	}
	r := cli(context.Background(), nil, "extract", "-q", "--dedupe", "-f", "jsonl", dir)
	m := rows(r.stdout)
	if r.code != 0 || len(m["a.txt"]) != 2 || len(m["b.txt"]) != 0 {
		t.Errorf("--dedupe: exit %d, quotes a %d, b %d; want 2 and 0", r.code, len(m["a.txt"]), len(m["b.txt"]))
	}
	r = cli(context.Background(), nil, "extract", "-q", "--dedupe", "-f", "csv", dir)
	if n := strings.Count(r.stdout, "\n"); r.code != 0 || n != 3 {
		t.Errorf("--dedupe -f csv: exit %d, %d lines, want the header and 2 rows:\n%s", r.code, n, r.stdout)
	}
}

// TestDocsEvalGold checks the gold example of docs/eval.md: it reads as a
// gold file, and every span gives its text.
func TestDocsEvalGold(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "eval.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```json\n")
	block, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("docs/eval.md: no ```json block")
	}
	line := strings.Join(strings.Fields(block), " ") // one JSONL line
	gold, err := eval.ReadGold(strings.NewReader(line + "\n"))
	if err != nil || len(gold) != 1 {
		t.Fatalf("docs/eval.md example: %v", err)
	}
	text := []rune(gold[0].Text)
	for _, q := range gold[0].Quotes {
		if got := string(text[q.Start:q.End]); got != q.Text {
			t.Errorf("quote %d-%d is %q, its text says %q", q.Start, q.End, got, q.Text)
		}
		if q.SpeakerStart != nil && string(text[*q.SpeakerStart:*q.SpeakerEnd]) != *q.Speaker {
			t.Errorf("speaker %d-%d is %q, want %q", *q.SpeakerStart, *q.SpeakerEnd, string(text[*q.SpeakerStart:*q.SpeakerEnd]), *q.Speaker)
		}
	}
	// and it scores: whosaid finds both quotes
	path := write(t, filepath.Join(t.TempDir(), "gold.jsonl"), []byte(line+"\n"))
	r := cli(context.Background(), nil, "eval", "--json", path)
	if r.code != 0 || !strings.Contains(r.stdout, `"gold_quotes": 2`) {
		t.Errorf("eval on the example: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
}
