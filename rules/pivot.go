package rules

import "math/bits"

// A necessary condition of a rule of reported speech that is told per
// window before any matching: most of these rules have, right before their
// `cue:` capture, a token of a few kinds (a comma, a dash, a literal — `, cue`,
// `( and | but ) cue`) or a SPEAKER that such a token opens (`, SPEAKER cue`).
// No match exists unless that token stands right before one of the rule's
// cue entries (or the cue's leading auxiliaries), or a speaker phrase after
// it ends there. The rules that open with `^ CLAUSE ,` try every end of the
// content before such a comma otherwise.

// pivot is that condition for a rule (CueReach.pivot); nil when its
// pattern has no such shape. A pivot without before atoms (leadOnly) is
// the weaker condition of a pattern anchored at the start whose items
// before the cue capture hold no SPEAKER (`^ speaker:(CAP ANY{0,5})
// cue:…`): the cue capture starts from minLead to Lead tokens into the
// sentence, with the tokens up to its entry tiled by the lead atoms (see
// leadHolds).
type pivot struct {
	// before holds the atoms, one of which matches right before the cue
	// capture (speaker nil) or right before the speaker phrase; nil for
	// a leadOnly pivot.
	before []*item
	// speaker is the SPEAKER item between before and the cue, or nil.
	speaker *item
	// off is the most tokens from the start of the cue capture to the
	// start of its list entry (CueReach.Off).
	off int
	// lead, when not nil, holds the atoms that the cue capture is made of
	// before its list entry: the tokens from its start to the entry are
	// tiled by them (see matcher.tiles).
	lead []*item
	// punct is the punctuation mark that before holds alone, or "".
	punct string
	// minAt is the fewest tokens that the items before the atoms of
	// before match (minSpan: a clause holds two words or more), so that
	// the atom stands at minAt or after (`^ content:(CLAUSE OTHERQUOTE)
	// SPEAKER cue`: no quotation at the start of the sentence ends the
	// content): the positions s after it are from minAt+1 on
	minAt int
	// mayEnd tells, without a look at each atom, the tokens that no atom
	// of before can end at (see mayEndAt)
	mayEnd endFilter
	// leadStart is startFilterOf(lead)
	leadStart startFilter
	// leadSpan is the most tokens that one of the lead atoms matches
	leadSpan int
	// bounded tells that the lead atoms are told (lead not nil, off below
	// 64: tiles does not answer true at once) and leadStart is a filter
	// of words (leadMayStart), so that pivotScanHolds's scan back from a
	// cue c, in a window of leadStart's owner, skips the positions s < c
	// at which no lead atom starts and stops below leadSpan of them in a
	// row: a tiling from s reaches a cue only through starts of lead
	// atoms, each at most leadSpan tokens after the one before, and no
	// cue stands between the cue before and c (the scan for a filter of
	// words only; the general scan, asked little, tries every position)
	bounded bool
}

// endFilter is what a token must be for one of some atoms (punctuation
// marks, dashes, other quotations, literals) to end at it: firstBit of
// its text among puncts for a mark, of its lower-case form among lasts
// for a literal's last word; dash, quote when such an atom is there.
type endFilter struct {
	puncts, lasts uint64
	dash, quote   bool
	// lists joins the class bits of the lists among the atoms (of one-word
	// entries), under owner; any: a list without one, not told
	lists uint64
	owner *Ruleset
	any   bool
}

// endFilterOf returns the endFilter of atoms, each a pivotAtom.
func endFilterOf(atoms []*item) endFilter {
	var f endFilter
	for _, a := range atoms {
		switch a.op {
		case opPunct:
			f.puncts |= firstBit(a.punct)
		case opDash:
			f.dash = true
		case opOtherQuote:
			f.quote = true
		case opLit:
			f.lasts |= firstBit(a.lit[len(a.lit)-1])
		case opList:
			if l := a.list; l.bit != 0 && l.owner != nil && (f.owner == nil || f.owner == l.owner) {
				f.lists |= l.bit
				f.owner = l.owner
			} else {
				f.any = true
			}
		default:
			f.any = true
		}
	}
	return f
}

