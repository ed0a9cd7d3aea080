package extract

import "github.com/whosaid/whosaid/rules"

// noneFrom reports whether reportIn from token from, with the rules of
// only, tries no rule, told without a pass over the hits: no hit stands
// at from or after it (the hits are in order, so the last tells), and
// every rule of only needs a cue — or is anchored at the start of the
// sentence, when from is past it. Such a search finds nothing, and most
// of the searches after a statement are such (no cue after its
// content). With more than 64 rules it reports false (the masks hold the
// first 64 alone).
func (g *gates) noneFrom(hits []cueHit, from int, only uint64) bool {
	if len(g.rules) > 64 || len(hits) > 0 && hits[len(hits)-1].Pos >= from {
		return false
	}
	try := g.always & only
	if from > 0 {
		try &^= g.anchored
	}
	return try == 0
}

// innerNext reports whether the search from token pos on that report
// makes after a statement (the rules of later, its rule's on) finds
// inner, the statement that the search inside the statement's content c
// found and counted (it begins at a clause's opening, and the content
// now ends before it, at pos or after), so that report takes inner and
// makes no search. It holds when the next search's starts and cues are a
// part of those of the search inside c, and its rules the same:
//   - pos lies inside c (from c.Start+1, the inner search's first start)
//     and not after inner's start;
//   - no hit stands from c.End on, and the tokens from c.End on are
//     punctuation (no match starts there: every rule of kind indirect
//     holds CLAUSE, which takes words);
//   - inner's rule matches at the first of its starts that does
//     (gates.leftmost), so its starts before inner's failed.
//
// The rules before inner's then failed from every start of the next
// search with its cues (a match reads no cue before its start), inner's
// fails from its starts before inner's, and matches at inner's, with the
// same match. Not with explanations, nor more than 64 rules (the masks).
func (g *gates) innerNext(hits []cueHit, toks []rules.Token, c rules.Span, pos int, inner *statement) bool {
	if len(g.rules) > 64 || pos <= c.Start || pos > inner.match.Span.Start || g.leftmost>>inner.rule&1 == 0 {
		return false
	}
	if len(hits) > 0 && hits[len(hits)-1].Pos >= c.End {
		return false
	}
	return trimContent(toks, c.End, len(toks)) == c.End
}
