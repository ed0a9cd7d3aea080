package rules

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// TestParserCol checks that col, which counts runes from the last position
// it was asked for, gives the column of every position of a pattern with
// non-ASCII text, going forward and back.
func TestParserCol(t *testing.T) {
	src := "„QUOTE“ ,? «é» sagte SPEAKER — ANY{0,2}"
	var bounds []int
	for i := range src {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(src))
	p := &parser{src: src}
	order := append(append([]int(nil), bounds...), bounds[len(bounds)/2], bounds[3], bounds[len(bounds)-1], 0, bounds[5])
	for _, pos := range order {
		p.pos = pos
		if got, want := p.col(), utf8.RuneCountInString(src[:pos])+1; got != want {
			t.Fatalf("col at byte %d = %d, want %d", pos, got, want)
		}
	}
	// an error after non-ASCII text is at its column in runes
	_, err := ParsePattern("QUOTE ,? \"é\" ) SPEAKER")
	var pe *PatternError
	if !errors.As(err, &pe) || pe.Col != 14 {
		t.Errorf("error %v, want one at column 14", err)
	}
}
