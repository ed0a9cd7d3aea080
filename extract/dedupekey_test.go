package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refKeyText is the text Deduper.key hashes, rune by rune as it was before
// its eight-byte runs: words of letters and digits, lowered, combining
// marks kept with their letter, one space apart.
func refKeyText(quote string) (string, int) {
	var b []byte
	words, space := 0, true
	for _, r := range quote {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space {
			if words > 0 {
				b = append(b, ' ')
			}
			words++
			space = false
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b), words
}

// TestDeduperKeyText: the key's text, read eight ASCII bytes at a time
// where it can, is the rune loop's on written and random quotes (case,
// digits, punctuation, accents and invalid bytes in every lane).
func TestDeduperKeyText(t *testing.T) {
	cases := []string{
		"", "a", "ABCDEFGH", "abcdefghIJKLMNOPq", "We will NOT back down, 2024!", "“Quoted” — Ünïcode café",
		"e\u0301tude ABCDEFGHIJ", "abc\xffDEF ghijklmnop", "  lead and trail  ", "x-y_z@W[`{",
	}
	rng := rand.New(rand.NewPCG(7, 14))
	pieces := []string{"a", "Z", "7", " ", ",", "@", "[", "`", "{", "é", "É", "\u0301", "“", "\xff", "Word", "LONGWORD", "digits123",
		"’", "—", "…", "\u2028", "\u203f", "\u2040", "\xe2\x80", "\xe2\x80\x7f", "\xe2\x81\x80"}
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(30) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, sb.String())
	}
	d := NewDeduper()
	for _, q := range cases {
		want, words := refKeyText(q)
		k, ok := d.key(q)
		if got := string(d.buf); got != want {
			t.Fatalf("key text of %q = %q, want %q", q, got, want)
		}
		if ok != (words >= DedupeMinWords) {
			t.Fatalf("key of %q: ok %v with %d words", q, ok, words)
		}
		if k2, _ := d.key(want); ok && k2 != k {
			t.Fatalf("key of %q differs from the key of its text %q", q, want)
		}
	}
}
