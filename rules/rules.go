// Package rules is the whosaid rule engine: it loads rulesets from YAML,
// validates them with file:line:col errors, compiles attribution patterns and
// matches them over tokens, and runs the rules' embedded tests.
//
// A ruleset holds named word lists, cleanup rules, the quotation-mark pair
// table, metadata patterns and attribution pattern rules. The default ruleset
// is embedded in the package (see Default).
package rules

import (
	"fmt"
	"iter"
	"sort"
	"strings"

	"github.com/whosaid/whosaid/internal/wordtab"
)

// Version is the ruleset format version this package reads.
const Version = 1

// Pos is a position in a rule file. Line and Col are 1-based (Col counts
// characters); 0 means unknown.
type Pos struct {
	File      string
	Line, Col int
}

// String formats the position as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Ruleset is a loaded, validated and compiled set of rules.
type Ruleset struct {
	Lists      map[string]*List
	Cleanup    []*CleanupRule
	QuoteMarks []MarkPair
	Metadata   Metadata
	Speech     Speech
	// Convention tells, per document, which marks are the outer quotation
	// and whether the text is hard-wrapped.
	Convention Convention
	// Language is the ruleset's language profile.
	Language Language
	// packs holds the language packs (see Langs and ForLang): each is the
	// base ruleset with the pack's files on top.
	packs *packSet

	speakerLists speakerLists // the lists the speaker parser reads, bound at load
	speakerBits  speakerBits  // their class bits
	classes      classTable   // lower-case word → class bits of its lists
	Attribution  []*AttrRule  // sorted by priority, highest first
	// Disabled maps the ids named in `disable:` to where they were named.
	Disabled map[string]Pos
	// clean is what Load builds for the cleanup stage (see Compiled).
	clean *cleanupIndex
	// static is the static data of the load, while it loads (see static.go)
	static *staticDefaults
	// stopWords is the static stop-word table of a default load (see
	// StopWordTable); nil when it must be built
	stopWords *staticStopWords
}

// MarkPair is one opening/closing quotation-mark pair. A mark is one
// character, or two (’’ closing a double quotation, ‘‘ opening one):
// OpenNext and CloseNext are the second characters, 0 for a one-character
// mark.
type MarkPair struct {
	Open, Close         rune
	OpenNext, CloseNext rune
	Lang                string
	// Inner: the pair marks a quotation inside another (‘…’ in American
	// news). At top level such a quotation is a headline paraphrase or a
	// term, not speech — unless the document uses inner marks as its outer
	// quotation (British convention, see Convention).
	Inner bool
	// InnerOuterOnly: the pair is scanned only in documents that use inner
	// marks as the outer quotation (the straight ' of plain-text British
	// news, which elsewhere is mostly an apostrophe).
	InnerOuterOnly bool
	Pos            Pos
}

// Convention holds the settings that decide, per document, which marks
// are the outer quotation and whether the text is hard-wrapped.
type Convention struct {
	// InnerMinWords: a top-level quotation of at least this many words
	// counts toward the document's convention.
	InnerMinWords int
	// InnerShare: a document uses inner marks as its outer quotation when
	// more than this share of its counted quotations is in inner marks
	// (0: never).
	InnerShare float64
	// Wrap decides whether a document is hard-wrapped.
	Wrap Wrap
}

// Wrap holds the settings that tell hard-wrapped text (e-mail, wire copy,
// text out of a PDF), in which a single line break inside a paragraph is
// a space.
type Wrap struct {
	// MinLines: a document needs this many lines that run on into a next
	// line of text before it can be judged wrapped (0: never).
	MinLines int
	// MinWidth, MaxWidth: a wrapped document's widest line has at least
	// MinWidth characters, and no line has more than MaxWidth.
	MinWidth, MaxWidth int
	// Share: the share of the lines that run on which the next line's first
	// word would have made longer than the document's widest line.
	Share float64
}

// Speech holds the thresholds that tell an unattributed quotation that is
// speech from a term, a scare quote or a title.
type Speech struct {
	// ScareMaxWords: an unattributed quotation of at most this many words
	// that does not read as a sentence is a scare quote (0: none is).
	ScareMaxWords int
	// GuessConfidence: attributions below this confidence (the sentence
	// subject) are guesses, which do not make a title-case quotation speech.
	GuessConfidence float64
}

