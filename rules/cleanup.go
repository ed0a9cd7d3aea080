package rules

import (
	"fmt"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
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

// Holds reports whether b satisfies the condition.
func (t Tri) Holds(b bool) bool { return t == Any || (t == Yes) == b }

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
	// Words: the line holds a word or phrase of one of these lists (words:),
	// or every word of the line is in one of them (only_words:; see OnlyList).
	Words    []*List
	MaxWords int  // the line has at most this many words (0: no bound)
	MinWords int  // the line has at least this many words
	MaxChars int  // the line has at most this many characters (0: no bound)
	MinChars int  // the line has at least this many characters
	Repeated bool // the line (normalised) appeared earlier in the document
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

	// needles: when not nil, a line the regex matches holds one of these
	// (lower-case) strings — a quick test before the regex runs
	needles []string
	// prefixes: when not nil, a line the regex matches starts with one of
	// these (lower-case) strings
	prefixes []string
	suffixes []string // and ends with one of these
	// must: when not nil, the lower-case form of a line the regex matches
	// (see MustMay) holds one of these whole strings
	must []string
	// mustBad: the characters of a line that make must no test (see foldBad)
	mustBad string
	// firstBytes: the first bytes of the prefixes
	firstBytes [256]bool

	// index: on the first rule of a ruleset's cleanup list, the needle index
	// of the whole list (built once, on first use)
	index     *NeedleIndex
	indexOnce sync.Once

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

// judgeKeys lists the keys of a judge mapping and how to set them.
var judgeKeys = map[string]func(j *Judge, v float64) string{
	"good":         func(j *Judge, v float64) string { j.Good = v; return "" },
	"keep":         func(j *Judge, v float64) string { j.Keep = v; return "" },
	"offset":       func(j *Judge, v float64) string { j.Offset = v; return "" },
	"floor":        func(j *Judge, v float64) string { j.Floor = v; return "" },
	"ceiling":      func(j *Judge, v float64) string { j.Ceiling = v; return "" },
	"dropped":      func(j *Judge, v float64) string { j.Dropped = v; return "" },
	"short_words":  func(j *Judge, v float64) string { return setInt(&j.ShortWords, v) },
	"neighbours":   func(j *Judge, v float64) string { j.Neighbours = v; return "" },
	"window":       func(j *Judge, v float64) string { return setInt(&j.Window, v) },
	"second":       func(j *Judge, v float64) string { j.Second = v; return "" },
	"quote_second": func(j *Judge, v float64) string { j.QuoteSecond = v; return "" },
	"extend":       func(j *Judge, v float64) string { j.Extend, j.HasExtend = v, true; return "" },
	"lookahead":    func(j *Judge, v float64) string { return setInt(&j.Lookahead, v) },
	"head_lines":   func(j *Judge, v float64) string { return setInt(&j.HeadLines, v) },
	"min_dropped":  func(j *Judge, v float64) string { return setInt(&j.MinDropped, v) },
	"min_short":    func(j *Judge, v float64) string { return setInt(&j.MinShort, v) },
}

func setInt(p *int, v float64) string {
	if v != float64(int(v)) || v < 0 {
		return fmt.Sprintf("want a whole number of 0 or more, got %v", v)
	}
	*p = int(v)
	return ""
}

// JudgeKeys returns the keys a judge mapping accepts, sorted.
func JudgeKeys() []string {
	out := make([]string, 0, len(judgeKeys))
	for k := range judgeKeys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// newCleanupRule returns a rule with the defaults of the format.
func newCleanupRule(pos Pos, source string) *CleanupRule {
	return &CleanupRule{Drop: DropLine, Protect: true, ProtectCues: true, Pos: pos, Source: source,
		MaxStopwords: 1, MaxCapitalized: 1, MaxDigits: 1}
}

// newJudge returns a judge with neutral weights.
func newJudge() *Judge {
	return &Judge{Floor: -1e9, Ceiling: 1e9, ShortWords: 4, HeadLines: 12}
}

// setJudge sets one judge weight; it returns a message when the key or the
// value is wrong.
func (c *CleanupRule) setJudge(key string, v float64) string {
	if c.Judge == nil {
		c.Judge = newJudge()
	}
	set, ok := judgeKeys[key]
	if !ok {
		return fmt.Sprintf("unknown judge key %q (allowed: %s)", key, joinKeys(JudgeKeys()))
	}
	return set(c.Judge, v)
}

// scalarKey is a scalar key of a cleanup rule: its kind (int, float or
// bool), whether it is a condition, and how to set it (a message when the
// value is wrong).
type scalarKey struct {
	kind string
	cond bool
	set  func(c *CleanupRule, i int, f float64, b bool) string
}

func intKey(field func(*CleanupRule) *int) scalarKey {
	return scalarKey{"int", true, func(c *CleanupRule, i int, _ float64, _ bool) string { *field(c) = i; return nonNeg(i) }}
}

func boolKey(cond bool, field func(*CleanupRule) *bool) scalarKey {
	return scalarKey{"bool", cond, func(c *CleanupRule, _ int, _ float64, b bool) string { *field(c) = b; return "" }}
}

func triKey(field func(*CleanupRule) *Tri) scalarKey {
	return scalarKey{"bool", true, func(c *CleanupRule, _ int, _ float64, b bool) string { *field(c) = tri(b); return "" }}
}

// shareKey is a float between 0 and 1; cond says whether it is a condition.
func shareKey(key string, cond bool, field func(*CleanupRule) *float64) scalarKey {
	return scalarKey{"float", cond, func(c *CleanupRule, _ int, f float64, _ bool) string { *field(c) = f; return share(key, f) }}
}

// cleanupScalars are the scalar keys of a cleanup rule other than id,
// description, drop, regex, words, only_words and judge.
var cleanupScalars = map[string]scalarKey{
	"max_words":         intKey(func(c *CleanupRule) *int { return &c.MaxWords }),
	"min_words":         intKey(func(c *CleanupRule) *int { return &c.MinWords }),
	"max_chars":         intKey(func(c *CleanupRule) *int { return &c.MaxChars }),
	"min_chars":         intKey(func(c *CleanupRule) *int { return &c.MinChars }),
	"short_run":         intKey(func(c *CleanupRule) *int { return &c.ShortRun }),
	"near_title":        intKey(func(c *CleanupRule) *int { return &c.NearTitle }),
	"good_within":       intKey(func(c *CleanupRule) *int { return &c.GoodWithin }),
	"no_good_within":    intKey(func(c *CleanupRule) *int { return &c.NoGoodWithin }),
	"after_good":        intKey(func(c *CleanupRule) *int { return &c.AfterGood }),
	"repeated":          boolKey(true, func(c *CleanupRule) *bool { return &c.Repeated }),
	"no_terminal_punct": boolKey(true, func(c *CleanupRule) *bool { return &c.NoTerminalPunct }),
	"between_dropped":   boolKey(true, func(c *CleanupRule) *bool { return &c.BetweenDropped }),
	"title_copy":        boolKey(true, func(c *CleanupRule) *bool { return &c.TitleCopy }),
	"numbered":          boolKey(true, func(c *CleanupRule) *bool { return &c.Numbered }),
	"protect":           boolKey(false, func(c *CleanupRule) *bool { return &c.Protect }),
	"protect_cues":      boolKey(false, func(c *CleanupRule) *bool { return &c.ProtectCues }),
	"terminal":          triKey(func(c *CleanupRule) *Tri { return &c.Terminal }),
	"quote":             triKey(func(c *CleanupRule) *Tri { return &c.Quote }),
	"all_caps":          triKey(func(c *CleanupRule) *Tri { return &c.AllCaps }),
	"first_in_article":  triKey(func(c *CleanupRule) *Tri { return &c.FirstInArticle }),
	"dropped":           triKey(func(c *CleanupRule) *Tri { return &c.Dropped }),
	"after":             shareKey("after", false, func(c *CleanupRule) *float64 { return &c.AfterFraction }),
	"before":            shareKey("before", false, func(c *CleanupRule) *float64 { return &c.BeforeFraction }),
	"min_stopwords":     shareKey("min_stopwords", true, func(c *CleanupRule) *float64 { return &c.MinStopwords }),
	"max_stopwords":     shareKey("max_stopwords", true, func(c *CleanupRule) *float64 { return &c.MaxStopwords }),
	"min_capitalized":   shareKey("min_capitalized", true, func(c *CleanupRule) *float64 { return &c.MinCapitalized }),
	"max_capitalized":   shareKey("max_capitalized", true, func(c *CleanupRule) *float64 { return &c.MaxCapitalized }),
	"min_digits":        shareKey("min_digits", true, func(c *CleanupRule) *float64 { return &c.MinDigits }),
	"max_digits":        shareKey("max_digits", true, func(c *CleanupRule) *float64 { return &c.MaxDigits }),
	"score": {"float", false, func(c *CleanupRule, _ int, f float64, _ bool) string {
		c.Scored, c.Score = true, f
		return ""
	}},
}

func tri(b bool) Tri {
	if b {
		return Yes
	}
	return No
}

func nonNeg(i int) string {
	if i < 0 {
		return "want 0 or more"
	}
	return ""
}

func share(key string, f float64) string {
	if f < 0 || f > 1 {
		return key + " must be between 0 and 1"
	}
	return ""
}

// cleanupKeys returns every key a cleanup rule accepts.
func cleanupKeys() []string {
	keys := []string{"id", "description", "drop", "regex", "words", "only_words", "prev", "next", "judge"}
	for k := range cleanupScalars {
		keys = append(keys, k)
	}
	sort.Strings(keys[9:])
	return keys
}

// nestedKeys returns the keys of prev: and next: (conditions on a line's
// shape, without list references or context).
func nestedKeys() []string {
	keys := []string{"regex"}
	for k, s := range cleanupScalars {
		if s.cond && !contextKey[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys[1:])
	return keys
}

// contextKey marks the conditions that look beyond the line itself.
var contextKey = map[string]bool{"short_run": true, "after_good": true, "between_dropped": true,
	"title_copy": true, "first_in_article": true, "near_title": true, "good_within": true,
	"no_good_within": true, "repeated": true, "numbered": true}

// setSide sets the prev: or next: conditions.
func (c *CleanupRule) setSide(key string, side *CleanupRule) {
	side.Protect = false
	if key == "prev" {
		c.Prev = side
	} else {
		c.Next = side
	}
}

// conditionKeys lists the condition keys, for messages.
func conditionKeys() string {
	keys := []string{"regex", "words", "only_words", "prev", "next"}
	for k, s := range cleanupScalars {
		if s.cond {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys[5:])
	return joinKeys(keys)
}

func joinKeys(keys []string) string { return strings.Join(keys, ", ") }

// check reports what is wrong with a decoded rule as a whole ("" when
// nothing is), and prepares the rule for matching.
func (c *CleanupRule) check(conds int) string {
	c.prepare()
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

// OnlyList reports whether Words[i] came from only_words (every word of the
// line must be in one of those lists) rather than from words (the line holds
// a word of one of them). The loader binds both kinds into Words, in order.
func (c *CleanupRule) OnlyList(i int) bool { return i < len(c.wordOnly) && c.wordOnly[i] }

// HasBytes reports whether the lower-case word b is in the list, without
// allocating.
func (l *List) HasBytes(b []byte) bool {
	if l == nil {
		return false
	}
	_, ok := l.words[string(b)]
	return ok
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
	for _, p := range l.phrases[words[i]] {
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

// prepare finds the needles of the rule's regex (and of prev: and next:).
func (c *CleanupRule) prepare() {
	for _, r := range []*CleanupRule{c, c.Prev, c.Next} {
		if r == nil || r.Regex == nil {
			continue
		}
		re, err := syntax.Parse(r.Regex.String(), syntax.Perl)
		if err != nil {
			continue
		}
		re = re.Simplify()
		r.needles = needles(re)
		r.prefixes = prefixes(re)
		for _, p := range r.prefixes {
			if p == "" {
				r.prefixes = nil
				break
			}
			r.firstBytes[p[0]] = true
		}
		r.suffixes = suffixes(re)
		r.must, r.mustBad = mustOf(re)
	}
}

// mustOf returns the must-needles of re and the characters that make them
// no test (see CleanupRule.must); nil when there are none worth a test.
func mustOf(re *syntax.Regexp) ([]string, string) {
	m := minimalNeedles(mustNeedles(re))
	if m == nil || !selective(m) {
		return nil, ""
	}
	bad := foldBad(re, nil)
	for _, b := range bad {
		if b < utf8.RuneSelf {
			// an ASCII letter would stop the test on most lines
			return nil, ""
		}
	}
	return m, string(bad)
}

// RegexFilter is the quick test CleanupRule.MustMay does, for another
// regex (a metadata date pattern).
type RegexFilter struct {
	must    []string
	mustBad string
}

// NewRegexFilter returns the filter of the regex.
func NewRegexFilter(re *Regexp) RegexFilter {
	if re == nil {
		return RegexFilter{}
	}
	p, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return RegexFilter{}
	}
	m, bad := mustOf(p.Simplify())
	return RegexFilter{must: m, mustBad: bad}
}

// May reports whether the regex may match text, whose lower-case form is
// lower (see CleanupRule.MustMay); it only says no when it cannot.
func (f *RegexFilter) May(text, lower string) bool {
	return mustMay(f.must, f.mustBad, text, lower)
}

// DateFilters returns the filters of the regexes res (the metadata date
// patterns): built once for the first list asked, afresh for any other.
func (x *NeedleIndex) DateFilters(res []*Regexp) []RegexFilter {
	build := func() []RegexFilter {
		fs := make([]RegexFilter, len(res))
		for i, re := range res {
			fs[i] = NewRegexFilter(re)
		}
		return fs
	}
	x.dateOnce.Do(func() { x.dateFor, x.dates = res, build() })
	if len(res) != len(x.dateFor) || len(res) > 0 && &res[0] != &x.dateFor[0] {
		return build()
	}
	return x.dates
}

// MustMay reports whether the rule's regex may match the line text, whose
// lower-case form (letters lowered only where that keeps their length, as
// cleanup does) is lower: whether lower holds, whole, one of the strings
// that every match holds. It only says no when the regex cannot match.
func (c *CleanupRule) MustMay(text, lower string) bool {
	return mustMay(c.must, c.mustBad, text, lower)
}

func mustMay(must []string, bad, text, lower string) bool {
	if must == nil {
		return true
	}
	for _, m := range must {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return bad != "" && holdsAnyRune(text, bad)
}

// holdsAnyRune reports whether s holds one of the characters of set, which
// are not ASCII.
func holdsAnyRune(s, set string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(set, r) {
			return true
		}
		i += n - 1
	}
	return false
}

// foldBad adds to bad the characters that a match of re may hold where
// the strings of needles have another character in lower case (see
// MustMay): those that the letters of its literals and small classes match
// and that the line's lower-case form does not lower to that of the needle.
// For instance, (?i)k matches the Kelvin sign, whose lower case is encoded
// in fewer bytes, so stays.
func foldBad(re *syntax.Regexp, bad []rune) []rune {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			want := unicode.ToLower(c)
			if lowerSame(c) != want {
				bad = append(bad, c)
			}
			if re.Flags&syntax.FoldCase != 0 {
				for r := unicode.SimpleFold(c); r != c; r = unicode.SimpleFold(r) {
					if lowerSame(r) != want {
						bad = append(bad, r)
					}
				}
			}
		}
	case syntax.OpCharClass:
		if classSize(re) <= 16 {
			for i := 0; i+1 < len(re.Rune); i += 2 {
				for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
					if lowerSame(r) != unicode.ToLower(r) {
						bad = append(bad, r)
					}
				}
			}
		}
	}
	for _, sub := range re.Sub {
		bad = foldBad(sub, bad)
	}
	return bad
}

// lowerSame returns r in lower case when that is encoded in as many bytes,
// else r (as cleanup lowers a line).
func lowerSame(r rune) rune {
	if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == utf8.RuneLen(r) {
		return l
	}
	return r
}

// classSize returns the number of characters of a character class.
func classSize(re *syntax.Regexp) int {
	n := 0
	for i := 0; i+1 < len(re.Rune); i += 2 {
		n += int(re.Rune[i+1]-re.Rune[i]) + 1
	}
	return n
}

// prefixes returns lower-case strings one of which every match of re, a
// regex anchored at the start of the text, begins with; nil when it cannot
// tell.
func prefixes(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpAlternate:
		return union(re.Sub, prefixes)
	case syntax.OpConcat:
		if len(re.Sub) >= 2 && re.Sub[0].Op == syntax.OpBeginText {
			return starts(re.Sub[1])
		}
	}
	return nil
}

// starts returns lower-case strings one of which every match of re begins
// with, or nil.
func starts(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCharClass:
		return classStrings(re)
	case syntax.OpPlus, syntax.OpRepeat:
		if re.Op == syntax.OpPlus || re.Min >= 1 {
			return starts(re.Sub[0])
		}
	case syntax.OpCapture:
		return starts(re.Sub[0])
	case syntax.OpConcat:
		if len(re.Sub) > 0 {
			return starts(re.Sub[0])
		}
	case syntax.OpAlternate:
		return union(re.Sub, starts)
	}
	return nil
}

// classStrings returns the lower-case characters of a small character
// class ([0-9], [»«|], [Bb]), or nil.
func classStrings(re *syntax.Regexp) []string {
	n := 0
	for i := 0; i+1 < len(re.Rune); i += 2 {
		n += int(re.Rune[i+1]-re.Rune[i]) + 1
	}
	if n == 0 || n > 16 {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for i := 0; i+1 < len(re.Rune); i += 2 {
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			if l := strings.ToLower(string(r)); !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	return out
}

// suffixes returns lower-case strings one of which every match of re, a
// regex anchored at the end of the text, ends with; nil when it cannot tell.
func suffixes(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture:
		return suffixes(re.Sub[0])
	case syntax.OpAlternate:
		return union(re.Sub, suffixes)
	case syntax.OpConcat:
		if n := len(re.Sub); n >= 2 && re.Sub[n-1].Op == syntax.OpEndText {
			switch last := re.Sub[n-2]; last.Op {
			case syntax.OpLiteral:
				return []string{strings.ToLower(string(last.Rune))}
			case syntax.OpCharClass:
				return classStrings(last)
			}
		}
	}
	return nil
}

// PrefixMay reports whether the rule's regex may match a line whose
// lower-case form is lower, judging by how the line starts and ends.
func (c *CleanupRule) PrefixMay(lower string) bool {
	if c.prefixes == nil {
		return c.suffixMay(lower)
	}
	if lower == "" || !c.firstBytes[lower[0]] {
		return false
	}
	for _, p := range c.prefixes {
		if strings.HasPrefix(lower, p) {
			return c.suffixMay(lower)
		}
	}
	return false
}

func (c *CleanupRule) suffixMay(lower string) bool {
	if c.suffixes == nil {
		return true
	}
	for _, p := range c.suffixes {
		if strings.HasSuffix(lower, p) {
			return true
		}
	}
	return false
}

// needleBytes is how much of each needle the index looks for.
const needleBytes = 5

// maxNeedles bounds the needles of a regex: beyond, the test would cost more
// than it saves.
const maxNeedles = 64

// needles returns lower-case strings one of which every match of re holds,
// or nil when it cannot tell.
func needles(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture, syntax.OpPlus:
		return needles(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needles(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		pick := func(n []string) {
			if n != nil && (best == nil || shortest(n) > shortest(best)) {
				best = n
			}
		}
		for _, sub := range re.Sub {
			pick(needles(sub))
		}
		// runs of elements that match exact strings make longer needles:
		// ", " then (left|right) gives ", left", ", right"
		var run []string
		for _, sub := range re.Sub {
			e := exact(sub)
			if e == nil {
				pick(run)
				run = nil
				continue
			}
			if run == nil {
				run = e
				continue
			}
			if len(run)*len(e) > maxNeedles {
				pick(run)
				run = e
				continue
			}
			var prod []string
			for _, a := range run {
				for _, b := range e {
					prod = append(prod, a+b)
				}
			}
			run = prod
		}
		pick(run)
		return best
	case syntax.OpAlternate:
		return union(re.Sub, needles)
	}
	return nil
}

// mustNeedles returns lower-case strings one of which every match of re
// holds, or nil when it cannot tell. They are needles, but longer: a run of
// elements that match exact strings also joins the strings the element after
// it begins with ("/" then (getty|ap) gives "/getty", "/ap").
func mustNeedles(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return mustNeedles(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mustNeedles(re.Sub[0])
		}
	case syntax.OpAlternate:
		return union(re.Sub, mustNeedles)
	case syntax.OpConcat:
		best := needles(re)
		// the better of two sets is selective (see selective), then the one
		// whose shortest string is longer
		pick := func(n []string) {
			if n == nil {
				return
			}
			if best == nil || selective(n) && !selective(best) ||
				selective(n) == selective(best) && shortest(n) > shortest(best) {
				best = n
			}
		}
		for _, sub := range re.Sub {
			pick(mustNeedles(sub))
		}
		var run []string
		for _, sub := range re.Sub {
			if e := exact(sub); e != nil {
				run = product(run, e)
				continue
			}
			if st := longStarts(sub); run != nil && st != nil {
				pick(product(run, st))
			}
			run = nil
		}
		return best
	}
	return needles(re)
}

// longStarts returns lower-case strings one of which every match of re
// begins with, or nil: the strings of starts, made longer by the elements
// that follow at the start of a concatenation and match exact strings.
func longStarts(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture:
		return longStarts(re.Sub[0])
	case syntax.OpAlternate:
		return union(re.Sub, longStarts)
	case syntax.OpConcat:
		var run []string
		for _, sub := range re.Sub {
			e := exact(sub)
			if e == nil {
				if st := longStarts(sub); st != nil {
					if p := product(run, st); p != nil {
						return p
					}
				}
				break
			}
			p := product(run, e)
			if p == nil {
				break
			}
			run = p
		}
		if run != nil {
			return run
		}
	}
	return starts(re)
}

// minimalNeedles returns the needles without those that hold another (a
// line holding one holds the other) or repeat one.
func minimalNeedles(ns []string) []string {
	if ns == nil {
		return nil
	}
	out := make([]string, 0, len(ns))
	for i, n := range ns {
		redundant := false
		for j, m := range ns {
			if j != i && strings.Contains(n, m) && (len(m) < len(n) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, n)
		}
	}
	return out
}

// product returns the strings a+b for a in as and b in bs (bs when as is
// nil), or nil when they would be too many.
func product(as, bs []string) []string {
	if as == nil {
		return bs
	}
	if len(as)*len(bs) > maxNeedles {
		return nil
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return out
}

// selective reports whether needles are worth a test: none is a single
// letter, digit or space.
func selective(needles []string) bool {
	for _, n := range needles {
		if len(n) == 1 && (n[0] == ' ' || n[0] >= '0' && n[0] <= '9' || n[0] >= 'a' && n[0] <= 'z') {
			return false
		}
	}
	return true
}

// union returns the strings f gives for each of subs, or nil when f gives
// nil for one of them or there are too many.
func union(subs []*syntax.Regexp, f func(*syntax.Regexp) []string) []string {
	var all []string
	for _, sub := range subs {
		x := f(sub)
		if x == nil {
			return nil
		}
		all = append(all, x...)
	}
	if len(all) > maxNeedles {
		return nil
	}
	return all
}

// exact returns the lower-case strings re matches, when they are few and
// it matches nothing else; nil otherwise.
func exact(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpCharClass:
		return classStrings(re)
	case syntax.OpAlternate:
		return union(re.Sub, exact)
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			e := exact(sub)
			if e == nil || len(out)*len(e) > maxNeedles {
				return nil
			}
			var prod []string
			for _, a := range out {
				for _, b := range e {
					prod = append(prod, a+b)
				}
			}
			out = prod
		}
		return out
	}
	return nil
}

