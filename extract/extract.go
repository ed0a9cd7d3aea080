// Package extract is the whosaid library: it cleans news text, finds the
// quotations in it, attributes each one to a speaker with the rules of a
// ruleset, resolves speakers across the document, and produces quote records
// with code-point offsets into the original input.
package extract

import (
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/whosaid/whosaid/internal/wordtab"
	"github.com/whosaid/whosaid/rules"
)

// Options tune an Extractor.
type Options struct {
	// All keeps quotations that are not speech (scare quotes, titles,
	// nicknames) and unattributed ones in the output, with their kind.
	All bool
	// Explain records, per quote, how each candidate rule fared.
	Explain bool
	// MaxQuoteLen bounds a quotation's content in bytes (0: 5000).
	MaxQuoteLen int
	// Reported adds the statements of reported speech that the rules of
	// kind indirect find (“Ushakov said the talks had been useful”) as
	// records of kind indirect.
	Reported bool
	// MinConfidence leaves out the rows whose confidence is below it
	// (0: none; unattributed rows have confidence 0).
	MinConfidence float64
	// Lang forces the language of every document (a language code of the
	// ruleset or of one of its packs); "" detects it per document.
	Lang string
}

// Extractor runs the pipeline with one ruleset. It is safe for concurrent
// use by several goroutines.
type Extractor struct {
	rules *rules.Ruleset
	opts  Options
	pairs []MarkPair // the pairs scanned in every document
	// allPairs adds the pairs scanned only in documents that use inner
	// marks as their outer quotation, whose marks outerOnly holds (nil when
	// there are none)
	allPairs  []MarkPair
	outerOnly map[rune]bool
	// table and tableAll are pairs and allPairs compiled
	table, tableAll *qsTable
	isMark          map[rune]bool
	// asciiMark is isMark for the ASCII runes, without a map look-up.
	asciiMark [utf8.RuneSelf]bool
	lists     lists // lists read per token, looked up once
	// scratch holds *scratch values: buffers that an analysis reuses.
	scratch sync.Pool
	// gate holds the rules of reported speech and their cue lists, made
	// on first use (see gates).
	gate     *gates
	gateOnce sync.Once
	// mergeRows makes withReported build the statements' rows apart and
	// merge them by mergeRecords, the reference of its merge in place
	// (tests set it)
	mergeRows bool
	// bySentence makes report run each sentence's first search on its
	// own (reportIn), not rule by rule over a batch (firstSearches): only
	// tests set it, to compare the two
	bySentence bool
	// packs holds the extractors of the ruleset's language packs, by code;
	// detect chooses among them per document (nil: no detection).
	packs  map[string]*packExtractor
	detect *detector
	// packTokensAbove is the size of a document from which its tokens are
	// packed (packTokensAbove; tests lower it)
	packTokensAbove int
	// exactStopWords counts every line's stop words in full (see
	// features); tests set it to compare with the count that stops early.
	exactStopWords bool
	// noCommonRuns sends every token through tokenizeN's general loop, not
	// commonRun; tests set it to compare the two.
	noCommonRuns bool
	// planRows is the number of possible rows of a document above which
	// records plans them (minRowsSized; see rowSet).
	planRows int
	// headTokens is how many tokens of a quotation's opening are made for
	// the rules of scope quote (see headTokensOf).
	headTokens int
	// quoteNeeds tells, for every attribution rule, whether its required
	// items occur in a quotation's sentence at all (made on first use)
	quoteNeeds     *rules.Needs
	quoteNeedsAt   []int // per attribution rule, its index in quoteNeeds (-1: none)
	quoteNeedsOnce sync.Once
	quotesTried    atomic.Int64 // quotations attributed so far (see needsAfterQuotes)
	// headPunct holds, per rule of scope quote, the marks it requires
	// (see headMay), made on first use
	headPunct     []string
	headPunctOnce sync.Once
}

