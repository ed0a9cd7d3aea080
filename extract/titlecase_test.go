package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestTitleCaseText compares titleCaseText, which stops at the first word
// that is not a title's, with isTitleCase on all the words, on random
// invented texts.
func TestTitleCaseText(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	parts := []string{"Jane", "Doe", "the", "of", "Springfield", "Acme", "Corp.", "works", "in",
		"2026", "élan", "Élan", "mr.", "a", "\u00a0", " ", "  ", "\n", "Show.", "late"}
	r := rand.New(rand.NewPCG(15, 1))
	for n := range 20000 {
		var b strings.Builder
		for k := range r.IntN(14) {
			if k > 0 && r.IntN(4) > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, want := x.titleCaseText(s), x.isTitleCase(strings.Fields(s)); got != want {
			t.Fatalf("text %d %q: titleCaseText %v, isTitleCase %v", n, s, got, want)
		}
	}
}
