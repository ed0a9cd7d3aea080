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
	byKey map[string]captureSet
	key   []byte
	names []string
}

// captureSet is a shared capture map and its number among the shared ones.
type captureSet struct {
	m  map[string]rules.Span
	id int32
}

// intern returns a map equal to caps, shared with earlier equal ones when
// there are any, and the number of the shared map (0 for an empty one, -1
// when it is not shared).
func (c *captureSets) intern(caps map[string]rules.Span) (map[string]rules.Span, int32) {
	if len(caps) == 0 {
		return caps, 0
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
	if s, ok := c.byKey[string(c.key)]; ok {
		return s.m, s.id
	}
	if c.byKey == nil {
		c.byKey = map[string]captureSet{}
	}
	if len(c.byKey) < maxCaptureSets {
		id := int32(len(c.byKey) + 1)
		c.byKey[string(c.key)] = captureSet{caps, id}
		return caps, id
	}
	return caps, -1
}

// matchKey identifies a match whose capture map is shared (capID, see
// captureSets.intern): equal keys, equal matches.
type matchKey struct {
	rule    *rules.AttrRule
	span    rules.Span
	speaker rules.SpeakerPhrase
	hasSpkr bool
	capID   int32
}

// matchBlock is the number of matches allocated at a time for the
// attributed quotes of a document (fewer for a document of fewer quotes).
const matchBlock = 256

// keepMatch returns a pointer to a copy of m, the match of an attributed
// quote, to be kept in its attrib. The matches of a document of more than
// minSharedCaptures quotes share their capture maps and are themselves
// shared when equal (the spans are token indexes within a sentence, so
// every row of a transcript matches the same way): the match was 96 of the
// 200 bytes of a quote's attrib. The others are copied into blocks of
// matchBlock.
func (a *analysis) keepMatch(m rules.Match) *rules.Match {
	if len(a.quotes) > minSharedCaptures {
		var id int32
		m.Captures, id = a.caps.intern(m.Captures)
		if id >= 0 {
			k := matchKey{m.Rule, m.Span, m.Speaker, m.HasSpkr, id}
			if p, ok := a.matches[k]; ok {
				return p
			}
			p := a.newMatch(m)
			if len(a.matches) < maxCaptureSets {
				if a.matches == nil {
					a.matches = map[matchKey]*rules.Match{}
				}
				a.matches[k] = p
			}
			return p
		}
	}
	return a.newMatch(m)
}

// newMatch copies m into the current block of matches.
func (a *analysis) newMatch(m rules.Match) *rules.Match {
	if len(a.matchBuf) == cap(a.matchBuf) {
		a.matchBuf = make([]rules.Match, 0, min(matchBlock, max(len(a.quotes), 1)))
	}
	a.matchBuf = append(a.matchBuf, m)
	return &a.matchBuf[len(a.matchBuf)-1]
}
