package extract

import (
	"fmt"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/whosaid/whosaid/internal/wordtab"
	"github.com/whosaid/whosaid/rules"
)

// LangUnknown is the language of a document that no language pack's stop
// words recognise: its quotation marks are paired, but no speaker is
// guessed for it.
const LangUnknown = "und"

// Detection bounds: the detector reads at most detectBytes of a document,
// and stops early once a language has detectSure stop words and twice as
// many as any other. A document of fewer than detectMinWords words is in
// the base language; one whose best language has stop words for less than
// 1/detectMinShare of its words is in none.
const (
	detectBytes    = 4 << 10
	detectWide     = 16 << 10 // read when the first detectBytes tell no language (a page's menus)
	detectSure     = 30
	detectMinWords = 12
	detectMinShare = 12
)

// detector tells a document's language from the stop words of the packs.
type detector struct {
	codes []string // language codes; index 0 is the base language
	// short maps the lower-case stop words of up to 16 bytes, packed (see
	// wordtab.Pack), to their bit sets of codes: a look-up neither hashes
	// the word nor compares it
	short  wordtab.Table
	words  map[string]uint16 // the same for the words that do not pack (nil when none)
	maxLen int               // the longest stop word, in bytes
}

// newDetector builds the detector of a ruleset and its packs; nil when the
// base ruleset names no stop words (then every document is in its language)
// or there are more than 16 languages.
func newDetector(rs *rules.Ruleset) *detector {
	// the table of the default rules is read from their static data
	t, ok := rs.StopWordTable()
	if !ok {
		return nil
	}
	return &detector{codes: rs.Langs(), short: t.Short, words: t.Long, maxLen: t.MaxLen}
}

// lookup returns the bit set of codes of the lower-case word w.
func (d *detector) lookup(w []byte) uint16 {
	if len(w) == 0 {
		return 0
	}
	if a, b, ok := wordtab.Pack(unsafe.String(&w[0], len(w))); ok { // (not kept: w is reused)
		bits, _ := d.short.Get(a, b)
		return uint16(bits)
	}
	return d.words[string(w)]
}

// detect returns the index in d.codes of the language of text, or -1 for
// none. A language other than the base one (index 0) must have a quarter
// more stop words than it. When the first detectBytes of a longer text are
// in no language (a scraped page opening with kilobytes of menus), the
// first detectWide bytes decide.
func (d *detector) detect(text string) int {
	k := d.detectIn(text, detectBytes)
	if k < 0 && len(text) > detectBytes {
		k = d.detectIn(text, detectWide)
	}
	return k
}

// detectIn is detect on the first n bytes of text.
func (d *detector) detectIn(text string, n int) int {
	if len(text) > n {
		text = text[:n]
	}
	var hits [16]int
	var buf [48]byte
	words := 0
	for i := 0; i < len(text); {
		// skip to the next letter
		c := text[i]
		if c < utf8.RuneSelf {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) {
			i += n
			continue
		}
		// a word of one to seven ASCII letters ended by an ASCII byte (most
		// words): lowered and packed from one load of eight bytes, as
		// wordtab.Pack packs it, without the copy into buf
		if c < utf8.RuneSelf && i+8 <= len(text) {
			x := load64(text, i)
			if k := asciiLetterPrefix(x); k < 8 && text[i+k] < utf8.RuneSelf {
				i += k
				words++
				if k > d.maxLen {
					continue
				}
				bits, _ := d.short.Get((x|ones64*0x20)&(1<<(8*k)-1), 0)
				if d.tally(&hits, uint16(bits), words) {
					break
				}
				continue
			}
		}
		// the word, lowered into buf
		w := buf[:0]
		long := false
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				} else if !('a' <= c && c <= 'z') {
					break
				}
				if len(w) < len(buf) {
					w = append(w, c)
				} else {
					long = true
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			i += n
			if len(w)+utf8.UTFMax > len(buf) {
				long = true
				continue
			}
			w = utf8.AppendRune(w, unicode.ToLower(r))
		}
		words++
		if long || len(w) > d.maxLen {
			continue
		}
		if d.tally(&hits, d.lookup(w), words) {
			break
		}
	}
	if words < detectMinWords {
		return 0
	}
	best := 0
	for k := range d.codes {
		if hits[k] > hits[best] {
			best = k
		}
	}
	if best != 0 && hits[best]*4 < hits[0]*5 {
		best = 0 // another language must outnumber the base one by a quarter
	}
	if hits[best]*detectMinShare < words {
		return -1
	}
	return best
}