func shortest(ss []string) int {
	n := 1 << 30
	for _, s := range ss {
		n = min(n, len(s))
	}
	return n
}

// NeedleIndex finds, in one pass over a lower-case line, which rules of a
// cleanup list may apply: a rule whose regex needs one of a few strings
// cannot apply to a line holding none of them. It is built
// once per list, on first use, and is safe for concurrent use.
type NeedleIndex struct {
	// per rule: -1 when the rule's regex has no needles, else its place in a
	// line's hits
	slot  []int
	words []int // the same for the rule's small words: lists
	// phases[p][w]: the rules of phase p that may apply to a line of w words
	phases [phases][maxBucket + 1][]int
	ac     acMatcher

	// dates: the filters of the regexes dateFor, built on first use
	dateOnce sync.Once
	dateFor  []*Regexp
	dates    []RegexFilter

	// Scratch keeps working buffers of the users of the index (cleanup's,
	// per document) from one call to the next.
	Scratch sync.Pool

	// stop: a word set of the list stopFor, built on first use
	stopOnce sync.Once
	stopFor  *List
	stop     *WordSet
}

// WordSet returns a WordSet of the list l: built once for the first list
// asked (cleanup's stopwords list), afresh for any other.
func (x *NeedleIndex) WordSet(l *List) *WordSet {
	x.stopOnce.Do(func() { x.stopFor, x.stop = l, NewWordSet(l) })
	if l != x.stopFor {
		return NewWordSet(l)
	}
	return x.stop
}

