package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestShortWordsLikeMap checks that classOf (and tableClasses, which reads
// the table as it does) finds, through its word table, the
// classes the word map holds, for the words of the default ruleset and
// for variants of them that it does not hold. (The defaults are built here,
// not read from the static data, whose map holds only the words that do
// not pack; TestStaticLoadSame compares the two.)
func TestShortWordsLikeMap(t *testing.T) {
	rs, err := loadWith(DefaultBaseSources(), nil)
	if err != nil {
		t.Fatal(err)
	}
	check := func(w string) {
		t.Helper()
		if got, want := rs.classOf(w, true)&^classified, rs.classes.words[w]; got != want {
			t.Fatalf("classOf(%q) = %#x, want %#x", w, got, want)
		}
		if got, want := rs.tableClasses(w), rs.classes.words[w]; got != want {
			t.Fatalf("tableClasses(%q) = %#x, want %#x", w, got, want)
		}
	}
	for w := range rs.classes.words {
		check(w)
		check(w + "x")
		check("x" + w)
		if len(w) > 1 {
			check(w[1:])
			check(w[:len(w)-1])
		}
	}
	for _, w := range []string{"", "\x00", "a\x00", "12345678", "123456789", "é", ".", ",", "’s"} {
		check(w)
	}
}

// TestClassifyAllLikeClassify checks that ClassifyAll, with its short cuts
// for words of one byte and of two to six, gives each token the classes
// Classify gives it, in every language (German has noun suffixes).
func TestClassifyAllLikeClassify(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range base.Langs() {
		classifyAllLikeClassify(t, base.ForLang(code))
	}
}

func classifyAllLikeClassify(t *testing.T, rs *Ruleset) {
	var toks []Token
	for _, w := range []string{"a", "A", "I", "i", ",", ".", "-", "’", "é", "É", "the", "The", "said", "says", "Mr", "Amt", "Stadt", "Haus", "die", "der", "sagte", "ab\x00c", "", "spokeswoman", "Spokeswoman", "x"} {
		for _, capital := range []bool{false, true} {
			toks = append(toks, Token{Text: w, Lower: strings.ToLower(w), Cap: capital})
		}
	}
	for c := 0; c < 0x80; c++ {
		toks = append(toks, Token{Text: string(rune(c)), Lower: string(rune(c))})
	}
	all := slices.Clone(toks)
	rs.ClassifyAll(all)
	for i := range toks {
		rs.Classify(&toks[i])
		if all[i].class != toks[i].class || all[i].class == 0 {
			t.Errorf("%q (capital %v): ClassifyAll %#x, Classify %#x", toks[i].Lower, toks[i].Cap, all[i].class, toks[i].class)
		}
	}
}

// TestIsUpper checks isUpper, with its short cut on the second byte,
// against strings.ToUpper.
func TestIsUpper(t *testing.T) {
	for _, s := range []string{"", "A", "a", "AB", "Ab", "aB", "ÉTAT", "État", "ÉtAT", "NEW-YORK", "U.S.", "3M", "x", "ÀB", "Àb", "BÉ", "Bé", "ǅ"} {
		if got, want := isUpper(s), strings.ToUpper(s) == s; got != want {
			t.Errorf("isUpper(%q) = %v, want %v", s, got, want)
		}
	}
}
