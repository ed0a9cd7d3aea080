package rules

import (
	"fmt"
	"sync/atomic"

	"github.com/whosaid/whosaid/internal/needle"
)

// DropScope says what a cleanup rule drops.
type DropScope string

// Drop scopes.
const (
	DropLine DropScope = "line" // the matching line
	DropRest DropScope = "rest" // the matching line and everything after it
)

// Tri is a yes/no condition that may be left unset.
type Tri int8

// Tri values.
const (
	Any Tri = 0  // not a condition
	Yes Tri = 1  // must hold
	No  Tri = -1 // must not hold
)

// CleanupRule is one rule of the cleanup stage. All conditions given must
// hold for the rule to apply to a line. A rule either drops the line (or, with
// drop: rest, the line and everything after it), or — when it has a Score —
// adds its score to the line's score, which the Judge weighs; or it is the
// Judge itself, which holds the weights of that judgement.
type CleanupRule struct {
	ID          string
	Description string
	Drop        DropScope
	Pos         Pos
	Source      string // file the rule came from

	// Scored rules do not drop: they add Score to the score of each line they
	// match (a feature of the judgement, in the manner of jusText).
	Scored bool
	Score  float64
	// Judge, on the one rule that has it, holds the judgement's weights.
	Judge *Judge

	Regex *Regexp // the line (trimmed) matches
	// Words: the line holds a word or phrase of one of these lists (words:).
	Words []*List
	// OnlyWords: every word of the line is in one of these lists
	// (only_words:).
	OnlyWords []*List
	MaxWords  int  // the line has at most this many words (0: no bound)
	MinWords  int  // the line has at least this many words
	MaxChars  int  // the line has at most this many characters (0: no bound)
	MinChars  int  // the line has at least this many characters
	Repeated  bool // the line (normalised) appeared earlier in the document
	// Protect keeps a line holding a quotation mark or a cue verb from this rule
	// (default true); with ProtectCues false only a quotation mark protects.
	// On a scored rule it only keeps a negative score off lines holding a
	// quotation mark.
	Protect     bool
	ProtectCues bool
	// AfterFraction: only lines after this fraction of the document (0..1).
	AfterFraction float64
	// BeforeFraction: only lines before this fraction of the document (0..1;
	// 0 is no bound).
	BeforeFraction float64
	// NoTerminalPunct: the line does not end with . ! ? : or a closing quote.
	NoTerminalPunct bool
	// Terminal: the line ends (Yes) or does not end (No) with terminal
	// punctuation (. ! ? : ; … 。 or a closing quotation mark).
	Terminal Tri
	// Quote: the line holds (Yes) or does not hold (No) a quotation mark.
	Quote Tri
	// AllCaps: the line is (Yes) or is not (No) in capitals (two capital
	// letters or more and no small letter).
	AllCaps Tri
	// Shares of the line's words, each between 0 and 1 (Min..Max inclusive):
	// words in the "stopwords" list, capitalised words among the words that
	// are not stop words, and digits among letters and digits.
	MinStopwords, MaxStopwords     float64
	MinCapitalized, MaxCapitalized float64
	MinDigits, MaxDigits           float64
	// ShortRun: the line lies in a run of at least this many consecutive
	// short lines (blank lines do not break a run; see Judge.ShortWords).
	ShortRun int
	// AfterGood: at least this many good lines (see Judge.Good) come before
	// the line — an end-of-article marker only counts after the article began.
	AfterGood int
	// BetweenDropped: the nearest non-blank lines before and after were both
	// dropped by a line rule.
	BetweenDropped bool
	// Prev, Next: conditions on the nearest non-blank line before or after
	// (shape conditions and regex only).
	Prev, Next *CleanupRule
	// Dropped: the line was (Yes) or was not (No) dropped by a line rule —
	// a condition for prev: and next:.
	Dropped Tri
	// Numbered: the line opens with a number ("3." "3)") and one of the next
	// or previous three lines opens with the number after or before it — an
	// item of a numbered list.
	Numbered bool
	// TitleCopy: the line repeats the document's headline (a later copy).
	TitleCopy bool
	// NearTitle: the line lies within this many non-blank lines after the
	// headline (0: no condition).
	NearTitle int
	// GoodWithin, NoGoodWithin: a good line (see Judge.Good) lies, or no good
	// line lies, within this many non-blank lines before or after the line
	// (0: no condition). Scored rules with these conditions are weighed
	// after the others, on their scores.
	GoodWithin, NoGoodWithin int
	// FirstInArticle: the line's first copy in the document lies (Yes) or does
	// not lie (No) in the article. A rule with this condition applies after
	// the judgement, to the lines of the article.
	FirstInArticle Tri

	// filter: the quick tests mined from Regex (see needle.Of), set when the
	// rule is checked — or, for a rule of the embedded defaults
	// (lazyFilter), read from the table of mined filters on first use
	// (quickFilter): a run on one article tests the regexes of few rules;
	// nil without a regex (a pointer: the filter is ~720 bytes, and most
	// rules have no regex)
	filter     atomic.Pointer[needle.Filter]
	lazyFilter bool

	// decoded: the rule was decoded from a file, and testedKeys are the
	// keys Conditions reports that its file set (most rules set none:
	// Conditions then looks at no key; a rule with a few, at those only)
	decoded    bool
	testedKeys keyMask

	// list references, bound by the loader; wordOnly[i] marks only_words
	wordLists []string
	wordPos   []Pos
	wordOnly  []bool
}

