// Package hugeheap prepares the Go heap of a short process for transparent
// huge pages, for fewer page faults at start-up. Imported for its side
// effect (package main: `import _ ".../internal/hugeheap"`), its init runs
// among the first of the program's packages.
//
// A run of whosaid on one article touches some 1.8 MB of fresh heap, one
// page fault per 4 KiB page, and a page fault is costly on a virtual
// machine (30–40 µs here, docs/performance.md). Linux gives an anonymous
// range a 2 MiB page at its first fault when the range is marked
// MADV_HUGEPAGE (transparent_hugepage "madvise", the common default) and no
// page of its 2 MiB has been touched yet. The Go runtime marks nothing so,
// so this package moves the heap's next allocations to an untouched 2 MiB
// boundary and marks what lies above it (the rest of the runtime's 4 MiB
// heap chunk, or the whole next one).
//
// It changes where objects lie, not what the program computes. It does
// nothing when the environment sets WHOSAID_HUGEHEAP=0, and on systems
// other than Linux. Where huge pages are off ("never") or the kernel refuses
// the advice, the run is as without it but for a few dropped objects, which
// the first collection frees.
package hugeheap

// Result tells what init did: "ok", "off" (WHOSAID_HUGEHEAP=0),
// "unsupported" (not Linux), or why it stopped short (the heap's layout was
// not the one expected, or madvise failed).
var Result string
