package rules

// gapOf returns, for a cue capture whose last item is a cue list (or a
// group of alternatives each one cue list: (@speech_verbs | @tell_verbs)),
// those list items and the items gap between the capture and the first
// required list after it, when gapHolds can match them in place: no
// capture, speaker phrase or content among them. Else nil, nil.
func gapOf(capture *item, gap []*item) (verbs, items []*item) {
	if capture.op != opGroup || len(capture.alts) != 1 || capture.min != 1 || capture.max != 1 {
		return nil, nil
	}
	alt := capture.alts[0]
	last := alt[len(alt)-1]
	switch {
	case last.op == opList && last.list != nil && last.min == 1 && last.max == 1:
		verbs = []*item{last}
	case last.op == opGroup && last.min == 1 && last.max == 1 && last.capture == "":
		for _, a := range last.alts {
			if len(a) != 1 || a[0].op != opList || a[0].list == nil || a[0].min != 1 || a[0].max != 1 || a[0].capture != "" {
				return nil, nil
			}
			verbs = append(verbs, a[0])
		}
	default:
		return nil, nil
	}
	if len(verbs) == 0 || !plainItems(gap) {
		return nil, nil
	}
	return verbs, gap
}

// plainItems reports whether the items hold no capture, speaker phrase,
// content or quotation, inside groups too: matching them leaves no trace
// in the matcher but its steps.
func plainItems(its []*item) bool {
	for _, it := range its {
		switch {
		case it.capture != "":
			return false
		case it.op == opSpeaker || it.op == opClause || it.op == opContent || it.op == opQuote:
			return false
		case it.op == opGroup:
			for _, alt := range it.alts {
				if !plainItems(alt) {
					return false
				}
			}
		}
	}
	return true
}

// gapHolds reports whether, after the entry of a cue verb of af at a cue
// of n (where a match's cue capture ends: its verb is its last item, a
// list matched by its longest entry), the items between the capture and
// the list af.list match up to an entry of that list, as the matcher
// matches them: false only when no match can. The rule
// reported-speaker-cue-that (cue … (@addressees | CAP{1,4})?
// (@time_words{1,3})? (@not_clause_openers ANY{0,6})? ,?
// @reporting_conjunctions CONTENT) is then not tried where its
// conjunction is in reach of a cue but not after what may stand between
// (Jane Doe said the plan that …). The matcher's steps are put back.
func (m *matcher) gapHolds(n *near, af *after) bool {
	steps, caps := m.steps, len(m.caps)
	at := func(p int) bool { return m.mayList(af.list, p) && m.rs.ListAt(af.list, m.toks, p) > 0 }
	ok := false
cues:
	for _, c := range n.cues {
		for _, v := range af.verbs {
			k := m.entryLen(v.list, c)
			if k == 0 {
				continue
			}
			m.steps = 0
			if m.seq(af.gap, 0, c+k, at) || m.steps > m.limit {
				ok = true
				break cues
			}
		}
	}
	m.steps, m.caps = steps, m.caps[:caps] // (not deferred: seq does not panic)
	return ok
}
