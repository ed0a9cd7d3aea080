package extract

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/rules"
)

// Line is one line of the input after cleaning.
type Line struct {
	Start, End int    // byte offsets of the line in the input, newline excluded
	Dropped    bool   // cleanup dropped it
	Rule       string // the id of the rule that dropped it
	Meta       string // "title" or "date" when the line gave document metadata
}

// Cleaned is the result of cleanup: a view of the input of the same byte
// length, in which dropped lines are blanked and characters are normalised
// (CRLF, NBSP, zero-width characters and BOM become spaces), so that offsets
// into the view are offsets into the input. Kept text is the lines not
// dropped.
type Cleaned struct {
	View  string
	Lines []Line
	Title string
	Date  string // ISO 8601 when it could be parsed, else as written
}

// LineTrace tells how cleanup judged one line (see CleanExplain).
type LineTrace struct {
	Score   float64  // the line's score: its scored rules plus context
	Scored  []string // the scored rules that matched, as "id(+1.5)"
	Article bool     // the line lies in the run taken as the article
}

// Text returns the cleaned text: the kept lines joined by newlines, with
// blank-line runs collapsed to one blank line.
func (c *Cleaned) Text() string {
	var b strings.Builder
	blank := true
	for _, l := range c.Lines {
		if l.Dropped {
			continue
		}
		s := strings.TrimSpace(c.View[l.Start:l.End])
		if s == "" {
			if !blank {
				b.WriteByte('\n')
			}
			blank = true
			continue
		}
		b.WriteString(s)
		b.WriteByte('\n')
		blank = false
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// normalize returns text with CR, NBSP, zero-width characters and a BOM
// replaced by the same number of bytes of spaces.
func normalize(text string) string {
	var b strings.Builder // the copy, begun at the first change
	done := 0             // text[:done] is in b
	blank := func(i, n int) {
		if b.Cap() == 0 {
			b.Grow(len(text))
		}
		b.WriteString(text[done:i])
		b.WriteString("    "[:n])
		done = i + n
	}
	for i := 0; i < len(text); {
		if i+8 <= len(text) && plainASCII8(load64(text, i)) {
			i += 8
			continue
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '\r' || c == '\t' || c == '\v' || c == '\f' {
				blank(i, 1)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202f', '\u2009', '\u2007', '\u2002', '\u2003':
			blank(i, n)
		}
		i += n
	}
	if b.Cap() == 0 {
		return text
	}
	b.WriteString(text[done:])
	return b.String()
}

// Word-at-a-time tests on 8 bytes of text (x, little-endian).
const (
	ones64 = 0x0101010101010101
	high64 = 0x8080808080808080
)

// load64 returns the 8 bytes of s at i as a little-endian integer.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// inRange64 returns, for x of ASCII bytes, the high bit of each byte b with
// lo <= b <= hi.
func inRange64(x uint64, lo, hi byte) uint64 {
	ge := x + ones64*uint64(0x80-lo)   // high bit set where b >= lo
	gt := x + ones64*uint64(0x80-hi-1) // where b > hi
	return (ge ^ gt) & high64
}

// plainASCII8 reports whether the 8 bytes x are ASCII and none is one of
// \t \v \f \r, which normalize blanks.
func plainASCII8(x uint64) bool {
	if x&high64 != 0 {
		return false
	}
	nl := x ^ ones64*'\n' // zero bytes where b is \n
	isNL := ^(((nl & ^uint64(high64)) + ones64*0x7f) | nl) & high64
	return inRange64(x, '\t', '\r')&^isNL == 0
}

// lineInfo holds the features cleanup rules test.
type lineInfo struct {
	text     string // trimmed
	off      int    // where text starts in the view
	words    int    // words; a run of CJK characters counts one word per two characters
	chars    int    // characters of the trimmed line
	tokens   int    // word tokens (each CJK character is one) for the shares
	stop     int    // tokens in the stopwords list
	content  int    // tokens of letters that are not stop words
	caps     int    // of those, the capitalised ones
	letters  int
	digits   int
	upper    int    // capital letters
	lowerCs  int    // small letters
	key      uint64 // hash of the lower-cased letters and digits (0: none)
	hasQuote bool
	terminal bool
	repeated bool       // the same key appeared on an earlier line
	scanned  bool       // hits holds the line's needles
	hits     rules.Hits // (see cleanState.hits)
	run      int        // length of the run of short lines the line lies in (0: not short)
}

func (li *lineInfo) share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

func isCJK(r rune) bool {
	return r >= 0x3040 && r <= 0x30ff || r >= 0x3400 && r <= 0x4dbf || r >= 0x4e00 && r <= 0x9fff ||
		r >= 0xf900 && r <= 0xfaff || r >= 0xff66 && r <= 0xff9f
}

// features computes a line's features in one pass over its characters.
func (st *cleanState) features(s string, lowOff int) lineInfo {
	li := lineInfo{text: s}
	low := st.lowView[lowOff : lowOff+len(s)] // s in lower case
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	h := uint64(offset64)
	cjk := 0
	sq := 0  // single quotation marks that opened
	ws := -1 // start of the current word
	endWord := func(end int) {
		li.words++
		li.tokens++
		// low[ws:end] is the word in lower case; the stop-word set reads it
		// from the whole view, eight bytes at a time
		if n := end - ws; n <= maxStopLen && st.stop.HasAt(st.lowView, lowOff+ws, lowOff+end) {
			li.stop++
			return
		}
		if c := s[ws]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' {
				li.content++
				if c <= 'Z' {
					li.caps++
				}
			}
		} else if first, _ := utf8.DecodeRuneInString(s[ws:]); unicode.IsLetter(first) {
			li.content++
			if unicode.IsUpper(first) {
				li.caps++
			}
		}
	}
	for i := 0; i < len(s); {
		li.chars++
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII: letters and digits extend the word
			switch {
			case 'a' <= c && c <= 'z':
				li.lowerCs++
				li.letters++
			case 'A' <= c && c <= 'Z':
				li.upper++
				li.letters++
			case '0' <= c && c <= '9':
				li.digits++
			case c == ' ':
				// (what other does with a space)
				if ws >= 0 {
					endWord(i)
					ws = -1
				}
				i++
				continue
			default:
				st.other(&li, s, i, rune(c), &ws, &sq, endWord)
				i++
				continue
			}
			if i < len(low) {
				h = (h ^ uint64(low[i])) * prime64
			}
			if ws < 0 {
				ws = i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		var letter, digit bool
		if unicode.IsLetter(r) {
			letter = true
			if unicode.IsLower(r) {
				li.lowerCs++
			} else if unicode.IsUpper(r) {
				li.upper++
			}
		} else {
			digit = unicode.IsDigit(r)
		}
		if letter || digit {
			if letter {
				li.letters++
			} else {
				li.digits++
			}
			for k := i; k < i+utf8.RuneLen(r) && k < len(low); k++ {
				h = (h ^ uint64(low[k])) * prime64
			}
			if letter && r >= 0x3040 && isCJK(r) {
				if ws >= 0 {
					endWord(i)
					ws = -1
				}
				cjk++
				li.tokens++
				if st.stop.Has(low[i : i+utf8.RuneLen(r)]) {
					li.stop++
				}
			} else if ws < 0 {
				ws = i
			}
			i += n
			continue
		}
		st.other(&li, s, i, r, &ws, &sq, endWord)
		i += n
	}
	if ws >= 0 {
		endWord(len(s))
	}
	li.words += (cjk + 1) / 2
	if li.letters+li.digits > 0 {
		li.key = h
	}
	if s != "" {
		last, _ := utf8.DecodeLastRuneInString(s)
		li.terminal = strings.ContainsRune(".!?:;…。！？", last) || st.x.isMark[last] && last != '\''
	}
	return li
}

// other handles, for features, the character r at i that is neither a
// letter nor a digit: it may end the word begun at *ws, and it may be a
// quotation mark (*sq counts the single ones that opened).
func (st *cleanState) other(li *lineInfo, s string, i int, r rune, ws, sq *int, endWord func(int)) {
	inWord := (r == '\'' || r == '’') && *ws >= 0 && nextIsLetter(s, i)
	if !inWord && *ws >= 0 {
		endWord(i)
		*ws = -1
	}
	if (r == '"' || r == '\'' || r >= 0x80 && st.x.isMark[r]) && !li.hasQuote {
		if single(r) {
			// a single mark counts once it opens a word and a later one closes
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if i == 0 || !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
				if nextIsLetter(s, i) {
					*sq++
				}
			} else if *sq > 0 && isQuoteApostrophe(s, i) {
				li.hasQuote = true
			}
		} else {
			li.hasQuote = true
		}
	}
}

// maxStopLen bounds the byte length of the words looked up in the stopwords
// list (longer words are not function words).
const maxStopLen = 16

// single reports whether r is a single quotation mark (which doubles as an
// apostrophe).
func single(r rune) bool {
	return r == '\'' || r == '‘' || r == '’' || r == '‚' || r == '‹' || r == '›'
}

func nextIsLetter(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	r, _ := utf8.DecodeRuneInString(s[i+n:])
	return unicode.IsLetter(r)
}

// isQuoteApostrophe reports whether the ' or ’ at i is not inside a word.
func isQuoteApostrophe(s string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	_, n := utf8.DecodeRuneInString(s[i:])
	next, _ := utf8.DecodeRuneInString(s[i+n:])
	return !(unicode.IsLetter(prev) && unicode.IsLetter(next))
}

// alnumKey appends to b the letters and digits of the lower-case s.
func alnumKey(s string, b []byte) []byte {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				b = append(b, byte(r))
			}
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// cleanState is the working state of one Clean call.
type cleanState struct {
	x     *Extractor
	stop  *rules.WordSet
	cue   *rules.List
	judge *rules.CleanupRule
	lines []Line
	infos []lineInfo
	n     int      // length of the view, for fractions
	toks  []string // the words of line tokOf
	tokOf int      // the line toks belongs to (-1: none)
	index *rules.NeedleIndex
	// lowView is the view in lower case, byte for byte
	lowView string
	first   []int  // per line, the first line with the same text
	title   int    // the headline line (-1: none yet)
	in      []bool // per line, in the article (after the judgement)
	// numbered: per line, an item of a numbered list
	numbered []bool
	scores   []float64
	isGood   []bool   // per line, scored at least the judge's good (context conditions)
	nb       []int    // the indexes of the non-blank lines
	nbAt     []int    // per line, its place among the non-blank lines
	worst    []string // per line, the most negative scored rule that matched
	trace    []LineTrace
	// stopUnknown: the stopwords list does not cover the document's language
	stopUnknown bool
	bufs        *cleanBufs
}

// cleanBufs holds the working slices of a Clean call, kept in the needle
// index's Scratch pool for the next call: allocating them afresh for every
// document made the garbage collector a third of cleanup's time.
type cleanBufs struct {
	infos                []lineInfo
	first, nbAt, nb, num []int
	next                 []int
	numbered, isGood, in []bool
	scores, low, v       []float64
	worst, toks          []string
	seen                 keyTable
	// plain: per rule of the list, plainRule (made once per buffer)
	plain []bool
}

// grow returns *s resized to n elements, all zero, reusing its array when
// it is large enough.
func grow[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
	} else {
		*s = (*s)[:n]
		clear(*s)
	}
	return *s
}

