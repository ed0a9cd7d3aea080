package extract

import "github.com/whosaid/whosaid/rules"

// leftmost returns the statement that begins first in the sentence from
// token pos on: st, the statement of the rule of highest priority that
// matches, or, when st begins after pos, a statement of any rule that
// begins before it (Carson said A, telling B that C: the rule of "telling
// B that" ranks higher, but "Carson said A" comes first and its content
// then ends where the later statement begins). Only the starts before st
// are tried again, so a sentence costs at most twice its rules.
func (x *Extractor) leftmost(w *rules.Window, g *gates, hits []cueHit, cues *[]int, toks []rules.Token, pos int, st statement) statement {
	if st.m.Span.Start <= pos {
		return st
	}
	early, ok := x.reportIn(w, g, hits, cues, toks, pos, st.m.Span.Start)
	if !ok || early.m.Span.Start >= st.m.Span.Start {
		return st
	}
	return early
}
