package rules

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression of a rule, with its source and position.
// The regular expressions of user files are compiled when the file is
// loaded, so that their errors are reported then; those of the embedded
// defaults, which compiled when the snapshot was made (see
// snapshot_filters.go), are compiled when first used: a run compiles only
// the ones its documents need. It is safe for concurrent use.
type Regexp struct {
	Pos Pos

	src  string
	once sync.Once
	re   *regexp.Regexp
}

// compiledRegexp returns the Regexp of re, compiled already.
func compiledRegexp(re *regexp.Regexp, pos Pos) *Regexp {
	return &Regexp{Pos: pos, src: re.String(), re: re}
}

// lazyRegexp returns the Regexp of the source src, which is known to
// compile, compiled on first use.
func lazyRegexp(src string, pos Pos) *Regexp { return &Regexp{Pos: pos, src: src} }

// Re returns the compiled regular expression.
func (r *Regexp) Re() *regexp.Regexp {
	r.once.Do(func() {
		if r.re == nil {
			// only sources that compiled when the snapshot was made get here
			r.re = regexp.MustCompile(r.src)
		}
	})
	return r.re
}

// String returns the source of the regular expression.
func (r *Regexp) String() string { return r.src }

// MatchString reports whether s holds a match of the regular expression.
func (r *Regexp) MatchString(s string) bool { return r.Re().MatchString(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int { return r.Re().FindStringIndex(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int { return r.Re().FindStringSubmatchIndex(s) }

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string { return r.Re().FindString(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.Re().FindStringSubmatch(s) }

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int { return r.Re().FindAllStringIndex(s, n) }

// SubexpNames is regexp.Regexp.SubexpNames.
func (r *Regexp) SubexpNames() []string { return r.Re().SubexpNames() }

// SubexpIndex is regexp.Regexp.SubexpIndex.
func (r *Regexp) SubexpIndex(name string) int { return r.Re().SubexpIndex(name) }

// NumSubexp is regexp.Regexp.NumSubexp.
func (r *Regexp) NumSubexp() int { return r.Re().NumSubexp() }
