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

// TestCheckedCPIndexLikeCount checks the index of a valid text, whose counts
// go by validCount (a rune cut at the offset by runeCount), at every byte
// in text order and at random, against counting from the start; and
// validCount itself between any two rune starts, across its blocks of eight
// and the load that ends at the offset.
func TestCheckedCPIndexLikeCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	pieces := []string{"a", "bc ", "The word. ", "\n", "é", "“", "’", "—", "中", "😀", "\u00a0", "ß"}
	for n := 0; n < 80; n++ {
		rate := 1 + rng.IntN(60) // one piece in rate not ASCII
		var b strings.Builder
		for b.Len() < rng.IntN(700) {
			if rng.IntN(rate) == 0 {
				b.WriteString(pieces[4+rng.IntN(len(pieces)-4)])
			} else {
				b.WriteString(pieces[rng.IntN(4)])
			}
		}
		text := b.String()
		for _, random := range []bool{false, true} {
			c := newCheckedCPIndex(text)
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
		for range 200 {
			from, off := rng.IntN(len(text)+1), rng.IntN(len(text)+1)
			if from > off {
				from, off = off, from
			}
			for from < len(text) && !utf8.RuneStart(text[from]) {
				from++
			}
			for off < len(text) && !utf8.RuneStart(text[off]) {
				off++
			}
			if from > off {
				continue
			}
			if got, want := validCount(text, from, off), utf8.RuneCountInString(text[from:off]); got != want {
				t.Fatalf("%q: validCount(%d, %d) = %d, want %d", text, from, off, got, want)
			}
		}
	}
}