// Metadata holds the patterns that recognise document metadata.
type Metadata struct {
	// Date holds regular expressions for a dateline; the first line that
	// matches one (in the first lines of a document) gives the date.
	Date []*Regexp
	// HeadlineMaxWords bounds the length of a line taken as the headline.
	HeadlineMaxWords int
	// MonthPrefixes are the twelve months in order, each with the
	// lower-case forms a month name of a date pattern may start with (jan:
	// January, Jan., Janu), for the month names the language's months do
	// not list (English dates in a page of another language).
	MonthPrefixes [][]string
	// DateLayouts are the Go time layouts that read the match of a date
	// pattern without named groups (2 January 2006, Jan. 2, 2006), in order.
	DateLayouts []string
	// AM and PM are the words of an ampm group before and after noon
	// (lower case, without periods: am, pm).
	AM, PM []string
}

// MonthByPrefix returns the number (1 to 12) of the first month of
// MonthPrefixes with a form that the lower-case name starts with; 0 when
// none does.
func (m *Metadata) MonthByPrefix(name string) int {
	for i, forms := range m.MonthPrefixes {
		for _, f := range forms {
			if strings.HasPrefix(name, f) {
				return i + 1
			}
		}
	}
	return 0
}

// ListKind says how the entries of a list are matched.
type ListKind string

// List kinds.
const (
	// KindWords lists single words, matched case-insensitively.
	KindWords ListKind = "words"
	// KindLemmas lists verb lemmas; inflected forms are generated
	// (say → says, said, saying). An entry "tell|told" gives extra forms.
	KindLemmas ListKind = "lemmas"
	// KindPhrases lists multi-word phrases, matched token by token.
	KindPhrases ListKind = "phrases"
	// KindNouns lists nouns; plurals are generated (official → officials).
	// An entry "person|people" gives extra forms.
	KindNouns ListKind = "nouns"
)

// List is a named word list.
type List struct {
	Name        string
	Kind        ListKind
	Description string
	Entries     []string // as written
	// EntryPos holds where each entry of Entries was written. It is nil
	// for a list read from the static data of the default rules
	// (static.go), which keeps the positions in its read-only data: read
	// them with EntryPosAt, which answers for both.
	EntryPos []Pos
	// Pos is where the list was defined; Extended holds where later files
	// added entries to it, in load order.
	Pos      Pos
	Extended []Pos
	// Replaced is where the list that this one replaced (`replace: true`)
	// was defined; zero when it replaced none.
	Replaced Pos
	// Attrs holds optional per-entry attributes (e.g. gender of pronouns),
	// keyed by the lower-case word. It is nil for a list read from the
	// static data of the default rules (static.go), which keeps them in
	// its read-only data: read them with Attr, which answers for both.
	Attrs map[string]string

	words map[string]struct{} // lower-case forms (all inflections)
	// phrases holds the phrases (their words) by first word; nil for a
	// list of the static data, whose phrases stay in the data (read them
	// with phrasesOf and phraseRows, which answer for both)
	phrases map[string][][]string
	maxLen  int // longest phrase in tokens

	plain bool // no generated forms (the language's morphology is none)

	owner *Ruleset // the ruleset that gave the list its class bit
	bit   uint64   // the list's class bit under owner; 0 for none

	// static: the list's forms come from the static data (see static.go);
	// while words is nil, its words are those of its class bit in owner's
	// class table
	static *staticList
	// set: the word set of such a list without a class bit
	set *wordtab.Set
	// attrTab: the table of its attributes (see staticList.AttrSlots)
	attrTab wordtab.Table
	// phraseTab: the table of its phrases' first words (see
	// staticList.PhraseSlots)
	phraseTab wordtab.Table
	// firsts has firstBit(w) for the first word w of every phrase, under
	// owner: a word whose bit is not set starts none, which ListAt tells
	// without the look-up of the phrases.
	firsts uint64
	// seconds is a Bloom filter of the second words of the phrases, of
	// 256 bits (phraseBit), under owner: after a first word as common as
	// and, which starts some fifty phrases of one list, ListAt tells most
	// next words without comparing them with each phrase.
	seconds [4]uint64
	// phraseKeys is a Bloom filter of the classes of the words that start
	// the list's phrases, with a capital and without (phraseKeyBit), under
	// owner; zero for a list without phrases. ListAt tells by it, from the
	// classes it has read, most words that start no phrase of the list:
	// the test of classPhraseStart it replaces is true for one word in
	// three and foretold by no predictor. (In the list, beside bit, firsts
	// and seconds, which ListAt reads too: no table of its own to miss.)
	phraseKeys [4]uint64
}

