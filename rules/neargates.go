package rules

// The cheap gates of MatchNearTo, told by a caller for several rules at
// once (the first searches of a sentence clear the rules they reject
// before their attempts).

// MinLead returns the fewest tokens before the cue capture of a match
// (see CueReach.minLead): MatchNearTo tries no start lo whose cues all
// stand before lo plus MinLead.
func (rc *CueReach) MinLead() int { return rc.minLead }

// ContentAfter reports whether reported content follows the cue capture
// (see CueReach.content): MatchNearTo tries no such rule whose first cue
// stands at the window's ContentBefore or after it.
func (rc *CueReach) ContentAfter() bool { return rc.content }

// ContentBefore returns the position of the minClauseWords-th word from
// the end of the window, or -1 (see contentBefore): a rule whose content
// follows its cue (CueReach.ContentAfter) matches only with a first cue
// before it.
func (w *Window) ContentBefore() int { return w.contentBefore() }

// NeedsHeld returns the facts of ns that the window has told and that
// hold (0 when ns are not the window's needs): a caller that keeps them
// tells a rule's need known (KnownIn) without reading the window again —
// the facts that hold in a window hold whenever they are told.
func (w *Window) NeedsHeld(ns *Needs) uint64 {
	if w.needs != ns {
		return 0
	}
	return w.holds
}

// KnownIn reports whether the need of rule ri of ns is known to hold with
// the facts held (NeedsHeld): NeedsKnown's test, with held for the
// window's, so that NeedsHold would report true at once.
func (ns *Needs) KnownIn(ri int, held uint64) bool {
	rn := &ns.rules[ri]
	return held&rn.all == rn.all && rn.plain
}
