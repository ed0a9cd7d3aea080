package rules

import (
	"math/rand"
	"reflect"
	"testing"
)

// setTok sets the tok flag of the items of a pattern, recursively.
func setTok(its []*item, on bool) {
	for _, it := range its {
		it.tok = on && tokItem(it)
		it.inPlace = seqInPlace(it)
		for _, alt := range it.alts {
			setTok(alt, on)
		}
		setTok(it.neg, on)
	}
}

// TestRepTokLikeRep checks that matching with repTok gives the matches and
// the step counts of the recursive rep, on random sentences of the words the
// default rules look for, short ones and ones long enough to reach maxSteps.
func TestRepTokLikeRep(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "says", "told", "he", "she", "they", "The", "the", "a", "President", "Donald", "Trump",
		"Smith", "spokesman", "official", "according", "to", "as", "who", "has", "had", "added", "in", "of", "report",
		",", ",", ":", ".", "Q:quote", "Q:other", "–", "—", "AIDE", "WASHINGTON", "reporters", "later", "and", "It", "is"}
	dense := []string{"Smith", "said", ",", "Q:q", "he", "official", "told", "as", "who", "Trump"}
	noCue := []string{"Smith", "Trump", ",", "Q:q", "Q:r", "official", "the", "President", "Donald", ":"}
	rng := rand.New(rand.NewSource(1))
	over, most := 0, 0
	for n := 0; n < 3000; n++ {
		size := 1 + rng.Intn(20)
		if n%10 == 0 {
			size = 100 + rng.Intn(300)
		}
		vocab := words
		switch n % 30 {
		case 0:
			vocab = dense // many candidate speakers, cues and quotes
		case 10:
			vocab = noCue // speakers and quotes without a cue: long searches
		}
		parts := make([]string, size)
		for i := range parts {
			parts[i] = vocab[rng.Intn(len(vocab))]
		}
		toks := testTokens(rs, parts)
		quote := -1
		var qs []int
		for i := range toks {
			if toks[i].Kind == QuoteT {
				qs = append(qs, i)
			}
		}
		if len(qs) > 0 {
			quote = qs[rng.Intn(len(qs))]
		}
		for _, r := range rs.Attribution {
			if r.Pattern == nil {
				continue
			}
			w := rs.NewWindow(toks)
			if n%3 == 1 {
				w.limit = 1 + rng.Intn(400) // reach the limit in the middle of repetitions
			}
			setTok(r.Pattern.its(), false)
			want, wantOK := w.Match(r, quote)
			wantSteps := w.m.steps
			setTok(r.Pattern.its(), true)
			limit := w.limit
			w = rs.NewWindow(toks) // a fresh window: it remembers the rules that failed
			w.limit = limit
			got, gotOK := w.Match(r, quote)
			if gotOK != wantOK || !reflect.DeepEqual(got, want) || w.m.steps != wantSteps && wantSteps <= w.m.limit {
				t.Fatalf("rule %s on %v (quote %d): repTok gave %v %+v in %d steps, rep %v %+v in %d steps",
					r.ID, parts, quote, gotOK, got, w.m.steps, wantOK, want, wantSteps)
			}
			if wantSteps > w.m.limit {
				over++
			}
			most = max(most, wantSteps)
		}
	}
	t.Logf("%d matches went over maxSteps; most steps %d", over, most)
}