// lists holds the lists of the ruleset that the pipeline reads per token or
// per mention, so that it does not look them up by name each time.
type lists struct {
	det, hon, cue, cuePhrases *rules.List
	// the lists the entity table reads per mention and per title
	notNames, affiliation, firstNames, orgWords *rules.List
	// and per quotation it resolves
	defArt, pron *rules.List
	// conj is the clause_conjunctions list, which report reads at each
	// token where a statement inside another's content may begin
	conj *rules.List
	// abbr is the abbreviations list, which the tokenizer looks up at
	// every period that follows a word.
	abbr *wordtab.Set
	// possessives holds the letters after the apostrophe of the
	// possessive endings (’s → s), which the tokenizer splits off.
	possessives []string
}

// New returns an Extractor for the ruleset.
func New(rs *rules.Ruleset, opts Options) *Extractor {
	x := &Extractor{rules: rs, opts: opts, isMark: map[rune]bool{}, planRows: minRowsSized, packTokensAbove: packTokensAbove}
	x.lists = lists{
		det:         rs.Lists[rules.ListDeterminers],
		hon:         rs.Lists[rules.ListHonorifics],
		cue:         rs.Lists[rules.ListCueVerbs],
		cuePhrases:  rs.Lists[rules.ListCuePhrases],
		notNames:    rs.Lists[rules.ListNotNames],
		affiliation: rs.Lists[rules.ListAffiliation],
		firstNames:  rs.Lists[rules.ListFirstNames],
		orgWords:    rs.Lists[listOrganisationWords],
		defArt:      rs.Lists[rules.ListDefinite],
		pron:        rs.Lists[rules.ListPronouns],
		conj:        rs.Lists[listClauseConjunctions],
		abbr:        rs.Compiled().Abbr,
		possessives: rs.PossessiveEndings(),
	}
	x.outerOnly = outerOnlyMarks(rs.QuoteMarks)
	for _, m := range rs.QuoteMarks {
		p := MarkPair{Open: m.Open, Close: m.Close, OpenNext: m.OpenNext, CloseNext: m.CloseNext, Inner: m.Inner}
		x.allPairs = append(x.allPairs, p)
		if !m.InnerOuterOnly {
			x.pairs = append(x.pairs, p)
		}
		x.isMark[m.Open] = true
		x.isMark[m.Close] = true
		for _, r := range []rune{m.Open, m.Close} {
			if r >= 0 && r < utf8.RuneSelf {
				x.asciiMark[r] = true
			}
		}
	}
	elisions := []string{} // none without the list
	if l := rs.Lists[listApostropheElisions]; l != nil {
		elisions = l.Entries
	}
	x.table, x.tableAll = compileTable(x.pairs, elisions), compileTable(x.allPairs, elisions)
	x.headTokens = headTokensOf(rs)
	x.newPacks(rs, opts)
	return x
}

// mark reports whether r is a quotation mark of the ruleset.
func (x *Extractor) mark(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return x.asciiMark[r]
	}
	return x.isMark[r]
}

// Rules returns the extractor's ruleset.
func (x *Extractor) Rules() *rules.Ruleset { return x.rules }

