package rules

import "math/bits"

// The mark a window's summary keeps the positions of: most rules of
// reported speech ask for one punctuation mark next to their cues, before
// them (a pivot of one mark: `CLAUSE , cue:…`, `CLAUSE , SPEAKER cue:…`)
// or after them (a cue mark: `SPEAKER cue:… , CONTENT`). Which mark that
// is comes from the rules when their Needs are compiled (markOfRules);
// the summary, made in one pass over the window's tokens, keeps where it
// stands (kindSummary.markAt), so that the pivots (marksOf) and the cue
// marks (tellMarks) read its positions rather than the tokens again.

// markOfRules returns the punctuation mark of one ASCII byte that the
// most of rules ask for, as the one mark of their pivot or as their cue
// mark (the lowest such byte of those asked as often), or 0 when none
// asks for one.
func markOfRules(rules []*AttrRule) byte {
	var count [128]int
	for _, r := range rules {
		if r.Pattern == nil || len(r.CueLists()) == 0 {
			continue
		}
		// (CueReach's pivot and cue mark, without the rest of it)
		its := r.Pattern.its()
		var asked [2]uint64 // the bytes this rule asks for, counted once
		if pv := pivotOf(its); pv != nil && len(pv.punct) == 1 && pv.punct[0] < 128 {
			asked[pv.punct[0]>>6] |= 1 << (pv.punct[0] & 63)
		}
		if c, _ := cueContentOf(its).markOf(); c != 0 && c < 128 {
			asked[c>>6] |= 1 << (c & 63)
		}
		for h, a := range asked {
			for ; a != 0; a &= a - 1 {
				count[h<<6|bits.TrailingZeros64(a)]++
			}
		}
	}
	var mark byte
	for c := 1; c < len(count); c++ {
		if count[c] > count[mark] {
			mark = byte(c)
		}
	}
	return mark
}

// summaryMark returns the mark whose positions a window's summary keeps
// for the needs ns (Needs.mark), 0 when ns is nil.
func (ns *Needs) summaryMark() byte {
	if ns == nil {
		return 0
	}
	return ns.mark
}

// markAtOf returns the positions of the window's tokens that are the
// mark of one byte c (not 0), and whether its summary keeps them (a
// window of at most 64 tokens summarized for needs of that mark).
func (w *Window) markAtOf(c byte) (uint64, bool) {
	ks := &w.kinds
	return ks.markAt, ks.mark == c && c != 0
}
