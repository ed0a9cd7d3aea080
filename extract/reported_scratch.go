package extract

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/whosaid/whosaid/rules"
)

// reportScratch holds the buffers of report that the next document reuses:
// the cue hits of a sentence, the positions of the cues of a search (see
// cueScratch), the cues of the quotations (quoteCues) and the index of the
// typewriter marks, which were new arrays per document.
type reportScratch struct {
	hits       []cueHit
	cues       []int
	quoteCues  []quoteCue
	typewriter typewriterIndex
	early      earlyHits
	gaps       tokenGaps // the arrays of analysis.gaps
	firsts     []firstSearch
	// cueScr is report's cue scratch (its buf is cues while report runs)
	cueScr cueScratch
}

// earlyHits are the cue hits of a document's sentences, found by the
// analysis as it makes each paragraph's sentences (findHits), while their
// tokens are in the cache: report, which runs after attribution, then
// reads the tokens of no sentence that its gates turn away (45 % of the
// tokens) — their first touch since the analysis was the cue scan's.
type earlyHits struct {
	ok bool // made for the document under analysis (with Options.Reported, tokens not packed)
	// tw is the document's typewriter marks (typewriterMarks; nil for
	// none), found before the hits, which leave out those inside them
	tw    *typewriterIndex
	all   []cueHit
	sents []hitSpan // per sentence, its hits in all
	// live holds the sentences that the gates let through, in order
	// (those whose hitSpan's lo is not -1): the first searches' batches
	// are made from it, without a test per sentence passed over
	live []int32
	// sums holds the summaries of the windows of the sentences that the
	// gates let through (hitSpan.sum), made with their hits, the tokens in
	// the cache: the first search's window takes its own (UseSummary)
	// instead of reading the tokens again
	sums []rules.Summary
	// marks is where the marks that the rules without cues need stand in
	// the document (see markOffsets)
	marks markOffsets
}

// markOffsets is where the bytes of the marks that the rules without cues
// need (gates.alwaysPunct) stand in a document, found once by a search of
// its text: a sentence without cue hits in which none stands holds no
// match of those rules (gates.alwaysMay, which searches the sentence's
// bytes, would say so), told by a cursor that moves with the sentences.
type markOffsets struct {
	at   []int // the offsets, in order
	next int   // the first of at from the sentence last asked about on
	// every: some rule without cues needs no mark (a sentence may hold
	// its match whatever its marks)
	every bool
}

// find makes m the offsets of text's bytes of the marks of g.alwaysPunct.
func (m *markOffsets) find(g *gates, text string) {
	m.at, m.next, m.every = m.at[:0], 0, false
	var want rules.PunctSet
	for _, ps := range g.alwaysPunct {
		m.every = m.every || ps == rules.PunctSet{}
		want[0], want[1] = want[0]|ps[0], want[1]|ps[1]
	}
	n := 0 // (marks found)
	for half, w := range want {
		for ; w != 0; w &= w - 1 {
			c := byte(half<<6 | bits.TrailingZeros64(w))
			for k := 0; ; {
				i := strings.IndexByte(text[k:], c)
				if i < 0 {
					break
				}
				m.at = append(m.at, k+i)
				k += i + 1
			}
			n++
		}
	}
	if n > 1 {
		slices.Sort(m.at)
	}
}

// mayIn reports whether a byte of the marks stands in the text from lo to
// hi (every mark of some rule's set can only stand in a range that holds
// one of them); the ranges are asked in order (an earlier one is searched).
func (m *markOffsets) mayIn(lo, hi int) bool {
	if m.every {
		return true
	}
	k := nextFrom(m.at, m.next, lo)
	m.next = k
	return k < len(m.at) && m.at[k] < hi
}

// nextFrom returns the index of the first of at (sorted offsets) that is
// lo or more, from k on, the index found for an earlier lo (else by a
// search): a cursor that moves with the paragraphs and sentences of a
// document.
func nextFrom(at []int, k, lo int) int {
	if k > 0 && at[k-1] >= lo {
		return firstAt(at, lo) // (an earlier range: searched)
	}
	for k < len(at) && at[k] < lo {
		k++
	}
	return k
}

// hitSpan is the hits of a sentence in earlyHits.all, all[lo:hi], and its
// window's summary, earlyHits.sums[sum] (sum -1: none made); lo is -1 for
// a sentence that report's gates turn away (mayReport, gates.any,
// gates.alwaysMay).
type hitSpan struct{ lo, hi, sum int32 }

