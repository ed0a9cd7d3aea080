package extract

// Per-document conventions: which quotation marks are the document's outer
// quotation (American “…” or British ‘…’), and whether the text is
// hard-wrapped. The settings are the ruleset's (mark_convention and
// wrapped_text in rules/defaults/marks.yaml).

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/rules"
)

// scanQuotes scans the quotations of view. It returns whether the document
// uses inner marks (‘…’) as its outer quotation: then pairs scanned only in
// such documents (the straight ') are kept, otherwise the view is scanned
// again without them.
func (x *Extractor) scanQuotes(view string) ([]Quote, []ScanWarning, bool) {
	t := x.table
	if x.outerOnly != nil {
		t = x.tableAll
	}
	qs, ws := scanQuotes(view, t, x.opts.MaxQuoteLen)
	inner := x.innerOuter(view, qs)
	if inner || x.outerOnly == nil {
		return qs, ws, inner
	}
	for _, q := range qs {
		if x.outerOnly[q.Open] || x.outerOnly[q.Close] {
			qs, ws = scanQuotes(view, x.table, x.opts.MaxQuoteLen)
			return qs, ws, false
		}
	}
	return qs, ws, false
}

// innerOuter reports whether the document uses inner marks as its outer
// quotation: more than the inner_share of its top-level quotations of
// min_words words or more are in inner marks. Doubled inner marks (two
// straight single marks, ‘‘…’’) type a double quotation.
func (x *Extractor) innerOuter(view string, qs []Quote) bool {
	switch x.rules.Language.SingleMarks {
	case rules.SingleMarksNested:
		return false
	case rules.SingleMarksSpeech:
		return true
	}
	conv := x.rules.Convention
	if conv.InnerShare <= 0 {
		return false
	}
	// the first line of text, a headline, quotes in single marks in either
	// convention: its quotations do not count
	head := headEnd(view)
	inner, all := 0, 0
	for _, q := range qs {
		if q.Depth > 0 || q.Start < head || wordCount(view[q.Start:q.End], conv.InnerMinWords) < conv.InnerMinWords {
			continue
		}
		all++
		if q.Inner && !doubled(view, q) {
			inner++
		}
	}
	if all == 0 && conv.InnerMinWords > 1 {
		// only short quotations: they count, all of them
		for _, q := range qs {
			if q.Depth == 0 && q.Start >= head {
				all++
				if q.Inner && !doubled(view, q) {
					inner++
				}
			}
		}
	}
	return all > 0 && float64(inner) > conv.InnerShare*float64(all)
}

// doubled reports whether quote q's opening mark is doubled: two straight single
// marks, ‘‘…’’.
func doubled(view string, q Quote) bool {
	m := string(q.Open)
	return strings.HasPrefix(view[q.Start:], m) || strings.HasSuffix(view[:q.OpenStart], m)
}

// headEnd returns the end of the first line of text of view, which a
// headline holds, or 0 when view has one line of text only.
func headEnd(view string) int {
	head := len(view) - len(strings.TrimLeftFunc(view, unicode.IsSpace))
	if nl := strings.IndexByte(view[head:], '\n'); nl >= 0 && strings.TrimSpace(view[head+nl:]) != "" {
		return head + nl
	}
	return 0
}

// innerTop reports whether the top-level quote q, of the given kind ("" when
// unattributed), is in inner marks in a document that does not use them as
// its outer quotation, or in the headline (the title line, or a quote that
// is no direct speech on the first line): a headline paraphrase or a term
// rather than speech.
func (a *analysis) innerTop(q Quote, kind string) bool {
	if !q.Inner {
		return false
	}
	// (a document of one line of text has no headline: head is 0)
	return !a.innerOuter || a.head > 0 && (a.inTitle(q.Start) || kind != "direct" && q.Start < a.head)
}

// inTitle reports whether offset off lies on the line that gave the
// document's title.
func (a *analysis) inTitle(off int) bool {
	lines := a.c.Lines
	i, _ := slices.BinarySearchFunc(lines, off, func(l Line, off int) int { return int(l.End) - off })
	return i < len(lines) && int(lines[i].Start) <= off && lines[i].Meta == MetaTitle
}

