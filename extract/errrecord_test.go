package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestAppendErrorJSON(t *testing.T) {
	cases := []struct {
		name string
		r    Result
		want string
	}{
		{"a file that failed", Result{Input: Input{ID: "a.txt", Err: ErrBinary}, Err: ErrBinary},
			`{"id":"a.txt","error":"` + ErrBinary.Error() + `"}`},
		{"a JSONL line without an id", Result{Input: Input{ID: "-:3", Line: 3, Err: ErrBlankLine}, Err: ErrBlankLine},
			`{"id":null,"error":"blank line, no JSON record"}`},
		{"a JSONL line with its id", Result{Input: Input{ID: "-:4", Line: 4, RecordID: "r<4>", Err: errors.New("bad")}, Err: errors.New("bad")},
			`{"id":"r\u003c4\u003e","error":"bad"}`},
		{"a JSONL record read, not extracted", Result{Input: Input{ID: "r5", Line: 5}, Err: errors.New("internal error: x\ny")},
			`{"id":"r5","error":"internal error: x\ny"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := appendErrorJSON(nil, c.r)
			if string(got) != c.want+"\n" {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			var m map[string]any
			if err := json.Unmarshal(got, &m); err != nil || len(m) != 2 {
				t.Errorf("not a JSON object of two members: %v", err)
			}
		})
	}
}

// TestKeepLinesChunkFree reads a JSONL corpus with KeepLines whole and
// line by line (as GNU parallel or Hadoop would cut it): every line gives
// one document, and the error records are the same bytes either way.
func TestKeepLinesChunkFree(t *testing.T) {
	lines := []string{
		`{"id":"a","text":"“Yes,” said Ann Lee."}`,
		``,
		`not json`,
		`{"id":"c"}`,
		`{"id":"d","text":"nul ` + "\\u0000" + `"}`,
		`{"text":42}`,
		`{"id":"e","text":"` + strings.Repeat("x", 200) + `"}`,
		`{"id":"f","html":"<html><body><p>“Fine,” said Bo Li.</p></body></html>"}`,
		`   `,
		`{"id":"g","text":"last"}`,
	}
	read := func(data string) []Input {
		var out []Input
		err := ReadInputs([]string{"-"}, InputOptions{Format: "jsonl", KeepLines: true, MaxBytes: 100, Stdin: strings.NewReader(data)},
			func(in Input) error { out = append(out, in); return nil })
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	whole := read(strings.Join(lines, "\n") + "\n")
	if len(whole) != len(lines) {
		t.Fatalf("%d documents for %d lines", len(whole), len(lines))
	}
	for i, l := range lines {
		alone := read(l + "\n")
		if len(alone) != 1 {
			t.Fatalf("line %d alone: %d documents", i+1, len(alone))
		}
		if whole[i].Line != i+1 {
			t.Errorf("line %d: Line %d", i+1, whole[i].Line)
		}
		rec := func(in Input) []byte {
			if in.Err == nil {
				return []byte(in.ID)
			}
			return appendErrorJSON(nil, Result{Input: in, Err: in.Err})
		}
		if a, b := rec(whole[i]), rec(alone[0]); !bytes.Equal(a, b) {
			t.Errorf("line %d: %s in the corpus, %s alone", i+1, a, b)
		}
	}
	// without KeepLines, blank lines are skipped as before
	var n int
	ReadInputs([]string{"-"}, InputOptions{Format: "jsonl", Stdin: strings.NewReader("\n" + lines[0] + "\n\n")},
		func(Input) error { n++; return nil })
	if n != 1 {
		t.Errorf("%d documents without KeepLines, want 1", n)
	}
}
