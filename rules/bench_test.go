package rules

import "testing"

// BenchmarkDefault loads the embedded default ruleset, as every start of
// the program does (the language packs are loaded on first use, not here).
//
//	go test ./rules -run '^$' -bench Default -benchmem -cpuprofile cpu.out
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}
