package rules

import (
	"math/bits"
	"slices"
)

// What a window remembers to tell, before any matching, whether a
// pattern can match in it at all (Window.possibleMemo): which one-token
// atoms, lists and literals occur.

// kindSummary says which one-token atoms occur in a window, so that
// deciding whether a rule is possible does not scan the tokens per item.
type kindSummary struct {
	done bool
	// wordsEnd is 2 more than the position of the minClauseWords-th word
	// from the window's end (1: fewer words), once known (0 before: see
	// Window.contentBefore; apart from done)
	wordsEnd int32
	punct    [2]uint64 // ASCII punctuation tokens, by byte
	dash     bool      // a Dash token
	// cap: a capitalised word, once capDone; upper: a word in capitals,
	// once upperDone (both looked for on first use: few patterns ask)
	cap, capDone     bool
	upper, upperDone bool
	quotes           int // QuoteT tokens
	// starts has the firstBit of the words with classPhraseStart (those
	// that may open a phrase of a list), and startAt their positions
	// when the window has at most 64 tokens (else it is not kept)
	starts  uint64
	startAt uint64
	// markAt has the positions of the tokens that are the punctuation
	// mark of one byte mark, the window's needs' (Needs.mark) when the
	// summary was made, in a window of at most 64 tokens (mark 0: none
	// kept; see Window.markAtOf)
	markAt uint64
	mark   byte
}

// summary returns the window's kindSummary, made on first use; it
// inlines.
func (w *Window) summary() *kindSummary {
	if w.kinds.done {
		return &w.kinds
	}
	return w.summarize()
}

// summarize makes the window's kindSummary and the union of its tokens'
// classes (Window.classes), in one pass over the tokens (summarizeInto),
// with the positions of the mark of the window's needs.
func (w *Window) summarize() *kindSummary {
	w.classes = summarizeInto(&w.kinds, w.rs, w.toks, w.needs.summaryMark())
	return &w.kinds
}

// summarizeInto makes ks the kindSummary of toks, tokens of rs, keeping
// the positions of mark (see kindSummary.markAt), and returns the union of
// their classes. For at most 64 tokens (most sentences) the phrase starts
// and the tokens that are no words are read as 0 or 1 into masks of their
// positions, not tested (a branch on them is mispredicted at a third of
// the tokens, on the marks at each), and the first words of phrases
// hashed and the marks added after the pass, from the positions it found,
// with those of the mark (for the pivots and the cue marks: see
// Needs.mark); more tokens take summarizeLong.
func summarizeInto(ks *kindSummary, rs *Ruleset, toks []Token, mark byte) uint64 {
	if len(toks) > 64 {
		return summarizeLong(ks, rs, toks)
	}
	ks.done = true
	classes, startAt, otherAt := scanKinds(toks)
	if classes&classified == 0 { // (a token unclassified: rs.cls tells its classes)
		classes, startAt = classesOfAll(rs, toks)
	}
	var markAt uint64
	for b := otherAt; b != 0; b &= b - 1 {
		i := bits.TrailingZeros64(b)
		markAt |= b2u(ks.addOther(&toks[i]) == mark) << i
	}
	ks.markAt, ks.mark = markAt&-b2u(mark != 0), mark
	ks.wordsEnd = wordsEndOf(^otherAt & (uint64(1)<<len(toks) - 1))
	var starts uint64
	for b := startAt; b != 0; b &= b - 1 {
		starts |= firstBit(toks[bits.TrailingZeros64(b)].Lower)
	}
	ks.starts, ks.startAt = starts, startAt
	return classes
}

// scanKinds returns the union of the classes of toks (at most 64 tokens;
// without the bit classified when one of them is unclassified), and the
// positions of the phrase starts and of the tokens that are no words
// among them, read as 0 or 1. (A leaf of its own, so that its values stay
// in registers: from the last token to the first, each mask shifted by
// one, not by a count.)
//
//go:noinline
func scanKinds(toks []Token) (classes, startAt, otherAt uint64) {
	all := classified
	for i := len(toks) - 1; i >= 0; i-- {
		t := &toks[i]
		c := t.class
		classes |= c
		all &= c
		startAt = startAt<<1 | c>>phraseStartShift&1
		otherAt = otherAt<<1 | b2u(t.Kind != Word)
	}
	return classes &^ (classified &^ all), startAt, otherAt
}

