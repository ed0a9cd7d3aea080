//go:build !(amd64 || arm64)

package wordtab

// load64 is Load64 for PackAt (see load_fast.go).
func load64(s string, i int) uint64 { return Load64(s, i) }
