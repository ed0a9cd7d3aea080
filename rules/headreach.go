package rules

// HeadReach returns how many tokens from the first the matcher can read
// while it matches r, when r is anchored at the start (^) and every item
// of its pattern reads a bounded number of tokens: every repetition at its
// most, a list at its longest entry, not:X at what X reads. Then r matched
// on the first HeadReach tokens of a window, or more, matches as it does on
// the whole window. ok is false for a rule that is not anchored (its match
// nearest the window's end wins), and for one with an item that reads
// further than it matches or to the window's end: SPEAKER (its phrase
// parse looks past the phrase), $, CLAUSE and CONTENT.
func (r *AttrRule) HeadReach() (n int, ok bool) {
	if !r.Anchored() {
		return 0, false
	}
	return seqReach(r.Pattern.its())
}

// seqReach is the tokens that the items its, in sequence, can read (see
// HeadReach).
func seqReach(its []*item) (int, bool) {
	n := 0
	for _, it := range its {
		k, ok := itemReach(it)
		if !ok {
			return 0, false
		}
		n += k
	}
	return n, true
}

// itemReach is seqReach for one item, at its most repetitions.
func itemReach(it *item) (int, bool) {
	one := 1
	switch it.op {
	case opStart:
		return 0, true
	case opSpeaker, opEnd, opClause, opContent:
		return 0, false
	case opLit:
		one = len(it.lit)
	case opList:
		if it.list != nil {
			one = max(1, it.list.maxLen)
		}
	case opGroup:
		for _, alt := range it.alts {
			k, ok := seqReach(alt)
			if !ok {
				return 0, false
			}
			one = max(one, k)
		}
	case opNot:
		k, ok := seqReach(it.neg)
		if !ok {
			return 0, false
		}
		one = max(one, k)
	}
	return one * it.max, true
}
