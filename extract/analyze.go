package extract

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid/rules"
)

// analysis is the per-document working state of the pipeline.
type analysis struct {
	c        *Cleaned
	rs       *rules.Ruleset
	view     string
	low      string // view with ASCII upper case lowered (on the kept lines), from cleanup or made by tokenize on first need
	quotes   []Quote
	warnings []ScanWarning
	// innerOuter: the document uses inner marks (‘…’) as its outer
	// quotation (see scanQuotes)
	innerOuter bool
	head       int        // with innerOuter: the end of the first line of text (see headEnd)
	sents      []sentence // the sentences, then the openings of quotes (see quoteHead)
	nsents     int        // the number of sentences proper
	qloc       []qloc     // per quote
	attrs      []attrib   // per quote
	explains   [][]string // per quote, with Options.Explain: how each rule fared (nil without)
	ents       *entities
	sc         *scratch      // reused buffers, returned to the extractor by release
	store      []rules.Token // the token chunk being filled
	// matches holds the shared matches of attrs, matchBuf the block that
	// new ones go into (see keepMatch)
	matches  map[rules.Match]*rules.Match
	matchBuf []rules.Match
	sample   []rules.Token // the tokens of the start of a long paragraph (see tokenBound)
	// heads holds per quote the index in sents of its opening (see
	// quoteHead), 0 until made
	heads    []int32
	lastHead headMark // the opening quoteHead made last
	// packToks is set for a document of more than packTokensAbove bytes,
	// whose sentences keep their tokens packed: packed[si] for sentence si
	// (nil for one that keeps them whole), in chunks of which pstore is
	// the one being filled, their Lower that is not a slice of the view or
	// low and their sets of word classes in ptab; paraBuf is the tokens of the paragraph being packed,
	// unpacked the buffers of the sentences unpacked (see analysis.toks)
	packToks bool
	packed   [][]rules.Packed
	pstore   []rules.Packed
	ptab     rules.PackTable
	paraBuf  []rules.Token
	unpacked unpackRing
	gaps     tokenGaps // with Options.Reported, what the rows need to know of the bytes between tokens
}

// headMark locates the tokens of the opening of quote qi in the token
// chunks: from index store of chunk number chunk (counted from one) on.
type headMark struct{ qi, chunk, store int }

// dropHead takes back the opening of quote qi when no rule matched in it
// and it is the last sentence made: its tokens and its sentence are free
// for the next ones. The openings of unattributed quotes were a tenth of
// the heap of a long document of short quotes.
func (a *analysis) dropHead(qi int) {
	if a.heads == nil || a.heads[qi] == 0 {
		return
	}
	si := int(a.heads[qi])
	if si != len(a.sents)-1 || a.attrs[qi].ok && a.attrs[qi].sent == si {
		return
	}
	if h := a.lastHead; h.qi == qi && h.chunk == a.sc.nchunk && h.store <= len(a.store) {
		clear(a.store[h.store:])
		a.store = a.store[:h.store]
	}
	a.sents[si] = sentence{}
	a.sents = a.sents[:si]
	a.heads[qi] = 0
}

// scratch holds buffers that one document's analysis uses and the next one
// reuses: the token chunks, the sentences and their matching windows, the
// name mentions. An
// Extractor keeps them in a sync.Pool, so that concurrent Extract calls
// each have their own.
type scratch struct {
	chunks   [][]rules.Token // token arrays of tokenChunk tokens or more
	nchunk   int             // chunks in use
	sents    []sentence
	wins     windowRing    // the sentences' matching windows
	mentions []nameMention // the name mentions of the entity table
	words    []string      // the words of a name mention (see entities.wordBuf)
	reps     []Record      // the statements' records before their merge (see withReported)
	// statements is the array of the statements that report finds, given
	// back by withReported
	statements []statement
	report     reportScratch // report's buffers
	clean      *cleanBufs    // cleanup's buffers (see Extractor.clean)

	byKey map[string]*keyEntry // the entity table's index by key (see entityIndex)
}

