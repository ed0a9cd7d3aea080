package extract

import (
	"math/rand"
	"slices"
	"testing"
)

// TestCueScratchLikeScan checks that the cues of a set of cue lists, found
// once per search and read again by the later rules of the search, are
// those a scan of the hits finds for each rule.
func TestCueScratchLikeScan(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	needs := []uint64{1, 2, 3, 4, 12, 20, 64}
	var c cueScratch
	for n := 0; n < 2000; n++ {
		var hits []cueHit
		for pos := 0; pos < 40; pos++ {
			if rng.Intn(4) == 0 {
				hits = append(hits, cueHit{Pos: pos, Bits: uint64(1 + rng.Intn(127))})
			}
		}
		from := rng.Intn(30)
		to := from + rng.Intn(40-from)
		c.reset(hits, from, to)
		for k := 0; k < 12; k++ {
			set := rng.Intn(len(needs) + 1) // the last: one of too many sets
			k, need := uint8(maxCueSets), uint64(1+rng.Intn(127))
			if set < len(needs) {
				k, need = uint8(set), needs[set]
			}
			cs := c.of(k, need)
			got, gf, gl := cs.cs, cs.f, cs.l
			var want []int
			wf, wl := -1, -1
			for _, h := range hits {
				if h.Pos >= from && h.Bits&need != 0 {
					want = append(want, h.Pos)
					if h.Pos < to {
						if wf < 0 {
							wf = h.Pos
						}
						wl = h.Pos
					}
				}
			}
			if !slices.Equal(got, want) || gf != wf || gl != wl {
				t.Fatalf("need %b from %d to %d in %v: %v %d %d, want %v %d %d", need, from, to, hits, got, gf, gl, want, wf, wl)
			}
		}
	}
}
