package rules

// ParseSpeakers fills the window's speaker memo at the positions lo to hi
// (inclusive, within the tokens) that it does not hold yet, as Speakers
// would at each: one loop over the positions, so that the parse's code
// runs back to back, before the rules that ask for the phrases (the
// SPEAKER-first rules ask at each of their starts, one rule of a batch
// after another, and the matcher's code evicts the parser's between
// them). The memo's answers are the parser's, so that what a later ask
// reads is what it would have parsed.
func (w *Window) ParseSpeakers(lo, hi int) {
	lo, hi = max(lo, 0), min(hi, len(w.toks)-1)
	if lo > hi {
		return
	}
	w.Speakers(lo) // (the memo made, the first position filled)
	rs, toks, gen := w.rs, w.toks, w.spkGen
	for p := lo + 1; p <= hi; p++ {
		if s := &w.spk[p]; s.gen != gen {
			*s = speakersMemo{gen: gen}
			if !rs.plainNoSpeaker(toks, p) && !rs.noSpeakerAt(toks, p) {
				s.lo, s.n = w.parseInto(p)
			}
		}
	}
}

// SpeakerStarts returns the first and last start (last < first: none)
// that MatchNearTo(r, lo, hi, cues, reach) tries, in its loop that asks the
// speaker phrases at each start, for a rule that opens with one SPEAKER
// and has no pivot, when its cheap gates let it (the cues' lead, the room
// for content after them); none for any other rule. Its other gates (the
// cue's content) may still reject the rule before the loop.
func (w *Window) SpeakerStarts(lo, hi int, cues []int, reach *CueReach) (first, last int) {
	if reach.Gap < 0 || reach.pivot != nil || len(cues) == 0 || cues[len(cues)-1] < max(lo, 0)+reach.minLead ||
		reach.content && cues[0] >= w.contentBefore() {
		return 0, -1
	}
	return max(lo, 0), min(hi, len(w.toks), cues[len(cues)-1]-1)
}

// SpeakerLoop reports whether SpeakerStarts may tell starts for a rule of
// this reach: one that opens with one SPEAKER and has no pivot.
func (rc *CueReach) SpeakerLoop() bool {
	return rc.Gap >= 0 && rc.pivot == nil
}
