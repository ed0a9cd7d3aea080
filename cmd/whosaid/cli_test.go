package main

// The bad-input catalogue of docs/reliability.md, run through the command
// line: every case gets one clear line per problem naming its file, the
// documented exit code, no stack trace, and in a batch the valid documents
// all come out.

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
)

// cliResult is the outcome of one run of the command line.
type cliResult struct {
	code           int
	stdout, stderr string
}

// cli runs the command line with ctx and stdin.
func cli(ctx context.Context, stdin io.Reader, args ...string) cliResult {
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errOut bytes.Buffer
	code := run(ctx, args, stdin, &out, &errOut)
	return cliResult{code, out.String(), errOut.String()}
}

// docIDs returns the ids of the JSONL documents of out, and their quote
// counts; the error records of documents that failed are left out.
func docIDs(t *testing.T, out string) ([]string, map[string][]map[string]any) {
	t.Helper()
	var ids []string
	quotes := map[string][]map[string]any{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var d struct {
			ID     string           `json:"id"`
			Quotes []map[string]any `json:"quotes"`
			Error  *string          `json:"error"`
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("output line is not JSON: %v\n%s", err, line)
		}
		if d.Error != nil {
			continue
		}
		ids = append(ids, d.ID)
		quotes[d.ID] = d.Quotes
	}
	return ids, quotes
}

// checkMessages checks that stderr is one "whosaid: " line per message, no
// stack trace, and that each wanted pattern matches one of its lines.
func checkMessages(t *testing.T, stderr string, want ...string) {
	t.Helper()
	if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") || strings.Contains(stderr, ".go:") {
		t.Errorf("stack trace or panic on stderr:\n%s", stderr)
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if stderr == "" {
		lines = nil
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "whosaid: ") {
			t.Errorf("stderr line without the whosaid: prefix: %q", l)
		}
	}
	for _, w := range want {
		re := regexp.MustCompile(w)
		found := false
		for _, l := range lines {
			if re.MatchString(l) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no stderr line matches %q; stderr:\n%s", w, stderr)
		}
	}
	if len(want) == 0 && stderr != "" {
		t.Errorf("unexpected stderr:\n%s", stderr)
	}
}

const goodText = "“We will win,” said John Smith.\n"

func write(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var order binary.AppendByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		b = order.AppendUint16(b, u)
	}
	return b
}

// unreadable makes a file that cannot be read: mode 000, or, for root (who
// reads anything, as in CI), a link to /proc/self/mem, whose first page
// gives an I/O error.
func unreadable(t *testing.T, path string) (string, string) {
	t.Helper()
	write(t, path, []byte(goodText))
	if os.Geteuid() != 0 {
		if err := os.Chmod(path, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(path, 0o644) })
		return path, "permission denied"
	}
	if runtime.GOOS != "linux" {
		t.Skip("running as root: no unreadable file to make")
	}
	os.Remove(path)
	if err := os.Symlink("/proc/self/mem", path); err != nil {
		t.Fatal(err)
	}
	return path, "input/output error"
}

