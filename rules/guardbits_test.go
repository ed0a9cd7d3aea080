package rules

import (
	"math/rand"
	"testing"
)

// TestGuardBitsLikeAtoms checks that a guard's fails, which tells a token
// that its lists' owner classified by the union of their class bits, gives
// the answer of the trial of its atoms one by one (the guard without an
// owner), for every guard of the default rules, at every position of
// random sentences of the words that the guards look for (classified and
// not) and of the evaluation texts' sentences when WHOSAID_EVAL names
// their folder.
func TestGuardBitsLikeAtoms(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var guards []*seqGuard
	for _, r := range rs.Attribution {
		if r.Pattern == nil {
			continue
		}
		walkAll(r.Pattern.its(), func(it *item) {
			for _, g := range [2]*seqGuard{it.after, it.skip} {
				if g != nil {
					guards = append(guards, g)
				}
			}
		})
	}
	bound, lits := 0, 0
	for _, g := range guards {
		if g.owner != nil {
			if g.owner != rs {
				t.Fatal("a guard's lists have another owner")
			}
			bound++
			if g.lits && g.others > 0 {
				lits++ // (fails turns words away by litFirsts)
			}
		}
	}
	if lits == 0 {
		t.Fatal("no guard of the default rules has literals before its lists")
	}
	if bound == 0 {
		t.Fatal("no guard of the default rules has its lists' bits")
	}
	words := []string{"Smith", "said", "he", "the", "on", "Monday", "last", "week", "told", "reporters", "wants",
		"to", "has", "repeatedly", "that", "asked", "by", "whether", "about", ",", "Q:quote", "had", "will", "also",
		"in", "an", "interview", "according", "say", "while", "after", "when", "before", "–", "and", "but",
		"saying", "adding", "previously", "would", "tells", "officials", "who", "which", "as", "of", "."}
	rng := rand.New(rand.NewSource(19))
	sents := append(randomParts(rng, words, 600, 25, 20, 100), evalSentences(t, 300)...)
	tried, told := 0, 0
	for n, parts := range sents {
		toks := testTokens(rs, parts)
		if n%5 == 4 {
			for i := range toks {
				toks[i].class = 0 // not classified: the lists by their words
			}
		}
		w := rs.NewWindow(toks)
		w.m.Window = w
		for _, g := range guards {
			for pos := 0; pos <= len(toks); pos++ {
				got := g.fails(&w.m, pos)
				want := true // no atom matches, atom by atom
				for _, a := range g.atoms {
					if w.m.atomAt(a, pos) {
						want = false
					}
				}
				if got != want {
					t.Fatalf("guard of %d atoms (bits %x) on %v at %d: fails %v, atom by atom %v", len(g.atoms), g.bits, parts, pos, got, want)
				}
				tried++
				if !want {
					told++
				}
			}
		}
	}
	t.Logf("%d guards (%d with bits), %d trials, %d of them matched", len(guards), bound, tried, told)
}
