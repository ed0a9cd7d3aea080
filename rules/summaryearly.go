package rules

// Summary is a window's summary of its tokens (which one-token atoms,
// marks and phrase starts occur, and the union of their classes) made
// apart from any window, by Ruleset.Summarize, while the tokens are in
// the cache: the caller that makes a sentence's tokens and later its
// window hands it over with Window.UseSummary, so that the window does
// not read its tokens again to make it (at the first search of reported
// speech, a first touch since the tokens were made).
type Summary struct {
	kinds   kindSummary
	classes uint64
}

// Summarize makes s the summary of toks, tokens classified by rs, that a
// window of toks makes for the needs ns (the positions of the mark of ns
// kept, see Needs.mark).
func (rs *Ruleset) Summarize(toks []Token, ns *Needs, s *Summary) {
	*s = Summary{}
	s.classes = summarizeInto(&s.kinds, rs, toks, ns.summaryMark())
}

// UseSummary gives w the summary s, made by Summarize of the window's
// tokens with its ruleset and the needs that w is then asked for first
// (NeedsFail), unless w made its own already.
func (w *Window) UseSummary(s *Summary) {
	if w.kinds.done {
		return
	}
	w.kinds, w.classes = s.kinds, s.classes
}