// keyTable maps line keys (not 0) to the first line that had the key: an
// open-addressing table, reused from call to call.
type keyTable struct {
	keys  []uint64
	lines []int
}

// reset empties the table and sizes it for n keys.
func (t *keyTable) reset(n int) *keyTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	grow(&t.keys, size)
	grow(&t.lines, size)
	return t
}

// firstOf returns the line recorded for key, recording line i when there is
// none.
func (t *keyTable) firstOf(key uint64, i int) int {
	mask := len(t.keys) - 1
	for k := int((key*0x9e3779b97f4a7c15)>>40) & mask; ; k = (k + 1) & mask {
		switch t.keys[k] {
		case key:
			return t.lines[k]
		case 0:
			t.keys[k], t.lines[k] = key, i
			return i
		}
	}
}

// Clean applies the ruleset's cleanup rules to text and recognises the
// title and date.
func (x *Extractor) Clean(text string) *Cleaned {
	c, _, _ := x.clean(text, false)
	return c
}

// CleanExplain is Clean that also tells, line by line, how the judgement
// weighed each line that no rule dropped.
func (x *Extractor) CleanExplain(text string) (*Cleaned, []LineTrace) {
	c, trace, _ := x.clean(text, true)
	return c, trace
}

// clean is Clean and CleanExplain; it also returns the view before the
// blanking of dropped lines in lower case, byte for byte (see
// lowerSameLength), which the tokenizer reuses on the kept lines.
func (x *Extractor) clean(text string, explain bool) (*Cleaned, []LineTrace, string) {
	view := normalize(text)
	c := &Cleaned{}
	nl := strings.Count(view, "\n") + 1
	c.Lines = make([]Line, 0, nl)
	for start := 0; start <= len(view); {
		end := strings.IndexByte(view[start:], '\n')
		if end < 0 {
			end = len(view)
		} else {
			end += start
		}
		c.Lines = append(c.Lines, Line{Start: start, End: end})
		start = end + 1
		if end == len(view) {
			break
		}
	}
	st := &cleanState{x: x, lines: c.Lines, n: max(1, len(view)), tokOf: -1, lowView: lowerSameLength(view),
		index: rules.Index(x.rules.Cleanup),
		cue:   x.rules.Lists[rules.ListCueVerbs]}
	if len(x.rules.Cleanup) > 0 {
		st.stop = st.index.WordSet(x.rules.Lists["stopwords"])
	} else {
		// no rule reads the stop-word counts, and an empty list's index is
		// not kept from call to call: no set to build
		st.stop = rules.NewWordSet(nil)
	}
	for _, r := range x.rules.Cleanup {
		if r.Judge != nil {
			st.judge = r
		}
	}
	bufs, _ := st.index.Scratch.Get().(*cleanBufs)
	if bufs == nil {
		bufs = &cleanBufs{}
	}
	defer st.index.Scratch.Put(bufs)
	st.bufs = bufs
	if len(bufs.plain) != len(x.rules.Cleanup) {
		bufs.plain = make([]bool, len(x.rules.Cleanup))
		for k, r := range x.rules.Cleanup {
			bufs.plain[k] = plainRule(r)
		}
	}
	st.infos = grow(&bufs.infos, len(c.Lines))
	st.first = grow(&bufs.first, len(c.Lines))
	seen := bufs.seen.reset(len(c.Lines))
	for i := range c.Lines {
		l := &c.Lines[i]
		st.first[i] = i
		raw := view[l.Start:l.End]
		s := strings.TrimSpace(raw)
		if s == "" {
			continue
		}
		off := l.Start + len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
		li := st.features(s, off)
		li.off = off
		if li.key != 0 {
			if f := seen.firstOf(li.key, i); f != i {
				li.repeated = true
				st.first[i] = f
			}
		}
		st.infos[i] = li
	}
	st.nbAt = grow(&bufs.nbAt, len(c.Lines))
	st.nb = grow(&bufs.nb, len(c.Lines))[:0]
	for i := range c.Lines {
		st.nbAt[i] = len(st.nb)
		if st.infos[i].text != "" {
			st.nb = append(st.nb, i)
		}
	}
	st.stopUnknown = st.stopwordsUnknown()
	st.shortRuns()
	st.title = st.headline()
	st.numberedItems()
	st.lineRules(false)
	st.lineRules(true)
	st.score()
	st.restRules()
	if explain {
		st.trace = make([]LineTrace, len(c.Lines))
	}
	start, _ := st.judgement()
	st.lateRules()
	x.metadata(c, st, start)
	c.View = blankDropped(view, c.Lines)
	return c, st.trace, st.lowView
}

