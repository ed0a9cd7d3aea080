package rules

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestHitsLikeAtOnCueLists compares ListSet.Hits, which tells a word's
// classes before its kind and passes over the words that start a phrase of
// other lists by the set's first lengths and bytes (byLen) before it hashes
// them, with At at every word, for the cue lists of the default rules of
// reported speech on random sentences of the first and second words of
// every list's phrases, common words and marks, now and then one of them
// left unclassified (Hits then goes on by At).
func TestHitsLikeAtOnCueLists(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var cue []*List
	for _, r := range rs.Attribution {
		if r.Reported() && r.Pattern != nil {
			for _, l := range r.CueLists() {
				if !slices.Contains(cue, l) {
					cue = append(cue, l)
				}
			}
		}
	}
	if len(cue) == 0 {
		t.Skip("no cue lists")
	}
	set := rs.NewListSet(cue)
	words := []string{"the", "in", "of", "said", "he", "told", ",", ".", ":", "", "x", "accordingly", "Q:quoted words"}
	for _, l := range rs.Lists {
		for _, ps := range l.phraseRows() {
			for k := range min(ps.len(), 3) {
				words = append(words, ps.at(k)...)
			}
		}
		for w := range l.words {
			if len(words) < 4000 {
				words = append(words, w)
			}
		}
	}
	rng := rand.New(rand.NewPCG(14, 6))
	hits := 0
	for range 3000 {
		parts := make([]string, 1+rng.IntN(30))
		for i := range parts {
			parts[i] = words[rng.IntN(len(words))]
		}
		toks, _ := sentence(parts...)
		for i := range toks {
			if rng.IntN(40) > 0 { // now and then an unclassified token
				rs.Classify(&toks[i])
			}
		}
		var want []ListHit
		for i := range toks {
			if b := set.At(toks, i); b != 0 && toks[i].Kind == Word {
				want = append(want, ListHit{i, b})
			}
		}
		got := set.Hits(toks, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("Hits(%q) = %v, At %v", parts, got, want)
		}
		hits += len(got)
	}
	if hits == 0 {
		t.Error("no hits: nothing tested")
	}
}
