package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/whosaid/whosaid/rules"
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
		c.reset()
		for k := 0; k < 12; k++ {
			set := rng.Intn(len(needs) + 1) // the last: one of too many sets
			k, need := uint8(maxCueSets), uint64(1+rng.Intn(127))
			if set < len(needs) {
				k, need = uint8(set), needs[set]
			}
			got, gf, gl := c.of(k, hits, need, from, to)
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

// TestReportInLikeEach checks that the visit of the rules by their bits
// (reportIn without explanations) finds the statements that the visit of
// every rule in turn (reportEach) finds.
func TestReportInLikeEach(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/seed/*.txt")
	if len(files) == 0 {
		t.Skip("no seed texts")
	}
	fast, each := New(rs, Options{Reported: true}), New(rs, Options{Reported: true, Explain: true})
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := each.Extract("d", string(data))
		if err != nil {
			t.Fatal(err)
		}
		got, err := fast.Extract("d", string(data))
		if err != nil {
			t.Fatal(err)
		}
		var g, w []Record
		for _, q := range got.Quotes {
			if q.Kind == "indirect" {
				g = append(g, q)
			}
		}
		for _, q := range want.Quotes {
			if q.Kind == "indirect" {
				w = append(w, q)
			}
		}
		n += len(g)
		if len(g) != len(w) {
			t.Fatalf("%s: %d statements, %d with explanations", f, len(g), len(w))
		}
		for i := range g {
			if g[i].Start != w[i].Start || g[i].End != w[i].End || g[i].Speaker != w[i].Speaker || g[i].Cue != w[i].Cue || g[i].Rule != w[i].Rule {
				t.Errorf("%s: statement %+v, with explanations %+v", f, g[i], w[i])
			}
		}
	}
	if n == 0 {
		t.Error("no statements in the seed texts")
	}
}
