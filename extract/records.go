package extract

import (
	"cmp"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/rules"
)

// cpIndex converts byte offsets of a text to code-point offsets, with a
// checkpoint every cpBlock bytes so that a conversion costs at most that
// much counting. Checkpoints sit on rune starts.
type cpIndex struct {
	text  string
	pos   []int // byte offset of checkpoint k (the first rune start >= k*cpBlock)
	marks []int // code points before pos[k]
	ascii bool
	// valid: text is valid UTF-8 (it passed CheckText), so that the code
	// points before a rune start are its bytes that continue no rune:
	// conts holds, per block of cpBlock bytes, those before it and a
	// bitmap of those in it, and a conversion is a count of bits (pos and
	// marks are not made)
	valid bool
	conts []contBlock
	// the last conversion, from which a later offset in the same block is
	// counted on
	lastOff, lastCP int
}

// cpBlock is the distance of cpIndex's checkpoints: 128 bytes (16 bytes of
// index per 128 of a text that is not all ASCII) take two thirds of the
// counting off the rows' offsets, against 1 KiB (a row's offsets are
// about 500 bytes of counting apart, and the index counts the whole text
// once whatever the distance).
const cpBlock = 128

// newCPIndex returns the code-point index of text, any string.
func newCPIndex(text string) *cpIndex {
	return &cpIndex{text: text, ascii: isASCII(text)}
}

// newCheckedCPIndex returns the code-point index of a document's text, which
// passed CheckText (valid UTF-8): its conversions are validAt's.
func newCheckedCPIndex(text string) *cpIndex {
	return &cpIndex{text: text, ascii: isASCII(text), valid: true}
}

// contBlock is the continuation bytes (10xxxxxx) of a valid text's block of
// cpBlock bytes: how many stand before the block, and bit i of bits for
// its byte i.
type contBlock struct {
	before int
	bits   [cpBlock / 64]uint64
}

// contsUpTo makes conts up to block k (at most len(text)/cpBlock: the block
// at the text's end may be empty), each word's continuation bytes told by
// masks and gathered into the bitmap by one multiplication.
func (c *cpIndex) contsUpTo(k int) {
	text := c.text
	if c.conts == nil {
		c.conts = make([]contBlock, 0, len(text)/cpBlock+1)
	}
	before := 0
	if n := len(c.conts); n > 0 {
		last := &c.conts[n-1]
		before = last.before + bits.OnesCount64(last.bits[0]) + bits.OnesCount64(last.bits[1])
	}
	for b := len(c.conts); b <= k; b++ {
		var cb contBlock
		start := b * cpBlock
		end := min(start+cpBlock, len(text))
		i := start
		for ; i+8 <= end; i += 8 {
			x := load64(text, i)
			m := (x &^ (x << 1) & high64) >> 7 // (1 in each byte with bit 7 set, bit 6 clear)
			cb.bits[(i-start)>>6] |= (m * 0x0102040810204080 >> 56) << ((i - start) & 63)
		}
		for ; i < end; i++ {
			if text[i]&0xC0 == 0x80 {
				cb.bits[(i-start)>>6] |= 1 << ((i - start) & 63)
			}
		}
		cb.before = before
		c.conts = append(c.conts, cb)
		before += bits.OnesCount64(cb.bits[0]) + bits.OnesCount64(cb.bits[1])
	}
}

// validAt is at for a valid text: off less the continuation bytes before
// the rune start at or before off (a rune cut at off counts its bytes, as
// RuneCountInString counts them).
func (c *cpIndex) validAt(off int) int {
	j := off
	for j > 0 && j < len(c.text) && !utf8.RuneStart(c.text[j]) {
		j--
	}
	k := j / cpBlock
	if k >= len(c.conts) {
		c.contsUpTo(k)
	}
	b := &c.conts[k]
	r := uint(j % cpBlock)
	lo := b.bits[0] & (1<<r - 1)                       // (all of them from r = 64 on)
	hi := b.bits[1] & (1<<uint(max(int(r)-64, 0)) - 1) // (none below 64)
	return off - b.before - bits.OnesCount64(lo) - bits.OnesCount64(hi)
}