// asciiLetterPrefix returns how many of the 8 bytes x (little-endian) are,
// from the first, ASCII letters (as alnumPrefix, without the digits).
func asciiLetterPrefix(x uint64) int {
	y := x | ones64*0x20 // a capital as its small letter
	letter := (y + ones64*(0x80-'a')) ^ (y + ones64*(0x80-'z'-1))
	return bits.TrailingZeros64(^(letter&^x)&high64) >> 3
}

// sure reports whether one language is far enough ahead to stop reading:
// detectSure stop words, twice any other's, and a share of the words read
// that would make the text its language (a page's menus give stop words
// too, but few).
// tally counts a word whose languages are the bits of set, the words-th of the
// text, for each of its languages, and says whether the detection is sure
// by now (checked every 16 words).
func (d *detector) tally(hits *[16]int, set uint16, words int) bool {
	if set == 0 {
		return false
	}
	// the bits of the codes, one turn each (a word is a stop word of one
	// language or two, of some sixteen codes)
	for b := uint32(set) & (1<<len(d.codes) - 1); b != 0; b &= b - 1 {
		hits[bits.TrailingZeros32(b)&15]++
	}
	return words%16 == 0 && d.sure(hits, words)
}

func (d *detector) sure(hits *[16]int, words int) bool {
	best, second := 0, 0
	for k := range d.codes {
		switch h := hits[k]; {
		case h > best:
			best, second = h, best
		case h > second:
			second = h
		}
	}
	return best >= detectSure && best >= 2*second && best*detectMinShare >= words
}

// langOf returns the language code of a document and the extractor for it:
// the forced language of the options, else the detected one. For a
// document in no pack's language it returns LangUnknown and the base
// extractor, which then pairs quotation marks without attributing them.
func (x *Extractor) langOf(text string) (string, *Extractor) {
	if x.opts.Lang != "" {
		if y := x.pack(x.opts.Lang); y != nil {
			return x.opts.Lang, y
		}
		return x.rules.Lang(), x
	}
	if x.detect == nil {
		return x.rules.Lang(), x
	}
	k := x.detect.detect(text)
	switch {
	case k < 0:
		return LangUnknown, x
	case k == 0:
		return x.rules.Lang(), x
	}
	code := x.detect.codes[k]
	if y := x.pack(code); y != nil {
		return code, y
	}
	return LangUnknown, x
}

// newPacks sets up the extractors of the ruleset's language packs (built
// on first use) and the detector that chooses among them.
func (x *Extractor) newPacks(rs *rules.Ruleset, opts Options) {
	langs := rs.Langs()
	if len(langs) < 2 && rs.Language.Code == "" {
		return
	}
	x.packs = map[string]*packExtractor{}
	sub := opts
	sub.Lang = ""
	for _, code := range langs[1:] {
		x.packs[code] = &packExtractor{rs: rs, code: code, opts: sub}
	}
	x.detect = newDetector(rs)
}

// packExtractor builds the extractor of a language pack on first use.
type packExtractor struct {
	rs   *rules.Ruleset // the base ruleset
	code string
	opts Options
	once sync.Once
	x    *Extractor // nil when the pack does not load
}

func (p *packExtractor) get() *Extractor {
	p.once.Do(func() {
		if prs := p.rs.ForLang(p.code); prs != nil {
			p.x = New(prs, p.opts)
		}
	})
	return p.x
}

