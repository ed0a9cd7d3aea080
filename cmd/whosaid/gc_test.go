package main

import (
	"runtime/debug"
	"testing"
)

// gcNow returns the current GC percent.
func gcNow() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestGCPolicy: GOGC is gcPercent for small documents, bigGCPercent while
// a big one is read and not yet done, and hugeGCPercent while a huge one
// is, however they interleave; a nil
// policy (tests, or GOGC in the environment) leaves the collector alone.
func TestGCPolicy(t *testing.T) {
	defer debug.SetGCPercent(gcNow())
	var none *gcPolicy
	debug.SetGCPercent(123)
	none.read(bigDocument + 1)
	none.done(bigDocument + 1)
	if p := gcNow(); p != 123 {
		t.Fatalf("a nil policy set GOGC %d", p)
	}
	g := newGCPolicy()
	steps := []struct {
		read bool
		n    int
		want int
	}{
		{true, 3000, gcPercent},
		{true, bigDocument, gcPercent},
		{true, bigDocument + 1, bigGCPercent},
		{true, 16 << 20, hugeGCPercent},
		{false, 3000, hugeGCPercent},
		{false, bigDocument + 1, hugeGCPercent},
		{true, 100, hugeGCPercent},
		{true, 2 << 20, hugeGCPercent},
		{false, 16 << 20, bigGCPercent},
		{false, 2 << 20, gcPercent},
		{false, bigDocument, gcPercent},
	}
	for i, s := range steps {
		if s.read {
			g.read(s.n)
		} else {
			g.done(s.n)
		}
		if p := gcNow(); p != s.want {
			t.Errorf("step %d (read %v, %d bytes): GOGC %d, want %d", i, s.read, s.n, p, s.want)
		}
	}
}
