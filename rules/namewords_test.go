package rules

import (
	"slices"
	"testing"
)

// TestNameWordLists checks that the words that build speaker phrases come
// from the lists: the built-in English ones, and a pack's own in their
// place (replace: true), under which the English words do nothing.
func TestNameWordLists(t *testing.T) {
	en, err := Load(DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	other := Source{Name: "xx.yaml", Data: []byte(`version: 1
lists:
  possessives: {replace: true, words: ["'x"]}
  name_linkers: {replace: true, words: [von]}
  linked_articles: {replace: true, words: [dem]}
  name_joiners: {replace: true, words: [und]}
  expletives: {replace: true, words: [es]}
  party_initials: {replace: true, words: [cdu]}
`)}
	xx, err := Load(append(DefaultBaseSources(), other))
	if err != nil {
		t.Fatal(err)
	}
	if got := en.PossessiveEndings(); !slices.Equal(got, []string{"s"}) {
		t.Errorf("English possessive endings %q, want [s]", got)
	}
	if got := xx.PossessiveEndings(); !slices.Equal(got, []string{"x"}) {
		t.Errorf("pack possessive endings %q, want [x]", got)
	}
	speaker := func(rs *Ruleset, words ...string) string {
		toks, _ := sentence(words...)
		for i := range toks {
			rs.Classify(&toks[i])
		}
		ps := rs.SpeakersAt(toks, 0)
		if len(ps) == 0 {
			return ""
		}
		s := ""
		for _, tk := range toks[ps[0].Span.Start:ps[0].Span.End] {
			if s != "" {
				s += " "
			}
			s += tk.Text
		}
		return s
	}
	for _, c := range []struct {
		name  string
		rs    *Ruleset
		words []string
		want  string
	}{
		{"of links a title", en, []string{"Secretary", "of", "State", "John", "Kerry", "said"}, "Secretary of State John Kerry"},
		{"and joins names", en, []string{"Edward", "Dovere", "and", "Gabriel", "Debenedetti", "said"}, "Edward Dovere and Gabriel Debenedetti"},
		{"it before is is empty", en, []string{"it", "is", "said"}, ""},
		{"it is empty only by the list", xx, []string{"it", "is", "said"}, "it"},
		{"es before is is empty", xx, []string{"es", "is", "said"}, ""},
		{"und joins names", xx, []string{"Edward", "Dovere", "und", "Gabriel", "Debenedetti", "said"}, "Edward Dovere und Gabriel Debenedetti"},
		{"and joins no names in the pack", xx, []string{"Edward", "Dovere", "and", "Gabriel", "Debenedetti", "said"}, "Edward Dovere"},
	} {
		if got := speaker(c.rs, c.words...); got != c.want {
			t.Errorf("%s: speaker %q, want %q", c.name, got, c.want)
		}
	}
	for _, c := range []struct {
		rs   *Ruleset
		w    string
		want bool
	}{
		{en, "R-Ky.", true}, {en, "D-Calif.", true}, {en, "D-N.Y.", true}, {en, "I-Vt", true},
		{en, "X-Ky.", false}, {en, "R-ky.", false}, {en, "r-Ky.", false}, {en, "R-K", false}, {en, "R-Kentucky.", false},
		{en, "R-K2.", false}, {en, "-Ky.", false},
		{xx, "CDU-NRW", true}, {xx, "R-Ky.", false},
	} {
		if got := c.rs.IsPartyLabel(c.w); got != c.want {
			t.Errorf("IsPartyLabel(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
