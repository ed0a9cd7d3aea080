package extract

import "math/bits"

// speakerFirstRules returns the rules of g (the first 64) that need a cue,
// open with one SPEAKER and have no pivot (rules.CueReach.SpeakerLoop):
// those whose start loops ask the speaker phrases at each start, and that
// reach their loops in most sentences (a pivot turns most away before).
func (g *gates) speakerFirstRules() uint64 {
	var spk uint64
	for ri := range min(len(g.each), 64) {
		if e := &g.each[ri]; e.need != 0 && e.reach.SpeakerLoop() {
			spk |= 1 << ri
		}
	}
	return spk
}

// parseSpeakers parses the speaker phrases of f's window at the starts
// that its rules spk (of speakerFirst) may ask, in one loop
// (rules.Window.ParseSpeakers) before the first searches' rule loop: the
// starts of their loops in MatchNearTo that its cheap gates let
// (rules.Window.SpeakerStarts), from the lowest first start to the token
// before the last cue. Run lazily, one start at a time inside each
// attempt, the parse and the matcher evicted each other's code; the
// memo's answers are the parser's, so that every attempt reads what it
// would have parsed (docs/performance.md, "The twentieth round
// (spkpass)").
func (g *gates) parseSpeakers(f *firstSearch, spk uint64) {
	lo, hi := len(f.toks), -1
	for ; spk != 0; spk &= spk - 1 {
		e := &g.each[bits.TrailingZeros64(spk)]
		set := f.cues.of(e.cueSet, e.need)
		if set.f < 0 {
			continue
		}
		l, maxLo := e.firstStart(0, set.f, true)
		if l > min(set.l, maxLo) {
			continue // (the attempt tries no start: see search.attempt)
		}
		if l, h := f.s.w.SpeakerStarts(l, set.l, set.cs, e.reach); l <= h {
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	if lo <= hi {
		f.s.w.ParseSpeakers(lo, hi)
	}
}
