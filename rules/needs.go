package rules

import (
	"math"
	"math/bits"
	"slices"
)

// Needs is what Window.possibleMemo tells of a set of rules of reported
// speech — can every required item of the pattern match somewhere in the
// window? — compiled once for the set, so that a window answers it for
// every rule of the set from one bit set of facts instead of walking each
// pattern's items: a fact is one atom (a list, a literal, a punctuation
// mark, a dash…) that occurs in the window or not, told once per window
// and shared by the rules that need it (most of them need the speech
// verbs, a comma, that).
//
// A rule's need is a conjunction of clauses, one per required item of its
// pattern; a clause is a disjunction of terms (the alternatives of a
// group), and a term a conjunction of facts (a bit set). It is the boolean
// function that possible computes, leaf for leaf, but for the literal
// right after the ^ of an anchored pattern, whose fact is that it stands
// at the first token (^ holds there only: Needs.first); a part too large
// to compile (more than maxNeedTerms terms, more than 64 facts) is left
// out, which can only make the need hold where possible would not — never
// where the pattern cannot match. A Needs is read-only once made, safe for
// concurrent use.
type Needs struct {
	facts []*item // the atom of each fact, by bit
	// first has the facts of a literal that must stand at the window's
	// first token, not anywhere: the literal right after the ^ of an
	// anchored pattern (^ as SPEAKER …), which ^ holds at token 0 only;
	// told by one comparison, not a scan of the window
	first uint64
	rules []ruleNeed
	// terms holds the clauses of several terms of the rules, one after
	// another (see ruleNeed), in one array that a window reads without a
	// pointer per clause
	terms []uint64
	// byFact has, per fact, bit ri for the first 64 rules whose all holds
	// it (NeedsFail's masks)
	byFact [64]uint64
	inAll  uint64 // the facts with a bit in byFact
	// lits holds, per fact of a literal, the class table's classes of its
	// first word in owner, the ruleset of the lists of the facts (nil when
	// none has a list: litOccurs looks them up)
	lits  []uint64
	owner *Ruleset
	// quote: the needs of rules tried on a quotation's sentence
	// (NewQuoteNeeds)
	quote bool
	// sum is what tellSummary reads to tell at once the facts that a
	// window's summary decides
	sum summaryFacts
	// mark is the punctuation mark of one ASCII byte that the most rules
	// ask for before or after their cues (their pivots' one mark, their
	// cue marks: markOfRules), 0 for none: a window's summary made for
	// these needs keeps the positions of its tokens (kindSummary.markAt)
	mark byte
}

// summaryFacts tells which facts of a Needs a window's summary (its
// classes, phrase starts, punctuation, dashes, capitals and quotations)
// decides, and how: what tellFact would find for each, in one pass over
// the bits of the summary instead of a call per fact.
type summaryFacts struct {
	// lists: the facts of lists of owner, known once the summary is
	// (held, or not startable by a phrase of the window); listFacts
	// their lists' class bits and filters of first words
	lists     uint64
	listFacts []listFact
	// puncts are the facts of one ASCII mark; dash, caps and others the
	// facts of DASH, CAP and OTHERQUOTE
	puncts             []punctFact
	dash, caps, others uint64
	// first: the facts of a literal at the first token (Needs.first),
	// told by a comparison of the first tokens; firsts their literals
	first  uint64
	firsts []firstFact
}

// firstFact is a fact of a literal at the first token, with the class
// table's classes of its first word (a token of the word has them all).
type firstFact struct {
	lit     []string
	bit     uint64
	classes uint64
}

// listFact is a fact of a list of the owner: its class bits (a word of
// the window with one holds the fact) and the filter of its phrases'
// first words (List.firsts: a phrase may start in a window whose
// summary's starts meet it).
type listFact struct {
	class, firsts, bit uint64
}

// punctFact is a fact of one ASCII punctuation mark.
type punctFact struct {
	c   byte
	bit uint64
}

