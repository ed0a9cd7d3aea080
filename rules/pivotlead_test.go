package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// TestPivotHoldsLikeEvery compares pivotHolds, for the pivots without
// a speaker, with pivotHoldsEvery, on random sentences dense in the lead
// atoms of the cues (auxiliaries, adverbs of one word and of several,
// catenatives with to) and in words that start none inside them: the
// scan back from a cue skips the positions where no lead atom starts and
// stops past leadSpan of them (pivot.bounded). leadMayStart must let
// through every token that mayStart does.
func TestPivotHoldsLikeEvery(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	chunks := []string{"said", "says", "told", "Smith", "he", "who", "which", "and", "but", ",", ",", "(",
		"has been", "had", "would not", "did not", "also", "in fact", "in particular", "at the time",
		"at one point", "in recent weeks", "in recent days", "took the opportunity to", "tried to",
		"went on to", "was quick to", "fact", "plan"}
	rng := rand.New(rand.NewSource(41))
	sentences := make([][]string, 1500)
	for k := range sentences {
		for range 2 + rng.Intn(40) {
			sentences[k] = append(sentences[k], strings.Fields(chunks[rng.Intn(len(chunks))])...)
		}
	}
	counts := [2]int{}
	for _, r := range rs.Attribution {
		reach := r.CueReach()
		pv := reach.pivot
		if !r.Reported() || pv == nil || pv.leadOnly() || pv.speaker != nil {
			continue
		}
		set := rs.NewListSet(r.CueLists())
		for _, parts := range sentences {
			toks, _ := sentence(parts...)
			for i := range toks {
				rs.Classify(&toks[i])
				if pv.bounded && pv.leadStart.mayStart(rs, &toks[i]) && !pv.leadMayStart(&toks[i]) {
					t.Fatalf("rule %s: %q: mayStart, not leadMayStart", r.ID, toks[i].Text)
				}
			}
			cues := cuesAt(set, toks)
			got := testWindow(rs, toks).pivotHolds(newNear(cues, &reach))
			if want := testWindow(rs, toks).m.pivotHoldsEvery(newNear(cues, &reach), pv); got != want {
				t.Fatalf("rule %s on %v (cues %v): pivotHolds %v, every %v", r.ID, parts, cues, got, want)
			}
			counts[b2u(got)]++
		}
	}
	someOfBoth(t, counts[1], counts[0]+counts[1])
}

// pivotHoldsEvery is pivotHolds for a pivot without a speaker, every
// position up to off before a cue from minAt+1 on tried by the general
// filter, endsAt and tiles.
func (m *matcher) pivotHoldsEvery(n *near, pv *pivot) bool {
	low := pv.minAt + 1 // (TestPivotMinAtLikeMatch checks minAt)
	for _, c := range n.cues {
		for s := c; s >= max(c-pv.off, low); s-- {
			if pv.mayEnd.mayEndAt(m.rs, &m.toks[s-1]) && m.endsAt(pv.before, s) && m.tiles(n, pv.lead, &pv.leadStart, pv.off, s) {
				return true
			}
		}
		low = max(low, c+1)
	}
	return false
}
