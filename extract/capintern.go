package extract

import (
	"slices"
	"strconv"

	"github.com/whosaid/whosaid/rules"
)

// maxCaptureSets bounds the distinct capture sets that captureSets keeps
// for sharing in one document.
const maxCaptureSets = 4096

// minSharedCaptures is the number of quotes of a document from which its
// capture maps are shared: below it they take little memory, and sharing
// would cost a key per match for nothing.
const minSharedCaptures = 1024

// captureSets shares equal capture maps among the matches a document keeps
// (one per attributed quote). Each map costs some 300 bytes; the spans are
// token indexes within a sentence, so the quotes of a document that match
// the same rule the same way — every row of a transcript or a list of
// quotes — have equal maps, and keep one. Maps are only read after
// matching (see rules.Match), so sharing them is safe.
type captureSets struct {
	byKey map[string]map[string]rules.Span
	key   []byte
	names []string
}

// intern returns a map equal to caps, shared with earlier equal ones when
// there are any.
func (c *captureSets) intern(caps map[string]rules.Span) map[string]rules.Span {
	if len(caps) == 0 {
		return caps
	}
	c.names = c.names[:0]
	for n := range caps {
		c.names = append(c.names, n)
	}
	slices.Sort(c.names)
	c.key = c.key[:0]
	for _, n := range c.names {
		s := caps[n]
		c.key = append(c.key, n...)
		c.key = append(c.key, 0)
		c.key = strconv.AppendInt(c.key, int64(s.Start), 10)
		c.key = append(c.key, ',')
		c.key = strconv.AppendInt(c.key, int64(s.End), 10)
		c.key = append(c.key, 0)
	}
	if m, ok := c.byKey[string(c.key)]; ok {
		return m
	}
	if c.byKey == nil {
		c.byKey = map[string]map[string]rules.Span{}
	}
	if len(c.byKey) < maxCaptureSets {
		c.byKey[string(c.key)] = caps
	}
	return caps
}
