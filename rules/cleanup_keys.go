package rules

import (
	"fmt"
	"math/bits"
	"sort"
	"strings"
)

// judgeSetters lists the keys of a judge mapping and how to set them.
var judgeSetters = map[string]func(j *Judge, v float64) string{
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

// judgeKeyNames returns the keys a judge mapping accepts, sorted.
func judgeKeyNames() []string {
	out := make([]string, 0, len(judgeSetters))
	for k := range judgeSetters {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// setJudge sets one judge weight; it returns a message when the key or the
// value is wrong.
func (c *CleanupRule) setJudge(key string, v float64) string {
	if c.Judge == nil {
		c.Judge = newJudge()
	}
	set, ok := judgeSetters[key]
	if !ok {
		return fmt.Sprintf("unknown judge key %q (allowed: %s)", key, joinKeys(judgeKeyNames()))
	}
	return set(c.Judge, v)
}

// scalarKey is a scalar key of a cleanup rule, declared once in
// cleanupScalars: its kind (int, float or bool), what it is, how to set it
// (a message when the value is wrong) and whether a rule sets it.
type scalarKey struct {
	kind string
	cond bool // a condition (a rule needs one); see keyRole
	// role: a condition or an option, and where a condition applies
	role keyRole
	set  func(c *CleanupRule, i int, f float64, b bool) string
	// active reports whether the rule sets the key to other than its neutral
	// value (for options and bounds: false)
	active func(c *CleanupRule) bool
}

// keyRole says what a scalar key of a cleanup rule is.
type keyRole uint8

// Key roles.
const (
	// option: not a condition (protect, score; after and before narrow a
	// rule but are no condition of their own)
	option keyRole = iota
	// bound: a word bound, which the index and cleanup test first
	bound
	// shape: a condition on the line itself, which prev: and next: take too
	shape
	// context: a condition that looks beyond the line
	context
	// restOnly: a condition that the drop: rest pass tests itself
	// (after_good)
	restOnly
	// ranged: after and before, tested as shapes but no condition of their own
	ranged
)

// scalar returns the key of a kind and role, with its cond flag.
func scalar(kind string, role keyRole, set func(c *CleanupRule, i int, f float64, b bool) string, active func(c *CleanupRule) bool) scalarKey {
	return scalarKey{kind, role != option && role != ranged, role, set, active}
}

// tested reports whether cleanup tests the key among a rule's shape and
// context conditions (see CleanupRule.Conditions).
func (k scalarKey) tested() bool { return k.role == shape || k.role == context || k.role == ranged }

func intKey(role keyRole, field func(*CleanupRule) *int) scalarKey {
	return scalar("int", role,
		func(c *CleanupRule, i int, _ float64, _ bool) string { *field(c) = i; return nonNeg(i) },
		func(c *CleanupRule) bool { return *field(c) > 0 })
}

func boolKey(role keyRole, field func(*CleanupRule) *bool) scalarKey {
	return scalar("bool", role,
		func(c *CleanupRule, _ int, _ float64, b bool) string { *field(c) = b; return "" },
		func(c *CleanupRule) bool { return *field(c) })
}

func triKey(role keyRole, field func(*CleanupRule) *Tri) scalarKey {
	return scalar("bool", role,
		func(c *CleanupRule, _ int, _ float64, b bool) string { *field(c) = tri(b); return "" },
		func(c *CleanupRule) bool { return *field(c) != Any })
}

// shareKey is a float between 0 and 1 whose neutral value is neutral.
func shareKey(key string, role keyRole, neutral float64, field func(*CleanupRule) *float64) scalarKey {
	return scalar("float", role,
		func(c *CleanupRule, _ int, f float64, _ bool) string { *field(c) = f; return share(key, f) },
		func(c *CleanupRule) bool { return *field(c) != neutral })
}

// cleanupScalars are the scalar keys of a cleanup rule other than id,
// description, drop, regex, words, only_words and judge, sorted by name
// (TestCleanupScalarsSorted). A new condition is a field of CleanupRule,
// an entry here, and its test in the cleanup stage (extract's shape tests,
// which a test keeps in step with this table). A sorted slice, not a map:
// Conditions lists the keys in this order, for each rule a process's
// first document meets, which cost a map iteration and a sort on first
// use; scalarIndex finds a key by name.
var cleanupScalars = []namedKey{
	{"after", shareKey("after", ranged, 0, func(c *CleanupRule) *float64 { return &c.AfterFraction })},
	{"after_good", intKey(restOnly, func(c *CleanupRule) *int { return &c.AfterGood })},
	{"all_caps", triKey(shape, func(c *CleanupRule) *Tri { return &c.AllCaps })},
	{"before", shareKey("before", ranged, 0, func(c *CleanupRule) *float64 { return &c.BeforeFraction })},
	{"between_dropped", boolKey(context, func(c *CleanupRule) *bool { return &c.BetweenDropped })},
	{"dropped", triKey(shape, func(c *CleanupRule) *Tri { return &c.Dropped })},
	{"first_in_article", triKey(context, func(c *CleanupRule) *Tri { return &c.FirstInArticle })},
	{"good_within", intKey(context, func(c *CleanupRule) *int { return &c.GoodWithin })},
	{"max_capitalized", shareKey("max_capitalized", shape, 1, func(c *CleanupRule) *float64 { return &c.MaxCapitalized })},
	{"max_chars", intKey(shape, func(c *CleanupRule) *int { return &c.MaxChars })},
	{"max_digits", shareKey("max_digits", shape, 1, func(c *CleanupRule) *float64 { return &c.MaxDigits })},
	{"max_stopwords", shareKey("max_stopwords", shape, 1, func(c *CleanupRule) *float64 { return &c.MaxStopwords })},
	{"max_words", intKey(bound, func(c *CleanupRule) *int { return &c.MaxWords })},
	{"min_capitalized", shareKey("min_capitalized", shape, 0, func(c *CleanupRule) *float64 { return &c.MinCapitalized })},
	{"min_chars", intKey(shape, func(c *CleanupRule) *int { return &c.MinChars })},
	{"min_digits", shareKey("min_digits", shape, 0, func(c *CleanupRule) *float64 { return &c.MinDigits })},
	{"min_stopwords", shareKey("min_stopwords", shape, 0, func(c *CleanupRule) *float64 { return &c.MinStopwords })},
	{"min_words", intKey(bound, func(c *CleanupRule) *int { return &c.MinWords })},
	{"near_title", intKey(context, func(c *CleanupRule) *int { return &c.NearTitle })},
	{"no_good_within", intKey(context, func(c *CleanupRule) *int { return &c.NoGoodWithin })},
	{"no_terminal_punct", boolKey(shape, func(c *CleanupRule) *bool { return &c.NoTerminalPunct })},
	{"numbered", boolKey(context, func(c *CleanupRule) *bool { return &c.Numbered })},
	{"protect", boolKey(option, func(c *CleanupRule) *bool { return &c.Protect })},
	{"protect_cues", boolKey(option, func(c *CleanupRule) *bool { return &c.ProtectCues })},
	{"quote", triKey(shape, func(c *CleanupRule) *Tri { return &c.Quote })},
	{"repeated", boolKey(context, func(c *CleanupRule) *bool { return &c.Repeated })},
	{"score", scalar("float", option, func(c *CleanupRule, _ int, f float64, _ bool) string {
		c.Scored, c.Score = true, f
		return ""
	}, func(*CleanupRule) bool { return false })},
	{"short_run", intKey(context, func(c *CleanupRule) *int { return &c.ShortRun })},
	{"terminal", triKey(shape, func(c *CleanupRule) *Tri { return &c.Terminal })},
	{"title_copy", boolKey(context, func(c *CleanupRule) *bool { return &c.TitleCopy })},
}

// Conditions returns the keys of the conditions of the rule that cleanup
// tests on a line's shape and context (all but the word bounds, regex,
// words, only_words and after_good), sorted, with "prev" and "next" when
// the rule has them; empty for most line rules.
func (c *CleanupRule) Conditions() []string {
	if c.decoded {
		return c.conditionsOf(c.testedKeys) // the keys its file set: most none
	}
	return c.conditions()
}

// conditions is Conditions, looking at every key.
func (c *CleanupRule) conditions() []string { return c.conditionsOf(allScalars) }

// allScalars is the mask of every key of cleanupScalars (see keyMask).
const allScalars = ^keyMask(0)

// keyMask is a set of keys of cleanupScalars, a bit by index.
type keyMask uint32

// conditionsOf is Conditions, looking at the keys of mask only.
func (c *CleanupRule) conditionsOf(mask keyMask) []string {
	var out []string
	for m := mask; m != 0; m &= m - 1 {
		i := bits.TrailingZeros32(uint32(m))
		if i >= len(cleanupScalars) {
			break
		}
		// (by pointer: a namedKey is ~80 bytes)
		if k := &cleanupScalars[i]; k.tested() && k.active(c) {
			out = append(out, k.name)
		}
	}
	if c.Prev != nil {
		out = append(out, "prev")
	}
	if c.Next != nil {
		out = append(out, "next")
	}
	return out
}

// namedKey is a key of cleanupScalars and its entry.
type namedKey struct {
	name string
	scalarKey
}

// scalarOf returns the index of the entry of cleanupScalars named key (-1
// for another key).
func scalarOf(key string) int {
	if i, ok := scalarIndex[key]; ok {
		return int(i)
	}
	return -1
}

// scalarIndex is the index of each key in cleanupScalars, made in the
// package's set-up (as the map of the keys was): the decoder looks up every
// key of every cleanup rule, which a bisection of the slice made slower
// than a map by ~50 K instructions a load.
var scalarIndex = func() map[string]uint8 {
	m := make(map[string]uint8, len(cleanupScalars))
	for i := range cleanupScalars {
		m[cleanupScalars[i].name] = uint8(i)
	}
	return m
}()

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
	for _, k := range cleanupScalars {
		keys = append(keys, k.name)
	}
	sort.Strings(keys[9:])
	return keys
}

// nestedKeys returns the keys of prev: and next: (conditions on a line's
// shape, without list references or context).
func nestedKeys() []string {
	keys := []string{"regex"}
	for _, k := range cleanupScalars {
		if k.role == shape || k.role == bound {
			keys = append(keys, k.name)
		}
	}
	sort.Strings(keys[1:])
	return keys
}

// conditionKeys lists the condition keys, for messages.
func conditionKeys() string {
	keys := []string{"regex", "words", "only_words", "prev", "next"}
	for _, k := range cleanupScalars {
		if k.cond {
			keys = append(keys, k.name)
		}
	}
	sort.Strings(keys[5:])
	return joinKeys(keys)
}

func joinKeys(keys []string) string { return strings.Join(keys, ", ") }
