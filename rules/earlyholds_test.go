package rules

import (
	"math/rand"
	"slices"
	"testing"
)

// earlyHolds is what MatchNearTo asks before matchFrom's call, after the
// gates of the cues and tokens alone: the pivot.
func (m *matcher) earlyHolds(nr *near) bool {
	return nr.reach.pivot == nil || m.Window.pivotHolds(nr)
}

// TestEarlyHoldsLikeMatchFrom checks the gates that matchFrom asks
// before the matcher's set-up (earlyHolds): wherever they reject a rule
// of reported speech, MatchFrom on a fresh window finds no match. They read none of the fields that
// the set-up gives (steps, limit, follow, speaker): on the window of the
// calls before, those scribbled over, they reject at least what they
// reject on a fresh window, and
// only what MatchFrom finds no match for. The rules are tried in order on
// one window per sentence, from the start and from inside it, as the
// extractor tries them.
func TestEarlyHoldsLikeMatchFrom(t *testing.T) {
	rejected, tried := 0, 0
	eachReportedCall(t, 31, func(c *reportedCall) {
		tried++
		fresh := c.w.rs.NewWindow(c.toks) // no memos
		fresh.m.Window, fresh.m.quote = fresh, -1
		holds := fresh.m.earlyHolds(newNear(slices.Clone(c.cues), c.reach))
		// the window of the calls before: its memos filled,
		// its matcher's set-up fields scribbled over
		used := c.w
		used.m.steps, used.m.limit, used.m.follow, used.m.hasSpk = 1<<30, 0, ",", true
		used.m.Window, used.m.quote = used, -1
		again := used.m.earlyHolds(newNear(slices.Clone(c.cues), c.reach))
		if !holds && again {
			t.Fatalf("rule %s on %v from %d: earlyHolds rejected it on a fresh window, not on one used before", c.r.ID, c.parts, c.lo)
		}
		if again {
			used.MatchNear(c.r, c.lo, c.hi, c.cues, c.reach)
		} else if m, ok := c.w.rs.NewWindow(c.toks).MatchFrom(c.r, -1, c.lo, c.hi); ok {
			t.Fatalf("rule %s on %v from %d: earlyHolds rejected it on a window used before, but MatchFrom matched %+v", c.r.ID, c.parts, c.lo, m)
		}
		if !holds {
			rejected++
		}
	})
	someOfBoth(t, rejected, tried)
	t.Logf("%d of %d calls rejected before the set-up", rejected, tried)
}

// reportedRules returns the default rules of reported speech with cues
// and their reaches, as the extractor has them.
func reportedRules(t *testing.T) (*Ruleset, []*AttrRule, []CueReach) {
	t.Helper()
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
	return rs, reported, reaches
}

// reportedCall is one call of MatchNear that eachReportedCall makes: the
// sentence (toks, and its words parts), its window w (one for all the
// calls on the sentence, as the extractor has), the rule r and its reach
// the range lo to hi and the cues from lo.
type reportedCall struct {
	toks   []Token
	parts  []string
	w      *Window
	r      *AttrRule
	reach  *CueReach
	lo, hi int
	cues   []int
}

// eachReportedCall calls f for the calls of MatchNear that the extractor
// would make on 1500 random sentences of reportedWords (seeded by seed):
// every rule of reported speech with cues, in order, from the start and
// from a random token.
func eachReportedCall(t *testing.T, seed int64, f func(c *reportedCall)) {
	t.Helper()
	rs, reported, reaches := reportedRules(t)
	words, rng := reportedWords(), rand.New(rand.NewSource(seed))
	for n := 0; n < 1500; n++ {
		toks, parts := randomSentence(rs, rng, words, 4+rng.Intn(30))
		w := rs.NewWindow(toks)
		for _, lo := range []int{0, rng.Intn(len(toks))} {
			for i, r := range reported {
				set := rs.NewListSet(r.CueLists())
				var cs []int
				for k := lo; k < len(toks); k++ {
					if set.At(toks, k) != 0 {
						cs = append(cs, k)
					}
				}
				if len(cs) > 0 {
					f(&reportedCall{toks, parts, w, r, &reaches[i], lo, len(toks) - 1, cs})
				}
			}
		}
	}
}
