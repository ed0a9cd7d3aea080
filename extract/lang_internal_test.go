package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// BenchmarkDetect: language detection alone on an English page.
func BenchmarkDetect(b *testing.B) {
	data, err := os.ReadFile("../testdata/pages/harbor-bridge-vote.txt")
	if err != nil {
		b.Skipf("no page to detect: %v", err)
	}
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	d := newDetector(rs)
	text := strings.Repeat(string(data), 2)
	b.SetBytes(int64(min(len(text), detectBytes)))
	for b.Loop() {
		if d.detect(text) != 0 {
			b.Fatal("not detected as the base language")
		}
	}
}

// TestElision splits elided words off, and never panics when lower case
// changes a word's length.
func TestElision(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs.ForLang("fr"), Options{})
	cases := []struct {
		w     string
		k, kl int
	}{
		{"l’épidémiologiste", len("l’"), len("l’")},
		{"L'État", 2, 2},
		{"aujourd’hui", 0, 0},
		{"l’", 0, 0},
		{"İl’x", 0, 0},
		{"’tis", 0, 0},
	}
	for _, c := range cases {
		k, kl := x.elision(c.w, strings.ToLower(c.w))
		if k != c.k || kl != c.kl {
			t.Errorf("elision(%q) = %d, %d; want %d, %d", c.w, k, kl, c.k, c.kl)
		}
	}
	if k, _ := New(rs, Options{}).elision("l’état", "l’état"); k != 0 {
		t.Error("English splits elisions")
	}
}

// TestTokenizeElision checks that the tokenizer splits the elided words off
// in running text (it asks elision only of words that hold an apostrophe).
func TestTokenizeElision(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs.ForLang("fr"), Options{})
	cases := []struct {
		text string
		want []string
	}{
		{"Selon l’épidémiologiste, L'État agit.", []string{"Selon", "l’", "épidémiologiste", ",", "L'", "État", "agit", "."}},
		{"aujourd’hui et demain", []string{"aujourd’hui", "et", "demain"}},
		{"un mot sans apostrophe", []string{"un", "mot", "sans", "apostrophe"}},
	}
	for _, c := range cases {
		low := ""
		var got []string
		for _, tok := range x.tokenize(c.text, 0, len(c.text), nil, nil, nil, &low) {
			got = append(got, tok.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("tokenize(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestDetectorLookup: every stop word of every language looks up to the
// set of the languages that list it, and a word that none lists to none.
func TestDetectorLookup(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := newDetector(rs)
	if d == nil || len(d.codes) < 2 {
		t.Fatal("the default rules give no detector over several languages")
	}
	want := map[string]uint16{}
	for i, code := range d.codes {
		for w := range rs.LangProfile(code).StopWordSeq() {
			want[w] |= 1 << i
		}
	}
	for w, bits := range want {
		if got := d.lookup([]byte(w)); got != bits {
			t.Errorf("lookup(%q) = %b, want %b", w, got, bits)
		}
	}
	for _, w := range []string{"zzyzx", "quotationmarksxx", "abcdefghijklmnopqrstuvwxyz"} {
		if got := d.lookup([]byte(w)); got != 0 {
			t.Errorf("lookup(%q) = %b, want none", w, got)
		}
	}
}

// TestASCIILetterPrefix checks asciiLetterPrefix against a byte loop, on
// every byte value at each of the eight places after letters.
func TestASCIILetterPrefix(t *testing.T) {
	isLetter := func(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < 256; c++ {
			b := []byte("abcdEFGH")
			b[pos] = byte(c)
			want := 0
			for want < 8 && isLetter(b[want]) {
				want++
			}
			if got := asciiLetterPrefix(load64(string(b), 0)); got != want {
				t.Fatalf("asciiLetterPrefix(%q) = %d, want %d", b, got, want)
			}
		}
	}
}
