package extract

import "github.com/whosaid/whosaid/rules"

// leftmost makes st the statement that begins first in the sentence from
// token pos on: st, the statement of the rule of highest priority that
// matches, or, when st begins after pos, a statement of any rule that
// begins before it (Carson said A, telling B that C: the rule of "telling
// B that" ranks higher, but "Carson said A" comes first and its content
// then ends where the later statement begins). Only the starts before st
// are tried again, so a sentence costs at most twice its rules — three
// times when st's speaker is set off from its cue by a comma (see
// closingSpeaker).
func (x *Extractor) leftmost(w *rules.Window, g *gates, hits []cueHit, cues *cueScratch, toks []rules.Token, pos int, st *statement) {
	if st.match.Span.Start <= pos {
		return
	}
	// the rules before st's found nothing from pos on in the search that
	// found st: they find nothing from the starts before st either, and
	// only the rules from st's on are visited (with explanations, every
	// rule says why); nor st's own when its match is the first of its
	// starts that matches (gates.leftmost: every start before st's failed)
	only := allRules
	if ri := st.rule; ri < 64 && !x.opts.Explain {
		only = allRules << ri &^ (g.leftmost & (1 << ri))
	}
	var early statement
	if x.reportIn(w, g, hits, cues, toks, pos, st.match.Span.Start, st.match.Span.Start, only, &early) && early.match.Span.Start < st.match.Span.Start {
		*st = early
		return
	}
	if x.closingSpeaker(w, g, hits, cues, toks, pos, st, only, &early) {
		*st = early
	}
}

// maxClosingSpeaker bounds the tokens of a content that closingSpeaker
// takes for a speaker phrase.
const maxClosingSpeaker = 12

// isComma reports whether t is a comma.
func isComma(t rules.Token) bool { return t.Kind == rules.Punct && t.Text == "," }

// closingSpeaker finds the statement, begun before st, whose speaker
// after its cue st took for content: in "The plan failed, for the city,
// said Jane Doe", st reads "the city" as the speaker and "Jane Doe" as the
// content, while the whole sentence is one statement of Jane Doe. It is
// tried only when a comma stands right before st's cue and st's content is
// short and ends the sentence or a comma, and with every cue of the
// sentence, not only those before st; with the rules of only (leftmost's).
// It reports whether it found one, which it writes in early (written over
// in any case).
func (x *Extractor) closingSpeaker(w *rules.Window, g *gates, hits []cueHit, cues *cueScratch, toks []rules.Token, pos int, st *statement, only uint64, early *statement) bool {
	if !mayHoldSpeaker(toks, st) {
		return false
	}
	if !x.opts.Explain && len(g.rules) <= 64 {
		// the rules that leftmost's search tried from the sentence's
		// start alone, or without a cue, missed as these searches would
		// (see tried; with explanations, every rule says why)
		only &^= g.tried(hits, pos, st.match.Span.Start)
		if !x.mayClose(w, g, hits, cues, toks, pos, st, only, early) {
			return false
		}
	}
	return x.reportIn(w, g, hits, cues, toks, pos, len(toks), st.match.Span.Start, only, early) && closes(early, st)
}

// mayHoldSpeaker reports whether st's content may be the speaker of a
// statement begun before st (closingSpeaker's test): a comma stands right
// before st's cue, and st's content is short and ends the sentence or a
// comma.
func mayHoldSpeaker(toks []rules.Token, st *statement) bool {
	// (the statement's own fields first: most contents are longer, and
	// the cue's capture is looked up by its name)
	if st.content.Len() > maxClosingSpeaker {
		return false
	}
	if end := st.content.End; end < len(toks) && !isComma(toks[end]) && trimContent(toks, end, len(toks)) > end {
		return false // st's content is no speaker phrase closing the sentence or set off by a comma
	}
	cue, ok := st.match.Captures.Get("cue")
	return ok && cue.Start > 0 && isComma(toks[cue.Start-1])
}

// closes reports whether early, a statement begun before st, is the one
// whose speaker st took for content (see closingSpeaker).
func closes(early, st *statement) bool {
	if early.match.Span.Start >= st.match.Span.Start || !early.match.HasSpkr {
		return false
	}
	if ec, ok := early.match.Captures.Get("cue"); !ok || early.content.End > ec.Start {
		return false // the content is not before the cue
	}
	sp := early.match.Speaker.Span
	if c, ok := early.match.Captures.Get("speaker"); ok {
		sp = c
	}
	return sp.Start < st.content.End && sp.End > st.content.Start // the speaker that st took for content
}

// mayClose reports whether closingSpeaker's search can find a statement
// that closes st: one of a rule of gates.closing, the first of them that
// matches or, when its statement does not close st, the next. The search
// of all rules gives the statement of the first rule that matches; when
// that statement closes st, so does the statement of that rule here, as
// a rule's match does not depend on the others. Most sentences have no
// such statement, and the rules whose content follows their cue (the
// speaker rules, the subject rules), which cannot give one, are not
// tried over the whole sentence for it. Only the rules of rest are
// asked (leftmost's: the others found nothing there); early is scratch
// space for the statements it finds.
func (x *Extractor) mayClose(w *rules.Window, g *gates, hits []cueHit, cues *cueScratch, toks []rules.Token, pos int, st *statement, rest uint64, early *statement) bool {
	for only := g.closing & rest; only != 0; {
		if !x.reportIn(w, g, hits, cues, toks, pos, len(toks), st.match.Span.Start, only, early) {
			return false
		}
		if closes(early, st) {
			return true
		}
		ri := early.rule
		if ri >= 64 {
			return true // cannot tell: the search of all rules will
		}
		only &^= 1 << ri
	}
	return false
}

// tried returns the rules whose attempt in the search of the starts
// before token before from token pos (to and before: before) is the
// attempt of a search from pos to the end of the sentence with the same
// before — closingSpeaker's —, so that a rule that missed in the first
// misses in the second: those that need no cue, whose starts are pos to
// before-1 in both; and the rules anchored at the start of the sentence
// that have a cue before before, whose only start is 0 in both (tried
// when pos is 0, else in neither), with the same first cue (the first
// of the set, before before) and the same cues from pos on.
func (g *gates) tried(hits []cueHit, pos, before int) uint64 {
	return g.always | g.anchored&g.mayTry(presentIn(hits, pos, before))
}