func TestCatalogue(t *testing.T) {
	dir := t.TempDir()
	good := write(t, filepath.Join(dir, "good.txt"), []byte(goodText))
	unreadableMsg := ""
	cases := []struct {
		name     string
		setup    func(t *testing.T) []string // the flags and the input path (last)
		stdin    string
		bigStdin bool // 200 MB of text on one line on standard input
		code     int
		msgs     []string // stderr patterns; {F} is the input path, {M} unreadableMsg
		docs     []string // its document ids in stdout, in order; {F} as above
		check    func(t *testing.T, quotes map[string][]map[string]any)
	}{
		{
			name:  "empty file: a document with no quotes",
			setup: func(t *testing.T) []string { return []string{write(t, filepath.Join(dir, "empty.txt"), nil)} },
			docs:  []string{"{F}"},
		},
		{
			name: "binary file",
			setup: func(t *testing.T) []string {
				return []string{write(t, filepath.Join(dir, "image.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))}
			},
			code: 1,
			msgs: []string{`^whosaid: {F}: binary data, not text \(NUL byte at offset 8\)$`},
		},
		{
			name: "invalid UTF-8",
			setup: func(t *testing.T) []string {
				return []string{write(t, filepath.Join(dir, "latin1.txt"), []byte("Caf\xe9 \x93Bonjour,\x94 said Jean Dupont.\n"))}
			},
			code: 1,
			msgs: []string{`^whosaid: {F}: not valid UTF-8 \(bad byte 0xe9 at line 1, byte offset 3\); .*--encoding windows-1252$`},
		},
		{
			name: "invalid UTF-8 repaired with --encoding windows-1252",
			setup: func(t *testing.T) []string {
				return []string{"--encoding", "windows-1252", write(t, filepath.Join(dir, "cp1252.txt"), []byte("Caf\xe9 \x93Bonjour,\x94 said Jean Dupont.\n"))}
			},
			docs: []string{"{F}"},
			check: func(t *testing.T, q map[string][]map[string]any) {
				qs := q[filepath.Join(dir, "cp1252.txt")]
				if len(qs) != 1 || qs[0]["quote"] != "Bonjour" || qs[0]["start"] != 6.0 || qs[0]["speaker"] != "Jean Dupont" {
					t.Errorf("quotes %v, want Bonjour at 6 by Jean Dupont", qs)
				}
			},
		},
		{
			name: "invalid UTF-8 read as --encoding latin-1",
			setup: func(t *testing.T) []string {
				return []string{"--encoding", "latin-1", write(t, filepath.Join(dir, "latin1b.txt"), []byte("Caf\xe9: \xabBonjour,\xbb said Jean Dupont.\n"))}
			},
			docs: []string{"{F}"},
			check: func(t *testing.T, q map[string][]map[string]any) {
				qs := q[filepath.Join(dir, "latin1b.txt")]
				if len(qs) != 1 || qs[0]["quote"] != "Bonjour" || qs[0]["start"] != 7.0 {
					t.Errorf("quotes %v, want Bonjour at 7", qs)
				}
			},
		},
		{
			name: "UTF-16 LE with BOM, detected",
			setup: func(t *testing.T) []string {
				return []string{write(t, filepath.Join(dir, "utf16le.txt"), utf16Bytes("Intro 😀. "+goodText, false, true))}
			},
			docs: []string{"{F}"},
			check: func(t *testing.T, q map[string][]map[string]any) {
				qs := q[filepath.Join(dir, "utf16le.txt")]
				// offsets in code points of the text without its BOM: “ at 9
				if len(qs) != 1 || qs[0]["quote"] != "We will win" || qs[0]["start"] != 10.0 || qs[0]["speaker"] != "John Smith" {
					t.Errorf("quotes %v", qs)
				}
			},
		},
		{
			name: "UTF-16 BE with BOM, detected",
			setup: func(t *testing.T) []string {
				return []string{write(t, filepath.Join(dir, "utf16be.txt"), utf16Bytes(goodText, true, true))}
			},
			docs: []string{"{F}"},
			check: func(t *testing.T, q map[string][]map[string]any) {
				if qs := q[filepath.Join(dir, "utf16be.txt")]; len(qs) != 1 || qs[0]["start"] != 1.0 {
					t.Errorf("quotes %v", qs)
				}
			},
		},
		{
			name: "UTF-16 without BOM: a hint",
			setup: func(t *testing.T) []string {
				return []string{write(t, filepath.Join(dir, "utf16nobom.txt"), utf16Bytes("Hello there, \"yes,\" he said.", false, false))}
			},
			code: 1,
			msgs: []string{`^whosaid: {F}: binary data, not text \(NUL byte at offset 1\); .*--encoding utf-16le`},
		},
		{
			name: "UTF-16 without BOM read with --encoding utf-16le",
			setup: func(t *testing.T) []string {
				return []string{"--encoding", "utf-16le", write(t, filepath.Join(dir, "utf16nobom2.txt"), utf16Bytes(goodText, false, false))}
			},
			docs: []string{"{F}"},
		},
		{
			name: "a file over --max-size",
			setup: func(t *testing.T) []string {
				return []string{"--max-size", "16", write(t, filepath.Join(dir, "big.txt"), []byte(goodText))}
			},
			code: 1,
			msgs: []string{`^whosaid: {F}: document too large: 36 bytes, more than 16 bytes \(raise the bound with --max-size\)$`},
		},
		{
			name: "200 MB file with a single line: refused unread by the default bound",
			setup: func(t *testing.T) []string {
				p := write(t, filepath.Join(dir, "huge.txt"), []byte(strings.Repeat("The talks were “useful”, he said. ", 8)))
				if err := os.Truncate(p, 200<<20); err != nil { // sparse: costs no disk
					t.Fatal(err)
				}
				return []string{p}
			},
			code: 1,
			msgs: []string{`^whosaid: {F}: document too large: 200 MiB, more than 4 MiB \(raise the bound with --max-size\)$`},
		},
		{
			name:     "200 MB single line on standard input: read up to the bound only",
			setup:    func(t *testing.T) []string { return []string{"-"} },
			bigStdin: true,
			code:     1,
			msgs:     []string{`^whosaid: -: document too large: more than 4 MiB`},
		},
		{
			name: "nothing but quotation marks",
			setup: func(t *testing.T) []string {
				return []string{write(t, filepath.Join(dir, "marks.txt"), []byte(strings.Repeat("“”‘’\"'«»„“", 10000)))}
			},
			docs: []string{"{F}"},
		},
		{
			name: "100,000 unclosed quotes",
			setup: func(t *testing.T) []string {
				return []string{write(t, filepath.Join(dir, "unclosed.txt"), []byte(strings.Repeat("“a\n", 100000)))}
			},
			docs: []string{"{F}"},
		},
		{
			name:  "missing path",
			setup: func(t *testing.T) []string { return []string{filepath.Join(dir, "missing.txt")} },
			code:  1,
			msgs:  []string{`^whosaid: {F}: no such file or directory$`},
		},
		{
			name: "unreadable file",
			setup: func(t *testing.T) []string {
				p, msg := unreadable(t, filepath.Join(dir, "secret", "secret.txt"))
				unreadableMsg = msg
				return []string{p}
			},
			code: 1,
			msgs: []string{`^whosaid: {F}: {M}$`},
		},
		{
			name: "folder with a symlink loop",
			setup: func(t *testing.T) []string {
				d := filepath.Join(dir, "loopy")
				write(t, filepath.Join(d, "a.txt"), []byte(goodText))
				write(t, filepath.Join(d, "sub", "b.txt"), []byte(goodText))
				for link, target := range map[string]string{"sub/up": "..", "self": ".", "self.txt": "self.txt"} {
					if err := os.Symlink(target, filepath.Join(d, link)); err != nil {
						t.Skip("no symbolic links here:", err)
					}
				}
				return []string{d}
			},
			code: 1,
			msgs: []string{`^whosaid: {F}/self.txt: too many levels of symbolic links$`},
			docs: []string{"{F}/a.txt", "{F}/sub/b.txt"},
		},
		{
			name: "JSONL: a line that is not JSON, a line without text",
			setup: func(t *testing.T) []string {
				return []string{write(t, filepath.Join(dir, "corpus.jsonl"), []byte(
					"{\"id\": \"d1\", \"text\": \"“Yes,” said Ann Lee.\"}\nnot json at all\n{\"id\": \"d3\", \"body\": \"x\"}\n[1, 2]\n\n{\"id\": \"d6\", \"text\": \"\"}\n{\"text\": 12}\n"))}
			},
			code: 1,
			msgs: []string{
				`^whosaid: {F}:2: not JSON: invalid character 'o' in literal null \(expecting 'u'\) \(at byte 2\)$`,
				`^whosaid: {F}:3: no "text" field \(id "d3"\)$`,
				`^whosaid: {F}:4: a JSON array, not an object \{"id": \.\.\., "text": \.\.\.\}$`,
				`^whosaid: {F}:5: blank line, no JSON record$`, // with JSONL output (docs/scale-out.md)
				`^whosaid: {F}:7: "text" is a JSON number, not a string$`,
			},
			docs: []string{"d1", "d6"},
		},
		{
			name: "a folder holding a named pipe does not block",
			setup: func(t *testing.T) []string {
				d := filepath.Join(dir, "pipes")
				write(t, filepath.Join(d, "a.txt"), []byte(goodText))
				if err := exec.Command("mkfifo", filepath.Join(d, "fifo.txt")).Run(); err != nil {
					t.Skip("no mkfifo:", err)
				}
				return []string{d}
			},
			code: 1,
			msgs: []string{`^whosaid: {F}/fifo.txt: not a regular file \(p---------\)$`},
			docs: []string{"{F}/a.txt"},
		},
		{
			name: "a file name with a newline and an escape sequence",
			setup: func(t *testing.T) []string {
				return []string{write(t, filepath.Join(dir, "evil\n\x1b[31m.txt"), []byte("\x00"))}
			},
			code: 1,
			msgs: []string{`^whosaid: "` + regexp.QuoteMeta(dir) + `/evil\\n\\x1b\[31m\.txt": binary data`},
		},
		{
			name:  "invalid UTF-8 on standard input",
			setup: func(t *testing.T) []string { return []string{"-"} },
			stdin: "caf\xe9",
			code:  1,
			msgs:  []string{`^whosaid: -: not valid UTF-8`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.setup(t)
			first := args[len(args)-1]
			sub := func(s string) string {
				s = strings.ReplaceAll(s, "{F}", regexp.QuoteMeta(first))
				return strings.ReplaceAll(s, "{M}", regexp.QuoteMeta(unreadableMsg))
			}
			var stdin io.Reader = strings.NewReader(tc.stdin)
			if tc.bigStdin {
				stdin = io.LimitReader(repeatReader("The talks were “useful”, he said. "), 200<<20)
			}
			// the batch: a good file before and after the case's input
			// (unless flags change how the good file reads)
			batch := []string{good, first, good}
			if len(args) > 1 {
				batch = []string{first}
			}
			full := append([]string{"extract", "--format", "jsonl", "-j", "2"}, args[:len(args)-1]...)
			full = append(full, batch...)
			r := cli(context.Background(), stdin, full...)
			t.Logf("exit %d; stderr:\n%s", r.code, r.stderr)
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			var msgs []string
			for _, m := range tc.msgs {
				msgs = append(msgs, sub(m))
			}
			checkMessages(t, r.stderr, msgs...)
			ids, quotes := docIDs(t, r.stdout)
			var want []string
			for _, d := range tc.docs {
				want = append(want, strings.ReplaceAll(d, "{F}", first))
			}
			if len(batch) > 1 {
				want = append(append([]string{good}, want...), good)
				if len(quotes[good]) != 1 {
					t.Errorf("the good document lost its quote: %v", quotes[good])
				}
			}
			if strings.Join(ids, "\n") != strings.Join(want, "\n") {
				t.Errorf("documents in the output:\n%s\nwant:\n%s", strings.Join(ids, "\n"), strings.Join(want, "\n"))
			}
			if tc.check != nil {
				tc.check(t, quotes)
			}
		})
	}
}

// repeatReader is an endless stream of s.
type repeatReader string

func (r repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], r)
	}
	return n, nil
}

