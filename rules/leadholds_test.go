package rules

import (
	"math/rand"
	"testing"
)

// leadWords are the words of the random sentences of the tests of
// leadHolds: cue verbs, auxiliaries and adverbs of two words,
// catenatives, names and the marks of the default rules' leads.
func leadWords() []string {
	return []string{"said", "says", "told", "argued", "he", "The", "the", "official", "Smith", "John", "has", "been",
		"also", "repeatedly", "in", "fact", "tried", "to", "was", "likely", "would", "later", "on", "Monday",
		"and", "who", "that", "it", "plan", ",", ",", "–", ".", "Q:quote", "according", "However"}
}

// TestLeadHoldsLikeEachStart compares leadHolds, which tries the tokens
// within a lead atom's span before the last start of the cue capture
// (after a test of the cues in range), with trying every start of the
// capture from minLead to Lead, for the default rules with a leadOnly
// pivot, on random sentences.
func TestLeadHoldsLikeEachStart(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// sentences whose lead atoms of two or three words cross the last
	// start of the capture (Lead: 11 in reported-subject-cue, the cue
	// after it), or stop short of the cue
	fixed := [][]string{
		{"The", "official", "from", "the", "big", "old", "city", "of", "the", "north", "in", "fact", "said", "that", "it", "failed"},
		{"The", "official", "from", "the", "big", "old", "city", "of", "the", "north", "has", "been", "told", "that", "it", "failed"},
		{"The", "official", "from", "the", "big", "old", "city", "of", "the", "did", "not", "hesitate", "to", "argue", "that"},
		{"The", "official", "from", "the", "big", "old", "city", "of", "the", "north", "in", "fact", "north", "said", "that"},
		{"The", "official", "from", "the", "big", "old", "city", "of", "the", "north", "in", "fact", "then", "said", "that", "it"},
	}
	words, rng := leadWords(), rand.New(rand.NewSource(23))
	tried, held, rules := 0, 0, 0
	for _, r := range rs.Attribution {
		reach := r.CueReach()
		pv := reach.pivot
		if !r.Reported() || pv == nil || !pv.leadOnly() {
			continue
		}
		rules++
		set := rs.NewListSet(r.CueLists())
		for k := 0; k < 600+len(fixed); k++ {
			toks, parts := randomSentence(rs, rng, words, 3+rng.Intn(20))
			if k >= 600 {
				toks, parts = classifiedSentence(rs, fixed[k-600]), fixed[k-600]
			}
			cues := cuesAt(set, toks)
			if len(cues) == 0 {
				continue
			}
			w := testWindow(rs, toks)
			n := newNear(cues, &reach)
			want := reach.Lead < 0
			for s := reach.minLead; s <= reach.Lead && !want; s++ {
				want = w.m.tiles(n, pv.lead, &pv.leadStart, pv.off, s)
			}
			if got := w.m.leadHolds(n, pv); got != want {
				t.Fatalf("rule %s on %v (cues %v): leadHolds %v, each start %v", r.ID, parts, cues, got, want)
			}
			tried++
			if want {
				held++
			}
		}
	}
	if rules < 3 {
		t.Fatalf("%d default rules with a leadOnly pivot: want the subject rules' and more", rules)
	}
	someOfBoth(t, held, tried)
}

// TestNoStartAfterLastCue checks the bound of matchFrom for the rules
// that open with SPEAKER (CueReach.Gap not -1): no start at or after the
// last cue passes reaches, so that none is tried.
func TestNoStartAfterLastCue(t *testing.T) {
	reached, tried := 0, 0
	eachReportedCall(t, 37, func(c *reportedCall) {
		if c.reach.Gap < 0 || len(c.cues) == 0 {
			return
		}
		w := testWindow(c.w.rs, c.toks)
		w.cueSeen = resetBytes(w.cueSeen, len(c.toks)+1)
		m, n, its := &w.m, newNear(c.cues, c.reach), c.r.Pattern.its()
		for s := c.lo; s < len(c.toks); s++ {
			if !m.reaches(n, its, s) {
				continue
			}
			if s >= c.cues[len(c.cues)-1] {
				t.Fatalf("rule %s on %v: start %d reaches a cue, after the last cue %d", c.r.ID, c.parts, s, c.cues[len(c.cues)-1])
			}
			reached++
		}
		tried++
	})
	if reached == 0 || tried == 0 {
		t.Fatalf("%d calls, %d starts that reach a cue: want some", tried, reached)
	}
}

// classifiedSentence returns the tokens of the words parts, classified by rs.
func classifiedSentence(rs *Ruleset, parts []string) []Token {
	toks, _ := sentence(parts...)
	for i := range toks {
		rs.Classify(&toks[i])
	}
	return toks
}
