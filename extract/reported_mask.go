package extract

import "github.com/whosaid/whosaid/rules"

// The cheap gates of the first searches, told for all the rules of a
// sentence at once.
//
// A first search (from the sentence's start, every rule) rejects a rule
// before its match, in attempt and in MatchNearTo's first lines, by the
// first and last cue of the rule's cue set alone: an anchored rule whose
// first cue stands more than lead tokens on (firstStart's maxLo), a rule
// whose last cue stands before its first start plus the reach's minLead,
// a rule whose content follows its cue and whose first cue stands at the
// window's ContentBefore or after it. Told by the first and last hit of
// the sentence, for every rule at once, these gates are a few bits read
// from tables of the rules made when the gates are, cleared before the
// attempts — each of which costs its dispatch (NeedsKnown, attempt,
// MatchNearTo's call) even when it ends at once.

// maskFirst bounds the first cues that nearMask.leadBelow tells: a first
// cue past it clears only the rules whose lead is below it (the others
// are left to their attempts).
const maskFirst = 64

// maskLast bounds the last cues that nearMask.minLeadAbove tells: with a
// last cue at it or past it, no rule is cleared by its minLead.
const maskLast = 16

// nearMask holds what the cheap gates of a first search read of the rules
// of the gates, as masks of the rules: bit ri for rule ri.
type nearMask struct {
	// leadBelow[f]: the anchored rules with a bounded lead (gateRule's
	// maxLo 0) whose lead is below f, which a first cue at f rejects
	// (firstStart's maxLo); at maskFirst, those below maskFirst
	leadBelow [maskFirst + 1]uint64
	// minLeadAbove[l]: the rules whose minLead is above l, which a last
	// cue at l rejects (none at maskLast): only rules whose lead is not
	// below their minLead, for which the first start is 0 whenever the
	// minLead tells something
	minLeadAbove [maskLast + 1]uint64
	// content: the rules whose content follows their cue
	// (rules.CueReach.ContentAfter)
	content uint64
}

// newNearMask returns the nearMask of the gateRules each (at most 64).
func newNearMask(each []gateRule) nearMask {
	var nm nearMask
	for ri := range min(len(each), 64) {
		e := &each[ri]
		if e.need == 0 {
			continue // (no cue: no gate)
		}
		bit := uint64(1) << ri
		if e.maxLo == 0 {
			for f := min(e.lead+1, maskFirst); f <= maskFirst; f++ {
				nm.leadBelow[f] |= bit
			}
		}
		if ml := e.reach.MinLead(); e.lead >= ml {
			for l := range min(ml, maskLast) {
				nm.minLeadAbove[l] |= bit
			}
		}
		if e.reach.ContentAfter() {
			nm.content |= bit
		}
	}
	return nm
}

// fails returns the rules of try that the first search of a sentence with
// cue hits hits (all in the sentence, in order) and window w rejects
// before its match — attempt (firstStart's maxLo) or MatchNearTo's cheap
// gates, with the cues of the rule's set from the sentence's start on. It
// reads the first and last of all the hits, not of each rule's cue set:
// a set's first cue is not before the first hit, its last not after the
// last, and each gate rejects a later first cue or an earlier last one,
// so that a rule it returns is one whose attempt would miss (the rules
// it leaves are left to their attempts).
func (nm *nearMask) fails(hits []cueHit, try uint64, w *rules.Window) uint64 {
	if len(hits) == 0 {
		return 0 // (only rules without cues)
	}
	f, l := hits[0].Pos, hits[len(hits)-1].Pos
	m := nm.leadBelow[min(f, maskFirst)] | nm.minLeadAbove[min(l, maskLast)] |
		nm.content&-b2u64(f >= w.ContentBefore())
	return try & m
}

// b2u64 is 1 for true, else 0.
func b2u64(b bool) uint64 {
	var u uint64
	if b {
		u = 1
	}
	return u
}
