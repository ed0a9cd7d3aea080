package wordtab

// Set answers a word list's membership test faster for its short words:
// words of up to 16 bytes are looked up, packed into two integers, in a
// Table; longer ones, and every word when one of the set holds a NUL byte,
// are asked of the fallback (the list's own test).
type Set struct {
	tab      Table // packed word -> its length in bytes
	fallback func(string) bool
	// nul: a word of the set holds a NUL byte; the fallback answers then
	nul bool
	// first, last: per length (up to 16 bytes), the bytes the words of that
	// length begin and end with, one bit each (a quick no)
	first, last [17][4]uint64
}

// NewSet returns the set of words, whose membership test for words longer
// than 16 bytes is fallback (which must agree with words on the others).
func NewSet(words []string, fallback func(string) bool) *Set {
	s := &Set{fallback: fallback, tab: New(len(words))}
	for _, w := range words {
		if w == "" || len(w) > 16 {
			continue
		}
		a, b, ok := Pack(w)
		if !ok {
			s.nul = true
			continue
		}
		s.first[len(w)][w[0]>>6] |= 1 << (w[0] & 63)
		s.last[len(w)][w[len(w)-1]>>6] |= 1 << (w[len(w)-1] & 63)
		s.tab.PutNew(a, b, uint64(len(w)))
	}
	return s
}

// mayHave is a quick test of a word of 1 to 16 bytes: false when no word
// of the set has its length and its first and last bytes (then Has is
// false too).
func (s *Set) mayHave(w string) bool {
	n, f, l := len(w), w[0], w[len(w)-1]
	return s.first[n][f>>6]&(1<<(f&63)) != 0 && s.last[n][l>>6]&(1<<(l&63)) != 0
}

// Has reports whether the lower-case word w is in the set.
func (s *Set) Has(w string) bool {
	if len(w) > 16 || w == "" || s.nul {
		return s.fallback(w)
	}
	if !s.mayHave(w) {
		return false
	}
	a, b, ok := Pack(w)
	if !ok {
		return false // a word with a NUL byte: the set holds none
	}
	n, found := s.tab.Get(a, b)
	return found && n == uint64(len(w))
}

// HasAt is Has(str[i:j]); it packs the word with one or two eight-byte
// reads of str (and masks) where str holds sixteen bytes from i, instead
// of byte by byte.
func (s *Set) HasAt(str string, i, j int) bool {
	n := j - i
	if n == 0 || n > 16 || i+16 > len(str) || s.nul {
		return s.Has(str[i:j])
	}
	if !s.mayHave(str[i:j]) {
		return false
	}
	a, b := PackAt(str, i, j)
	// a word with a NUL byte packs like a shorter one: the length tells
	m, found := s.tab.Get(a, b)
	return found && m == uint64(n)
}
