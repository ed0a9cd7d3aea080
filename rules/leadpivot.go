package rules

// leadOnly reports whether pv is a pivot without before atoms, told by
// leadHolds.
func (pv *pivot) leadOnly() bool { return pv.before == nil }

// holdsSpeaker reports whether one of items is a SPEAKER or a group that
// holds one (not:X matches one token, whatever X holds): CueLead then
// takes the speaker phrase's span to be maxSpeakerSpan, which bounds no
// match.
func holdsSpeaker(items []*item) bool {
	for _, it := range items {
		if it.op == opSpeaker {
			return true
		}
		for _, alt := range it.alts {
			if holdsSpeaker(alt) {
				return true
			}
		}
	}
	return false
}

// leadHolds is pivotHolds for a leadOnly pivot: the one start of a match
// is 0, so that its cue capture starts at a token s from minLead to Lead
// (CueReach: exact bounds, no SPEAKER before the capture), and the tokens
// from s to a cue entry, at most off tokens on, are tiled by the lead
// atoms. False only when no such s is there.
func (m *matcher) leadHolds(n *near, pv *pivot) bool {
	rc := n.reach
	if rc.Lead < 0 || len(n.cues) == 0 {
		return true
	}
	lo, hi := rc.minLead, rc.Lead
	for _, c := range n.cues {
		if c >= lo {
			if c <= hi {
				return true // (a cue entry that opens the capture)
			}
			break
		}
	}
	// no cue from lo to hi: the capture opens with lead atoms, whose
	// tiling from an s in range passes a token from hi+1-leadSpan to hi
	// (the last it meets up to hi, after which an atom spans past hi), from
	// which it reaches the cue too: only those are tried
	for s := max(lo, n.cues[0]-pv.off, hi+1-pv.leadSpan); s <= hi; s++ {
		if m.tiles(n, pv.lead, &pv.leadStart, pv.off, s) {
			return true
		}
	}
	return false
}