// ruleNeed is the need of one rule of a Needs, read by NeedsHold at
// once.
type ruleNeed struct {
	// all is the facts of its clauses of one term, which must all hold
	// (most clauses are one fact: a list, a comma)
	all uint64
	// clauses are its clauses of several terms, Needs.terms[lo:lo+n]:
	// each the number of its terms, then the terms (NewQuoteNeeds only)
	lo    uint16
	n     uint16
	exact bool // whether nothing was left out
	// plain: no clause of several terms, and tells false (NeedsHold's
	// inlined test)
	plain bool
	// tells: a need that holds tells the window's memo of possible
	// patterns so (exact, or only clauses of several terms left out; in
	// a NewNeeds, only for a rule without cue lists: MatchNear, which
	// matches the others, asks no possible)
	tells bool
}

// maxNeedTerms bounds the terms of one clause.
const maxNeedTerms = 16

// NewNeeds compiles the needs of rules (in that order: Window.NeedsHold
// takes the index of a rule), without their clauses of several terms
// (the rules of reported speech: a need that holds still tells the
// window's memo of possible patterns, whose answer the match gives, for
// a rule without cue lists: MatchNear, by which a caller matches the
// others, asks no possible, and a need that told it would read the rule
// for nothing).
func NewNeeds(rules []*AttrRule) *Needs { return newNeeds(rules, false) }

// NewQuoteNeeds is NewNeeds for rules tried on the sentence of a
// quotation (Window.Match with a quote): QUOTE holds (the quotation
// tried), OTHERQUOTE is left out (it holds in every window), and an exact
// need that holds tells the next Match of the rule in the window that its
// pattern is possible.
func NewQuoteNeeds(rules []*AttrRule) *Needs { return newNeeds(rules, true) }

func newNeeds(rules []*AttrRule, quote bool) *Needs {
	ns := &Needs{quote: quote}
	for _, r := range rules {
		lo := len(ns.terms)
		var all uint64
		exact := r.Pattern != nil
		tells := exact && (quote || len(r.CueLists()) == 0)
		if r.Pattern != nil {
			its := r.Pattern.its()
			for k, it := range its {
				if it.min == 0 {
					continue
				}
				if k == 1 && its[0].op == opStart && it.op == opLit && len(it.lit) > 0 {
					// (^ lit: the literal at token 0, a fact of its own)
					b, ok := ns.fact(it, true)
					exact, tells = exact && ok, tells && ok
					all |= b
					continue
				}
				ts, ok := ns.itemTerms(it)
				exact, tells = exact && ok, tells && ok
				if len(ts) == 1 && ts[0] == 0 {
					continue // holds in every window
				}
				if len(ts) == 1 {
					all |= ts[0]
					continue
				}
				if slices.Contains(ts, 0) {
					continue // a term of no facts: holds in every window
				}
				if !quote {
					// a clause of several terms is not told for the rules
					// of reported speech (turned off, it cost less than it
					// saved: the pivot and the match reject those rules);
					// the need still tells the memo of possible patterns,
					// a filter too
					exact = false
					continue
				}
				if len(ns.terms)+1+len(ts)-lo > math.MaxUint16 || lo > math.MaxUint16 {
					exact, tells = false, false // left out: the need may hold where possible does not
					continue
				}
				ns.terms = append(ns.terms, uint64(len(ts)))
				ns.terms = append(ns.terms, ts...)
			}
		}
		if ri := len(ns.rules); ri < 64 {
			for b := all; b != 0; b &= b - 1 {
				ns.byFact[bits.TrailingZeros64(b)] |= 1 << ri
			}
			ns.inAll |= all
		}
		ns.rules = append(ns.rules, ruleNeed{all: all, lo: uint16(lo), n: uint16(len(ns.terms) - lo), exact: exact, tells: tells, plain: len(ns.terms) == lo && !tells})
	}
	for _, f := range ns.facts {
		if f.op == opList && f.list != nil && f.list.owner != nil {
			ns.owner = f.list.owner
			break
		}
	}
	ns.lits = make([]uint64, len(ns.facts))
	for i, f := range ns.facts {
		if f.op == opLit && len(f.lit) > 0 && ns.owner != nil {
			ns.lits[i] = ns.owner.tableClasses(f.lit[0])
		}
	}
	ns.summaryFacts()
	ns.mark = markOfRules(rules)
	return ns
}