// WordSet answers List.Has faster for the short words of a list: words of
// up to 16 bytes are packed into two integers and looked up in an
// open-addressing table; longer ones are looked up in the list.
type WordSet struct {
	slots []wordSlot
	shift uint
	list  *List
	// first, last: per length (up to 16 bytes), the bytes the words of that
	// length begin and end with, one bit each (a quick no)
	first, last [17][4]uint64
}

type wordSlot struct {
	a, b uint64
	n    int // length in bytes; 0: empty
}

// NewWordSet returns the word set of the list (which may be nil).
func NewWordSet(l *List) *WordSet {
	ws := &WordSet{list: l}
	n := 0
	if l != nil {
		n = len(l.words)
	}
	bits := uint(4)
	for 1<<bits < 2*n {
		bits++
	}
	ws.slots = make([]wordSlot, 1<<bits)
	ws.shift = 64 - bits
	if l == nil {
		return ws
	}
	for w := range l.words {
		if w == "" || len(w) > 16 {
			continue
		}
		ws.first[len(w)][w[0]>>6] |= 1 << (w[0] & 63)
		ws.last[len(w)][w[len(w)-1]>>6] |= 1 << (w[len(w)-1] & 63)
		a, b := packWord(w)
		for k := ws.slot(a, b, len(w)); ; k = (k + 1) & (len(ws.slots) - 1) {
			if ws.slots[k].n == 0 {
				ws.slots[k] = wordSlot{a, b, len(w)}
				break
			}
		}
	}
	return ws
}