// getScratch returns a scratch for one document.
func (x *Extractor) getScratch() *scratch {
	if sc, ok := x.scratch.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

// release gives a's buffers back to the extractor; a must not be used
// after. The tokens are left as they are (the pool drops its buffers at
// garbage collection), the sentences are cleared; a long document's
// buffers are dropped.
func (x *Extractor) release(a *analysis) {
	sc := a.sc
	if sc == nil {
		return
	}
	clear(a.sents)
	sc.sents = a.sents[:0]
	long := false // the buffers of a long document are not kept
	if cap(sc.sents) > maxKeptSentences {
		sc.sents, long = nil, true
	}
	for i, c := range sc.chunks {
		if cap(c) > maxKeptChunk || i >= maxKeptChunks {
			sc.chunks[i], long = nil, true
		}
	}
	if long {
		sc.chunks = sc.chunks[:min(len(sc.chunks), maxKeptChunks)]
		sc.wins = windowRing{} // its windows hold tokens of the document
	}
	if a.ents != nil {
		clear(a.ents.mentions)
		sc.mentions = a.ents.mentions[:0]
		clear(a.ents.wordBuf[:cap(a.ents.wordBuf)]) // (words of the text)
		sc.words = a.ents.wordBuf[:0]
	}
	sc.nchunk = 0
	sc.wins.reset()
	a.sc, a.sents, a.store = nil, nil, nil
	x.scratch.Put(sc)
}

// maxKeptSentences, maxKeptChunk and maxKeptChunks bound the sentences and
// the token arrays that a scratch keeps for the next document: those of a
// long document or paragraph are garbage once its analysis is released,
// not held by the pool (nor by its matching windows) through the building
// of its rows.
const (
	maxKeptSentences = 1 << 16
	maxKeptChunk     = 1 << 16 // tokens
	maxKeptChunks    = 64      // chunks of tokenChunk tokens: 7 MB
)

// tokenSpace returns an empty slice with room for need tokens or more, in
// the current chunk or the next one (of tokenChunk tokens, or more for a
// long paragraph), reused from an earlier document when it is large
// enough. After filling it, the caller calls commit.
func (a *analysis) tokenSpace(need int) []rules.Token {
	if cap(a.store)-len(a.store) < need {
		n := max(need+16, tokenChunk)
		sc := a.sc
		if sc.nchunk < len(sc.chunks) && cap(sc.chunks[sc.nchunk]) >= n {
			a.store = sc.chunks[sc.nchunk][:0]
		} else {
			a.store = make([]rules.Token, 0, n)
			if sc.nchunk < len(sc.chunks) {
				sc.chunks[sc.nchunk] = a.store
			} else {
				sc.chunks = append(sc.chunks, a.store)
			}
		}
		sc.nchunk++
	}
	return a.store[len(a.store):len(a.store):cap(a.store)]
}

// commit takes the tokens toks, filled in a slice of tokenSpace, from the
// current chunk (unless they outgrew it), and returns them with their
// capacity cut to their length.
func (a *analysis) commit(toks []rules.Token, free []rules.Token) []rules.Token {
	if len(toks) <= cap(free) { // tokenize did not outgrow the chunk
		a.store = a.store[:len(a.store)+len(toks)]
	}
	return toks[:len(toks):len(toks)]
}

// fit returns the tokens para of a long paragraph, just committed, in an
// array of their size when they are alone in a chunk that they fill to
// less than seven eighths (tokenSpace reserves a third of the paragraph's
// bytes, which lone-CR lines or a long paragraph of short sentences do not
// fill). The chunk is dropped, not kept for the next document: a single
// paragraph of many megabytes would otherwise hold a third more memory than
// its tokens all through the document.
func (a *analysis) fit(para []rules.Token) []rules.Token {
	sc := a.sc
	if len(para) < tokenChunk || len(a.store) != len(para) || &a.store[0] != &para[0] || len(para) >= cap(a.store)/8*7 {
		return para
	}
	own := make([]rules.Token, len(para))
	copy(own, para)
	sc.chunks[sc.nchunk-1] = nil
	a.store = nil
	return own
}

// sampleBytes is the length of the start of a long paragraph that
// tokenBound tokenizes to estimate its tokens.
const sampleBytes = 64 << 10

// tokenBound returns the room to reserve for the tokens of the paragraph
// view[start:end] (whose top-level quotes are qidx): a third of its bytes,
// or for a paragraph of more than four times sampleBytes, the tokens of its
// first sampleBytes scaled to its length, with a thirty-second more. A third
// was 60% more than the tokens of a long paragraph of lone-CR lines, and
// all of it was live, with the copy to an array of their size, while the
// paragraph was tokenized (a third of the peak heap of the document). A
// paragraph denser than its start outgrows the room, which append grows.
func (x *Extractor) tokenBound(a *analysis, start, end int, qidx []int) int {
	n := (end-start)/3 + 1
	if end-start <= 4*sampleBytes {
		return n
	}
	cut := start + sampleBytes
	for cut > start && a.view[cut-1] != ' ' && a.view[cut-1] != '\r' && a.view[cut-1] != '\n' {
		cut-- // a token boundary, at a space
	}
	if cut == start {
		return n
	}
	if a.sample == nil {
		a.sample = make([]rules.Token, 0, sampleBytes/3+1)
	}
	k := 0
	for k < len(qidx) && a.quotes[qidx[k]].OpenStart < cut {
		k++
	}
	toks := x.tokenize(a.view, start, cut, a.quotes, qidx[:k], a.sample[:0], &a.low)
	est := len(toks)*(end-start)/(cut-start)*33/32 + 64
	clear(toks) // a.sample is reused: its tokens hold strings of the view
	return min(n, est)
}

// tokenChunk is the number of tokens allocated at a time for the
// paragraphs of a document.
const tokenChunk = 2048

// maxSentenceTokens bounds a sentence; a longer run of tokens without a
// sentence end is cut. News sentences are far shorter (a quotation is one
// token).
const maxSentenceTokens = 400

// qloc locates a top-level quote: its sentence and token index there.
type qloc struct {
	sent, tok int // -1 for nested quotes
}

// attrib is the attribution of one quote (or of a statement of reported
// speech).
type attrib struct {
	ok   bool
	sent int // the sentence the match is in
	// m is the match (nil unless ok), read-only once kept: the quotes of a
	// long document share equal ones (see keepMatch); a statement has its
	// own. The attribs of unattributed quotes are never written, so that
	// a document of many quotes without speakers does not touch their
	// pages.
	m *rules.Match

	speaker string
	status  string
	title   string
	ent     *entity
	// guess is the rule of status guessed the speaker came from: the rule
	// itself, or for a continued turn the guess of the turn; nil if none.
	guess *rules.AttrRule
}

// analyze scans quotes, tokenizes the kept paragraphs and splits sentences.
// low is c.View with ASCII upper case lowered, byte for byte, on the kept
// lines at least (the lowered view that cleanup made), or "" to have the
// tokenizer make it when a word needs it.
func (x *Extractor) analyze(c *Cleaned, low string) *analysis {
	sc := x.getScratch()
	a := &analysis{c: c, rs: x.rules, view: c.View, low: low, sc: sc, sents: sc.sents[:0], packToks: len(c.View) > x.packTokensAbove}
	a.quotes, a.warnings, a.innerOuter = x.scanQuotes(c.View)
	if a.innerOuter {
		a.head = headEnd(c.View)
	}
	a.qloc = make([]qloc, len(a.quotes))
	for i := range a.qloc {
		a.qloc[i] = qloc{-1, -1}
	}
	qi := 0
	early := x.opts.Reported && x.startHits(a)
	// The tokens of all paragraphs go into chunks of one array, which
	// sentences slice; a paragraph that does not fit gets its own array
	// (or in a long document, they are packed: see packTokensAbove).
	for li, l := range c.Lines {
		if l.Dropped || strings.TrimSpace(c.View[l.Start:l.End]) == "" {
			continue
		}
		// top-level quotes of this line
		var qidx []int
		for qi < len(a.quotes) && a.quotes[qi].OpenStart < int(l.End) {
			if a.quotes[qi].Depth == 0 && a.quotes[qi].OpenStart >= int(l.Start) {
				qidx = append(qidx, qi)
			}
			qi++
		}
		pack := a.packToks && l.End-l.Start <= maxPackedPara
		para := x.paragraph(a, l, qidx, pack)
		if len(para) == 0 {
			continue
		}
		x.rules.ClassifyAll(para)
		s0 := len(a.sents)
		x.sentences(a, para, li)
		if pack {
			a.packSentences(s0)
		}
		if early {
			x.findHits(a, s0, len(qidx) > 0) // (reported speech's cue hits, the tokens in cache)
		}
	}
	a.nsents = len(a.sents)
	// made after the tokens, so that they are not live at the peak of
	// tokenizing a long paragraph
	a.attrs = make([]attrib, len(a.quotes))
	if x.opts.Explain {
		a.explains = make([][]string, len(a.quotes))
	}
	return a
}

// paragraph returns the tokens of the paragraph l (whose top-level quotes
// are qidx): in a.paraBuf when they are to be packed, else in the token
// chunks.
func (x *Extractor) paragraph(a *analysis, l Line, qidx []int, pack bool) []rules.Token {
	if pack {
		para := x.tokenizeN(a.view, int(l.Start), int(l.End), a.quotes, qidx, a.paraBuf[:0], &a.low, math.MaxInt, x.gapsOf(a))
		a.paraBuf = para[:0]
		return para
	}
	free := a.tokenSpace(x.tokenBound(a, int(l.Start), int(l.End), qidx))
	para := x.tokenizeN(a.view, int(l.Start), int(l.End), a.quotes, qidx, free, &a.low, math.MaxInt, x.gapsOf(a))
	if len(para) == 0 {
		return nil
	}
	return a.fit(a.commit(para, free))
}

// sentences splits the tokens para of paragraph li into sentences, appended
// to a.sents.
func (x *Extractor) sentences(a *analysis, para []rules.Token, li int) {
	s := 0
	first := true
	depth := 0
	for i := range para {
		// (only punctuation and quotations bracket or end a sentence)
		k := para[i].Kind
		if k == rules.Word && i+1 < len(para) && i+1-s < maxSentenceTokens {
			continue // (most tokens: the tests below in short)
		}
		if k == rules.Punct {
			switch para[i].Text {
			case "(", "[":
				depth++
			case ")", "]":
				depth = max(0, depth-1)
			}
		}
		// a sentence is bounded in tokens, so that no input makes the
		// matching of a quote's window grow with the document
		if k == rules.QuoteT {
			// located in the sentence it ends up in (it has one more
			// token at each turn until it is cut)
			a.qloc[para[i].Quote] = qloc{len(a.sents), i - s}
		}
		if i == len(para)-1 || depth == 0 && (k == rules.Punct || k == rules.QuoteT) && x.endsSentence(para, i, a.quotes, a.view) || i+1-s >= maxSentenceTokens {
			st := sentence{toks: para[s : i+1 : i+1], para: li, first: first}
			st.toks[0].First = true
			a.sents = append(a.sents, st)
			first = false
			s = i + 1
		}
	}
}

// maxHeadTokens bounds the opening of a quotation that rules of scope quote
// see.
const maxHeadTokens = 40

// headTokensOf returns how many tokens of a quotation's opening the rules
// of scope quote of rs can read: maxHeadTokens, or fewer when each of them
// is anchored at the opening's start and reads a bounded number of tokens
// (rules.AttrRule.HeadReach; one more, so that an explanation of a miss
// names the same token after the part that matched). The default
// transcript label, ^ UPPER{1,3} :, reads four: its rule no longer has forty
// tokens made for every quotation, where it matches almost none.
func headTokensOf(rs *rules.Ruleset) int {
	n := 0
	for _, r := range rs.Attribution {
		if r.Scope != rules.ScopeQuote {
			continue
		}
		k, ok := r.HeadReach()
		if !ok {
			return maxHeadTokens
		}
		n = max(n, k+1)
	}
	return min(n, maxHeadTokens)
}

// maxHeadBytes bounds the text tokenized for the opening of a quotation.
const maxHeadBytes = 400

// quoteHead returns the index in a.sents of the opening of quote qi — its
// content up to the end of its first line, at most maxHeadTokens tokens —
// tokenized on first use and appended after the sentences proper.
func (x *Extractor) quoteHead(a *analysis, qi int) int {
	if a.heads == nil {
		a.heads = make([]int32, len(a.quotes))
	}
	if si := a.heads[qi]; si > 0 {
		return int(si)
	}
	q := a.quotes[qi]
	end := q.End
	if nl := strings.IndexByte(a.view[q.Start:end], '\n'); nl >= 0 {
		end = q.Start + nl
	}
	if end-q.Start > maxHeadBytes {
		end = q.Start + maxHeadBytes // enough for maxHeadTokens; cut at a rune start
		for end > q.Start && !utf8.RuneStart(a.view[end]) {
			end--
		}
	}
	mark := len(a.store)
	free := a.tokenSpace((end-q.Start)/3 + 1)
	if len(a.store) != mark {
		mark = 0 // a new chunk
	}
	toks := x.tokenizeN(a.view, q.Start, end, a.quotes, nil, free, &a.low, x.headTokens, nil)
	if len(toks) > 0 {
		toks = a.commit(toks, free)
	}
	a.lastHead = headMark{qi: qi, chunk: a.sc.nchunk, store: mark}
	if len(toks) > x.headTokens {
		toks = toks[:x.headTokens:x.headTokens]
	}
	if len(toks) > 0 {
		toks[0].First = true
	}
	si := len(a.sents) // > 0: after the sentence of the quote
	a.heads[qi] = int32(si)
	a.sents = append(a.sents, sentence{toks: toks, para: a.sents[a.qloc[qi].sent].para})
	return si
}

// attribute runs the attribution rules over every top-level quote.
func (x *Extractor) attribute(a *analysis) {
	var ns *rules.Needs // (compiled once the quotations tried pay for it: not for one article)
	if x.quotesTried.Add(int64(len(a.qloc))) > needsAfterQuotes {
		ns = x.needsOfQuotes()
	}
	for qi, loc := range a.qloc {
		if loc.sent < 0 {
			continue
		}
		at := &a.attrs[qi]
		for ri, r := range x.rules.Attribution {
			if r.Reported() {
				continue // matched per sentence, by report
			}
			if ns != nil && x.quoteNeedsAt[ri] >= 0 && !x.opts.Explain && !a.window(loc.sent).NeedsHold(ns, x.quoteNeedsAt[ri], r) {
				// a required item occurs nowhere in the sentence: the
				// match fails before any start is tried, without the
				// walk of the pattern per quotation
				continue
			}
			if r.Scope == rules.ScopeQuote && !x.opts.Explain && !x.headMay(a, qi, ri) {
				continue // (nor is the quotation's opening tokenized)
			}
			m, si, ok, why := x.tryRule(a, r, qi, loc)
			if x.opts.Explain {
				a.explains[qi] = append(a.explains[qi], fmt.Sprintf("%s (priority %d): %s", r.ID, r.Priority, why))
			}
			if ok {
				at.ok, at.m, at.sent = true, a.keepMatch(m), si
				if r.Status == rules.StatusGuessed {
					at.guess = r
				} else if r.Scope == rules.ScopeTurn {
					at.guess = a.attrs[a.prevTop(qi)].guess // a turn goes on as sure as it began
				}
				if rest := quoteRulesAfter(x.rules.Attribution, ri); x.opts.Explain && rest > 0 {
					a.explains[qi] = append(a.explains[qi], fmt.Sprintf("%d lower rules not tried: %s matched first", rest, r.ID))
				}
				break
			}
		}
		a.dropHead(qi)
	}
}

// headMay reports whether rule ri, of scope quote, may match in the
// opening of quote qi as far as the marks of punctuation it requires
// tell: each must occur in the quotation's text (a superset of the
// opening's).
func (x *Extractor) headMay(a *analysis, qi, ri int) bool {
	x.headPunctOnce.Do(func() {
		x.headPunct = make([]string, len(x.rules.Attribution))
		for k, r := range x.rules.Attribution {
			if r.Scope == rules.ScopeQuote && r.Pattern != nil {
				x.headPunct[k] = r.Pattern.RequiredPunct()
			}
		}
	})
	q := a.quotes[qi]
	for i := 0; i < len(x.headPunct[ri]); i++ {
		if strings.IndexByte(a.view[q.Start:q.End], x.headPunct[ri][i]) < 0 {
			return false
		}
	}
	return true
}

// needsAfterQuotes is how many quotations an Extractor tries before it
// compiles the needs of their rules (some 160,000 instructions, which the
// rules not tried save back in about forty quotations).
const needsAfterQuotes = 40

// needsOfQuotes returns the needs of the attribution rules in a
// quotation's sentence (see rules.NewQuoteNeeds), made on first use.
func (x *Extractor) needsOfQuotes() *rules.Needs {
	x.quoteNeedsOnce.Do(func() {
		// the rules of sentence scope only, those of reported speech
		// left to be read on first use
		var rs []*rules.AttrRule
		x.quoteNeedsAt = make([]int, len(x.rules.Attribution))
		for ri, r := range x.rules.Attribution {
			x.quoteNeedsAt[ri] = -1
			if r.Scope == rules.ScopeSentence && !r.Reported() {
				x.quoteNeedsAt[ri] = len(rs)
				rs = append(rs, r)
			}
		}
		x.quoteNeeds = rules.NewQuoteNeeds(rs)
	})
	return x.quoteNeeds
}

// quoteRulesAfter counts the rules after rs[i] that attribute quotations
// (not those of reported speech).
func quoteRulesAfter(rs []*rules.AttrRule, i int) int {
	n := 0
	for _, r := range rs[i+1:] {
		if !r.Reported() {
			n++
		}
	}
	return n
}

// prevTop returns the index of the top-level quote before quote qi, or -1.
func (a *analysis) prevTop(qi int) int {
	p := qi - 1
	for p >= 0 && a.qloc[p].sent < 0 {
		p--
	}
	return p
}

// paraGap counts the kept paragraphs from paragraph (line index) a to b.
func (a *analysis) paraGap(from, to int) int {
	n := 0
	for i := from + 1; i <= to && i < len(a.c.Lines); i++ {
		l := a.c.Lines[i]
		if !l.Dropped && strings.TrimSpace(a.view[l.Start:l.End]) != "" {
			n++
		}
	}
	return n
}

// tryRule matches one rule for the quote at loc; it returns the match, the
// sentence it lies in, and a reason when it did not match.
func (x *Extractor) tryRule(a *analysis, r *rules.AttrRule, qi int, loc qloc) (rules.Match, int, bool, string) {
	switch r.Scope {
	case rules.ScopeTurn:
		if loc.tok != 0 {
			return rules.Match{}, 0, false, "the quote does not open its sentence"
		}
		p := a.prevTop(qi)
		if p < 0 {
			return rules.Match{}, 0, false, "no previous quote"
		}
		if !a.attrs[p].ok {
			return rules.Match{}, 0, false, "the previous quote has no speaker"
		}
		here, there := a.sents[loc.sent], a.sents[a.qloc[p].sent]
		// a caption or subhead between two paragraphs does not end the turn
		if here.para != there.para && (!here.first || a.proseGap(x, there.para, here.para, a.sents[a.attrs[p].sent].para) > 1) {
			return rules.Match{}, 0, false, "the previous quote is not in this or the previous paragraph"
		}
		m := *a.attrs[p].m
		m.Rule = r
		return m, a.attrs[p].sent, true, "continues the turn of the previous quote"
	case rules.ScopeSentence:
		m, ok := a.window(loc.sent).Match(r, loc.tok)
		if !ok {
			return m, 0, false, x.miss("no match in the quote's sentence", r, a.toks(loc.sent), loc.tok)
		}
		if a.cueOfNextQuote(a.toks(loc.sent), loc.tok, m) {
			return rules.Match{}, 0, false, "the cue after this quote, which ended its sentence, introduces a later quote"
		}
		return m, loc.sent, true, x.matched(a.toks(loc.sent), m)
	case rules.ScopePrevious:
		if loc.tok != 0 {
			return rules.Match{}, 0, false, "the quote does not open its sentence"
		}
		if loc.sent == 0 {
			return rules.Match{}, 0, false, "no previous sentence"
		}
		prev := loc.sent - 1
		if a.paraGap(a.sents[prev].para, a.sents[loc.sent].para) > 1 {
			return rules.Match{}, 0, false, "the previous sentence is too far away"
		}
		if pp := a.sents[prev].para; pp != a.sents[loc.sent].para && (!endsWithTerminal(a.view, a.quotes, a.toks(prev)) || a.c.Lines[pp].Meta == MetaTitle && !endsWithColon(a.toks(prev))) {
			return rules.Match{}, 0, false, "the line before is a headline, caption or credit, not a sentence"
		}
		m, ok := a.window(prev).Match(r, -1)
		if !ok {
			return m, 0, false, x.miss("no match in the previous sentence", r, a.toks(prev), -1)
		}
		return m, prev, true, x.matched(a.toks(prev), m)
	case rules.ScopeNext:
		toks := a.toks(loc.sent)
		if loc.tok != len(toks)-1 && !(loc.tok == len(toks)-2 && toks[len(toks)-1].Kind == rules.Punct) {
			return rules.Match{}, 0, false, "the quote does not end its sentence"
		}
		next := loc.sent + 1
		if next >= a.nsents || a.paraGap(a.sents[loc.sent].para, a.sents[next].para) > 1 {
			return rules.Match{}, 0, false, "no next sentence"
		}
		m, ok := a.window(next).Match(r, -1)
		if !ok {
			return m, 0, false, x.miss("no match in the next sentence", r, a.toks(next), -1)
		}
		return m, next, true, x.matched(a.toks(next), m)
	case rules.ScopeReported:
		m, ok := a.window(loc.sent).Match(r, loc.tok)
		if !ok {
			return m, 0, false, x.miss("no match in the quote's sentence", r, a.toks(loc.sent), loc.tok)
		}
		return x.reportedTurn(a, r, qi, loc)
	case rules.ScopeQuote:
		si := x.quoteHead(a, qi)
		m, ok := a.window(si).Match(r, -1)
		if !ok {
			return m, 0, false, x.miss("no match in the quote's opening", r, a.toks(si), -1)
		}
		return m, si, true, x.matched(a.toks(si), m)
	}
	return rules.Match{}, 0, false, "unknown scope"
}

// matched describes match m, when explanations are on (else the reason is
// not read).
func (x *Extractor) matched(toks []rules.Token, m rules.Match) string {
	if !x.opts.Explain {
		return "matched"
	}
	return "matched " + describeMatch(toks, m)
}

// miss says why rule r did not match, when explanations are on (it costs a
// second match).
func (x *Extractor) miss(what string, r *rules.AttrRule, toks []rules.Token, quote int) string {
	if !x.opts.Explain {
		return what
	}
	return what + ": " + x.rules.ExplainMiss(r, toks, quote)
}

func describeMatch(toks []rules.Token, m rules.Match) string {
	var parts []string
	if m.HasSpkr {
		parts = append(parts, "speaker="+spanText(toks, m.Speaker.Mention))
	}
	if c, ok := m.Captures.Get("cue"); ok {
		parts = append(parts, "cue="+spanText(toks, c))
	}
	return strings.Join(parts, " ")
}

func spanText(toks []rules.Token, s rules.Span) string {
	if s.Len() <= 0 {
		return ""
	}
	if s.Len() == 1 {
		return toks[s.Start].Text
	}
	var b strings.Builder
	// (the tokens' bytes and a space between two: no more than the text
	// they span, whose spaces the join shortens)
	n := 0
	for i := s.Start; i < s.End; i++ {
		n += len(toks[i].Text) + 1
	}
	b.Grow(n)
	for i := s.Start; i < s.End; i++ {
		if i > s.Start && toks[i].Start > toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].Text)
	}
	return b.String()
}

