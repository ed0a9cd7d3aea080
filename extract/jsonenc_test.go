package extract

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/whosaid/whosaid/rules"
)

// marshalLine is what the JSONL writer wrote before streamDocJSON.
func marshalLine(t *testing.T, d *Document) []byte {
	t.Helper()
	b, err := json.Marshal(docOut(d))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAppendJSONStringLikeMarshal(t *testing.T) {
	var all []byte
	for b := 0; b < 256; b++ {
		all = append(all, byte(b))
	}
	for _, s := range []string{"", "plain", string(all), "a<b>&c", "\u2028x\u2029", "“quoted” — ’s", "bad \xff\xfe utf-8", "\x00\x1f\x7f", "tab\tnl\ncr\rbs\bff\f"} {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

// TestAppendJSONStringRunes: the runes of two bytes and those from U+2000
// to U+2FFF, which appendJSONString writes without decoding them, and the
// byte sequences around them (cut, or with a byte that continues none),
// are encoded as json.Marshal encodes them.
func TestAppendJSONStringRunes(t *testing.T) {
	check := func(s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	}
	for r := rune(0x80); r < 0x3000; r++ {
		if r >= 0x800 && r < 0x2000 && r&0x3F != 0 {
			continue // (the three-byte runes before U+2000 take DecodeRuneInString, as before)
		}
		c := string(r)
		check("Jane " + c + " Doe")
		check(c + c[:len(c)-1]) // cut at the end
	}
	for a := 0xC0; a <= 0xE3; a++ {
		for b := 0x70; b <= 0xC0; b++ {
			check(string([]byte{'x', byte(a), byte(b)}) + "y z")
			check(string([]byte{byte(a), 0x80, byte(b), 'q'}))
		}
	}
}

// TestAppendJSONStringEightAtATime puts each byte at each place of a run of
// plain letters, so that the eight-byte fast path meets it in every lane:
// the encoding must still be json.Marshal's, and jsonLen must bound it.
func TestAppendJSONStringEightAtATime(t *testing.T) {
	for b := 0; b < 256; b++ {
		for at := 0; at < 17; at++ {
			w := []byte("abcdefghijklmnopqrstuvwx")
			w[at] = byte(b)
			s := string(w)
			want, _ := json.Marshal(s)
			got := appendJSONString(nil, s)
			if !bytes.Equal(got, want) {
				t.Errorf("byte %#x at %d: got %s, want %s", b, at, got, want)
			}
			if n := jsonLen(s); n < len(got) && b < utf8.RuneSelf {
				t.Errorf("byte %#x at %d: jsonLen %d < %d", b, at, n, len(got))
			}
			// the bound is the byte loop's: 5 more for each ASCII byte to escape
			wantLen := len(s) + 2
			for _, c := range w {
				if c < utf8.RuneSelf && !jsonSafe[c] {
					wantLen += 5
				}
			}
			if n := jsonLen(s); n != wantLen {
				t.Errorf("byte %#x at %d: jsonLen %d, want %d", b, at, n, wantLen)
			}
		}
	}
}

func TestAppendJSONFloatLikeMarshal(t *testing.T) {
	for _, f := range []float64{0, 1, 0.9, 0.85, -0.5, 1e-7, 1.5e-9, 1e21, 123456789.125, 1e20, -1e-6, math.SmallestNonzeroFloat64, math.MaxFloat64} {
		want, _ := json.Marshal(f)
		if got, ok := appendJSONFloat(nil, f); !ok || !bytes.Equal(got, want) {
			t.Errorf("%v: got %s, want %s", f, got, want)
		}
	}
	if _, ok := appendJSONFloat(nil, math.NaN()); ok {
		t.Error("NaN encoded")
	}
}

// TestAppendDocJSONLikeMarshal checks the hand-written encoder against
// json.Marshal on the shipped articles, with and without --all --explain,
// and on documents with the optional parts empty, nil or odd.
func TestAppendDocJSONLikeMarshal(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*Document
	for _, opts := range []Options{{}, {All: true, Explain: true}} {
		x := New(rs, opts)
		for _, dir := range []string{"seed", "articles", "pages"} {
			files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.txt"))
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				d, err := x.Extract(filepath.ToSlash(f), string(data))
				if err != nil {
					continue
				}
				docs = append(docs, d)
			}
		}
	}
	if len(docs) == 0 {
		t.Fatal("no documents")
	}
	one := 1
	docs = append(docs,
		&Document{ID: "<empty>"},
		&Document{ID: "odd", Title: "T & \u2028", Date: "2026", Quotes: []Record{{Doc: "odd", Confidence: 1e-9, SpeakerStart: &one, CueEnd: &one, Explain: []string{}}},
			Speakers: []Speaker{{Name: "A"}, {Name: "B", Titles: []string{}, Aliases: []string{"b"}, Gender: "f", Quotes: 2, Mentions: -1}},
			Warnings: []Warning{{Line: 3, Msg: "bad \"mark\""}}},
		// the id encoded once for the records of the document, not for
		// a record of another
		&Document{ID: "a<b \"c\"", Quotes: []Record{{Doc: "a<b \"c\""}, {Doc: "other & more"}, {}}})
	if recordFields[0].name != "doc" {
		t.Fatalf("the first field is %q: appendRecordJSON writes the doc's id first", recordFields[0].name)
	}
	for _, d := range docs {
		want := marshalLine(t, d)
		got, ok := streamDocJSON(nil, d, nil, nil)
		if !ok || !bytes.Equal(got, want) {
			t.Fatalf("%s: got\n%s\nwant\n%s", d.ID, got, want)
		}
	}
	if _, ok := streamDocJSON(nil, &Document{Quotes: []Record{{Confidence: math.Inf(1)}}}, nil, nil); ok {
		t.Error("an infinite confidence was encoded")
	}
}

// BenchmarkJSONLWriter measures the JSONL writer on the test articles.
func BenchmarkJSONLWriter(b *testing.B) {
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	x := New(rs, Options{All: true})
	var docs []*Document
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if d, err := x.Extract(f, string(data)); err == nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		b.Skip("no test articles")
	}
	b.ReportAllocs()
	for b.Loop() {
		w, _ := NewWriter("jsonl", io.Discard, WriterOptions{})
		for _, d := range docs {
			w.WriteDoc(d)
		}
		w.Close()
	}
}

// TestSafeJSON8 checks the word-at-a-time test of output bytes against
// jsonSafe, byte by byte, on random words of the bytes that matter and
// their neighbours (= may be refused, as it lies between < and >).
func TestSafeJSON8(t *testing.T) {
	pick := []byte{0, 1, 0x1f, 0x20, 0x21, '"', '#', '%', '&', '\'', ';', '<', '=', '>', '?', '[', '\\', ']', 'a', 0x7e, 0x7f, 0x80, 0xc3, 0xff}
	rng := rand.New(rand.NewSource(1))
	var b [8]byte
	for n := 0; n < 200000; n++ {
		want := true
		for i := range b {
			b[i] = 'a'
			if rng.Intn(4) == 0 {
				b[i] = pick[rng.Intn(len(pick))]
			}
			if c := b[i]; c >= utf8.RuneSelf || !jsonSafe[c] || c == '=' {
				want = false
			}
		}
		if got := safeJSON8(binary.LittleEndian.Uint64(b[:])); got != want {
			t.Fatalf("safeJSON8(%q) = %v, want %v", b[:], got, want)
		}
	}
}

// TestASCIISafeJSON8 checks the test jsonLen counts with: never yes for
// eight bytes holding an ASCII byte to escape, yes for those of safe ASCII
// bytes and the bytes of other runes (no = among them).
func TestASCIISafeJSON8(t *testing.T) {
	pick := []byte{0, 1, 0x1f, 0x20, 0x21, '"', '#', '%', '&', '\'', ';', '<', '=', '>', '?', '[', '\\', ']', 'a', 0x7e, 0x7f, 0x80, 0x9c, 0xc3, 0xe2, 0xff}
	rng := rand.New(rand.NewSource(1))
	var b [8]byte
	for n := 0; n < 200000; n++ {
		safe, eq := true, false
		for i := range b {
			b[i] = 'a'
			if rng.Intn(4) == 0 {
				b[i] = pick[rng.Intn(len(pick))]
			}
			if c := b[i]; c < utf8.RuneSelf && !jsonSafe[c] {
				safe = false
			}
			eq = eq || b[i] == '='
		}
		if got := asciiSafeJSON8(binary.LittleEndian.Uint64(b[:])); got && !safe || !got && safe && !eq {
			t.Fatalf("asciiSafeJSON8(%q) = %v, want %v", b[:], got, safe)
		}
	}
}

// TestStaticTables checks the tables written as literals (so that the
// package has no set-up) against their definitions.
func TestStaticTables(t *testing.T) {
	for b := range utf8.RuneSelf {
		want := b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
		if jsonSafe[b] != want {
			t.Errorf("jsonSafe[%#x] = %v, want %v", b, jsonSafe[b], want)
		}
	}
	for c := range 256 {
		var want uint64
		switch {
		case c >= 'a' && c <= 'z':
			want = 1
		case c >= 'A' && c <= 'Z':
			want = 1 << alnumUpper
		case c >= '0' && c <= '9':
			want = 1 << alnumDigit
		}
		if asciiAlnum[c] != want {
			t.Errorf("asciiAlnum[%q] = %#x, want %#x", rune(c), asciiAlnum[c], want)
		}
	}
}