// MayHave is a quick test of a word of 1 to 16 bytes: false when no word
// of the list has its length and its first and last bytes (then Has is
// false too).
func (ws *WordSet) MayHave(w string) bool {
	n, f, l := len(w), w[0], w[len(w)-1]
	return ws.first[n][f>>6]&(1<<(f&63)) != 0 && ws.last[n][l>>6]&(1<<(l&63)) != 0
}

func packWord(w string) (a, b uint64) {
	if len(w) >= 8 {
		a = uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		for i := 8; i < len(w); i++ {
			b |= uint64(w[i]) << (8 * (i - 8))
		}
		return a, b
	}
	for i := 0; i < len(w); i++ {
		a |= uint64(w[i]) << (8 * i)
	}
	return a, 0
}

func (ws *WordSet) slot(a, b uint64, n int) int {
	return int((a*0x9e3779b97f4a7c15 ^ b*0xc2b2ae3d27d4eb4f ^ uint64(n)*0x165667b19e3779f9) >> ws.shift)
}

// Has reports whether the lower-case word w is in the list (as List.Has).
func (ws *WordSet) Has(w string) bool {
	if len(w) > 16 || w == "" {
		return ws.list.Has(w)
	}
	if !ws.MayHave(w) {
		return false
	}
	a, b := packWord(w)
	return ws.find(a, b, len(w))
}

