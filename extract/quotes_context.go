package extract

// The context rule of quote scanning: how a mark that may open or close
// (the straight " and ', and the apostrophe-like ‘ ’ ‚) is decided by the
// characters around it.

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	j := pos + w
	if info.apos && pos > s.lineStart && pos != s.lastOpenEnd && isAlnumASCII(text[pos-1]) && j < len(text) && isAlnumASCII(text[j]) {
		// an apostrophe between two ASCII letters or digits (don’t): left
		// qsLOther, right qsRAlnum, so that it can neither close (an
		// apostrophe before a letter) nor open (after one), as below
		return qsStray
	}
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

	if left == qsLSpace && right != qsRAlnum && topMatches && qsAfterSpacedSingle(text, s.lineStart, pos) {
		// a free-standing mark after a nested quote's closing single mark
		// closes the outer quote: "… the term 'outreach,' " he said.
		return qsDoClose
	}
	if available && !info.apos && right != qsRAlnum && topMatches && s.t.marks[s.stack[len(s.stack)-1].mark].r != info.r {
		// a mark that closes the open quote opened by another mark (” after
		// “, a mismatched " after “) is decided by the stack, as a mark of
		// its own pair is, when no word follows it: “Hello ” he said.
		return qsDoClose
	}
	canClose := available && leftClose && rightClose
	if canClose && info.apos && left == qsLOther && right == qsRSpace && s.closable(info) == 1 && s.apostropheBefore(pos, w, info) {
		// ‘The dogs’ bowls were empty,’ he said: a plural possessive
		return qsStray
	}
	canOpen := info.opens && leftOpen && rightOpen && !(info.apos && qsElision(text, j, s.t.elisions))
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

// closesOpener reports whether the mark info closes quotes opened by the
// one-character mark r.
func (s *qsScanner) closesOpener(info *qsMark, r rune) bool {
	o := s.t.find(r)
	return o >= 0 && s.t.marks[o].opens && info.closes>>o&1 != 0
}

// closable returns the number of open quotes that the mark info may close
// (from the counts per mark: the stack may be deep).
func (s *qsScanner) closable(info *qsMark) int {
	n := 0
	for m := info.closes & s.openMask; m != 0; m &= m - 1 {
		n += int(s.counts[bits.TrailingZeros64(m)])
	}
	return n
}

// apostropheBefore reports, for an apostrophe-like mark at text[pos:pos+w]
// that follows a letter and precedes a space and so may close the quote on
// top of the stack, whether it is rather an apostrophe (dogs’ bowls):
// whether the paragraph holds, before any mark that may open a quote of the
// kind it closes, a later mark of the same character that closes beyond doubt — after
// punctuation (empty,’) or before punctuation or the paragraph end. Marks
// in between that may be either are passed over; the answer holds for them
// too, so it is kept, and the work stays linear in the paragraph. It is
// asked only when one open quote may be closed by the mark: with two (‘a
// ‘b’ c,’), the later mark may close the outer one.
func (s *qsScanner) apostropheBefore(pos, w int, info *qsMark) bool {
	r, _ := utf8.DecodeLastRuneInString(s.text[s.lineStart:pos])
	if !unicode.IsLetter(r) {
		return false
	}
	if pos < s.aposUntil {
		return s.aposResult
	}
	text := s.text
	if s.paraEndOf != s.lineStart+1 {
		// the paragraph's end, found once per paragraph
		s.paraEndOf, s.paraEnd = s.lineStart+1, len(text)
		if nl := strings.IndexByte(text[pos:], '\n'); nl >= 0 {
			s.paraEnd = pos + nl
		}
	}
	end := s.paraEnd
	marks := string(info.r) + s.t.openers
	for j := pos + w; j < end; {
		k := strings.IndexAny(text[j:end], marks)
		if k < 0 {
			break
		}
		k += j
		m, mw := utf8.DecodeRuneInString(text[k:])
		before, _ := utf8.DecodeLastRuneInString(text[s.lineStart:k])
		after, _ := utf8.DecodeRuneInString(text[k+mw : end])
		switch {
		case qsIsSpace(before) && (unicode.IsLetter(after) || unicode.IsDigit(after)) && s.closesOpener(info, m):
			// a mark that may open a quote this one closes: the first mark closes
			s.aposUntil, s.aposResult = k, false
			return false
		case m == info.r && (k+mw == end || strings.ContainsRune(",.!?;:…", before) || strings.ContainsRune(",.!?;:)…", after)):
			s.aposUntil, s.aposResult = k, true
			return true
		}
		j = k + mw
	}
	s.aposUntil, s.aposResult = end, false
	return false
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
// of elisions ('em, 'n', 'tis: ScanOptions.Elisions).
func qsElision(text string, j int, elisions []string) bool {
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
	for _, e := range elisions {
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
