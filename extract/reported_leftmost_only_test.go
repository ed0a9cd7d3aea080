package extract_test

import (
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// TestLeftmostLikeEach checks, on the first PolNeAR texts (skipped
// without them), that the search of the starts before a statement, which
// visits only the rules from the statement's own on without explanations
// (leftmost), finds the statements that the visit of every rule (with
// explanations) finds.
func TestLeftmostLikeEach(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := polnear(t)
	fast := extract.New(rs, extract.Options{Reported: true})
	each := extract.New(rs, extract.Options{Reported: true, Explain: true})
	n := 0
	for _, d := range docs[:min(len(docs), 150)] {
		got, err := fast.Extract(d.ID, d.Text)
		if err != nil {
			t.Fatal(err)
		}
		want, err := each.Extract(d.ID, d.Text)
		if err != nil {
			t.Fatal(err)
		}
		var g, w []extract.Record
		for _, q := range got.Quotes {
			if q.Kind == "indirect" {
				g = append(g, q)
			}
		}
		for _, q := range want.Quotes {
			if q.Kind == "indirect" {
				w = append(w, q)
			}
		}
		if len(g) != len(w) {
			t.Fatalf("%s: %d statements, %d with explanations", d.ID, len(g), len(w))
		}
		for i := range g {
			if g[i].Start != w[i].Start || g[i].End != w[i].End || g[i].Speaker != w[i].Speaker || g[i].Cue != w[i].Cue || g[i].Rule != w[i].Rule {
				t.Errorf("%s: statement %+v, with explanations %+v", d.ID, g[i], w[i])
			}
		}
		n += len(g)
	}
	if n == 0 {
		t.Error("no statements in the texts")
	}
}