// find reports whether the set holds the word of n bytes packed as a, b.
func (ws *WordSet) find(a, b uint64, n int) bool {
	for k := ws.slot(a, b, n); ; k = (k + 1) & (len(ws.slots) - 1) {
		sl := &ws.slots[k]
		if sl.n == 0 {
			return false
		}
		if sl.a == a && sl.b == b && sl.n == n {
			return true
		}
	}
}

// HasAt is Has(s[i:j]); it packs the word with one or two eight-byte reads
// of s (and masks) where s holds sixteen bytes from i, instead of byte by
// byte.
func (ws *WordSet) HasAt(s string, i, j int) bool {
	n := j - i
	if n == 0 || n > 16 || i+16 > len(s) {
		return ws.Has(s[i:j])
	}
	if !ws.MayHave(s[i:j]) {
		return false
	}
	a, b := le64(s, i), le64(s, i+8)
	switch {
	case n < 8:
		a &= 1<<(8*n) - 1
		b = 0
	case n == 8:
		b = 0
	case n < 16:
		b &= 1<<(8*(n-8)) - 1
	}
	return ws.find(a, b, n)
}

// le64 returns the 8 bytes of s at i as a little-endian integer.
func le64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Index returns the needle index of the list (held by its first rule).
func Index(list []*CleanupRule) *NeedleIndex {
	if len(list) == 0 {
		return &NeedleIndex{}
	}
	h := list[0]
	h.indexOnce.Do(func() { h.index = buildIndex(list) })
	return h.index
}

