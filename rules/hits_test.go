package rules

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestHitsLikeAtOnCueLists compares ListSet.Hits, which passes over a
// token by its classes and its key (ListSet.keys: the classes of the
// words that start a phrase of the lists, and of an unclassified word),
// with At at every word, for the cue lists of the rules of reported speech
// of every language of the default rules, on random sentences of the
// first and second words of every list's phrases, common words and marks,
// some with a capital (whose classes may differ: classTitleSuffix, the
// noun classes of a language that capitalises nouns), now and then one of
// them left unclassified (Hits then goes on by At); and Hits of the set
// with its keys left unparted (by At at every word) likewise.
func TestHitsLikeAtOnCueLists(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tested := 0
	for _, code := range def.Langs() {
		rs := def.ForLang(code)
		if rs == nil {
			continue
		}
		t.Run(code, func(t *testing.T) {
			if hitsLikeAt(t, rs) > 0 {
				tested++
			}
		})
	}
	if tested == 0 {
		t.Error("no hits: nothing tested")
	}
}

// hitsLikeAt runs TestHitsLikeAtOnCueLists on the cue lists of rs and
// returns the number of hits found.
func hitsLikeAt(t *testing.T, rs *Ruleset) int {
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
		return 0
	}
	set := rs.NewListSet(cue)
	if !set.keyed {
		t.Errorf("the keys of %d cue lists are not parted", len(cue))
	}
	unkeyed := *set
	unkeyed.keyed = false
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
	for _, w := range words[:len(words):len(words)] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			words = append(words, capitalized(w))
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
		for i := range len(toks) + 1 { // next, like a test of each token
			j := i
			for ; j < len(toks); j++ {
				k := keyOf(toks[j].class, toks[j].Kind)
				if toks[j].class&set.bound != 0 || set.keys[set.keySlot(k)] == k {
					break
				}
			}
			if got := set.next(toks, i); got != j {
				t.Fatalf("next(%q, %d) = %d, want %d", parts, i, got, j)
			}
		}
		if got := set.Hits(toks, nil); !slices.Equal(got, want) {
			t.Fatalf("Hits(%q) = %v, At %v", parts, got, want)
		}
		if got := unkeyed.Hits(toks, nil); !slices.Equal(got, want) {
			t.Fatalf("Hits(%q) without keys = %v, At %v", parts, got, want)
		}
		hits += len(want)
	}
	return hits
}
