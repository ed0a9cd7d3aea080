// Package needle holds the quick tests that spare cleanup most regex runs:
// the literal strings mined from a regex (needles, prefixes, suffixes and
// must-strings, see Of), and the Index that finds, in one Aho-Corasick pass
// over a line, which rules of a cleanup list may apply to it. The rules
// package builds them when it loads a ruleset; the extract package reads
// them as it cleans a document.
package needle

import (
	"regexp/syntax"
	"strings"
)

// Filter holds the quick tests mined from one regex. Each only says no when
// the regex cannot match; the zero Filter says yes to every line.
type Filter struct {
	// needles: when not nil, a line the regex matches holds one of these
	// (lower-case) strings — what the Index looks for
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
	// mustScan: the one-pass test of must, made with it
	mustScan mustScan
	// firstBytes: the first bytes of the prefixes
	firstBytes [256]bool
}

// Of returns the filter of the regex with source pattern (the zero Filter
// when it does not parse).
func Of(pattern string) Filter {
	var f Filter
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return f
	}
	re = re.Simplify()
	f.needles = needles(re)
	f.prefixes = prefixes(re)
	for _, p := range f.prefixes {
		if p == "" {
			f.prefixes = nil
			break
		}
		f.firstBytes[p[0]] = true
	}
	f.suffixes = suffixes(re)
	f.must, f.mustBad = mustOf(re)
	f.mustScan = newMustScan(f.must)
	return f
}

// MustOf returns the filter of the regex with source pattern that only has
// the must-strings (MustMay; the other tests say yes).
func MustOf(pattern string) Filter {
	var f Filter
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return f
	}
	f.must, f.mustBad = mustOf(re.Simplify())
	f.mustScan = newMustScan(f.must)
	return f
}

// Needles returns the strings one of which a line the regex matches holds
// (nil: no such strings).
func (f *Filter) Needles() []string { return f.needles }

// Must returns the must-strings of the filter (see MustMay).
func (f *Filter) Must() []string { return f.must }

// MustMay reports whether the regex may match the line text, whose
// lower-case form (letters lowered only where that keeps their length, as
// cleanup does) is lower: whether lower holds, whole, one of the strings
// that every match holds. It only says no when the regex cannot match.
func (f *Filter) MustMay(text, lower string) bool {
	return mustMay(f, text, lower)
}

// EndsMay reports whether the regex may match a line whose lower-case form
// is lower, judging by how the line starts and ends.
func (f *Filter) EndsMay(lower string) bool {
	if f.prefixes == nil {
		return f.suffixMay(lower)
	}
	if lower == "" || !f.firstBytes[lower[0]] {
		return false
	}
	for _, p := range f.prefixes {
		if strings.HasPrefix(lower, p) {
			return f.suffixMay(lower)
		}
	}
	return false
}

func (f *Filter) suffixMay(lower string) bool {
	if f.suffixes == nil {
		return true
	}
	for _, p := range f.suffixes {
		if strings.HasSuffix(lower, p) {
			return true
		}
	}
	return false
}

// LowerSame returns r in lower case when that is encoded in as many bytes,
// else r: how cleanup lowers a line.
func LowerSame(r rune) rune { return lowerSame(r) }