// cueOfNextQuote reports whether match m ties the quotation toks[quote] to
// a cue after it that has a quotation of its own later in the sentence,
// while the quotation itself ends a sentence (. ! ? …): in “… a little
// bit.” Smith agreed: “…” and in Trump said she “caused death.” Sanders
// called Trump a “liar.” the cue opens a new sentence and introduces the
// quotation after it; the one before belongs to an earlier speaker.
func (a *analysis) cueOfNextQuote(toks []rules.Token, quote int, m rules.Match) bool {
	cue, ok := m.Captures.Get("cue")
	if !ok || cue.Start <= quote {
		return false
	}
	later := false
	for k := max(cue.End, m.Span.End); k < len(toks) && !later; k++ {
		later = toks[k].Kind == rules.QuoteT
	}
	if !later {
		return false
	}
	t := toks[quote]
	if t.Kind != rules.QuoteT || t.Quote < 0 || int(t.Quote) >= len(a.quotes) {
		return false
	}
	q := a.quotes[t.Quote]
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(a.view[q.Start:q.End], " "))
	return strings.ContainsRune(".!?…", last)
}

// endsWithColon reports whether a sentence ends with a colon: it leads into
// what follows, so it is no headline even where cleanup took it for one.
func endsWithColon(toks []rules.Token) bool {
	return len(toks) > 0 && toks[len(toks)-1].Text == ":"
}

