package extract

// Quote scanning: the second stage of the pipeline (see DESIGN.md, "Scan
// quotes"). It runs on raw text, before any tokenizer, in one pass over the
// bytes with a stack of open quotes per paragraph; every newline ends a
// paragraph, so no quote ever crosses a line.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MarkPair is one opening/closing quotation-mark pair of the pair table.
type MarkPair struct {
	Open, Close rune
}

// DefaultMarkPairs returns the built-in pair table: “” ‘’, the straight " and '
// (each its own closer), «» ‹› „“ „” ‚‘ »« 「」 『』.
// (The ruleset normally supplies the table; this is for tests and the library's zero config.)
func DefaultMarkPairs() []MarkPair {
	return []MarkPair{
		{'“', '”'}, {'‘', '’'}, {'"', '"'}, {'\'', '\''},
		{'«', '»'}, {'‹', '›'}, {'„', '“'}, {'„', '”'},
		{'‚', '‘'}, {'»', '«'}, {'「', '」'}, {'『', '』'},
	}
}

// Quote is one quotation found by ScanQuotes. All offsets are byte offsets into the scanned text.
//
// A quote never contains a newline. Unclosed and ContinuesNext pieces have
// Close == 0 and CloseEnd == End. A quote cut short at an enclosing quote's
// closing mark (an inner mark that was never closed) is reported with
// Unclosed=true and Depth > 0, ending where its parent's content ends.
type Quote struct {
	Start, End          int  // the content, marks excluded; End exclusive
	OpenStart, CloseEnd int  // including the marks (CloseEnd == End when unclosed)
	Open, Close         rune // the marks; Close is 0 when unclosed
	Parent              int  // index in the result of the enclosing quote, -1 at top level
	Depth               int  // 0 at top level, 1 inside another quote, ...
	Unclosed            bool // no closing mark: bounded at the paragraph end or MaxLen
	Reopened            bool // this piece continues the previous quote (multi-paragraph convention)
	ContinuesNext       bool // the quote goes on in the next paragraph, which reopens it
}

// ScanWarning reports an unclosed or stray mark; scanning never fails.
type ScanWarning struct {
	Offset int    // byte offset of the mark
	Msg    string // e.g. "unclosed “ at end of paragraph"
}

// ScanOptions bounds the scan.
//
// In Pairs, pairs with a zero, invalid, space or control rune are ignored, and
// so are pairs past the 64th distinct mark rune.
type ScanOptions struct {
	Pairs  []MarkPair // nil means DefaultMarkPairs()
	MaxLen int        // maximum bytes of one quote's content; 0 means 5000
}

// qsMaxDepth bounds the quotes open inside each other: an opening mark
// beyond it is stray. Prose nests two or three deep; without a bound, a
// run of n opening marks makes n quotes each holding the rest of the run.
const qsMaxDepth = 8

// DefaultMaxQuoteLen is the MaxLen that ScanOptions{MaxLen: 0} means.
const DefaultMaxQuoteLen = 5000

