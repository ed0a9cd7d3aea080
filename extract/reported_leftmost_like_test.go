package extract

import (
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestLeftmostLikeSearch checks leftmost, with its gates (the rules from
// st's on, mayClose, the rules that its first search tried as
// closingSpeaker's would: gates.tried), against the searches it stands
// for: reportIn over the starts before st with every rule of only, then,
// when st's content may be a speaker (mayHoldSpeaker), reportIn over the
// whole sentence with every rule of only and closes — statement by
// statement, on the statements that the search from each start of a
// sentence finds (the mask's texts, and sentences whose statement's
// speaker a later statement takes for content).
func TestLeftmostLikeSearch(t *testing.T) {
	x := New(defaultExtractor(t).rules, Options{Reported: true})
	texts := append(maskTexts(t), "The bridge will stay open all year for the people of the city, said Jane Doe, a member of the council.",
		"The plan failed in the end, for the city, said Jane Doe.", "The council will meet again in May, the mayor of the town, said John Roe on Friday.",
		"The talks had been useful, for the most part, said John Roe, who led them.", "The bridge was closed, in the view of the mayor, said Jane Doe.",
		"The vote was close, at the end of the day, told John Roe, the mayor said.", "It will rain in May, for the farmers, said Jane Doe, who said so.",
		"The plan is sound, for the council, says the mayor, who added that it would pass.")
	var n [3]int // statements after their search's start; with a statement before; closed
	for ti, text := range texts {
		c, _, low := x.clean(text, false)
		a := x.analyze(c, low)
		for si := range a.nsents {
			if hits, ok := x.sentenceHits(x.gates(), a.view, a.toks(si), nil, nil, 0); ok {
				leftmostLikeSentence(t, x, a.window(si), hits, a.toks(si), &n, ti, si)
			}
		}
		x.release(a)
	}
	if n[0] < 1000 || n[1] < 50 || n[2] < 1 {
		t.Errorf("%d statements after their search's start, %d with one before, %d closed: want 1000, 50 and 1 or more", n[0], n[1], n[2])
	}
	t.Logf("%d statements after their search's start, %d with one before, %d closed", n[0], n[1], n[2])
}

// leftmostLikeSentence is TestLeftmostLikeSearch on sentence si of text
// ti, with cue hits hits: leftmost against the reference for the
// statement that the search from each start finds, counted in n.
func leftmostLikeSentence(t *testing.T, x *Extractor, w *rules.Window, hits []cueHit, toks []rules.Token, n *[3]int, ti, si int) {
	t.Helper()
	g := x.gates()
	var cues cueScratch
	for pos := range toks {
		var st statement
		if !x.reportIn(w, g, hits, &cues, toks, pos, len(toks), len(toks), allRules, &st) {
			return
		}
		if st.match.Span.Start <= pos {
			continue
		}
		n[0]++
		got, want := st, st
		x.leftmost(w, g, hits, &cues, toks, pos, &got)
		// the reference
		only := allRules << st.rule &^ (g.leftmost & (1 << st.rule))
		var early statement
		s := st.match.Span.Start
		switch {
		case x.reportIn(w, g, hits, &cues, toks, pos, s, s, only, &early):
			want = early
			n[1]++
		case mayHoldSpeaker(toks, &st) && x.reportIn(w, g, hits, &cues, toks, pos, len(toks), s, only, &early) && closes(&early, &st):
			want = early
			n[2]++
		}
		if got.rule != want.rule || got.match.Span != want.match.Span || got.content != want.content || got.match.Speaker.Span != want.match.Speaker.Span {
			t.Fatalf("text %d sentence %d from %d, statement of rule %d at %v: leftmost gives rule %d at %v (content %v), the searches rule %d at %v (content %v)",
				ti, si, pos, st.rule, st.match.Span, got.rule, got.match.Span, got.content, want.rule, want.match.Span, want.content)
		}
	}
}