// summaryFacts fills ns.sum: which facts a window's summary decides (see
// Window.tellSummary). It tells none without an owner or for the needs of
// a quotation's rules (those are asked of fewer windows, a few facts
// each), nor a fact that no rule's clauses of one term hold (the others
// are read by clauses of several terms only, which a NewNeeds has not:
// telling them would serve nothing).
func (ns *Needs) summaryFacts() {
	sum := &ns.sum
	if ns.owner == nil || ns.quote {
		return
	}
	var used uint64
	for i := range ns.rules {
		used |= ns.rules[i].all
	}
	sum.first = ns.first
	for f := ns.first; f != 0; f &= f - 1 {
		i := bits.TrailingZeros64(f)
		sum.firsts = append(sum.firsts, firstFact{ns.facts[i].lit, 1 << i, ns.lits[i]})
	}
	for i, f := range ns.facts {
		b := uint64(1) << i
		if used&b == 0 {
			continue
		}
		switch f.op {
		case opList:
			if l := f.list; l != nil && l.owner == ns.owner {
				sum.lists |= b
				sum.listFacts = append(sum.listFacts, listFact{l.bit, l.firsts, b})
			}
		case opPunct:
			if len(f.punct) == 1 && f.punct[0] < 128 {
				sum.puncts = append(sum.puncts, punctFact{f.punct[0], b})
			}
		case opDash:
			sum.dash |= b
		case opCap:
			sum.caps |= b
		case opOtherQuote:
			sum.others |= b
		}
	}
}

// itemTerms returns the terms of the clause of required item it (one term
// 0: true; none: false), and whether nothing was left out.
func (ns *Needs) itemTerms(it *item) ([]uint64, bool) {
	if occursFree>>it.op&1 != 0 || ns.quote && it.op == opQuote {
		return []uint64{0}, true // (QUOTE: the quotation tried is one)
	}
	if ns.quote && it.op == opOtherQuote {
		return []uint64{0}, false
	}
	if it.op != opGroup {
		b, ok := ns.fact(it, false)
		return []uint64{b}, ok
	}
	var out []uint64
	exact := true
	for _, alt := range it.alts {
		ts, ok := ns.seqTerms(alt)
		exact = exact && ok
		out = append(out, ts...)
		if len(out) > maxNeedTerms {
			return []uint64{0}, false
		}
	}
	return out, exact
}

// seqTerms returns the terms of the conjunction of the required items of
// items, and whether nothing was left out.
func (ns *Needs) seqTerms(items []*item) ([]uint64, bool) {
	out := []uint64{0}
	exact := true
	for _, it := range items {
		if it.min == 0 {
			continue
		}
		ts, ok := ns.itemTerms(it)
		exact = exact && ok
		var next []uint64
		for _, a := range out {
			for _, b := range ts {
				next = append(next, a|b)
			}
		}
		if len(next) > maxNeedTerms {
			return []uint64{0}, false
		}
		out = next
	}
	return out, exact
}

// fact returns the bit of the fact of atom it (at the window's first
// token when first, see Needs.first), made on first use (0, and false,
// when there are 64 facts already: the atom is then left out).
func (ns *Needs) fact(it *item, first bool) (uint64, bool) {
	for i, f := range ns.facts {
		if sameFact(f, it) && ns.first>>i&1 == b2u(first) {
			return 1 << i, true
		}
	}
	if len(ns.facts) == 64 {
		return 0, false
	}
	ns.facts = append(ns.facts, it)
	ns.first |= b2u(first) << (len(ns.facts) - 1)
	return 1 << (len(ns.facts) - 1), true
}