// classesOfAll returns the union of the classes of toks (at most 64
// tokens, some unclassified: rs.cls tells) and the positions of the
// phrase starts among them.
//
//go:noinline
func classesOfAll(rs *Ruleset, toks []Token) (classes, startAt uint64) {
	classes = classified
	for i := range toks {
		c := rs.cls(&toks[i])
		classes |= c
		startAt |= (c >> phraseStartShift & 1) << i
	}
	return classes, startAt
}

// wordsEndOf returns kindSummary.wordsEnd of a window of at most 64
// tokens whose words stand at the positions of the bits of words: 2 more
// than the position of its minClauseWords-th word from the end (1 for
// fewer words), what contentBefore's scan of the last tokens finds.
func wordsEndOf(words uint64) int32 {
	for range minClauseWords - 1 {
		words &^= uint64(1<<63) >> bits.LeadingZeros64(words) // (the last word; none for 0)
	}
	return int32(63-bits.LeadingZeros64(words)) + 2
}

// addOther adds token t, no Word, to the summary: a mark of one ASCII
// byte, a dash, a quotation. It returns the byte of a mark of one ASCII
// byte, else 0.
func (ks *kindSummary) addOther(t *Token) byte {
	switch t.Kind {
	case Punct:
		if len(t.Text) == 1 && t.Text[0] < 128 {
			ks.punct[t.Text[0]>>6] |= 1 << (t.Text[0] & 63)
			return t.Text[0]
		}
	case Dash:
		ks.dash = true
	case QuoteT:
		ks.quotes++
	}
	return 0
}

// phraseStartShift is the number of the bit classPhraseStart.
const phraseStartShift = 61

// summarizeLong is summarizeInto for more than 64 tokens, with a branch
// on each token's phrase start and kind; it keeps no positions of phrase
// starts (kindSummary.startAt) or marks.
//
//go:noinline
func summarizeLong(ks *kindSummary, rs *Ruleset, toks []Token) uint64 {
	ks.done = true
	classes := classified
	var starts uint64
	for i := range toks {
		t := &toks[i]
		c := rs.cls(t)
		classes |= c
		if c&classPhraseStart != 0 {
			starts |= firstBit(t.Lower)
		}
		if t.Kind != Word {
			ks.addOther(t)
		}
	}
	ks.starts, ks.startAt = starts, 0
	return classes
}

// hasCap reports whether a capitalised word occurs in the window.
func (w *Window) hasCap() bool {
	ks := w.summary()
	if !ks.capDone {
		ks.capDone = true
		for i := range w.toks {
			if t := &w.toks[i]; t.Kind == Word && t.Cap {
				ks.cap = true
				break
			}
		}
	}
	return ks.cap
}

// hasUpper reports whether a word in capitals occurs in the window.
func (w *Window) hasUpper() bool {
	ks := w.summary()
	if !ks.upperDone {
		ks.upperDone = true
		for i := range w.toks {
			if t := &w.toks[i]; t.Kind == Word && t.Cap && isUpperWord(t.Text) {
				ks.upper = true
				break
			}
		}
	}
	return ks.upper
}

// possSeen is whether a pattern is possible in a window without a quotation.
type possSeen struct {
	p  *Pattern
	ok bool
}

type listSeen struct {
	l    *List
	seen bool
}

// litSeen is whether the literal words of a pattern item occur in a
// window (items of several rules name the same words).
type litSeen struct {
	lit  []string
	seen bool
}

// hasLit reports whether the literal words of it occur at some position,
// remembered for the window by the words, so that the rules that name
// the same words (it, as, and) scan the tokens once.
func (m *matcher) hasLit(it *item) bool {
	w := m.Window
	for i := range w.lits {
		if slices.Equal(w.lits[i].lit, it.lit) {
			return w.lits[i].seen
		}
	}
	seen := m.litOccurs(it)
	w.lits = append(w.lits, litSeen{it.lit, seen})
	return seen
}

