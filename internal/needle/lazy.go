package needle

import "sync/atomic"

// Lazy is the filter of a regex made on first use (Get) by a function of
// its source: a run reads the filters of few of a ruleset's regexes. It is
// safe for concurrent use: racing first uses make the same filter, and one
// is kept.
type Lazy struct {
	f   atomic.Pointer[Filter]
	src string
	of  func(src string) Filter
}

// NewLazy returns the lazy filter of the regex src, which of makes.
func NewLazy(src string, of func(string) Filter) *Lazy { return &Lazy{src: src, of: of} }

// Init sets l, a zero Lazy, to the filter of the regex src, which of makes
// (for a Lazy in memory allocated with others).
func (l *Lazy) Init(src string, of func(string) Filter) { l.src, l.of = src, of }

// Get returns the filter, made on the first call.
func (l *Lazy) Get() *Filter {
	if f := l.f.Load(); f != nil {
		return f
	}
	f := new(Filter)
	*f = l.of(l.src)
	l.f.CompareAndSwap(nil, f)
	return l.f.Load()
}
