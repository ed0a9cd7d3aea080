package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/internal/hugeheap"
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

// hugeGCPercent is the target while a document of more than hugeDocument
// bytes is in the run. Its analysis, which lives until its rows are
// planned, is some 29 times its size, and the garbage of matching piles up
// to the collector's goal on top of it: 16 MB of lone-CR lines (one
// quotation per 20 bytes) peaked at 0.82–0.87 GB at 100, 0.71–0.79 GB at
// 75, 0.70 GB at 60, for some 5–10% more CPU on that document.
const hugeGCPercent = 60

// hugeDocument is the size in bytes from which a document is huge for the
// GC policy.
const hugeDocument = 8 << 20

// hugeHeapBlock is the size in bytes of the block of heap that a run of
// more than one document, or with a big one, asks huge pages for
// (internal/hugeheap): the peak heap of a run over news at gcPercent is
// some 50 MB, whatever the corpus's size.
const hugeHeapBlock = 64 << 20

// hugeHeapPerByte is the size of the block of huge pages per byte of a big
// document that asks for it, when that is more than hugeHeapBlock: 16 MB of
// news text joined into one document peaks at some 160 MB of heap (10
// bytes a byte), which a block of 64 MiB left to 30,000 faults of 4 KiB
// (docs/performance.md, one long document). The block is address space
// until the heap grows into it, so a larger one costs no memory.
const hugeHeapPerByte = 12

// maxHugeHeapBlock bounds the block of huge pages.
const maxHugeHeapBlock = 1 << 30

// gcPolicy is the command's one GC policy, applied when the environment
// sets no GOGC (a GOGC in the environment wins; a GOMEMLIMIT there is obeyed too): GOGC
// gcPercent, bigGCPercent while a document of more than bigDocument bytes
// has been read and not yet written, and hugeGCPercent while one of more
// than hugeDocument bytes has; and a heap backed by huge pages once the run
// has a second document or a big one (hugeHeap). They keep the collector's work
// in proportion to what is allocated, so time stays linear in the size of
// a document; no memory limit is set, as a fixed one makes the collector
// run without end on a document whose live heap nears it
// (docs/performance.md).
type gcPolicy struct {
	mu   sync.Mutex
	big  int // big documents (not huge) read and not yet written
	huge int // huge documents read and not yet written
	pct  int // the GOGC set

	hugeOnce sync.Once // the heap's block of huge pages, asked for once
}

// newGCPolicy sets the GC target for a run of small documents.
func newGCPolicy() *gcPolicy {
	debug.SetGCPercent(gcPercent)
	return &gcPolicy{pct: gcPercent}
}

// read notes a document of n bytes read; a nil policy does nothing.
func (g *gcPolicy) read(n int) { g.count(n, 1) }

// done notes a document of n bytes written (or failed).
func (g *gcPolicy) done(n int) { g.count(n, -1) }

// count adds d to the count of documents of n bytes in the run and sets
// the target for the largest of them.
func (g *gcPolicy) count(n, d int) {
	if g == nil || n <= bigDocument {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if n > hugeDocument {
		g.huge += d
	} else {
		g.big += d
	}
	pct := gcPercent
	switch {
	case g.huge > 0:
		pct = hugeGCPercent
	case g.big > 0:
		pct = bigGCPercent
	}
	if pct != g.pct {
		debug.SetGCPercent(pct)
		g.pct = pct
	}
}

// hugeHeap asks, once a run, for a block of the heap backed by huge pages
// (internal/hugeheap), so that the heap's growth to its peak costs a few
// page faults of 2 MiB instead of a fault for every 4 KiB: on 1 MB of news
// JSONL 1,500 faults instead of 5,200, on 20 MB 2,000 instead of 10,500
// (docs/performance.md, huge pages). It costs a collection of the small
// heap of the run's start, so a run of one small document, whose heap
// stays within what the runtime mapped at start, does not ask. Where the
// kernel gives no huge pages the block is only freed again. The block is
// hugeHeapBlock, or for n, the size of the big document that asks,
// hugeHeapPerByte times it. A nil policy does nothing.
func (g *gcPolicy) hugeHeap(n int) {
	if g == nil {
		return
	}
	block := hugeHeapBlock
	if n > bigDocument {
		block = max(block, min(hugeHeapPerByte*n, maxHugeHeapBlock))
	}
	g.hugeOnce.Do(func() { _, _ = hugeheap.Reserve(block) })
}

// beforeRead asks for the block of huge pages before a text file of more
// than bigDocument bytes is read, as its size is known, rather than once it
// is read: its read buffer (the document's text) is then in huge pages too,
// not 4 KiB pages faulted one by one (16 MB: some 3,800 faults;
// docs/performance.md, round two of the long document). A nil policy does
// nothing.
func (g *gcPolicy) beforeRead(size int64) {
	if size > bigDocument {
		g.hugeHeap(int(min(size, maxHugeHeapBlock)))
	}
}

// pipeline returns the reader and the options of the run's extract.Run
// over read with n workers, reading on the run's own goroutine when serial
// (a run of one document, oneDocument). The run's GC policy sees every
// document read (result tells it of every document done), and a run of one
// worker keeps the process to one processor (GOMAXPROCS 1) from its second
// document on, when the command sets the runtime's policy (no GOGC nor
// GOMAXPROCS in the environment, which win). With one worker there is one
// goroutine of work; a second processor only woke threads to look for more
// at the reader's hand-overs and ran the collector's idle workers: on 20 MB
// of news JSONL, system time 0.15 s instead of 0.19 s (mean of ten runs;
// user time the same within the noise; docs/performance.md, round eight).
// A run of one document has no hand-overs to spare, and the change is not
// free: it stops the world and gives back the second processor's cached
// memory, some 90 page faults of a 3 KB article's 950 (docs/performance.md,
// start-up, round seven). Extraction itself does not change.
func (d *docRun) pipeline(read extract.Reader, n int, serial bool) (extract.Reader, extract.RunOptions) {
	opt := extract.RunOptions{Workers: n, Serial: serial}
	g := d.a.gc
	if g == nil {
		return read, opt
	}
	oneProc := n == 1 && os.Getenv("GOMAXPROCS") == ""
	return func(fn func(extract.Input) error) error {
		docs := 0
		return read(func(in extract.Input) error {
			if docs++; docs == 2 && oneProc {
				runtime.GOMAXPROCS(1)
			}
			if docs == 2 || len(in.Text) > bigDocument {
				g.hugeHeap(len(in.Text))
			}
			g.read(len(in.Text))
			return fn(in)
		})
	}, opt
}