// words reports whether f lets through words only, told by their classes
// (f.lists, in a window of rs) and the firstBit of their lower-case form
// (f.lasts): mayEndAt(rs, t) is then mayEndWord(t).
func (f *endFilter) words(rs *Ruleset) bool {
	return !f.any && f.puncts == 0 && !f.dash && !f.quote && (f.lists == 0 || rs == f.owner)
}

// mayEndWord is mayEndAt for a filter of words only (words), small
// enough to inline in the pivot's loop over positions, told without a
// branch (a token not classified, class 0, takes every list's bits).
func (f *endFilter) mayEndWord(t *Token) bool {
	c := t.class
	return (c|-b2u(c == 0))&f.lists|f.lasts&firstBit(t.Lower) != 0
}

// mayEndAt reports whether one of the atoms of f may end at token t of a
// window of rs: false only when endsAt says false for the position after t.
func (f *endFilter) mayEndAt(rs *Ruleset, t *Token) bool {
	if f.any || f.lists != 0 && (rs != f.owner || t.class == 0 || t.class&f.lists != 0) {
		return true // (a list's word: mayList's test)
	}
	switch t.Kind {
	case Punct:
		if f.puncts&firstBit(t.Text) != 0 {
			return true
		}
	case Dash:
		if f.dash {
			return true
		}
	case QuoteT:
		if f.quote {
			return true
		}
	}
	return f.lasts != 0 && f.lasts&firstBit(t.Lower) != 0
}

// pivotOf returns the pivot of the items of a pattern, or nil. Groups of
// one alternative that are matched once (`content:(CLAUSE , SPEAKER cue:…)`)
// are read as the sequence they hold.
func pivotOf(items []*item) *pivot {
	flat, ci := flatCue(items)
	if ci < 1 {
		return nil
	}
	off := listOffset(flat[ci : ci+1])
	if off < 0 {
		return nil
	}
	var lead []*item
	if !leadAtoms(flat[ci:ci+1], &lead) {
		lead = nil
	} else if lead == nil {
		lead = []*item{} // the entry starts the capture
	}
	var pv *pivot
	if b := pivotAtoms(flat[ci-1]); b != nil {
		pv = &pivot{before: b, off: off, lead: lead, minAt: minSpans(flat[:ci-1])}
	} else if sp := flat[ci-1]; sp.op == opSpeaker && sp.min == 1 && sp.max == 1 && ci >= 2 {
		if b := pivotAtoms(flat[ci-2]); b != nil {
			pv = &pivot{before: b, speaker: sp, off: off, lead: lead, minAt: minSpans(flat[:ci-2])}
		}
	} else if lead != nil && flat[0].op == opStart && !holdsSpeaker(flat[:ci]) {
		pv = &pivot{off: off, lead: lead}
	}
	if pv != nil && len(pv.before) == 1 && pv.before[0].op == opPunct {
		pv.punct = pv.before[0].punct
	}
	if pv != nil {
		pv.mayEnd, pv.leadStart = endFilterOf(pv.before), startFilterOf(pv.lead)
		f := &pv.leadStart
		pv.bounded = pv.lead != nil && pv.off < 64 && !f.any && f.puncts == 0 && !f.dash && f.lists != 0
		for _, a := range pv.lead {
			if k := span(a); k < 0 {
				pv.leadSpan = 1 << 20 // (not bounded: every s is tried)
			} else {
				pv.leadSpan = max(pv.leadSpan, k)
			}
		}
	}
	return pv
}

// flatten appends items to out, with the items of a group of one
// alternative matched exactly once (other than the cue capture) in place
// of the group.
func flatten(items []*item, out *[]*item) {
	for _, it := range items {
		if it.op == opGroup && len(it.alts) == 1 && it.min == 1 && it.max == 1 && it.capture != "cue" {
			flatten(it.alts[0], out)
			continue
		}
		*out = append(*out, it)
	}
}

