package main

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/whosaid/whosaid/extract"
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

// TestDocRunWorkers: a run of one worker keeps the process to one
// processor from its second document on, unless the command sets no
// runtime policy (tests, GOGC in the environment) or GOMAXPROCS is in the
// environment; a run of one document, or of more workers, leaves it.
func TestDocRunWorkers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	tests := []struct {
		name  string
		gc    *gcPolicy
		env   string
		n     int
		docs  int
		procs int
	}{
		{"one worker", &gcPolicy{}, "", 1, 3, 1},
		{"one worker, one document", &gcPolicy{}, "", 1, 1, 3},
		{"two workers", &gcPolicy{}, "", 2, 3, 3},
		{"no policy", nil, "", 1, 3, 3},
		{"GOMAXPROCS set", &gcPolicy{}, "3", 1, 3, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOMAXPROCS", tc.env)
			runtime.GOMAXPROCS(3)
			d := &docRun{a: &app{gc: tc.gc}}
			read, opt := d.pipeline(func(fn func(extract.Input) error) error {
				for i := range tc.docs {
					if p := runtime.GOMAXPROCS(0); i < 2 && p != 3 {
						t.Errorf("before document %d: GOMAXPROCS = %d, want 3", i+1, p)
					}
					if err := fn(extract.Input{Text: "Jane Doe said so."}); err != nil {
						return err
					}
				}
				return nil
			}, tc.n, false)
			if opt.Workers != tc.n {
				t.Errorf("workers %d, want %d", opt.Workers, tc.n)
			}
			read(func(extract.Input) error { return nil })
			if p := runtime.GOMAXPROCS(0); p != tc.procs {
				t.Errorf("GOMAXPROCS = %d, want %d", p, tc.procs)
			}
		})
	}
}
