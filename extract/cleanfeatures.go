package extract

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/whosaid/whosaid/internal/needle"
	"github.com/whosaid/whosaid/internal/wordtab"
)

// normalizeLower returns text with CR, NBSP, zero-width characters and a
// BOM replaced by the same number of bytes of spaces (the view), and the
// view in lower case (see lowerSameLength), made in one pass: eight bytes at a time while they are
// ASCII and none is a control character, the view copied only once a byte
// is blanked (most texts need none).
func normalizeLower(text string) (view, low string) {
	if text == "" {
		return text, text
	}
	lb := make([]byte, len(text))
	var vb []byte // the view, copied from text at the first blanked byte (nil: text itself)
	blank := func(i, n int) {
		if vb == nil {
			vb = []byte(text)
		}
		for k := i; k < i+n; k++ {
			vb[k], lb[k] = ' ', ' '
		}
	}
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			x := load64(text, i)
			// the high bit of a byte is set in x-0x0e… where it is below
			// 0x0e (no borrow reaches it from a lower byte that is not), in
			// x where it is no ASCII
			if (x-ones64*0x0e|x)&high64 == 0 {
				binary.LittleEndian.PutUint64(lb[i:], x|inRange64(x, 'A', 'Z')>>2)
				i += 8
				continue
			}
			// the block's bytes before the first that is no ASCII or one of
			// \t \v \f \r (the masks are exact below the first byte that is
			// no ASCII, whose carries go only to the bytes after it), lowered
			// at once; the bytes from there on are written again below
			bad := x&high64 | inRange64(x, '\t', '\r')&^zeroBytes(x^ones64*'\n')
			if bad == 0 {
				binary.LittleEndian.PutUint64(lb[i:], x|inRange64(x, 'A', 'Z')>>2)
				i += 8
				continue
			}
			if k := bits.TrailingZeros64(bad) / 8; k > 0 {
				binary.LittleEndian.PutUint64(lb[i:], x|inRange64(x, 'A', 'Z')>>2)
				i += k
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r' || c == '\t' || c == '\v' || c == '\f':
				blank(i, 1)
			case 'A' <= c && c <= 'Z':
				lb[i] = c + 'a' - 'A'
			default:
				lb[i] = c
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\u200c', '\u200d', '\u2060', '\u00ad':
			if !isWordJoiner(text, i, n) {
				blank(i, n)
				i += n
				continue
			}
		case '\u00a0', '\u200b', '\ufeff', '\u202f', '\u2009', '\u2007', '\u2002', '\u2003':
			blank(i, n)
			i += n
			continue
		}
		if generalPunct(r) {
			// curly quotes, dashes: no case (TestGeneralPunct)
			copy(lb[i:], text[i:i+n])
		} else if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == n {
			utf8.EncodeRune(lb[i:], l)
		} else {
			copy(lb[i:], text[i:i+n])
		}
		i += n
	}
	view = text
	if vb != nil {
		view = unsafe.String(&vb[0], len(vb)) // vb is not written again
	}
	return view, unsafe.String(&lb[0], len(lb)) // nor lb
}

// zeroBytes returns the high bit of each zero byte of x (exact for any
// bytes: no carry crosses from one byte into the next).
func zeroBytes(x uint64) uint64 {
	return ^((x&^high64 + ones64*0x7f) | x) & high64
}

// isWordJoiner reports whether the invisible joiner text[i:i+n] (zero-width
// joiner or non-joiner, word joiner, soft hyphen) stands between two
// letters: it is then kept in the view, and the tokenizer keeps the word
// whole (Jo‍hn is one word, not Jo and hn).
func isWordJoiner(text string, i, n int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+n:])
	return unicode.IsLetter(prev) && unicode.IsLetter(next)
}

// Word-at-a-time tests on 8 bytes of text (x, little-endian).
const (
	ones64 = 0x0101010101010101
	high64 = 0x8080808080808080
)

// load64 returns the 8 bytes of s at i as a little-endian integer.
func load64(s string, i int) uint64 { return wordtab.Load64(s, i) }

