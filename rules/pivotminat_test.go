package rules

import (
	"math/rand"
	"testing"
)

// TestPivotMinAtLikeMatch checks the pivots' minAt against the matcher:
// for every default rule of reported speech whose pivot has atoms before
// the cue (or its speaker) and a minAt above 0, on short random sentences
// dense in marks and quotations near their start, a sentence where the
// pivot holds without minAt but not with it is one where MatchFrom, with
// none of MatchNear's gates, finds no match from any start; and minAt
// rejects some, or it would be no use.
func TestPivotMinAtLikeMatch(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "says", "told", "reporters", "he", "she", "Smith", "Jane", "Doe", "the", "official",
		"and", "but", "who", "according", "to", "that", "it", "was", "also", ",", ",", ",", "–", "(", ")",
		"Q:quote", "Q:quote", "."}
	rng := rand.New(rand.NewSource(23))
	rules, rejected := 0, 0
	for _, r := range rs.Attribution {
		reach := r.CueReach()
		pv := reach.pivot
		if !r.Reported() || pv == nil || pv.leadOnly() || pv.minAt == 0 {
			continue
		}
		rules++
		free := *pv
		free.minAt = 0
		set := rs.NewListSet(r.CueLists())
		for k := 0; k < 3000; k++ {
			toks, parts := randomSentence(rs, rng, words, 2+rng.Intn(10))
			cues := cuesAt(set, toks)
			if len(cues) == 0 {
				continue
			}
			got := testWindow(rs, toks).pivotHolds(&near{cues: cues, reach: &reach})
			reach.pivot = &free
			without := testWindow(rs, toks).pivotHolds(&near{cues: cues, reach: &reach})
			reach.pivot = pv
			if got && !without {
				t.Fatalf("rule %s on %v: the pivot holds with minAt %d, not without", r.ID, parts, pv.minAt)
			}
			if got || !without {
				continue
			}
			rejected++
			if m, ok := rs.NewWindow(toks).MatchFrom(r, -1, 0, len(toks)); ok {
				t.Fatalf("rule %s on %v: minAt %d rejects the match %+v", r.ID, parts, pv.minAt, m)
			}
		}
	}
	if rules == 0 || rejected == 0 {
		t.Errorf("minAt rejected nothing (%d rules)", rules)
	}
	t.Logf("%d rules, %d rejections", rules, rejected)
}
