package rules

import (
	"cmp"
	"slices"
)

// seqGuard tells, for the rest of a sequence after a tok item, the atoms
// that seq tries at a position before it fails there when none of them
// matches, and the steps that seq counts then: repTok does not call the
// rest where none of the atoms matches, and counts those steps, so that
// maxSteps gives up where it did before. (ANY | OTHERQUOTE){1,30} ( , | –
// | ,? ( by | while ) ) cue:… calls the rest at a comma, a dash, by or
// while only.
type seqGuard struct {
	atoms []*item
	steps int
	// end: the items of the sequence the guard reads end before end (a
	// sequence cut before it, as explain's prefixes are, is not guarded)
	end int
	// owner, when not nil, is the ruleset of every list item among the
	// atoms, which come after the others other atoms (see bindBits), and
	// bits is the union of their lists' class bits: a token that owner
	// classified is told by them at once.
	owner  *Ruleset
	bits   uint64
	others int
	// keys and firsts, with owner, are the unions of the lists' filters
	// of the words that start their phrases (List.phraseKeys folded into
	// one word, List.firsts): a word that they turn away starts a phrase
	// of none of the lists, which fails tells without trying them.
	keys, firsts uint64
	// lits, with owner, tells that the atoms before the lists are all
	// literals (or none), and litFirsts is the union of their first
	// words' firstBit: where no phrase of a list starts, a word that it
	// turns away matches none of the atoms (fails tells it without its
	// loop over them, whose exit mispredicted).
	lits      bool
	litFirsts uint64
	// buf holds the atoms when they fit (most guards have one or two;
	// see newGuard)
	buf [3]*item
}

// newGuard returns a guard of steps 0, whose atoms fill its own array
// first (append moves them out when they do not fit).
func newGuard() *seqGuard {
	g := &seqGuard{}
	g.atoms = g.buf[:0]
	return g
}

// fails reports whether no atom of g matches at pos.
func (g *seqGuard) fails(m *matcher, pos int) bool {
	if pos >= len(m.toks) {
		return true // (atomAt is false past the end)
	}
	t, rs := &m.toks[pos], m.rs
	c := t.class
	atoms := g.atoms
	if c != 0 && g.owner == rs {
		if c&g.bits != 0 {
			return false // a word of one of the lists
		}
		if !g.phraseMay(c, t.Lower) {
			if g.lits && g.litFirsts&firstBit(t.Lower) == 0 {
				return true // no literal starts with the word either
			}
			atoms = atoms[:g.others] // no phrase of a list starts here
		}
	}
	for _, a := range atoms {
		// the usual atoms told here, not by a call; a list first, as
		// most atoms are (a test each: a switch's binary search of the
		// op mispredicts)
		if a.op == opList { // (atomAt's test: ListAt's first tests here)
			l := a.list
			if l == nil {
				continue
			}
			if c != 0 && l.owner == rs {
				if c&l.bit != 0 {
					return false // a word of the list
				}
				if c&classPhraseStart == 0 || l.maxLen <= 1 || l.firsts&firstBit(t.Lower) == 0 {
					continue // no phrase of the list starts with the word
				}
			}
			if rs.ListAt(l, m.toks, pos) > 0 {
				return false
			}
		} else if a.op == opLit {
			if t.Lower == a.lit[0] && litAt(a.lit, m.toks, pos) {
				return false
			}
		} else if a.op == opPunct {
			if t.Kind == Punct && t.Text == a.punct {
				return false
			}
		} else if a.op == opDash {
			if t.Kind == Dash {
				return false
			}
		} else if m.atomAt(a, pos) {
			return false
		}
	}
	return true
}

// phraseMay reports whether a phrase of one of g's lists may start with
// the word lower of classes c, by the unions of their filters, as ListAt
// tells it by each list's (false: ListAt finds no phrase of any): the
// filter of the classes first, without a branch on classPhraseStart (set
// for one word in three, foretold by no predictor).
func (g *seqGuard) phraseMay(c uint64, lower string) bool {
	_, b := phraseKeyBit(c)
	return g.keys&b != 0 && c&classPhraseStart != 0 && g.firsts&firstBit(lower) != 0
}

// bindBits puts the list items among g's atoms after the others (the
// order in which fails tries them does not change its answer) and sets
// g.others, and g.owner and g.bits when the lists of those items all have
// one owner (a class bit each): nil when there is none, or when a list
// is not bound yet (bindGuards sets them again once the lists have their
// bits).
func (g *seqGuard) bindBits() {
	slices.SortStableFunc(g.atoms, func(a, b *item) int {
		return cmp.Compare(boolInt(a.op == opList), boolInt(b.op == opList))
	})
	g.owner, g.bits, g.others, g.keys, g.firsts = nil, 0, len(g.atoms), 0, 0
	g.lits, g.litFirsts = true, 0
	for _, a := range g.atoms {
		if a.op == opList {
			break
		}
		if a.op != opLit {
			g.lits = false
		} else {
			g.litFirsts |= firstBit(a.lit[0])
		}
	}
	var owner *Ruleset
	var bits, keys, firsts uint64
	for i, a := range g.atoms {
		if a.op != opList {
			continue
		}
		if g.others == len(g.atoms) {
			g.others = i
		}
		l := a.list
		if l == nil || l.owner == nil || owner != nil && l.owner != owner {
			return
		}
		owner, bits = l.owner, bits|l.bit
		if l.maxLen > 1 { // (a list of words alone starts no phrase)
			keys |= l.phraseKeys[0] | l.phraseKeys[1] | l.phraseKeys[2] | l.phraseKeys[3]
			firsts |= l.firsts
		}
	}
	g.owner, g.bits, g.keys, g.firsts = owner, bits, keys, firsts
}