// ScanQuotes finds the quotations in text, sorted by Start (outer before inner at equal starts).
//
// Rules, in short:
//   - Every '\n' ends a paragraph (a lone '\r' does not: CRLF is fine, the
//     '\r' is trailing whitespace); a quote never crosses one. A quote still
//     open at the end of its paragraph is reported Unclosed (with a warning),
//     its content running to the paragraph end, trailing whitespace trimmed —
//     unless the next non-blank paragraph starts (after whitespace) with the
//     same opening mark: then the piece has ContinuesNext (and Unclosed=false)
//     and the next paragraph's piece has Reopened.
//   - Marks whose pair has Open == Close (" and ' by default) and the
//     apostrophe-like marks ' ‘ ’ ‚ are decided by context: a mark opens
//     after the paragraph start, whitespace, ( [ {, a dash, '/', ':' or
//     another opening mark, when followed by a non-space; it closes an open
//     quote after a non-space. The apostrophe-like marks do not close before
//     a letter or digit (don’t, Trump’s, o’clock) or after 'n (rock 'n' roll),
//     and do not open before two digits (’90s, '95) or an elided word ('em,
//     'n', 'tis, 'twas, 'til, 'cause, 'cos, 'bout, 'nuff); an apostrophe-like
//     mark that neither opens nor closes is an apostrophe, without warning.
//   - Other marks are decided by the stack: if a quote is open whose closing
//     mark this is, it is closed (quotes opened inside it and still open are
//     cut there, Unclosed); otherwise the mark opens if it can, or is stray.
//   - Content is trimmed of whitespace at both ends (« bonjour » → bonjour);
//     empty or whitespace-only quotes are skipped with a warning.
//   - At most qsMaxDepth (8) quotes are open inside each other; an
//     opening mark beyond that is stray.
//   - Content is at most MaxLen bytes (counted from just after the opening
//     mark, before trimming): when the outermost open quote passes it, it
//     and every quote open inside it are cut there, Unclosed, with a warning.
//
// Invalid UTF-8 is read as one-byte ordinary characters. The work is linear in
// len(text) (plus sorting the warnings), whatever the input.
func ScanQuotes(text string, opt ScanOptions) ([]Quote, []ScanWarning) {
	t := &qsDefaultTable
	if opt.Pairs != nil {
		t = new(qsTable)
		t.compile(opt.Pairs)
	}
	maxLen := opt.MaxLen
	if maxLen <= 0 {
		maxLen = DefaultMaxQuoteLen
	}
	s := qsScanner{
		text:        text,
		t:           t,
		maxLen:      maxLen,
		lastOpenEnd: -1,
	}
	// News text has a quote every few hundred bytes: start with room for
	// that, rather than growing the result from nothing.
	s.quotes = make([]Quote, 0, len(text)/256+4)
	s.run()
	return s.results()
}

// qsMaxMarks bounds the distinct mark runes of a pair table; pairs that
// would add more are ignored.
const qsMaxMarks = 64

// qsTable is a compiled pair table, read-only once built.
type qsTable struct {
	n     int // marks in use
	marks [qsMaxMarks]qsMark
	// class of each byte: 0 ordinary, qsNewline, qsASCIIMark (the mark
	// index is in ascii), qsLead (first byte of a non-ASCII mark rune).
	class [256]uint8
	ascii [128]int8
}

const (
	qsNewline = 1 + iota
	qsASCIIMark
	qsLead
)

// qsMark is one distinct mark rune of a table.
type qsMark struct {
	r       rune
	opens   bool   // the opening mark of at least one pair
	context bool   // decided by context (Open == Close pair, or apostrophe-like)
	apos    bool   // apostrophe-like: ' ‘ ’ ‚
	closes  uint64 // bit o set: this rune closes quotes opened by mark o
}

var qsDefaultTable = func() (t qsTable) {
	t.compile(DefaultMarkPairs())
	return t
}()

// qsUsableMark reports whether r may be a quotation mark: a valid, visible,
// non-space rune other than the replacement character.
func qsUsableMark(r rune) bool {
	return r > 0 && r != utf8.RuneError && utf8.ValidRune(r) &&
		!unicode.IsSpace(r) && !unicode.IsControl(r)
}

// compile builds the table for pairs into t (which must be zero), ignoring
// unusable runes and pairs past qsMaxMarks distinct runes.
func (t *qsTable) compile(pairs []MarkPair) {
	for i := range t.ascii {
		t.ascii[i] = -1
	}
	t.class['\n'] = qsNewline
	index := func(r rune) int {
		if i := t.find(r); i >= 0 {
			return i
		}
		if t.n == qsMaxMarks {
			return -1
		}
		m := &t.marks[t.n]
		m.r = r
		switch r {
		case '\'', '‘', '’', '‚':
			m.apos, m.context = true, true
		}
		if r < utf8.RuneSelf {
			t.class[r] = qsASCIIMark
			t.ascii[r] = int8(t.n)
		} else {
			var b [utf8.UTFMax]byte
			utf8.EncodeRune(b[:], r)
			t.class[b[0]] = qsLead
		}
		t.n++
		return t.n - 1
	}
	for _, p := range pairs {
		if !qsUsableMark(p.Open) || !qsUsableMark(p.Close) {
			continue
		}
		o, c := index(p.Open), index(p.Close)
		if o < 0 || c < 0 {
			continue
		}
		t.marks[o].opens = true
		if p.Open == p.Close {
			t.marks[o].context = true
		}
		t.marks[c].closes |= 1 << o
	}
}

