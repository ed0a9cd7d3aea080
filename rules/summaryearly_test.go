package rules

import (
	"math/rand"
	"testing"
)

// TestUseSummaryLikeSummarize: a summary made apart from the window
// (Summarize) and handed to it (UseSummary) is the window's own, and tells
// the same facts (NeedsFail and what it knows and holds), for the needs of
// the rules of reported speech and of all rules, on windows of up to 80
// random tokens; a window that made its own keeps it.
func TestUseSummaryLikeSummarize(t *testing.T) {
	rs, all, reported := patternRules(t)
	rng := rand.New(rand.NewSource(11))
	for _, rules := range [][]*AttrRule{reported, all} {
		ns := NewNeeds(rules)
		for n := 0; n < 400; n++ {
			toks, parts := randomSentence(rs, rng, fastWords, 1+rng.Intn(80))
			var s Summary
			rs.Summarize(toks, ns, &s)
			w, ref := rs.NewWindow(toks), rs.NewWindow(toks)
			w.UseSummary(&s)
			failW, failRef := w.NeedsFail(ns), ref.NeedsFail(ns)
			if w.kinds != ref.kinds || w.classes != ref.classes {
				t.Fatalf("on %v: the summary handed over %+v (classes %x), the window's own %+v (%x)", parts, w.kinds, w.classes, ref.kinds, ref.classes)
			}
			// the last words' position kept with it is where the scan of
			// a window without a summary finds them
			handed := rs.NewWindow(toks)
			handed.UseSummary(&s)
			if got, want := handed.ContentBefore(), rs.NewWindow(toks).ContentBefore(); got != want {
				t.Fatalf("on %v: ContentBefore %d with the summary handed over, %d by the scan", parts, got, want)
			}
			if failW != failRef || w.known != ref.known || w.holds != ref.holds {
				t.Fatalf("on %v: NeedsFail %x, known %x, holds %x with the summary handed over; %x, %x, %x", parts, failW, w.known, w.holds, failRef, ref.known, ref.holds)
			}
			// a window that made its own summary keeps it
			other := toks[:len(toks)/2]
			var s2 Summary
			rs.Summarize(other, ns, &s2)
			ref.UseSummary(&s2)
			if ref.kinds != w.kinds {
				t.Fatalf("on %v: a window's own summary replaced", parts)
			}
		}
	}
}