// upTo makes the checkpoints up to block k (those of the text after the
// last offset asked for, or of a document without rows, are not counted).
func (c *cpIndex) upTo(k int) {
	if len(c.pos) > k {
		return
	}
	text := c.text
	if c.pos == nil {
		nb := (len(text) + cpBlock - 1) / cpBlock
		c.pos, c.marks = make([]int, 0, nb), make([]int, 0, nb)
	}
	n, prev := 0, 0
	if len(c.pos) > 0 {
		n, prev = c.marks[len(c.marks)-1], c.pos[len(c.pos)-1]
	}
	for b := len(c.pos) * cpBlock; b < len(text) && len(c.pos) <= k; b += cpBlock {
		p := b
		for p < len(text) && !utf8.RuneStart(text[p]) {
			p++
		}
		n += runeCount(text[prev:p])
		c.pos = append(c.pos, p)
		c.marks = append(c.marks, n)
		prev = p
	}
}

func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load64(s, i)&high64 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// at returns the number of code points in text[:off].
func (c *cpIndex) at(off int) int {
	if c.ascii {
		return off
	}
	if c.valid {
		return c.validAt(off)
	}
	k := off / cpBlock
	if len(c.pos) <= k {
		c.upTo(k) // (a call only when the checkpoints stop short of off)
	}
	if len(c.pos) == 0 {
		return off
	}
	k = min(k, len(c.pos)-1)
	for k > 0 && c.pos[k] > off {
		k--
	}
	from, n := c.pos[k], c.marks[k]
	if c.lastOff > from && c.lastOff <= off && (c.lastOff == len(c.text) || utf8.RuneStart(c.text[c.lastOff])) {
		from, n = c.lastOff, c.lastCP
	}
	n += runeCount(c.text[from:off])
	c.lastOff, c.lastCP = off, n
	return n
}

func intp(v int) *int { return &v }

// collapse normalises the whitespace of s to single spaces.
func collapse(s string) string {
	if isCollapsed(s) {
		return s // what Join(Fields(s)) would copy
	}
	return collapseFields(s)
}

// Output bounds: the rows of a document take at most outputPerByte bytes
// of JSON per byte of its text, plus outputSlack; the rows past the budget
// are dropped with one warning. News text comes nowhere near it (a few
// bytes per byte); only pathological text does, and it must not turn a
// small input into gigabytes of output.
const (
	outputPerByte = 40
	outputSlack   = 64 << 10
	rowOverhead   = 320 // the keys and numbers of a JSON row
)

// rowCost is about the JSON size of r: its strings escaped, and the rest.
func rowCost(r *Record) int {
	n := rowOverhead + jsonLen(r.Doc) + jsonLen(r.Quote) + jsonLen(r.Speaker) + jsonLen(r.Mention) +
		jsonLen(r.Title) + jsonLen(r.Cue) + jsonLen(r.Rule) + jsonLen(r.Sentence)
	for _, e := range r.Explain {
		n += jsonLen(e) + 3
	}
	return n
}

// rowBound is at least rowCost(r), from the strings' lengths alone (an
// escape takes at most six bytes for one).
func rowBound(r *Record) int {
	n := rowOverhead + 6*(len(r.Doc)+len(r.Quote)+len(r.Speaker)+len(r.Mention)+len(r.Title)+len(r.Cue)+len(r.Rule)+len(r.Sentence)) + 8*2
	for _, e := range r.Explain {
		n += 6*len(e) + 2 + 3
	}
	return n
}

// jsonLen bounds the length of s as a JSON string (escapes at most six
// bytes each).
func jsonLen(s string) int {
	n := len(s) + 2
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if asciiSafeJSON8(load64(s, i)) {
			continue // no escapes counted in these eight bytes (only ASCII ones are)
		}
		// each of the eight once (not the eight-byte test again at each)
		for _, b := range []byte(s[i : i+8]) {
			if b < utf8.RuneSelf && !jsonSafe[b] {
				n += 5
			}
		}
	}
	for ; i < len(s); i++ {
		if b := s[i]; b < utf8.RuneSelf && !jsonSafe[b] {
			n += 5
		}
	}
	return n
}

// minRowsSized is the number of possible rows above which records
// allocates them all at once rather than growing: a news article has far
// fewer (and many of its quotes make none).
const minRowsSized = 4096