// pivotAtoms returns the atoms of an item matched exactly once that is a
// punctuation mark, a dash, a literal or another quotation, or a group of
// alternatives each of which ends with one such atom or with a group of
// them (matched once): the atoms that can end the item's match; else nil.
func pivotAtoms(it *item) []*item {
	if it.min != 1 || it.max != 1 || it.capture != "" && it.op != opList {
		return nil // (a list's capture, mention:@relative_pronouns, does not change where it ends)
	}
	if pivotAtom(it) {
		return []*item{it}
	}
	if it.op != opGroup || len(it.alts) == 0 {
		return nil
	}
	var out []*item
	for _, alt := range it.alts {
		// the alternative's match ends with its last item's, an atom or
		// a group of atoms matched once (`,? ( by | while )`: by, while)
		if len(alt) == 0 {
			return nil
		}
		last := alt[len(alt)-1]
		if last.min != 1 || last.max != 1 || last.capture != "" {
			return nil
		}
		if pivotAtom(last) {
			out = append(out, last)
			continue
		}
		if len(alt) == 1 || last.op != opGroup {
			return nil
		}
		inner := pivotAtoms(last)
		if inner == nil {
			return nil
		}
		out = append(out, inner...)
	}
	return out
}

// pivotAtom reports whether it is an atom whose match ends at a known
// token: a punctuation mark, a dash, another quotation, a literal, or a
// list of one-word entries.
func pivotAtom(it *item) bool {
	switch it.op {
	case opPunct, opDash, opOtherQuote:
		return true
	case opLit:
		return len(it.lit) > 0
	case opList:
		return it.list != nil && it.list.maxLen <= 1
	}
	return false
}

// endsAt reports whether one of the atoms matches ending right before
// token e.
func (m *matcher) endsAt(atoms []*item, e int) bool {
	if len(atoms) == 1 && atoms[0].op == opPunct { // a comma: told inline
		if e < 1 || e > len(m.toks) {
			return false
		}
		t := &m.toks[e-1]
		return t.Kind == Punct && t.Text == atoms[0].punct
	}
	if e < 1 || e > len(m.toks) {
		return false // every atom spans a token before e
	}
	t := &m.toks[e-1]
	for _, a := range atoms {
		switch a.op {
		case opPunct:
			if t.Kind == Punct && t.Text == a.punct {
				return true
			}
		case opDash:
			if t.Kind == Dash {
				return true
			}
		case opLit:
			// the last word told inline before atomAt compares them all
			if n := len(a.lit); n > 0 && e-n >= 0 && t.Lower == a.lit[n-1] && m.atomAt(a, e-n) {
				return true
			}
		default:
			if m.atomAt(a, e-1) {
				return true
			}
		}
	}
	return false
}

// pivotHolds reports whether the pivot of the rule (n.reach.pivot, not
// nil) can hold in the window: false only when no match can. The cue
// capture starts at most off tokens before one of the cue entries
// n.cues. It makes the window's matcher the window's, without a
// quotation (as MatchNear's matchFrom does), and calls the test of the
// pivot's shape itself (one call, not two, per ask).
func (w *Window) pivotHolds(n *near) bool {
	m := &w.m
	if m.Window != w {
		m.Window = w
	}
	m.quote = -1
	pv := n.reach.pivot
	if pv.leadOnly() {
		return m.leadHolds(n, pv)
	}
	if pv.speaker != nil {
		return m.pivotSpeakerHolds(n, pv)
	}
	if pv.punct != "" && len(m.toks) <= 64 {
		return m.pivotMarkHolds(n, pv)
	}
	return m.pivotScanHolds(n, pv)
}

