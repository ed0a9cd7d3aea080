package extract

import (
	"math"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/whosaid/whosaid/rules"
)

// sentence is a run of tokens of one paragraph; quotations are single
// tokens, so a sentence never ends inside one.
type sentence struct {
	// toks holds the tokens; nil for a packed sentence while they are not
	// unpacked (read them with analysis.toks)
	toks  []rules.Token
	para  int // paragraph index
	first bool
	win   *rules.Window // made on first use by attribution; resolution reuses it
}

// window returns the matching window of sentence si, lent by the scratch's
// windowRing (see maxWindows) on first use.
func (a *analysis) window(si int) *rules.Window {
	s := &a.sents[si]
	if s.win == nil {
		a.sc.wins.lend(a, si)
	}
	return s.win
}

// speakers returns the speaker phrases at toks[i], toks being the
// sentence's tokens: from the window when attribution made one (which
// memoises them), else computed afresh, without the memo that a sentence
// matched by no rule would not use again.
func (s *sentence) speakers(rs *rules.Ruleset, toks []rules.Token, i int) []rules.SpeakerPhrase {
	return s.speakersInto(rs, toks, i, nil)
}

// speakersInto is speakers with the phrases computed afresh written into
// *buf's array (see rules.Ruleset.SpeakersAtInto), made on first use:
// they are valid until the next call with buf. A window's memo is read
// where it holds the position, not filled (the entity table asks each
// position once).
func (s *sentence) speakersInto(rs *rules.Ruleset, toks []rules.Token, i int, buf *[]rules.SpeakerPhrase) []rules.SpeakerPhrase {
	if buf == nil {
		if s.win != nil {
			return s.win.Speakers(i)
		}
		return rs.SpeakersAt(toks, i)
	}
	if cap(*buf) == 0 {
		*buf = make([]rules.SpeakerPhrase, 0, 8) // (more phrases at one position take a new array)
	}
	if s.win != nil {
		return s.win.SpeakersInto(i, *buf) // (the memo read where it holds the position, not filled)
	}
	return rs.SpeakersAtInto(toks, i, *buf)
}

// isAlnumASCII reports whether the ASCII byte b is a letter or a digit.
func isAlnumASCII(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// alnum64 returns, for the 8 ASCII bytes x, the high bit of each that is a
// letter or a digit (isAlnumASCII).
func alnum64(x uint64) uint64 {
	y := x | ones64*0x20
	return (((y + ones64*(0x80-'a')) ^ (y + ones64*(0x80-'z'-1))) | ((x + ones64*(0x80-'0')) ^ (x + ones64*(0x80-'9'-1)))) & high64
}

// alnumPrefix returns how many of the 8 bytes x (little-endian) are, from
// the first, ASCII letters or digits (isAlnumASCII).
func alnumPrefix(x uint64) int {
	// inRange64 needs ASCII bytes; a byte from 0x80 up may carry into the
	// ones after it, but it is no letter, and the count stops there
	// (inRange64 written out, with the constants folded: small enough to
	// be inlined in the tokenizer's loop)
	y := x | ones64*0x20
	alnum := ((y + ones64*(0x80-'a')) ^ (y + ones64*(0x80-'z'-1))) | ((x + ones64*(0x80-'0')) ^ (x + ones64*(0x80-'9'-1)))
	return bits.TrailingZeros64(^(alnum&^x)&high64) >> 3
}

// Cases of a word, for lower-casing it (see asciiCase).
const (
	asciiLower = iota // ASCII, no upper case: its own lower case
	asciiUpper        // ASCII with upper-case letters
	notASCII
)

// asciiCase says whether s is ASCII and whether it has upper-case letters.
func asciiCase(s string) int {
	c := asciiLower
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf {
			return notASCII
		}
		if 'A' <= b && b <= 'Z' {
			c = asciiUpper
		}
	}
	return c
}

