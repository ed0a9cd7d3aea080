package rules

import (
	"sort"
	"strings"

	"github.com/whosaid/whosaid/internal/wordtab"
)

// Word classes: a token's Class is a bit set that says, with one table
// look-up when the token is made, which lists of the ruleset hold its
// lower-case form, so that matching tests a bit where it would hash the
// word once per list and per test.
const (
	// classified marks a class computed by Ruleset.Classify; a zero class
	// means the token was never classified, and its lists are looked up by
	// its text.
	classified uint64 = 1 << 63
	// classTitleSuffix: a lower-case word of seven letters or more, no
	// function word (not_names), ending in an entry of title_suffixes, an
	// agent noun that acts as a title (speechwriter, strategist).
	classTitleSuffix uint64 = 1 << 62
	// classPhraseStart: the word starts a multi-word entry of some list
	// that has a class bit.
	classPhraseStart uint64 = 1 << 61
	// maxListBits is how many lists can have a class bit (bits 0..60); the
	// lists beyond are looked up by text.
	maxListBits = 61
)

// classTable maps lower-case words to their class bits.
type classTable struct {
	words map[string]uint64
	// short holds the words of 1 to 16 bytes (without NUL bytes), packed,
	// looked up first (a word packs in two loads, cheaper than hashing it
	// for the map); ascii the one-byte ASCII words (punctuation, initials),
	// read from an array
	short wordtab.Table
	// shortNul: words holds a word of 1 to 16 bytes (one with a NUL byte)
	shortNul bool
	// empty: the classes of the empty word (tokens without a lower-case
	// form, not asked of the map)
	empty uint64
	ascii [0x80]uint64
	// suffixes holds the entries of title_suffixes by their last byte.
	suffixes [256][]string
	// nounSuf and personSuf hold the entries of noun_suffixes and
	// person_noun_suffixes (languages that capitalise nouns); nil when the
	// ruleset has neither.
	nounSuf, personSuf *suffixSet
	// order holds the names of the lists in the order of their bits
	order []string
}

// phraseKeyBit returns the word and the bit of the classes c in
// List.phraseKeys.
func phraseKeyBit(c uint64) (int, uint64) {
	h := c * 0x9e3779b97f4a7c15 >> 56
	return int(h >> 6), 1 << (h & 63)
}

// bindPhraseKeys fills the phraseKeys of the lists with a class
// bit. It runs before the speaker lists' bits are bound, which classOf
// reads: a first word's classes are taken from the table, with each of
// the classes classOf may add to them (classTitleSuffix; the noun classes
// of a capital, in a language with noun suffixes).
func (rs *Ruleset) bindPhraseKeys() {
	adds := []uint64{0, classTitleSuffix}
	if rs.classes.nounSuf != nil || rs.classes.personSuf != nil {
		for _, name := range []string{ListNotNames, ListPersonNouns} {
			if l := rs.Lists[name]; l != nil && l.bit != 0 {
				adds = append(adds, l.bit, l.bit|classTitleSuffix)
			}
		}
	}
	for _, name := range rs.classes.order {
		l := rs.Lists[name]
		if l == nil || l.owner != rs || l.maxLen <= 1 {
			continue
		}
		keys := &l.phraseKeys
		for w := range l.phraseRows() {
			c := rs.wordClasses(w) | classified
			for _, add := range adds {
				k, b := phraseKeyBit(c | add)
				keys[k] |= b
			}
		}
	}
}

