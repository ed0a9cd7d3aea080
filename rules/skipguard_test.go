package rules

import (
	"math/rand"
	"reflect"
	"testing"
)

// setSkips sets (on) or clears the skip guard of every item of its, and of
// the items inside them, as setGuards sets it.
func setSkips(its []*item, on bool) {
	for _, it := range its {
		it.skip = nil
		if on {
			it.skip = skipGuard(it)
		}
		it.skips = it.skip != nil
		for _, alt := range it.alts {
			setSkips(alt, on)
		}
		setSkips(it.neg, on)
	}
}

// randomParts returns n sentences of words drawn by rng, split into words:
// of 3 to short+2 words, and every longEvery-th one of 80 to long+79.
func randomParts(rng *rand.Rand, words []string, n, short, longEvery, long int) [][]string {
	var sents [][]string
	for k := 0; k < n; k++ {
		size := 3 + rng.Intn(short)
		if k%longEvery == 0 {
			size = 80 + rng.Intn(long)
		}
		parts := make([]string, size)
		for i := range parts {
			parts[i] = words[rng.Intn(len(words))]
		}
		sents = append(sents, parts)
	}
	return sents
}

// withPrefixes returns r and, when prefixes is true, rules of the first
// items of its pattern (one item, two, ... all but the last), as explain
// tries them.
func withPrefixes(r *AttrRule, prefixes bool) []*AttrRule {
	rules := []*AttrRule{r}
	if prefixes {
		its := r.Pattern.its()
		for k := 1; k < len(its); k++ {
			rules = append(rules, &AttrRule{ID: r.ID, Pattern: &Pattern{Source: r.Pattern.Source, items: its[:k]}})
		}
	}
	return rules
}

// quoteAndLimit returns, for the n-th sentence of a test, the quotation
// being attributed (one of its quotation tokens drawn by rng, or -1 when
// it has none) and, for one sentence in four, a low limit of steps (up to
// most; else 0: maxSteps), which the match reaches inside guarded trials.
func quoteAndLimit(rng *rand.Rand, toks []Token, n, most int) (quote, limit int) {
	quote = -1
	for i := range toks {
		if toks[i].Kind == QuoteT && (quote < 0 || rng.Intn(2) == 0) {
			quote = i
		}
	}
	if n%4 == 1 {
		limit = 1 + rng.Intn(most)
	}
	return quote, limit
}

// TestSkipGuardLikeRep checks that seq, which goes on in place after an
// optional group whose skip guard tells that it cannot start (counting the
// steps of its trial), gives the matches and the step counts of rep's
// trial of the group, for every default rule, on random sentences of the
// words that the optional groups of the rules of reported speech look
// for (short ones, long ones, and ones with a low limit of steps), on the
// first items of each pattern, and on the sentences of the evaluation
// texts when WHOSAID_EVAL names their folder.
func TestSkipGuardLikeRep(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Smith", "said", "he", "The", "the", "official", "on", "Monday", "Friday", "last", "week",
		"told", "reporters", "wants", "to", "has", "repeatedly", "that", "asked", "by", "whether", "about", ",", ",",
		"Q:quote", "talks", "had", "failed", ".", "in", "an", "interview", "according", "say", "also", "later", "–"}
	rng := rand.New(rand.NewSource(15))
	sents := append(randomParts(rng, words, 1200, 25, 20, 150), evalSentences(t, 300)...)
	skips := countItems(rs, func(it *item) bool { return it.skip != nil })
	if skips == 0 {
		t.Fatal("no pattern has a skip guard")
	}
	limited, matched := toggledLikeRep(t, rs, sents, rng, setSkips, "the skips")
	t.Logf("%d sentences (%d with a low limit), %d items with a skip guard, %d matches", len(sents), limited, skips, matched)
}

// toggledLikeRep checks that matching with what set turns on (set(its,
// true) on a rule's items) gives the matches and the step counts of
// matching without it (set(its, false)), for every rule of rs and the
// first items of each pattern (for one sentence in ten), on the sentences
// sents, with a low limit of steps for one in four; it turns it on again
// at the end, and returns how many sentences had a low limit and how many
// matches there were.
func toggledLikeRep(t *testing.T, rs *Ruleset, sents [][]string, rng *rand.Rand, set func([]*item, bool), what string) (limited, matched int) {
	t.Helper()
	defer func() {
		for _, r := range rs.Attribution {
			if r.Pattern != nil {
				set(r.Pattern.its(), true)
			}
		}
	}()
	match := func(r *AttrRule, toks []Token, quote, limit int, on bool) (Match, bool, int, bool) {
		set(r.Pattern.its(), on)
		w := rs.NewWindow(toks)
		w.limit = limit
		m, ok := w.Match(r, quote)
		return m, ok, w.m.steps, w.m.steps > w.m.limit
	}
	for n, parts := range sents {
		toks := testTokens(rs, parts)
		quote, limit := quoteAndLimit(rng, toks, n, 300)
		if limit > 0 {
			limited++
		}
		for _, r := range rs.Attribution {
			if r.Pattern == nil {
				continue
			}
			for _, r := range withPrefixes(r, n%10 == 0) {
				want, wantOK, wantSteps, wantOver := match(r, toks, quote, limit, false)
				got, gotOK, steps, over := match(r, toks, quote, limit, true)
				if gotOK != wantOK || !reflect.DeepEqual(got, want) || over != wantOver || !over && steps != wantSteps {
					t.Fatalf("rule %s (%d items) on %v (quote %d, limit %d): with %s %v %+v in %d steps, without %v %+v in %d steps",
						r.ID, len(r.Pattern.its()), parts, quote, limit, what, gotOK, got, steps, wantOK, want, wantSteps)
				}
				if wantOK {
					matched++
				}
			}
		}
	}
	if matched == 0 {
		t.Fatal("no rule matched")
	}
	return limited, matched
}
