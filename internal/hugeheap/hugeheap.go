// Package hugeheap asks the operating system to back the Go heap with huge
// pages where it can, for fewer page faults.
//
// Every page of memory that a process touches for the first time costs a
// page fault, and on a virtual machine a fault is costly (15–40 µs here,
// docs/performance.md): a run of whosaid on one article touches some 1.8 MB
// of fresh heap, a run over megabytes of text tens of thousands of pages
// while its heap grows to its peak. Linux gives an anonymous range a 2 MiB
// page at its first fault, one fault for 512 small pages, when the range is
// marked MADV_HUGEPAGE (transparent_hugepage "madvise", the common default)
// and no page of its 2 MiB has been touched yet. The Go runtime marks
// nothing so. This package does, in two places:
//
//   - at start-up, imported for its side effect (package main: `import _
//     ".../internal/hugeheap"`), its init, among the first of the program's
//     packages, moves the heap's next allocations to an untouched 2 MiB
//     boundary and marks what lies above it (the rest of the runtime's
//     4 MiB heap chunk, or the whole next one), and then grows its own
//     goroutine's stack once while it is shallow (growStack);
//   - for a run that is about to allocate much, Reserve makes the heap grow
//     by a block, marks it, and hands it back to the runtime with a
//     collection, so that the allocations that follow fill it first.
//
// It changes where objects lie, not what the program computes. It does
// nothing when the environment sets WHOSAID_HUGEHEAP=0, and on systems
// other than Linux. Where huge pages are off ("never") or the kernel refuses
// the advice, the run is as without it but for a few dropped objects, which
// the next collection frees.
package hugeheap

import "syscall"

// Result tells what init did: "ok", "off" (WHOSAID_HUGEHEAP=0),
// "unsupported" (not Linux), or why it stopped short (the heap's layout was
// not the one expected, or madvise failed).
var Result string

// Range is the span of addresses that a Reserve asked huge pages for.
type Range struct {
	Lo, Hi uintptr
}

// Len is the size of the range in bytes.
func (r Range) Len() uintptr { return r.Hi - r.Lo }

// hugePage is the size of a huge page on the platforms that have them
// (2 MiB on amd64 and arm64 Linux).
const hugePage = 2 << 20

// off reports whether the environment turns the package off. The package
// imports no more than syscall (not os, not fmt), so that its init comes
// among the first of the program's.
func off() bool {
	v, _ := syscall.Getenv("WHOSAID_HUGEHEAP")
	return v == "0"
}