// neutralStopShare is the stop-word share every line is taken to have when
// the stopwords list does not cover the document's language: that of prose.
const neutralStopShare = 0.3

// stopwordsUnknown reports whether the document's long lines (10 words or
// more, at least 3 of them) hold almost no words of the stopwords list, as in
// a language the list does not cover; stop-word conditions then see every
// line as prose and the other features decide.
func (st *cleanState) stopwordsUnknown() bool {
	lines, stop, tokens := 0, 0, 0
	for _, i := range st.nb {
		if li := &st.infos[i]; li.tokens >= 10 {
			lines++
			stop += li.stop
			tokens += li.tokens
		}
	}
	return lines >= 3 && stop*20 < tokens
}

// blankDropped returns view with the dropped lines blanked (spaces, byte
// for byte).
func blankDropped(view string, lines []Line) string {
	blank := false
	for _, l := range lines {
		if l.Dropped && l.End > l.Start {
			blank = true
			break
		}
	}
	if !blank {
		return view // nothing to blank: no copy
	}
	var b strings.Builder
	b.Grow(len(view))
	done := 0
	for _, l := range lines {
		if !l.Dropped || l.End <= l.Start {
			continue
		}
		b.WriteString(view[done:l.Start])
		for k := l.Start; k < l.End; k += len(spaces) {
			b.WriteString(spaces[:min(len(spaces), l.End-k)])
		}
		done = l.End
	}
	b.WriteString(view[done:])
	return b.String()
}

const spaces = "                                                                "

