package extract

import "github.com/whosaid/whosaid/rules"

// leftmost returns the statement that begins first in the sentence from
// token pos on: st, the statement of the rule of highest priority that
// matches, or, when st begins after pos, a statement of any rule that
// begins before it (Carson said A, telling B that C: the rule of "telling
// B that" ranks higher, but "Carson said A" comes first and its content
// then ends where the later statement begins). Only the starts before st
// are tried again, so a sentence costs at most twice its rules — three
// times when st's speaker is set off from its cue by a comma (see
// closingSpeaker).
func (x *Extractor) leftmost(w *rules.Window, g *gates, hits []cueHit, cues *[]int, toks []rules.Token, pos int, st statement) statement {
	if st.m.Span.Start <= pos {
		return st
	}
	early, ok := x.reportIn(w, g, hits, cues, toks, pos, st.m.Span.Start, st.m.Span.Start)
	if ok && early.m.Span.Start < st.m.Span.Start {
		return early
	}
	if early, ok := x.closingSpeaker(w, g, hits, cues, toks, pos, st); ok {
		return early
	}
	return st
}

// maxClosingSpeaker bounds the tokens of a content that closingSpeaker
// takes for a speaker phrase.
const maxClosingSpeaker = 12

// isComma reports whether t is a comma.
func isComma(t rules.Token) bool { return t.Kind == rules.Punct && t.Text == "," }

// closingSpeaker returns the statement, begun before st, whose speaker
// after its cue st took for content: in "The plan failed, for the city,
// said Jane Doe", st reads "the city" as the speaker and "Jane Doe" as the
// content, while the whole sentence is one statement of Jane Doe. It is
// tried only when a comma stands right before st's cue and st's content is
// short and ends the sentence or a comma, and with every cue of the
// sentence, not only those before st.
func (x *Extractor) closingSpeaker(w *rules.Window, g *gates, hits []cueHit, cues *[]int, toks []rules.Token, pos int, st statement) (statement, bool) {
	cue, ok := st.m.Captures["cue"]
	if !ok || cue.Start == 0 || !isComma(toks[cue.Start-1]) || st.content.Len() > maxClosingSpeaker {
		return statement{}, false
	}
	if end := st.content.End; end < len(toks) && !isComma(toks[end]) && trimContent(toks, end, len(toks)) > end {
		return statement{}, false // st's content is no speaker phrase closing the sentence or set off by a comma
	}
	early, ok := x.reportIn(w, g, hits, cues, toks, pos, len(toks), st.m.Span.Start)
	if !ok || early.m.Span.Start >= st.m.Span.Start || !early.m.HasSpkr {
		return statement{}, false
	}
	if ec, ok := early.m.Captures["cue"]; !ok || early.content.End > ec.Start {
		return statement{}, false // the content is not before the cue
	}
	sp := early.m.Speaker.Span
	if c, ok := early.m.Captures["speaker"]; ok {
		sp = c
	}
	if sp.Start >= st.content.End || sp.End <= st.content.Start {
		return statement{}, false // not the speaker that st took for content
	}
	return early, true
}
