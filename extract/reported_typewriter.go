package extract

import (
	"strings"
)

// listTypewriterQuotes names the list of quotation marks that the quote
// scanner does not pair (the typewriter quotes of two apostrophes of some
// news archives); the list is optional.
const listTypewriterQuotes = "typewriter_quotes"

// typewriterIndex is where the marks of the typewriter_quotes list stand
// in a document, found once so that the test of each statement costs a
// binary search, not a scan of its paragraph (a document of one long line
// with many statements stays linear).
type typewriterIndex struct {
	// marks holds, per mark that occurs, its occurrences: counted holds
	// those a scan from the left counts (not overlapping, as strings.Count),
	// at all the offsets where the mark starts (as strings.LastIndex finds)
	marks []typewriterMark
	// buf holds the arrays of the marks' counted and at
	buf []int
}

// typewriterMark is the occurrences of one mark, of size bytes, in a
// document.
type typewriterMark struct {
	mark        string
	size        int
	counted, at []int
	// lo, mid, hi: at and counted are buf[lo:mid] and buf[mid:hi], taken
	// once buf grows no more
	lo, mid, hi int
	// next is the first of at from the paragraph that anyIn was last
	// asked about on
	next int
}

// typewriterMarks indexes the marks of the typewriter_quotes list that
// occur in text, in ix, whose arrays it reuses (report's scratch keeps one
// for the next document); nil when none does (most documents: then no
// statement is looked at).
func (x *Extractor) typewriterMarks(text string, ix *typewriterIndex) *typewriterIndex {
	l := x.rules.Lists[listTypewriterQuotes]
	if l == nil {
		return nil
	}
	ix.marks = ix.marks[:0]
	// one scan of the text per mark, its offsets appended to buf: at holds
	// every offset where the mark starts (overlapping ones too: three
	// marks of one byte hold two of two), counted those a scan from the
	// left counts (not overlapping, as strings.Count); the slices taken
	// once buf grows no more
	buf := ix.buf[:0]
	for _, m := range l.Entries {
		if m == "" {
			continue
		}
		lo := len(buf)
		for k := 0; ; {
			i := strings.Index(text[k:], m)
			if i < 0 {
				break
			}
			buf = append(buf, k+i)
			k += i + 1
		}
		if len(buf) == lo {
			continue
		}
		mid := len(buf)
		for _, at := range buf[lo:mid] {
			if len(buf) == mid || at >= buf[len(buf)-1]+len(m) {
				buf = append(buf, at)
			}
		}
		ix.marks = append(ix.marks, typewriterMark{mark: m, size: len(m), lo: lo, mid: mid, hi: len(buf)})
	}
	ix.buf = buf
	if len(ix.marks) == 0 {
		return nil
	}
	for mi := range ix.marks {
		tm := &ix.marks[mi]
		tm.at, tm.counted = buf[tm.lo:tm.mid:tm.mid], buf[tm.mid:tm.hi:tm.hi]
	}
	return ix
}

// typewriterQuoted is inTypewriterQuote for a statement of sentence si
// whose cue stands at byte end, in a document whose marks ix indexes (not
// nil: report asks only then), the paragraph's start that of the
// sentence's line.
func (x *Extractor) typewriterQuoted(a *analysis, ix *typewriterIndex, si, end int) bool {
	return inTypewriterQuote(a.view, a.paraStart(si), end, ix)
}

// paraStart returns the byte offset of the paragraph (line) of sentence si.
func (a *analysis) paraStart(si int) int {
	return int(a.c.Lines[a.sents[si].para].Start)
}

// inTypewriterQuote reports whether the cue of a statement at byte end
// (the start of its content when it has none), in the paragraph (line)
// that starts at para, stands inside a quotation in one of the marks of
// ix (those of the typewriter_quotes list in the text): after an odd
// number of them in its paragraph, the last one opening (after a space or
// at the paragraph's start). Such a statement is the quoted speaker's
// words (The council said the bridge would close, Jane Doe said — in such
// marks), not one of the article.
func inTypewriterQuote(text string, para, end int, ix *typewriterIndex) bool {
	if ix == nil {
		return false
	}
	for _, tm := range ix.marks {
		// the marks wholly in text[para:end]: their count from the left, and
		// the last one
		last := end - tm.size + 1
		if n := firstAt(tm.counted, last) - firstAt(tm.counted, para); n%2 == 0 {
			continue
		}
		j := firstAt(tm.at, last) - 1
		if j < 0 || tm.at[j] < para {
			continue
		}
		// the last mark opens the quotation: at the start of the paragraph
		// or after a space (a paragraph that begins inside a quotation has
		// its closing mark after a word or a period)
		if k := tm.at[j]; k == para || text[k-1] == ' ' || text[k-1] == '\t' || text[k-1] == '(' {
			return true
		}
	}
	return false
}

// anyIn reports whether a mark of ix starts in text[para:end) with room
// for it before end: else no cue of the paragraph that starts at para, at
// byte end or before it, stands inside a quotation in these marks
// (inTypewriterQuote looks for the last mark before the cue in the
// paragraph), and the hits of a sentence need no test each.
func (ix *typewriterIndex) anyIn(para, end int) bool {
	for mi := range ix.marks {
		// (the first mark from para on, found from the one found for the
		// paragraph asked before: the sentences are asked in order)
		tm := &ix.marks[mi]
		k := nextFrom(tm.at, tm.next, para)
		tm.next = k
		if k < len(tm.at) && tm.at[k] < end-tm.size+1 {
			return true
		}
	}
	return false
}

// firstAt is sort.SearchInts(xs, v) for sorted byte offsets of a text (or
// keys that order by them, as tokenGaps's): the index of the first of xs
// that is v or more, by a search whose steps move by the sign of a
// difference, not by a branch (which the offsets would mispredict; both
// are not negative, so the difference does not overflow).
func firstAt[T int | int64](xs []T, v T) int {
	if len(xs) == 0 {
		return 0
	}
	base := 0
	for n := len(xs); n > 1; n -= n >> 1 {
		half := n >> 1
		base += half * int(uint64(int64(xs[base+half])-int64(v))>>63)
	}
	if xs[base] < v {
		base++
	}
	return base
}