func TestJSONLLineOverMaxSize(t *testing.T) {
	// a 200 MB JSONL line is skipped with a message; the next lines come out
	big := io.MultiReader(strings.NewReader(`{"id": "big", "text": "`), io.LimitReader(repeatReader("The talks were useful, he said. "), 200<<20),
		strings.NewReader("\"}\n"+`{"id": "after", "text": "“Yes,” said Ann Lee."}`+"\n"))
	r := cli(context.Background(), big, "extract", "--input", "jsonl", "--format", "jsonl", "-")
	if r.code != 1 {
		t.Errorf("exit code %d, want 1", r.code)
	}
	checkMessages(t, r.stderr, `^whosaid: -:1: line of 200\.0 MiB: document too large: more than 4 MiB`)
	if ids, _ := docIDs(t, r.stdout); strings.Join(ids, ",") != "after" {
		t.Errorf("documents %v, want [after]", ids)
	}
}

func TestHugeSingleLine(t *testing.T) {
	// The whole 200 MB line extracted, with --max-size 0: minutes and
	// gigabytes, so only on demand (docs/reliability.md).
	if os.Getenv("WHOSAID_BIG") == "" || testing.Short() {
		t.Skip("set WHOSAID_BIG=1 to extract a 200 MB single-line file")
	}
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(f, io.LimitReader(repeatReader("Kremlin aide Yury Ushakov has hailed “very useful” talks, he said. "), 200<<20)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r := cli(context.Background(), nil, "extract", "--max-size", "0", "--format", "jsonl", "-o", filepath.Join(t.TempDir(), "out.jsonl"), p)
	if r.code != 0 {
		t.Fatalf("exit code %d: %s", r.code, r.stderr)
	}
}

func TestUsageAndRulesErrors(t *testing.T) {
	dir := t.TempDir()
	good := write(t, filepath.Join(dir, "good.txt"), []byte(goodText))
	notYAML := write(t, filepath.Join(dir, "rules.yaml"), []byte("version: 1\nlists: [\n  {{{ not yaml\n"))
	binaryRules := write(t, filepath.Join(dir, "binary.yaml"), []byte("\x00\x01\x02\xff"))
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"extract", "--rules", notYAML, good}, 3, `^whosaid: ` + regexp.QuoteMeta(notYAML) + `:\d+(:\d+)?: `},
		{[]string{"extract", "--rules", binaryRules, good}, 3, `^whosaid: ` + regexp.QuoteMeta(binaryRules) + `:`},
		{[]string{"extract", "--rules", filepath.Join(dir, "none.yaml"), good}, 3, `^whosaid: ` + regexp.QuoteMeta(filepath.Join(dir, "none.yaml")) + `: no such file or directory$`},
		{[]string{"extract", "--encoding", "ebcdic", good}, 2, `^whosaid: --encoding: unknown encoding "ebcdic"`},
		{[]string{"extract", "--max-size", "lots", good}, 2, `^whosaid: --max-size "lots": `},
		{[]string{"extract", "--format", "yaml", good}, 2, `^whosaid: unknown format "yaml"`},
		{[]string{"extract", "--no-such-flag", good}, 2, `^whosaid: unknown flag: --no-such-flag$`},
		{[]string{"clean", "--encoding", "ebcdic", good}, 2, `^whosaid: --encoding: unknown encoding`},
	} {
		r := cli(context.Background(), nil, tc.args...)
		if r.code != tc.code {
			t.Errorf("%v: exit code %d, want %d; stderr:\n%s", tc.args, r.code, tc.code, r.stderr)
		}
		checkMessages(t, r.stderr, tc.msg)
		if r.stdout != "" && tc.code != 0 {
			t.Errorf("%v: output despite the error:\n%s", tc.args, r.stdout)
		}
	}
}