// records decides the output rows of a document; past the output budget
// it drops the rest and returns a warning. The rows of a document of more
// than minRowsSized possible rows are planned (see rowSet), to be built
// after its analysis is released. Rows built at once leave room for room
// more, the statements' rows that withReported merges in.
func (x *Extractor) records(a *analysis, id, text string, room int) (*rowSet, *Warning) {
	budget := outputPerByte*len(text) + outputSlack
	// the rows grow by doubling up to their bound: append grows a large
	// slice by a quarter at a time, which cost five times the final size
	// in allocations on a document with many rows
	maxRows := min(len(a.quotes), budget/rowOverhead+1)
	if !x.opts.All {
		// only top-level quotes make rows: sized for them, the rows of a
		// long document of short quotes need no growing at all
		top := 0
		for _, l := range a.qloc {
			if l.sent >= 0 {
				top++
			}
		}
		maxRows = min(maxRows, top)
	}
	rs := &rowSet{id: id, text: text, view: a.view, maxRows: maxRows}
	var cp *cpIndex
	if maxRows > x.planRows {
		rs.plan = true
	} else {
		cp = newCheckedCPIndex(text)
		rs.cp = cp
	}
	var out []Record
	if room > 0 && !rs.plan {
		// the rows of statements merge into out: one array for both
		// (maxRows is no more than planRows), not a grown one and a copy
		out = make([]Record, 0, maxRows+room)
	}
	n := 0
	dropped, firstDropped := 0, 0
	// sure is what is left of the budget by the rows' bounds (rowBound),
	// while each fits: budget is then not updated (-1: rowCost from then
	// on; from the start for planned rows, which out does not keep)
	sure := -1
	if !rs.plan {
		sure = budget
	}
	for qi, q := range a.quotes {
		loc := a.qloc[qi]
		if loc.sent < 0 && !x.opts.All {
			continue // nested quotes are not the outer speaker's words
		}
		at := a.attrs[qi]
		qs, qe := q.Start, q.End
		// a trailing comma inside the marks belongs to the sentence, not the quote
		for qe > qs && (a.view[qe-1] == ',' || a.view[qe-1] == ' ') {
			qe--
		}
		content := collapse(a.view[qs:qe])
		if content == "" {
			continue
		}
		q.Start, q.End = qs, qe
		p := rowPlan{qs: int32(qs), qe: int32(qe), sent: noSpan, ment: noSpan, cue: noSpan}
		r := Record{Doc: id, Quote: content, byteStart: q.Start,
			Kind: "direct", Status: "unresolved", Line: lineOf(a.c, q.Start)}
		if loc.sent < 0 {
			r.Kind = "nested"
		} else {
			p.sent, p.cut = sentenceSpan(a.toks(loc.sent), loc.tok)
			r.Sentence = sentenceString(a.view, p.sent, p.cut)
		}
		if at.ok {
			toks := a.toks(at.sent)
			r.Kind = at.m.Rule.Kind
			if r.Kind == "direct" && loc.sent >= 0 && a.sents[at.sent].para != a.sents[loc.sent].para && at.m.Rule.Scope != rules.ScopeNext {
				r.Kind = "continued" // the speaker was named in an earlier paragraph
			}
			r.Rule = at.m.Rule.ID
			r.Speaker, r.Status, r.Title = at.speaker, at.status, at.title
			r.Confidence = x.ruleConfidence(a, at, loc, content)
			if at.guess != nil && r.Status != "unresolved" {
				r.Status = rules.StatusGuessed // a fallback: the speaker is a guess
				r.Confidence = min(r.Confidence, at.guess.Confidence)
			}
			if at.m.HasSpkr {
				s := at.m.Speaker.Mention
				if c, ok := at.m.Captures.Get("mention"); ok && c.Len() > 0 {
					s = c // the mention as written: Trump, who has called …
				}
				p.ment = byteSpan{toks[s.Start].Start, toks[s.End-1].End}
				r.Mention = collapse(a.view[p.ment.start:p.ment.end])
			}
			if c, ok := at.m.Captures.Get("cue"); ok && c.Len() > 0 {
				p.cue = byteSpan{toks[c.Start].Start, toks[c.End-1].End}
				r.Cue = collapse(a.view[p.cue.start:p.cue.end])
			}
		} else if kind := x.nonSpeech(a, qi, content); kind != "" || x.readerVoice(a, qi) {
			if !x.opts.All {
				continue
			}
			r.Kind = cmp.Or(kind, "hypothetical") // you will wonder, “What if …?”
		}
		if !x.opts.All && x.mentionSubject(a, qi, content) {
			continue // “Non-paper” is a term: the words are mentioned, not spoken
		}
		if at.ok && !x.opts.All && (x.exclaimModifier(a, qi, content) || x.possessiveTerm(content) || x.endsInTitleNoun(content) || x.namedTerm(a, qi, content) || x.pronounMention(a, qi, content)) {
			continue // that “a-ha!” moment, the “whistleblower’s” identity, the “Master Builder Series”, a technique called “…”: no speech
		}
		if at.ok && !x.opts.All && x.titleLike(content) && (at.m.Rule.Status == rules.StatusGuessed || at.m.Rule.Confidence < x.rules.Speech.GuessConfidence || x.afterTitleMarker(a, qi) || x.nounTitle(content, at.m.Rule.Confidence)) {
			continue // a title-case term with only a guessed speaker: a title, not speech
		}
		if at.ok && !x.opts.All && capitalWord(content) && x.afterTitleMarker(a, qi) {
			continue // NBC’s “Today”, the “Avatar” star: a one-word title
		}
		if at.ok && !x.opts.All && r.Kind != "headline" && x.termLike(a, at, qi, content, q.Start) {
			continue // a term, a scare quote or a title, whatever rule took it
		}
		if at.ok && !x.opts.All && r.Kind == "continued" && wordCount(content, x.rules.Speech.ScareMaxWords) <= x.rules.Speech.ScareMaxWords && !x.isSentence(strings.Fields(content)) {
			continue // a term opening a paragraph does not continue anybody's turn
		}
		if at.ok && !x.opts.All && a.innerTop(q, r.Kind) && r.Kind != "headline" {
			continue // inner marks at top level: headline paraphrase, not verbatim speech
		}
		if r.Confidence < x.opts.MinConfidence {
			continue // below the caller's threshold
		}
		if a.explains != nil {
			r.Explain = a.explains[qi]
		}
		fits := false // by the bound, without the cost
		if sure >= 0 {
			// the row's bound fits what is sure to be left: so does its
			// cost, and the rows kept so far are costed only if one does not
			if b := rowBound(&r); b <= sure {
				sure -= b
				fits = true
			} else {
				for k := range out {
					budget -= rowCost(&out[k])
				}
				sure = -1
			}
		}
		if !fits {
			cost := rowCost(&r)
			if cost > budget {
				if dropped == 0 {
					firstDropped = r.Line
				}
				dropped++
				continue
			}
			budget -= cost
		}
		if at.ok && at.ent != nil {
			at.ent.rows++ // the speakers table counts the rows output
		}
		if rs.plan {
			var rule *rules.AttrRule
			if at.ok {
				rule = at.m.Rule
			}
			rs.add(p, &r, rule)
			continue
		}
		n++
		r.ID = "q" + strconv.Itoa(n)
		p.offsets(&r, cp)
		out = append(out, r)
	}
	rs.rows = out
	if dropped > 0 {
		return rs, &Warning{Line: firstDropped, Msg: fmt.Sprintf("output bounded: %d quotations from this line on dropped (more than %d bytes of output per byte of text)", dropped, outputPerByte)}
	}
	return rs, nil
}

