package rules

import "slices"

// Window is a token window (a sentence) prepared for matching: it
// memoises what does not depend on the rule or the quote (the speaker
// phrases at each position, which lists occur), so that every rule tried on
// a sentence, for each of its quotes, computes them once. The tokens must
// not change while the window is in use. A Window is not safe for
// concurrent use; the Ruleset is.
type Window struct {
	rs   *Ruleset
	toks []Token
	spk  []speakersMemo // SpeakersAt by position
	// spkGen is the generation of the memo spk: an entry is done when its
	// gen is spkGen, so that Reset starts a new generation and does not
	// clear the memo (a window asks a few of its positions; clearing
	// them all cost more than the asks); 0 until the memo is first made
	spkGen uint16
	// phrases holds the phrases of spk, one position after another (the
	// memo's entries hold their offsets in it), reused after Reset
	// (phrases hold no pointers: nothing to clear)
	phrases []SpeakerPhrase
	lists   []listSeen // whether a list occurs in the window
	lits    []litSeen  // whether a literal occurs in the window
	poss    []possSeen // whether a pattern is possible (no quotation)
	// possBits has the patternBit of every pattern in poss.
	possBits uint64
	// possQuote is the pattern that NeedsHold last found possible with a
	// quotation (NewQuoteNeeds), for the Match that follows
	possQuote *Pattern
	// possTold is the pattern that NeedsHold last found possible without
	// a quotation, for the MatchFrom of a rule that needs no cue that
	// follows (possibleMemo reads it first; it is not put in poss;
	// MatchNear asks no possible)
	possTold *Pattern
	// puncts has the positions of the punctuation tokens, once punctsDone
	// (see punctAt)
	puncts     uint64
	punctsDone bool
	// marks has the positions of the tokens that are the mark markText,
	// when it is not "" (see marksOf; punctAt clears it)
	marks    uint64
	markText string
	brk      []uint8 // clauseBreakAt by token: 0 unknown, 1 no, 2 yes
	// clause holds the lists of the CLAUSE item, looked up on first use.
	clause clauseLists
	// ends holds the runs of reported content (contentRun) by where
	// they open.
	ends []contentRunSeen
	// needs is the set of compiled needs whose facts known and holds
	// tell (see Needs): bit k of known when fact k has been told, of holds
	// when it occurs in the window.
	needs        *Needs
	known, holds uint64
	// fail has bit ri for the first 64 rules of needs whose facts of
	// one term hold a fact that is known and fails (NeedsFail)
	fail uint64
	// marksFor is the CueMarks whose rules markFail has the failing ones
	// of, among those of markTold (CueMarksFail); nil before it is asked
	marksFor           *CueMarks
	markTold, markFail uint64
	// contentCues is the cues that cueContentHolds kept
	contentCues []int
	// cueSeen is reachesCue by the end of a speaker phrase, for the rule
	// being matched: 0 unknown, 1 no, 2 or more yes (lastEnd writes 2
	// and the fewest tokens from the end to a cue).
	cueSeen []uint8
	// classes is the union of the tokens' classes (0: not yet computed).
	classes uint64
	kinds   kindSummary
	m       matcher // reused by Match
	limit   int     // the step limit of a match when > 0 (tests), else maxSteps
}

// speakersMemo is SpeakersAt at one position, done when gen is the
// window's spkGen: the phrases phrases[lo:lo+n] of the window (8 bytes,
// no pointer: a window's memo spans a few cache lines).
type speakersMemo struct {
	lo  uint32
	n   uint16
	gen uint16
}

// of returns the phrases of s, a done entry of w's memo, their capacity
// cut to their length.
func (s *speakersMemo) of(w *Window) []SpeakerPhrase {
	lo, hi := int(s.lo), int(s.lo)+int(s.n)
	return w.phrases[lo:hi:hi]
}

// NewWindow prepares toks for matching.
func (rs *Ruleset) NewWindow(toks []Token) *Window {
	return &Window{rs: rs, toks: toks}
}

// Reset makes w a window of toks for rs, as NewWindow does, keeping the
// memory w allocated.
func (w *Window) Reset(rs *Ruleset, toks []Token) {
	if w.spkGen++; w.spkGen == 0 { // (a new generation; once in 2¹⁶ the memo cleared)
		clear(w.spk[:cap(w.spk)])
	}
	// (the memos of lists, literals, patterns and failures are read up to
	// their length only, and point into the ruleset: truncated, not
	// cleared; one field a statement, so that a slice's truncation stores
	// its length alone, and no pointer is written twice)
	if w.clause.done && w.rs != rs {
		w.clause = clauseLists{} // (the lists depend on the ruleset alone)
	}
	w.rs, w.toks = rs, toks
	w.spk = w.spk[:0]
	w.lists = w.lists[:0]
	w.poss = w.poss[:0]
	w.lits = w.lits[:0]
	w.phrases = w.phrases[:0]
	w.brk = w.brk[:0]
	w.ends = w.ends[:0]
	w.possBits, w.classes, w.known, w.holds = 0, 0, 0, 0
	w.kinds = kindSummary{}
	w.punctsDone = false
	if m := &w.m; m.Window != nil { // (else untouched since it was reset)
		m.resetMatcher()
	}
	if w.needs != nil {
		w.needs = nil
	}
	if w.marksFor != nil {
		w.marksFor = nil
	}
	if w.possQuote != nil {
		w.possQuote = nil
	}
	if w.possTold != nil {
		w.possTold = nil
	}
}