// Has reports whether the lower-case word w is in the list (any inflection).
func (l *List) Has(w string) bool {
	if l == nil {
		return false
	}
	if l.words == nil && l.static != nil {
		if l.set != nil {
			return l.set.Has(w)
		}
		return l.owner.wordClasses(w)&l.bit != 0
	}
	_, ok := l.words[w]
	return ok
}

// Attr returns the attribute of the lower-case word w in the list (the
// gender of a pronoun or first name, say), "" when it has none or the list
// is nil.
func (l *List) Attr(w string) string {
	if l == nil {
		return ""
	}
	if l.Attrs == nil && l.static != nil {
		return l.static.attr(&l.attrTab, w)
	}
	return l.Attrs[w]
}

// MatchAt returns the length in tokens of the longest entry of the list that
// matches the lower-case words starting at toks[i], or 0.
func (l *List) MatchAt(toks []Token, i int) int {
	if l == nil || i >= len(toks) {
		return 0
	}
	best := 0
	if l.Has(toks[i].Lower) {
		best = 1
	}
	return l.longestPhrase(toks, i, best)
}

// EntryPosAt returns where entry i of Entries was written; ok is false
// when that is not known.
func (l *List) EntryPosAt(i int) (p Pos, ok bool) {
	if i < len(l.EntryPos) {
		return l.EntryPos[i], true
	}
	if l.EntryPos == nil && l.static != nil {
		return l.static.entryPos(i)
	}
	return Pos{}, false
}

// phrasesOf returns the phrases of l (their words) whose first word is w.
func (l *List) phrasesOf(w string) phraseRow {
	if l.phrases != nil || l.static == nil {
		return phraseRow{rows: l.phrases[w]}
	}
	return l.static.phrasesOf(&l.phraseTab, w)
}

// phraseRows returns the first words of l's phrases, each with its
// phrases, in no set order.
func (l *List) phraseRows() iter.Seq2[string, phraseRow] {
	return func(yield func(string, phraseRow) bool) {
		if l.phrases != nil || l.static == nil {
			for w, ps := range l.phrases {
				if !yield(w, phraseRow{rows: ps}) {
					return
				}
			}
			return
		}
		sl := l.static
		for g := range sl.PhraseGroups {
			if !yield(sl.firstWord(g), sl.row(g)) {
				return
			}
		}
	}
}

// numPhraseRows returns the number of first words of l's phrases.
func (l *List) numPhraseRows() int {
	if l.phrases != nil || l.static == nil {
		return len(l.phrases)
	}
	return len(l.static.PhraseGroups)
}

