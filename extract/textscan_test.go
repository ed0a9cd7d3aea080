package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTextScan8: isCollapsed and wordCount, which take eight plain ASCII
// bytes at a time, agree with strings.Fields on written cases around the
// blocks and on random runs of spaces, controls, multi-byte and invalid
// bytes; wordCount stops at the value the byte loop stops at.
func TestTextScan8(t *testing.T) {
	cases := []string{
		"", " ", "abcdefgh", "abcdefg ", "abcdefgh ", " abcdefgh", "abcdefg  hijklmno",
		"abcdefgh  ijklmno", "abcdefg\thijklmn", "a b c d e f g h i j k l", "abc defg hijk lmno pqrs",
		"“closer,” he said to them", "abcdefgh\xffabcdefgh", "abcdefgh\u00a0ijklmnop",
		"one two three four five six", "a\x01b c\x1fd efgh ijkl", "abcdefgh\u3000ijklmnop",
	}
	rng := rand.New(rand.NewPCG(14, 3))
	pieces := []string{"a", "b", " ", " ", "  ", "\t", "\n", "\x01", "é", "“", "\u00a0", "\u2009", "\xff", "\xe2\x80", "word", "longer",
		"’", "—", "\u2028", "\u205f", "\u202f", "\u2060", "\xe2", "\xe2\xe2\x80\x80", "\u1680", "\u3000", "\u0085", "said that"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		words := strings.Fields(s)
		if got, want := isCollapsed(s), strings.Join(words, " ") == s; got != want {
			t.Fatalf("isCollapsed(%q) = %v, want %v", s, got, want)
		}
		for _, limit := range []int{-1, 0, 1, 2, 3, 5, 10, 100} {
			want := len(words)
			if want > limit && want > 0 {
				want = max(limit+1, 1) // the first count past the limit
			}
			if got := wordCount(s, limit); got != want {
				t.Fatalf("wordCount(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
}

// TestIsCollapsedRunes: isCollapsed, which reads the runes from U+2000 to
// U+2FFF in place and passes over the bytes that start no white space,
// agrees with strings.Fields on every rune up to U+10FFFF (and invalid
// bytes) between words, alone, doubled and at either end.
func TestIsCollapsedRunes(t *testing.T) {
	check := func(s string) {
		if got, want := isCollapsed(s), strings.Join(strings.Fields(s), " ") == s; got != want {
			t.Fatalf("isCollapsed(%q) = %v, want %v", s, got, want)
		}
	}
	for r := rune(0x80); r <= 0x10FFFF; r++ {
		if r >= 0x3100 && r&0xFF != 0 && r != 0xFEFF {
			continue // (one rune a block above the ranges that hold spaces)
		}
		c := string(r)
		for _, s := range []string{"Jane" + c + "Doe said so", "Jane " + c + " Doe", c + c + "x", "x" + c, c, "Springfield, Acme Corp." + c + " " + c} {
			check(s)
		}
	}
	for b := 0x80; b <= 0xFF; b++ {
		for _, s := range []string{"ab" + string([]byte{byte(b)}) + "cd efgh", string([]byte{0xE2, byte(b), 0x80}) + "x", string([]byte{0xE2, 0x80, byte(b)}) + " y"} {
			check(s)
		}
	}
}

// TestRuneCountRunes: runeCount, which tells the runes of two bytes and
// those from U+2000 to U+2FFF without decoding them, counts as
// utf8.RuneCountInString does, on every such rune, cut, and on bytes
// around them that continue nothing.
func TestRuneCountRunes(t *testing.T) {
	check := func(s string) {
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
	for r := rune(0x80); r < 0x3000; r++ {
		c := string(r)
		check("ab" + c + "cdefghij" + c)
		check(c + c[:len(c)-1])
	}
	for a := 0xC0; a <= 0xE3; a++ {
		for b := 0x70; b <= 0xC0; b++ {
			check(string([]byte{'x', byte(a), byte(b)}) + "y z")
			check(string([]byte{byte(a), 0x80, byte(b), 'q'}))
		}
	}
}