// nonSpeech classifies an unattributed quote that is not speech: "scare"
// (a short term, or one after a marker of the scare_markers list such as
// so-called), "title" (title case: a work, a show, a slogan), or "" for a
// quote that reads as speech. Quotes in inner marks (‘…’ where “…” is the
// outer quotation) are never speech by themselves.
func (x *Extractor) nonSpeech(a *analysis, qi int, content string) string {
	q := a.quotes[qi]
	words := strings.Fields(content)
	if x.afterScareMarker(a, qi) {
		return "scare"
	}
	if x.isTitleCase(words) {
		return "title"
	}
	if a.innerTop(q, "") || len(words) <= x.rules.Speech.ScareMaxWords && !x.isSentence(words) {
		return "scare"
	}
	return ""
}

// listTitleNouns names the list of words right after a title-case
// quotation that make it the name of a work or a show (“Off Message”
// podcast, “Broad City” star).
const listTitleNouns = "title_nouns"

// afterTitleMarker reports whether the quote follows a word of the
// title_markers list (a possessive): CNN’s “State of the Union” is the title
// of a show, whoever speaks in the sentence; or whether a word of the
// title_nouns list follows it: the “Off Message” podcast.
func (x *Extractor) afterTitleMarker(a *analysis, qi int) bool {
	loc := a.qloc[qi]
	if loc.sent < 0 {
		return false
	}
	toks := a.toks(loc.sent)
	if loc.tok > 0 && x.rules.IsTitleMarker(&toks[loc.tok-1]) {
		return true
	}
	if loc.tok > 1 && (toks[loc.tok-1].Lower == "," || x.rules.InList(x.rules.Lists[rules.ListAffiliation], &toks[loc.tok-1]) || x.rules.InList(x.rules.Lists[listTitleLinks], &toks[loc.tok-1])) && x.rules.IsTitleMarker(&toks[loc.tok-2]) {
		return true // in her memoir, “Tough Choices”; an episode of “The View”; a song like “Harbour”
	}
	nouns := x.rules.Lists[listTitleNouns]
	for k := loc.tok + 1; k < len(toks) && k <= loc.tok+2 && toks[k].Kind == rules.Word; k++ {
		if nouns.Has(toks[k].Lower) {
			return true // the “Off Message” podcast, a “Keepin’ It Real” radio program
		}
	}
	return false
}

