package rules

import (
	"math/rand"
	"testing"
)

// TestPivotOnceLikeEachCue: pivotHolds, which tries each position
// before the cues once (a position tried for a cue is not tried for the
// next), says what trying every position before each cue says, for the
// default rules of reported speech whose pivot stands right before the
// cue, on random sentences.
func TestPivotOnceLikeEachCue(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "says", "told", "he", "she", "The", "official", "Smith", "according", "to",
		"and", "but", "that", "it", "was", "plan", "would", "fail", ",", ",", ",", "–", "(", ")", ".", "Q:quote"}
	tried, held := 0, 0
	rng := rand.New(rand.NewSource(17))
	for _, r := range rs.Attribution {
		reach := r.CueReach()
		pv := reach.pivot
		if !r.Reported() || pv == nil || pv.speaker != nil || pv.leadOnly() {
			continue
		}
		set := rs.NewListSet(r.CueLists())
		for k := 0; k < 400; k++ {
			toks, parts := randomSentence(rs, rng, words, 3+rng.Intn(30))
			cues := cuesAt(set, toks)
			w := testWindow(rs, toks)
			n := newNear(cues, &reach)
			want := false
			for _, c := range cues {
				for s := c; s >= max(c-pv.off, pv.minAt+1) && !want; s-- {
					want = pv.mayEnd.mayEndAt(rs, &toks[s-1]) && w.m.endsAt(pv.before, s) && w.m.tiles(n, pv.lead, &pv.leadStart, pv.off, s)
				}
			}
			if got := w.pivotHolds(n); got != want {
				t.Fatalf("rule %s on %v (cues %v): pivotHolds %v, each cue %v", r.ID, parts, cues, got, want)
			}
			tried++
			if want {
				held++
			}
		}
	}
	someOfBoth(t, held, tried)
}

// cuesAt returns the tokens of toks at which an entry of set starts.
func cuesAt(set *ListSet, toks []Token) []int {
	var cues []int
	for p := range toks {
		if set.At(toks, p) != 0 {
			cues = append(cues, p)
		}
	}
	return cues
}

// testWindow returns a window of toks whose matcher is set up as
// MatchNear sets it (no quotation), for the gates to be called alone.
func testWindow(rs *Ruleset, toks []Token) *Window {
	w := rs.NewWindow(toks)
	w.m = matcher{Window: w, quote: -1, limit: maxSteps}
	return w
}
