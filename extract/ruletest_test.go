package extract

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

func defaultExtractor(t *testing.T) *Extractor {
	t.Helper()
	rs, err := rules.Default()
	if err != nil {
		t.Fatalf("default rules: %v", err)
	}
	return New(rs, Options{})
}

// TestDefaultRuleTests runs the embedded tests of every default attribution
// rule through the whole pipeline.
func TestDefaultRuleTests(t *testing.T) {
	x := defaultExtractor(t)
	res := x.RunRuleTests()
	if len(res) == 0 {
		t.Fatal("no rule tests ran")
	}
	var failed []string
	for _, r := range res {
		if !r.Pass {
			failed = append(failed, r.Rule.ID+" at "+posString(r.Test.Pos)+": "+r.Test.Text+"\n\t"+r.Why)
		}
	}
	if len(failed) > 0 {
		t.Errorf("%d of %d default rule tests fail:\n%s", len(failed), len(res), strings.Join(failed, "\n"))
	}
}

// TestDefaultRulesHaveExamples: every default attribution rule has at least
// one positive and one negative example.
func TestDefaultRulesHaveExamples(t *testing.T) {
	x := defaultExtractor(t)
	for _, r := range x.Rules().Attribution {
		pos, neg := 0, 0
		for _, tc := range r.Tests {
			if tc.NoMatch {
				neg++
			} else {
				pos++
			}
		}
		if pos == 0 || neg == 0 {
			t.Errorf("%s: rule %s has %d positive and %d negative tests; want at least one of each", posString(r.Pos), r.ID, pos, neg)
		}
	}
}

func posString(p rules.Pos) string { return (&rules.Error{Pos: p}).Error() }
