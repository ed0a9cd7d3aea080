package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestContainsWordsLikeFields checks containsWords, which compares ASCII
// words in place, against the split of both strings in lower case that it
// does for other text.
func TestContainsWordsLikeFields(t *testing.T) {
	slow := func(a, b string) bool {
		ws := strings.Fields(strings.ToLower(a))
		for _, w := range strings.Fields(strings.ToLower(b)) {
			if !slices.Contains(ws, w) {
				return false
			}
		}
		return true
	}
	for _, c := range []struct{ a, b string }{
		{"", ""},
		{"law professor at West Virginia University", "law professor"},
		{"law professor at West Virginia University", "Law  Professor"},
		{"law professor", "law professor at West Virginia University"},
		{"the mayor", ""},
		{"", "mayor"},
		{"Secretary of State", "state\tsecretary"},
		{"Secretary of State", "secretary of states"},
		{"US President", "president"},
		{"Kelvin", "\u212aelvin"}, // the Kelvin sign: not ASCII, folds to k under EqualFold only
		{"Präsident", "PRÄSIDENT"},
		{"a b c", "c b a a"},
	} {
		if got, want := containsWords(c.a, c.b), slow(c.a, c.b); got != want {
			t.Errorf("containsWords(%q, %q) = %v, want %v", c.a, c.b, got, want)
		}
	}
}