// Record is one quotation in the output (its fields are documented in
// README.md, "The quote table").
// Offsets are code points into the original input; End is exclusive.
type Record struct {
	Doc          string   `json:"doc"`
	ID           string   `json:"id"`
	Quote        string   `json:"quote"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Speaker      string   `json:"speaker"`
	Mention      string   `json:"mention"`
	SpeakerStart *int     `json:"speaker_start"`
	SpeakerEnd   *int     `json:"speaker_end"`
	Title        string   `json:"title"`
	Cue          string   `json:"cue"`
	CueStart     *int     `json:"cue_start"`
	CueEnd       *int     `json:"cue_end"`
	Kind         string   `json:"kind"`
	Status       string   `json:"status"`
	Rule         string   `json:"rule"`
	Confidence   float64  `json:"confidence"`
	Line         int      `json:"line"`
	Sentence     string   `json:"sentence"`
	Explain      []string `json:"explain,omitempty"`
	// DupOf points a repeated quotation to its first occurrence, as
	// DupRef(doc, id) (set by a Deduper; "" for a first occurrence).
	DupOf string `json:"dup_of,omitempty"`
	// Lang is the language of the record's document (the last CSV column;
	// JSON gives it once per document).
	Lang string `json:"-"`

	byteStart int // byte offset of the quotation in the text (orders records)
}

// Speaker is one person or organisation of a document.
type Speaker struct {
	Name     string   `json:"name"`
	Titles   []string `json:"titles"`
	Aliases  []string `json:"aliases"`
	Quotes   int      `json:"quotes"`
	Gender   string   `json:"gender,omitempty"`
	Mentions int      `json:"mentions"`

	// Reported counts the statements of reported speech (kind indirect)
	// attributed to the speaker, apart from Quotes.
	Reported int `json:"reported,omitempty"`
}

// Warning is a problem found in the input that did not stop extraction.
type Warning struct {
	Line int    `json:"line"`
	Msg  string `json:"msg"`
}

// Document is the result of extracting one input document.
type Document struct {
	ID string `json:"id"`
	// Lang is the document's language code (detected or forced), or
	// LangUnknown when no language pack knows it.
	Lang     string    `json:"lang"`
	Title    string    `json:"title"`
	Date     string    `json:"date"`
	Quotes   []Record  `json:"quotes"`
	Speakers []Speaker `json:"speakers,omitempty"`
	Warnings []Warning `json:"warnings,omitempty"`
	Clean    *Cleaned  `json:"-"`
	Text     string    `json:"-"`
	// URL and Byline come from an HTML page's metadata; Page is set for
	// a page, whose Text (the article taken out of it) JSON output shows.
	URL    string `json:"-"`
	Byline string `json:"-"`
	Page   *Page  `json:"-"`
	// Meta holds the other fields of the document's JSONL line (url,
	// outlet, …; values that are not strings in their JSON text), which
	// the doc_KEY output columns carry to every row.
	Meta map[string]string `json:"-"`
}

// freeAbove is the size in bytes of a document from which extract gives
// the memory of its analysis back to the operating system before it builds
// the planned rows (debug.FreeOSMemory: one collection, short as the
// analysis is garbage by then). The rows are one array of some 17 bytes
// per byte of text, which the freed pages of the analysis, scattered, do
// not hold: without it the peak RSS held both (16 MB of lone-CR lines).
// It is done only when that array is more than freeRowsAbove bytes: the
// rows of news text (16 MB joined into one document: 28,000 rows, 8 MB)
// fit the heap as it is, and giving its pages back made the building of
// the rows and the writing touch fresh pages again (half the page faults
// left of that document, and its block of huge pages split).
const (
	freeAbove     = 4 << 20
	freeRowsAbove = 32 << 20
)

// maxWarnings bounds the warnings reported for one document; the rest are
// counted in a last warning.
const maxWarnings = 100

// MaxDocument is the largest document in bytes: token offsets are 32-bit
// (rules.Token), which keeps a document's tokens small. It is far beyond
// any --max-size a machine can extract (a document costs some 30 times its
// size in memory).
const MaxDocument = math.MaxInt32

// ErrInvalidUTF8 is returned for input that is not UTF-8 text.
var ErrInvalidUTF8 = errors.New("not valid UTF-8")

// ErrBinary is returned for input that looks like a binary file.
var ErrBinary = errors.New("binary data, not text")

// CheckText reports whether text can be processed: it must be valid UTF-8,
// hold no NUL bytes and be at most MaxDocument bytes long.
func CheckText(text string) error {
	if err := checkSizeNUL(text); err != nil {
		return err
	}
	if !utf8.ValidString(text) {
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && n == 1 {
				line := strings.Count(text[:i], "\n") + 1
				return fmt.Errorf("%w (bad byte 0x%02x at line %d, byte offset %d)", ErrInvalidUTF8, text[i], line, i)
			}
			i += n
		}
	}
	return nil
}

// checkSizeNUL is CheckText but for the UTF-8: the size and the NUL bytes.
func checkSizeNUL(text string) error {
	if len(text) > MaxDocument {
		return fmt.Errorf("%w: %d bytes, more than %d", ErrTooLarge, len(text), MaxDocument)
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	return nil
}

// Extract runs the whole pipeline on one document.
func (x *Extractor) Extract(id, text string) (*Document, error) {
	if err := CheckText(text); err != nil {
		return nil, err
	}
	return x.extractChecked(id, text), nil
}

// extractChecked is Extract on a text that passed CheckText.
func (x *Extractor) extractChecked(id, text string) *Document {
	lang, y := x.langOf(text)
	return y.extract(id, text, lang)
}

// extract runs the pipeline on checked text in the language lang; a
// document in no pack's language (LangUnknown) gets its quotations without
// speakers.
func (x *Extractor) extract(id, text, lang string) *Document {
	c, _, low := x.clean(text, false)
	c.Lang = lang
	doc := &Document{ID: id, Lang: lang, Title: c.Title, Date: c.Date, Clean: c, Text: text}
	a := x.analyze(c, low)
	for i, w := range a.warnings {
		if i == maxWarnings {
			doc.Warnings = append(doc.Warnings, Warning{Line: lineOf(c, w.Offset), Msg: fmt.Sprintf("and %d more warnings", len(a.warnings)-maxWarnings)})
			break
		}
		doc.Warnings = append(doc.Warnings, Warning{Line: lineOf(c, w.Offset), Msg: w.Msg})
	}
	var reps []statement
	if lang != LangUnknown {
		x.attribute(a)
		reps = x.report(a)
	}
	x.resolve(a)
	rows, bound := x.records(a, id, text, len(reps))
	if bound != nil {
		doc.Warnings = append(doc.Warnings, *bound)
	}
	var reported []Record
	if len(reps) > 0 {
		if rows.plan {
			reported = x.withReported(a, reps, nil, id, text, nil)
		} else {
			rows.rows = x.withReported(a, reps, rows.rows, id, text, rows.cp)
		}
	}
	doc.Speakers = a.speakerTable()
	x.release(a) // nothing of the analysis is in doc
	// the planned rows are built once the analysis is garbage (see rowSet)
	if rows.plan && len(text) > freeAbove && len(rows.plans)*int(unsafe.Sizeof(Record{})) > freeRowsAbove {
		debug.FreeOSMemory()
	}
	doc.Quotes = rows.build()
	if len(reported) > 0 {
		doc.Quotes = mergeRows(doc.Quotes, reported)
	}
	for i := range doc.Quotes {
		doc.Quotes[i].Lang = lang
	}
	return doc
}

// listApostropheElisions names the optional list of elided words that
// follow an apostrophe ('em, 'tis): there the mark opens no quotation.
const listApostropheElisions = "apostrophe_elisions"

// lineOf returns the 1-based line of the input at byte offset off.
func lineOf(c *Cleaned, off int) int {
	if c.lineStarts != nil {
		n, found := slices.BinarySearch(c.lineStarts, off)
		if !found {
			n-- // off lies in the line before
		}
		return n + 1
	}
	return lineIndex(c, off) + 1
}

// lineIndex returns the index in c.Lines of the cleaned line that holds
// byte offset off (in hard-wrapped text, a line is a paragraph: see Line).
func lineIndex(c *Cleaned, off int) int {
	lo, hi := 0, len(c.Lines)
	for lo < hi {
		m := (lo + hi) / 2
		if int(c.Lines[m].End) < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