// pivotScanHolds is pivotHolds for a pivot without a speaker, not
// leadOnly, other than one mark in a window of up to 64 tokens: a scan
// back from each cue. What holds at a position does not depend on the
// cue it is tried for: the positions that the cue before tried are not
// tried again (the cues are sorted).
func (m *matcher) pivotScanHolds(n *near, pv *pivot) bool {
	toks, rs, f, low := m.toks, m.rs, &pv.mayEnd, pv.minAt+1
	if f.words(rs) {
		// a filter of words only (a list's classes, literals' last
		// words: mention:@relative_pronouns, and | but) told inline,
		// not by a call at every position
		// (the cue's own position first, where no lead atom is asked)
		skip := pv.bounded && rs == pv.leadStart.owner
		for _, c := range n.cues {
			lo := max(c-pv.off, low)
			if low = max(low, c+1); c < lo {
				continue
			}
			if f.mayEndWord(&toks[c-1]) && m.endsAt(pv.before, c) && m.tiles(n, pv.lead, &pv.leadStart, pv.off, c) {
				return true
			}
			for s, run := c-1, 0; s >= lo; s-- {
				if skip && !pv.leadMayStart(&toks[s]) {
					if run++; run >= pv.leadSpan {
						break // (see pivot.bounded)
					}
					continue
				}
				run = 0
				if f.mayEndWord(&toks[s-1]) && m.endsAt(pv.before, s) && m.tiles(n, pv.lead, &pv.leadStart, pv.off, s) {
					return true
				}
			}
		}
		return false
	}
	for _, c := range n.cues {
		for s := c; s >= max(c-pv.off, low); s-- {
			if f.mayEndAt(rs, &toks[s-1]) && m.endsAt(pv.before, s) && m.tiles(n, pv.lead, &pv.leadStart, pv.off, s) {
				return true
			}
		}
		low = max(low, c+1)
	}
	return false
}

// leadMayStart is pv.leadStart.mayStart(rs, t) for a bounded pivot and
// a token t of a window of rs, leadStart's owner, small enough to inline:
// true where it is (a token that is no word may be let through).
func (pv *pivot) leadMayStart(t *Token) bool {
	c := t.class
	return c == 0 || c&pv.leadStart.lists != 0 || pv.leadStart.words&firstBit(t.Lower) != 0
}

// pivotMarkHolds is pivotHolds for a pivot of one punctuation mark
// (pv.punct) without a speaker, in a window of up to 64 tokens: the
// positions s before a cue, up to off tokens back, whose token s-1 is
// the mark are those of the window's mask of the mark (marksOf), taken
// by the mask of the positions near the cues (nearCues: what endsAt and
// mayEndAt would tell), tried in order, each once.
func (m *matcher) pivotMarkHolds(n *near, pv *pivot) bool {
	b := m.marksOf(pv.punct) << 1 & nearCues(n.cues, pv.off, 0) &^ (1<<uint(pv.minAt+1) - 1)
	for ; b != 0; b &= b - 1 {
		if m.tiles(n, pv.lead, &pv.leadStart, pv.off, bits.TrailingZeros64(b)) {
			return true
		}
	}
	return false
}

// nearCues returns the mask of the positions s, below 64, from c-back to
// c-to for some cue c of cues (each below 64: a window of up to 64
// tokens), told without a branch per cue.
func nearCues(cues []int, back, to int) uint64 {
	var r uint64
	for _, c := range cues {
		// bits max(c-back, 0) to c-to (none when c-to is -1: a shift by 64)
		r |= ^uint64(0) >> uint(63-c+to) &^ (1<<uint(max(c-back, 0)) - 1)
	}
	return r
}

