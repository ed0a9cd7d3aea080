package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkAtEveryOffset checks the code-point offsets of the index that
// newIndex makes of text at every byte, in text order and at random (a
// fresh index for each order), against counting from the start.
func checkAtEveryOffset(t *testing.T, rng *rand.Rand, text string, newIndex func(string) *cpIndex) {
	t.Helper()
	for _, random := range []bool{false, true} {
		c := newIndex(text)
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
		checkAtEveryOffset(t, rng, text, newCPIndex)
	}
}

// TestCheckedCPIndexLikeCount checks the index of a valid text, whose
// conversions count the bits of its blocks' continuation bytes (validAt; a
// rune cut at the offset counts its bytes), at every byte in text order and
// at random, against counting from the start; and each block's bits and
// count before it against the bytes.
func TestCheckedCPIndexLikeCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	pieces := []string{"a", "bc ", "The word. ", "\n", "é", "“", "’", "—", "中", "😀", "\u00a0", "ß"}
	fixed := []string{"", "é", strings.Repeat("é", 64), strings.Repeat("ab“", 64), strings.Repeat("x", 127) + "中" + strings.Repeat("y", 126)}
	for n := 0; n < 80+len(fixed); n++ {
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
		if n < len(fixed) {
			text = fixed[n] // (ends of blocks: 128 and 320 bytes, a rune across a block's end)
		}
		checkAtEveryOffset(t, rng, text, newCheckedCPIndex)
		c := newCheckedCPIndex(text)
		c.contsUpTo(len(text) / cpBlock)
		for k, b := range c.conts {
			before := 0
			for i := 0; i < len(text); i++ {
				cont := text[i]&0xC0 == 0x80
				if i < k*cpBlock && cont {
					before++
				}
				if in := i >= k*cpBlock && i < (k+1)*cpBlock; in && cont != (b.bits[(i-k*cpBlock)/64]>>((i-k*cpBlock)%64)&1 != 0) {
					t.Fatalf("%q: block %d: bit of byte %d is not %v", text, k, i, cont)
				}
			}
			if b.before != before {
				t.Fatalf("%q: block %d: before = %d, want %d", text, k, b.before, before)
			}
		}
	}
}
