package extract

import (
	"strings"
	"unicode"

	"github.com/whosaid/whosaid/internal/needle"
	"github.com/whosaid/whosaid/internal/wordtab"
	"github.com/whosaid/whosaid/rules"
)

// Line is one line of the input after cleaning; in hard-wrapped text (see
// the wrapped_text rules), one paragraph: its line breaks are spaces in
// the view.
//
// A Line is 16 bytes, as a document of newlines alone has one per byte: the
// id of the rule that dropped it is an index into its Cleaned's table of
// rule ids (see Cleaned.LineRule).
type Line struct {
	Start, End int32    // byte offsets of the line in the input, newline excluded (a text is at most MaxDocument bytes)
	rule       uint32   // the rule that dropped it: 1 + its index in Cleaned.ruleIDs (0: none)
	Dropped    bool     // cleanup dropped it
	Meta       LineMeta // MetaTitle or MetaDate when the line gave document metadata
}

// LineMeta tells which document metadata a line gave.
type LineMeta uint8

// The metadata a line can give.
const (
	MetaNone  LineMeta = iota // no metadata
	MetaTitle                 // the document's title
	MetaDate                  // the document's date
)

// String returns "title", "date" or "" (MetaNone).
func (m LineMeta) String() string {
	switch m {
	case MetaTitle:
		return "title"
	case MetaDate:
		return "date"
	}
	return ""
}

