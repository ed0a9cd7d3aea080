//go:build !linux || !(amd64 || arm64)

package hugeheap

func init() { Result = "unsupported" }