// shortRuns sets, on each short line, the length of the run of short lines
// it lies in (blank lines do not break a run).
func (st *cleanState) shortRuns() {
	short := 4
	if st.judge != nil {
		short = st.judge.Judge.ShortWords
	}
	for i := 0; i < len(st.infos); {
		if st.infos[i].text == "" || st.infos[i].words > short {
			i++
			continue
		}
		j, n := i, 0
		for ; j < len(st.infos); j++ {
			li := &st.infos[j]
			if li.text == "" {
				continue
			}
			if li.words > short {
				break
			}
			n++
		}
		for k := i; k < j; k++ {
			if st.infos[k].text != "" {
				st.infos[k].run = n
			}
		}
		i = j
	}
}

// lineRules applies the rules that drop single lines, first match wins;
// between is the second pass, for the rules that look at dropped
// neighbours.
func (st *cleanState) lineRules(between bool) {
	for i := range st.lines {
		l := &st.lines[i]
		li := &st.infos[i]
		if li.text == "" || l.Dropped {
			continue
		}
		phase := rules.PhaseLine
		if between {
			phase = rules.PhaseBetween
		}
		st.dropByFirst(i, phase, li.words)
	}
}

// dropByFirst drops line i by the first rule of phase (among those its
// words may trigger) that holds for it.
func (st *cleanState) dropByFirst(i, phase, words int) {
	for _, k := range st.index.Rules(phase, words) {
		r := st.x.rules.Cleanup[k]
		if st.holds(r, k, i) {
			st.lines[i].Dropped, st.lines[i].Rule = true, r.ID
			return
		}
	}
}

// numberedItems marks the items of numbered lists: a line that opens with
// a number next to (within three lines) one that opens with the number after
// it.
func (st *cleanState) numberedItems() {
	st.numbered = grow(&st.bufs.numbered, len(st.lines))
	num := grow(&st.bufs.num, len(st.nb))
	for p, i := range st.nb {
		num[p] = itemNumber(st.infos[i].text)
	}
	for p := range st.nb {
		if num[p] < 0 {
			continue
		}
		for q := p + 1; q < len(st.nb) && q <= p+3; q++ {
			if num[q] == num[p]+1 {
				st.numbered[st.nb[p]], st.numbered[st.nb[q]] = true, true
				break
			}
		}
	}
}

// itemNumber returns the number a line opens with ("3. …", "3) …"), or -1.
func itemNumber(s string) int {
	n, k := 0, 0
	for k < len(s) && k < 3 && s[k] >= '0' && s[k] <= '9' {
		n = n*10 + int(s[k]-'0')
		k++
	}
	if k == 0 || k+1 >= len(s) || s[k] != '.' && s[k] != ')' || s[k+1] != ' ' {
		return -1
	}
	return n
}

// lateRules applies the line rules that look at the article to its kept
// lines.
func (st *cleanState) lateRules() {
	if st.in == nil {
		return
	}
	for i := range st.lines {
		l := &st.lines[i]
		if st.infos[i].text == "" || l.Dropped || !st.in[i] {
			continue
		}
		st.dropByFirst(i, rules.PhaseLate, st.infos[i].words)
	}
}

// score sums the scored rules of each line no rule dropped.
func (st *cleanState) score() {
	st.scores = grow(&st.bufs.scores, len(st.lines))
	st.worst = grow(&st.bufs.worst, len(st.lines))
	if st.judge == nil {
		return
	}
	low := grow(&st.bufs.low, len(st.lines))
	for pass := 0; pass < 2; pass++ {
		if pass == 1 {
			st.markGood()
		}
		for i := range st.lines {
			if st.infos[i].text == "" || st.lines[i].Dropped {
				continue
			}
			phase := rules.PhaseScore
			if pass == 1 {
				phase = rules.PhaseContext
			}
			for _, k := range st.index.Rules(phase, st.infos[i].words) {
				r := st.x.rules.Cleanup[k]
				if r.Score < 0 && r.Protect && st.infos[i].hasQuote {
					continue
				}
				if !st.holds(r, k, i) {
					continue
				}
				st.scores[i] += r.Score
				if r.Score < low[i] {
					low[i], st.worst[i] = r.Score, r.ID
				}
			}
		}
	}
}

// markGood records which lines are good, for the context conditions.
func (st *cleanState) markGood() {
	st.isGood = grow(&st.bufs.isGood, len(st.lines))
	for _, i := range st.nb {
		st.isGood[i] = !st.lines[i].Dropped && st.scores[i] >= st.judge.Judge.Good
	}
}

// goodWithin reports whether a good line lies within n non-blank lines of
// line i.
func (st *cleanState) goodWithin(i, n int) bool {
	p := st.nbAt[i]
	for k := max(0, p-n); k <= min(len(st.nb)-1, p+n); k++ {
		if k != p && st.isGood[st.nb[k]] {
			return true
		}
	}
	return false
}

// nearTitle reports whether line i lies within n non-blank lines after the
// headline.
func (st *cleanState) nearTitle(i, n int) bool {
	return st.title >= 0 && i > st.title && st.nbAt[i]-st.nbAt[st.title] <= n
}

// restRules applies the rules that drop a line and everything after it.
func (st *cleanState) restRules() {
	good := 0
	goodAt := 1e9
	if st.judge != nil {
		goodAt = st.judge.Judge.Good
	}
	for i := range st.lines {
		if st.infos[i].text == "" {
			continue
		}
		for _, k := range st.index.Rules(rules.PhaseRest, st.infos[i].words) {
			r := st.x.rules.Cleanup[k]
			if r.AfterGood > good {
				continue
			}
			if !st.holds(r, k, i) {
				continue
			}
			for k := i; k < len(st.lines); k++ {
				st.lines[k].Dropped, st.lines[k].Rule = true, r.ID
			}
			return
		}
		if !st.lines[i].Dropped && st.scores[i] >= goodAt {
			good++
		}
	}
}