func buildIndex(list []*CleanupRule) *NeedleIndex {
	x := &NeedleIndex{slot: make([]int, len(list))}
	var pats []string
	var owners []int
	x.words = make([]int, len(list))
	k := 0
	add := func(ns []string) int {
		for _, n := range ns {
			// a needle's first bytes are needed as well: short needles keep
			// the automaton small enough for the processor's caches
			pats = append(pats, n[:min(len(n), needleBytes)])
			owners = append(owners, k)
		}
		k++
		return k - 1
	}
	for i, c := range list {
		x.slot[i], x.words[i] = -1, -1
		// a needle of one letter, digit or space would be found in most
		// lines: no test then
		if c.needles != nil && selective(c.needles) {
			x.slot[i] = add(c.needles)
		}
		// small word lists (a comment policy's phrases) too; large ones
		// cost more in the automaton than the look-up of a line's words
		var forms []string
		for w, l := range c.Words {
			if !c.OnlyList(w) {
				forms = append(forms, l.Forms()...)
			}
		}
		if len(forms) > 0 && len(forms) <= maxNeedles && selective(forms) {
			x.words[i] = add(forms)
		}
	}
	x.ac = newAC(pats, owners, k)
	for i, c := range list {
		ph := phaseOf(c)
		if ph < 0 {
			continue
		}
		for w := 0; w <= maxBucket; w++ {
			if w >= c.MinWords || c.MinWords > maxBucket && w == maxBucket {
				if c.MaxWords == 0 || w <= c.MaxWords {
					x.phases[ph][w] = append(x.phases[ph][w], i)
				}
			}
		}
	}
	return x
}

