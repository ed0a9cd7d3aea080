package rules

import (
	"strings"
	"testing"
)

// TestInBit: inBit answers as InList, for the lists the speaker parse asks
// through it, a list given no bit and no list, on classified and
// unclassified tokens (TestInListOrTitleWord checks the determiners' mask).
func TestInBit(t *testing.T) {
	rs, err := Load(DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	b := &rs.speakerBits
	lists := []struct {
		name string
		l    *List
		bit  uint64
	}{
		{"possessives", rs.speakerLists.possessives, b.possessives},
		{"name_linkers", rs.speakerLists.nameLinkers, b.nameLinkers},
		{"articles", rs.speakerLists.articles, b.articles},
		{"name_joiners", rs.speakerLists.nameJoiners, b.nameJoiners},
		{"no bit", rs.speakerLists.nameLinkers, 0},
		{"no list", nil, 0},
	}
	// (name_linkers and name_joiners come after the 61 lists that get a
	// bit: InList answers for them)
	for _, c := range []int{0, 2} {
		if c := lists[c]; c.bit == 0 {
			t.Errorf("the default %s list has no class bit: inBit's short cut is untested", c.name)
		}
	}
	words := []string{"’s", "'s", "of", "the", "and", "Jane", "Doe", "mayor", "spokesman", "said", ",", "de", "a", "Springfield"}
	for _, w := range words {
		for _, classify := range []bool{false, true} {
			tk := Token{Text: w, Lower: strings.ToLower(w), Kind: Word, Cap: w != strings.ToLower(w), Quote: -1}
			if w == "," {
				tk.Kind = Punct
			}
			if classify {
				rs.Classify(&tk)
			}
			for _, c := range lists {
				if got, want := rs.inBit(c.l, c.bit, &tk), rs.InList(c.l, &tk); got != want {
					t.Errorf("inBit(%s, %q, classified %v) = %v, want %v", c.name, w, classify, got, want)
				}
			}

		}
	}
}
