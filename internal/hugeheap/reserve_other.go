//go:build !linux

package hugeheap

import (
	"errors"
	"runtime"
)

// Reserve does nothing where the operating system has no transparent huge
// pages that a process asks for: it returns an error and the empty range.
func Reserve(n int) (Range, error) {
	return Range{}, errors.New("hugeheap: no transparent huge pages on " + runtime.GOOS)
}