// boolInt is 1 for true, 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// bindGuards sets the class bits of the guards of the items of its, and of
// the items inside them (see bindBits).
func bindGuards(its []*item) {
	for _, it := range its {
		for _, g := range [2]*seqGuard{it.after, it.skip} {
			if g != nil {
				g.bindBits()
			}
		}
		for _, alt := range it.alts {
			bindGuards(alt)
		}
		bindGuards(it.neg)
	}
}

// bindRuleGuards sets the class bits of the guards of the rules' patterns
// read so far, once the lists have their bits (resolve, after bindLists;
// a pattern read on first use sets them as it is read).
func (rs *Ruleset) bindRuleGuards() {
	for _, r := range rs.Attribution {
		if p := r.Pattern; p != nil && (p.lazy == nil || p.lazy.done.Load()) {
			bindGuards(p.items)
		}
	}
}

// setGuards sets the guard of each repeated tok item of the sequence its
// whose rest a group leads (after an optional atom at most), when
// failAtoms can tell it. (An item matched once at most calls the rest at
// two positions at most: where the guard lets it, the atoms are tried
// twice, and the guard costs more than it saves.)
func setGuards(its []*item) {
	for i, it := range its {
		it.after, it.skip = nil, skipGuard(it)
		it.skips = it.skip != nil
		if !it.tok || it.max < 2 || !groupLeads(its, i+1) {
			continue
		}
		g := newGuard()
		if g.steps, g.end = failAtoms(its, i+1, &g.atoms); g.steps > 0 {
			it.after = g
			g.bindBits()
		}
	}
}

// skipGuard returns, for a group that is not a tok item, the atoms that
// its alternatives try first and the steps that rep counts when none of
// them matches (rep's own, then each alternative's failing trial), after
// which rep goes on with the rest of the sequence at the same token, for
// a group that may match nothing (X? or X{0,n}), or fails, for one that
// must match (X or X{1,n}): seq goes on in place there, or fails, without
// rep's and one's calls and closures. It returns nil when failAtoms
// cannot tell an alternative's trial.
func skipGuard(it *item) *seqGuard {
	if it.op != opGroup || it.tok || it.max < 1 {
		return nil
	}
	g := newGuard()
	g.steps = 1 // rep(it, 0, …)
	for _, alt := range it.alts {
		s, _ := failAtoms(alt, 0, &g.atoms)
		if s == 0 {
			return nil
		}
		g.steps += s
	}
	g.bindBits()
	return g
}

// groupLeads reports whether a group that is not a tok item comes first in
// items[i:], after an optional atom at most: where the group cannot start,
// its failing trial costs more than a guard's atoms do.
func groupLeads(items []*item, i int) bool {
	if i < len(items) && items[i].op != opGroup && !items[i].tok && items[i].min == 0 && items[i].max == 1 {
		i++ // an optional atom, such as ,? before ( and | but )
	}
	return i < len(items) && items[i].op == opGroup && !items[i].tok
}

// guardAtom reports whether seq tries the atom it at a position by
// atomAt alone (atomEnd is atomAt for it), counting no step of its own:
// not a zero-width one, a speaker phrase, reported content or a negation.
func guardAtom(it *item) bool {
	switch it.op {
	case opLit, opList, opPunct, opDash, opCap, opUpper, opQuote, opOtherQuote, opAny:
		return true
	}
	return false
}

// failAtoms appends to atoms the atoms that seq(items, i, pos, k) tries at
// pos and returns the steps it counts when none of them matches there:
// then it fails before it calls k or binds anything (an optional item, or
// one repeated from zero times, lets it go on to the next item at the
// same pos), and end is the index after the last item it tries. It
// returns 0 steps when it cannot tell: an item it does not follow, or k
// called at pos.
func failAtoms(items []*item, i int, atoms *[]*item) (steps, end int) {
	for ; i < len(items); i++ {
		it := items[i]
		if !inPlaceItem(it) {
			break
		}
		// matched in place by seq: one step, then the atom
		if !guardAtom(it) {
			return 0, 0
		}
		steps++
		*atoms = append(*atoms, it)
		if it.min > 0 {
			return steps, i + 1
		}
	}
	if i == len(items) {
		return 0, 0 // k(pos)
	}
	it := items[i]
	steps++ // rep(it, 0, …), or repTok's first step
	switch {
	case it.max == 0:
	case it.tok && it.op == opGroup: // tokAt: a step for each alternative
		for _, alt := range it.alts {
			if !guardAtom(alt[0]) {
				return 0, 0
			}
			steps++
			*atoms = append(*atoms, alt[0])
		}
	case it.op == opGroup: // one tries each alternative
		for _, alt := range it.alts {
			s, _ := failAtoms(alt, 0, atoms)
			if s == 0 {
				return 0, 0
			}
			steps += s
		}
	case guardAtom(it):
		*atoms = append(*atoms, it)
	default:
		return 0, 0
	}
	if it.min > 0 {
		return steps, i + 1
	}
	// repeated from zero times: the rest of the sequence at pos (a
	// required punctuation after a tok item, repTok's guard, counts the
	// one step that its own trial counts)
	s, end := failAtoms(items, i+1, atoms)
	if s == 0 {
		return 0, 0
	}
	return steps + s, end
}
