package rules

import (
	"math/rand"
	"testing"
)

// TestPivotLikeMatch checks the pivots of the default rules of reported
// speech against the matcher: on random sentences dense in what stands
// before their cues (marks, dashes, conjunctions, speakers, participles),
// a sentence where a rule's pivot does not hold is one where MatchFrom,
// with none of MatchNear's gates, finds no match from any start. The
// pivots whose atoms end a group of sequences (`( , | – | ,? ( by | while
// ) ) cue:…`) must reject some sentences.
func TestPivotLikeMatch(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "saying", "telling", "adding", "warning", "told", "reporters", "he", "she", "Smith",
		"Jane", "Doe", "the", "official", "and", "but", "by", "while", "after", "when", "before", "who", "that",
		"it", "was", "plan", "would", "fail", ",", ",", ",", "–", "Q:quote", "."}
	rng := rand.New(rand.NewSource(31))
	rejected := map[string]int{}
	for _, r := range rs.Attribution {
		reach := r.CueReach()
		pv := reach.pivot
		if !r.Reported() || pv == nil {
			continue
		}
		set := rs.NewListSet(r.CueLists())
		for k := 0; k < 1500; k++ {
			toks, parts := randomSentence(rs, rng, words, 3+rng.Intn(20))
			cues := cuesAt(set, toks)
			if len(cues) == 0 || testWindow(rs, toks).pivotHolds(&near{cues: cues, reach: &reach}) {
				continue
			}
			rejected[r.ID]++
			if m, ok := rs.NewWindow(toks).MatchFrom(r, -1, 0, len(toks)); ok {
				t.Fatalf("rule %s on %v: the pivot rejects the match %+v", r.ID, parts, m)
			}
		}
	}
	if rejected["reported-participle"] == 0 {
		t.Errorf("the pivot of reported-participle rejected nothing: %v", rejected)
	}
}