// lowerASCII lowers the ASCII upper-case letters of s and leaves every
// other byte alone, so that byte offsets are kept; on an ASCII word it
// gives what strings.ToLower does.
func lowerASCII(s string) string {
	if s == "" {
		return ""
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(&b[0], len(b)) // b is not written again: one allocation, not two
}

// lowerWord returns strings.ToLower(view[i:j]), sliced from the lowered
// view *low (see tokenize) when the word is ASCII.
func lowerWord(view string, i, j int, low *string) string {
	w := view[i:j]
	switch asciiCase(w) {
	case asciiLower:
		return w
	case asciiUpper:
		if *low == "" {
			*low = lowerASCII(view)
		}
		return (*low)[i:j]
	}
	return strings.ToLower(w)
}

// isJoinerRune reports whether r is an invisible joiner that cleanup keeps
// inside a word: zero-width joiner and non-joiner, word joiner, soft hyphen.
func isJoinerRune(r rune) bool {
	return r == '\u200d' || r == '\u200c' || r == '\u2060' || r == '\u00ad'
}

func isDashRune(r rune) bool { return r == '–' || r == '—' || r == '―' }

// tokenize splits the paragraph view[start:end] into tokens; the top-level
// quotations qs (indexes into x's quote slice, sorted) become QuoteT tokens.
// The caller classifies them (rules.Ruleset.Classify). *low is view with
// ASCII upper case lowered, byte for byte (other bytes may differ: see
// lowerSameLength), at least on view[start:end]: cleanup's lowered view, or
// made here on first need ("" until then) and shared by the paragraphs of
// a document.
func (x *Extractor) tokenize(view string, start, end int, quotes []Quote, qidx []int, out []rules.Token, low *string) []rules.Token {
	return x.tokenizeN(view, start, end, quotes, qidx, out, low, math.MaxInt, nil)
}

// tokenizeN is tokenize that stops once out holds maxToks tokens or more:
// the tokens it gives are the first of those tokenize gives (a token ends
// where it would end in the whole paragraph). When gaps is not nil, it
// notes there the quotations it makes tokens of and the bytes between
// tokens that are not one plain space after a token (see tokenGaps).
func (x *Extractor) tokenizeN(view string, start, end int, quotes []Quote, qidx []int, out []rules.Token, low *string, maxToks int, gaps *tokenGaps) []rules.Token {
	qi := 0
	i := start
	// limit: where the next quotation opens, else end
	limit := end
	if len(qidx) > 0 {
		limit = quotes[qidx[0]].OpenStart
	}
	for i < end && len(out) < maxToks {
		if i >= limit && qi < len(qidx) {
			q := quotes[qidx[qi]]
			out = append(out, rules.Token{Text: view[q.OpenStart:q.CloseEnd], Start: int32(q.OpenStart), End: int32(q.CloseEnd), Kind: rules.QuoteT, Quote: int32(qidx[qi])})
			if gaps != nil {
				gaps.note(q.OpenStart, qidx[qi])
			}
			i = q.CloseEnd
			qi++
			limit = end
			if qi < len(qidx) {
				limit = quotes[qidx[qi]].OpenStart
			}
			continue
		}
		if c := view[i]; c > ' ' && c < utf8.RuneSelf && !x.noCommonRuns {
			var k int
			if out, k = x.commonRun(view, i, limit, out, low, maxToks); k > i {
				i = k
				continue
			}
		}
		// an ASCII letter or digit that is no quotation mark starts a word
		// with no look-up of its rune's properties
		var r rune
		n := 1
		word := false
		if c := view[i]; c < utf8.RuneSelf {
			if c == ' ' {
				if gaps != nil && (len(out) == 0 || out[len(out)-1].End != int32(i)) {
					gaps.note(i, -1) // a space after no token: a second one, or after a skipped byte
				}
				i++
				continue
			}
			r = rune(c)
			word = isAlnumASCII(c) && !x.asciiMark[c]
		} else {
			r, n = utf8.DecodeRuneInString(view[i:])
		}
		switch {
		case word:
		case unicode.IsSpace(r):
			if gaps != nil {
				gaps.note(i, -1)
			}
			i += n
			continue
		case x.mark(r) && !(r == '\'' || r == '’'):
			// a stray quotation mark outside any quotation: no token
			i += n
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word = true
		}
		if word {
			j := i + n
			// the case of the word's bytes, as asciiCase would find it
			nonASCII, upper := r >= utf8.RuneSelf, 'A' <= r && r <= 'Z'
			apostrophe := false // the word holds one (else it has no elision)
			for j < limit {
				if j+8 <= len(view) {
					// the ASCII letters and digits at j, up to eight at a time
					x := load64(view, j)
					k := min(alnumPrefix(x), limit-j)
					if k > 0 {
						upper = upper || inRange64(x, 'A', 'Z')&(high64>>(64-8*k)) != 0
						j += k
					}
					if k == 8 {
						continue
					}
					if j >= limit {
						break
					}
					// view[j] is no ASCII letter or digit: any other ASCII
					// byte than the apostrophe, hyphen, period and comma that
					// may join two parts of a word ends it (a space, most often)
					if b := view[j]; b < utf8.RuneSelf && b != '\'' && b != '-' && b != '.' && b != ',' {
						break
					}
				}
				var r2 rune
				n2 := 1
				if b := view[j]; b < utf8.RuneSelf {
					if isAlnumASCII(b) { // unicode.IsLetter or IsDigit, for ASCII
						upper = upper || b <= 'Z' && b >= 'A'
						j++
						continue
					}
					r2 = rune(b)
				} else {
					r2, n2 = utf8.DecodeRuneInString(view[j:])
					// a joiner left in the view stands between letters (normalizeLower)
					if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) || isJoinerRune(r2) {
						nonASCII = true
						j += n2
						continue
					}
				}
				if r2 == ',' && !(digitsAround(view, j, limit)) {
					break // a comma inside a word only between digits (2,400; 3,5)
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '‑' || r2 == ',' {
					nx, _ := utf8.DecodeRuneInString(view[j+n2:])
					if j+n2 < limit && (unicode.IsLetter(nx) || unicode.IsDigit(nx)) {
						// a possessive ending (’s) ends the word
						if m := x.possessiveAt(view, j, n2, limit); m > 0 {
							after, _ := utf8.DecodeRuneInString(view[j+n2+m:])
							if j+n2+m >= limit || !(unicode.IsLetter(after) || unicode.IsDigit(after)) {
								break
							}
						}
						// a period inside a word only after a single letter (U.S.,
						// D-N.Y.) or between digits (a decimal point, 98.6; a
						// separator of thousands, 1.000.000)
						if r2 == '.' && !singleLetterBefore(view, i, j) && !(isDigitByte(view[j-1]) && unicode.IsDigit(nx)) {
							break
						}
						nonASCII = nonASCII || r2 >= utf8.RuneSelf || nx >= utf8.RuneSelf
						apostrophe = apostrophe || r2 == '\'' || r2 == '’'
						upper = upper || 'A' <= nx && nx <= 'Z'
						j += n2 + utf8.RuneLen(nx)
						continue
					}
				}
				break
			}
			// a trailing period belongs to abbreviations and initials
			if j < limit && view[j] == '.' {
				w := view[i : j+1]
				if x.lists.abbr.Has(lowerWord(view, i, j+1, low)) || (utf8.RuneCountInString(view[i:j]) == 1 && unicode.IsUpper(r)) || strings.Contains(view[i:j], ".") || x.rules.IsPartyLabel(w) {
					j++
				}
			}
			w := view[i:j] // a trailing period added above is ASCII, not upper case
			lw := w
			switch {
			case nonASCII:
				lw = strings.ToLower(w)
			case upper:
				if *low == "" {
					*low = lowerASCII(view)
				}
				lw = (*low)[i:j]
			}
			k, kl := 0, 0
			if apostrophe {
				k, kl = x.elision(w, lw)
			}
			if k > 0 {
				// l’épidémiologiste → l’ épidémiologiste: the elided article is a word
				out = append(out, rules.Token{Text: w[:k], Lower: lw[:kl], Start: int32(i), End: int32(i + k), Kind: rules.Word, Cap: unicode.IsUpper(r), Quote: -1})
				r, _ = utf8.DecodeRuneInString(w[k:])
				w, lw, i = w[k:], lw[kl:], i+k
			}
			cp := 'A' <= r && r <= 'Z' // unicode.IsUpper, for ASCII
			if r >= utf8.RuneSelf {
				cp = unicode.IsUpper(r)
			}
			out = append(out, rules.Token{Text: w, Lower: lw, Start: int32(i), End: int32(j), Kind: rules.Word, Cap: cp, Quote: -1})
			i = j
			if i < limit && view[i] == ' ' {
				i++ // the space after the word, without a turn of the loop
			}
			continue
		}
		switch {
		case (r == '\'' || r == '’') && x.possessiveAt(view, i, n, limit) > 0:
			// a possessive ending (’s) as its own token
			j := i + n + x.possessiveAt(view, i, n, limit)
			if j >= limit || !(unicode.IsLetter(rune(view[j])) || unicode.IsDigit(rune(view[j]))) {
				w := view[i:j]
				out = append(out, rules.Token{Text: w, Lower: strings.ToLower(w), Start: int32(i), End: int32(j), Kind: rules.Word, Quote: -1})
				i = j
				continue
			}
		case isDashRune(r):
			out = append(out, rules.Token{Text: view[i : i+n], Lower: view[i : i+n], Start: int32(i), End: int32(i + n), Kind: rules.Dash, Quote: -1})
			i += n
			continue
		case r == '-' && i+1 < limit && view[i+1] == '-':
			out = append(out, rules.Token{Text: "--", Lower: "--", Start: int32(i), End: int32(i + 2), Kind: rules.Dash, Quote: -1})
			i += 2
			continue
		case r == '-' && (i == start || view[i-1] == ' ' && i+1 < limit && view[i+1] == ' '):
			// a spaced hyphen, or one opening the paragraph (- Sanders.)
			out = append(out, rules.Token{Text: "-", Lower: "-", Start: int32(i), End: int32(i + 1), Kind: rules.Dash, Quote: -1})
			i++
			continue
		}
		w := view[i : i+n]
		out = append(out, rules.Token{Text: w, Lower: w, Start: int32(i), End: int32(i + n), Kind: rules.Punct, Quote: -1})
		i += n
		if i < limit && view[i] == ' ' {
			i++ // (as after a word)
		}
	}
	return out
}

// commonRun appends to out the tokens of the run of common tokens at
// view[i] (i < limit), as tokenizeN would make them, and returns the
// position after the run. A common token is a word of ASCII letters and
// digits that starts with no quotation mark and ends at limit or at an
// ASCII byte other than the apostrophe and hyphen that may join two parts
// of a word (a space, most often), or at a period after two bytes or more
// that is no decimal point, or at a comma that no digits surround;
// or a mark of ASCII punctuation other than the apostrophe, the hyphen and
// the quotation marks. Each takes one space after it along. The run stops
// before any other token or byte, and when out holds maxToks tokens. The
// words are read eight bytes at a time; kept out of tokenizeN, whose loop
// over any token holds more values across its turns.
func (x *Extractor) commonRun(view string, i, limit int, out []rules.Token, low *string, maxToks int) ([]rules.Token, int) {
	for i < limit && len(out) < maxToks {
		c := view[i]
		if x.asciiMark[c&0x7f] && c < utf8.RuneSelf {
			break
		}
		if !isAlnumASCII(c) {
			if c <= ' ' || c >= utf8.RuneSelf || c == '\'' || c == '-' {
				break // (spaces, a possessive, dashes: tokenizeN's cases)
			}
			w := view[i : i+1]
			out = grow1(out)
			out[len(out)-1].Set(w, w, int32(i), int32(i+1), rules.Punct, false)
			i++
			if i < limit && view[i] == ' ' {
				i++
			}
			continue
		}
		j := i
		var up uint64
		for {
			if j+8 > len(view) {
				return out, i
			}
			v := load64(view, j)
			// the high bit of each byte that ends the word: no ASCII
			// letter or digit (alnum64), or at limit or after
			end := ^(alnum64(v) &^ v) & high64
			if rem := limit - j; rem < 8 {
				end |= high64 << (8 * rem)
			}
			// (the upper-case letters before the first such byte)
			up |= inRange64(v, 'A', 'Z') & (end&-end - 1)
			if end == 0 {
				j += 8
				continue
			}
			j += bits.TrailingZeros64(end) >> 3
			break
		}
		if j < limit {
			if b := view[j]; b >= utf8.RuneSelf || b == '\'' || b == '-' {
				break
			} else if b == '.' {
				// a period after a word of two bytes or more ends it (after
				// a single letter it may go on: U.S.; between digits, 98.6,
				// it is a decimal point: tokenizeN's cases); it belongs to an
				// abbreviation (a word with no hyphen is no party label)
				if j-i < 2 || digitsAround(view, j, limit) {
					break
				}
				if x.lists.abbr.Has(lowerWord(view, i, j+1, low)) {
					j++
				}
			} else if b == ',' && digitsAround(view, j, limit) {
				break // a comma between digits (2,400): tokenizeN's case
			}
		}
		w, lw := view[i:j], view[i:j]
		if up != 0 {
			if *low == "" {
				*low = lowerASCII(view)
			}
			lw = (*low)[i:j]
		}
		out = grow1(out)
		out[len(out)-1].Set(w, lw, int32(i), int32(j), rules.Word, 'A' <= c && c <= 'Z')
		i = j
		if i < limit && view[i] == ' ' {
			i++
		}
	}
	return out, i
}

// grow1 returns out with one more token at its end, to be set.
func grow1(out []rules.Token) []rules.Token {
	if n := len(out); n < cap(out) {
		return out[:n+1]
	}
	return append(out, rules.Token{})
}

// endsSentence reports whether a sentence ends after toks[i].
func (x *Extractor) endsSentence(toks []rules.Token, i int, quotes []Quote, view string) bool {
	if i+1 >= len(toks) {
		return false
	}
	t, next := &toks[i], &toks[i+1] // no copies: this runs for every token
	if t.Kind != rules.Punct && t.Kind != rules.QuoteT {
		return false
	}
	startsNew := (next.Kind == rules.Word && (next.Cap || isDigitStart(next.Text))) || next.Kind == rules.QuoteT
	switch t.Kind {
	case rules.Punct:
		if t.Text == "." || t.Text == "!" || t.Text == "?" {
			return startsNew || x.marksBeforeStart(toks, i+1)
		}
		return startsNew && x.marksAfterEnd(toks, i)
	case rules.QuoteT:
		q := quotes[t.Quote]
		content := strings.TrimRight(view[q.Start:q.End], " ")
		last, _ := utf8.DecodeLastRuneInString(content)
		if !(last == '.' || last == '!' || last == '?') || !startsNew {
			return false
		}
		// “Why?” Smith asked the crowd. — the attribution follows: no break.
		// After a period, only a short attribution stays (“Done.” Smith
		// said.); “Done.” Smith said the plan was late. is a new sentence.
		for k := i + 1; k < len(toks) && k <= i+7; k++ {
			if toks[k].Kind == rules.Punct && (toks[k].Text == "." || toks[k].Text == ",") || toks[k].Kind == rules.QuoteT {
				break
			}
			if x.rules.InList(x.lists.cue, &toks[k]) {
				return last == '.' && (x.rules.Language.PeriodEndsQuote || !shortTail(toks, k+max(1, x.rules.ListAt(x.lists.cuePhrases, toks, k))))
			}
		}
		// “Perpetual motion!” Rep. Glenn Thompson, R-Pa., said …: a speaker
		// with an appositive, then the cue.
		aux := x.rules.Lists[rules.ListAux]
		for _, sp := range x.rules.SpeakersAt(toks, i+1) {
			k := sp.Span.End
			for n := 0; n < 2 && k < len(toks) && x.rules.InList(aux, &toks[k]); n++ {
				k++
			}
			if sp.Span.End > i+2 && k < len(toks) && x.rules.InList(x.lists.cue, &toks[k]) {
				return last == '.' && (x.rules.Language.PeriodEndsQuote || !shortTail(toks, k+max(1, x.rules.ListAt(x.lists.cuePhrases, toks, k))))
			}
		}
		return true
	}
	return false
}

// marksAfterEnd reports whether toks[i] ends a run of quotation-mark
// characters that are no quotation here (two apostrophes as the typewriter
// quotation mark of some archives, a mark left unpaired) set right after a
// sentence's final period, exclamation or question mark: the sentence ends
// after them (a period, two apostrophes, then He said …), not at the next
// period.
func (x *Extractor) marksAfterEnd(toks []rules.Token, i int) bool {
	for k := i; k > 0; k-- {
		t := &toks[k]
		r, n := utf8.DecodeRuneInString(t.Text)
		if t.Kind != rules.Punct || n != len(t.Text) || !x.mark(r) || toks[k-1].End != t.Start {
			return false
		}
		if p := toks[k-1].Text; toks[k-1].Kind == rules.Punct && (p == "." || p == "!" || p == "?") {
			return true
		}
	}
	return false
}

// marksBeforeStart reports whether toks[i] begins a run of quotation-mark
// characters that are no quotation here (the typewriter marks of some
// archives, a mark left unpaired) set right before a capitalised word or a
// number: a sentence that ends before them begins a new one at them (a
// period, then two apostrophes and a capitalised word), as a quotation
// does.
func (x *Extractor) marksBeforeStart(toks []rules.Token, i int) bool {
	for k := i; k+1 < len(toks); k++ {
		t := &toks[k]
		r, n := utf8.DecodeRuneInString(t.Text)
		if t.Kind != rules.Punct || n != len(t.Text) || !x.mark(r) || t.End != toks[k+1].Start {
			return false
		}
		if next := &toks[k+1]; next.Kind == rules.Word {
			return next.Cap || isDigitStart(next.Text)
		}
	}
	return false
}

// singleLetterBefore reports whether view[i:j] ends in a single letter that
// starts the word or follows a hyphen or period (U.S, D-N.Y).
func singleLetterBefore(view string, i, j int) bool {
	_, n := utf8.DecodeLastRuneInString(view[i:j])
	k := j - n
	return k == i || view[k-1] == '-' || view[k-1] == '.'
}

// shortTail reports whether the sentence ends within three tokens of k
// (at a period, comma, quotation or the paragraph end).
func shortTail(toks []rules.Token, k int) bool {
	for j := k; j < len(toks) && j <= k+3; j++ {
		if toks[j].Kind == rules.QuoteT || toks[j].Kind == rules.Punct && strings.ContainsAny(toks[j].Text, ".,;:!?") {
			return true
		}
	}
	return k+3 >= len(toks)
}

// isDigitByte reports whether b is an ASCII digit.
func isDigitByte(b byte) bool { return '0' <= b && b <= '9' }

// digitsAround reports whether the byte view[j] (0 < j) stands between two
// ASCII digits before limit: a decimal point or comma, a separator of
// thousands (98.6, 2,400).
func digitsAround(view string, j, limit int) bool {
	return isDigitByte(view[j-1]) && j+1 < limit && isDigitByte(view[j+1])
}

func isDigitStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// possessiveAt returns the length of the letters of a possessive ending of
// the possessives list (’s: the s) that follow the apostrophe of n bytes at
// view[i], in either case, or 0 when none does or view[i] is no apostrophe.
func (x *Extractor) possessiveAt(view string, i, n, limit int) int {
	if c := view[i]; c != '\'' && !(c == 0xE2 && view[i:i+n] == "’") {
		return 0
	}
	k := i + n
	for _, suf := range x.lists.possessives {
		if e := k + len(suf); e <= limit && strings.EqualFold(view[k:e], suf) {
			return len(suf)
		}
	}
	return 0
}
