package rules

import (
	"unsafe"

	"github.com/whosaid/whosaid/internal/needle"
)

// slabBytes is the least size of a slab's block: more than the largest
// size class of Go's allocator (32 KiB), so that a block is a span of its
// own, which the allocator's central lists note in the one table they keep
// for all such spans. Many objects of one size class take several spans,
// and the first second span of a size class makes the runtime write a new
// 4 KiB block of its span sets (~1.5 page faults of a fresh page, ~30 µs
// here; docs/performance.md, start-up round ten): the rules of a load,
// taken from slabs, leave their size classes to the rest of the run.
const slabBytes = 32<<10 + 1

// slab hands out the elements of blocks of T allocated together. An
// element keeps its block alive: a slab serves objects that live as long
// as each other (the rules of one load).
type slab[T any] struct{ free []T }

// new returns a zeroed T from the slab.
func (s *slab[T]) new() *T {
	if len(s.free) == 0 {
		var t T
		s.free = make([]T, slabBytes/int(unsafe.Sizeof(t))+1)
	}
	p := &s.free[0]
	s.free = s.free[1:]
	return p
}

// slabs returns the memory of the load's patterns, which holds its slabs
// (nil for a decoder of its own, whose rules are allocated one by one).
func (d *decoder) slabs() *patternBlocks { return d.patterns }

// slabbed reports whether b serves the rules of a load from its slabs (not
// those of one pattern, and not nil).
func (b *patternBlocks) slabbed() bool { return b != nil && b.shared }

// attrRule returns a zeroed rule.
func (b *patternBlocks) attrRule() *AttrRule {
	if !b.slabbed() {
		return new(AttrRule)
	}
	return b.attrs.new()
}

// cleanRule returns a zeroed cleanup rule from the load's slab, nil
// without one (newCleanupRule allocates it).
func (b *patternBlocks) cleanRule() *CleanupRule {
	if !b.slabbed() {
		return nil
	}
	return b.cleans.new()
}

// filterSlab returns the slab of the load's quick tests, nil without one.
func (b *patternBlocks) filterSlab() *slab[needle.Filter] {
	if !b.slabbed() {
		return nil
	}
	return &b.filters
}

// pattern returns a zeroed pattern.
func (b *patternBlocks) pattern() *Pattern {
	if !b.slabbed() {
		return new(Pattern)
	}
	return b.pats.new()
}

// lazyItems returns a lazyItems of the load's patterns read on first use.
func (b *patternBlocks) lazyItems() *lazyItems {
	if b.lazy == nil {
		b.lazy = &lazyShared{blocks: &patternBlocks{shared: true}}
	}
	if !b.slabbed() {
		return &lazyItems{shared: b.lazy}
	}
	l := b.lazies.new()
	l.shared = b.lazy
	return l
}

// lazyRegexp is the package's lazyRegexp.
func (b *patternBlocks) lazyRegexp(src string, pos Pos) *Regexp {
	if !b.slabbed() {
		return lazyRegexp(src, pos)
	}
	re := b.regexps.new()
	re.Pos, re.src, re.lazy = pos, src, true
	return re
}

// patternAt returns a zeroed patternAt.
func (b *patternBlocks) patternAt() *patternAt {
	if !b.slabbed() {
		return new(patternAt)
	}
	return b.ats.new()
}
