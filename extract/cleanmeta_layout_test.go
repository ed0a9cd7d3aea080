package extract

import (
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestDateKnowledgeFromRules checks that month prefixes and date layouts
// come from the metadata section: the built-in English ones, and a file's
// own in their place.
func TestDateKnowledgeFromRules(t *testing.T) {
	own := rules.Source{Name: "own.yaml", Data: []byte(`version: 1
metadata:
  month_prefixes: [xa, xb, xc, xd, xe, xf, xg, xh, xi, xj, xk, xl]
  date_layouts: ["02/01/2006"]
`)}
	en, err := rules.Load(rules.DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	xx, err := rules.Load(append(rules.DefaultBaseSources(), own))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		rs    *rules.Ruleset
		month string
		want  string
	}{
		{"English prefix", en, "Sept", "2024-09-05"},
		{"too short", en, "se", ""},
		{"own prefix", xx, "xcabc", "2024-03-05"},
		{"English prefix replaced", xx, "sept", ""},
	} {
		x := New(c.rs, Options{})
		if got := x.dateFromParts(map[string]string{"year": "2024", "month": c.month, "day": "5"}); got != c.want {
			t.Errorf("%s: date %q, want %q", c.name, got, c.want)
		}
	}
	for _, c := range []struct {
		name       string
		hour, ampm string
		want       string
	}{
		{"pm", "3", "p.m.", "2024-03-05T15:04"},
		{"noon pm", "12", "PM", "2024-03-05T12:04"},
		{"midnight am", "12", "am", "2024-03-05T00:04"},
		{"neither", "3", "nachm", "2024-03-05T03:04"},
	} {
		x := New(en, Options{})
		if got := x.dateFromParts(map[string]string{"year": "2024", "month": "3", "day": "5", "hour": c.hour, "minute": "04", "ampm": c.ampm}); got != c.want {
			t.Errorf("%s: date %q, want %q", c.name, got, c.want)
		}
	}
	for _, c := range []struct {
		name string
		rs   *rules.Ruleset
		s    string
		want string
	}{
		{"English layout", en, "5 March 2024", "2024-03-05"},
		{"English layout, month first", en, "Mar 5, 2024", "2024-03-05"},
		{"own layout", xx, "05/03/2024", "2024-03-05"},
		{"no layout reads it", en, "05/03/2024", "05/03/2024"},
	} {
		x := New(c.rs, Options{})
		if got := x.parseDate(c.s); got != c.want {
			t.Errorf("%s: parseDate(%q) = %q, want %q", c.name, c.s, got, c.want)
		}
	}
}
