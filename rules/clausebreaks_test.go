package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// TestClauseBreaksLikeClauseBreakOne checks that clauseBreakAt, which tells
// the clause stops by stopAt's filters before the scan of phrases, gives what
// the token-by-token test gives, on random sentences of clause stops,
// breaks and sentence ends, classified and not.
func TestClauseBreaksLikeClauseBreakOne(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"and", "said", "but", "added", "while", "saying", "at", "a", "rally", "on", "the",
		"condition", "he", "He", "Smith", "was", "not", "has", "zebra", ",", ",", ";", ".", "?", "!", ":",
		"Q:“Yes.”", "Q:“No,”", "Q:quote", "which", "although", "because", "press", "conference", "pointed", "to", "out"}
	cases := []struct {
		name     string
		classify bool
	}{
		{"classified", true},
		{"unclassified", false},
	}
	for _, c := range cases {
		rng := rand.New(rand.NewSource(13))
		breaks := 0
		for n := 0; n < 3000; n++ {
			parts := make([]string, 2+rng.Intn(30))
			for i := range parts {
				parts[i] = words[rng.Intn(len(words))]
			}
			toks, _ := sentence(parts...)
			if c.classify {
				rs.ClassifyAll(toks)
			}
			w := rs.NewWindow(toks)
			m := &matcher{Window: w, quote: -1}
			for j := 1; j < len(toks); j++ {
				want := m.clauseBreakOne(j)
				if got := m.clauseBreakAt(j); got != want {
					t.Fatalf("%s: clauseBreakAt(%q, %d) = %v, want %v", c.name, strings.Join(parts, " "), j, got, want)
				}
				if want {
					breaks++
				}
			}
		}
		if breaks == 0 {
			t.Errorf("%s: no clause break in the sentences", c.name)
		}
	}
}

// clauseBreakOne is clauseBreakAt as ListAt tells it, for the test that
// compares it with stopAt.
func (m *matcher) clauseBreakOne(j int) bool {
	cl := m.clauseLists()
	breaks, stops := cl.breaks, cl.stops
	return m.clauseBreak(breaks, j) || stops != nil && m.mayList(stops, j) && m.rs.ListAt(stops, m.toks, j) > 0
}
