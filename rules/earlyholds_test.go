package rules

import (
	"math/rand"
	"testing"
)

// earlyHolds is what matchFrom asks of a call of MatchNear before the
// matcher's set-up, after the gates of the cues alone: the window's
// fails, the pivot and the after list (its first part).
func (m *matcher) earlyHolds(r *AttrRule, lo, hi int, nr *near) bool {
	if m.failBits&ruleBit(r) != 0 && m.failed(r, lo, hi) {
		return false
	}
	return m.pivotHolds(nr) && m.afterHolds(nr)
}

// TestEarlyHoldsLikeMatchFrom checks the gates that matchFrom asks
// before the matcher's set-up (earlyHolds): wherever they reject a rule of reported speech, MatchFrom
// on a fresh window finds no match. They read none of the fields that
// the set-up gives (steps, limit, follow, speaker): on the window of the
// calls before, those scribbled over, they reject at least what they
// reject on a fresh window (more: the fails of the calls before), and
// only what MatchFrom finds no match for. The rules are tried in order on
// one window per sentence, from the start and from inside it, as the
// extractor tries them.
func TestEarlyHoldsLikeMatchFrom(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var reported []*AttrRule
	var reaches []CueReach
	for _, r := range rs.Attribution {
		if r.Reported() && r.Pattern != nil && len(r.CueLists()) > 0 {
			reported = append(reported, r)
			reaches = append(reaches, r.CueReach())
		}
	}
	SharePivots(reaches)
	words, rng := reportedWords(), rand.New(rand.NewSource(31))
	rejected, tried := 0, 0
	for n := 0; n < 1500; n++ {
		toks, parts := randomSentence(rs, rng, words, 4+rng.Intn(30))
		used := rs.NewWindow(toks)
		for _, lo := range []int{0, rng.Intn(len(toks))} {
			hi := len(toks) - 1
			for i, r := range reported {
				set := rs.NewListSet(r.CueLists())
				var cs []int
				for k := lo; k < len(toks); k++ {
					if set.At(toks, k) != 0 {
						cs = append(cs, k)
					}
				}
				if len(cs) == 0 {
					continue
				}
				tried++
				fresh := rs.NewWindow(toks) // no fails, no memos
				fresh.m.Window, fresh.m.quote = fresh, -1
				holds := fresh.m.earlyHolds(r, lo, hi, newNear(append([]int(nil), cs...), &reaches[i]))
				// the window of the calls before: its memos and fails
				// filled, its matcher's set-up fields scribbled over
				used.m.steps, used.m.limit, used.m.follow, used.m.hasSpk = 1<<30, 0, ",", true
				used.m.Window, used.m.quote = used, -1
				again := used.m.earlyHolds(r, lo, hi, newNear(append([]int(nil), cs...), &reaches[i]))
				if !holds && again {
					t.Fatalf("rule %s on %v from %d: earlyHolds rejected it on a fresh window, not on one used before", r.ID, parts, lo)
				}
				if again {
					used.MatchNear(r, lo, hi, cs, &reaches[i])
				} else if m, ok := rs.NewWindow(toks).MatchFrom(r, -1, lo, hi); ok {
					t.Fatalf("rule %s on %v from %d: earlyHolds rejected it on a window used before, but MatchFrom matched %+v", r.ID, parts, lo, m)
				}
				if holds {
					continue
				}
				rejected++
				if m, ok := rs.NewWindow(toks).MatchFrom(r, -1, lo, hi); ok {
					t.Fatalf("rule %s on %v from %d: earlyHolds rejected it, but MatchFrom matched %+v", r.ID, parts, lo, m)
				}
			}
		}
	}
	someOfBoth(t, rejected, tried)
	t.Logf("%d of %d calls rejected before the set-up", rejected, tried)
}