// longestPhrase returns the length of the longest multi-word entry of l
// that matches at toks[i] and is longer than best, or best.
func (l *List) longestPhrase(toks []Token, i, best int) int {
	ps := l.phrasesOf(toks[i].Lower)
	for k := range ps.len() {
		p := ps.at(k)
		if len(p) <= best || i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p); k++ {
			if toks[i+k].Lower != p[k] {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best
}

// Forms returns every lower-case form the list matches, sorted.
func (l *List) Forms() []string {
	if l.words == nil && l.static != nil {
		return l.static.forms()
	}
	out := make([]string, 0, len(l.words))
	for w := range l.words {
		out = append(out, w)
	}
	for _, ps := range l.phraseRows() {
		for k := range ps.len() {
			out = append(out, joinWords(ps.at(k)))
		}
	}
	sort.Strings(out)
	return out
}

func joinWords(p []string) string {
	s := ""
	for i, w := range p {
		if i > 0 {
			s += " "
		}
		s += w
	}
	return s
}

// AttrRule is an attribution pattern rule.
type AttrRule struct {
	ID          string
	Description string
	Priority    int
	Confidence  float64
	// ConfidenceAcross, when not 0, is the confidence of a row whose
	// speaker the rule found in an earlier paragraph than the quotation (a
	// turn that goes on past a paragraph break is right less often than one
	// inside a paragraph).
	ConfidenceAcross float64
	// ConfidenceResolved, when not 0, is the confidence of a row whose
	// speaker mention (a surname, a pronoun, a definite descriptor) was
	// resolved to a person named before: such a subject is more often the
	// speaker than a name or a phrase met for the first time.
	ConfidenceResolved float64
	// ConfidenceSingle, when not 0, is the confidence of a row whose
	// speaker is a name of one capitalised word that the document never
	// gives in full: a person in the news is mostly named in full once, so
	// such a name is more often an organisation, a place or a capitalised
	// word that opens the sentence than the speaker.
	ConfidenceSingle float64
	// ConfidenceShort, when not 0, is the confidence of a row whose
	// quotation has at most Speech.ScareMaxWords words: a short quotation is
	// more often a term, a scare quote or a title than speech, whoever the
	// rule finds.
	ConfidenceShort float64
	// ConfidenceTerm, when not 0, is the confidence of a row whose
	// quotation has at most Speech.ScareMaxWords words and follows a
	// determiner or a possessive: such a quotation is mostly a term inside
	// a noun phrase (the party’s “establishment” candidate), a scare quote
	// more often than other short quotations. It comes before
	// ConfidenceShort.
	ConfidenceTerm float64
	Kind           string // output kind: direct, partial, headline, continued, indirect
	Scope          Scope
	// Status is StatusGuessed for a fallback rule (the sentence subject, the
	// sentence before) whose attributions are guesses, else "".
	Status  string
	Pattern *Pattern
	Tests   []RuleTest
	Pos     Pos
	Source  string // the file the rule came from
	Pack    string // the language pack of that file ("" for the base)
	// Overrides is where the rule this one replaced (same id, earlier file)
	// was defined; zero when the rule replaced none.
	Overrides Pos

	// at maps a 1-based column of the pattern source to its file position
	// (patternAt.pos).
	at    *patternAt
	idPos Pos
}

// KindIndirect is the kind of a rule of reported speech: its pattern holds
// CLAUSE (the reported content) instead of QUOTE, and it is matched once per
// sentence rather than per quotation.
const KindIndirect = "indirect"

// Reported reports whether r is a rule of reported speech (kind indirect).
func (r *AttrRule) Reported() bool { return r.Kind == KindIndirect }

// StatusGuessed is the status of an attribution rule whose attributions are
// guesses: the output rows it attributes get status "guessed" instead of
// "attributed" or "resolved".
const StatusGuessed = "guessed"

// Scope is the token window an attribution rule sees.
type Scope string

// Scopes.
const (
	// ScopeSentence matches within the quote's sentence.
	ScopeSentence Scope = "sentence"
	// ScopePrevious matches in the sentence before the quote's (same or
	// previous paragraph); the pattern has no QUOTE item and the quote must
	// open its sentence.
	ScopePrevious Scope = "previous"
	// ScopeNext matches in the sentence after the quote's.
	ScopeNext Scope = "next"
	// ScopeTurn has no pattern: a quote that opens its sentence continues the
	// turn of the previous quote's speaker when that quote is in the same
	// paragraph or in the paragraph just before.
	ScopeTurn Scope = "turn"
	// ScopeQuote matches within the opening of the quotation itself (its
	// first line, up to 40 tokens): a transcript label, “WALLACE: Let’s
	// start …”. The pattern has no QUOTE item.
	ScopeQuote Scope = "quote"
	// ScopeReported matches within the quotation's sentence, like
	// ScopeSentence, but names no speaker: a quotation in a sentence that
	// the pattern matches (reported speech: the German subjunctive, Damit
	// seien „…“) continues the speaker of the previous attributed quotation
	// within the last three sentences. The pattern holds QUOTE and no
	// SPEAKER.
	ScopeReported Scope = "reported"
)

// RuleTest is an embedded test of an attribution rule.
type RuleTest struct {
	Text    string
	Speaker string // expected speaker mention ("" with NoMatch)
	Cue     string
	NoMatch bool
	Pos     Pos
}
