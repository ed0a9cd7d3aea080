package rules

import "math/bits"

// ListSet is a set of lists of a ruleset (at most 64) whose entries
// starting at a token are found at once: ListSet.At(toks, i) is
// ListsAt(lists, toks, i) with one look-up of the token's word for the
// phrases of all the lists.
type ListSet struct {
	rs    *Ruleset
	lists []*List
	first map[string]uint64 // the first word of a phrase: the bits of its lists
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
	// (modulo 32): Hits tells most words that start a phrase of some
	// other list (the, in, of) by it, before it hashes them for firsts.
	byLen [16]uint32
}

// mayFirst reports whether w may start a phrase of the set's lists, by
// byLen: false only for a word none of whose length and first byte does.
func (s *ListSet) mayFirst(w string) bool {
	return len(w) == 0 || s.byLen[len(w)&15]&(1<<(w[0]&31)) != 0
}

// phraseBit returns the word and the bit of w in ListSet.firsts.
func phraseBit(w string) (int, uint64) {
	if w == "" {
		return 0, 1
	}
	h := uint(len(w))*31 + uint(w[0])*7 + uint(w[len(w)/2])*3 + uint(w[len(w)-1])*13
	return int(h>>6) & 3, 1 << (h & 63)
}

// NewListSet returns the ListSet of ls (up to the first nil list, and at
// most 64 lists).
func (rs *Ruleset) NewListSet(ls []*List) *ListSet {
	s := &ListSet{rs: rs, first: map[string]uint64{}}
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
				s.first[w] |= 1 << k
				i, b := phraseBit(w)
				s.firsts[i] |= b
				if w != "" {
					s.byLen[len(w)&15] |= 1 << (w[0] & 31)
				}
			}
		}
	}
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
	if k, b := phraseBit(toks[i].Lower); s.firsts[k]&b == 0 {
		return mask // no phrase of the lists starts with the word
	}
	if i+1 < len(toks) {
		if k, b := phraseBit(toks[i+1].Lower); s.seconds[k]&b == 0 {
			return mask // nor goes on with the next one
		}
	}
	for b := s.first[toks[i].Lower] &^ mask; b != 0; b &= b - 1 {
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
// lists starts (At is not 0), in order; a word without the class of any of
// them is passed over without a call.
func (s *ListSet) Hits(toks []Token, buf []ListHit) []ListHit {
	if s.foreign {
		return s.hitsAt(toks, 0, buf)
	}
	// At, inline, calling nothing for a word that starts no entry (an
	// unclassified word sends the rest to hitsAt)
	// The classes are told first: most tokens have none of the set's
	// (a classified token has the bit classified, which the set's classes
	// lack, so a token with none is unclassified or starts no entry), and
	// a word that starts a phrase of some list, and has no other class of
	// the set's, is passed over by byLen before its kind is read; else
	// the kind is read then, and a word's first-word filter is hashed only
	// when it starts a phrase of some list and byLen lets it through.
	classes := s.classes
	for i := range toks {
		t := &toks[i]
		c := t.class & classes
		if c == 0 {
			if t.class == 0 && t.Kind == Word {
				return s.hitsAt(toks, i, buf)
			}
			continue
		}
		if c == classPhraseStart && !s.mayFirst(t.Lower) {
			continue // (most: a word that starts a phrase of other lists only)
		}
		if t.Kind != Word {
			continue
		}
		var mask uint64
		for b := c &^ classPhraseStart; b != 0; b &= b - 1 {
			mask |= s.byClass[bits.TrailingZeros64(b)]
		}
		if c&classPhraseStart != 0 && s.mayFirst(t.Lower) {
			if k, b := phraseBit(t.Lower); s.firsts[k]&b != 0 {
				mask = s.phrasesAt(toks, i, mask) // (its filter, inline)
			}
		}
		if mask != 0 {
			buf = append(buf, ListHit{i, mask})
		}
	}
	return buf
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
