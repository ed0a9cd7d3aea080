package wordtab

import (
	"strings"
	"testing"
)

// TestSet checks that a Set answers as the map of its words, with Has and
// with HasAt inside a longer text, for short, 16-byte and longer words, and
// that a word with a NUL byte hands every question to the fallback.
func TestSet(t *testing.T) {
	long := "internationalisation" // over 16 bytes: the fallback answers
	for _, c := range []struct {
		name  string
		words []string
	}{
		{"plain", []string{"a", "the", "said", "sixteen-letters!", long}},
		{"nul", []string{"the", "a\x00b", long}},
		{"empty", nil},
	} {
		in := map[string]bool{}
		for _, w := range c.words {
			in[w] = true
		}
		s := NewSet(c.words, func(w string) bool { return in[w] })
		probes := []string{"", "a", "b", "th", "the", "thE", "they", "said", "saiD", "sixteen-letters!", "sixteen-letters?",
			long, long + "s", "a\x00b", "a\x00", "\x00"}
		for _, w := range probes {
			if got := s.Has(w); got != in[w] {
				t.Errorf("%s: Has(%q) = %v, want %v", c.name, w, got, in[w])
			}
			for _, around := range [][2]string{{"", ""}, {"xx ", " " + strings.Repeat("y", 20)}, {strings.Repeat("z", 9), ""}} {
				text := around[0] + w + around[1]
				i := len(around[0])
				if got := s.HasAt(text, i, i+len(w)); got != in[w] {
					t.Errorf("%s: HasAt(%q, %d, %d) = %v, want %v", c.name, text, i, i+len(w), got, in[w])
				}
			}
		}
	}
}