// pivotSpeakerHolds is pivotHolds for a pivot with a speaker: the
// speaker phrase from a position s after the atoms before ends before a
// cue at s+1 to s+maxSpeakerSpan+off (before the first cue's reach, no
// start s can end before one). In a window of up to 64 tokens, only the
// positions near a cue (nearCues) are tried, and for a pivot of one
// punctuation mark only those after the window's marks (marksOf).
func (m *matcher) pivotSpeakerHolds(n *near, pv *pivot) bool {
	cues, toks := n.cues, m.toks
	if len(cues) == 0 {
		return false
	}
	if len(toks) <= 64 {
		// the positions with a cue 1 to maxSpeakerSpan+off tokens after
		// them (after a mark of pv.punct), in order
		b := nearCues(cues, maxSpeakerSpan+pv.off, 1) &^ (1<<uint(pv.minAt+1) - 1)
		if pv.punct != "" {
			b &= m.marksOf(pv.punct) << 1
		}
		for ; b != 0; b &= b - 1 {
			s := bits.TrailingZeros64(b)
			if pv.punct == "" && (!pv.mayEnd.mayEndAt(m.rs, &toks[s-1]) || !m.endsAt(pv.before, s)) {
				continue
			}
			if m.speakerReaches(n, pv, s) {
				return true
			}
		}
		return false
	}
	k := 0 // cues[k] is the first cue after s
	first := max(pv.minAt+1, cues[0]-maxSpeakerSpan-pv.off)
	if first >= len(toks) {
		return false // (no s: the scan below reads from first on)
	}
	for s := first; s < len(toks); s++ {
		for k < len(cues) && cues[k] <= s {
			k++
		}
		if k == len(cues) {
			break
		}
		if cues[k] > s+maxSpeakerSpan+pv.off {
			continue
		}
		if t := &toks[s-1]; pv.punct != "" && (t.Kind != Punct || t.Text != pv.punct) {
			continue // not the one punctuation mark of before
		}
		// (the one mark of pv.punct, told above, is what endsAt and its
		// filter would tell)
		if pv.punct == "" && (!pv.mayEnd.mayEndAt(m.rs, &toks[s-1]) || !m.endsAt(pv.before, s)) {
			continue
		}
		if m.speakerReaches(n, pv, s) {
			return true
		}
	}
	return false
}

// speakerReaches reports whether a speaker phrase from s that the pivot's
// speaker item admits ends before a cue of n, with the tokens up to it
// tiled by the lead atoms.
func (m *matcher) speakerReaches(n *near, pv *pivot, s int) bool {
	for _, sp := range m.phrasesAt(s) {
		if e := sp.Span.End; pv.speaker.admits(sp.Type) && (!pv.speaker.subject || m.rs.subjectAt(m.toks, s, sp.Type)) && n.cueIn(e, e+pv.off) && m.tiles(n, pv.lead, &pv.leadStart, pv.off, e) {
			return true
		}
	}
	return false
}

// marksOf returns the positions of the window's tokens that are the
// punctuation mark text (at most 64 tokens): those its summary keeps
// for the mark (markAtOf), else those found once and remembered for one
// mark, a mark of one byte (a comma) told by that byte, inline, not by a
// call of the strings' comparison.
func (m *matcher) marksOf(text string) uint64 {
	w := m.Window
	if len(text) == 1 {
		if at, ok := w.markAtOf(text[0]); ok {
			return at
		}
	}
	if w.punctsDone && sameMark(w.markText, text) {
		return w.marks
	}
	return w.findMarks(text)
}

// sameMark is a == b, told by their byte for marks of one byte.
func sameMark(a, b string) bool {
	if len(a) == 1 && len(b) == 1 {
		return a[0] == b[0]
	}
	return a == b
}

// findMarks is marksOf for a mark not remembered: it finds the marks
// among the window's punctuation tokens (punctAt) and remembers them.
func (w *Window) findMarks(text string) uint64 {
	var marks uint64
	for b := w.punctAt(); b != 0; b &= b - 1 {
		if i := bits.TrailingZeros64(b); sameMark(w.toks[i].Text, text) {
			marks |= 1 << uint(i)
		}
	}
	w.marks, w.markText = marks, text
	return marks
}

// punctAt returns the positions of the window's punctuation tokens (at
// most 64 tokens), found on first use: only the pivots ask. It forgets
// the marks of marksOf of the window before.
func (w *Window) punctAt() uint64 {
	if w.punctsDone {
		return w.puncts
	}
	var at uint64
	for i := range w.toks {
		var p uint64
		if w.toks[i].Kind == Punct {
			p = 1
		}
		at |= p << (uint(i) & 63)
	}
	w.puncts, w.punctsDone, w.markText = at, true, ""
	return at
}

