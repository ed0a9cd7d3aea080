package rules

// cueNeed is what the items after a cue verb need (cueAlt.need): the
// last required item of the sequence, when it is an atom or a group of
// one-atom alternatives, and the most tokens that the items before it
// span. A match of the items from a position p has one of the atoms
// starting from p to p+reach (an end of the window, `$`, up to
// p+reach), so that where none does, cueVerbHolds turns the cue away
// without seq's walk of the optional items before it (SPEAKER said
// (@addressees | CAP{1,4})? (@time_words{1,3})? (@not_clause_openers
// ANY{0,6})? ,? @reporting_conjunctions CONTENT: the conjunction is
// looked for at 16 tokens at most).
type cueNeed struct {
	atoms []*item // nil: nothing told
	reach int
}

// needOf returns the cueNeed of the items rest, or a zero one when their
// last required item is not such an atom or a group of them, or the
// items before it are not bounded.
func needOf(rest []*item) cueNeed {
	for i := len(rest) - 1; i >= 0; i-- {
		it := rest[i]
		if it.min == 0 {
			continue
		}
		var atoms []*item
		if needAtom(it) {
			atoms = []*item{it}
		} else if it.op == opGroup && it.capture == "" && len(it.alts) > 0 {
			for _, alt := range it.alts {
				if len(alt) != 1 || alt[0].min != 1 || !needAtom(alt[0]) {
					return cueNeed{}
				}
				atoms = append(atoms, alt[0])
			}
		} else {
			return cueNeed{}
		}
		if holdsSpeaker(rest[:i]) { // (span bounds a speaker phrase by maxSpeakerSpan, which bounds no match)
			return cueNeed{}
		}
		reach := 0
		for _, b := range rest[:i] {
			n := span(b)
			if n < 0 {
				return cueNeed{}
			}
			reach += n
		}
		return cueNeed{atoms, reach}
	}
	return cueNeed{}
}

// needAtom reports whether item it is an atom that needReached tells: a
// list, a literal, a punctuation mark or the end of the window.
func needAtom(it *item) bool {
	switch it.op {
	case opList:
		return it.list != nil
	case opLit, opPunct, opEnd:
		return true
	}
	return false
}

// needReached reports whether one of the atoms of n matches at a token
// from p to p+n.reach (the end of the window: from where the trailing
// punctuation starts). A list without phrases is told by the tokens'
// classes (ListAt where one is not classified).
func (m *matcher) needReached(n *cueNeed, p int) bool {
	toks := m.toks
	span := toks[p:min(p+n.reach+1, len(toks))] // the tokens tried
	for _, it := range n.atoms {
		switch it.op {
		case opEnd:
			e := len(toks)
			for e > 0 && toks[e-1].Kind == Punct {
				e--
			}
			if e <= p+n.reach { // (at max(p, e): p <= len(toks), a cue's entry ends in the window)
				return true
			}
		case opList:
			l := it.list
			if l.owner == m.rs && l.maxLen <= 1 {
				all := ^uint64(0)
				for i := range span {
					c := span[i].class
					if c&l.bit != 0 {
						return true
					}
					all &= c
				}
				if all&classified != 0 {
					continue // (every token classified: none in l)
				}
			}
			for q := range span {
				if m.mayList(l, p+q) && m.rs.ListAt(l, toks, p+q) > 0 {
					return true
				}
			}
		case opPunct:
			for i := range span {
				if t := &span[i]; t.Kind == Punct && t.Text == it.punct {
					return true
				}
			}
		default: // opLit
			for q := range span {
				if litAt(it.lit, toks, p+q) {
					return true
				}
			}
		}
	}
	return false
}