// find returns the mark index of r, or -1.
func (t *qsTable) find(r rune) int {
	for i := range t.marks[:t.n] {
		if t.marks[i].r == r {
			return i
		}
	}
	return -1
}

// qsOpen is a quote on the stack of the current paragraph.
type qsOpen struct {
	res          int // its slot in the results
	mark         int // mark index of the opening mark
	openStart    int
	contentStart int
	reopenOf     int // result slot of the piece it continues, or -1
}

// qsPending is a piece left open at the end of a paragraph, waiting to see
// whether the next non-blank paragraph reopens it.
type qsPending struct {
	res, mark, openStart int
}

// Warning kinds (qsScanner.warn).
const (
	qsWarnPara = iota
	qsWarnMaxLen
	qsWarnInner
	qsWarnStray
	qsWarnEmpty
	qsWarnKinds
)

// qsScanner is the state of one ScanQuotes call.
type qsScanner struct {
	text        string
	t           *qsTable
	maxLen      int
	stack       []qsOpen
	counts      [qsMaxMarks]int32 // open quotes on the stack per mark index
	openMask    uint64            // bit m set: counts[m] > 0
	quotes      []Quote           // slots in opening order; OpenStart -1 marks a dropped one
	warns       []ScanWarning
	msgs        []string // warning messages, built on first use
	dropped     int
	lineStart   int
	lastOpenEnd int // offset just after the last mark that opened a quote
	pending     []qsPending
}

// run scans the whole text: one pass over the bytes, decoding only the
// runes whose first byte may start a mark.
func (s *qsScanner) run() {
	text, t := s.text, s.t
	for i := 0; i < len(text); {
		c := t.class[text[i]]
		if c == 0 {
			i++
			continue
		}
		switch c {
		case qsNewline:
			s.paragraphEnd(i)
			s.lineStart = i + 1
			i++
		case qsASCIIMark:
			s.mark(i, 1, int(t.ascii[text[i]]))
			i++
		default:
			r, w := utf8.DecodeRuneInString(text[i:])
			if w > 1 {
				if m := t.find(r); m >= 0 {
					s.mark(i, w, m)
				}
			}
			i += w
		}
	}
	s.paragraphEnd(len(text))
	s.resolvePending(-1)
}

// results compacts the slots and orders the warnings.
func (s *qsScanner) results() ([]Quote, []ScanWarning) {
	qs := s.quotes
	if s.dropped > 0 {
		remap := make([]int, len(qs))
		n := 0
		for i, q := range qs {
			if q.OpenStart < 0 {
				remap[i] = -1
				continue
			}
			remap[i] = n
			if q.Parent >= 0 {
				q.Parent = remap[q.Parent]
			}
			qs[n] = q
			n++
		}
		qs = qs[:n]
	}
	if len(qs) == 0 {
		qs = nil
	}
	ws := s.warns
	byOffset := func(a, b ScanWarning) int { return a.Offset - b.Offset }
	if !slices.IsSortedFunc(ws, byOffset) {
		slices.SortFunc(ws, byOffset) // offsets are distinct: one warning per mark
	}
	return qs, ws
}

// Actions for a mark.
const (
	qsStray = iota
	qsDoOpen
	qsDoClose
)

