package extract

import (
	"encoding/binary"
	"math/rand"
	"testing"
)

// TestPlainJSON8 checks the word-at-a-time test of JSON string bytes
// against its byte-by-byte definition, on random words of the bytes that
// matter and their neighbours.
func TestPlainJSON8(t *testing.T) {
	pick := []byte{0, 1, 0x1f, 0x20, 0x21, '"', '#', '[', '\\', ']', 'a', 0x7e, 0x7f, 0x80, 0xc3, 0xff}
	rng := rand.New(rand.NewSource(1))
	var b [8]byte
	for n := 0; n < 200000; n++ {
		want := true
		for i := range b {
			b[i] = 'a'
			if rng.Intn(4) == 0 {
				b[i] = pick[rng.Intn(len(pick))]
			}
			if c := b[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
				want = false
			}
		}
		if got := plainJSON8(binary.LittleEndian.Uint64(b[:])); got != want {
			t.Fatalf("plainJSON8(%q) = %v, want %v", b[:], got, want)
		}
	}
}

// TestQuotedLen checks quotedLen against a byte-by-byte scan that skips
// the character after each backslash.
func TestQuotedLen(t *testing.T) {
	plain := func(b []byte, j int) int {
		for k := j; k < len(b); k++ {
			switch b[k] {
			case '\\':
				k++
			case '"':
				return k - j
			}
		}
		return len(b) - j
	}
	rng := rand.New(rand.NewSource(2))
	alphabet := []byte{'\\', '\\', '"', 'a', 'n', 'u'}
	for n := 0; n < 100000; n++ {
		b := make([]byte, 1+rng.Intn(30))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		b[0] = '\\' // quotedLen starts at a backslash, with none before it
		if got, want := quotedLen(b, 0), plain(b, 0); got != want {
			t.Fatalf("quotedLen(%q) = %d, want %d", b, got, want)
		}
	}
}