// holds reports whether every condition of r holds on line i.
func (st *cleanState) holds(r *rules.CleanupRule, k, i int) bool {
	li := &st.infos[i]
	if r.MaxWords > 0 && li.words > r.MaxWords || li.words < r.MinWords {
		return false
	}
	if (k < 0 || !st.bufs.plain[k]) && !st.shapeHolds(r, li, i) {
		return false
	}
	if len(r.Words) > 0 && (k >= 0 && !st.index.WordsMay(k, st.hits(i)) || !st.listsHold(r, i)) {
		return false
	}
	if r.Regex != nil && (!r.PrefixMay(st.lower(i)) || k >= 0 && !st.index.RegexMay(k, st.hits(i)) ||
		!r.MustMay(li.text, st.lower(i)) || !r.Regex.MatchString(li.text)) {
		return false
	}
	// last, as it needs the line's words: a protected line is spared
	return r.Scored || !r.Protect || !li.hasQuote && !(r.ProtectCues && st.hasCue(i))
}

// plainRule reports whether r has none of the conditions shapeHolds tests
// (most line rules: a word bound, a regex or a list).
func plainRule(r *rules.CleanupRule) bool {
	return r.AfterFraction <= 0 && r.BeforeFraction <= 0 && !r.Repeated && r.MaxChars <= 0 && r.MinChars <= 0 &&
		!r.NoTerminalPunct && r.Terminal == rules.Any && r.Quote == rules.Any && r.AllCaps == rules.Any &&
		r.MinStopwords <= 0 && r.MaxStopwords >= 1 && r.MinCapitalized <= 0 && r.MaxCapitalized >= 1 &&
		r.MinDigits <= 0 && r.MaxDigits >= 1 && r.ShortRun <= 0 && !r.BetweenDropped && !r.TitleCopy &&
		r.NearTitle <= 0 && r.GoodWithin <= 0 && r.NoGoodWithin <= 0 && r.FirstInArticle == rules.Any &&
		!r.Numbered && r.Dropped == rules.Any && r.Prev == nil && r.Next == nil
}

// shapeHolds tests the conditions of r on line i other than its word
// bounds, lists and regex.
func (st *cleanState) shapeHolds(r *rules.CleanupRule, li *lineInfo, i int) bool {
	if r.AfterFraction > 0 || r.BeforeFraction > 0 {
		at := float64(st.lines[i].Start) / float64(st.n)
		if at < r.AfterFraction || r.BeforeFraction > 0 && at >= r.BeforeFraction {
			return false
		}
	}
	if r.Repeated && !li.repeated {
		return false
	}
	if r.MaxChars > 0 && li.chars > r.MaxChars || li.chars < r.MinChars {
		return false
	}
	if r.NoTerminalPunct && li.terminal || !r.Terminal.Holds(li.terminal) || !r.Quote.Holds(li.hasQuote) ||
		!r.AllCaps.Holds(li.upper >= 2 && li.lowerCs == 0) {
		return false
	}
	if r.MinStopwords > 0 || r.MaxStopwords < 1 {
		sh := li.share(li.stop, li.tokens)
		if st.stopUnknown {
			sh = neutralStopShare
		}
		if sh < r.MinStopwords || sh > r.MaxStopwords {
			return false
		}
	}
	if r.MinCapitalized > 0 || r.MaxCapitalized < 1 {
		if sh := li.share(li.caps, li.content); sh < r.MinCapitalized || sh > r.MaxCapitalized {
			return false
		}
	}
	if r.MinDigits > 0 || r.MaxDigits < 1 {
		if sh := li.share(li.digits, li.letters+li.digits); sh < r.MinDigits || sh > r.MaxDigits {
			return false
		}
	}
	if r.ShortRun > 0 && li.run < r.ShortRun {
		return false
	}
	if r.BetweenDropped && !st.betweenDropped(i) {
		return false
	}
	if r.TitleCopy && (st.title < 0 || i <= st.title || li.key != st.infos[st.title].key) {
		return false
	}
	if r.NearTitle > 0 && !st.nearTitle(i, r.NearTitle) {
		return false
	}
	if r.GoodWithin > 0 && (st.isGood == nil || !st.goodWithin(i, r.GoodWithin)) {
		return false
	}
	if r.NoGoodWithin > 0 && (st.isGood == nil || st.goodWithin(i, r.NoGoodWithin)) {
		return false
	}
	if r.FirstInArticle != rules.Any && (st.in == nil || !r.FirstInArticle.Holds(st.in[st.first[i]])) {
		return false
	}
	if r.Numbered && !st.numbered[i] {
		return false
	}
	if r.Dropped != rules.Any && !r.Dropped.Holds(st.lines[i].Dropped) {
		return false
	}
	return !(r.Prev != nil && !st.sideHolds(r.Prev, i, -1) || r.Next != nil && !st.sideHolds(r.Next, i, 1))
}

// sideHolds tests the conditions r on the nearest non-blank line before
// (dir -1) or after (dir 1) line i; there is none at the ends.
func (st *cleanState) sideHolds(r *rules.CleanupRule, i, dir int) bool {
	p := st.nbAt[i] + dir
	if p < 0 || p >= len(st.nb) {
		return false
	}
	return st.holds(r, -1, st.nb[p])
}

// betweenDropped reports whether the nearest non-blank lines on both sides
// of line i were dropped (a line at either end of the text is not between).
func (st *cleanState) betweenDropped(i int) bool {
	p := st.nbAt[i]
	return p > 0 && p+1 < len(st.nb) && st.lines[st.nb[p-1]].Dropped && st.lines[st.nb[p+1]].Dropped
}

// hasCue reports whether line i holds a cue verb (a word of the cue-verb
// list), which protects it from most rules.
func (st *cleanState) hasCue(i int) bool {
	for _, w := range st.tokens(i) {
		if st.cue.Has(w) {
			return true
		}
	}
	return false
}

// tokens returns the lower-case words of line i (kept for the next call).
func (st *cleanState) tokens(i int) []string {
	if st.tokOf != i {
		st.toks = wordTokens(st.lower(i), st.bufs.toks[:0])
		st.bufs.toks = st.toks
		st.tokOf = i
	}
	return st.toks
}

