package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// cueMarkRules returns the default rules of reported speech with cues,
// their reaches (reportedRules), the set of their cue lists and each
// rule's bits of those lists, and the rules' CueMarks.
func cueMarkRules(t *testing.T) (*Ruleset, []*AttrRule, []CueReach, *ListSet, []uint64, *CueMarks) {
	t.Helper()
	rs, reported, reaches := reportedRules(t)
	var lists []*List
	var need []uint64
	for _, r := range reported {
		var n uint64
		for _, l := range r.CueLists() {
			k := slices.Index(lists, l)
			if k < 0 {
				k = len(lists)
				lists = append(lists, l)
			}
			n |= 1 << k
		}
		need = append(need, n)
	}
	return rs, reported, reaches, rs.NewListSet(lists), need, NewCueMarks(reaches, need)
}

// TestCueMarksLikeMatchFrom checks CueMarksFail, the marks that must
// stand next to a rule's cues told once per window: the default rules
// told are the parenthetical ones (a comma after the verb); on a table of
// sentences it fails the rules it should; wherever it fails a rule on a
// random sentence, the slow gates it stands for (the pivot,
// cueContentHolds) reject the rule's
// call from the start of the sentence and MatchFrom finds no match; and
// a window asked for some rules, then for others, tells each as a window
// asked for all at once.
func TestCueMarksLikeMatchFrom(t *testing.T) {
	rs, reported, reaches, set, need, cm := cueMarkRules(t)
	bit := func(id string) uint64 {
		for i, r := range reported {
			if r.ID == id {
				return 1 << i
			}
		}
		t.Fatalf("no %s among the rules", id)
		return 0
	}
	told := bit("reported-parenthetical") | bit("reported-parenthetical-short")
	if cm.rules != told {
		t.Errorf("rules told %b, want %b", cm.rules, told)
	}
	// (P: the bit of reported-parenthetical; a rule with no cue fails too)
	for _, c := range []struct {
		text, fail string
	}{
		{"The plan , Jane Doe said , had failed .", ""},
		{"The plan , Jane Doe pointed out , had failed .", ""},
		{"The plan , Jane Doe said on Friday , had failed .", ""}, // (a comma within the longest entry)
		{"The plan , Jane Doe said on Friday morning , had failed .", "P"},
		{"The plan had failed , said Jane Doe .", "P"},
		{"Jane Doe said the plan had failed .", "P"},
		{"The plan , Jane Doe said", "P"},
		{"The plan failed , according to Jane Doe .", "P"},
		{"The plan failed according to Jane Doe .", "P"},
	} {
		toks, _ := sentence(strings.Fields(c.text)...)
		for i := range toks {
			rs.Classify(&toks[i])
		}
		var want uint64
		if strings.ContainsRune(c.fail, 'P') {
			want = bit("reported-parenthetical")
		}
		mask := bit("reported-parenthetical")
		if got := rs.NewWindow(toks).CueMarksFail(cm, set.Hits(toks, nil), ^uint64(0)) & mask; got != want {
			t.Errorf("%q: CueMarksFail %b, want %b", c.text, got, want)
		}
	}
	words := append(reportedWords(), "pointed", "out", "said", "said", ",", "according")
	rng := rand.New(rand.NewSource(59))
	failed, tried := 0, 0
	for n := 0; n < 3000; n++ {
		toks, parts := randomSentence(rs, rng, words, 3+rng.Intn(30))
		hits := set.Hits(toks, nil)
		all := rs.NewWindow(toks).CueMarksFail(cm, hits, ^uint64(0))
		w := rs.NewWindow(toks)
		some := rng.Uint64()
		if got := w.CueMarksFail(cm, hits, some) | w.CueMarksFail(cm, hits, ^some); got != all {
			t.Fatalf("%v: told in two calls %b, at once %b", parts, got, all)
		}
		for i, r := range reported {
			var cues []int
			for _, h := range hits {
				if h.Bits&need[i] != 0 {
					cues = append(cues, h.Pos)
				}
			}
			if cm.rules>>i&1 == 0 || len(cues) == 0 {
				continue
			}
			tried++
			if all>>i&1 == 0 {
				continue
			}
			failed++
			slow := testWindow(rs, toks)
			nr := newNear(cues, &reaches[i])
			if slow.m.earlyHolds(nr) && slow.m.cueContentHolds(nr) {
				t.Fatalf("rule %s on %v: CueMarksFail fails it, the pivot and cueContentHolds do not", r.ID, parts)
			}
			if m, ok := rs.NewWindow(toks).MatchFrom(r, -1, 0, len(toks)-1); ok {
				t.Fatalf("rule %s on %v: CueMarksFail fails it, but MatchFrom matched %+v", r.ID, parts, m)
			}
		}
	}
	someOfBoth(t, failed, tried)
	t.Logf("%d of %d rules with cues failed by their marks", failed, tried)
}
