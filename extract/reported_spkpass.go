package extract

import "math/bits"

// speakerFirstRules returns the rules of g (the first 64) that open with
// one SPEAKER and need a cue: those whose start loops ask the speaker
// phrases at each start (see parseSpeakers).
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
// that its SPEAKER-first rules spk may ask (rules.Window.ParseSpeakers),
// before the first searches' rule loop: from the lowest first start of
// those rules to the token before the last of their cues, the starts of
// matchFrom's loop.
func (g *gates) parseSpeakers(f *firstSearch, spk uint64) {
	lo, hi := len(f.toks), -1
	for ; spk != 0; spk &= spk - 1 {
		e := &g.each[bits.TrailingZeros64(spk)]
		set := f.cues.of(e.cueSet, e.need)
		if set.f < 0 {
			continue
		}
		l, _ := e.firstStart(0, set.f, true)
		if l, h := f.w.SpeakerStarts(l, set.l, set.cs, e.reach); l <= h {
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	if lo <= hi {
		f.w.ParseSpeakers(lo, hi)
	}
}