// mark handles the mark with index m at text[pos:pos+w].
func (s *qsScanner) mark(pos, w, m int) {
	info := &s.t.marks[m]
	if len(s.stack) > 0 {
		// Cut at MaxLen before this mark if the outermost quote's content
		// would pass it, so that no mark of an inner quote sticks out of the
		// cut; the outermost quote's own closing mark may end right after it.
		n := pos - s.stack[0].contentStart
		if n > s.maxLen || n+w > s.maxLen &&
			!(len(s.stack) == 1 && info.closes>>s.stack[0].mark&1 != 0) {
			s.cutAll()
		}
	}
	available := info.closes&s.openMask != 0
	act := qsStray
	if info.context {
		act = s.decide(pos, w, info, available)
	} else if available {
		act = qsDoClose
	} else if info.opens {
		act = qsDoOpen
	}

	reopenOf := -1
	if len(s.pending) > 0 {
		// The first mark after a paragraph that ended with open quotes.
		link := -1
		if act == qsDoOpen && s.blank(s.lineStart, pos) {
			for k, p := range s.pending {
				if p.mark == m {
					link = k
					break
				}
			}
		}
		if link >= 0 {
			reopenOf = s.pending[link].res
		}
		s.resolvePending(link)
	}

	if act == qsDoOpen && len(s.stack) >= qsMaxDepth {
		act = qsStray // a run of opening marks must not multiply the quotes
	}
	switch act {
	case qsDoOpen:
		s.stack = append(s.stack, qsOpen{
			res: len(s.quotes), mark: m, openStart: pos, contentStart: pos + w, reopenOf: reopenOf,
		})
		s.quotes = append(s.quotes, Quote{OpenStart: -1})
		s.counts[m]++
		s.openMask |= 1 << m
		s.lastOpenEnd = pos + w
	case qsDoClose:
		s.closeAt(pos, w, m)
	default:
		if !info.apos {
			s.warn(pos, m, qsWarnStray)
		}
	}
}

// Left and right contexts of a context-decided mark.
const (
	qsLStart    = iota // paragraph start
	qsLSpace           // whitespace
	qsLBracket         // ( [ {
	qsLAmbig           // dash, slash, colon: opens or closes
	qsLOpenMark        // right after a mark that opened a quote
	qsLOther
)

const (
	qsREnd = iota // paragraph end
	qsRSpace
	qsRAlnum // letter or digit
	qsROther
)

// decide applies the context rule to a same-character or apostrophe-like mark.
func (s *qsScanner) decide(pos, w int, info *qsMark, available bool) int {
	text := s.text
	left := qsLOther
	switch {
	case pos == s.lineStart:
		left = qsLStart
	case pos == s.lastOpenEnd:
		left = qsLOpenMark
	default:
		r, _ := utf8.DecodeLastRuneInString(text[s.lineStart:pos])
		switch {
		case qsIsSpace(r):
			left = qsLSpace
		case r == '(' || r == '[' || r == '{':
			left = qsLBracket
		case r == '/' || r == ':' || r == '—' || r == '–' || r == '―' || r == '‒':
			left = qsLAmbig
		}
	}
	j := pos + w
	right := qsROther
	if j >= len(text) || text[j] == '\n' {
		right = qsREnd
	} else {
		r, _ := utf8.DecodeRuneInString(text[j:])
		switch {
		case qsIsSpace(r):
			right = qsRSpace
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			right = qsRAlnum
		}
	}

	topMatches := false
	if available {
		top := s.stack[len(s.stack)-1].mark
		topMatches = info.closes>>top&1 != 0
	}
	var leftClose bool
	switch left {
	case qsLOther, qsLAmbig:
		leftClose = true
	case qsLOpenMark:
		leftClose = topMatches // an empty quote: "" ‘’
	}
	leftOpen := left != qsLOther
	rightClose := right != qsRAlnum || !info.apos
	if info.apos && left == qsLOther && qsAfterElidedN(text, s.lineStart, pos) {
		rightClose = false // the second mark of rock 'n' roll
	}
	rightOpen := right == qsRAlnum || right == qsROther

	if left == qsLSpace && right != qsRAlnum && topMatches && !info.apos && qsAfterSpacedSingle(text, s.lineStart, pos) {
		// a free-standing mark after a nested quote's closing single mark
		// closes the outer quote: "… the term 'outreach,' " he said.
		return qsDoClose
	}
	canClose := available && leftClose && rightClose
	canOpen := info.opens && leftOpen && rightOpen && !(info.apos && qsElision(text, j))
	switch {
	case canClose && canOpen:
		if left == qsLOpenMark || right != qsRAlnum {
			return qsDoClose
		}
		return qsDoOpen
	case canClose:
		return qsDoClose
	case canOpen:
		return qsDoOpen
	}
	return qsStray
}

