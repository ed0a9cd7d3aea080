package rules

import (
	"math/bits"
	"slices"
)

// ListSet is a set of lists of a ruleset (at most 64) whose entries
// starting at a token are found at once: ListSet.At(toks, i) is
// ListsAt(lists, toks, i) with one look-up of the token's word for the
// phrases of all the lists.
type ListSet struct {
	rs    *Ruleset
	lists []*List
	// first holds the first words of the lists' phrases, each with the
	// bits of its lists, by their slots (phraseSlot): phrasesAt finds a
	// word's there, by the slot of the filter firsts, without hashing it.
	first *slotted[firstWord]
	// classes is the union of the class bits of the lists of rs and of
	// classPhraseStart: a token with none of them starts no entry of them.
	classes uint64
	foreign bool // a list of another ruleset, matched without class bits
	// byClass maps a class bit (by its index) to the lists of this
	// ruleset that have it, as bits of lists.
	byClass [64]uint64
	// firsts is a Bloom filter of the words that start the lists' phrases
	// (the keys of first), of 256 bits (phraseBit): the lists' own
	// 64-bit filters, joined, let a word as common as said through to the
	// map of first words.
	firsts [4]uint64
	// seconds joins the lists' filters of their phrases' second words
	// (List.seconds).
	seconds [4]uint64
	// byLen has, for the first words of the lists' phrases (the keys of
	// first) of each length (modulo 16), the bits of their first bytes
	// (modulo 32): hitAt tells by it the words whose key is that of a
	// first word (take, point: most start no phrase) before it hashes
	// them for firsts.
	byLen [16]uint32
	// keys holds the keys (keyOf) of the tokens that may start an entry
	// without a class bit of the set's lists, each at its slot (keySlot):
	// an unclassified word's (0) and those of the words that start a
	// phrase of the lists; emptyKey elsewhere. Hits passes over a token
	// whose key is not at its slot and that has no class bit of the lists
	// by two tests that are seldom true: no branch on its classes.
	keys [keySlots]uint64
	// keyMul makes a key's slot (keySlot); keyed is false when no
	// multiplier tried put the keys in slots of their own (Hits then
	// goes by At)
	keyMul uint64
	keyed  bool
	// bound is classes without classPhraseStart: the bits of the lists
	bound uint64
}

// keySlots is the number of slots of ListSet.keys, 1<<keyBits.
const (
	keyBits  = 6
	keySlots = 1 << keyBits
)

// emptyKey is the key of the empty slots of ListSet.keys: no token has it
// (a classified token has the bit classified, an unclassified one the
// classes 0).
const emptyKey = classTitleSuffix

// keyOf returns the key of a token of classes c and kind k: its classes,
// told from the same classes of another kind (kinds are below 4: the key
// of a word is its classes, of a mark they differ in bit 0 or 1).
func keyOf(c uint64, k TokenKind) uint64 {
	return c ^ uint64(k)
}

// keySlot returns the slot of key k in ListSet.keys.
func (s *ListSet) keySlot(k uint64) uint64 {
	return k * s.keyMul >> (64 - keyBits)
}

// maxKeyTrials is the number of multipliers bindKeys tries.
const maxKeyTrials = 1 << 14

