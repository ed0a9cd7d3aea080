package rules

import "unicode"

// The atoms of a pattern: the items that match one token or a fixed run
// of tokens (a literal, a punctuation mark, a list entry, ANY, CAP …),
// told at a position by the matcher (see match.go for the sequences and
// repetitions made of them).

// atomAt reports whether a one-token-or-more atom of it matches at pos
// (for opLit, opPunct, opDash, opCap, opUpper, opOtherQuote, opQuote, opAny,
// opList, opNot). The usual atoms (ANY, a punctuation, a literal) are told
// by direct tests, the others by atomOther: a switch's jump table there
// is an indirect branch that mispredicts.
func (m *matcher) atomAt(it *item, pos int) bool {
	toks := m.toks
	if pos >= len(toks) {
		return false
	}
	t := &toks[pos]
	op := it.op
	if op == opAny {
		return t.Kind != QuoteT
	}
	if op == opPunct {
		return t.Kind == Punct && t.Text == it.punct
	}
	if op == opLit {
		return litAt(it.lit, toks, pos)
	}
	return m.atomOther(it, pos)
}

// litAt reports whether the literal words lit match at pos (the words of
// the tokens from pos on, lower-cased).
func litAt(lit []string, toks []Token, pos int) bool {
	if pos+len(lit) > len(toks) {
		return false
	}
	for j, w := range lit {
		if toks[pos+j].Lower != w {
			return false
		}
	}
	return true
}

// atomOther is atomAt for the atoms it does not test itself, at a pos
// before the end.
//
//go:noinline
func (m *matcher) atomOther(it *item, pos int) bool {
	toks := m.toks
	t := &toks[pos]
	switch it.op {
	case opQuote:
		return t.Kind == QuoteT && pos == m.quote
	case opOtherQuote:
		return t.Kind == QuoteT && pos != m.quote
	case opClause, opContent: // where reported content can start
		return m.clauseStart(pos)
	case opCap:
		return t.Kind == Word && t.Cap
	case opUpper:
		return t.Kind == Word && t.Cap && isUpperWord(t.Text)
	case opDash:
		return t.Kind == Dash
	case opList:
		return it.list != nil && m.mayList(it.list, pos) && m.rs.ListAt(it.list, toks, pos) > 0
	case opNot:
		return t.Kind != QuoteT && !m.negAt(it, pos)
	}
	return true
}

// negAt reports whether the item X of not:X (it.neg) matches at pos. X
// captures nothing; the speaker phrase that a SPEAKER inside it takes is
// put back, so that X leaves the match as it found it.
func (m *matcher) negAt(it *item, pos int) bool {
	spk, has, follow := m.speaker, m.hasSpk, m.follow
	ok := m.seq(it.neg, 0, pos, func(int) bool { return true })
	m.speaker, m.hasSpk, m.follow = spk, has, follow
	return ok
}

// isPunct reports whether the token at pos is the punctuation p: atomAt
// of an opPunct item, told without its dispatch.
func (m *matcher) isPunct(p string, pos int) bool {
	return pos < len(m.toks) && m.toks[pos].Kind == Punct && m.toks[pos].Text == p
}

// tokAt reports whether a tok item matches at pos, counting the steps of
// the alternatives of a group tried up to the one that matches (one for
// each, two for the matching one); over reports going over maxSteps.
func (m *matcher) tokAt(it *item, pos int) (ok, over bool) {
	if it.op != opGroup {
		return m.atomAt(it, pos), false
	}
	for _, alt := range it.alts {
		if m.step() {
			return false, true
		}
		if m.atomAt(alt[0], pos) {
			return true, m.step()
		}
	}
	return false, false
}

// tokRest counts the steps of the alternatives of a tok group after the one
// that matched at pos (none of which matches there), once the repetitions
// after it failed; it reports going over maxSteps.
func (m *matcher) tokRest(it *item, pos int) bool {
	after := false
	for _, alt := range it.alts {
		if after {
			if m.step() {
				return true
			}
		} else if m.atomAt(alt[0], pos) {
			after = true
		}
	}
	return false
}

// atomEnd returns the end of a match of the atom it (any item but a
// group, a speaker phrase or reported content) at pos, or -1 when it does
// not match there. A list, the usual atom, is told first.
func (m *matcher) atomEnd(it *item, pos int) int {
	toks := m.toks
	op := it.op
	if op == opList {
		if pos >= len(toks) || it.list == nil || !m.mayList(it.list, pos) {
			return -1
		}
		if n := m.rs.ListAt(it.list, toks, pos); n > 0 {
			return pos + n
		}
		return -1
	}
	switch op {
	case opStart:
		if pos == 0 {
			return pos
		}
		return -1
	case opEnd:
		for j := pos; j < len(toks); j++ {
			if toks[j].Kind != Punct {
				return -1
			}
		}
		return pos
	}
	if pos >= len(toks) {
		return -1
	}
	if op == opLit {
		if litAt(it.lit, toks, pos) {
			return pos + len(it.lit)
		}
		return -1
	}
	if m.atomAt(it, pos) {
		return pos + 1
	}
	return -1
}

// isUpperWord reports whether w has two letters or more and no lower-case
// letter: a transcript label (PENCE, MR., O'ROURKE).
func isUpperWord(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			n++
		}
	}
	return n >= 2
}