// isSentence reports whether a short quote reads as a sentence: two words
// or more, a capital first letter, and, in a language of sentence_case,
// words after the first in lower case (“We are done.”), unlike a term
// (“establishment”) or a name.
func (x *Extractor) isSentence(words []string) bool {
	if len(words) < 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[0])
	if !unicode.IsUpper(r) {
		return false
	}
	for _, w := range words[1:] {
		r, _ := utf8.DecodeRuneInString(w)
		if x.rules.Language.SentenceCase && unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// titleCaseText is isTitleCase(strings.Fields(s)), in one pass over the
// words that stops at the first one in lower case or the eleventh: either
// makes the answer no (most quotations stop at their first or second word).
func (x *Extractor) titleCaseText(s string) bool {
	n, last := 0, ""
	for w := range strings.FieldsSeq(s) {
		if n++; n > 10 || !x.titleWord(w) {
			return false
		}
		last = w
	}
	return n >= 2 && (!strings.HasSuffix(last, ".") || n <= 6)
}

// capitalWord reports whether s is one word that begins with a capital
// letter (Today, Hannity), but for the punctuation around it.
func capitalWord(s string) bool {
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsUpper(r) && wordCount(s, 1) == 1
}

// isTitleCase reports whether every word of two or more that is longer than
// the language's title_case_short letters (3 in English) begins with a
// capital (Meet the Press, Jane The Virgin).
func (x *Extractor) isTitleCase(words []string) bool {
	if len(words) < 2 || len(words) > 10 {
		return false
	}
	for _, w := range words {
		if !x.titleWord(w) {
			return false
		}
	}
	last := words[len(words)-1]
	return !strings.HasSuffix(last, ".") || len(words) <= 6
}

// titleWord reports whether the word w may stand in a title: it is short
// (title_case_short letters at most) or begins with a capital or a digit.
func (x *Extractor) titleWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || utf8.RuneCountInString(w) <= x.rules.Language.TitleCaseShort
}

// sentenceContext bounds the context given around a quote, in bytes on
// each side, so that the output stays proportional to the input.
const sentenceContext = 240

// sentenceText returns the sentence around the quote at token q,
// whitespace normalised; in a long sentence only the tokens within
// sentenceContext bytes of the quote, with "…" where it was cut.
func sentenceText(view string, toks []rules.Token, q int) string {
	s, cut := sentenceSpan(toks, q)
	return sentenceString(view, s, cut)
}

// Where sentenceSpan cut a sentence.
const (
	cutBefore = 1 << iota // tokens before the span left out
	cutAfter              // tokens after it left out
)

// sentenceSpan returns the bytes of the sentence toks that sentenceText
// gives for the quote at token q, and where it was cut.
func sentenceSpan(toks []rules.Token, q int) (byteSpan, uint8) {
	lo, hi := 0, len(toks)
	for lo < q && toks[q].Start-toks[lo].Start > sentenceContext {
		lo++
	}
	for hi > q+1 && toks[hi-1].End-toks[q].End > sentenceContext {
		hi--
	}
	var cut uint8
	if lo > 0 {
		cut |= cutBefore
	}
	if hi < len(toks) {
		cut |= cutAfter
	}
	return byteSpan{toks[lo].Start, toks[hi-1].End}, cut
}