func TestOutputWholeOrNotAtAll(t *testing.T) {
	dir := t.TempDir()
	good := write(t, filepath.Join(dir, "good.txt"), []byte(goodText))
	out := write(t, filepath.Join(dir, "out", "quotes.csv"), []byte("old contents\n"))
	intact := func(what string) {
		t.Helper()
		data, err := os.ReadFile(out)
		if err != nil || string(data) != "old contents\n" {
			t.Errorf("%s: the old output file is not intact: %q %v", what, data, err)
		}
		ents, _ := os.ReadDir(filepath.Dir(out))
		if len(ents) != 1 {
			var names []string
			for _, e := range ents {
				names = append(names, e.Name())
			}
			t.Errorf("%s: files left next to the output: %v", what, names)
		}
	}
	// interrupted before it starts: Ctrl-C
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := cli(ctx, nil, "extract", "-f", "csv", "-o", out, good, good)
	if r.code != exitInterrupted {
		t.Errorf("cancelled: exit code %d, want %d", r.code, exitInterrupted)
	}
	checkMessages(t, r.stderr, `^whosaid: interrupted$`)
	intact("cancelled")
	// invalid rules, bad format
	bad := write(t, filepath.Join(dir, "bad.yaml"), []byte(":\n- ["))
	if r := cli(context.Background(), nil, "extract", "-f", "csv", "--rules", bad, "-o", out, good); r.code != 3 {
		t.Errorf("bad rules: exit code %d", r.code)
	}
	intact("bad rules")
	if r := cli(context.Background(), nil, "extract", "-f", "yaml", "-o", out, good); r.code != 2 {
		t.Errorf("bad format: exit code %d", r.code)
	}
	intact("bad format")
	// an input that fails does not cost the others: the file is written
	r = cli(context.Background(), nil, "extract", "-f", "csv", "-o", out, good, filepath.Join(dir, "missing.txt"))
	if r.code != 1 {
		t.Errorf("missing input: exit code %d", r.code)
	}
	data, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(data), "doc,id,quote,") || !strings.Contains(string(data), "We will win") {
		t.Errorf("output file after a run with a failed input:\n%s", data)
	}
}