// hasSuffix reports whether w ends in an entry of title_suffixes.
func (ct *classTable) hasSuffix(w string) bool {
	if w == "" {
		return false
	}
	for _, suf := range ct.suffixes[w[len(w)-1]] {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// bindClasses gives lists their class bits and builds the ruleset's word →
// classes table: the lists the speaker parser and the extractor read first,
// then those that patterns refer to, then the rest by name, up to
// maxListBits.
func (rs *Ruleset) bindClasses() {
	if st := rs.static; st != nil {
		// the order of the load the data was made from, which is this
		// load's: the same files (staticFor), hence the same lists and
		// patterns (TestStaticLoadSame compares the classes both ways)
		if cls, ok := st.classTable(st.Order); ok {
			rs.classes = rs.bindOrder(st.Order, cls, false)
			rs.bindPhraseKeys()
			return
		}
	}
	order := rs.classOrder()
	n := 0 // the words of the lists, counted once per list: room enough for the map at once
	for _, name := range order {
		if l := rs.Lists[name]; l != nil {
			l.materialize()
			n += len(l.words) + l.numPhraseRows()
		}
	}
	rs.classes = rs.bindOrder(order, classTable{words: make(map[string]uint64, n)}, true)
	rs.bindPhraseKeys()
}

// classOrder returns the names of the lists in the order they get class
// bits (see bindClasses).
func (rs *Ruleset) classOrder() []string {
	var order []string
	seen := map[string]bool{}
	add := func(name string) {
		if _, ok := rs.Lists[name]; ok && !seen[name] {
			seen[name] = true
			order = append(order, name)
		}
	}
	for _, name := range RequiredLists() {
		add(name)
	}
	// the lists whose bits the speaker parse's short cuts read (inBit),
	// before the lists of patterns push them past maxListBits
	add(ListPossessives)
	add(ListArticles)
	add(ListCuePhrases)
	add(ListTitleMarkers)
	add(ListNotClauseOpeners)
	for _, r := range rs.Attribution {
		if r.Pattern != nil {
			for _, ref := range r.Pattern.lists {
				add(ref.name)
			}
		}
	}
	rest := make([]string, 0, len(rs.Lists))
	for name := range rs.Lists {
		// party_initials is read by its words alone (IsPartyLabel), never
		// by a token's classes: it takes no bit from the lists that are
		if !seen[name] && name != ListPartyInitials {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	for _, name := range rest {
		add(name)
	}
	return order
}

// bindOrder gives the lists of order their class bits and completes the
// class table cls: with the words of the lists when words is true (else
// cls holds them already), and with the suffix tables.
func (rs *Ruleset) bindOrder(order []string, cls classTable, words bool) classTable {
	if l := rs.speakerLists.titleSuffixes; l != nil {
		for _, suf := range l.Entries {
			if suf == "" {
				cls.suffixes = [256][]string{} // every word has the empty suffix
				for b := range cls.suffixes {
					cls.suffixes[b] = []string{""}
				}
				break
			}
			cls.suffixes[suf[len(suf)-1]] = append(cls.suffixes[suf[len(suf)-1]], suf)
		}
	}
	for i, name := range order {
		l := rs.Lists[name]
		if l == nil {
			continue
		}
		l.owner, l.bit, l.firsts, l.seconds = nil, 0, 0, [4]uint64{}
		if i >= maxListBits {
			continue
		}
		l.owner, l.bit = rs, 1<<uint(i)
		if sl := l.static; sl != nil {
			// made with the static data, from the same phrases (install)
			l.firsts, l.seconds = sl.Firsts, sl.Seconds
		} else {
			for _, ps := range l.phrases {
				for _, p := range ps {
					addPhraseFilters(&l.firsts, &l.seconds, p)
				}
			}
		}
		if !words { // the static table holds the words' bits already
			continue
		}
		for w := range l.words {
			cls.words[w] |= l.bit
		}
		for w := range l.phraseRows() {
			cls.words[w] |= classPhraseStart
		}
	}
	if words {
		cls.short = wordtab.New(len(cls.words))
		for w, c := range cls.words {
			if len(w) == 1 && w[0] < 0x80 {
				cls.ascii[w[0]] = c
			}
			if a, b, ok := wordtab.Pack(w); ok {
				cls.short.PutNew(a, b, c)
			} else if w != "" && len(w) <= 16 {
				cls.shortNul = true
			}
		}
	}
	cls.nounSuf = newSuffixSet(rs.Lists[ListNounSuffixes])
	cls.personSuf = newSuffixSet(rs.Lists[ListPersonSuffixes])
	cls.order = order
	cls.empty = cls.words[""]
	return cls
}

// wordClasses returns the classes of the lists that hold the lower-case
// word, as the class table has them (without classified and the suffix
// classes of classOf).
func (rs *Ruleset) wordClasses(lower string) uint64 {
	switch {
	case len(lower) == 1 && lower[0] < 0x80:
		return rs.classes.ascii[lower[0]]
	case len(lower) <= 16:
		if a, b, ok := wordtab.Pack(lower); ok {
			c, _ := rs.classes.short.Get(a, b)
			return c
		}
	}
	return rs.classes.words[lower]
}

// Classify records in t its word classes under this ruleset: which of its
// lists hold t's lower-case form. Matching and speaker parsing then test
// bits instead of looking words up; an unclassified token is looked up by
// its text, with the same results. The classes are only meaningful to the
// ruleset that computed them.
func (rs *Ruleset) Classify(t *Token) {
	t.class = rs.classOf(t.Lower, t.Cap)
}

// ClassifyAll classifies each of toks, as Classify does one: one call for
// a paragraph, with a one-byte word (punctuation, an initial) read from
// the ASCII table without the call of classOf.
func (rs *Ruleset) ClassifyAll(toks []Token) {
	// a word of 2 to 6 bytes gets no suffix class, nor one of nounClass
	// when it is not capitalised or the ruleset has no noun suffixes: its
	// classes are the table's, read without the call of classOf
	nouns := rs.classes.nounSuf != nil || rs.classes.personSuf != nil
	for i := range toks {
		t := &toks[i]
		switch n := len(t.Lower); {
		case n == 1 && t.Lower[0] < 0x80 && !t.Cap:
			// (what classOf gives a word of one byte: no suffix class, and
			// nounClass only for capitals)
			t.class = rs.classes.ascii[t.Lower[0]] | classified
		case n >= 2 && n < 7 && t.Lower[n-1] != 0 && !rs.classes.shortNul && !(t.Cap && nouns):
			t.class = rs.classes.short.GetWord(t.Lower) | classified
		default:
			t.class = rs.classOf(t.Lower, t.Cap)
		}
	}
}

// tableClasses is wordClasses, reading a word of 2 to 16 bytes as classOf
// does (wordtab.Table.GetWord, without the test of its NUL bytes that Pack
// makes).
func (rs *Ruleset) tableClasses(lower string) uint64 {
	if n := len(lower); n >= 2 && n <= 16 && lower[n-1] != 0 && !rs.classes.shortNul {
		return rs.classes.short.GetWord(lower)
	}
	return rs.wordClasses(lower)
}

// classOf returns the classes of a word with lower-case form lower.
func (rs *Ruleset) classOf(lower string, capital bool) uint64 {
	var c uint64
	switch {
	case len(lower) == 1 && lower[0] < 0x80:
		c = rs.classes.ascii[lower[0]]
	case lower == "":
		c = rs.classes.empty
	case len(lower) <= 16 && lower[len(lower)-1] != 0 && !rs.classes.shortNul:
		// (no word of the table holds a NUL byte: such a word finds none)
		c = rs.classes.short.GetWord(lower)
	case len(lower) <= 16:
		if a, b, ok := wordtab.Pack(lower); ok {
			c, _ = rs.classes.short.Get(a, b)
		} else {
			c = rs.classes.words[lower]
		}
	default:
		c = rs.classes.words[lower]
	}
	c |= classified
	// titleSuffix, with the not_names look-up done by the class bits
	if len(lower) >= 7 && (!capital || rs.Language.CapitalisedNouns) && c&rs.speakerBits.notNames == 0 && rs.classes.hasSuffix(lower) {
		c |= classTitleSuffix
	}
	if capital && (rs.classes.nounSuf != nil || rs.classes.personSuf != nil) {
		c = rs.nounClass(lower, c)
	}
	return c
}

// nounClass adds, to the classes c of a capitalised word of six letters or more that
// no list names as a title, person noun or first name, the person_nouns
// class when it ends in an entry of person_noun_suffixes (Bundesregierung)
// and else the not_names class when it ends in one of noun_suffixes
// (Zuversicht): in a language that capitalises its nouns, a compound noun
// is no name.
func (rs *Ruleset) nounClass(lower string, c uint64) uint64 {
	if len(lower) < 6 || c&(rs.speakerBits.titles|rs.speakerBits.personNouns|rs.speakerBits.firstNames|classTitleSuffix) != 0 {
		return c
	}
	switch {
	case rs.classes.personSuf.has(lower):
		c |= rs.speakerBits.personNouns
	case rs.classes.nounSuf.has(lower):
		c |= rs.speakerBits.notNames
	}
	return c
}

// suffixSet holds word endings by their last byte.
type suffixSet [256][]string

// newSuffixSet returns the endings of list l (lower case), or nil when l is
// absent or empty.
func newSuffixSet(l *List) *suffixSet {
	if l == nil {
		return nil
	}
	var s suffixSet
	n := 0
	for _, e := range l.Entries {
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" {
			continue
		}
		s[e[len(e)-1]] = append(s[e[len(e)-1]], e)
		n++
	}
	if n == 0 {
		return nil
	}
	return &s
}

// has reports whether w ends in an entry of s, and is longer than it.
func (s *suffixSet) has(w string) bool {
	if s == nil || w == "" {
		return false
	}
	for _, suf := range s[w[len(w)-1]] {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// cls returns the classes of t, computing them when t is unclassified.
func (rs *Ruleset) cls(t *Token) uint64 {
	if t.class != 0 {
		return t.class
	}
	return rs.classOf(t.Lower, t.Cap)
}

// in reports whether t is in the list with class bit mask (a list without
// a bit, mask 0, holds nothing: it is absent).
func (rs *Ruleset) in(t *Token, mask uint64) bool {
	return rs.cls(t)&mask != 0
}

// InList reports whether the lower-case form of t is in list l, as
// l.Has(t.Lower) does, by t's class bits when it has them.
func (rs *Ruleset) InList(l *List, t *Token) bool {
	if l == nil {
		return false
	}
	if l.owner != rs {
		return l.Has(t.Lower)
	}
	return rs.cls(t)&l.bit != 0
}

// ListAt returns the length in tokens of the longest entry of list l that
// matches at toks[i], as l.MatchAt(toks, i) does, by class bits where the
// tokens have them.
func (rs *Ruleset) ListAt(l *List, toks []Token, i int) int {
	if l == nil || i >= len(toks) {
		return 0
	}
	if l.owner != rs {
		return l.MatchAt(toks, i)
	}
	c := rs.cls(&toks[i])
	best := 0
	if c&l.bit != 0 {
		best = 1
	}
	// (no phrase of a list without them; for most words, no phrase of
	// the list starts with a word of their classes)
	if k, b := phraseKeyBit(c); l.phraseKeys[k]&b == 0 || l.firsts&firstBit(toks[i].Lower) == 0 {
		return best
	}
	if i+1 < len(toks) {
		if k, b := phraseBit(toks[i+1].Lower); l.seconds[k]&b == 0 {
			return best // no phrase goes on with this word
		}
	}
	return l.longestPhrase(toks, i, best)
}

// addPhraseFilters adds the phrase p (its words) to the Bloom filters of
// a list's phrases' first and second words (see List.firsts, List.seconds).
func addPhraseFilters(firsts *uint64, seconds *[4]uint64, p []string) {
	*firsts |= firstBit(p[0])
	if len(p) < 2 { // no second word to tell: every word passes
		*seconds = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		return
	}
	k, b := phraseBit(p[1])
	seconds[k] |= b
}

// firstBit is a bit for the word w, from its length and its first and last
// bytes, for List.firsts (a one-word Bloom filter of the words that start
// a list's phrases).
func firstBit(w string) uint64 {
	if w == "" {
		return 1
	}
	return 1 << ((uint(len(w))*13 + uint(w[0])*7 + uint(w[len(w)-1])) & 63)
}

// NextNameStart returns the index of the first token of toks from i on
// that is a word with a capital or for which InListOrTitleWord(l, t)
// holds, or len(toks): the entity table's filter of the positions where a
// speaker phrase may open, run in one loop that reads each token's class
// bits inline instead of a call for every lower-case word.
func (rs *Ruleset) NextNameStart(l *List, toks []Token, i int) int {
	m := rs.speakerBits.detTitle
	if m == 0 || l != rs.speakerLists.determiners {
		for ; i < len(toks); i++ {
			if t := &toks[i]; t.Kind == Word && (t.Cap || rs.InListOrTitleWord(l, t)) {
				return i
			}
		}
		return len(toks)
	}
	for ; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != Word {
			continue
		}
		if t.Cap || t.class&m != 0 || t.class == 0 && rs.InListOrTitleWord(l, t) {
			return i
		}
	}
	return len(toks)
}

// NameWordDrop reports whether a word t of a name mention is left out of
// the name's words, as InList(hon, t), then with first InList(det, t),
// then IsPossessiveSuffix(t) tell in turn, and whether it is left out as
// an honorific; one call that reads t's class bits once, for the entity
// table's every mention word.
func (rs *Ruleset) NameWordDrop(hon, det *List, t *Token, first bool) (drop, honorific bool) {
	if p := rs.speakerLists.possessives; hon == nil || hon.owner != rs || det == nil || det.owner != rs || p == nil || p.owner != rs {
		if rs.InList(hon, t) {
			return true, true
		}
		return first && rs.InList(det, t) || rs.IsPossessiveSuffix(t), false
	}
	c := rs.cls(t)
	if c&hon.bit != 0 {
		return true, true
	}
	if first && c&det.bit != 0 {
		return true, false
	}
	return c&rs.speakerLists.possessives.bit != 0 && rs.IsPossessiveSuffix(t), false
}