// The phases of cleanup, in which rules apply.
const (
	PhaseLine    = iota // line rules
	PhaseBetween        // line rules that look at dropped neighbours
	PhaseScore          // scored rules
	PhaseContext        // scored rules with good_within or no_good_within
	PhaseRest           // drop: rest rules
	PhaseLate           // line rules that look at the article
	phases
)

// maxBucket: lines of this many words or more share one list of rules.
const maxBucket = 64

func phaseOf(c *CleanupRule) int {
	switch {
	case c.Judge != nil:
		return -1
	case c.Scored && (c.GoodWithin > 0 || c.NoGoodWithin > 0):
		return PhaseContext
	case c.Scored:
		return PhaseScore
	case c.Drop == DropRest:
		return PhaseRest
	case c.FirstInArticle != Any:
		return PhaseLate
	case c.BetweenDropped:
		return PhaseBetween
	}
	return PhaseLine
}

// Rules returns the places in the list, in order, of the rules of a phase
// that may apply to a line of this many words.
func (x *NeedleIndex) Rules(phase, words int) []int {
	return x.phases[phase][min(words, maxBucket)]
}

// Hits is the set of needle groups found in a line, one bit per group (a
// group past the 64th always counts as found).
type Hits uint64

// Scan returns which needles occur in the lower-case line.
func (x *NeedleIndex) Scan(lower string) Hits { return x.ac.scan(lower) }

// RegexMay reports whether rule i's regex may match a line with hits h.
func (x *NeedleIndex) RegexMay(i int, h Hits) bool { return h.has(x.slot[i]) }

// WordsMay reports whether a line with hits h may hold a word of rule i's
// words: lists.
func (x *NeedleIndex) WordsMay(i int, h Hits) bool { return h.has(x.words[i]) }

func (h Hits) has(slot int) bool { return slot < 0 || slot >= 64 || h&(1<<uint(slot)) != 0 }