// qsAfterSpacedSingle reports whether text[lo:pos] ends in a closing single
// mark (' or ’), possibly after punctuation, then one space.
func qsAfterSpacedSingle(text string, lo, pos int) bool {
	if pos-lo < 2 || text[pos-1] != ' ' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo : pos-1])
	return r == '\'' || r == '’'
}

// qsElision reports whether text[j:], right after an apostrophe-like mark,
// makes the mark an apostrophe: two digits (’90s, '95) or an elided word
// ('em, 'n', 'tis, 'twas, 'til, 'cause, 'cos, 'bout, 'nuff).
func qsElision(text string, j int) bool {
	if j+1 < len(text) && qsDigit(text[j]) && qsDigit(text[j+1]) {
		k := j + 2
		return k >= len(text) || text[k] == 's' || !qsWordAt(text, k)
	}
	k := j
	for k < len(text) && k-j <= 5 && qsLetter(text[k]) {
		k++
	}
	if k == j || k-j > 5 || (k < len(text) && qsWordAt(text, k)) {
		return false
	}
	w := text[j:k]
	for _, e := range [...]string{"em", "n", "tis", "twas", "til", "cause", "cos", "bout", "nuff"} {
		if strings.EqualFold(w, e) {
			return true
		}
	}
	return false
}

// qsAfterElidedN reports whether text[lo:pos] ends with an apostrophe-like
// mark and an n, as in rock 'n.
func qsAfterElidedN(text string, lo, pos int) bool {
	if pos-lo < 2 || text[pos-1] != 'n' && text[pos-1] != 'N' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo : pos-1])
	return r == '\'' || r == '‘' || r == '’'
}

