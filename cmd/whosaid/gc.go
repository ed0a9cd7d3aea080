package main

import (
	"runtime/debug"
	"sync"

	"github.com/whosaid/whosaid/extract"
)

// gcPercent is the garbage collector's target (GOGC) when the environment
// sets none. The live heap of an extraction of news is small (about 7 MB:
// one article per worker and the ruleset, which every collection marks
// again), so the default of 100 collects every few megabytes of garbage;
// 300 (the heap grows to 4× the live data between collections) took about
// 10% off the CPU time of a large run for some 10 MB more of peak memory,
// and 600 another 3% of the instructions (a collection costs some 30
// million) for some 25 MB more (docs/performance.md, round five).
const gcPercent = 600

// bigGCPercent is the target while a document of more than bigDocument
// bytes is in the run: its live heap is some 20 to 50 times its size, and
// 4× that at 300 would be the peak (16 MB of pronoun turns: 1.05 GB at
// 300, 0.75 GB at 100, for the same CPU time within the noise).
const bigGCPercent = 100

// bigDocument is the size in bytes from which a document is big for the
// GC policy: a hundred times a news article.
const bigDocument = 1 << 20

// gcPolicy is the command's one GC policy, applied when the environment
// sets no GOGC (a GOGC in the environment wins; a GOMEMLIMIT there is obeyed too): GOGC
// gcPercent, and bigGCPercent while a document of more than bigDocument
// bytes has been read and not yet written. Both keep the collector's work
// in proportion to what is allocated, so time stays linear in the size of
// a document; no memory limit is set, as a fixed one makes the collector
// run without end on a document whose live heap nears it
// (docs/performance.md).
type gcPolicy struct {
	mu  sync.Mutex
	big int // big documents read and not yet written
}

// newGCPolicy sets the GC target for a run of small documents.
func newGCPolicy() *gcPolicy {
	debug.SetGCPercent(gcPercent)
	return &gcPolicy{}
}

// read notes a document of n bytes read; a nil policy does nothing.
func (g *gcPolicy) read(n int) {
	if g == nil || n <= bigDocument {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.big++; g.big == 1 {
		debug.SetGCPercent(bigGCPercent)
	}
}

// done notes a document of n bytes written (or failed).
func (g *gcPolicy) done(n int) {
	if g == nil || n <= bigDocument {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.big--; g.big == 0 {
		debug.SetGCPercent(gcPercent)
	}
}

// reader wraps read so that the run's GC policy sees every document read;
// result tells it of every document done.
func (d *docRun) reader(read extract.Reader) extract.Reader {
	g := d.a.gc
	if g == nil {
		return read
	}
	return func(fn func(extract.Input) error) error {
		return read(func(in extract.Input) error {
			g.read(len(in.Text))
			return fn(in)
		})
	}
}