// unwrap returns view, the normalised text, with the line breaks inside
// paragraphs turned into spaces when the text is hard-wrapped (see
// wrapped), else view. The length is kept, so offsets into the result are
// offsets into view. (Widths are measured on text: normalising turns a
// no-break space into two spaces.)
//
// A break joins two lines of text unless the first is short — the next
// line's first word would have fit on it and it fills less than two thirds
// of the widest line (a heading, the last line of a paragraph, a list
// item) — or the next line is indented and the first is not (a paragraph
// opening without a blank line before it).
func (x *Extractor) unwrap(text, view string) string {
	ok, widest := x.wrapped(text)
	if !ok {
		return view
	}
	var b []byte
	prevLen, prevIndent := -1, false // of the last line; prevLen -1: blank
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		t := strings.TrimSpace(line)
		if t == "" {
			prevLen = -1
		} else {
			indent := line[0] == ' ' || line[0] == '\t'
			if prevLen >= 0 && !(indent && !prevIndent) {
				first := t
				if i := strings.IndexAny(t, " \t"); i >= 0 {
					first = t[:i]
				}
				short := prevLen+1+utf8.RuneCountInString(first) <= widest && 3*prevLen < 2*widest
				if !short {
					if b == nil {
						b = []byte(view)
					}
					b[start-1] = ' ' // the break before this line
				}
			}
			prevLen = utf8.RuneCountInString(strings.TrimRight(line, " \r\t"))
			prevIndent = indent
		}
		start = end + 1
	}
	if b == nil {
		return view
	}
	return string(b)
}

// wrapped reports whether view is hard-wrapped, and the width of its widest
// line of more than one word (a wrapper leaves a long word whole): such
// lines are at most max_width characters, the widest min_width or more, and
// on a share of at least share of the lines of text that run on into a next
// line of text, the next line's first word would not have fit within the
// widest line; at least min_lines such lines.
func (x *Extractor) wrapped(view string) (bool, int) {
	w := x.rules.Convention.Wrap
	if w.MinLines <= 0 || w.MaxWidth <= 0 || strings.Count(view, "\n") < w.MinLines {
		return false, 0
	}
	widest := 0
	for rest := view; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimRight(line, " \r\t")
		if !strings.ContainsAny(strings.TrimLeft(line, " \t"), " \t") {
			continue // one word (a link): a wrapper leaves it whole, whatever the width
		}
		n := utf8.RuneCountInString(line)
		if n > w.MaxWidth {
			return false, 0
		}
		widest = max(widest, n)
	}
	if widest < w.MinWidth {
		return false, 0
	}
	runOn, full := 0, 0
	prev := -1 // length of the previous line of text, -1 after a blank line
	for rest := view; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		t := strings.TrimSpace(line)
		if t == "" {
			prev = -1
			continue
		}
		if prev >= 0 {
			runOn++
			first := t
			if i := strings.IndexByte(t, ' '); i >= 0 {
				first = t[:i]
			}
			if prev+1+utf8.RuneCountInString(first) > widest {
				full++
			}
		}
		prev = utf8.RuneCountInString(strings.TrimRight(line, " \r"))
	}
	return runOn >= w.MinLines && float64(full) >= w.Share*float64(runOn), widest
}

// lineStarts returns the offsets at which the lines of text start.
func lineStarts(text string) []int {
	starts := make([]int, 1, strings.Count(text, "\n")+1)
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// outerOnlyMarks returns the marks (first characters) that only pairs
// scanned in documents with inner marks as the outer quotation have, or
// nil when there are none.
func outerOnlyMarks(pairs []rules.MarkPair) map[rune]bool {
	var only map[rune]bool
	for _, m := range pairs {
		if m.InnerOuterOnly {
			if only == nil {
				only = map[rune]bool{}
			}
			only[m.Open], only[m.Close] = true, true
		}
	}
	for _, m := range pairs {
		if !m.InnerOuterOnly {
			delete(only, m.Open)
			delete(only, m.Close)
		}
	}
	if len(only) == 0 {
		return nil
	}
	return only
}