// sentenceString is the text of the sentence span s of view, cut where cut
// says.
func sentenceString(view string, s byteSpan, cut uint8) string {
	t, _ := sentenceCollapsed(view, s, cut, false)
	return t
}

// sentenceCollapsed is sentenceString, and whether the bytes of s were
// collapsed already (then so is any run of its tokens): as known is
// true, else told by isCollapsed.
func sentenceCollapsed(view string, s byteSpan, cut uint8, known bool) (string, bool) {
	t := view[s.start:s.end]
	done := known || isCollapsed(t)
	if !done {
		t = collapseFields(t)
	}
	if cut&cutBefore != 0 {
		t = "… " + t
	}
	if cut&cutAfter != 0 {
		t += " …"
	}
	return t, done
}

// termLike reports whether an attributed quote that would not be speech
// by itself (nonSpeech: a short term, a scare quote, a title) stays out of
// the output. It does when only a guess took it and the speaker is not
// known to be a person (the courts, the study, a sentence-initial word); and
// in a short line that does not end as prose — a headline, a subhead, a
// teaser of a related article — when a guess or a partial rule took it, or
// a rule whose match does not close the line: headlines put their
// attribution last (… “closer,” Ushakov has said keeps its quote; “improper”
// Ukraine call at hearing does not).
func (x *Extractor) termLike(a *analysis, at attrib, qi int, content string, off int) bool {
	r := at.m.Rule
	weak := r.Status == rules.StatusGuessed || r.Kind == "partial"
	switch {
	case r.Status == rules.StatusGuessed && !x.personSpeaker(a, at):
	case x.proseLine(a, off):
		return false
	case !weak && (r.Scope != rules.ScopeSentence || closesSentence(a.toks(at.sent), at.m.Span)):
		return false
	}
	return x.nonSpeech(a, qi, content) != ""
}

// personSpeaker reports whether the speaker of an attribution is known to
// be a person: a person's name, or a pronoun of the pronouns list that is
// not of the first person (s): I and we outside a quotation are the
// writer's voice, whoever they were resolved to.
func (x *Extractor) personSpeaker(a *analysis, at attrib) bool {
	if at.ent == nil || !at.ent.person {
		return false
	}
	if at.m.HasSpkr && at.m.Speaker.Type == rules.PronounMention {
		g := x.rules.Lists[rules.ListPronouns].Attr(a.toks(at.sent)[at.m.Speaker.Mention.Start].Lower)
		return g == "m" || g == "f" || g == "p"
	}
	return true
}

// proseLine reports whether the line holding byte offset off reads as
// prose: it ends with . ! ? … : or ; (after any closing quotation marks), or
// is longer than a headline (metadata's headline_max_words).
func (x *Extractor) proseLine(a *analysis, off int) bool {
	if len(a.c.Lines) == 0 {
		return true
	}
	l := a.c.Lines[min(lineIndex(a.c, off), len(a.c.Lines)-1)]
	s := strings.TrimRightFunc(a.view[l.Start:l.End], func(r rune) bool { return unicode.IsSpace(r) || x.mark(r) })
	last, _ := utf8.DecodeLastRuneInString(s)
	n := x.rules.Metadata.HeadlineMaxWords
	return strings.ContainsRune(".!?…:;", last) || wordCount(s, n) > n
}

// afterScareMarker reports whether the quote follows an entry of the
// scare_markers list (so-called, dubbed, the term).
func (x *Extractor) afterScareMarker(a *analysis, qi int) bool {
	loc := a.qloc[qi]
	if loc.sent < 0 || loc.tok == 0 {
		return false
	}
	toks := a.toks(loc.sent)
	markers := x.rules.Lists[rules.ListScareMarkers]
	for k := max(0, loc.tok-2); k < loc.tok; k++ {
		if markers.MatchAt(toks, k) == loc.tok-k {
			return true
		}
	}
	return false
}

// closesSentence reports whether span s reaches the end of the sentence,
// but for closing punctuation.
func closesSentence(toks []rules.Token, s rules.Span) bool {
	for i := s.End; i < len(toks); i++ {
		if toks[i].Kind != rules.Punct {
			return false
		}
	}
	return true
}
