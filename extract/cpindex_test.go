package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCPIndexASCIIBlocks checks code-point offsets at every byte of texts
// whose checkpoint blocks are ASCII or not (multi-byte runes and invalid
// bytes here and there), in text order and at random, against counting
// from the start.
func TestCPIndexASCIIBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 13))
	pieces := []string{"a", "bc ", "The word. ", "\n", "é", "“", "中", "😀", "\xff", "\x80", "\xe2\x80"}
	for n := 0; n < 60; n++ {
		rate := 2 + rng.IntN(200) // one piece in rate not ASCII
		var b strings.Builder
		b.WriteString("a") // (checkpoints sit on rune starts: the text starts with one)
		for b.Len() < 40+rng.IntN(900) {
			if rng.IntN(rate) == 0 {
				b.WriteString(pieces[4+rng.IntN(len(pieces)-4)])
			} else {
				b.WriteString(pieces[rng.IntN(4)])
			}
		}
		text := b.String()
		for _, random := range []bool{false, true} {
			c := newCPIndex(text)
			for i := 0; i <= len(text); i++ {
				off := i
				if random {
					off = rng.IntN(len(text) + 1)
				}
				if got, want := c.at(off), utf8.RuneCountInString(text[:off]); got != want {
					t.Fatalf("%q: at(%d) = %d, want %d", text, off, got, want)
				}
			}
		}
	}
}
