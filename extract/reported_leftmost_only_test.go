package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// TestReportInLikeEach checks that the visit of the rules by their bits
// (reportIn without explanations) finds the statements that the visit of
// every rule in turn (reportEach) finds, on the seed texts.
func TestReportInLikeEach(t *testing.T) {
	files, _ := filepath.Glob("../testdata/seed/*.txt")
	if len(files) == 0 {
		t.Skip("no seed texts")
	}
	fast, each := fastAndEach(t)
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n += sameStatements(t, fast, each, f, string(data))
	}
	if n == 0 {
		t.Error("no statements in the seed texts")
	}
}

// TestLeftmostLikeEach checks, on the first PolNeAR texts (skipped
// without them), that the search of the starts before a statement, which
// visits only the rules from the statement's own on without explanations
// (leftmost) — and not that one either when its pattern holds CLAUSE
// (gates.leftmost) —, finds the statements that the visit of every rule
// (with explanations) finds.
func TestLeftmostLikeEach(t *testing.T) {
	docs := polnear(t)
	fast, each := fastAndEach(t)
	n := 0
	for _, d := range docs[:min(len(docs), 150)] {
		n += sameStatements(t, fast, each, d.ID, d.Text)
	}
	if n == 0 {
		t.Error("no statements in the texts")
	}
}

// fastAndEach returns extractors of reported speech without and with
// explanations (with them, every rule is visited in turn).
func fastAndEach(t *testing.T) (fast, each *extract.Extractor) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return extract.New(rs, extract.Options{Reported: true}), extract.New(rs, extract.Options{Reported: true, Explain: true})
}

// sameStatements checks that fast and each find the same statements of
// reported speech in text, and returns how many.
func sameStatements(t *testing.T, fast, each *extract.Extractor, name, text string) int {
	t.Helper()
	g, w := indirectRows(t, fast, text), indirectRows(t, each, text)
	if len(g) != len(w) {
		t.Fatalf("%s: %d statements, %d with explanations", name, len(g), len(w))
	}
	for i := range g {
		if g[i].Start != w[i].Start || g[i].End != w[i].End || g[i].Speaker != w[i].Speaker || g[i].Cue != w[i].Cue || g[i].Rule != w[i].Rule {
			t.Errorf("%s: statement %+v, with explanations %+v", name, g[i], w[i])
		}
	}
	return len(g)
}
