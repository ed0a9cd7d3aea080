package extract

import (
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestLaterRulesLikeAll checks what report reads when it asks only the
// rules from a statement's rule on in the searches after it (inside its
// content, and from its end on): that the rules before it, which found
// nothing in the search that found it, find nothing there either — the
// search of every rule gives the same statement as the search of the
// later ones, sentence by sentence.
func TestLaterRulesLikeAll(t *testing.T) {
	x := New(defaultExtractor(t).rules, Options{Reported: true})
	g := x.gates()
	var cues cueScratch
	searches, found := 0, 0
	forSearchedSentences(t, x, func(ti, si int, toks []rules.Token, hits []cueHit, w *rules.Window) {
		var st statement
		if !x.reportIn(w, g, hits, &cues, toks, 0, len(toks), len(toks), allRules, &st) {
			return
		}
		later := allRules << st.rule
		ct := st.content
		for _, r := range [][3]int{{ct.Start + 1, ct.End, ct.End}, {max(ct.End, 1), len(toks), len(toks)}} {
			if r[0] >= r[1] {
				continue
			}
			var all, some statement
			okAll := x.reportIn(w, g, hits, &cues, toks, r[0], r[1], r[2], allRules, &all)
			okSome := x.reportIn(w, g, hits, &cues, toks, r[0], r[1], r[2], later, &some)
			searches++
			if okAll != okSome || okAll && (all.rule != some.rule || all.content != some.content || all.match.Span != some.match.Span) {
				t.Fatalf("text %d sentence %d, tokens %d to %d after rule %d: every rule %v (rule %d, span %v, content %v), the later ones %v (rule %d, span %v, content %v)",
					ti, si, r[0], r[1], st.rule, okAll, all.rule, all.match.Span, all.content, okSome, some.rule, some.match.Span, some.content)
			}
			if okAll {
				found++
			}
		}
	})
	if searches < 500 || found < 50 {
		t.Errorf("%d searches after a statement, %d found one: want 500 and 50 or more", searches, found)
	}
	t.Logf("%d searches after a statement, %d found one", searches, found)
}

// forSearchedSentences calls f with each sentence of maskTexts that
// report's gates let be searched: the text's and sentence's indexes, its
// tokens, cue hits and window (valid during the call).
func forSearchedSentences(t *testing.T, x *Extractor, f func(ti, si int, toks []rules.Token, hits []cueHit, w *rules.Window)) {
	t.Helper()
	g := x.gates()
	var buf []cueHit
	for ti, text := range maskTexts(t) {
		c, _, low := x.clean(text, false)
		a := x.analyze(c, low)
		for si := 0; si < a.nsents; si++ {
			toks := a.toks(si)
			hits, ok := x.sentenceHits(g, a.view, toks, buf[:0], nil, 0)
			buf = hits
			if ok {
				f(ti, si, toks, hits, a.window(si))
			}
		}
		x.release(a)
	}
}