// hits returns the needles found in line i (scanned once).
func (st *cleanState) hits(i int) rules.Hits {
	li := &st.infos[i]
	if !li.scanned {
		li.hits, li.scanned = st.index.Scan(st.lower(i)), true
	}
	return li.hits
}

// lower returns the lower-case text of line i.
func (st *cleanState) lower(i int) string {
	li := &st.infos[i]
	return st.lowView[li.off : li.off+len(li.text)]
}

// listsHold tests the words and only_words conditions of r on line i.
func (st *cleanState) listsHold(r *rules.CleanupRule, i int) bool {
	toks := st.tokens(i)
	var any, only bool
	for k := range r.Words {
		if r.OnlyList(k) {
			only = true
		} else {
			any = true
		}
	}
	if any && !hasListWord(r, toks) {
		return false
	}
	if only && !allListWords(r, toks) {
		return false
	}
	return true
}

// hasListWord reports whether toks hold a word or phrase of one of the
// words: lists of r.
func hasListWord(r *rules.CleanupRule, toks []string) bool {
	for i := range toks {
		for k, l := range r.Words {
			if !r.OnlyList(k) && l.MatchWordsAt(toks, i) > 0 {
				return true
			}
		}
	}
	return false
}

// allListWords reports whether every token is covered by entries of the
// only_words: lists of r (and there is at least one token).
func allListWords(r *rules.CleanupRule, toks []string) bool {
	if len(toks) == 0 {
		return false
	}
	for i := 0; i < len(toks); {
		best := 0
		for k, l := range r.Words {
			if r.OnlyList(k) {
				best = max(best, l.MatchWordsAt(toks, i))
			}
		}
		if best == 0 {
			return false
		}
		i += best
	}
	return true
}

// wordTokens splits s into words (for list look-ups)
// (s is lower-case already; the words are slices of it).
func wordTokens(s string, out []string) []string {
	ws := -1
	flush := func(end int) {
		w := trimApostrophes(s[ws:end])
		if w != "" {
			out = append(out, w)
		}
		ws = -1
	}
	for i, r := range s {
		in := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'') ||
			r >= utf8.RuneSelf && (r == '’' || unicode.IsLetter(r) || unicode.IsDigit(r))
		if in && ws < 0 {
			ws = i
		} else if !in && ws >= 0 {
			flush(i)
		}
	}
	if ws >= 0 {
		flush(len(s))
	}
	return out
}

// trimApostrophes returns w without the apostrophes (' ’) it begins and
// ends with: strings.Trim(w, "'’").
func trimApostrophes(w string) string {
	for {
		if strings.HasPrefix(w, "'") {
			w = w[1:]
		} else if strings.HasPrefix(w, "’") {
			w = w[len("’"):]
		} else {
			break
		}
	}
	for {
		if strings.HasSuffix(w, "'") {
			w = w[:len(w)-1]
		} else if strings.HasSuffix(w, "’") {
			w = w[:len(w)-len("’")]
		} else {
			break
		}
	}
	return w
}

