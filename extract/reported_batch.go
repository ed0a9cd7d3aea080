package extract

import (
	"math/bits"
	"unsafe"

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

// firstSearch is the first search of a sentence in a batch (its fields
// in firstSearchData), a whole number of cache lines long: the array of a
// batch, allocated in a size class of 64-byte multiples, holds each at
// the start of a line, so that what an attempt reads first (its search,
// the facts held, the cue sets built) is one line — the attempts of a
// rule go from one sentence to the next, each a first touch.
type firstSearch struct {
	firstSearchData
	_ [64 - unsafe.Sizeof(firstSearchData{})%64]byte // (never empty: a struct that ends in an empty field is padded)
}

// firstSearchData is a firstSearch: its search (with its window), the
// facts of the needs that its window held when the batch began, its cue
// scratch, tokens and hits, and the statement it found (when ok).
type firstSearchData struct {
	s    search
	held uint64 // (rules.Window.NeedsHeld)
	cues cueScratch
	ok   bool
	si   int
	toks []rules.Token
	hits []cueHit
	st   statement
}

// nextBatch returns the next batch of first searches from early.live[li]
// on (in buf's array), made: each sentence that the analysis's gates let
// through, with its window, searched by firstSearches; and the mask of
// those that found a statement (bit i: the batch's i-th).
func (x *Extractor) nextBatch(a *analysis, g *gates, early *earlyHits, li int, buf []firstSearch) ([]firstSearch, uint64) {
	for _, si := range early.live[li:min(li+firstBatch, len(early.live))] {
		sp := early.sents[si]
		if len(buf) < cap(buf) {
			buf = buf[:len(buf)+1]
		} else {
			buf = append(buf, firstSearch{})
		}
		f := &buf[len(buf)-1]
		f.si, f.toks, f.hits = int(si), a.toks(int(si)), early.all[sp.lo:sp.hi]
		f.s.w = a.window(int(si))
		if sp.sum >= 0 {
			f.s.w.UseSummary(&early.sums[sp.sum])
		}
	}
	return buf, x.firstSearches(g, buf)
}

// firstSearches runs the first search of each sentence of batch (reportIn
// from the sentence's start, every rule) rule by rule: each rule is tried
// on every sentence of the batch that it may match and that no rule of a
// higher priority matched, before the next rule — the attempts of
// reportIn, in another order (a rule's code and data stay in the caches
// from one sentence to the next). Each sentence's outcome is reportIn's.
// It returns the mask of the sentences that found a statement (bit i:
// batch[i], whose ok is set).
func (x *Extractor) firstSearches(g *gates, batch []firstSearch) uint64 {
	var union uint64
	var who [64]uint64 // per rule, the sentences of the batch that may try it (bit i: batch[i])
	for i := range batch {
		f := &batch[i]
		f.ok = false
		try := g.mayTry(presentIn(f.hits, 0, len(f.toks)))
		if try == 0 {
			continue
		}
		w := f.s.w
		f.cues.reset(f.hits, 0, len(f.toks))
		try &^= w.NeedsFail(g.needs)
		try &^= w.CueMarksFail(g.marks, f.hits, try)
		try &^= g.mask.fails(f.hits, try, w)
		f.s = search{w: w, g: g, cues: &f.cues, from: 0, to: len(f.toks), before: len(f.toks)}
		f.held = w.NeedsHeld(g.needs)
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
			if !g.needs.KnownIn(ri, f.held) && !f.s.w.NeedsKnown(g.needs, ri) && !f.s.w.NeedsHold(g.needs, ri, g.rules[ri]) {
				continue
			}
			if c, res := f.s.attempt(ri, true, &f.st.match); res == attemptMatched {
				f.st.found(f.toks, ri, c, nil)
				f.ok = true
				done |= 1 << i
			}
		}
	}
	return done
}