// sameFact reports whether occurs says the same of atoms a and b in every
// window: the same op and the same list, words or punctuation (occurs
// reads nothing else of them).
func sameFact(a, b *item) bool {
	return a.op == b.op && a.list == b.list && a.punct == b.punct && slices.Equal(a.lit, b.lit)
}

// NeedsHold reports whether rule ri of ns (see NewNeeds) can match in the
// window without a quotation, as far as its required items tell: false
// only when one of them occurs nowhere (the window's memo of possible
// patterns then says false too). When the rule's need is exact and holds,
// the memo is told so, so that matching does not walk the pattern again
// (of the needs of reported speech, for a rule without cue lists: see
// NewNeeds).
func (w *Window) NeedsHold(ns *Needs, ri int, r *AttrRule) bool {
	if w.needs != ns {
		w.tellSummary(ns)
	}
	rn := &ns.rules[ri]
	if all := rn.all; w.holds&all != all {
		if all&w.known&^w.holds != 0 {
			return false // a fact told for another rule fails
		}
		// the facts not yet told, one at a time: the first that fails
		// decides
		for miss := all &^ w.known; miss != 0; miss &= miss - 1 {
			if !w.tellFact(ns, bits.TrailingZeros64(miss)) {
				return false
			}
		}
	}
	for i, hi := int(rn.lo), int(rn.lo)+int(rn.n); i < hi; {
		n := int(ns.terms[i])
		if !w.clauseHolds(ns, ns.terms[i+1:i+1+n]) {
			return false
		}
		i += 1 + n
	}
	if rn.tells && r.Pattern != nil {
		if ns.quote {
			w.possQuote = r.Pattern
		} else {
			w.possTold = r.Pattern
		}
	}
	return true
}

// NeedsKnown reports whether the need of rule ri of ns is known to hold
// in the window: its facts told and held, no clause of several terms,
// nothing to tell the memo of possible patterns — NeedsHold would report
// true at once. It inlines: a caller asks it first, and NeedsHold only
// when it reports false.
func (w *Window) NeedsKnown(ns *Needs, ri int) bool {
	rn := &ns.rules[ri]
	return w.holds&rn.all == rn.all && rn.plain && w.needs == ns
}

// NeedsFail returns bit ri for the first 64 rules of ns whose needs fail
// on a fact told already in the window (NeedsHold would return false at
// once): a search skips them all without a call each. The window takes
// ns, its facts that the summary decides told at once, if it has not
// yet (tellSummary): the first search of a window skips the rules that
// fail on them too.
func (w *Window) NeedsFail(ns *Needs) uint64 {
	if w.needs != ns {
		w.tellSummary(ns)
	}
	return w.fail
}

// tellSummary makes ns the window's needs, with the facts that its summary
// decides told at once (see summaryFacts): what tellFact would say of
// each, a list's fact by the classes and phrase starts as listOccurs
// decides before any look-up of a phrase.
func (w *Window) tellSummary(ns *Needs) {
	w.needs, w.known, w.holds, w.fail = ns, 0, 0, 0
	sum := &ns.sum
	if sum.lists == 0 && len(sum.puncts) == 0 || w.rs != ns.owner {
		return
	}
	ks := w.summary()
	var holds, maybe uint64
	// (a list's fact by its class bits and first words, without a
	// branch: the starts are 0 in a window without classPhraseStart)
	classes, starts := w.classes, ks.starts
	for _, f := range sum.listFacts {
		holds |= -b2u(classes&f.class != 0) & f.bit
		maybe |= -b2u(starts&f.firsts != 0) & f.bit
	}
	known := sum.lists &^ (maybe &^ holds)
	for _, p := range sum.puncts {
		holds |= -(ks.punct[p.c>>6&1] >> (p.c & 63) & 1) & p.bit
		known |= p.bit
	}
	if ks.dash {
		holds |= sum.dash
	}
	if sum.caps != 0 && w.hasCap() {
		holds |= sum.caps
	}
	if ks.quotes > 0 {
		holds |= sum.others
	}
	known |= sum.dash | sum.caps | sum.others
	for _, f := range sum.firsts {
		// (a classified token without the word's classes is not the word:
		// told before its text is compared)
		if t := w.toks; len(t) > 0 && (t[0].class&f.classes == f.classes || t[0].class == 0) && litAt(f.lit, t, 0) {
			holds |= f.bit
		}
	}
	known |= sum.first
	holds &= known
	var fail uint64
	for f := known &^ holds & ns.inAll; f != 0; f &= f - 1 {
		fail |= ns.byFact[bits.TrailingZeros64(f)]
	}
	w.known, w.holds, w.fail = known, holds, fail
}

