package rules

import "github.com/whosaid/whosaid/internal/wordtab"

// WordSet answers List.Has faster for the short words of a list: words of
// up to 16 bytes are looked up, packed into two integers, in a wordtab
// table; longer ones are looked up in the list.
type WordSet struct {
	tab  wordtab.Table // packed word -> its length in bytes
	list *List
	// nul: a word of the list holds a NUL byte; the list answers then
	nul bool
	// first, last: per length (up to 16 bytes), the bytes the words of that
	// length begin and end with, one bit each (a quick no)
	first, last [17][4]uint64
}

// NewWordSet returns the word set of the list (which may be nil).
func NewWordSet(l *List) *WordSet {
	ws := &WordSet{list: l}
	if l == nil {
		ws.tab = wordtab.New(0)
		return ws
	}
	ws.tab = wordtab.New(len(l.words))
	for w := range l.words {
		if w == "" || len(w) > 16 {
			continue
		}
		a, b, ok := wordtab.Pack(w)
		if !ok {
			ws.nul = true
			continue
		}
		ws.first[len(w)][w[0]>>6] |= 1 << (w[0] & 63)
		ws.last[len(w)][w[len(w)-1]>>6] |= 1 << (w[len(w)-1] & 63)
		ws.tab.PutNew(a, b, uint64(len(w)))
	}
	return ws
}

// mayHave is a quick test of a word of 1 to 16 bytes: false when no word
// of the list has its length and its first and last bytes (then Has is
// false too).
func (ws *WordSet) mayHave(w string) bool {
	n, f, l := len(w), w[0], w[len(w)-1]
	return ws.first[n][f>>6]&(1<<(f&63)) != 0 && ws.last[n][l>>6]&(1<<(l&63)) != 0
}

// Has reports whether the lower-case word w is in the list (as List.Has).
func (ws *WordSet) Has(w string) bool {
	if len(w) > 16 || w == "" || ws.nul {
		return ws.list.Has(w)
	}
	if !ws.mayHave(w) {
		return false
	}
	a, b, ok := wordtab.Pack(w)
	if !ok {
		return false // a word with a NUL byte: the list holds none
	}
	n, found := ws.tab.Get(a, b)
	return found && n == uint64(len(w))
}

// HasAt is Has(s[i:j]); it packs the word with one or two eight-byte reads
// of s (and masks) where s holds sixteen bytes from i, instead of byte by
// byte.
func (ws *WordSet) HasAt(s string, i, j int) bool {
	n := j - i
	if n == 0 || n > 16 || i+16 > len(s) || ws.nul {
		return ws.Has(s[i:j])
	}
	if !ws.mayHave(s[i:j]) {
		return false
	}
	a, b := wordtab.PackAt(s, i, j)
	// a word with a NUL byte packs like a shorter one: the length tells
	m, found := ws.tab.Get(a, b)
	return found && m == uint64(n)
}