// lowerSameLength returns s in lower case, byte for byte: a letter whose
// lower case is encoded in another number of bytes stays as it is.
func lowerSameLength(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	var buf [512]byte // lowered bytes, written to b when full
	n := 0
	for i < len(s) {
		if n > len(buf)-8 {
			b.Write(buf[:n])
			n = 0
		}
		if i+8 <= len(s) {
			if x := load64(s, i); x&high64 == 0 {
				// 8 ASCII bytes: set the 0x20 bit of the capitals
				binary.LittleEndian.PutUint64(buf[n:], x|inRange64(x, 'A', 'Z')>>2)
				n += 8
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == w {
			utf8.EncodeRune(buf[n:], l)
		} else {
			copy(buf[n:], s[i:i+w])
		}
		n += w
		i += w
	}
	b.Write(buf[:n])
	return b.String()
}

// judgement weighs the lines no rule dropped: it finds the article, the run
// of lines with the greatest total score, and drops the lines outside it and
// the lines inside it that score below the judge's keep. It returns the
// article's first and last line (-1, -1 without a judge or article).
func (st *cleanState) judgement() (int, int) {
	if st.judge == nil {
		return -1, -1
	}
	j := st.judge.Judge
	n := len(st.lines)
	if j.MinDropped > 0 {
		dropped, short := 0, 0
		for i := range st.lines {
			if st.infos[i].text == "" {
				continue
			}
			if st.lines[i].Dropped {
				dropped++
			}
			if st.infos[i].words <= j.ShortWords {
				short++
			}
		}
		if dropped < j.MinDropped && (j.MinShort == 0 || short < j.MinShort) {
			return -1, -1
		}
	}
	final := st.scores
	if j.Neighbours != 0 && j.Window > 0 {
		final = make([]float64, n)
		var idx []int
		for i := range st.lines {
			if st.infos[i].text != "" {
				idx = append(idx, i)
			}
		}
		val := func(i int) float64 {
			if st.lines[i].Dropped {
				return j.Dropped
			}
			return st.scores[i]
		}
		for p, i := range idx {
			if st.lines[i].Dropped {
				continue
			}
			sum, cnt := 0.0, 0
			for k := max(0, p-j.Window); k <= min(len(idx)-1, p+j.Window); k++ {
				if k != p {
					sum += val(idx[k])
					cnt++
				}
			}
			final[i] = st.scores[i]
			if cnt > 0 {
				final[i] += j.Neighbours * sum / float64(cnt)
			}
		}
	}
	v := grow(&st.bufs.v, n)
	for i := range st.lines {
		switch {
		case st.infos[i].text == "":
		case st.lines[i].Dropped:
			v[i] = j.Dropped
		default:
			v[i] = min(j.Ceiling, max(j.Floor, final[i]+j.Offset))
		}
	}
	in := grow(&st.bufs.in, n)
	st.in = in
	core := -1 // the article's last line before it grew
	a, b, best := maxRun(v, 0, n)
	if b < a {
		// no line scores above nothing: no article to tell apart
		return -1, -1
	} else {
		for k := a; k <= b; k++ {
			in[k] = true
		}
		core = b
		if j.HasExtend {
			b = st.extend(b, final)
			for k := a; k <= b; k++ {
				in[k] = true
			}
		}
		if j.Second > 0 || j.QuoteSecond > 0 {
			// only before the article: its opening paragraphs may stand apart
			// (a picture, a chart); what follows it is teasers and comments
			st.secondRuns(v, in, 0, a)
		}
	}
	_ = best
	for i := range st.lines {
		if st.trace != nil && st.infos[i].text != "" {
			st.trace[i] = LineTrace{Score: final[i], Article: in[i]}
		}
		if st.infos[i].text == "" || st.lines[i].Dropped {
			continue
		}
		switch {
		case !in[i]:
			st.lines[i].Dropped, st.lines[i].Rule = true, st.judge.ID
		case final[i] < j.Keep && i <= core:
			st.lines[i].Dropped, st.lines[i].Rule = true, st.judge.ID
			if st.worst[i] != "" {
				st.lines[i].Rule = st.worst[i]
			}
		}
	}
	if st.trace != nil {
		st.traceRules()
	}
	return a, b
}

// extend grows the article that ends at line b over the lines after it
// (see Judge.Extend) and returns its new last line.
func (st *cleanState) extend(b int, final []float64) int {
	j := st.judge.Judge
	// next[p]: the place of the first line dropped by a rule at or after the
	// non-blank line p
	next := grow(&st.bufs.next, len(st.nb)+1)
	next[len(st.nb)] = len(st.nb) + j.Lookahead + 1
	for p := len(st.nb) - 1; p >= 0; p-- {
		next[p] = next[p+1]
		if st.lines[st.nb[p]].Dropped {
			next[p] = p
		}
	}
	for p := st.nbAt[b] + 1; p < len(st.nb); p++ {
		i := st.nb[p]
		if st.lines[i].Dropped || final[i] < j.Extend || next[p]-p <= j.Lookahead {
			break
		}
		b = i
	}
	return b
}

// secondRuns marks further runs in [from, to) (before the article) whose
// total is at least Second, or at least QuoteSecond when they hold a line
// with a quotation mark.
func (st *cleanState) secondRuns(v []float64, in []bool, from, to int) {
	j := st.judge.Judge
	if to-from <= 0 {
		return
	}
	a, b, best := maxRun(v, from, to)
	low := j.Second
	if j.QuoteSecond > 0 && (low <= 0 || j.QuoteSecond < low) {
		low = j.QuoteSecond
	}
	if b < a || best < low {
		return
	}
	keep := j.Second > 0 && best >= j.Second
	for k := a; k <= b && !keep; k++ {
		keep = st.infos[k].hasQuote && !st.lines[k].Dropped
	}
	if keep {
		for k := a; k <= b; k++ {
			in[k] = true
		}
	}
	st.secondRuns(v, in, from, a)
	st.secondRuns(v, in, b+1, to)
}

// maxRun returns the run [a, b] of v[from:to] with the greatest sum that
// starts and ends on a positive value (b < a when there is none).
func maxRun(v []float64, from, to int) (int, int, float64) {
	best, cur := 0.0, 0.0
	a, b, cs := 0, -1, from
	for i := from; i < to; i++ {
		if cur <= 0 {
			if v[i] <= 0 {
				continue
			}
			cur, cs = 0, i
		}
		cur += v[i]
		if cur > best {
			best, a, b = cur, cs, i
		}
	}
	return a, b, best
}

// traceRules fills the matched scored rules of the trace.
func (st *cleanState) traceRules() {
	for i := range st.lines {
		if st.infos[i].text == "" {
			continue
		}
		for k, r := range st.x.rules.Cleanup {
			if !r.Scored {
				continue
			}
			if r.Score < 0 && r.Protect && st.infos[i].hasQuote {
				continue
			}
			if st.holds(r, k, i) {
				st.trace[i].Scored = append(st.trace[i].Scored, r.ID+"("+formatScore(r.Score)+")")
			}
		}
	}
}

func formatScore(f float64) string {
	s := strings.TrimRight(strings.TrimRight(strconv.FormatFloat(f, 'f', 2, 64), "0"), ".")
	if f > 0 {
		return "+" + s
	}
	return s
}

// headline finds the headline before any rule runs: a line that the page
// title (the first line, "Headline - Site") holds, or a line printed twice
// near the top. It returns -1 when neither is found.
func (st *cleanState) headline() int {
	limit := min(len(st.lines)-1, 400)
	first := -1
	for i := range st.lines {
		if st.infos[i].text != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return -1
	}
	// the longest such line: the site's name may stand alone too
	// (the key of a line is at least its letters and digits long, and at
	// most its bytes: lines too short for the title's key are passed over
	// before the key of a long first line is made)
	var fk []byte
	fkMin := st.infos[first].letters + st.infos[first].digits
	best, bestLen := -1, 0
	var k []byte
	for i := first + 1; i <= limit; i++ {
		if n := len(st.infos[i].text); n < 12 || n <= bestLen || 10*n < 4*fkMin || !st.headlineLike(i) {
			continue
		}
		if fk == nil {
			fk = alnumKey(st.lower(first), make([]byte, 0, len(st.infos[first].text)))
		}
		if st.infos[i].letters+st.infos[i].digits > len(fk) {
			continue
		}
		k = alnumKey(st.lower(i), k[:0])
		if len(k) > bestLen && len(k) >= 12 && 10*len(k) >= 4*len(fk) && bytes.Contains(fk, k) {
			best, bestLen = i, len(k)
		}
	}
	if best >= 0 {
		return best
	}
	// a line printed twice a few lines apart (a headline above and below
	// the picture); the first such line of the top half
	for k := range st.lines {
		i := st.first[k]
		if i == k || st.lines[i].Start*2 > st.n || st.nbAt[k]-st.nbAt[i] > 8 {
			continue
		}
		if st.headlineLike(i) && st.infos[i].words >= 4 {
			return i
		}
	}
	return -1
}

func (st *cleanState) headlineLike(i int) bool {
	li := &st.infos[i]
	maxWords := st.x.rules.Metadata.HeadlineMaxWords
	if maxWords == 0 {
		maxWords = 25
	}
	return li.text != "" && li.words >= 2 && li.words <= maxWords && !strings.HasSuffix(li.text, ".") && li.letters > li.digits
}

// metadata sets the title and the date. The title is the headline found
// before the rules ran, else the nearest headline-like line before the
// article (start is its first line, -1 when there is none), else the first
// kept headline-like line; the headline line stays. The date comes from the
// first dateline before the article (or among the first lines without one).
func (x *Extractor) metadata(c *Cleaned, st *cleanState, start int) {
	head := 12
	if st.judge != nil {
		head = st.judge.Judge.HeadLines
	}
	title := st.title
	if title >= 0 && c.Lines[title].Dropped && (st.judge == nil || c.Lines[title].Rule != st.judge.ID) {
		title = -1
	}
	if title < 0 && start >= 0 {
		for i := start - 1; i >= 0 && i >= start-head && title < 0; i-- {
			if st.infos[i].text == "" || c.Lines[i].Dropped && c.Lines[i].Rule != st.judge.ID {
				continue
			}
			if st.headlineLike(i) && !st.infos[i].terminal {
				title = i
			}
		}
	}
	if title < 0 {
		for i := range c.Lines {
			if st.infos[i].text != "" && !c.Lines[i].Dropped {
				if st.headlineLike(i) {
					title = i
				}
				break
			}
		}
	}
	if title >= 0 {
		l := &c.Lines[title]
		c.Title, l.Meta = st.infos[title].text, "title"
		if l.Dropped && st.judge != nil && l.Rule == st.judge.ID {
			l.Dropped, l.Rule = false, ""
		}
	}
	limit := len(c.Lines) - 1
	if start >= 0 {
		limit = min(limit, start+2)
	} else {
		limit = min(limit, 40)
	}
	var dateFilters []rules.RegexFilter
	if len(x.rules.Cleanup) > 0 {
		// (an empty list's index is not kept from call to call)
		dateFilters = st.index.DateFilters(x.rules.Metadata.Date)
	}
	for i := 0; i <= limit; i++ {
		li := &st.infos[i]
		if li.text == "" || li.words > 14 || li.digits < 4 || i == title {
			continue
		}
		if start >= 0 && i >= start && !c.Lines[i].Dropped {
			continue
		}
		d := x.findDate(li.text, st.lower(i), dateFilters)
		if d == "" {
			continue
		}
		c.Date = d
		l := &c.Lines[i]
		l.Meta = "date"
		if !l.Dropped || st.judge != nil && l.Rule == st.judge.ID {
			l.Dropped, l.Rule = true, "metadata-date"
		}
		break
	}
}

// findDate returns the date of the first metadata date pattern that matches
// a third or more of s, in ISO 8601 when it can be read, else as written; ""
// when none does.
// Named groups (year, month, day, hour, minute, ampm) say where the parts
// are; without them the match is read with the usual layouts.
// lower is s in lower case (see lowerSameLength); filters are the patterns'
// quick tests (nil: none).
func (x *Extractor) findDate(s, lower string, filters []rules.RegexFilter) string {
	for k, re := range x.rules.Metadata.Date {
		if filters != nil && !filters[k].May(s, lower) {
			continue
		}
		m := re.FindStringSubmatchIndex(s)
		// a dateline is mostly its date: "On July 6, 2015, she said:" is not
		if m == nil || 3*(m[1]-m[0]) < len(s) {
			continue
		}
		names := re.SubexpNames()
		parts := map[string]string{}
		for k, name := range names {
			if name != "" && m[2*k] >= 0 {
				parts[name] = s[m[2*k]:m[2*k+1]]
			}
		}
		if len(parts) == 0 {
			return parseDate(s[m[0]:m[1]])
		}
		if d := dateFromParts(x.monthParts(parts)); d != "" {
			return d
		}
		return s[m[0]:m[1]]
	}
	return ""
}

var monthNames = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
	"aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// dateFromParts assembles an ISO date from named parts; "" when they do not
// make a date.
func dateFromParts(p map[string]string) string {
	y, err := strconv.Atoi(p["year"])
	if err != nil {
		return ""
	}
	if y < 100 {
		y += 2000
	}
	mo, err := strconv.Atoi(p["month"])
	if err != nil {
		name := strings.ToLower(p["month"])
		if len(name) < 3 {
			return ""
		}
		mo = monthNames[name[:3]]
	}
	d, err := strconv.Atoi(p["day"])
	if err != nil || mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2100 {
		return ""
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return ""
	}
	hs, ok := p["hour"]
	if !ok {
		return t.Format("2006-01-02")
	}
	h, err1 := strconv.Atoi(hs)
	mi, err2 := strconv.Atoi(p["minute"])
	if err1 != nil || err2 != nil || h > 23 || mi > 59 {
		return t.Format("2006-01-02")
	}
	switch strings.ToLower(strings.ReplaceAll(p["ampm"], ".", "")) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	return t.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute).Format("2006-01-02T15:04")
}

var dateLayouts = []string{
	"2 Jan, 2006 15:04", "2 Jan 2006 15:04", "2 January 2006 15:04", "2 January, 2006 15:04",
	"2 Jan, 2006", "2 Jan 2006", "2 January 2006", "2 January, 2006",
	"Jan 2, 2006", "January 2, 2006", "Jan. 2, 2006", "Jan 2 2006",
	"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02",
}

// parseDate turns a dateline into ISO 8601 (2025-04-25T15:12) when it can.
func parseDate(s string) string {
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if strings.Contains(layout, "15:04") {
			return t.Format("2006-01-02T15:04")
		}
		return t.Format("2006-01-02")
	}
	return s
}
