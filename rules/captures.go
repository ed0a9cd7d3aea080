package rules

import (
	"iter"
	"math"
	"slices"
)

// inlineCaptures is the number of capture names whose spans a Captures
// holds in place: the default patterns name three at most (cue, speaker,
// content), and ExplainMiss adds one of its own.
const inlineCaptures = 4

// contentCapture is the number of the capture content in a pattern that
// holds CLAUSE or CONTENT, which binds it (see matcher.clause): its first
// name.
const contentCapture = 0

// contentName is the name of the capture that reported content binds.
const contentName = "content"

// Captures holds the named captures of a match: for each name that the
// pattern of its rule captures (name:X, and content for CLAUSE or
// CONTENT), the tokens that its last binding matched. It is a value,
// without a map: the names are the pattern's own, numbered when its items
// are made and shared by its matches, and the spans of its first
// inlineCaptures names are held in place, so that a match allocates
// nothing for its captures (a pattern of more names keeps the spans of the
// others in a copy of its names of its own). Get reads a capture, Set binds
// one.
//
// Two Captures are == when they bind the same spans to the same names of
// the same pattern. The zero value holds no capture.
type Captures struct {
	// names: the names, by number (those of the pattern, shared; nil for
	// none), and the spans that are not held in place
	names *captureNames
	// spans: the spans of the first inlineCaptures names, each start
	// plus one (0: unbound; a window has fewer than 2³¹-1 tokens)
	spans [inlineCaptures]span32
}

// captureNames are the names of a pattern's captures, numbered, and the
// spans of those from inlineCaptures on and of those bound by Set to a
// span that is not held in place (by number; nil in a pattern's own).
// Never written once a Captures holds it: a Captures that needs other
// spans or names makes a copy of its own.
type captureNames struct {
	names []string
	more  []boundSpan
}

// span32 is a bound Span in 32-bit token indexes, its start plus one (the
// zero value: unbound).
type span32 struct{ start1, end int32 }

// boundSpan is a span of captureNames.more, and whether it is bound.
type boundSpan struct {
	span Span
	ok   bool
}

// Get returns the span that the named capture bound, and whether it bound
// one (Span{} and false when not). (Small enough to be inlined, where the
// name is a constant that the loop compares without a call.)
func (c *Captures) Get(name string) (Span, bool) {
	if c.names == nil {
		return Span{}, false
	}
	for i, n := range c.names.names {
		if n == name {
			if s := c.spans[i&(inlineCaptures-1)]; i < inlineCaptures && s.start1 != 0 {
				return Span{int(s.start1) - 1, int(s.end)}, true
			}
			if more := c.names.more; i < len(more) {
				return more[i].span, more[i].ok
			}
			break
		}
	}
	return Span{}, false
}

// at returns the span bound to the name numbered i, and whether it is
// bound.
func (c *Captures) at(i int) (Span, bool) {
	if i < inlineCaptures {
		if s := c.spans[i]; s.start1 != 0 {
			return Span{int(s.start1) - 1, int(s.end)}, true
		}
	}
	if c.names == nil || i >= len(c.names.more) {
		return Span{}, false
	}
	b := c.names.more[i]
	return b.span, b.ok
}

// Set binds the named capture to s, as a later binding of it in the match
// would. A name that the pattern does not capture is added to the names of
// c alone: that, a name from inlineCaptures on, and a span of a negative
// start or beyond 32 bits allocate.
func (c *Captures) Set(name string, s Span) {
	i := -1
	if c.names != nil {
		i = slices.Index(c.names.names, name)
	}
	if i >= 0 && i < inlineCaptures && fits32(s) && (i >= len(c.names.more) || !c.names.more[i].ok) {
		c.spans[i] = span32{int32(s.Start + 1), int32(s.End)}
		return
	}
	// another Captures may hold c.names: a copy of its own
	var own captureNames
	if c.names != nil {
		own.names, own.more = slices.Clip(c.names.names), slices.Clone(c.names.more)
	}
	if i < 0 {
		own.names = append(own.names, name)
		i = len(own.names) - 1
	}
	c.names = &own
	if i < len(own.more) {
		own.more[i] = boundSpan{}
	}
	if i < inlineCaptures {
		c.spans[i] = span32{}
		if fits32(s) {
			c.spans[i] = span32{int32(s.Start + 1), int32(s.End)}
			return
		}
	}
	for len(own.more) <= i {
		own.more = append(own.more, boundSpan{})
	}
	own.more[i] = boundSpan{s, true}
}

// fits32 reports whether s can be held in place (span32).
func fits32(s Span) bool {
	return s.Start >= 0 && s.Start < math.MaxInt32 && s.End >= math.MinInt32 && s.End <= math.MaxInt32
}

// Len returns the number of names bound.
func (c *Captures) Len() int {
	n := 0
	for range c.All() {
		n++
	}
	return n
}

// All yields the bound captures, name and span, in the order of the
// pattern's names (content first in a pattern of reported speech, then as
// the pattern names them).
func (c *Captures) All() iter.Seq2[string, Span] {
	return func(yield func(string, Span) bool) {
		if c.names == nil {
			return
		}
		for i, n := range c.names.names {
			if s, ok := c.at(i); ok && !yield(n, s) {
				return
			}
		}
	}
}

// captures returns the current value of every named capture of a pattern
// of the names: the latest binding of each, on the stack. (The spans of a
// window fit in 32 bits: it has fewer tokens than its text has bytes.)
func (m *matcher) captures(names *captureNames) Captures {
	c := Captures{names: names}
	var own *captureNames
	for _, b := range m.caps {
		if i := int(b.name); i < inlineCaptures {
			c.spans[i] = span32{int32(b.span.Start + 1), int32(b.span.End)}
		} else {
			if own == nil {
				own = &captureNames{names: names.names, more: make([]boundSpan, len(names.names))}
				c.names = own
			}
			own.more[i] = boundSpan{b.span, true}
		}
	}
	return c
}

// numberCaptures sets the names of the captures of pat (caps) and the
// number of each item's capture among them (capIdx): content first when
// the pattern holds CLAUSE or CONTENT (contentCapture), then each name as
// the items, depth first, first capture it.
func (pat *Pattern) numberCaptures() {
	var names []string
	var clause func([]*item) bool
	clause = func(its []*item) bool {
		for _, it := range its {
			if it.op == opClause || it.op == opContent || clause(it.neg) || slices.ContainsFunc(it.alts, clause) {
				return true
			}
		}
		return false
	}
	if clause(pat.items) {
		names = append(names, contentName)
	}
	var walk func([]*item)
	walk = func(its []*item) {
		for _, it := range its {
			if it.capture != "" {
				i := slices.Index(names, it.capture)
				if i < 0 {
					i = len(names)
					names = append(names, it.capture)
				}
				it.capIdx = int32(i)
			}
			for _, a := range it.alts {
				walk(a)
			}
			walk(it.neg)
		}
	}
	walk(pat.items)
	pat.caps.names = names
}