// inRange64 returns, for x of ASCII bytes, the high bit of each byte b with
// lo <= b <= hi.
func inRange64(x uint64, lo, hi byte) uint64 {
	ge := x + ones64*uint64(0x80-lo)   // high bit set where b >= lo
	gt := x + ones64*uint64(0x80-hi-1) // where b > hi
	return (ge ^ gt) & high64
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
	repeated bool        // the same key appeared on an earlier line
	partial  bool        // stop is a lower bound; content and caps are not counted (see features)
	scanned  bool        // hits holds the line's needles
	hits     needle.Hits // (see cleanState.hits)
	run      int         // length of the run of short lines the line lies in (0: not short)
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

// features computes a line's features in one pass over its characters,
// and then looks its words up in the stopwords list: all of them when exact
// is set or a rule may read the line's share of capitalised words (which
// counts the words that are not stop words), else only until the share of
// stop words is above every threshold of a stop-word condition the rules
// may test on a line of its length (see lineNeeds; li.partial is then set
// and li.stop is a lower bound that passes and fails the same conditions).
func (st *cleanState) features(s string, lowOff int, exact bool) lineInfo {
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
	// the words' bounds in s, looked up after the pass
	wb := st.bufs.words[:0]
	endWord := func(end int) {
		li.words++
		li.tokens++
		wb = append(wb, int32(ws), int32(end))
	}
	for i := 0; i < len(s); {
		c := s[i]
		if f := asciiAlnum[c]; f != 0 {
			// a run of ASCII letters and digits starts or extends the word:
			// its counts are summed in the fields of one integer (a run is
			// cut before it could fill one)
			if ws < 0 {
				ws = i
			}
			sum := f
			h = (h ^ uint64(low[i])) * prime64
			j, stop := i+1, min(len(s), i+maxAlnumRun)
			for j < stop {
				f = asciiAlnum[s[j]]
				if f == 0 {
					break
				}
				sum += f
				h = (h ^ uint64(low[j])) * prime64
				j++
			}
			lower, upper := int(sum&alnumField), int(sum>>alnumUpper&alnumField)
			li.lowerCs += lower
			li.upper += upper
			li.letters += lower + upper
			li.digits += int(sum >> alnumDigit)
			li.chars += j - i
			i = j
			// a space after the word (most of prose's other bytes) ends it
			// here, as below, not by another turn of the loop
			if j < len(s) && s[j] == ' ' {
				endWord(j)
				ws = -1
				li.chars++
				i++
			}
			continue
		}
		li.chars++
		if c < utf8.RuneSelf {
			if c != '"' && c != '\'' {
				// (what other does with an ASCII character that is no
				// quotation mark or apostrophe: it ends the word)
				if ws >= 0 {
					endWord(i)
					ws = -1
				}
			} else {
				st.other(&li, s, i, rune(c), &ws, &sq, endWord)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if generalPunct(r) {
			// curly quotes and apostrophes, dashes: no letter nor digit
			st.other(&li, s, i, r, &ws, &sq, endWord)
			i += n
			continue
		}
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
	st.bufs.words = wb
	st.stopWords(&li, s, lowOff, wb, exact)
	if li.letters+li.digits > 0 {
		li.key = h
	}
	if s != "" {
		last, _ := utf8.DecodeLastRuneInString(s)
		li.terminal = strings.ContainsRune(".!?:;…。！？", last) || st.x.isMark[last] && last != '\''
	}
	return li
}

// stopWords counts, for features, the line's words (bounds wb in s) that
// are in the stopwords list, and the others that are capitalised.
func (st *cleanState) stopWords(li *lineInfo, s string, lowOff int, wb []int32, exact bool) {
	w := min(li.words, needBuckets-1)
	caps := exact || st.needs.caps[w]
	enough := len(wb) // stop words that settle every condition (see lineNeeds)
	if !caps && li.tokens > 0 {
		enough = shareAbove(st.needs.cut[w], li.tokens)
		// the short words first: most are stop words, so that fewer
		// look-ups reach enough of them (the count does not depend on the
		// order)
		for k := 0; k < len(wb); k += 2 {
			if ws, end := int(wb[k]), int(wb[k+1]); end-ws <= shortStopLen {
				if st.stop.HasAt(st.lowView, lowOff+ws, lowOff+end) {
					li.stop++
					if li.stop >= enough {
						li.partial = true
						return
					}
				}
			}
		}
		for k := 0; k < len(wb); k += 2 {
			if ws, end := int(wb[k]), int(wb[k+1]); end-ws > shortStopLen && end-ws <= maxStopLen {
				if st.stop.HasAt(st.lowView, lowOff+ws, lowOff+end) {
					li.stop++
					if li.stop >= enough {
						li.partial = true
						return
					}
				}
			}
		}
		return
	}
	for k := 0; k < len(wb); k += 2 {
		ws, end := int(wb[k]), int(wb[k+1])
		// the word in lower case is read from the whole view, eight bytes at
		// a time
		if end-ws <= maxStopLen && st.stop.HasAt(st.lowView, lowOff+ws, lowOff+end) {
			li.stop++
			if li.stop >= enough {
				li.partial = k+2 < len(wb)
				return
			}
			continue
		}
		if !caps {
			continue
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
}

// shareAbove returns the least n whose share of tokens (lineInfo.share) is
// above cut.
func shareAbove(cut float64, tokens int) int {
	if !(cut < 1) {
		return tokens + 1 // no share is
	}
	n := max(0, int(cut*float64(tokens)))
	for n > 0 && float64(n-1)/float64(tokens) > cut {
		n--
	}
	for float64(n)/float64(tokens) <= cut {
		n++
	}
	return n
}

// generalPunct reports whether r is in Unicode's General Punctuation block
// (U+2000–U+206F), which holds no letters and no digits
// (TestGeneralPunct).
func generalPunct(r rune) bool { return r >= 0x2000 && r <= 0x206f }

// asciiAlnum gives, per byte, what an ASCII letter or digit adds to the
// counts of features (0 for the other bytes): one in the field of small
// letters (bits 0–20), capitals (from alnumUpper) or digits (from
// alnumDigit). It is never written; a literal, not a loop of the package's
// set-up (TestStaticTables).
var asciiAlnum = [256]uint64{
	'a': 1, 'b': 1, 'c': 1, 'd': 1, 'e': 1, 'f': 1, 'g': 1, 'h': 1, 'i': 1, 'j': 1, 'k': 1,
	'l': 1, 'm': 1, 'n': 1, 'o': 1, 'p': 1, 'q': 1, 'r': 1, 's': 1, 't': 1, 'u': 1, 'v': 1,
	'w': 1, 'x': 1, 'y': 1, 'z': 1, 'A': 1 << alnumUpper, 'B': 1 << alnumUpper,
	'C': 1 << alnumUpper, 'D': 1 << alnumUpper, 'E': 1 << alnumUpper, 'F': 1 << alnumUpper,
	'G': 1 << alnumUpper, 'H': 1 << alnumUpper, 'I': 1 << alnumUpper, 'J': 1 << alnumUpper,
	'K': 1 << alnumUpper, 'L': 1 << alnumUpper, 'M': 1 << alnumUpper, 'N': 1 << alnumUpper,
	'O': 1 << alnumUpper, 'P': 1 << alnumUpper, 'Q': 1 << alnumUpper, 'R': 1 << alnumUpper,
	'S': 1 << alnumUpper, 'T': 1 << alnumUpper, 'U': 1 << alnumUpper, 'V': 1 << alnumUpper,
	'W': 1 << alnumUpper, 'X': 1 << alnumUpper, 'Y': 1 << alnumUpper, 'Z': 1 << alnumUpper,
	'0': 1 << alnumDigit, '1': 1 << alnumDigit, '2': 1 << alnumDigit, '3': 1 << alnumDigit,
	'4': 1 << alnumDigit, '5': 1 << alnumDigit, '6': 1 << alnumDigit, '7': 1 << alnumDigit,
	'8': 1 << alnumDigit, '9': 1 << alnumDigit,
}

// The fields of a sum of asciiAlnum values, and the longest run summed in
// one (each field holds up to 2^21 - 1).
const (
	alnumUpper  = 21
	alnumDigit  = 42
	alnumField  = 1<<21 - 1
	maxAlnumRun = 1 << 20
)

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

// shortStopLen: the words of this many bytes or fewer, most of them stop
// words in prose, are looked up first (see stopWords).
const shortStopLen = 3

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
	// written in place into one array of the text's length: no buffer
	// copied out and no test of its room per block
	b := make([]byte, len(s))
	copy(b, s[:i])
	for i < len(s) {
		if i+8 <= len(s) {
			if x := load64(s, i); x&high64 == 0 {
				// 8 ASCII bytes: set the 0x20 bit of the capitals
				binary.LittleEndian.PutUint64(b[i:], x|inRange64(x, 'A', 'Z')>>2)
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == w {
			utf8.EncodeRune(b[i:], l)
		} else {
			copy(b[i:], s[i:i+w])
		}
		i += w
	}
	return unsafe.String(&b[0], len(b)) // b is not written again
}
