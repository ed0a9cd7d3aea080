package extract

import (
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestTokenizePossessives checks that the tokenizer splits off the
// possessive endings of the possessives list and no others, and keeps the
// period of a party label of the party_initials list.
func TestTokenizePossessives(t *testing.T) {
	pack := rules.Source{Name: "xx.yaml", Data: []byte(`version: 1
lists:
  possessives: {replace: true, words: ["’x"]}
  party_initials: {replace: true, words: [cdu]}
`)}
	en, err := rules.Load(rules.DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	xx, err := rules.Load(append(rules.DefaultBaseSources(), pack))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		rs   *rules.Ruleset
		text string
		want string
	}{
		{"English ’s", en, "Trump’s envoy, Anna's aide", "Trump|’s|envoy|,|Anna|'s|aide"},
		{"’s inside a word", en, "it’sy", "it’sy"},
		{"pack ending", xx, "Trump’x envoy, Trump’s envoy", "Trump|’x|envoy|,|Trump’s|envoy"},
		{"party label", en, "Mitch McConnell, R-Ky., said", "Mitch|McConnell|,|R-Ky.|,|said"},
		{"party label of the pack", xx, "Anna Berg, CDU-Nrw., said. R-Ky. said", "Anna|Berg|,|CDU-Nrw.|,|said|.|R-Ky|.|said"},
	} {
		x := New(c.rs, Options{})
		if s := tokenTexts(x, c.text); s != c.want {
			t.Errorf("%s: tokens %s, want %s", c.name, s, c.want)
		}
	}
}