// startHits readies a's early hits for a document (the analysis asks with
// reported speech), and reports whether findHits is to make them: with
// tokens that are not packed (else report finds the hits itself).
func (x *Extractor) startHits(a *analysis) bool {
	if a.sc == nil {
		return false
	}
	e := &a.sc.report.early
	e.ok = !a.packToks && len(x.gates().rules) > 0
	e.all, e.sents, e.live, e.sums = e.all[:0], e.sents[:0], e.live[:0], e.sums[:0]
	e.tw = nil
	if e.ok {
		e.tw = x.typewriterMarks(a.view, &a.sc.report.typewriter)
		e.marks.find(x.gates(), a.view)
	}
	return e.ok
}

// findHits finds the cue hits of a's sentences from sentence s0 on (those
// of the paragraph just made), as report's gates do (for an analysis that
// startHits readied), and the summaries of the windows of those that the
// gates let through, unless the paragraph is quoted (holds a quotation:
// attribution makes and summarizes the windows of its sentences with a
// quotation before report asks them).
func (x *Extractor) findHits(a *analysis, s0 int, quoted bool) {
	e, g := &a.sc.report.early, x.gates()
	for si := s0; si < len(a.sents); si++ {
		toks := a.sents[si].toks
		lo := len(e.all)
		var ok bool
		para := 0 // (read only with typewriter marks)
		if e.tw != nil {
			para = a.paraStart(si)
		}
		if e.all, ok = x.hitsOf(g, a.view, toks, e.all, e.tw, para, &e.marks); ok {
			sum := int32(-1)
			if !quoted {
				sum = int32(len(e.sums))
				e.sums = append(e.sums, rules.Summary{})
				x.rules.Summarize(toks, g.needs, &e.sums[sum])
			}
			e.sents = append(e.sents, hitSpan{int32(lo), int32(len(e.all)), sum})
			e.live = append(e.live, int32(si))
			continue
		}
		e.all = e.all[:lo]
		e.sents = append(e.sents, hitSpan{-1, -1, -1})
	}
}

// firstWords returns the words of the first eight tokens of toks, summed
// without a branch (0 for fewer tokens): more than minStatementWords
// tells most sentences that mayReport lets through, without its loop,
// whose exit at the fourth word no predictor foretells.
func firstWords(toks []rules.Token) uint8 {
	if len(toks) < 8 {
		return 0
	}
	t := toks[:8]
	return wordKind(t[0].Kind) + wordKind(t[1].Kind) + wordKind(t[2].Kind) + wordKind(t[3].Kind) +
		wordKind(t[4].Kind) + wordKind(t[5].Kind) + wordKind(t[6].Kind) + wordKind(t[7].Kind)
}

// sentenceHits appends to buf the cue hits of a sentence's tokens toks
// (view is the document's text), and reports whether report's gates let
// the sentence be searched: it may hold a statement (mayReport), one of
// its hits or its marks may open a rule (gates.any, gates.alwaysMay).
// A hit inside a quotation in typewriter marks (tw, the document's, nil
// for none; para is the byte offset of the sentence's paragraph) is left
// out: a statement of that cue is the quoted speaker's, which report
// drops (typewriterQuoted), and its search would only be made to fail.
// When it reports false, what it appended is the caller's to drop.
func (x *Extractor) sentenceHits(g *gates, view string, toks []rules.Token, buf []cueHit, tw *typewriterIndex, para int) ([]cueHit, bool) {
	return x.hitsOf(g, view, toks, buf, tw, para, nil)
}

// hitsOf is sentenceHits with the offsets of the marks of the rules
// without cues in the document (nil: none known), by which a sentence
// without hits is let through only when one stands in it, before
// alwaysMay searches its bytes.
func (x *Extractor) hitsOf(g *gates, view string, toks []rules.Token, buf []cueHit, tw *typewriterIndex, para int, marks *markOffsets) ([]cueHit, bool) {
	if firstWords(toks) <= minStatementWords && !x.mayReport(toks) {
		return buf, false
	}
	lo := len(buf)
	buf = g.hits(toks, buf)
	if tw != nil && len(buf) > lo && tw.anyIn(para, int(toks[buf[len(buf)-1].Pos].Start)) {
		kept := slices.DeleteFunc(buf[lo:], func(h cueHit) bool { return inTypewriterQuote(view, para, int(toks[h.Pos].Start), tw) })
		buf = buf[:lo+len(kept)]
	}
	h := buf[lo:]
	return buf, g.any(h) && (len(h) > 0 || (marks == nil || marks.mayIn(int(toks[0].Start), int(toks[len(toks)-1].End))) && g.alwaysMay(view, toks))
}

