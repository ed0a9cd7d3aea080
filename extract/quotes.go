package extract

// Quote scanning: the second stage of the pipeline (the marks it knows are
// the quote_marks table, docs/rules.md "Quote marks"). It runs on raw text, before any tokenizer, in one pass over the
// bytes with a stack of open quotes per paragraph; every newline ends a
// paragraph, so no quote ever crosses a line.

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// MarkPair is one opening/closing quotation-mark pair of the pair table.
// A mark is one character, or two when OpenNext or CloseNext is not 0:
// ’’ closing a double quotation, or ‘‘ opening one. A two-character mark
// is taken only where it opens or closes a quotation; elsewhere its
// characters are read one by one.
type MarkPair struct {
	Open, Close         rune
	OpenNext, CloseNext rune // second characters, 0 for one-character marks
	// Inner: the pair marks a quotation inside another (‘…’ in American
	// news); Quote.Inner tells it to the caller.
	Inner bool
}

// DefaultMarkPairs returns the built-in pair table: “” ‘’, the straight " and '
// (each its own closer), «» ‹› „“ „” ‚‘ »« 「」 『』.
// (The ruleset normally supplies the table; this is for tests and the library's zero config.)
func DefaultMarkPairs() []MarkPair {
	return []MarkPair{
		{Open: '“', Close: '”'}, {Open: '‘', Close: '’', Inner: true}, {Open: '"', Close: '"'}, {Open: '\'', Close: '\'', Inner: true},
		{Open: '«', Close: '»'}, {Open: '‹', Close: '›', Inner: true}, {Open: '„', Close: '“'}, {Open: '„', Close: '”'},
		{Open: '‚', Close: '‘', Inner: true}, {Open: '»', Close: '«'}, {Open: '「', Close: '」'}, {Open: '『', Close: '』', Inner: true},
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
	Open, Close         rune // the marks (their first characters); Close is 0 when unclosed
	Inner               bool // the opening mark is that of an inner pair (MarkPair.Inner)
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
	// Elisions are the words that, right after an apostrophe-like mark,
	// are elided words ('em, 'tis), not the opening of a quotation; nil
	// means DefaultElisions(), an empty slice none. (The ruleset gives them
	// in its apostrophe_elisions list.)
	Elisions []string
}

// DefaultElisions returns the elided words of English that follow an
// apostrophe: 'em, rock 'n' roll, 'tis, 'twas, 'til, 'cause, 'cos, 'bout,
// 'nuff. (The ruleset normally supplies them; this is for tests and the
// library's zero config, like DefaultMarkPairs.)
func DefaultElisions() []string {
	return []string{"em", "n", "tis", "twas", "til", "cause", "cos", "bout", "nuff"}
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
//     A word-final apostrophe-like mark before a space (the dogs’ bowls),
//     with one quote open that it may close, is an apostrophe when a later
//     mark of the paragraph closes beyond doubt (after or before punctuation,
//     or at the paragraph end) before any mark opens a quote it closes.
//     A context-decided mark that is not followed by a letter or digit and
//     may close the innermost open quote, opened by another mark, closes it
//     (“Hello ” he said; a mismatched “…").
//   - Other marks are decided by the stack: if a quote is open whose closing
//     mark this is, it is closed (quotes opened inside it and still open are
//     cut there, Unclosed); otherwise the mark opens if it can, or is stray.
//   - A two-character mark (’’) is taken where it opens or closes a quote;
//     elsewhere its characters are read one by one.
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
	var t *qsTable
	if opt.Pairs == nil && opt.Elisions == nil {
		qsDefaultTableOnce.Do(makeQSDefaultTable)
		t = &qsDefaultTable
	} else {
		pairs, elisions := opt.Pairs, opt.Elisions
		if pairs == nil {
			pairs = DefaultMarkPairs()
		}
		if elisions == nil {
			elisions = DefaultElisions()
		}
		t = compileTable(pairs, elisions)
	}
	return scanQuotes(text, t, opt.MaxLen)
}

// compileTable returns the compiled pair table of pairs, with the elided
// words that follow an apostrophe.
func compileTable(pairs []MarkPair, elisions []string) *qsTable {
	t := new(qsTable)
	t.compile(pairs)
	t.elisions = elisions
	return t
}

// scanQuotes is ScanQuotes with a compiled table.
func scanQuotes(text string, t *qsTable, maxLen int) ([]Quote, []ScanWarning) {
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
	// asciiClass: the ASCII bytes of a class other than 0, each in the eight
	// bytes of a word (the first repeated to fill the four), if they are
	// four at most (asciiClassOK; the default marks: newline, " and ')
	asciiClass   [4]uint64
	asciiClassOK bool
	// firsts holds the first characters of the two-character marks
	firsts []rune
	// openers holds the one-character marks that open a quote
	openers string
	// elisions are the elided words that follow an apostrophe (ScanOptions)
	elisions []string
}

const (
	qsNewline = 1 + iota
	qsASCIIMark
	qsLead
)

// qsMark is one distinct mark rune of a table.
type qsMark struct {
	r       rune
	r2      rune   // the second character of a two-character mark, else 0
	inner   bool   // the opening mark of an inner pair
	opens   bool   // the opening mark of at least one pair
	context bool   // decided by context (Open == Close pair, or apostrophe-like)
	apos    bool   // apostrophe-like: ' ‘ ’ ‚
	closes  uint64 // bit o set: this rune closes quotes opened by mark o
}

// qsDefaultTable is the table of the default marks and elisions, made at
// the first ScanQuotes that takes it (not in the package's set-up, which
// every process runs).
var (
	qsDefaultTable     qsTable
	qsDefaultTableOnce sync.Once
)

func makeQSDefaultTable() {
	qsDefaultTable.compile(DefaultMarkPairs())
	qsDefaultTable.elisions = DefaultElisions()
}

// qsUsableMark reports whether r may be a quotation mark: a valid, visible,
// non-space rune other than the replacement character.
func qsUsableMark(r rune) bool {
	return r > 0 && r != utf8.RuneError && utf8.ValidRune(r) &&
		!unicode.IsSpace(r) && !unicode.IsControl(r)
}

// compile builds the table for pairs into t (which must be zero), ignoring
// unusable runes and pairs past qsMaxMarks distinct marks.
func (t *qsTable) compile(pairs []MarkPair) {
	for i := range t.ascii {
		t.ascii[i] = -1
	}
	t.class['\n'] = qsNewline
	index := func(r, r2 rune) int {
		if i := t.find2(r, r2); i >= 0 {
			return i
		}
		if t.n == qsMaxMarks {
			return -1
		}
		m := &t.marks[t.n]
		m.r, m.r2 = r, r2
		if r2 == 0 {
			switch r {
			case '\'', '‘', '’', '‚':
				m.apos, m.context = true, true
			}
		} else if !slices.Contains(t.firsts, r) {
			t.firsts = append(t.firsts, r)
		}
		if r < utf8.RuneSelf {
			t.class[r] = qsASCIIMark
			if r2 == 0 {
				t.ascii[r] = int8(t.n)
			}
		} else {
			var b [utf8.UTFMax]byte
			utf8.EncodeRune(b[:], r)
			t.class[b[0]] = qsLead
		}
		t.n++
		return t.n - 1
	}
	for _, p := range pairs {
		if !qsUsableMark(p.Open) || !qsUsableMark(p.Close) ||
			p.OpenNext != 0 && !qsUsableMark(p.OpenNext) || p.CloseNext != 0 && !qsUsableMark(p.CloseNext) {
			continue
		}
		o, c := index(p.Open, p.OpenNext), index(p.Close, p.CloseNext)
		if o < 0 || c < 0 {
			continue
		}
		if !t.marks[o].opens && p.OpenNext == 0 {
			t.openers += string(p.Open)
		}
		t.marks[o].opens = true
		t.marks[o].inner = t.marks[o].inner || p.Inner
		if o == c {
			t.marks[o].context = true
		}
		t.marks[c].closes |= 1 << o
	}
	t.asciiClassOK = t.setASCIIClass()
}

// find returns the index of the one-character mark r, or -1.
func (t *qsTable) find(r rune) int {
	return t.find2(r, 0)
}

// find2 returns the index of the mark r r2 (r2 0 for one character), or -1.
func (t *qsTable) find2(r, r2 rune) int {
	for i := range t.marks[:t.n] {
		if t.marks[i].r == r && t.marks[i].r2 == r2 {
			return i
		}
	}
	return -1
}

// digraphAt returns the index and width of a two-character mark whose first
// character r (of width w) is at text[i], or -1.
func (t *qsTable) digraphAt(text string, i int, r rune, w int) (int, int) {
	if i+w >= len(text) || !slices.Contains(t.firsts, r) {
		return -1, 0
	}
	r2, w2 := utf8.DecodeRuneInString(text[i+w:])
	for k := range t.marks[:t.n] {
		if m := &t.marks[k]; m.r == r && m.r2 == r2 {
			return k, w + w2
		}
	}
	return -1, 0
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
	// apostropheBefore's last answer, which holds for marks before aposUntil
	aposUntil  int
	aposResult bool
	// paraEnd is the end of the paragraph that starts at paraEndOf-1 (0:
	// none yet)
	paraEndOf, paraEnd int
}

// run scans the whole text: one pass over the bytes, decoding only the
// runes whose first byte may start a mark.
func (s *qsScanner) run() {
	text, t := s.text, s.t
	cls := &t.class
	a := t.asciiClass // in registers, not read from t for each eight
	for i := 0; i < len(text); {
		// eight ordinary bytes (no newline, no mark, no first byte of a
		// mark) at a time, most of a text; else byte by byte to the end of
		// the eight
		stop := len(text)
		if i+8 <= len(text) {
			x := load64(text, i)
			if x&high64 == 0 && t.asciiClassOK {
				if noByteOf(x, &a) {
					i += 8
					continue
				}
			} else if cls[byte(x)]|cls[byte(x>>8)]|cls[byte(x>>16)]|cls[byte(x>>24)]|
				cls[byte(x>>32)]|cls[byte(x>>40)]|cls[byte(x>>48)]|cls[byte(x>>56)] == 0 {
				i += 8
				continue
			}
			stop = i + 8
		}
		for i < stop {
			c := cls[text[i]]
			if c == 0 {
				i++
				continue
			}
			switch c {
			case qsNewline:
				s.paragraphEnd(i)
				s.lineStart = i + 1
				i++
				continue
			case qsASCIIMark:
				if m := t.ascii[text[i]]; m >= 0 && len(t.firsts) == 0 {
					s.mark(i, 1, int(m))
					i++
					continue
				}
			}
			r, w := utf8.DecodeRuneInString(text[i:])
			if w == 1 && r == utf8.RuneError {
				i++
				continue
			}
			if d, dw := t.digraphAt(text, i, r, w); d >= 0 && s.tryMark(i, dw, d) {
				i += dw
				continue
			}
			if m := t.find(r); m >= 0 {
				s.mark(i, w, m)
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
	s.cutBefore(pos, w, m)
	s.apply(pos, w, m, s.action(pos, w, m))
}

// tryMark handles the two-character mark m at text[pos:pos+w] if it opens
// or closes a quote there, and reports whether it did.
func (s *qsScanner) tryMark(pos, w, m int) bool {
	s.cutBefore(pos, w, m)
	act := s.action(pos, w, m)
	if act == qsStray {
		return false
	}
	s.apply(pos, w, m, act)
	return true
}

// cutBefore cuts the open quotes at MaxLen before the mark m at
// text[pos:pos+w] if the outermost quote's content would pass it, so that
// no mark of an inner quote sticks out of the cut; the outermost quote's
// own closing mark may end right after it.
func (s *qsScanner) cutBefore(pos, w, m int) {
	if len(s.stack) == 0 {
		return
	}
	n := pos - s.stack[0].contentStart
	if n > s.maxLen || n+w > s.maxLen &&
		!(len(s.stack) == 1 && s.t.marks[m].closes>>s.stack[0].mark&1 != 0) {
		s.cutAll()
	}
}

// action decides what the mark m at text[pos:pos+w] does.
func (s *qsScanner) action(pos, w, m int) int {
	info := &s.t.marks[m]
	available := info.closes&s.openMask != 0
	switch {
	case info.context:
		return s.decide(pos, w, info, available)
	case available:
		return qsDoClose
	case info.opens:
		return qsDoOpen
	}
	return qsStray
}

// apply carries out act for the mark m at text[pos:pos+w].
func (s *qsScanner) apply(pos, w, m, act int) {
	info := &s.t.marks[m]
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
	if len(s.stack) == 1 && s.unclosedOuter() {
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
			s.warn(prev.OpenStart, s.markAt(prev.OpenStart), qsWarnPara)
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
		Open: s.t.marks[it.mark].r, Close: closeRune, Inner: s.t.marks[it.mark].inner,
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

// markAt returns the index of the opening mark of a quote at text[pos:].
func (s *qsScanner) markAt(pos int) int {
	r, w := utf8.DecodeRuneInString(s.text[pos:])
	if d, _ := s.t.digraphAt(s.text, pos, r, w); d >= 0 && s.t.marks[d].opens {
		return d
	}
	return s.t.find(r)
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
		if r2 := s.t.marks[m].r2; r2 != 0 {
			r += string(r2)
		}
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
