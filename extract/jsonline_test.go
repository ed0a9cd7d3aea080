package extract

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestQuickJSONLine checks that lines the quick JSONL decoder accepts decode
// as with encoding/json (with and without the other members kept as
// metadata), and that it refuses what it does not handle.
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
		// other members, skipped by the quick decoder when valid
		`{"id": "y1", "text": "t", "url": "https://x/y?a=1&b=\u00e9", "n": -12.5e+3, "ok": true, "no": false, "z": null}`,
		`{"quotes": [{"start": 0, "end": 4, "speaker": {"name": "A B", "alts": []}}, [], {}], "text": "t", "id": "y2"}`,
		`{"id": "y3", "meta": {"a": [1, 2, [3, {"b": "c\"d\\e"}]]}, "text": "t"}`,
		`{"id": "y4", "text": "t", "bad": "lone \ud83d and raw ` + "\xff\xfe" + ` bytes"}`,
		`{"id": "y5", "text": "t", "n": 0}`,
		`{"id": "y6", "text": "t", "n": 01}`,
		`{"id": "y7", "text": "t", "n": 1.}`,
		`{"id": "y8", "text": "t", "n": .5}`,
		`{"id": "y9", "text": "t", "n": 1e}`,
		`{"id": "y10", "text": "t", "n": +1}`,
		`{"id": "y11", "text": "t", "n": -}`,
		`{"id": "y12", "text": "t", "b": tru}`,
		`{"id": "y13", "text": "t", "b": nul}`,
		`{"id": "y14", "text": "t", "a": [1, 2,]}`,
		`{"id": "y15", "text": "t", "o": {"a": 1,}}`,
		`{"id": "y16", "text": "t", "o": {"a" 1}}`,
		`{"id": "y17", "text": "t", "o": {1: 2}}`,
		`{"id": "y18", "text": "t", "s": "ctrl ` + "\x01" + `"}`,
		`{"id": "y19", "text": "t", "s": "bad \q escape"}`,
		`{"id": "y20", "text": "t", "s": "short \u12"}`,
		`{"id": "y21", "text": "t", "s": "unterminated}`,
		`{"id": "y22", "text": "t", "a": [1 2]}`,
		`{"id": "y23", "t\u0065xt": "escaped key", "text": "t"}`,
		`{"id": "y24", "TEXT": "upper", "text": "t"}`,
		`{"Id": "y25", "text": "t"}`,
		`{"i\u0064": "escaped id key", "text": "t"}`,
		`{"id": "y26", "text": "t", "deep": ` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + `}`,
		`{"id": "y27", "text": "t", "deep": ` + strings.Repeat("[", 60) + strings.Repeat("]", 60) + `}`,
		`{"id": "y28", "text": "t", "deep": ` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}`,
		`{"id": "y29", "text": "t", "u": "` + "\u00e9 \u201c \u4e2d" + `", "e": "\/\b\f\n\r\t"}`,
		`{"id": "y30", "text": "t", "": ""}`,
		`{"id": "y31", "text": "t", "k": "long plain ascii value over eight bytes, then “curly” and \"escaped\" ones"}`,
		`{"id": 7, "text": "t", "x": 1}`,
		`{"id": "y32", "text": null, "x": 1}`,
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
		if _, _, ok := quickJSONLine(line, true); ok {
			quick++
		}
	}
	for i, l := range lines {
		line := bytes.TrimSpace([]byte(l))
		want := decodeJSONLine("f", i+1, line, true)
		got, _ := parseJSONLine("f", i+1, []byte(l), true)
		if !reflect.DeepEqual(got.Meta, want.Meta) || got.ID != want.ID || got.Text != want.Text {
			t.Errorf("line %q with its meta: got %+v, want %+v", l, got, want)
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

// TestQuickJSONLineTakes checks which lines the quick decoder takes itself:
// other members of every JSON type when they are valid, nothing that
// encoding/json could read otherwise.
func TestQuickJSONLineTakes(t *testing.T) {
	for _, c := range []struct {
		line   string
		others bool
		want   bool
	}{
		{`{"id": "a", "text": "t"}`, false, true},
		{`{"id": "a", "text": "t", "lang": "en"}`, false, false}, // metadata kept: encoding/json
		{`{"id": "a", "text": "t", "lang": "en"}`, true, true},
		{`{"quotes": [{"s": 0, "e": -1.5E-2}, [true, false, null]], "text": "t"}`, true, true},
		{`{"id": "a", "text": "t", "m": {"k": "caf` + "\xc3\xa9 \xff" + `"}}`, true, true},
		{`{"id": "a", "text": "t", "d": ` + strings.Repeat("[", maxQuickDepth) + strings.Repeat("]", maxQuickDepth) + `}`, true, true},
		{`{"id": "a", "text": "t", "d": ` + strings.Repeat("[", maxQuickDepth+1) + strings.Repeat("]", maxQuickDepth+1) + `}`, true, false},
		{`{"id": "a", "Text": "u", "text": "t"}`, true, false},
		{`{"iD": "b", "text": "t"}`, true, false},
		{`{"t\u0065xt": "u", "text": "t"}`, true, false},
		{`{"id": "a", "text": "t", "n": 01}`, true, false},
		{`{"id": "a", "text": "t", "s": "\x"}`, true, false},
		{`{"id": 1, "text": "t"}`, true, false},
	} {
		if _, _, ok := quickJSONLine([]byte(c.line), c.others); ok != c.want {
			t.Errorf("quickJSONLine(%q, %v) ok = %v, want %v", c.line, c.others, ok, c.want)
		}
	}
}

// FuzzQuickJSONLine checks that a line decodes as with encoding/json
// whether the quick decoder takes it or not.
func FuzzQuickJSONLine(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "text": "t", "x": [1, {"y": null}], "z": "\u00e9"}`,
		`{"text": "t", "n": -0.5e10}`,
		`{"id": "a", "text": "t", "n": 01}`,
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, l string, keepMeta bool) {
		line := bytes.TrimSpace([]byte(l))
		if len(line) == 0 {
			return
		}
		want := decodeJSONLine("f", 1, line, keepMeta)
		got, _ := parseJSONLine("f", 1, []byte(l), keepMeta)
		if errText(got) != errText(want) || got.ID != want.ID || got.Text != want.Text || got.RecordID != want.RecordID || !reflect.DeepEqual(got.Meta, want.Meta) {
			t.Errorf("line %q: got %+v, want %+v", l, got, want)
		}
	})
}
