package hugeheap

import (
	"errors"
	"runtime"
	"syscall"
	"unsafe"
)

// Reserve grows the heap by a block of n bytes, asks the kernel to back the
// block's whole huge pages with huge pages, and frees the block with a
// garbage collection (its memory is never touched, so it costs no page
// faults). It returns the range asked for. An error (a kernel without
// transparent huge pages, a block too small to hold a huge page) leaves the
// heap as the runtime made it; the block is freed either way. With
// WHOSAID_HUGEHEAP=0 in the environment it does nothing and says so.
func Reserve(n int) (Range, error) {
	if off() {
		return Range{}, errors.New("hugeheap: off (WHOSAID_HUGEHEAP=0)")
	}
	r, err := advise(n)
	runtime.GC()
	return r, err
}

// advise allocates the block and advises its whole huge pages; the block
// is dead when it returns.
func advise(n int) (Range, error) {
	if n < 2*hugePage {
		return Range{}, errors.New("hugeheap: the block holds no whole huge page")
	}
	block := make([]byte, n)
	start := addr(block)
	lo := (start + hugePage - 1) &^ (hugePage - 1)
	hi := (start + uintptr(n)) &^ (hugePage - 1)
	if err := syscall.Madvise(block[lo-start:hi-start], syscall.MADV_HUGEPAGE); err != nil {
		return Range{}, errors.Join(errors.New("hugeheap: madvise"), err)
	}
	return Range{Lo: lo, Hi: hi}, nil
}

// addr is the address of b's first byte.
func addr(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }
