//go:build linux && (amd64 || arm64)

package hugeheap

import "syscall"

const (
	chunk = 4 << 20   // the runtime maps its heap in chunks of 4 MiB (pallocChunkBytes), chunk-aligned
	probe = 128 << 10 // 16 pages of 8 KiB: the runtime takes such a span from its page allocator, never from a processor's page cache
	page  = 8 << 10   // the runtime's page: an object of this size is a span of one page
	drain = 128       // at most this many pages taken from below the target, 1 MiB
	// drainObj is the size of the objects that take those pages: a size
	// class whose spans are one page of seven objects, and whose central
	// lists the runtime's start has already filled past one span (its
	// threads' profiling stacks). Objects of a page (8 KiB) were the only
	// ones of their class: their second span cost a fresh block of the
	// runtime's span sets, ~3.7 page faults (docs/performance.md, start-up
	// round ten).
	drainObj     = 1152
	drainObjs    = drain * (page / drainObj)
	madvHugepage = 14 // MADV_HUGEPAGE
)

// sink keeps the last page taken by the drain on the heap (an object that
// does not escape is put on the stack).
var sink []byte

// prepare arranges the heap for huge pages and reports what it did.
//
// The runtime's page allocator hands out the lowest free pages first, so
// everything above the first free run of 16 pages (the probe's end) is
// untouched. prepare fills the pages from there to the next 2 MiB boundary
// of the heap's current 4 MiB chunk with one object (or, past the chunk's
// middle, to the chunk's end, and then makes the runtime map the next
// chunk with a small object), takes the pages left below that boundary
// (the processor's page cache, holes) one by one, and marks the untouched
// range above it MADV_HUGEPAGE: the allocations of the rest of the run land
// there, 2 MiB at a fault. The objects are dropped at once and never
// written: the first collection frees them; until then they are address
// space, not memory.
func prepare() string {
	p := make([]byte, probe)
	f := addr(p) + probe
	base := (f - 1) &^ (chunk - 1) // the chunk of the probe's last page
	target := (f + hugePage - 1) &^ (hugePage - 1)
	if target-f >= probe {
		if filler := make([]byte, target-f); addr(filler) != f {
			return "filler misplaced"
		}
	}
	end := target + hugePage
	if target == base+chunk {
		// The chunk is full: the next span makes the runtime map the
		// next chunk, at target when the heap is contiguous.
		if g := addr(make([]byte, probe)); g != target {
			return "next chunk elsewhere"
		}
		end = target + chunk
	}
	for range drainObjs {
		sink = make([]byte, drainObj)
		if addr(sink) >= target {
			break
		}
	}
	sink = nil
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, target, end-target, madvHugepage); e != 0 {
		return "madvise: " + e.Error()
	}
	return "ok"
}

func init() {
	if off() {
		Result = "off"
		return
	}
	Result = prepare()
	growStack()
}
