package rules

import (
	"math/rand"
	"slices"
	"testing"
)

// TestCueNeedLikeSeq compares cueContentHolds, whose alternatives turn a
// cue away where their need is not reached (needReached), with the same
// gate without the needs (seq at every cue), for every default rule that
// has a cueContent, on random sentences (a few long), classified and not,
// and PolNeAR's; a cue turned away by a need is one where seq fails too.
func TestCueNeedLikeSeq(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := append(gateWords(), "whether", "if", "reporters", "last", "week", "Tuesday", "in", "a",
		"statement", "the", "him", "Jane", "Doe", "asked", "announced", "–", "?", "by")
	sents := randomParts(rand.New(rand.NewSource(19)), words, 3000, 28, 50, 20)
	sents = append(sents, evalSentences(t, 300)...)
	type ruleCase struct {
		reach, ref CueReach
		set        *ListSet
	}
	var cases []ruleCase
	needs := 0
	for _, r := range rs.Attribution {
		reach := r.CueReach()
		cc := reach.cueContent
		if cc == nil {
			continue
		}
		ref := reach
		refCC := *cc
		refCC.alts = slices.Clone(cc.alts)
		for i := range refCC.alts {
			if refCC.alts[i].need.atoms != nil {
				needs++
			}
			refCC.alts[i].need = cueNeed{}
		}
		ref.cueContent = &refCC
		cases = append(cases, ruleCase{reach, ref, rs.NewListSet(r.CueLists())})
	}
	if needs == 0 {
		t.Fatal("no need told for the default rules")
	}
	turned := 0
	for _, parts := range sents {
		for _, classify := range []bool{true, false} {
			toks, _ := sentence(parts...)
			if classify {
				rs.ClassifyAll(toks)
			}
			for _, c := range cases {
				cues := cuesAt(c.set, toks)
				if len(cues) == 0 {
					continue
				}
				w := testWindow(rs, toks)
				got := w.m.cueContentHolds(newNear(slices.Clone(cues), &c.reach))
				gotCues := slices.Clone(w.contentCues)
				w = testWindow(rs, toks)
				want := w.m.cueContentHolds(newNear(slices.Clone(cues), &c.ref))
				if got != want || !slices.Equal(gotCues, w.contentCues) {
					t.Fatalf("%q: cueContentHolds %v %v, without the needs %v %v", parts, got, gotCues, want, w.contentCues)
				}
				for i := range c.reach.cueContent.alts {
					a := &c.reach.cueContent.alts[i]
					if a.need.atoms == nil {
						continue
					}
					m := &testWindow(rs, toks).m
					for _, cue := range cues {
						if k := m.entryLen(a.list, cue); k > 0 && !m.needReached(&a.need, cue+k) {
							turned++
						}
					}
				}
			}
		}
	}
	if turned == 0 {
		t.Error("no cue turned away by a need")
	}
}
