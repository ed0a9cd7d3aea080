package rules

import (
	"math/rand"
	"testing"
)

// walkItems calls f on every item of its, groups' alternatives included.
func walkItems(its []*item, f func(*item)) {
	for _, it := range its {
		f(it)
		for _, alt := range it.alts {
			walkItems(alt, f)
		}
	}
}

// TestWindowShortcutsLikeScans checks the window's shortcuts against
// plain scans of the tokens, on random sentences of the words the default
// rules look for, classified and not: whether a literal or a list occurs
// (hasLit, hasList, listOccurs on a window of up to 64 tokens and on a
// longer one), whether a pattern is possible (possibleMemo, asked
// twice, against possible on a fresh window), and that mayList says false
// only where ListAt finds no entry.
func TestWindowShortcutsLikeScans(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "told", "he", "The", "the", "President", "Trump", "according", "to", "as", "it",
		"was", "announced", "that", "and", "but", "asked", "about", "who", "has", "in", "front", "of", ",", ".",
		"Q:quote", "–", "reporters", "on", "Monday", "saying", "However"}
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 400; n++ {
		size := 25
		if n%5 == 4 {
			size = 90 // windows of more than 64 tokens: listOccurs scans them all
		}
		parts := make([]string, 1+rng.Intn(size))
		for i := range parts {
			parts[i] = words[rng.Intn(len(words))]
		}
		toks, _ := sentence(parts...)
		if n%2 == 0 {
			for i := range toks {
				rs.Classify(&toks[i])
			}
		}
		w := rs.NewWindow(toks)
		m := &matcher{Window: w, quote: -1, limit: maxSteps}
		fresh := rs.NewWindow(toks)
		fm := &matcher{Window: fresh, quote: -1, limit: maxSteps}
		for _, r := range rs.Attribution {
			if r.Pattern == nil {
				continue
			}
			walkItems(r.Pattern.its(), func(it *item) {
				scan := func() bool {
					for p := range toks {
						if m.atomAt(it, p) {
							return true
						}
					}
					return false
				}
				switch it.op {
				case opLit:
					if got, want := m.hasLit(it), scan(); got != want {
						t.Fatalf("%v: hasLit(%v) = %v, want %v", parts, it.lit, got, want)
					}
				case opList:
					want := scan()
					if got := w.hasList(it.list); got != want {
						t.Fatalf("%v: hasList(%s) = %v, want %v", parts, it.list.Name, got, want)
					}
					if got := fresh.listOccurs(it.list); got != want {
						t.Fatalf("%v: listOccurs(%s) = %v, want %v", parts, it.list.Name, got, want)
					}
					for p := range toks {
						if it.list != nil && !m.mayList(it.list, p) && rs.ListAt(it.list, toks, p) > 0 {
							t.Fatalf("%v: mayList(%s, %d) false where ListAt finds an entry", parts, it.list.Name, p)
						}
					}
				}
			})
			want := fm.possible(r.Pattern.its())
			for k := 0; k < 2; k++ {
				if got := w.possibleMemo(m, r); got != want {
					t.Fatalf("%v: possibleMemo(%s) = %v, want %v", parts, r.ID, got, want)
				}
			}
		}
	}
}