// clauseHolds reports whether a term of the clause of terms ts holds in
// the window, telling the facts it needs on first use.
func (w *Window) clauseHolds(ns *Needs, ts []uint64) bool {
	for _, t := range ts {
		if miss := t &^ w.known; miss != 0 {
			w.tell(ns, miss)
		}
		if w.holds&t == t {
			return true
		}
	}
	return false
}

// tell finds out the facts of bs, as occurs does for their atoms.
func (w *Window) tell(ns *Needs, bs uint64) {
	for ; bs != 0; bs &= bs - 1 {
		w.tellFact(ns, bits.TrailingZeros64(bs))
	}
}

// tellFact finds out fact i, as occurs does for its atom, and reports
// whether it holds.
func (w *Window) tellFact(ns *Needs, i int) bool {
	m := &w.m // matchFrom sets it up again
	if m.Window != w {
		m.Window = w
	}
	m.quote = -1
	w.known |= 1 << i
	// the facts are remembered here: the lists and literals without the
	// window's own memo of them
	var yes bool
	switch it := ns.facts[i]; it.op {
	case opList:
		yes = w.listOccurs(it.list)
	case opLit:
		if ns.first>>i&1 != 0 {
			yes = litAt(it.lit, w.toks, 0)
		} else if w.rs == ns.owner && len(it.lit) > 0 {
			yes = m.litOccursAs(it, ns.lits[i])
		} else {
			yes = m.litOccurs(it)
		}
	default:
		yes = m.occurs(it)
	}
	if yes {
		w.holds |= 1 << i
	} else {
		w.fail |= ns.byFact[i]
	}
	return yes
}

// b2u is 1 for true, 0 for false (compiled without a branch).
func b2u(b bool) uint64 {
	var u uint64
	if b {
		u = 1
	}
	return u
}

// PunctSet is a set of ASCII punctuation marks, by byte.
type PunctSet [2]uint64

// add puts the mark c in ps.
func (ps *PunctSet) add(c byte) { ps[c>>6] |= 1 << (c & 63) }

// Holds reports whether ps holds every mark of want.
func (ps PunctSet) Holds(want PunctSet) bool {
	return ps[0]&want[0] == want[0] && ps[1]&want[1] == want[1]
}

// PunctNeeds returns the one-byte punctuation marks that rule ri needs
// (its facts of clauses of one term that are such a mark): a window whose
// tokens lack one of them is one in which the rule's needs fail, and its
// pattern is not possible.
func (ns *Needs) PunctNeeds(ri int) PunctSet {
	var ps PunctSet
	for b := ns.rules[ri].all; b != 0; b &= b - 1 {
		if it := ns.facts[bits.TrailingZeros64(b)]; it.op == opPunct && len(it.punct) == 1 && it.punct[0] < 128 {
			ps.add(it.punct[0])
		}
	}
	return ps
}

// PunctOf returns the one-byte punctuation marks among toks, as a
// window's summary has them.
func PunctOf(toks []Token) PunctSet {
	var ps PunctSet
	for i := range toks {
		if t := &toks[i]; t.Kind == Punct && len(t.Text) == 1 && t.Text[0] < 128 {
			ps.add(t.Text[0])
		}
	}
	return ps
}
