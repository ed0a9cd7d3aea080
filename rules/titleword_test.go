package rules

import (
	"strings"
	"testing"
)

// TestInListOrTitleWord: the one test of class bits answers as InList and
// IsTitleWord together, for the determiners and another list, on
// classified words, unclassified ones and tokens that are no words.
func TestInListOrTitleWord(t *testing.T) {
	rs, err := Load(DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("the a an this The senator Senator former spokesman chairwoman minister Smith said Tuesday of , — and his her its their lawmaker economists")
	for _, name := range []string{ListDeterminers, "organisation_words", "no such list"} {
		l := rs.Lists[name]
		for _, w := range words {
			for _, kind := range []TokenKind{Word, Punct} {
				for _, classify := range []bool{true, false} {
					tk := Token{Text: w, Lower: strings.ToLower(w), Kind: kind, Cap: w[0] >= 'A' && w[0] <= 'Z', Quote: -1}
					if classify {
						rs.Classify(&tk)
					}
					want := rs.InList(l, &tk) || rs.IsTitleWord(tk)
					if got := rs.InListOrTitleWord(l, &tk); got != want {
						t.Errorf("InListOrTitleWord(%s, %q, kind %v, classified %v) = %v, want %v", name, w, kind, classify, got, want)
					}
				}
			}
		}
	}
}

// TestNextNameStart: the entity table's filter stops where a loop of
// InListOrTitleWord would, on classified, unclassified and mixed tokens.
func TestNextNameStart(t *testing.T) {
	rs, err := Load(DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("the senator said , on Tuesday that a spokesman for Acme Corp. and his lawmaker friends — economists of Springfield — were quiet")
	for _, name := range []string{ListDeterminers, "organisation_words", "no such list"} {
		l := rs.Lists[name]
		for mode := 0; mode < 3; mode++ {
			toks := make([]Token, len(words))
			for k, w := range words {
				kind := Word
				if strings.ContainsAny(w[:1], ",—") {
					kind = Punct
				}
				toks[k] = Token{Text: w, Lower: strings.ToLower(w), Kind: kind, Cap: w[0] >= 'A' && w[0] <= 'Z', Quote: -1}
				if mode == 1 || mode == 2 && k%2 == 0 {
					rs.Classify(&toks[k])
				}
			}
			for i := 0; i <= len(toks); i++ {
				want := i
				for want < len(toks) && !(toks[want].Kind == Word && (toks[want].Cap || rs.InListOrTitleWord(l, &toks[want]))) {
					want++
				}
				if got := rs.NextNameStart(l, toks, i); got != want {
					t.Errorf("%s, mode %d: NextNameStart(%d) = %d, want %d", name, mode, i, got, want)
				}
			}
		}
	}
}

// TestNameWordDrop: the one reading of class bits leaves out the words
// that InList of the honorifics, of the determiners at the first word, and
// IsPossessiveSuffix leave out, on classified and unclassified tokens and
// with lists of another ruleset.
func TestNameWordDrop(t *testing.T) {
	rs, err := Load(DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	other, err := Load(DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Mr.", "Mrs", "Dr.", "the", "The", "a", "Jane", "Doe", "’s", "'s", "s", "Acme", "Gov.", "his"}
	for _, rsl := range []*Ruleset{rs, other} {
		hon, det := rsl.Lists[ListHonorifics], rsl.Lists[ListDeterminers]
		for _, w := range words {
			for _, classify := range []bool{true, false} {
				for _, first := range []bool{true, false} {
					tk := Token{Text: w, Lower: strings.ToLower(w), Kind: Word, Cap: w[0] >= 'A' && w[0] <= 'Z', Quote: -1}
					if classify {
						rs.Classify(&tk)
					}
					wantHon := rs.InList(hon, &tk)
					want := wantHon || first && rs.InList(det, &tk) || rs.IsPossessiveSuffix(&tk)
					if drop, isHon := rs.NameWordDrop(hon, det, &tk, first); drop != want || isHon != wantHon {
						t.Errorf("NameWordDrop(%q, classified %v, first %v) = %v, %v; want %v, %v", w, classify, first, drop, isHon, want, wantHon)
					}
				}
			}
		}
	}
}
