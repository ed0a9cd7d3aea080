package extract

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
)

// TestQuickJSONLine checks that lines the quick JSONL decoder accepts decode
// as with encoding/json, and that it refuses what it does not handle.
func TestQuickJSONLine(t *testing.T) {
	lines := []string{
		`{"id": "a", "text": "plain"}`,
		`{"text": "no id"}`,
		` { "text" : "spaced" , "id" : "b" } `,
		"{\"id\":\"c\",\"text\":\"tab\\tnl\\ncr\\rq\\\"bs\\\\sl\\/b\\bf\\f\"}",
		`{"id": "d", "text": "caf\u00e9 \u2019quoted\u2019 \u2014 dash"}`,
		`{"id": "e", "text": "caf` + "\u00e9 “raw” 中文" + `"}`,
		`{"id": "f", "text": "surrogate \ud83d\ude00"}`,
		`{"id": "g", "text": "lone \ud83d"}`,
		`{"id": "h", "text": "nul \u0000"}`,
		`{"id": 7, "text": "number id"}`,
		`{"id": null, "text": "null id"}`,
		`{"ID": "i", "text": "upper key"}`,
		`{"id": "j", "Text": "upper text"}`,
		`{"id": "k", "text": "dup", "text": "dup2"}`,
		`{"id": "l", "text": "extra", "lang": "en"}`,
		`{"id": "m"}`,
		`{}`,
		`{"id": "n", "text": null}`,
		`{"id": "o", "text": "trailing"} x`,
		`{"id": "p", "text": "unterminated}`,
		`{"id": "q", "text": "ctrl ` + "\x01" + `"}`,
		`{"id": "r", "text": "bad utf8 ` + "\xff" + `"}`,
		`{"id": "s", "text": "bad escape \x"}`,
		`{"id": "t", "text": "short \u12"}`,
		`{"id": "u", "text": "hex \u00E9\u00c9"}`,
		`{"id": "v" "text": "no comma"}`,
		`{"id": "w", "text": "trailing comma",}`,
		`["not", "an", "object"]`,
		`{"id": "x", "text": ""}`,
		`{"id": "", "text": "empty id"}`,
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "eval", "*.jsonl"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<26)
		for n := 0; sc.Scan() && n < 200; n++ {
			lines = append(lines, sc.Text())
		}
	}
	quick := 0
	for i, l := range lines {
		line := bytes.TrimSpace([]byte(l))
		want := decodeJSONLine("f", i+1, line, false)
		got, skip := parseJSONLine("f", i+1, []byte(l), false)
		if skip || !reflect.DeepEqual(errText(got), errText(want)) || got.ID != want.ID || got.Text != want.Text || got.RecordID != want.RecordID {
			t.Errorf("line %q: got %+v, want %+v", l, got, want)
		}
		if _, _, ok := quickJSONLine(line); ok {
			quick++
		}
	}
	if quick < 8 {
		t.Errorf("the quick decoder took only %d lines", quick)
	}
}

func errText(in Input) string {
	if in.Err == nil {
		return ""
	}
	return in.Err.Error()
}

// TestHex4 compares hex4 with strconv.ParseUint on four bytes of digits,
// letters, signs and others.
func TestHex4(t *testing.T) {
	const chars = "09afAFgG+-_x \x00\xff"
	for _, a := range chars {
		for _, b := range chars {
			for _, c := range []byte("0aF_") {
				for _, d := range chars {
					h := []byte{byte(a), byte(b), c, byte(d)}
					want, err := strconv.ParseUint(string(h), 16, 16)
					got, ok := hex4(h)
					if ok != (err == nil) || ok && uint64(got) != want {
						t.Fatalf("hex4(%q) = %d, %v; ParseUint %d, %v", h, got, ok, want, err)
					}
				}
			}
		}
	}
}
