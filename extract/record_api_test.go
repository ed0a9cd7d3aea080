package extract_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
)

// TestReadLineMatchesReadInputs checks that a JSONL file cut by ScanLines
// and read line by line with ReadLine gives the Inputs of ReadInputs with
// KeepLines, broken lines included: the record API is the same reading.
func TestReadLineMatchesReadInputs(t *testing.T) {
	long := `{"id":"long","text":"` + strings.Repeat("a", 300) + `"}`
	lines := []string{
		"\xef\xbb\xbf" + `{"id":"a","text":"“We are ready,” said Ann Lee, the mayor."}`,
		`{"text":"A record without an id."}`,
		``,
		`{"id":"b","text":"bad` + "\x00" + `"}`,
		`not json`,
		`{"id":"c"}`,
		long,
		`{"id":"d","text":"Caf\u00e9 owners said “No.”"}`,
		`{"id":"e","text":"last line without a newline"}`,
	}
	corpus := strings.Join(lines, "\n")
	for _, max := range []int64{0, 200} {
		opt := extract.InputOptions{Format: "jsonl", KeepLines: true, MaxBytes: max}
		path := filepath.Join(t.TempDir(), "corpus.jsonl")
		if err := os.WriteFile(path, []byte(corpus), 0o644); err != nil {
			t.Fatal(err)
		}
		var want []extract.Input
		if err := extract.ReadInputs([]string{path}, opt, func(in extract.Input) error { want = append(want, in); return nil }); err != nil {
			t.Fatal(err)
		}
		var got []extract.Input
		err := extract.ScanLines(bytes.NewReader([]byte(corpus)), max, func(line int, data []byte, size int64) error {
			got = append(got, extract.ReadLine(path, line, bytes.Clone(data), size, opt))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("max %d: %d inputs, want %d", max, len(got), len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.ID != w.ID || g.Text != w.Text || g.Line != w.Line || g.RecordID != w.RecordID || errText(g.Err) != errText(w.Err) {
				t.Errorf("max %d, line %d:\n got %+v\nwant %+v", max, i+1, g, w)
			}
		}
	}
}

// TestReadDocumentMatchesReadInputs checks ReadDocument against ReadInputs
// on whole files: text, too large, binary, and a JSONL file refused.
func TestReadDocumentMatchesReadInputs(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, data string
		max        int64
	}{
		{"a.txt", "“We are ready,” said Ann Lee, the mayor.\n", 0},
		{"big.txt", strings.Repeat("word ", 100), 64},
		{"bin.txt", "text\x00more", 0},
		{"page.md", "# Title\n\n“Fine,” she said.\n", 0},
	} {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
			t.Fatal(err)
		}
		opt := extract.InputOptions{MaxBytes: tc.max}
		var want []extract.Input
		if err := extract.ReadInputs([]string{path}, opt, func(in extract.Input) error { want = append(want, in); return nil }); err != nil {
			t.Fatal(err)
		}
		got := extract.ReadDocument(path, []byte(tc.data), int64(len(tc.data)), opt)
		if len(want) != 1 || got.ID != want[0].ID || got.Text != want[0].Text || errText(got.Err) != errText(want[0].Err) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, want)
		}
	}
	if in := extract.ReadDocument("c.jsonl", []byte(`{"id":"x","text":"y"}`), 0, extract.InputOptions{}); in.Err == nil {
		t.Errorf("a JSONL file read as one document: %+v", in)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