// litOccurs is hasLit without the memo: atomAt(it, pos) at each pos, with
// the first word compared inline, when the union of the window's classes
// holds those of the word (a token of it has at least the class table's).
func (m *matcher) litOccurs(it *item) bool {
	if len(it.lit) == 0 {
		return len(m.toks) > 0 // as atomAt says
	}
	return m.litOccursAs(it, m.rs.tableClasses(it.lit[0]))
}

// litOccursAs is litOccurs for a literal whose first word has the table's
// classes c (Needs keeps them for its facts).
func (m *matcher) litOccursAs(it *item, c uint64) bool {
	w := m.Window
	if w.classesOf()&c != c {
		return false // a token of the word has at least the table's classes of it
	}
	first, toks := it.lit[0], w.toks
	if c&classPhraseStart != 0 && len(toks) <= 64 {
		// the word opens a list's phrase: only the positions of such
		// words, none when the filter of their words has not its bit
		if w.kinds.starts&firstBit(first) == 0 {
			return false
		}
		for b := w.kinds.startAt; b != 0; b &= b - 1 {
			pos := bits.TrailingZeros64(b)
			if pos+len(it.lit) <= len(toks) && toks[pos].Lower == first && litAt(it.lit, toks, pos) {
				return true
			}
		}
		return false
	}
	fits := toks[:max(len(toks)-len(it.lit)+1, 0)] // (the starts where it fits)
	for pos := range fits {
		// a classified token without the word's classes is not the word:
		// told by its class, before its text is compared (most tokens of
		// the word's length are other words)
		t := &fits[pos]
		if tc := t.class; tc&c != c && tc != 0 {
			continue
		}
		if t.Lower == first && litAt(it.lit, toks, pos) {
			return true
		}
	}
	return false
}

// hasList reports whether an entry of l occurs in the window.
func (w *Window) hasList(l *List) bool {
	if l != nil && l.owner == w.rs && l.bit != 0 && w.classesOf()&l.bit != 0 {
		return true // a word of l occurs: no look-up in the lists seen
	}
	for i := range w.lists {
		if w.lists[i].l == l {
			return w.lists[i].seen
		}
	}
	seen := w.listOccurs(l)
	w.lists = append(w.lists, listSeen{l, seen})
	return seen
}

// listOccurs reports whether an entry of l matches at some position: by the
// union of the tokens' classes when l has a class bit (a word of l occurs,
// or no phrase of any list can start anywhere), or by the Bloom filters of
// the window's words and of the first words of l's phrases (none of them
// occurs), else at each position.
func (w *Window) listOccurs(l *List) bool {
	if l != nil && l.owner == w.rs {
		ks := w.summary()
		if w.classes&l.bit != 0 {
			return true
		}
		if w.classes&classPhraseStart == 0 || ks.starts&l.firsts == 0 {
			return false // no word of the window starts a phrase of l
		}
		if len(w.toks) <= 64 {
			// only a word that may open a phrase can (l's own words
			// occur nowhere)
			for b := ks.startAt; b != 0; b &= b - 1 {
				pos := bits.TrailingZeros64(b)
				if l.firsts&firstBit(w.toks[pos].Lower) != 0 && w.rs.ListAt(l, w.toks, pos) > 0 {
					return true // (ListAt's filter of first words, inline)
				}
			}
			return false
		}
	}
	for pos := range w.toks {
		if l != nil && l.owner == w.rs && w.rs.cls(&w.toks[pos])&(l.bit|classPhraseStart) == 0 {
			continue // what ListAt would tell from the classes
		}
		if w.rs.ListAt(l, w.toks, pos) > 0 {
			return true
		}
	}
	return false
}

// classesOf returns the union of the classes of the window's tokens,
// computed on first use (with the window's summary).
func (w *Window) classesOf() uint64 {
	if w.classes != 0 {
		return w.classes
	}
	w.summarize()
	return w.classes
}