// acMatcher is an Aho-Corasick automaton over bytes, compiled to a table
// over byte classes (the bytes of the needles, and one class for the rest).
type acMatcher struct {
	class   [256]uint8
	classes int
	delta   []uint16 // node*classes + class -> node
	out     [][]int  // owners whose needle ends at the node (with the fail chain), while built
	mask    []Hits   // node -> the groups whose needle ends there
	all     bool     // no table: every needle counts as found
	outs    int
	// fast: the same automaton with the nodes renumbered, those where a
	// needle ends last, and each transition giving the next node's row
	// (node*classes), so that a step needs no multiplication and the
	// masks are looked up at those nodes only (nil: too many nodes)
	fast    []uint16
	outFrom int    // the row of the first node where a needle ends
	outMask []Hits // per such node, from outFrom on
}

func newAC(pats []string, owners []int, outs int) acMatcher {
	m := acMatcher{outs: outs}
	// byte classes: 0 for bytes no needle holds
	for _, p := range pats {
		for i := 0; i < len(p); i++ {
			if m.class[p[i]] == 0 {
				m.classes++
				m.class[p[i]] = uint8(m.classes)
			}
		}
	}
	m.classes++
	// trie (goto function), -1 where undefined
	gotoT := [][]int32{make([]int32, m.classes)}
	for i := range gotoT[0] {
		gotoT[0][i] = -1
	}
	m.out = [][]int{nil}
	for p, pat := range pats {
		n := int32(0)
		for i := 0; i < len(pat); i++ {
			c := m.class[pat[i]]
			if gotoT[n][c] < 0 {
				row := make([]int32, m.classes)
				for k := range row {
					row[k] = -1
				}
				gotoT = append(gotoT, row)
				m.out = append(m.out, nil)
				gotoT[n][c] = int32(len(gotoT) - 1)
			}
			n = gotoT[n][c]
		}
		m.out[n] = append(m.out[n], owners[p])
	}
	// breadth first: complete the table with the fail links
	if len(gotoT) > 1<<16 {
		// too many nodes for the table: no test (every rule may apply)
		return acMatcher{outs: outs, all: true}
	}
	m.delta = make([]uint16, len(gotoT)*m.classes)
	fail := make([]uint16, len(gotoT))
	var queue []int32
	for c := 0; c < m.classes; c++ {
		if t := gotoT[0][c]; t >= 0 {
			m.delta[c] = uint16(t)
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		m.out[n] = append(m.out[n], m.out[fail[n]]...)
		for c := 0; c < m.classes; c++ {
			t := gotoT[n][c]
			if t < 0 {
				m.delta[int(n)*m.classes+c] = m.delta[int(fail[n])*m.classes+c]
				continue
			}
			m.delta[int(n)*m.classes+c] = uint16(t)
			fail[t] = m.delta[int(fail[n])*m.classes+c]
			queue = append(queue, t)
		}
	}
	m.mask = make([]Hits, len(m.out))
	for n, os := range m.out {
		for _, o := range os {
			if o < 64 {
				m.mask[n] |= 1 << uint(o)
			}
		}
	}
	m.out = nil
	m.renumber()
	return m
}

// renumber fills fast, outFrom and outMask (see acMatcher), when the root
// has no needle ending at it and the rows fit in 16 bits.
func (m *acMatcher) renumber() {
	nodes := len(m.mask)
	if m.mask[0] != 0 || nodes*m.classes >= 1<<16 {
		return
	}
	// the root (no needle ends there) stays node 0
	id := make([]int, nodes)
	next := 0
	for _, out := range []bool{false, true} {
		if out {
			m.outFrom = next * m.classes
		}
		for n := 0; n < nodes; n++ {
			if (m.mask[n] != 0) == out {
				id[n] = next
				next++
			}
		}
	}
	m.fast = make([]uint16, nodes*m.classes)
	m.outMask = make([]Hits, nodes-m.outFrom/m.classes)
	for n := 0; n < nodes; n++ {
		for c := 0; c < m.classes; c++ {
			m.fast[id[n]*m.classes+c] = uint16(id[m.delta[n*m.classes+c]] * m.classes)
		}
		if m.mask[n] != 0 {
			m.outMask[id[n]-m.outFrom/m.classes] = m.mask[n]
		}
	}
}

func (m *acMatcher) scan(s string) Hits {
	if m.all {
		return ^Hits(0)
	}
	var h Hits
	if m.fast != nil {
		row := 0
		for i := 0; i < len(s); i++ {
			row = int(m.fast[row+int(m.class[s[i]])])
			if row >= m.outFrom {
				h |= m.outMask[(row-m.outFrom)/m.classes]
			}
		}
		return h
	}
	n := uint16(0)
	for i := 0; i < len(s); i++ {
		n = m.delta[int(n)*m.classes+int(m.class[s[i]])]
		h |= m.mask[n]
	}
	return h
}
