// Package compiled holds what a ruleset compiles for the extract package's
// stages, built once when the ruleset is loaded: the needle index of the
// cleanup rules, the quick tests of their regexes and of the metadata date
// patterns, and the word sets of the stopwords and abbreviations lists.
//
// The rules package builds it (rules.Ruleset.Compiled) and the extract
// package reads it; it lives under internal/ so that the rule engine's
// public surface shows what a caller needs, not this machinery.
package compiled

import (
	"github.com/whosaid/whosaid/internal/needle"
	"github.com/whosaid/whosaid/internal/wordtab"
)

// Rules is the compiled form of a ruleset whose cleanup rules are of type R.
type Rules[R any] struct {
	// Index is the needle index of the cleanup list.
	Index *needle.Index
	// DateFilters are the quick tests of the metadata date patterns, one per
	// pattern, each made on first use.
	DateFilters []needle.Lazy
	// Stop is the word set of the stopwords list, whose share of a line's
	// words cleanup rules test.
	Stop *wordtab.Set
	// Abbr is the word set of the abbreviations list.
	Abbr *wordtab.Set
	// Filter returns the quick tests of a cleanup rule's regex, mined when
	// the rule was loaded: they say no only where the regex cannot match.
	Filter func(R) *needle.Filter
}
