package rules

import (
	"math/rand"
	"testing"
)

// reportedWords returns the words of the random sentences on which the
// rules of reported speech are tried (randomSentence): the words those
// rules look for.
func reportedWords() []string {
	return []string{"said", "says", "told", "reporters", "he", "she", "The", "the", "official", "President",
		"Trump", "Smith", "spokesman", "according", "to", "Jane", "Doe", "has", "also", "on", "Friday",
		"that", "it", "was", "and", "but", "saying", "warned", "talks", "were", "useful", "plan",
		"would", "fail", ",", ",", ",", ",", ".", "Q:quote", "–", "reportedly", "first", "Springfield"}
}

// TestEndFilterLikeEndsAt checks the filter that pivotHolds asks
// before endsAt: for the pivot of every default rule of reported speech
// and every token of random sentences (words, marks, dashes, quotations),
// a token where mayEndAt says false is one after which endsAt says false
// too; and it says false somewhere, or the filter would be no use.
func TestEndFilterLikeEndsAt(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "and", "but", "when", "after", "once", "was", "were", "by", "while", "the", "Smith",
		",", ",", ".", ":", "(", ")", "–", "Q:quote", "according", "to", "that", "it", "who", "which", "has"}
	pivots := map[*pivot]bool{}
	for _, r := range rs.Attribution {
		pivots[r.CueReach().pivot] = r.Reported() && r.Pattern != nil
	}
	rng, rejected := rand.New(rand.NewSource(5)), 0
	for n := 0; n < 300; n++ {
		toks, parts := randomSentence(rs, rng, words, 3+rng.Intn(20))
		w := rs.NewWindow(toks)
		m := &matcher{Window: w, quote: -1, limit: maxSteps}
		for pv, reported := range pivots {
			for e := 1; pv != nil && reported && e <= len(toks); e++ {
				if pv.mayEnd.mayEndAt(rs, &toks[e-1]) {
					continue
				}
				rejected++
				if m.endsAt(pv.before, e) {
					t.Fatalf("%v: endsAt(%v, %d) holds where mayEndAt says false", parts, pv.before, e)
				}
			}
		}
	}
	if rejected == 0 {
		t.Error("mayEndAt rejected no token")
	}
}

// TestMayEndWordLikeMayEndAt checks the inline test of a filter of words
// only (endFilter.words, mayEndWord) against mayEndAt: for the pivot of
// every default rule of reported speech whose filter is of words only, on
// every token of random sentences, classified and not.
func TestMayEndWordLikeMayEndAt(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "and", "but", "when", "who", "which", "that", "the", "Smith", "as", "an", "be",
		",", ".", ":", "–", "Q:quote", "according", "to", "has", "whose", "said", "bought"}
	var filters []*endFilter
	for _, r := range rs.Attribution {
		if pv := r.CueReach().pivot; r.Reported() && pv != nil && pv.mayEnd.words(rs) {
			filters = append(filters, &pv.mayEnd)
		}
	}
	if len(filters) < 2 {
		t.Fatalf("%d pivots with a filter of words only: want the default rules' relative and and | but", len(filters))
	}
	rng, held, told := rand.New(rand.NewSource(9)), 0, 0
	for n := 0; n < 400; n++ {
		toks, parts := randomSentence(rs, rng, words, 1+rng.Intn(20))
		if n%2 == 1 {
			for i := range toks {
				toks[i].class = 0 // not classified: every word may be a list's
			}
		}
		for _, f := range filters {
			for i := range toks {
				want := f.mayEndAt(rs, &toks[i])
				if got := f.mayEndWord(&toks[i]); got != want {
					t.Fatalf("%v token %d: mayEndWord %v, mayEndAt %v", parts, i, got, want)
				}
				told++
				if want {
					held++
				}
			}
		}
	}
	if held == 0 || held == told {
		t.Fatalf("%d of %d tokens let through: want some of both", held, told)
	}
}