// Judge holds the weights of the judgement of lines that no rule dropped.
// Every such line gets a score: the sum of the scores of the scored rules it
// matches. The article is the run of lines with the greatest total score
// (each line's score bounded by Floor and Ceiling, plus Offset; a line
// dropped by a rule weighs Dropped; blank lines weigh nothing). Lines
// outside that run are dropped; inside it, a line stays when its score is at
// least Keep.
type Judge struct {
	Good       float64 // a line scoring at least this is good prose (for after_good)
	Keep       float64 // inside the article a line scoring at least this stays
	Offset     float64 // added to each line's score in the search for the article
	Floor      float64 // a line's score counts at least this in that search
	Ceiling    float64 // and at most this
	Dropped    float64 // what a line dropped by a rule counts in that search
	ShortWords int     // a line of at most this many words is short (short_run)
	// Neighbours: weight of the mean score of the nearest Window lines on each
	// side, added to a line's own score (context).
	Neighbours float64
	Window     int
	// Second: a further run of lines before the article (its opening, set
	// apart by a picture or a chart) is kept too when its total is at least
	// this (0: only the article).
	Second float64
	// QuoteSecond: so is such a run that holds a line with a quotation mark
	// when its total is at least this (0: no such rule).
	QuoteSecond float64
	// Extend: the article grows over the lines that follow it (a list that
	// ends it) while no rule dropped them, they score at least Extend, and no
	// line among the Lookahead non-blank lines after them was dropped by a rule
	// (unset: no growth).
	Extend    float64
	HasExtend bool
	Lookahead int
	// HeadLines: how many lines before the article may hold the headline.
	HeadLines int
	// MinDropped, MinShort: the judgement runs only on documents in which the
	// rules dropped at least MinDropped lines or that have at least MinShort
	// short lines (0: no bound) — a text without boilerplate is kept whole.
	MinDropped, MinShort int
}

// newCleanupRule returns a rule with the defaults of the format.
// c is where it is made (nil: a new rule).
func newCleanupRule(c *CleanupRule, pos Pos, source string) *CleanupRule {
	if c == nil {
		c = new(CleanupRule)
	}
	*c = CleanupRule{Drop: DropLine, Protect: true, ProtectCues: true, Pos: pos, Source: source,
		MaxStopwords: 1, MaxCapitalized: 1, MaxDigits: 1}
	return c
}

// newJudge returns a judge with neutral weights.
func newJudge() *Judge {
	return &Judge{Floor: -1e9, Ceiling: 1e9, ShortWords: 4, HeadLines: 12}
}

// setSide sets the prev: or next: conditions.
func (c *CleanupRule) setSide(key string, side *CleanupRule) {
	side.Protect = false
	if key == "prev" {
		c.Prev = side
	} else {
		c.Next = side
	}
}