// cancelReader cancels the run (as Ctrl-C does) when it is first read.
type cancelReader struct {
	r      io.Reader
	cancel func()
}

func (c *cancelReader) Read(p []byte) (int, error) {
	c.cancel()
	return c.r.Read(p)
}

func TestInterruptMidRun(t *testing.T) {
	out := write(t, filepath.Join(t.TempDir(), "quotes.jsonl"), []byte("old\n"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Ctrl-C while the second document is read
	docs := `{"id": "a", "text": "“Yes,” said Ann Lee."}` + "\n"
	in := io.MultiReader(strings.NewReader(docs), &cancelReader{strings.NewReader(docs), cancel})
	r := cli(ctx, in, "extract", "--input", "jsonl", "-o", out, "-")
	if r.code != exitInterrupted {
		t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, exitInterrupted, r.stderr)
	}
	checkMessages(t, r.stderr, `^whosaid: interrupted$`)
	if data, _ := os.ReadFile(out); string(data) != "old\n" {
		t.Errorf("the output file changed: %q", data)
	}
}

func TestInterruptOtherCommands(t *testing.T) {
	good := write(t, filepath.Join(t.TempDir(), "good.txt"), []byte(goodText))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, cmd := range []string{"clean", "speakers"} {
		r := cli(ctx, nil, cmd, good)
		if r.code != exitInterrupted {
			t.Errorf("%s: exit code %d, want %d; stderr:\n%s", cmd, r.code, exitInterrupted, r.stderr)
		}
		checkMessages(t, r.stderr, `^whosaid: interrupted$`)
	}
}

func TestCSVFormulaNeutralised(t *testing.T) {
	p := write(t, filepath.Join(t.TempDir(), "formula.txt"), []byte("“=HYPERLINK(\"http://x\",\"y\")”, said John Smith.\n“+1, -2 @x” said Ann Lee.\n"))
	for _, format := range []string{"csv", "tsv"} {
		r := cli(context.Background(), nil, "extract", "-f", format, p)
		if r.code != 0 {
			t.Fatalf("exit code %d: %s", r.code, r.stderr)
		}
		for _, bad := range []string{",=HYPERLINK", "\t=HYPERLINK", "\"=HYPERLINK", ",+1", "\t+1", "\"+1"} {
			if strings.Contains(r.stdout, bad) {
				t.Errorf("%s: a formula cell %q in:\n%s", format, bad, r.stdout)
			}
		}
		if !strings.Contains(r.stdout, "'=HYPERLINK") || !strings.Contains(r.stdout, "'+1, -2 @x") {
			t.Errorf("%s: the formula cells are not neutralised:\n%s", format, r.stdout)
		}
		raw := cli(context.Background(), nil, "extract", "-f", format, "--csv-raw", p)
		if strings.Contains(raw.stdout, "'=HYPERLINK") || !strings.Contains(raw.stdout, "=HYPERLINK") {
			t.Errorf("%s --csv-raw: cells changed:\n%s", format, raw.stdout)
		}
	}
}
