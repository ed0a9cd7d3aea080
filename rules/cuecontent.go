package rules

import "slices"

// cueContent is, for a pattern whose cue capture ends with its cue verb
// (a list, or a group of alternatives each opening with one: @speech_verbs
// | @tell_verbs (@addressees | SPEAKER)) and is followed by its reported
// content (CONTENT or CLAUSE) after items that hold no other content or
// quotation, what a match reads from the verb's entry to where the
// content opens: per alternative, the verb's list and the items after it.
type cueContent struct {
	verbs []*item
	rests [][]*item
	// skip is, per alternative, whether its items may all match nothing:
	// content that opens right after the verb then holds without them
	skip []bool
	// tail: no content follows the cue capture, and the items after the
	// verb run to the end of the pattern (^ CLAUSE , cue:… SPEAKER ( , | $ )):
	// a match's cue verb stands where they match, to any end
	tail bool
	// alts holds what cueContentHolds reads of each alternative, side by
	// side (no load of the verb item, no three slices): made by told
	alts []cueAlt
}

// cueAlt is an alternative of a cueContent as cueContentHolds reads it:
// its verb item's list, the items after it, skip, and what the items
// after it need (needOf).
type cueAlt struct {
	list *List
	rest []*item
	skip bool
	need cueNeed
}

// setAlts makes cc.alts from the alternatives' slices.
func (cc *cueContent) setAlts() {
	cc.alts = cc.alts[:0]
	for i, v := range cc.verbs {
		cc.alts = append(cc.alts, cueAlt{v.list, cc.rests[i], cc.skip[i], needOf(cc.rests[i])})
	}
}

// cueContentOf returns the pattern's cueContent, or nil (also when no
// content follows the cue capture and every item after the verb may
// match nothing: the test would pass every cue).
func cueContentOf(items []*item) *cueContent {
	flat, ci := flatCue(items)
	if ci < 0 {
		return nil
	}
	capture := flat[ci]
	if capture.min != 1 || capture.max != 1 || capture.op != opList && (capture.op != opGroup || len(capture.alts) == 0) {
		return nil
	}
	// the items from the capture to the content
	var between []*item
	found := false
	for _, it := range flat[ci+1:] {
		if (it.op == opContent || it.op == opClause) && it.min >= 1 {
			found = true
			break
		}
		if !contentFree(it) {
			return nil
		}
		between = append(between, it)
	}
	cc := &cueContent{tail: !found}
	add := func(verb *item, rest []*item) bool {
		if verb.op != opList || verb.list == nil || verb.min != 1 || verb.max != 1 || verb.capture != "" && verb != capture {
			return false
		}
		for _, it := range rest {
			if !contentFree(it) {
				return false
			}
		}
		cc.verbs = append(cc.verbs, verb)
		its := append(append([]*item(nil), rest...), between...)
		cc.rests = append(cc.rests, its)
		skip := true
		for _, it := range its {
			skip = skip && it.min == 0
		}
		cc.skip = append(cc.skip, skip)
		return true
	}
	if capture.op == opList { // cue:@list
		if !add(capture, nil) {
			return nil
		}
		return cc.told()
	}
	if len(capture.alts) > 1 { // cue:(@list | @list): each a verb
		for _, a := range capture.alts {
			if len(a) != 1 || !add(a[0], nil) {
				return nil
			}
		}
		return cc.told()
	}
	alt := capture.alts[0]
	last := alt[len(alt)-1]
	switch {
	case last.op == opList:
		if !add(last, nil) {
			return nil
		}
	case last.op == opGroup && last.min == 1 && last.max == 1 && last.capture == "":
		for _, a := range last.alts {
			if len(a) == 0 || !add(a[0], a[1:]) {
				return nil
			}
		}
	default:
		return nil
	}
	return cc.told()
}