func qsDigit(b byte) bool  { return '0' <= b && b <= '9' }
func qsLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// qsWordAt reports whether a letter or digit starts at text[k].
func qsWordAt(text string, k int) bool {
	if b := text[k]; b < utf8.RuneSelf {
		return qsDigit(b) || qsLetter(b)
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// qsIsSpace is unicode.IsSpace with an ASCII fast path.
func qsIsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// closeAt closes the nearest open quote that the mark m at text[pos:pos+w]
// closes; quotes opened inside it and still open are cut at the same point.
func (s *qsScanner) closeAt(pos, w, m int) {
	closes := s.t.marks[m].closes
	k := len(s.stack) - 1
	for closes>>s.stack[k].mark&1 == 0 {
		k--
	}
	end := s.trimBack(pos, s.stack[k].contentStart)
	for j := k + 1; j < len(s.stack); j++ {
		it := s.stack[j]
		s.finalize(it, j, end, 0, end)
		s.warn(it.openStart, it.mark, qsWarnInner)
	}
	if !s.finalize(s.stack[k], k, end, s.t.marks[m].r, pos+w) {
		s.warn(s.stack[k].openStart, s.stack[k].mark, qsWarnEmpty)
	}
	s.pop(k)
}

// cutAll ends every open quote at MaxLen bytes after the outermost one's
// content start.
func (s *qsScanner) cutAll() {
	lo := s.stack[0].contentStart
	end := s.trimBack(s.runeFloor(lo+s.maxLen, lo), lo)
	for j, it := range s.stack {
		s.finalize(it, j, end, 0, end)
		s.warn(it.openStart, it.mark, qsWarnMaxLen)
	}
	s.pop(0)
}

// paragraphEnd ends the paragraph at text[i] ('\n' or the end of text).
func (s *qsScanner) paragraphEnd(i int) {
	if len(s.pending) > 0 && !s.blank(s.lineStart, i) {
		s.resolvePending(-1)
	}
	if len(s.stack) == 0 {
		return
	}
	if i-s.stack[0].contentStart > s.maxLen {
		s.cutAll()
		return
	}
	end := s.trimBack(i, s.stack[0].contentStart)
	for j, it := range s.stack {
		if s.finalize(it, j, end, 0, end) {
			s.pending = append(s.pending, qsPending{res: it.res, mark: it.mark, openStart: it.openStart})
		} else {
			s.warn(it.openStart, it.mark, qsWarnPara)
		}
	}
	s.pop(0)
}

// resolvePending settles the pieces left open at the last paragraph end: the
// one at index link (if >= 0) is being reopened; the others are unclosed.
func (s *qsScanner) resolvePending(link int) {
	for k, p := range s.pending {
		if k != link {
			s.warn(p.openStart, p.mark, qsWarnPara)
		}
	}
	s.pending = s.pending[:0]
}

// pop removes the stack items from index k up.
func (s *qsScanner) pop(k int) {
	for _, it := range s.stack[k:] {
		if s.counts[it.mark]--; s.counts[it.mark] == 0 {
			s.openMask &^= 1 << it.mark
		}
	}
	s.stack = s.stack[:k]
}

// finalize fills the result slot of it, the stack item at depth, with the
// content ending at end; closeRune is 0 when unclosed. It reports false when
// the content is empty and the quote is dropped.
func (s *qsScanner) finalize(it qsOpen, depth, end int, closeRune rune, closeEnd int) bool {
	start := s.trimFwd(it.contentStart, end)
	if start >= end {
		s.dropped++
		if it.reopenOf >= 0 {
			// The piece it would continue stays unclosed after all.
			prev := &s.quotes[it.reopenOf]
			s.warn(prev.OpenStart, s.t.find(prev.Open), qsWarnPara)
		}
		return false
	}
	parent := -1
	if depth > 0 {
		parent = s.stack[depth-1].res
	}
	q := Quote{
		Start: start, End: end,
		OpenStart: it.openStart, CloseEnd: closeEnd,
		Open: s.t.marks[it.mark].r, Close: closeRune,
		Parent: parent, Depth: depth,
		Unclosed: closeRune == 0,
	}
	if it.reopenOf >= 0 {
		q.Reopened = true
		prev := &s.quotes[it.reopenOf]
		prev.ContinuesNext = true
		prev.Unclosed = false
	}
	s.quotes[it.res] = q
	return true
}

// trimBack moves i back over whitespace, not below lo.
func (s *qsScanner) trimBack(i, lo int) int {
	text := s.text
	for i > lo {
		if b := text[i-1]; b < utf8.RuneSelf {
			if b != ' ' && (b < '\t' || b > '\r') {
				break
			}
			i--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[lo:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= size
	}
	return i
}

// trimFwd moves i forward over whitespace, not past hi.
func (s *qsScanner) trimFwd(i, hi int) int {
	text := s.text
	for i < hi {
		if b := text[i]; b < utf8.RuneSelf {
			if b != ' ' && (b < '\t' || b > '\r') {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:hi])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// runeFloor moves i back to the start of the valid multi-byte rune that
// contains it, if any, not below lo. (Invalid bytes are one-byte characters.)
func (s *qsScanner) runeFloor(i, lo int) int {
	text := s.text
	if i >= len(text) || utf8.RuneStart(text[i]) {
		return i
	}
	for back := 1; back < utf8.UTFMax && i-back >= lo; back++ {
		p := i - back
		if utf8.RuneStart(text[p]) {
			if _, size := utf8.DecodeRuneInString(text[p:]); size > back {
				return p
			}
			return i
		}
	}
	return i
}

// blank reports whether text[i:j] is all whitespace.
func (s *qsScanner) blank(i, j int) bool {
	return s.trimFwd(i, j) == j
}

// warn records a warning of the given kind for the mark m at offset.
func (s *qsScanner) warn(offset, m, kind int) {
	if s.msgs == nil {
		s.msgs = make([]string, s.t.n*qsWarnKinds)
	}
	msg := &s.msgs[m*qsWarnKinds+kind]
	if *msg == "" {
		r := string(s.t.marks[m].r)
		switch kind {
		case qsWarnPara:
			*msg = "unclosed " + r + " at end of paragraph"
		case qsWarnMaxLen:
			*msg = "unclosed " + r + " cut at the maximum quote length"
		case qsWarnInner:
			*msg = "unclosed " + r + " ended by the enclosing quote's closing mark"
		case qsWarnStray:
			*msg = "stray " + r + ": no quote to close and cannot open here"
		case qsWarnEmpty:
			*msg = "empty quote " + r + " skipped"
		}
	}
	s.warns = append(s.warns, ScanWarning{Offset: offset, Msg: *msg})
}