// pack returns the extractor of language code, or nil.
func (x *Extractor) pack(code string) *Extractor {
	if p := x.packs[code]; p != nil {
		return p.get()
	}
	return nil
}

// CheckLang reports whether code names the language of the ruleset or of
// one of its packs, listing those that do when it does not.
func CheckLang(rs *rules.Ruleset, code string) error {
	if code == "" || rs.ForLang(code) != nil {
		return nil
	}
	langs := rs.Langs()
	sort.Strings(langs)
	return fmt.Errorf("no language pack %q (the rules have: %s)", code, strings.Join(langs, ", "))
}

// titleLike reports whether a quotation's content reads as the title of a
// work or the name of a thing: title case (see titleCaseText) or, in a
// language that capitalises its nouns, one capitalised word.
func (x *Extractor) titleLike(content string) bool {
	if x.titleCaseText(content) {
		return true
	}
	if !x.rules.Language.CapitalisedNouns || wordCount(content, 1) != 1 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(content))
	return unicode.IsUpper(r)
}

// nounTitle reports whether, in a language that capitalises its nouns, a
// title-like quotation is a name whatever its attribution: several words
// in title case (a German sentence has words in lower case), or one
// capitalised word that only a rule of low confidence attributes.
func (x *Extractor) nounTitle(content string, confidence float64) bool {
	if !x.rules.Language.CapitalisedNouns {
		return false
	}
	return x.titleCaseText(content) || confidence < x.rules.Language.NounQuoteConfidence
}

// elision returns the lengths in bytes, in the word w and in its lower
// case lw, of the elided word that opens it (l’ of l’épidémiologiste, with
// its apostrophe) when the language's elisions name it and letters follow;
// else 0, 0. (w and lw may differ in length: lower case can change a
// rune's width.)
func (x *Extractor) elision(w, lw string) (int, int) {
	el := x.rules.Language.Elisions
	if len(el) == 0 {
		return 0, 0
	}
	k, kl := strings.IndexAny(w, "'’"), strings.IndexAny(lw, "'’")
	if k <= 0 || kl <= 0 || kl > 8 {
		return 0, 0
	}
	_, n := utf8.DecodeRuneInString(w[k:])
	_, nl := utf8.DecodeRuneInString(lw[kl:])
	if k+n >= len(w) || kl+nl >= len(lw) {
		return 0, 0
	}
	if _, ok := el[lw[:kl]]; !ok {
		return 0, 0
	}
	return k + n, kl + nl
}

// reportedSentences bounds how far back a quotation in reported speech
// looks for the speaker it continues.
const reportedSentences = 3

// reportedTurn attributes quotation qi, whose sentence a rule of scope
// reported matched, to the speaker of the previous attributed quotation
// when that one lies within the last reportedSentences sentences.
func (x *Extractor) reportedTurn(a *analysis, r *rules.AttrRule, qi int, loc qloc) (rules.Match, int, bool, string) {
	p := qi - 1
	for p >= 0 && (a.qloc[p].sent < 0 || !a.attrs[p].ok) {
		if a.qloc[p].sent >= 0 && a.qloc[p].sent < loc.sent-reportedSentences {
			break
		}
		p--
	}
	if p < 0 || !a.attrs[p].ok || a.qloc[p].sent < 0 {
		return rules.Match{}, 0, false, "no attributed quote before"
	}
	if a.qloc[p].sent < loc.sent-reportedSentences {
		return rules.Match{}, 0, false, "the previous attributed quote is more than three sentences back"
	}
	m := *a.attrs[p].m
	m.Rule = r
	return m, a.attrs[p].sent, true, "reported speech that continues the previous quote's speaker"
}

// monthParts returns the named parts of a date with the month, when the
// language's months name it, as its number (23. März 2024 → month 3); the
// parts unchanged otherwise.
func (x *Extractor) monthParts(parts map[string]string) map[string]string {
	if mo := x.rules.Language.MonthNumber(parts["month"]); mo > 0 {
		parts["month"] = strconv.Itoa(mo)
	}
	return parts
}
