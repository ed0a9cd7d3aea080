package rules

import (
	"github.com/whosaid/whosaid/internal/compiled"
	"github.com/whosaid/whosaid/internal/needle"
)

// cleanupIndex holds what the extract stages read of a ruleset besides
// its rules, built once when the ruleset is loaded (see Compiled).
type cleanupIndex struct {
	// list, dates, stopList, abbrList: what it was built for; when a caller
	// changed them after Load, Compiled builds afresh what they feed
	list               []*CleanupRule
	dates              []*Regexp
	stopList, abbrList *List

	compiled compiled.Rules[*CleanupRule]
}

// listStopwords is the list whose share of a line's words cleanup rules
// test (min_stopwords, max_stopwords).
const listStopwords = "stopwords"

// buildCleanupIndex returns the cleanup index of the ruleset.
func buildCleanupIndex(rs *Ruleset) *cleanupIndex {
	ci := &cleanupIndex{list: rs.Cleanup, dates: rs.Metadata.Date,
		stopList: rs.Lists[listStopwords], abbrList: rs.Lists[ListAbbreviations]}
	ci.compiled = compiled.Rules[*CleanupRule]{
		DateFilters: dateFiltersOf(rs.Metadata.Date),
		Filter:      (*CleanupRule).quickFilter,
	}
	c := &ci.compiled
	if st := rs.static; st != nil {
		// made when the static data was made (see static.go)
		c.Index = st.cleanupIndex(rs.Cleanup)
		c.Stop, c.Abbr = st.wordSet(&st.Stop, ci.stopList), st.wordSet(&st.Abbr, ci.abbrList)
	}
	if c.Index == nil {
		c.Index = indexOf(rs.Cleanup)
	}
	if c.Stop == nil {
		c.Stop, c.Abbr = ci.stopList.wordSet(), ci.abbrList.wordSet()
	}
	return ci
}

// indexOf returns the needle index of a cleanup list.
func indexOf(list []*CleanupRule) *needle.Index {
	spec := make([]needle.Rule, len(list))
	for i, c := range list {
		spec[i] = needle.Rule{Phase: phaseOf(c), MinWords: c.MinWords, MaxWords: c.MaxWords}
		if c.Regex != nil {
			spec[i].Filter = c.quickFilter()
		}
		for _, l := range c.Words {
			spec[i].Forms = append(spec[i].Forms, l.Forms()...)
		}
	}
	return needle.Build(spec)
}

// dateFiltersOf returns the quick tests of the date patterns res, each
// made on first use (mined beforehand for the defaults; an article reads
// those of the patterns before the one that finds its date).
func dateFiltersOf(res []*Regexp) []needle.Lazy {
	fs := make([]needle.Lazy, len(res))
	for i, re := range res {
		if re != nil {
			fs[i].Init(re.String(), mustFilterOf)
		} else {
			fs[i].Init("", func(string) needle.Filter { return needle.Filter{} })
		}
	}
	return fs
}

// phaseOf returns the cleanup phase a rule applies in (-1 for the judge).
func phaseOf(c *CleanupRule) int {
	switch {
	case c.Judge != nil:
		return -1
	case c.Scored && (c.GoodWithin > 0 || c.NoGoodWithin > 0):
		return needle.PhaseContext
	case c.Scored:
		return needle.PhaseScore
	case c.Drop == DropRest:
		return needle.PhaseRest
	case c.FirstInArticle != Any:
		return needle.PhaseLate
	case c.BetweenDropped:
		return needle.PhaseBetween
	}
	return needle.PhaseLine
}

// sameList reports whether a and b are the same slice (the same elements
// in the same array).
func sameList[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// Compiled returns what the ruleset compiles for the extract package's
// stages, built when the ruleset was loaded (what a caller replaced since —
// Cleanup, Metadata.Date, the stopwords or abbreviations list — is built
// afresh). It is for the extract package: its type is internal to this
// module.
func (rs *Ruleset) Compiled() *compiled.Rules[*CleanupRule] {
	ci := rs.clean
	if ci == nil {
		ci = &cleanupIndex{compiled: compiled.Rules[*CleanupRule]{Filter: (*CleanupRule).quickFilter}}
	}
	stop, abbr := rs.Lists[listStopwords], rs.Lists[ListAbbreviations]
	fresh := rs.clean != nil && sameList(ci.list, rs.Cleanup) && sameList(ci.dates, rs.Metadata.Date) &&
		stop == ci.stopList && abbr == ci.abbrList
	if fresh {
		return &ci.compiled
	}
	c := ci.compiled
	if rs.clean == nil || !sameList(ci.list, rs.Cleanup) {
		c.Index = indexOf(rs.Cleanup)
	}
	if rs.clean == nil || !sameList(ci.dates, rs.Metadata.Date) {
		c.DateFilters = dateFiltersOf(rs.Metadata.Date)
	}
	if rs.clean == nil || stop != ci.stopList {
		c.Stop = stop.wordSet()
	}
	if rs.clean == nil || abbr != ci.abbrList {
		c.Abbr = abbr.wordSet()
	}
	return &c
}
