package rules

import (
	"github.com/whosaid/whosaid/internal/needle"
	"github.com/whosaid/whosaid/internal/wordtab"
)

// cleanupIndex holds what the cleanup stage reads of a ruleset besides its
// rules, built once when the ruleset is loaded: the needle index of the
// cleanup list, the quick tests of the metadata date patterns and the word
// set of the stopwords list.
type cleanupIndex struct {
	// list, dates, stopList: what the index was built for; when a caller
	// changed them after Load, the accessors build afresh
	list     []*CleanupRule
	dates    []*Regexp
	stopList *List

	index       *needle.Index
	dateFilters []needle.Filter
	stop        *wordtab.Set
}

// listStopwords is the list whose share of a line's words cleanup rules
// test (min_stopwords, max_stopwords).
const listStopwords = "stopwords"

// buildCleanupIndex returns the cleanup index of the ruleset.
func buildCleanupIndex(rs *Ruleset) *cleanupIndex {
	ci := &cleanupIndex{list: rs.Cleanup, dates: rs.Metadata.Date, stopList: rs.Lists[listStopwords]}
	ci.index = indexOf(rs.Cleanup)
	ci.dateFilters = dateFiltersOf(rs.Metadata.Date)
	ci.stop = ci.stopList.WordSet()
	return ci
}

// indexOf returns the needle index of a cleanup list.
func indexOf(list []*CleanupRule) *needle.Index {
	spec := make([]needle.Rule, len(list))
	for i, c := range list {
		spec[i] = needle.Rule{Phase: phaseOf(c), MinWords: c.MinWords, MaxWords: c.MaxWords}
		if c.Regex != nil {
			spec[i].Filter = &c.filter
		}
		for _, l := range c.Words {
			spec[i].Forms = append(spec[i].Forms, l.Forms()...)
		}
	}
	return needle.Build(spec)
}

func dateFiltersOf(res []*Regexp) []needle.Filter {
	fs := make([]needle.Filter, len(res))
	for i, re := range res {
		if re != nil {
			fs[i] = mustFilterOf(re.String())
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

// CleanupIndex returns the needle index of the ruleset's cleanup list, built
// when the ruleset was loaded (built afresh when Cleanup was replaced since).
// It is for the extract package, which applies the rules.
func (rs *Ruleset) CleanupIndex() *needle.Index {
	if rs.clean != nil && sameList(rs.clean.list, rs.Cleanup) {
		return rs.clean.index
	}
	return indexOf(rs.Cleanup)
}

// DateFilters returns the quick tests of the metadata date patterns, one per
// pattern, built when the ruleset was loaded. It is for the extract package.
func (rs *Ruleset) DateFilters() []needle.Filter {
	if rs.clean != nil && sameList(rs.clean.dates, rs.Metadata.Date) {
		return rs.clean.dateFilters
	}
	return dateFiltersOf(rs.Metadata.Date)
}

// StopWords returns the word set of the stopwords list, whose share of a
// line's words cleanup rules test, built when the ruleset was loaded.
func (rs *Ruleset) StopWords() *wordtab.Set {
	if l := rs.Lists[listStopwords]; rs.clean == nil || l != rs.clean.stopList {
		return l.WordSet()
	}
	return rs.clean.stop
}
