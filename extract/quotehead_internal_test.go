package extract

import (
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestHeadTokens checks how many tokens of a quotation's opening are made:
// a few for the default transcript label, all maxHeadTokens once a rule of
// scope quote reads further (a SPEAKER), and the label still found.
func TestHeadTokens(t *testing.T) {
	def, err := rules.Load(rules.DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	extra := rules.Source{Name: "extra.yaml", Data: []byte(`version: 1
attribution:
  - id: opening-speaker
    description: a speaker opening the quotation
    priority: 1
    confidence: 0.5
    scope: quote
    pattern: '^ SPEAKER :'
`)}
	wide, err := rules.Load(append(rules.DefaultBaseSources(), extra))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		rs   *rules.Ruleset
		want int
	}{
		{"defaults", def, 5}, // ^ speaker:(UPPER{1,3}) : reads four
		{"with a SPEAKER rule", wide, maxHeadTokens},
	} {
		if got := headTokensOf(c.rs); got != c.want {
			t.Errorf("%s: headTokensOf = %d, want %d", c.name, got, c.want)
		}
	}
	doc, err := New(def, Options{}).Extract("t", "The interview went on.\n\n“KELLER: We will vote on the budget in the spring, and then we will see what the council wants.”\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Quotes) != 1 || doc.Quotes[0].Speaker != "KELLER" || doc.Quotes[0].Rule != "transcript-label" {
		t.Fatalf("records = %+v, want one of KELLER by transcript-label", doc.Quotes)
	}
}