// bindKeys fills keys with the keys of an unclassified word and of the
// classified words of firsts (with a capital and without: their classes
// may differ in classTitleSuffix and the noun classes), each in a slot of
// its own: multipliers are tried in turn until the keys part.
func (s *ListSet) bindKeys(rs *Ruleset, firsts []string) {
	keys := []uint64{0}
	for _, w := range firsts {
		for _, capital := range []bool{false, true} {
			if k := keyOf(rs.classOf(w, capital), Word); !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	if 2*len(keys) > keySlots {
		return // (too many to part: Hits goes by At)
	}
	x := uint64(0x9e3779b97f4a7c15)
	for range maxKeyTrials {
		// the multipliers of splitmix64, odd
		x += 0x9e3779b97f4a7c15
		z := (x ^ x>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		s.keyMul = (z ^ z>>31) | 1
		for i := range s.keys {
			s.keys[i] = emptyKey
		}
		ok := true
		for _, k := range keys {
			h := s.keySlot(k)
			if s.keys[h] != emptyKey {
				ok = false
				break
			}
			s.keys[h] = k
		}
		if ok {
			s.keyed = true
			return
		}
	}
}

// mayFirst reports whether w may start a phrase of the set's lists, by
// byLen: false only for a word none of whose length and first byte does.
func (s *ListSet) mayFirst(w string) bool {
	return len(w) == 0 || s.byLen[len(w)&15]&(1<<(w[0]&31)) != 0
}

// firstWord is a first word of the phrases of a ListSet's lists, with the
// bits of those lists.
type firstWord struct {
	word  string
	lists uint64
}

// slotted holds items by the slot (phraseSlot) of a word of each: those
// of slot k are items[start[k]:start[k+1]], in their given order. A
// word's items are found by its slot (the filters of first and second
// words compute it) and a comparison of the words in it, not by hashing.
type slotted[T any] struct {
	start [phraseSlots + 1]int32
	items []T
}

// newSlotted returns the slotted of items by the words word gives of them.
func newSlotted[T any](items []T, word func(T) string) *slotted[T] {
	s := &slotted[T]{items: make([]T, len(items))}
	for _, it := range items {
		s.start[phraseSlot(word(it))+1]++
	}
	for k := 1; k <= phraseSlots; k++ {
		s.start[k] += s.start[k-1]
	}
	next := s.start
	for _, it := range items {
		k := phraseSlot(word(it))
		s.items[next[k]] = it
		next[k]++
	}
	return s
}

// at returns the items of slot k (0 ≤ k < phraseSlots): those whose word
// has that slot, not only those of one word.
func (s *slotted[T]) at(k int) []T {
	return s.items[s.start[k]:s.start[k+1]]
}

// phraseBit returns the word and the bit of w in ListSet.firsts.
func phraseBit(w string) (int, uint64) {
	s := phraseSlot(w)
	return s >> 6, 1 << (s & 63)
}

// phraseSlots is the number of slots of phraseSlot: the bits of the
// filters of first and second words.
const phraseSlots = 256

// phraseSlot returns the slot of w in the filters of first and second
// words, 0 to phraseSlots-1: its bit is 1<<(s&63) of word s>>6 (phraseBit).
func phraseSlot(w string) int {
	if w == "" {
		return 0
	}
	h := uint(len(w))*31 + uint(w[0])*7 + uint(w[len(w)/2])*3 + uint(w[len(w)-1])*13
	return int(h & (phraseSlots - 1))
}

// NewListSet returns the ListSet of ls (up to the first nil list, and at
// most 64 lists).
func (rs *Ruleset) NewListSet(ls []*List) *ListSet {
	s := &ListSet{rs: rs}
	first := map[string]uint64{}
	var firsts []string
	for k, l := range ls {
		if k >= 64 || l == nil {
			break
		}
		s.lists = append(s.lists, l)
		if l.owner != rs {
			s.foreign = true
		} else {
			s.classes |= l.bit
			if l.bit != 0 {
				s.byClass[bits.TrailingZeros64(l.bit)] |= 1 << k
			}
		}
		if l.owner == rs && l.maxLen > 1 {
			s.classes |= classPhraseStart
			for j, b := range l.seconds {
				s.seconds[j] |= b
			}
			for w := range l.phraseRows() {
				if first[w] == 0 {
					firsts = append(firsts, w)
				}
				first[w] |= 1 << k
				i, b := phraseBit(w)
				s.firsts[i] |= b
				if w != "" {
					s.byLen[len(w)&15] |= 1 << (w[0] & 31)
				}
			}
		}
	}
	s.bound = s.classes &^ classPhraseStart
	slices.Sort(firsts) // (the keys' order, hence their slots, fixed)
	fs := make([]firstWord, len(firsts))
	for k, w := range firsts {
		fs[k] = firstWord{w, first[w]}
	}
	s.first = newSlotted(fs, func(f firstWord) string { return f.word })
	s.bindKeys(rs, firsts)
	return s
}

// At returns a bit mask of the lists that have an entry starting at
// toks[i] (bit k for the k-th list), as Ruleset.ListsAt does.
func (s *ListSet) At(toks []Token, i int) uint64 {
	if i >= len(toks) {
		return 0
	}
	rs := s.rs
	c := rs.cls(&toks[i])
	if c&s.classes == 0 && !s.foreign {
		return 0
	}
	var mask uint64
	for b := c & s.classes &^ classPhraseStart; b != 0; b &= b - 1 {
		mask |= s.byClass[bits.TrailingZeros64(b)]
	}
	if s.foreign {
		for k, l := range s.lists {
			if l.owner != rs && l.MatchAt(toks, i) > 0 {
				mask |= 1 << k
			}
		}
	}
	if c&classPhraseStart == 0 {
		return mask
	}
	return s.phrasesAt(toks, i, mask)
}

// phrasesAt adds to mask, the lists found at toks[i] by their class bits,
// those that have a phrase of several words starting there.
func (s *ListSet) phrasesAt(toks []Token, i int, mask uint64) uint64 {
	w := toks[i].Lower
	f := phraseSlot(w)
	if s.firsts[f>>6]&(1<<(f&63)) == 0 {
		return mask // no phrase of the lists starts with the word
	}
	if i+1 < len(toks) {
		if k, b := phraseBit(toks[i+1].Lower); s.seconds[k]&b == 0 {
			return mask // nor goes on with the next one
		}
	}
	var lists uint64
	for _, e := range s.first.at(f) {
		if e.word == w {
			lists = e.lists
			break
		}
	}
	for b := lists &^ mask; b != 0; b &= b - 1 {
		k := bits.TrailingZeros64(b)
		if s.lists[k].longestPhrase(toks, i, 0) > 0 {
			mask |= 1 << k
		}
	}
	return mask
}

// ListHit is a token at which an entry of some lists of a ListSet starts:
// bit k of Bits for its k-th list.
type ListHit struct {
	Pos  int
	Bits uint64
}

// Hits appends to buf the words of toks at which an entry of the set's
// lists starts (At is not 0), in order; a token without the class of any
// of them, and whose key (keyOf) is none of keys, is passed over without a
// branch on its classes.
func (s *ListSet) Hits(toks []Token, buf []ListHit) []ListHit {
	if s.foreign || !s.keyed {
		return s.hitsAt(toks, 0, buf)
	}
	// Most tokens have none of the lists' class bits, and of the words
	// that start a phrase of some list (the, in, of; a token with
	// classPhraseStart is one in three) most start none of these lists':
	// their keys are not in keys. next passes over them by two tests that
	// are seldom true, not by a branch on classPhraseStart that no
	// predictor foretells; hitAt tells the few it stops at (the words of
	// the lists, those with a first word's classes, an unclassified word).
	for i := s.next(toks, 0); i < len(toks); i = s.next(toks, i+1) {
		if toks[i].class == 0 { // (key 0: an unclassified word)
			return s.hitsAt(toks, i, buf)
		}
		if m := s.hitAt(toks, i); m != 0 {
			buf = append(buf, ListHit{i, m})
		}
	}
	return buf
}

// next returns the index of the first token of toks from i on that has a
// class bit of the set's lists or a key of keys, or len(toks). (A function
// of its own, without calls: its loop keeps its values in registers. It
// tests two tokens at a time, both keys by one branch: the lesser of their
// differences from their slots' keys is 0 when either is there; then
// which of the two, without a branch: a loop over them mispredicted its
// exits.)
//
//go:noinline
func (s *ListSet) next(toks []Token, i int) int {
	keys, mul, bound := &s.keys, s.keyMul, s.bound
	i = max(i, 0)
	for n := len(toks) - 1; i < n; i += 2 {
		t, u := &toks[i], &toks[i+1]
		c, d := t.class, u.class
		k, l := keyOf(c, t.Kind), keyOf(d, u.Kind)
		x, y := keys[k*mul>>(64-keyBits)]^k, keys[l*mul>>(64-keyBits)]^l // (keySlot, inline)
		if (c|d)&bound != 0 || min(x, y) == 0 {
			// the second when the first is not one
			return i + int(b2u(c&bound == 0)&b2u(x != 0))
		}
	}
	// the last token when it is left alone (i is n-1 then, else n or
	// more), told without a branch on i: a test of it mispredicted half
	// the time
	if n := len(toks); n > 0 {
		t := &toks[n-1]
		c := t.class
		k := keyOf(c, t.Kind)
		hit := b2u(c&bound != 0) | b2u(keys[k*mul>>(64-keyBits)] == k)
		return n - int(hit&b2u(i == n-1))
	}
	return len(toks)
}

// hitAt returns the bits of the lists that have an entry starting at
// toks[i], a classified token (0 for none): At, for a token of the set's
// classes or keys. (It returns the bits, not buf: a slice in and out of a
// call at every stop cost more than the append in Hits.)
func (s *ListSet) hitAt(toks []Token, i int) uint64 {
	t := &toks[i]
	if t.Kind != Word {
		return 0
	}
	c := t.class & s.classes
	var mask uint64
	for b := c &^ classPhraseStart; b != 0; b &= b - 1 {
		mask |= s.byClass[bits.TrailingZeros64(b)]
	}
	if c&classPhraseStart != 0 && s.mayFirst(t.Lower) {
		if k, b := phraseBit(t.Lower); s.firsts[k]&b != 0 {
			mask = s.phrasesAt(toks, i, mask) // (its filter, inline)
		}
	}
	return mask
}

// hitsAt is Hits from toks[from] on, by At at each word.
func (s *ListSet) hitsAt(toks []Token, from int, buf []ListHit) []ListHit {
	for i := from; i < len(toks); i++ {
		if toks[i].Kind != Word {
			continue
		}
		if bits := s.At(toks, i); bits != 0 {
			buf = append(buf, ListHit{i, bits})
		}
	}
	return buf
}
