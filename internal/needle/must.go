package needle

import "strings"

// mustScan is the one-pass test of a filter's must-strings (see
// Filter.MustMay): a search per string goes over the line once for each,
// and stops at every byte that starts one, which for a long list of
// phrases (contact lines, captions) is most of the line's letters. One pass
// looks at the strings only where the line's byte starts one and its next
// two bytes are, by a small hash, the start of one.
type mustScan struct {
	on bool // the pass is used (else a search per string)
	// start[c]: mustFirst when a string starts with byte c, and mustOne
	// when one is c alone
	start [256]uint8
	pair  [8]uint64 // the first two bytes of the longer strings, hashed
	// two: per string, its first two bytes (the first in the low byte)
	two []uint16
}

// The flags of mustScan.start.
const (
	mustFirst = 1 << iota
	mustOne
)

// pairHash is the bit of pair for a string that starts with the bytes a, b.
func pairHash(a, b byte) uint { return (uint(a)*31 + uint(b)) & 511 }

// newMustScan returns the one-pass test of the strings must, switched off
// where a search per string costs less: one or two strings, strings that
// all start with one byte (a search skips to that byte), or an empty one.
func newMustScan(must []string) mustScan {
	var m mustScan
	if len(must) < 3 {
		return m
	}
	firsts := 0
	for _, s := range must {
		if s == "" {
			return mustScan{}
		}
		c := s[0]
		if m.start[c] == 0 {
			firsts++
		}
		m.start[c] |= mustFirst
		if len(s) == 1 {
			m.start[c] |= mustOne
			continue
		}
		h := pairHash(s[0], s[1])
		m.pair[h>>6] |= 1 << (h & 63)
	}
	m.two = make([]uint16, len(must))
	for k, s := range must {
		if len(s) > 1 {
			m.two[k] = uint16(s[0]) | uint16(s[1])<<8
		}
	}
	m.on = firsts > 1
	return m
}

// holds reports whether lower holds one of the strings must, of which m is
// the one-pass test.
func (m *mustScan) holds(must []string, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		f := m.start[c]
		if f == 0 {
			continue
		}
		if f&mustOne != 0 {
			return true
		}
		if i+1 == len(lower) {
			return false
		}
		if h := pairHash(c, lower[i+1]); m.pair[h>>6]&(1<<(h&63)) == 0 {
			continue
		}
		two := uint16(c) | uint16(lower[i+1])<<8
		for k, s := range must {
			if m.two[k] == two && strings.HasPrefix(lower[i:], s) {
				return true
			}
		}
	}
	return false
}
