package extract

import (
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestInnerSearchLikeReportIn checks innerSearch, report's search inside
// a statement's content that leaves out the rules that cannot give a
// counted statement, against the search it replaces (reportIn over the
// content with the rules from the statement's rule on, or every rule),
// statement by statement: whether a statement inside the content counts
// (it begins where opensClause holds), and the content that it trims.
func TestInnerSearchLikeReportIn(t *testing.T) {
	x := New(defaultExtractor(t).rules, Options{Reported: true})
	g := x.gates()
	var cues cueScratch
	// counted is the outcome of a search inside content c: whether its
	// statement counts, and the content's end that it leaves
	counted := func(ok bool, toks []rules.Token, c rules.Span, in *statement) (bool, int) {
		if !ok || in.match.Span.Start <= c.Start || !x.opensClause(toks, in.match.Span.Start) {
			return false, c.End
		}
		return true, x.trimConjunction(toks, c.Start, trimContent(toks, c.Start, in.match.Span.Start))
	}
	searches, accepted := 0, 0
	forSearchedSentences(t, x, func(ti, si int, toks []rules.Token, hits []cueHit, w *rules.Window) {
		pos := 0
		for n := 0; n < maxStatements && pos < len(toks); n++ {
			var st statement
			if !x.reportIn(w, g, hits, &cues, toks, pos, len(toks), len(toks), allRules, &st) {
				break
			}
			ct := st.content
			for _, only := range []uint64{allRules << st.rule, allRules} {
				var ref, got statement
				okRef, endRef := counted(ct.Start+1 < ct.End && x.reportIn(w, g, hits, &cues, toks, ct.Start+1, ct.End, ct.End, only, &ref), toks, ct, &ref)
				okGot, endGot := counted(x.innerSearch(w, g, hits, &cues, toks, ct, only, &got), toks, ct, &got)
				searches++
				if okRef != okGot || endRef != endGot {
					t.Fatalf("text %d sentence %d, content %v of rule %d, rules %x: reportIn counts %v (end %d), innerSearch %v (end %d)",
						ti, si, ct, st.rule, only, okRef, endRef, okGot, endGot)
				}
				if okRef {
					accepted++
				}
			}
			pos = max(ct.End, pos+1)
		}
	})
	if searches < 500 || accepted < 5 {
		t.Errorf("%d searches inside a content, %d counted: want 500 and 5 or more", searches, accepted)
	}
	t.Logf("%d searches inside a content, %d counted", searches, accepted)
}
