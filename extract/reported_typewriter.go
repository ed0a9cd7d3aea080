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
	// made: the index is of the document under analysis (report clears
	// it; the first statement that asks makes it)
	made bool
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
}

// typewriterOf returns typewriterMarks(text, ix), made on the first call
// for a document (report clears ix.made): a document none of whose
// statements comes so far makes none.
func (x *Extractor) typewriterOf(text string, ix *typewriterIndex) *typewriterIndex {
	if !ix.made {
		return x.typewriterMarks(text, ix)
	}
	if len(ix.marks) == 0 {
		return nil
	}
	return ix
}

// typewriterMarks indexes the marks of the typewriter_quotes list that
// occur in text, in ix, whose arrays it reuses (report's scratch keeps one
// for the next document); nil when none does (most documents: then no
// statement is looked at).
func (x *Extractor) typewriterMarks(text string, ix *typewriterIndex) *typewriterIndex {
	ix.made, ix.marks = true, ix.marks[:0]
	l := x.rules.Lists[listTypewriterQuotes]
	if l == nil {
		return nil
	}
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
		if n := searchInts(tm.counted, last) - searchInts(tm.counted, para); n%2 == 0 {
			continue
		}
		j := searchInts(tm.at, last) - 1
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

// searchInts is sort.SearchInts(xs, v), the index of the first of xs
// (sorted offsets of a text) that is v or more, by steps that move by the
// sign of a difference, not by a branch (which the offsets would
// mispredict).
func searchInts(xs []int, v int) int {
	if len(xs) == 0 {
		return 0
	}
	base := 0
	for n := len(xs); n > 1; n -= n >> 1 {
		half := n >> 1
		base += half * int(uint64(xs[base+half]-v)>>63)
	}
	if xs[base] < v {
		base++
	}
	return base
}
