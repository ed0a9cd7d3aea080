package rules

import (
	"math/rand"
	"slices"
	"testing"
)

// TestNearCuesLikeLoop compares nearCues with a loop over the positions
// and the cues, for random sorted cues below 64, reaches back and ends
// (0: the cue's own position; 1: the positions before it).
func TestNearCuesLikeLoop(t *testing.T) {
	rng := rand.New(rand.NewSource(24))
	for k := 0; k < 3000; k++ {
		var cues []int
		for c := range 64 {
			if rng.Intn(12) == 0 {
				cues = append(cues, c)
			}
		}
		back, to := rng.Intn(40), rng.Intn(2)
		back = max(back, to)
		var want uint64
		for s := range 64 {
			if slices.ContainsFunc(cues, func(c int) bool { return c-back <= s && s <= c-to }) {
				want |= 1 << s
			}
		}
		if got := nearCues(cues, back, to); got != want {
			t.Fatalf("cues %v back %d to %d: nearCues %b, want %b", cues, back, to, got, want)
		}
	}
}
