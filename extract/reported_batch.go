package extract

import (
	"math/bits"

	"github.com/whosaid/whosaid/rules"
)

// The first searches of report, rule by rule over a batch of sentences.
//
// A sentence's first search (reportIn from its start, every rule) tries
// the rules that may match it in the order of priority until one matches.
// Run one sentence after another, each attempt enters the matcher along
// another rule's path: the code of the search is several times the size
// of the instruction cache, and most of an attempt's cost was its first
// touch (docs/performance.md, "The eighteenth round (order)"). Run rule
// by rule — each rule tried on every sentence of the batch that it may
// match and that no rule of a higher priority matched, before the next
// rule — every sentence sees the attempts of reportIn, in the same order
// among its own rules, and the same outcome (the windows, their memos
// and the cue scratch are each sentence's own), while the code and data
// of one rule serve the batch's sentences in a row.

// firstBatch is the number of sentences whose first searches report runs
// together (firstSearches): at most 64, the bits of its masks; the
// windows of a batch are lent together, far fewer than maxWindows.
const firstBatch = 64

// firstSearch is the first search of a sentence in a batch: its tokens,
// hits and window, its cue scratch, and the statement it found (when ok).
type firstSearch struct {
	si   int
	toks []rules.Token
	hits []cueHit
	w    *rules.Window
	ok   bool
	cues cueScratch
	st   statement
}

// nextBatch returns the next batch of first searches from sentence si on
// (in buf's array), made: each sentence that the analysis's gates let
// through, with its window, searched by firstSearches.
func (x *Extractor) nextBatch(a *analysis, g *gates, early *earlyHits, si int, buf []firstSearch) []firstSearch {
	for ; si < a.nsents && len(buf) < firstBatch; si++ {
		sp := early.sents[si]
		if sp.lo < 0 {
			continue
		}
		if len(buf) < cap(buf) {
			buf = buf[:len(buf)+1]
		} else {
			buf = append(buf, firstSearch{})
		}
		f := &buf[len(buf)-1]
		f.si, f.toks, f.hits = si, a.toks(si), early.all[sp.lo:sp.hi]
		f.w = a.window(si)
	}
	x.firstSearches(g, buf)
	return buf
}

// firstSearches runs the first search of each sentence of batch (reportIn
// from the sentence's start, every rule) rule by rule: each rule is tried
// on every sentence of the batch that it may match and that no rule of a
// higher priority matched, before the next rule — the attempts of
// reportIn, in another order (a rule's code and data stay in the caches
// from one sentence to the next). Each sentence's outcome is reportIn's.
func (x *Extractor) firstSearches(g *gates, batch []firstSearch) {
	var union uint64
	var who [64]uint64 // per rule, the sentences of the batch that may try it (bit i: batch[i])
	for i := range batch {
		f := &batch[i]
		f.ok = false
		try := g.mayTry(presentIn(f.hits, 0, len(f.toks)))
		if try == 0 {
			continue
		}
		f.cues.reset(f.hits, 0, len(f.toks))
		try &^= f.w.NeedsFail(g.needs)
		try &^= f.w.CueMarksFail(g.marks, f.hits, try)
		g.parseSpeakers(f, try&g.speakerFirst)
		union |= try
		for b := try; b != 0; b &= b - 1 {
			who[bits.TrailingZeros64(b)] |= 1 << i
		}
	}
	var done uint64 // the sentences whose search found a statement
	for ; union != 0; union &= union - 1 {
		ri := bits.TrailingZeros64(union)
		for m := who[ri] &^ done; m != 0; m &= m - 1 {
			i := bits.TrailingZeros64(m)
			f := &batch[i]
			if !f.w.NeedsKnown(g.needs, ri) && !f.w.NeedsHold(g.needs, ri, g.rules[ri]) {
				continue
			}
			s := search{w: f.w, g: g, cues: &f.cues, from: 0, to: len(f.toks), before: len(f.toks)}
			if c, res := s.attempt(ri, true, &f.st.match); res == attemptMatched {
				f.st.found(f.toks, ri, c, nil)
				f.ok = true
				done |= 1 << i
			}
		}
	}
}
