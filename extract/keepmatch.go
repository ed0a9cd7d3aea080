package extract

import "github.com/whosaid/whosaid/rules"

// maxSharedMatches bounds the distinct matches that keepMatch keeps for
// sharing in one document.
const maxSharedMatches = 4096

// minSharedMatches is the number of quotes of a document from which its
// matches are shared: below it they take little memory, and sharing would
// cost a look-up per match for nothing.
const minSharedMatches = 1024

// matchBlock is the number of matches allocated at a time for the
// attributed quotes of a document (fewer for a document of fewer quotes).
const matchBlock = 256

// keepMatch returns a pointer to a copy of m, the match of an attributed
// quote, to be kept in its attrib. The matches of a document of more than
// minSharedMatches quotes are shared when equal (==, their captures
// included: equal spans of the same pattern's names, see rules.Captures):
// the spans are token indexes within a sentence, so every row of a
// transcript matches the same way, and a match is 128 bytes, more than
// the attrib that points to it (88). The others are copied into blocks of
// matchBlock.
func (a *analysis) keepMatch(m rules.Match) *rules.Match {
	if len(a.quotes) <= minSharedMatches {
		return a.newMatch(m)
	}
	if p, ok := a.matches[m]; ok {
		return p
	}
	p := a.newMatch(m)
	if len(a.matches) < maxSharedMatches {
		if a.matches == nil {
			a.matches = map[rules.Match]*rules.Match{}
		}
		a.matches[m] = p
	}
	return p
}

// newMatch copies m into the current block of matches.
func (a *analysis) newMatch(m rules.Match) *rules.Match {
	if len(a.matchBuf) == cap(a.matchBuf) {
		a.matchBuf = make([]rules.Match, 0, min(matchBlock, max(len(a.quotes), 1)))
	}
	a.matchBuf = append(a.matchBuf, m)
	return &a.matchBuf[len(a.matchBuf)-1]
}