// endsWithTerminal reports whether a sentence ends as prose does: with
// . ! ? : … or a quotation whose content ends so. A line that does not — a
// headline, a caption, a photo credit, a byline — is not the sentence
// before a quotation.
func endsWithTerminal(view string, quotes []Quote, toks []rules.Token) bool {
	if len(toks) == 0 {
		return false
	}
	t := toks[len(toks)-1]
	switch t.Kind {
	case rules.QuoteT:
		q := quotes[t.Quote]
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(view[q.Start:q.End], " "))
		return strings.ContainsRune(".!?:…,;", last)
	case rules.Punct:
		return strings.ContainsAny(t.Text, ".!?:…;")
	}
	return false
}

// proseGap is paraGap without the lines between that do not read as prose
// (a caption, a subhead, a tag line between two paragraphs of one speaker),
// but for line keep, which gave the previous quote its speaker (a source
// line, – Jane Doe, ends the turn).
func (a *analysis) proseGap(x *Extractor, from, to, keep int) int {
	n := 0
	for i := from + 1; i <= to && i < len(a.c.Lines); i++ {
		l := a.c.Lines[i]
		if l.Dropped || strings.TrimSpace(a.view[l.Start:l.End]) == "" {
			continue
		}
		if i < to && i != keep && !x.proseLine(a, int(l.Start)) {
			continue
		}
		n++
	}
	return n
}