// maxKeptReportBuf bounds the elements of each array of report that the
// scratch keeps for the next document (a long document's are not kept).
const maxKeptReportBuf = 1 << 12

// reportScratch returns the buffers of report that a's scratch holds (new
// ones without a scratch).
func (a *analysis) reportScratch() *reportScratch {
	if a.sc == nil {
		return new(reportScratch)
	}
	return &a.sc.report
}

// keep gives report's buffers back to rs, for the next document, when they
// are small.
func (rs *reportScratch) keep(hits []cueHit, cues []int, quoteCues []quoteCue) {
	rs.hits, rs.cues, rs.quoteCues = small(hits), small(cues), small(quoteCues)
	rs.cueScr = cueScratch{} // (its arrays are kept in rs.cues, or dropped: none held past the document)
	e := &rs.early
	e.ok, e.all, e.sents, e.live, e.sums = false, small(e.all), small(e.sents), small(e.live), small(e.sums)
	e.marks.at = small(e.marks.at)
	// the index's slices point into buf (or arrays of their own): only
	// buf and the array of marks are reused, from their starts
	tw := &rs.typewriter
	clear(tw.marks)
	tw.marks, tw.buf = tw.marks[:0], small(tw.buf)
}

// keepGaps gives the arrays of the gaps g back to rs, for the next
// document, when they are small (the rows read g until the document's end:
// the next analysis writes them over).
func (rs *reportScratch) keepGaps(g *tokenGaps) {
	rs.gaps.at = small(g.at)
}

// small returns s emptied when its array is small enough to keep, else nil.
func small[T any](s []T) []T {
	if cap(s) > maxKeptReportBuf {
		return nil
	}
	return s[:0]
}

// maxCueSets bounds the distinct sets of cue lists whose cues a search
// finds once for all its rules (see cueScratch).
const maxCueSets = 16

// cueScratch is the scratch space of reportIn for the positions of the
// cues: one slice of buf per set of cue lists (gates.cueSet) that a rule of
// the search has asked for, found on first use (most rules share their
// cue lists with others: the speech verbs), and the first and last of
// them before the end of the starts.
type cueScratch struct {
	built uint32 // bit k: sets[k] holds the cues of set k
	buf   []int
	// the hits of the sentence and the starts of the search
	hits     []cueHit
	from, to int
	sets     [maxCueSets + 1]cueSet
}

// cueSet is the cues of a set of cue lists in a search (a slice of
// cueScratch.buf: later sets are appended after it, and leave it as it is),
// and the first and last of them before the end of the starts.
type cueSet struct {
	cs   []int
	f, l int
}

// reset readies c for a search of the starts from from to to with the
// cue hits hits.
func (c *cueScratch) reset(hits []cueHit, from, to int) {
	c.buf, c.built = c.buf[:0], 0
	c.hits, c.from, c.to = hits, from, to
}

// of returns the cues of set k: the tokens of the hits from the first
// start on at which an entry of the lists of need, the set of cue lists k,
// starts, and the first and last of them before the end of the starts (-1
// for none). The set is the caller's to read until the next call.
func (c *cueScratch) of(k uint8, need uint64) *cueSet {
	if c.built>>k&1 != 0 { // (only bits below maxCueSets are set)
		return &c.sets[k%maxCueSets]
	}
	return c.build(k, need)
}

// build is of on the first use of set k: it finds the cues (a set past
// maxCueSets in the spare last entry of sets, found anew on each use).
func (c *cueScratch) build(k uint8, need uint64) *cueSet {
	from, to := c.from, c.to
	lo := len(c.buf)
	cs := c.buf
	f, l := -1, -1
	for _, h := range c.hits {
		if h.Pos < from || h.Bits&need == 0 {
			continue
		}
		cs = append(cs, h.Pos)
		if h.Pos < to {
			if f < 0 {
				f = h.Pos
			}
			l = h.Pos
		}
	}
	c.buf = cs
	if k >= maxCueSets {
		k = maxCueSets // the spare
	} else {
		c.built |= 1 << k
	}
	c.sets[k] = cueSet{cs[lo:], f, l}
	return &c.sets[k]
}