// possibleMemo is m.possible for the items of r, remembered for the
// window when there is no quotation (rules of reported speech, tried
// again on one sentence after each statement they find).
func (w *Window) possibleMemo(m *matcher, r *AttrRule) bool {
	if m.quote >= 0 {
		if w.possQuote == r.Pattern && m.quote < len(m.toks) && m.toks[m.quote].Kind == QuoteT {
			return true // told by NeedsHold, QUOTE aside
		}
		return m.possible(r.Pattern.its())
	}
	if w.possTold == r.Pattern {
		return true // told by NeedsHold just before
	}
	bit := patternBit(r.Pattern)
	if w.possBits&bit != 0 { // else a pattern not seen yet: no scan
		for i := range w.poss {
			if w.poss[i].p == r.Pattern {
				return w.poss[i].ok
			}
		}
	}
	ok := m.possible(r.Pattern.its())
	w.poss = append(w.poss, possSeen{r.Pattern, ok})
	w.possBits |= bit
	return ok
}

// patternBit is a bit for p in Window.possBits, from the length of its
// source and its number of items (the rules of a ruleset seldom share
// both), so that the first look-up of a pattern in a window — most of
// them, each rule being tried once or twice per sentence — is told a miss
// without a scan of the patterns remembered.
func patternBit(p *Pattern) uint64 {
	n := 0 // (a pattern read on first use counts no items: its items are not read for this)
	if p.lazy == nil {
		n = len(p.items)
	}
	return 1 << ((uint(len(p.Source))*7 + uint(n)) & 63)
}

// possible reports whether every required item of items (one that must
// match at least once) can match somewhere in the window. It may say true
// for a pattern that does not match, never false for one that does.
func (m *matcher) possible(items []*item) bool {
	for _, it := range items {
		if it.min > 0 && occursFree>>it.op&1 == 0 && !m.occurs(it) {
			return false
		}
	}
	return true
}

// occursFree has a bit for each op of which occurs says true without a
// look at the window (SPEAKER, ANY, ^, $, CLAUSE, CONTENT, not:X), which
// possible passes over without the call.
const occursFree = 1<<opSpeaker | 1<<opAny | 1<<opStart | 1<<opEnd | 1<<opClause | 1<<opContent | 1<<opNot

// occurs reports whether the atom of it can match at some position.
func (m *matcher) occurs(it *item) bool {
	toks := m.toks
	switch it.op {
	case opGroup:
		for _, alt := range it.alts {
			if m.possible(alt) {
				return true
			}
		}
		return false
	case opQuote:
		return m.quote >= 0 && m.quote < len(toks) && toks[m.quote].Kind == QuoteT
	case opList:
		return m.hasList(it.list)
	case opDash:
		return m.summary().dash
	case opCap:
		return m.hasCap()
	case opUpper:
		return m.hasUpper()
	case opOtherQuote:
		n := m.summary().quotes
		if m.quote >= 0 && m.quote < len(toks) && toks[m.quote].Kind == QuoteT {
			n-- // the quote being attributed is not another
		}
		return n > 0
	case opPunct:
		if len(it.punct) == 1 && it.punct[0] < 128 {
			return m.summary().punct[it.punct[0]>>6]&(1<<(it.punct[0]&63)) != 0
		}
		for pos := range toks {
			if m.atomAt(it, pos) {
				return true
			}
		}
		return false
	case opLit:
		return m.hasLit(it)
	}
	return true // SPEAKER, ANY, ^, $: decided by the match itself
}

// RequiredPunct returns the ASCII punctuation marks that every match of p
// holds as tokens of their own (its required items of one mark, outside
// any group): a text in which one of them does not occur holds no match.
func (p *Pattern) RequiredPunct() string {
	var b []byte
	for _, it := range p.its() {
		if it.min > 0 && it.op == opPunct && len(it.punct) == 1 && it.punct[0] < 0x80 {
			b = append(b, it.punct[0])
		}
	}
	return string(b)
}