// LineRule returns the id of the rule that dropped c.Lines[i] ("" when
// none did).
func (c *Cleaned) LineRule(i int) string {
	if r := c.Lines[i].rule; r > 0 {
		return c.ruleIDs[r-1]
	}
	return ""
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
	// Lang is the language whose cleanup rules ran (see CleanLang).
	Lang string
	// lineStarts holds the offsets of the input's lines when the view has
	// hard-wrapped lines joined (see unwrap), so that lines are still
	// counted in the input; nil otherwise.
	lineStarts []int
	// ruleIDs holds the ids of the rules that dropped lines (see LineRule)
	ruleIDs []string
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

// cleanState is the working state of one Clean call.
type cleanState struct {
	x     *Extractor
	stop  *wordtab.Set
	cue   *rules.List
	judge *rules.CleanupRule
	lines []Line
	infos []lineInfo // per non-blank line, in order (see info)
	blank lineInfo   // the features of every blank line: zero
	n     int        // length of the view, for fractions
	toks  []string   // the words of line tokOf
	tokOf int        // the line toks belongs to (-1: none)
	index *needle.Index
	// filter returns a rule's quick regex tests (compiled.Rules.Filter)
	filter func(*rules.CleanupRule) *needle.Filter
	// lowView is the view in lower case, byte for byte
	lowView string
	first   []int32 // per line, 1 + the first line with the same text (0: itself; see firstOf)
	title   int     // the headline line (-1: none yet)
	in      []bool  // per line, in the article (after the judgement)
	// numbered: per line, an item of a numbered list
	numbered []bool
	scores   []float64
	isGood   []bool   // per line, scored at least the judge's good (context conditions)
	nb       []int    // the indexes of the non-blank lines
	nbAt     []int32  // per line, its place among the non-blank lines
	infoAt   []int32  // per line, 1 + its index in infos (0: a blank line)
	worst    []string // per line, the most negative scored rule that matched
	trace    []LineTrace
	// stopUnknown: the stopwords list does not cover the document's language
	stopUnknown bool
	bufs        *cleanBufs
	needs       *lineNeeds
	// ruleIDs: the ids of the rules that dropped lines (see setRule)
	ruleIDs []string
}

// info returns the features of line i: those of a blank line are zero
// (and not to be written).
func (st *cleanState) info(i int) *lineInfo {
	if p := st.infoAt[i]; p > 0 {
		return &st.infos[p-1]
	}
	return &st.blank
}

// firstOf returns the first line with the same text as line i (i itself
// when none came before).
func (st *cleanState) firstOf(i int) int {
	if f := st.first[i]; f > 0 {
		return int(f) - 1
	}
	return i
}

// setRule records id as the rule that dropped line i ("" for none). The
// ids of a document are few: a linear search of its table finds them.
func (st *cleanState) setRule(i int, id string) {
	st.lines[i].rule = st.ruleIndex(id)
}

// ruleIndex returns 1 + the index of id in st.ruleIDs, adding it when
// new, or 0 for "".
func (st *cleanState) ruleIndex(id string) uint32 {
	if id == "" {
		return 0
	}
	for k, s := range st.ruleIDs {
		if s == id {
			return uint32(k) + 1
		}
	}
	st.ruleIDs = append(st.ruleIDs, id)
	return uint32(len(st.ruleIDs))
}

// ruleOf returns the id of the rule that dropped line i ("" for none).
func (st *cleanState) ruleOf(i int) string {
	if r := st.lines[i].rule; r > 0 {
		return st.ruleIDs[r-1]
	}
	return ""
}

// cleanBufs holds the working slices of a Clean call, kept in the
// extractor's scratch pool (see scratch) for the next call: allocating them
// afresh for every document made the garbage collector a third of cleanup's
// time.
type cleanBufs struct {
	infos                []lineInfo
	first, nbAt, infoAt  []int32
	nb, num              []int
	next                 []int
	numbered, isGood, in []bool
	scores, low, v       []float64
	worst, toks          []string
	// seen maps line keys (not 0) to the first line that had the key
	seen wordtab.Table
	// tests: per rule of the list, its shape tests (see testsOf; made once
	// per buffer, for the list rules is)
	tests [][]shapeTest
	// needs: what the list's rules read of a line's words (made with tests)
	needs *lineNeeds
	need  []needle.Hits // per rule of the list, its needles (see needled)
	words []int32       // the bounds of a line's words (see features)
	rules []*rules.CleanupRule
	state cleanState
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

// Clean applies the cleanup rules of the text's language (see cleanLang)
// to text and recognises the title and date.
func (x *Extractor) Clean(text string) *Cleaned {
	c, _ := x.cleanLang(text, false)
	return c
}

// CleanExplain is Clean that also tells, line by line, how the judgement
// weighed each line that no rule dropped.
func (x *Extractor) CleanExplain(text string) (*Cleaned, []LineTrace) {
	return x.cleanLang(text, true)
}

// clean is Clean and CleanExplain; it also returns the view before the
// blanking of dropped lines in lower case, byte for byte (see
// lowerSameLength), which the tokenizer reuses on the kept lines.
func (x *Extractor) clean(text string, explain bool) (*Cleaned, []LineTrace, string) {
	view, low := normalizeLower(text)
	c := &Cleaned{}
	if joined := x.unwrap(text, view); joined != view {
		c.lineStarts = lineStarts(view)
		view, low = joined, lowerSameLength(joined)
	}
	nl := strings.Count(view, "\n") + 1
	c.Lines = make([]Line, 0, nl)
	for start := 0; start <= len(view); {
		end := strings.IndexByte(view[start:], '\n')
		if end < 0 {
			end = len(view)
		} else {
			end += start
		}
		c.Lines = append(c.Lines, Line{Start: int32(start), End: int32(end)})
		start = end + 1
		if end == len(view) {
			break
		}
	}
	sc := x.getScratch()
	defer x.scratch.Put(sc)
	if sc.clean == nil {
		sc.clean = &cleanBufs{}
	}
	bufs := sc.clean
	// the state lives in the buffers too: one allocation less per call
	st := &bufs.state
	comp := x.rules.Compiled()
	*st = cleanState{x: x, lines: c.Lines, n: max(1, len(view)), tokOf: -1, lowView: low,
		index: comp.Index, filter: comp.Filter,
		cue: x.rules.Lists[rules.ListCueVerbs], bufs: bufs}
	if len(x.rules.Cleanup) > 0 {
		st.stop = comp.Stop
	} else {
		// no rule reads the stop-word counts: no set to look up
		st.stop = wordtab.NewSet(nil, noWord)
	}
	for _, r := range x.rules.Cleanup {
		if r.Judge != nil {
			st.judge = r
		}
	}
	if !sameRules(bufs.rules, x.rules.Cleanup) {
		bufs.rules = x.rules.Cleanup
		bufs.tests = make([][]shapeTest, len(x.rules.Cleanup))
		keys := make([][]string, len(x.rules.Cleanup)) // each rule's conditions, asked once
		for k, r := range x.rules.Cleanup {
			keys[k] = r.Conditions()
			bufs.tests[k] = testsOfKeys(r, keys[k])
		}
		bufs.needs = needsOf(x.rules.Cleanup, keys)
		bufs.need = make([]needle.Hits, len(x.rules.Cleanup))
		for k := range bufs.need {
			bufs.need[k] = comp.Index.Need(k)
		}
	}
	st.needs = bufs.needs
	// the features of the non-blank lines only, in their order (see info):
	// a run of blank lines costs no lineInfo
	// (a document of few lines has them sized at once, for all its lines)
	if len(c.Lines) <= maxPooledLines && cap(bufs.infos) < len(c.Lines) {
		bufs.infos = make([]lineInfo, 0, len(c.Lines))
		bufs.nb = make([]int, 0, len(c.Lines))
	} else if len(c.Lines) > maxPooledLines {
		// a long document's, sized for its non-blank lines: grown by
		// append, they were copied at each doubling, into fresh memory
		// (a tenth of the time of 16 MB of articles joined into one)
		n := nonBlankLines(view, c.Lines)
		bufs.infos = make([]lineInfo, 0, n)
		bufs.nb = make([]int, 0, n)
	}
	st.infos = bufs.infos[:0]
	st.first = grow(&bufs.first, len(c.Lines))
	st.nbAt = grow(&bufs.nbAt, len(c.Lines))
	st.infoAt = grow(&bufs.infoAt, len(c.Lines))
	st.nb = bufs.nb[:0]
	keys := 0
	for i := range c.Lines {
		l := &c.Lines[i]
		st.nbAt[i] = int32(len(st.nb))
		raw := view[l.Start:l.End]
		s := strings.TrimSpace(raw)
		if s == "" {
			continue
		}
		off := int(l.Start) + len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
		li := st.features(s, off, x.exactStopWords)
		li.off = off
		if li.key != 0 {
			keys++
		}
		st.infos = append(st.infos, li)
		st.nb = append(st.nb, i)
		st.infoAt[i] = int32(len(st.infos))
	}
	bufs.infos, bufs.nb = st.infos, st.nb
	// the table of line keys is sized for the lines that have one, not for
	// every line: a run of empty lines costs no slots
	seen := &bufs.seen
	seen.Reset(keys)
	for p := range st.infos {
		if li := &st.infos[p]; li.key != 0 {
			i := st.nb[p]
			if f := int(seen.PutNew(li.key, 0, uint64(i))); f != i {
				li.repeated = true
				st.first[i] = int32(f) + 1
			}
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
	c.ruleIDs = st.ruleIDs
	trace, low := st.trace, st.lowView
	*st = cleanState{} // the pool keeps no document
	if len(c.Lines) > maxPooledLines {
		sc.clean = nil // garbage before the analysis allocates, not kept through it
	}
	return c, trace, low
}

// nonBlankLines returns the number of lines of view that hold more than
// white space.
func nonBlankLines(view string, lines []Line) int {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(view[l.Start:l.End]) != "" {
			n++
		}
	}
	return n
}

// maxPooledLines bounds the lines of a document whose cleanup buffers are
// kept for the next one. The buffers take some 200 bytes a non-blank line
// and 60 a blank one; those of a document of many lines would otherwise
// stay alive through its whole analysis, on top of its tokens.
const maxPooledLines = 1 << 16

// neutralStopShare is the stop-word share every line is taken to have when
// the stopwords list does not cover the document's language: that of prose.
const neutralStopShare = 0.3

// unknownShare is the share of stop words of a document's long lines below
// which stopwordsUnknown holds.
const unknownShare = 1.0 / 20

// stopwordsUnknown reports whether the document's long lines (10 words or
// more, at least 3 of them) hold almost no words of the stopwords list, as in
// a language the list does not cover; stop-word conditions then see every
// line as prose and the other features decide. A line whose stop words were
// counted only in part (lineInfo.partial) has above unknownShare of them:
// when the counts so far say yes, those lines are counted in full.
func (st *cleanState) stopwordsUnknown() bool {
	lines, stop, tokens, partial := 0, 0, 0, false
	for _, i := range st.nb {
		if li := st.info(i); li.tokens >= 10 {
			lines++
			stop += li.stop
			tokens += li.tokens
			partial = partial || li.partial
		}
	}
	if !(lines >= 3 && stop*20 < tokens) {
		return false
	}
	if partial {
		stop = 0
		for _, i := range st.nb {
			if li := st.info(i); li.tokens >= 10 {
				if li.partial {
					st.recount(li)
				}
				stop += li.stop
			}
		}
	}
	return stop*20 < tokens
}

// recount counts the stop words of the line of li in full (and its
// capitalised words).
func (st *cleanState) recount(li *lineInfo) {
	e := st.features(li.text, li.off, true)
	li.stop, li.content, li.caps, li.partial = e.stop, e.content, e.caps, false
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
		for k := int(l.Start); k < int(l.End); k += len(spaces) {
			b.WriteString(spaces[:min(len(spaces), int(l.End)-k)])
		}
		done = int(l.End)
	}
	b.WriteString(view[done:])
	return b.String()
}

const spaces = "                                                                "

// sameRules reports whether a and b are the same cleanup list.
func sameRules(a, b []*rules.CleanupRule) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// noWord is the word test of an empty word set: it has no word.
func noWord(string) bool { return false }
