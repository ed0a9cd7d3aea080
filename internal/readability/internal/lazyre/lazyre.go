// Package lazyre holds a regular expression that is compiled the first time
// it is used, not when its package is initialised.
//
// It exists for the copied extractor packages (see ../../NOTICE.md): their
// upstream versions compile every pattern in a package-level
// regexp.MustCompile, which every process that links them pays at start,
// though only a run that reads an HTML page uses them.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled on first use. A package-level
// &Regexp{Expr: `…`} is laid out by the linker: no code runs for it at
// start. It is safe for concurrent use.
type Regexp struct {
	// Expr is the expression, in the syntax of regexp.Compile. It must
	// compile: Get panics otherwise, as regexp.MustCompile at start did.
	Expr string

	once sync.Once
	re   *regexp.Regexp
}

// Get returns the compiled expression, compiling it on the first call.
func (r *Regexp) Get() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.Expr) })
	return r.re
}
