package rules

import "testing"

// TestShortWordsLikeMap checks that classOf finds, through its word table, the
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
