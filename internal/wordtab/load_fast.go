//go:build amd64 || arm64

package wordtab

import "unsafe"

// load64 is Load64 for PackAt. On these little-endian machines, which load
// eight bytes from any address, it is the one load that the compiler makes
// of Load64's bytes, but cheap enough for the inliner to put PackAt in
// Set.HasAt (a call per word of cleanup's lines).
func load64(s string, i int) uint64 {
	return *(*uint64)(unsafe.Pointer(unsafe.StringData(s[i : i+8])))
}