// check reports what is wrong with a decoded rule as a whole ("" when
// nothing is), and prepares the rule for matching (lazy: a rule of the
// embedded defaults, whose quick tests are read on first use).
func (c *CleanupRule) check(conds int, filters *slab[needle.Filter], lazy bool) string {
	c.prepare(filters, lazy)
	switch {
	case c.Judge != nil && (conds > 0 || c.Scored || c.Drop != DropLine):
		return fmt.Sprintf("cleanup rule %q: a judge rule takes no conditions, score or drop", c.ID)
	case c.Judge != nil:
		return ""
	case conds == 0:
		return fmt.Sprintf("cleanup rule %q has no condition (%s)", c.ID, conditionKeys())
	case c.FirstInArticle != Any && (c.Scored || c.Drop != DropLine):
		return fmt.Sprintf("cleanup rule %q: first_in_article works on line rules only", c.ID)
	case (c.GoodWithin > 0 || c.NoGoodWithin > 0) && !c.Scored:
		return fmt.Sprintf("cleanup rule %q: good_within and no_good_within work on scored rules only", c.ID)
	case c.Scored && c.Drop != DropLine:
		return fmt.Sprintf("cleanup rule %q: a scored rule does not drop (remove drop: or score:)", c.ID)
	case c.MinStopwords > c.MaxStopwords || c.MinCapitalized > c.MaxCapitalized || c.MinDigits > c.MaxDigits:
		return fmt.Sprintf("cleanup rule %q: a min_ share is above its max_", c.ID)
	case c.MaxWords > 0 && c.MinWords > c.MaxWords || c.MaxChars > 0 && c.MinChars > c.MaxChars:
		return fmt.Sprintf("cleanup rule %q: min_ is above max_", c.ID)
	}
	return ""
}

// addListRef records a reference to a word list (bound by the loader).
func (c *CleanupRule) addListRef(name string, pos Pos, only bool) {
	c.wordLists = append(c.wordLists, name)
	c.wordPos = append(c.wordPos, pos)
	c.wordOnly = append(c.wordOnly, only)
}

// MatchWordsAt is MatchAt on lower-case words: the length in words of the
// longest entry of the list that matches the words starting at words[i],
// or 0.
func (l *List) MatchWordsAt(words []string, i int) int {
	if l == nil || i >= len(words) {
		return 0
	}
	best := 0
	if l.Has(words[i]) {
		best = 1
	}
	ps := l.phrasesOf(words[i])
	for k := range ps.len() {
		p := ps.at(k)
		if len(p) <= best || i+len(p) > len(words) {
			continue
		}
		ok := true
		for k := 1; k < len(p); k++ {
			if words[i+k] != p[k] {
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

// prepare mines the quick tests of the rule's regex (and of prev: and
// next:); with lazy, it leaves them to quickFilter.
func (c *CleanupRule) prepare(filters *slab[needle.Filter], lazy bool) {
	for _, r := range []*CleanupRule{c, c.Prev, c.Next} {
		if r == nil || r.Regex == nil {
			continue
		}
		if lazy {
			r.lazyFilter = true
			continue
		}
		var f *needle.Filter
		if filters != nil {
			f = filters.new()
		} else {
			f = new(needle.Filter)
		}
		*f = filterOf(r.Regex.String()) // mined beforehand for the default rules
		r.filter.Store(f)
	}
}

// quickFilter returns the quick tests of the rule's regex, mined when the
// rule was loaded or, for a default rule, read from the table of mined
// filters on its first use (safe for concurrent use: racing first uses
// read the same filter, and one is kept): they say no only where the regex
// cannot match (the extract package reaches it through Compiled); nil when
// the rule has no regex.
func (c *CleanupRule) quickFilter() *needle.Filter {
	if f := c.filter.Load(); f != nil || !c.lazyFilter {
		return f
	}
	f := new(needle.Filter)
	*f = filterOf(c.Regex.String())
	c.filter.CompareAndSwap(nil, f)
	return c.filter.Load()
}