// contentAfterOf reports whether a required CONTENT or CLAUSE item
// follows the cue capture in every match of the pattern.
func contentAfterOf(items []*item) bool {
	flat, ci := flatCue(items)
	if ci < 0 {
		return false
	}
	for _, it := range flat[ci+1:] {
		if (it.op == opContent || it.op == opClause) && it.min >= 1 {
			return true
		}
	}
	return false
}

// contentBefore returns the position of the minClauseWords-th word from
// the end of the window (-1 when it has fewer words): the tokens after
// a position hold that many words when it is before it, so that the
// content of a rule whose content follows its cue (CueReach.content)
// can hold after a first cue before it ("…,” she said." holds none).
// Remembered in the window's summary, from a scan of its last tokens.
func (w *Window) contentBefore() int {
	ks := &w.kinds
	if ks.wordsEnd == 0 {
		p, words := len(w.toks)-1, 0
		for ; p >= 0; p-- {
			if w.toks[p].Kind == Word {
				if words++; words >= minClauseWords {
					break
				}
			}
		}
		ks.wordsEnd = int32(p + 2)
	}
	return int(ks.wordsEnd) - 2
}

// minLeadOf returns the fewest tokens that the items of a pattern match
// before its cue capture: a cue entry stands at least that many tokens
// after the start of a match.
func minLeadOf(items []*item) int {
	var flat []*item
	flatten(items, &flat)
	n := 0
	for _, it := range flat {
		if it.capture == "cue" {
			return n
		}
		n += minSpan(it)
	}
	return 0 // no cue capture: no bound
}

// minSpans returns the fewest tokens that the items match in sequence.
func minSpans(items []*item) int {
	n := 0
	for _, it := range items {
		n += minSpan(it)
	}
	return n
}

// minSpan returns the fewest tokens item it can match. Reported content
// (CLAUSE, CONTENT) holds at least minClauseWords words (see clause).
func minSpan(it *item) int {
	one := 1
	switch it.op {
	case opStart, opEnd:
		return 0
	case opClause, opContent:
		one = minClauseWords
	case opLit:
		one = len(it.lit)
	case opGroup:
		one = -1
		for _, alt := range it.alts {
			n := 0
			for _, a := range alt {
				n += minSpan(a)
			}
			if one < 0 || n < one {
				one = n
			}
		}
		one = max(one, 0)
	}
	return one * it.min
}

// flatCue returns the items of a pattern flattened (see flatten) and the
// index of the cue capture among them, or -1.
func flatCue(items []*item) ([]*item, int) {
	var flat []*item
	flatten(items, &flat)
	for i, it := range flat {
		if it.capture == "cue" {
			return flat, i
		}
	}
	return flat, -1
}

// ContentBeforeCue reports whether a match of the rule can capture content
// that does not begin at or after the start of its cue: false only when
// the pattern reaches its cue capture, item by item, before any item that
// captures content (CONTENT, CLAUSE, content:(…), or a group that holds
// one), so that every content capture begins at or after the cue's end.
func (r *AttrRule) ContentBeforeCue() bool {
	return r.Pattern == nil || cueFirst(r.Pattern.its()) != 1
}

// cueFirst tells what comes first in items, matched in order: 1 for the
// cue capture, 2 for an item that may capture content (or a group that
// holds the cue among alternatives or repeated), 0 for neither.
func cueFirst(items []*item) int {
	for _, it := range items {
		switch {
		case it.capture == "cue":
			return 1
		case it.op == opContent || it.op == opClause || it.capture == "content":
			return 2
		case it.op != opGroup:
			continue
		case len(it.alts) == 1 && it.min == 1 && it.max == 1:
			if r := cueFirst(it.alts[0]); r != 0 {
				return r
			}
		default:
			for _, alt := range it.alts {
				if cueFirst(alt) != 0 {
					return 2
				}
			}
		}
	}
	return 0
}
