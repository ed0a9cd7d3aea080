package rules

import (
	"iter"
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
// others in a slice of their own). Get reads a capture, Set binds one.
//
// Two Captures are == when they bind the same spans to the same names of
// the same pattern. The zero value holds no capture. Spans are held in 32
// bits: a window has fewer than 2³¹ tokens.
type Captures struct {
	// names: the names, by number (those of the pattern, shared; nil for none)
	names *[]string
	// more: the spans of the names from inlineCaptures on (nil: none
	// bound); shared by the copies of a Captures, so never written
	more  *[]boundSpan
	spans [inlineCaptures]span32
	bound uint8 // bit i: spans[i] is bound
}

// span32 is a Span in 32-bit token indexes.
type span32 struct{ start, end int32 }

// boundSpan is the span of a capture name from inlineCaptures on, and
// whether it is bound.
type boundSpan struct {
	span Span
	ok   bool
}

// Get returns the span that the named capture bound, and whether it bound
// one (Span{} and false when not).
func (c *Captures) Get(name string) (Span, bool) {
	if c.names != nil {
		for i, n := range *c.names {
			if n == name {
				return c.at(i)
			}
		}
	}
	return Span{}, false
}

// at returns the span bound to the name numbered i, and whether it is
// bound.
func (c *Captures) at(i int) (Span, bool) {
	if i < inlineCaptures {
		s := c.spans[i]
		return Span{int(s.start), int(s.end)}, c.bound&(1<<i) != 0
	}
	if i -= inlineCaptures; c.more == nil || i >= len(*c.more) {
		return Span{}, false
	}
	b := (*c.more)[i]
	return b.span, b.ok
}

// Set binds the named capture to s, as a later binding of it in the match
// would. A name that the pattern does not capture is added to the names of
// c alone: that, and a name from inlineCaptures on, allocates.
func (c *Captures) Set(name string, s Span) {
	var names []string
	if c.names != nil {
		names = *c.names
	}
	i := slices.Index(names, name)
	if i < 0 {
		names = append(slices.Clip(names), name) // a copy: the pattern's are shared
		c.names, i = &names, len(names)-1
	}
	if i < inlineCaptures {
		c.bindInline(i, s)
		return
	}
	var more []boundSpan
	if c.more != nil {
		more = slices.Clone(*c.more) // shared with the copies of c
	}
	for len(more) <= i-inlineCaptures {
		more = append(more, boundSpan{})
	}
	more[i-inlineCaptures] = boundSpan{s, true}
	c.more = &more
}

// bindInline binds the name numbered i (< inlineCaptures) to s.
func (c *Captures) bindInline(i int, s Span) {
	c.spans[i] = span32{int32(s.Start), int32(s.End)}
	c.bound |= 1 << i
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
		for i, n := range *c.names {
			if s, ok := c.at(i); ok && !yield(n, s) {
				return
			}
		}
	}
}

// captures returns the current value of every named capture of a pattern
// of the names: the latest binding of each, on the stack.
func (m *matcher) captures(names *[]string) Captures {
	c := Captures{names: names}
	var more []boundSpan
	for _, b := range m.caps {
		if i := int(b.name); i < inlineCaptures {
			c.bindInline(i, b.span)
		} else {
			if more == nil {
				more = make([]boundSpan, len(*names)-inlineCaptures)
			}
			more[i-inlineCaptures] = boundSpan{b.span, true}
		}
	}
	if more != nil {
		c.more = &more
	}
	return c
}

// numberCaptures sets the names of the captures of pat (capNames) and the
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
	pat.capNames = names
}