// told returns cc, or nil when it is a tail that every cue passes (the
// items after each verb may all match nothing).
func (cc *cueContent) told() *cueContent {
	if cc.tail && !slices.Contains(cc.skip, false) {
		return nil
	}
	cc.setAlts()
	return cc
}

// markOf returns the one-byte punctuation mark that the items after the
// verb of every alternative of cc open with, as a required atom (the
// comma of SPEAKER said , CONTENT), and the most tokens of an entry of
// the verbs' lists: a match has the mark 1 to that many tokens after a
// cue (CueMarks). 0, 0 when cc is nil, an alternative's items open
// otherwise, the marks differ or an entry is too long to count in a byte.
func (cc *cueContent) markOf() (byte, uint8) {
	if cc == nil {
		return 0, 0
	}
	var mark byte
	span := 1
	for i, v := range cc.verbs {
		rest := cc.rests[i]
		if len(rest) == 0 || v.list == nil {
			return 0, 0
		}
		it := rest[0]
		if it.op != opPunct || it.min < 1 || len(it.punct) != 1 || it.punct[0] >= 0x80 || mark != 0 && it.punct[0] != mark {
			return 0, 0
		}
		mark = it.punct[0]
		span = max(span, v.list.maxLen)
	}
	if span > 255 {
		return 0, 0
	}
	return mark, uint8(span)
}

// anyEnd is the continuation of a tail's items (cueContent.tail): the
// pattern ends after them.
func anyEnd(int) bool { return true }

// contentFree reports whether item it holds no reported content or
// quotation, inside groups too.
func contentFree(it *item) bool {
	switch it.op {
	case opContent, opClause, opQuote, opOtherQuote:
		return false
	case opGroup:
		for _, alt := range it.alts {
			for _, a := range alt {
				if !contentFree(a) {
					return false
				}
			}
		}
	}
	return true
}

// cueContentHolds keeps, of the cues of n, those from whose cue verb
// the items after it match up to a token where reported content can open
// (clauseStart), as the matcher matches them, and reports whether one is
// left: a match's cue verb stands at such a cue, so the starts that reach
// no other are not tried, and the rule not at all when none is left (Jane
// Doe said in a statement. — the content cannot open at in). The kept cues
// are in the window's buffer until the next call. The matcher's steps,
// captures and speaker are put back.
func (m *matcher) cueContentHolds(n *near) bool {
	cc := n.reach.cueContent
	if cc == nil {
		return true
	}
	// (put back at the end, not by a deferred call: seq does not panic,
	// and the defer cost a tenth of the test)
	steps, caps, spk, has := m.steps, len(m.caps), m.speaker, m.hasSpk
	w := m.Window
	opens := m.clauseStart
	if cc.tail {
		opens = anyEnd
	}
	kept := w.contentCues[:0]
	for _, c := range n.cues {
		for i := range cc.alts {
			if m.cueVerbHolds(&cc.alts[i], c, opens) {
				kept = append(kept, c)
				break
			}
		}
	}
	m.steps, m.caps, m.speaker, m.hasSpk = steps, m.caps[:caps], spk, has
	w.contentCues = kept
	if len(kept) < len(n.cues) {
		n.cues = kept
	}
	return len(kept) > 0
}

// cueVerbHolds reports whether alternative a of a cueContent has its
// verb's entry at cue c, and the items after it match from there up to a
// token where opens holds (or go over the step limit: no test then). The
// matcher's steps and captures are left to the caller to put back.
func (m *matcher) cueVerbHolds(a *cueAlt, c int, opens func(int) bool) bool {
	k := m.entryLen(a.list, c)
	if k == 0 {
		return false
	}
	if a.skip && opens(c+k) {
		return true // as seq finds when all the items match nothing
	}
	if a.need.atoms != nil && !m.needReached(&a.need, c+k) {
		return false // (seq would fail: no match of the items from c+k)
	}
	m.steps = 0
	return m.seq(a.rest, 0, c+k, opens) || m.steps > m.limit
}
