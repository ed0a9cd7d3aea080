package rules

import (
	"math/rand"
	"reflect"
	"testing"
)

// setInPlace sets the inPlace flag of the items of its, and of the items
// inside them (negations' included), to what in tells.
func setInPlace(its []*item, in func(*item) bool) {
	walkItems(its, func(it *item) {
		it.inPlace = in(it)
		setInPlace(it.neg, in)
	})
}

// TestInPlaceLikeRep checks that seq's in-place paths (an atom or a
// speaker phrase matched in its loop, a required atom gone on from in the
// loop, a tok atom matched once at most in place rather than by repTok)
// give the matches and the step counts of the recursive path, where no
// item is matched in place (every one by rep or repTok, with closures),
// for every default rule and the first items of some, on random sentences
// (short ones, long ones, ones with a low limit of steps) and on the
// evaluation texts' sentences when WHOSAID_EVAL names their folder.
func TestInPlaceLikeRep(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Smith", "said", "he", "The", "the", "official", "on", "Monday", "told", "reporters", "that",
		"according", "to", "as", "who", "has", "repeatedly", ",", ",", ":", ".", "Q:quote", "Q:other", "–", "and",
		"but", "while", "by", "It", "is", "was", "asked", "whether", "AIDE", "claim", "his", "’s"}
	rng := rand.New(rand.NewSource(16))
	sents := append(randomParts(rng, words, 900, 25, 20, 150), evalSentences(t, 200)...)
	none := func(*item) bool { return false }
	ways := []struct {
		name string
		in   func(*item) bool
	}{
		{"seqInPlace", seqInPlace},
		{"inPlaceItem (repTok for a tok atom)", inPlaceItem},
	}
	defer func() {
		for _, r := range rs.Attribution {
			if r.Pattern != nil {
				setInPlace(r.Pattern.its(), seqInPlace)
			}
		}
	}()
	match := func(r *AttrRule, toks []Token, quote, limit int, in func(*item) bool) (Match, bool, int, bool) {
		setInPlace(r.Pattern.its(), in)
		w := rs.NewWindow(toks)
		w.limit = limit
		m, ok := w.Match(r, quote)
		return m, ok, w.m.steps, w.m.steps > w.m.limit
	}
	matched := 0
	for n, parts := range sents {
		toks := testTokens(rs, parts)
		quote, limit := quoteAndLimit(rng, toks, n, 300)
		for _, r := range rs.Attribution {
			if r.Pattern == nil {
				continue
			}
			for _, r := range withPrefixes(r, n%10 == 0) {
				want, wantOK, wantSteps, wantOver := match(r, toks, quote, limit, none)
				for _, way := range ways {
					got, gotOK, steps, over := match(r, toks, quote, limit, way.in)
					if gotOK != wantOK || !reflect.DeepEqual(got, want) || over != wantOver || !over && steps != wantSteps {
						t.Fatalf("rule %s (%d items) on %v (quote %d, limit %d): %s gave %v %+v in %d steps, rep %v %+v in %d steps",
							r.ID, len(r.Pattern.its()), parts, quote, limit, way.name, gotOK, got, steps, wantOK, want, wantSteps)
					}
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
	t.Logf("%d sentences, %d matches", len(sents), matched)
}
