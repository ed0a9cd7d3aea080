// Package hugeheap asks the operating system to back the Go heap with huge
// pages where it can, for a process that is about to allocate much.
//
// Every page of memory that a process touches for the first time costs a
// page fault; on some virtual machines a fault costs tens of microseconds,
// and a run over megabytes of text touches tens of thousands of fresh pages
// while its heap grows to its peak. Linux can back memory with 2 MiB pages
// (transparent huge pages), one fault for 512 small pages, but where its
// setting is "madvise" (a common default) only for memory that asks for
// it, and the Go runtime does not ask. Reserve makes the heap grow by a
// block, asks for huge pages on it (madvise MADV_HUGEPAGE), and hands the
// block back to the runtime with a collection, so that the allocations that
// follow fill it first.
package hugeheap

// Range is the span of addresses that a Reserve asked huge pages for.
type Range struct {
	Lo, Hi uintptr
}

// Len is the size of the range in bytes.
func (r Range) Len() uintptr { return r.Hi - r.Lo }

// hugePage is the size of a huge page on the platforms that have them
// (2 MiB on amd64 and arm64 Linux).
const hugePage = 2 << 20
