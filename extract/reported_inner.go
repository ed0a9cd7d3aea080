package extract

import (
	"math/bits"

	"github.com/whosaid/whosaid/rules"
)

// The search inside a statement's content.
//
// report searches the content c of a statement for another statement,
// from c.Start+1 to c.End, with the rules from the statement's rule on
// (later): the first rule that matches gives the search's result, which
// counts only when its match begins at a token where opensClause holds
// (X said A, while Y argued B) — a match of that rule elsewhere ends the
// search all the same, uncounted. A rule that cannot begin at any such
// token of the range (its pattern's first items match none of them, see
// rules.Window.MayStartAt) gives no counted result, whatever it does; when
// every rule after some rule is such a rule, the search need not try them:
// if none before them matches, the result is uncounted with them or
// without. innerSearch leaves them out (and makes no search when every
// rule is one), so that the outcome — counted or not, and the match that
// trims the content — is the search's with every rule of later.

// innerSearch is report's search inside the content c of a statement
// whose rule is the first of later: it reports whether it found a
// statement in inner, as reportIn over [c.Start+1, c.End) with the rules
// of later does, where that statement counts (it begins at a token where
// opensClause holds); where it does not, it may report false.
func (x *Extractor) innerSearch(w *rules.Window, g *gates, hits []cueHit, cues *cueScratch, toks []rules.Token, c rules.Span, later uint64, inner *statement) bool {
	from, to := c.Start+1, c.End
	if from >= to || g.noneFrom(hits, from, later) {
		return false // (noneFrom: no cue in the content or after it)
	}
	if !x.opts.Explain && len(g.rules) <= 64 {
		later = x.innerRules(w, g, hits, toks, from, to, later)
		if later == 0 {
			return false
		}
	}
	return x.reportIn(w, g, hits, cues, toks, from, to, to, later, inner)
}

// innerRules returns the rules of only that the search inside a content,
// over [from, to), must try: those up to the last that reportIn would try
// and that can begin at a token of the range where opensClause holds (0
// when none can). A rule's match begins at one of its attempt's starts:
// from its first cue of the range less its lead (gateRule.lead) to its
// last, and only those are asked.
func (x *Extractor) innerRules(w *rules.Window, g *gates, hits []cueHit, toks []rules.Token, from, to int, only uint64) uint64 {
	// the cue lists of the range (presentIn), and its last cue
	var present uint64
	last := -1
	for _, h := range hits {
		if h.Pos >= from && h.Pos < to {
			present |= h.Bits
			last = h.Pos
		}
	}
	try := g.mayTry(present) & only &^ g.anchored
	if try == 0 {
		return 0
	}
	// a rule with cues begins at its last cue or before it
	if try&g.always == 0 {
		to = last + 1
	}
	// the tokens where a counted statement may begin, bit p-from (a
	// longer range keeps every rule)
	if to-from > 64 {
		return only
	}
	var opens uint64
	conj := x.lists.conj
	for p := from; p < to; p++ {
		if t := &toks[p-1]; t.Kind != rules.Word || x.rules.InList(conj, t) {
			opens |= 1 << (p - from)
		}
	}
	for ; try != 0 && opens != 0; try &^= 1 << (63 - bits.LeadingZeros64(try)) {
		ri := 63 - bits.LeadingZeros64(try)
		e := &g.each[ri]
		o := opens
		if e.need != 0 {
			// the starts from the first cue less the lead to the last
			f, l := cuesIn(hits, e.need, from, to)
			if lo := f - e.lead - from; lo > 0 {
				o &= allRules << lo
			}
			o &= allRules >> (63 - (l - from))
		}
		for ; o != 0; o &= o - 1 {
			if w.MayStartAt(e.r, from+bits.TrailingZeros64(o)) {
				return only & (allRules >> (63 - ri))
			}
		}
	}
	return 0
}

// cuesIn returns the first and last of hits from from to to (exclusive)
// with an entry of the cue lists need (-1 for none).
func cuesIn(hits []cueHit, need uint64, from, to int) (f, l int) {
	f, l = -1, -1
	for _, h := range hits {
		if h.Pos >= from && h.Pos < to && h.Bits&need != 0 {
			if f < 0 {
				f = h.Pos
			}
			l = h.Pos
		}
	}
	return f, l
}