// resetMatcher makes m the zero matcher, its captures' array kept.
func (m *matcher) resetMatcher() {
	m.Window = nil
	m.quote, m.steps, m.limit = 0, 0, 0
	m.caps = m.caps[:0]
	m.speaker, m.hasSpk = SpeakerPhrase{}, false
	m.follow = ""
}

// Tokens returns the window's tokens.
func (w *Window) Tokens() []Token { return w.toks }

// Speakers returns SpeakersAt(toks, pos), computed once per position.
func (w *Window) Speakers(pos int) []SpeakerPhrase {
	if uint(pos) >= uint(len(w.spk)) { // (the memo not made yet, or pos outside it)
		if pos < 0 || pos > len(w.toks) {
			return w.rs.SpeakersAt(w.toks, pos)
		}
		if n := len(w.toks) + 1; cap(w.spk) >= n {
			w.spk = w.spk[:n] // (its entries of an earlier generation)
		} else {
			w.spk = make([]speakersMemo, n)
		}
		if w.spkGen == 0 { // (the memo's first use: its entries' gen is 0)
			w.spkGen = 1
		}
	}
	m := &w.spk[pos]
	if m.gen != w.spkGen {
		*m = speakersMemo{gen: w.spkGen}
		if !w.rs.noSpeakerAt(w.toks, pos) { // (most positions: told before the array is looked at)
			m.lo, m.n = w.parseInto(pos)
		}
	}
	return m.of(w)
}

// SpeakersInto is Speakers without the memo's fill: a position the memo
// holds is read from it, any other parsed into buf's array
// (SpeakersAtInto), valid until buf is used again. It is for a caller
// that asks each position once and reads the phrases before its next ask
// (the entity table): the memo's entry and its copy in the window's
// array would serve no later ask.
func (w *Window) SpeakersInto(pos int, buf []SpeakerPhrase) []SpeakerPhrase {
	if uint(pos) < uint(len(w.spk)) {
		if m := &w.spk[pos]; m.gen == w.spkGen {
			return m.of(w)
		}
	}
	return w.rs.SpeakersAtInto(w.toks, pos, buf)
}

// minPhrasesRoom is the room Speakers leaves in the window's array of
// phrases before a position's parse: speakersAt makes an array of its own
// when it needs more than four, or appends past it (a rare long run of
// appositives, then copied in).
const minPhrasesRoom = 8

// parseInto parses the speaker phrases at pos into the window's array of
// phrases, and returns where they stand in it and how many they are
// (Speakers less its memo and its test of noSpeakerAt).
func (w *Window) parseInto(pos int) (lo uint32, n uint16) {
	if cap(w.phrases)-len(w.phrases) < minPhrasesRoom {
		w.phrases = slices.Grow(w.phrases, max(2*cap(w.phrases), 4*minPhrasesRoom)-len(w.phrases))
	}
	at := len(w.phrases)
	room := w.phrases[at:at:cap(w.phrases)]
	ps := w.rs.speakersAt(w.toks, pos, room) // (SpeakersAtInto less the test above)
	if len(ps) == 0 {
		return 0, 0
	}
	if &ps[0] != &room[:1][0] { // not parsed in place: copied in
		w.phrases = append(w.phrases, ps...)
	} else {
		w.phrases = w.phrases[:at+len(ps)]
	}
	return uint32(at), uint16(len(ps))
}

// phrasesAt returns Speakers(pos), reading the memo straight and filling
// a position not yet computed without Speakers' call:
// the phrases are asked for at every start of every rule, and by every
// SPEAKER item.
func (m *matcher) phrasesAt(pos int) []SpeakerPhrase {
	if spk := m.spk; uint(pos) < uint(len(spk)) {
		s := &spk[pos]
		if s.gen != m.spkGen { // (Speakers, inline up to noSpeakerAt: most positions)
			*s = speakersMemo{gen: m.spkGen}
			if !m.rs.plainNoSpeaker(m.toks, pos) && !m.rs.noSpeakerAt(m.toks, pos) {
				s.lo, s.n = m.parseInto(pos)
			}
		}
		return s.of(m.Window)
	}
	return m.Speakers(pos)
}
