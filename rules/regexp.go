package rules

import (
	"regexp"
	"sync"
	"sync/atomic"
)

// Regexp is a regular expression of a rule, with its source and position.
// The regular expressions of user files are compiled when the file is
// loaded, so that their errors are reported then; those of the embedded
// defaults, which compiled when the snapshot was made (see
// snapshot_filters.go), are compiled when first used: a run compiles only
// the ones its documents need, and a default whose program is in the
// snapshot's table (regexprog.go) makes its first progUses matches with it
// and compiles only then. It is safe for concurrent use.
type Regexp struct {
	Pos Pos

	src  string
	once sync.Once
	re   *regexp.Regexp

	// a default's program from the snapshot's table, for its first
	// progUses matches (regexprog.go)
	lazy     bool
	uses     atomic.Int32
	progOnce sync.Once
	prog     *prog
}

// compiledRegexp returns the Regexp of re, compiled already.
func compiledRegexp(re *regexp.Regexp, pos Pos) *Regexp {
	return &Regexp{Pos: pos, src: re.String(), re: re}
}

// lazyRegexp returns the Regexp of the source src, which is known to
// compile, compiled on first use.
func lazyRegexp(src string, pos Pos) *Regexp { return &Regexp{Pos: pos, src: src, lazy: true} }

// program returns the regex's program from the table, or nil when it
// has none; a use (use true) past the first progUses returns nil too.
func (r *Regexp) program(use bool) *prog {
	if !r.lazy || use && r.uses.Add(1) > progUses {
		return nil
	}
	r.progOnce.Do(func() { r.prog = progOf(r.src) })
	return r.prog
}

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
func (r *Regexp) MatchString(s string) bool {
	if p := r.program(true); p != nil {
		if _, found, ok := p.match(s, 0); ok {
			return found
		}
	}
	return r.Re().MatchString(s)
}

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int { return r.Re().FindStringIndex(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if p := r.program(true); p != nil {
		if m, found, ok := p.match(s, p.ncap); ok {
			if !found {
				return nil
			}
			for len(m) < 2*len(p.names) { // as regexp pads
				m = append(m, -1)
			}
			return m
		}
	}
	return r.Re().FindStringSubmatchIndex(s)
}

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string { return r.Re().FindString(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.Re().FindStringSubmatch(s) }

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int { return r.Re().FindAllStringIndex(s, n) }

// SubexpNames is regexp.Regexp.SubexpNames.
func (r *Regexp) SubexpNames() []string {
	if p := r.program(false); p != nil {
		return p.names
	}
	return r.Re().SubexpNames()
}

// SubexpIndex is regexp.Regexp.SubexpIndex.
func (r *Regexp) SubexpIndex(name string) int { return r.Re().SubexpIndex(name) }

// NumSubexp is regexp.Regexp.NumSubexp.
func (r *Regexp) NumSubexp() int {
	if p := r.program(false); p != nil {
		return len(p.names) - 1
	}
	return r.Re().NumSubexp()
}
