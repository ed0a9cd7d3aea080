package extract

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

// RunOptions tune Run.
type RunOptions struct {
	// Workers is the number of documents extracted at the same time
	// (0 or less: runtime.NumCPU()).
	Workers int
	// Window bounds the documents read but not yet emitted (0 or less:
	// 2 × Workers). Memory grows with the window, never with the corpus.
	Window int
}

// Result is the outcome of one input document, passed to Run's emit.
type Result struct {
	Input Input     // the document as read (Text included)
	Doc   *Document // nil when Err is set
	Err   error     // Input.Err, or the error of Extract
}

// Reader is a source of documents for Run: it calls fn with each document in
// order, and stops and returns fn's error when fn returns one. A closure
// around ReadInputs is one:
//
//	func(fn func(extract.Input) error) error { return extract.ReadInputs(paths, opt, fn) }
type Reader func(fn func(Input) error) error

// Run is the document pipeline of a batch: one goroutine reads documents
// with read, Workers goroutines extract them with x (with one worker, the
// calling goroutine does, between calls of emit), and emit is called on
// the calling goroutine with each result in input order, so its output is
// the same whatever the number of workers. A document that could not be
// read or extracted is passed to emit with Err set and the batch goes on.
//
// At most Window documents are in flight (read, but not yet emitted): memory
// does not grow with the number of documents.
//
// Run stops at the first error that emit or read returns, or when ctx is
// done, and returns that error (ctx.Err() for a cancellation). It returns
// once the workers have stopped, each after the document in hand; a read
// blocked in I/O (a terminal on standard input) is abandoned and returns at
// its next document.
func Run(ctx context.Context, read Reader, x *Extractor, opt RunOptions, emit func(Result) error) error {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	window := opt.Window
	if window <= 0 {
		window = 2 * workers
	}
	// With one worker, the emitter extracts each document itself: a
	// worker goroutine would only hand each result over to it, and the
	// hand-over (waking the parked emitter, a futex call) cost some 3% of
	// the CPU time of a run.
	inline := workers == 1
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		in  Input
		res chan Result // buffered: a worker never waits for the emitter
	}
	jobs := make(chan *job)          // to the workers, in input order
	order := make(chan *job, window) // to the emitter, in input order
	readDone := make(chan error, 1)

	go func() {
		defer close(order)
		defer close(jobs)
		readDone <- read(func(in Input) error {
			j := &job{in: in, res: make(chan Result, 1)}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			if in.Err != nil {
				j.res <- Result{Input: in, Err: in.Err}
				return nil
			}
			if inline {
				return nil // the emitter extracts it
			}
			select {
			case jobs <- j:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		if inline {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case j, ok := <-jobs:
					if !ok {
						return
					}
					j.res <- extractOne(x, j.in)
				case <-ctx.Done():
					return
				}
			}
		}()
	}

	err := func() error {
		for {
			var j *job
			select {
			case jj, ok := <-order:
				if !ok {
					return <-readDone
				}
				j = jj
			case <-ctx.Done():
				// the reader may be blocked in I/O (a pipe): it is
				// abandoned, and stops at its next document
				return ctx.Err()
			}
			var r Result
			if inline && j.in.Err == nil {
				r = extractOne(x, j.in)
			} else {
				select {
				case r = <-j.res:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			if err := emit(r); err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}()
	cancel()
	wg.Wait()
	return err
}

// extractOne extracts one document; a panic (a bug) becomes the document's
// error, so that one document cannot lose the others of the batch.
func extractOne(x *Extractor, in Input) (r Result) {
	r.Input = in
	defer func() {
		if p := recover(); p != nil {
			r.Doc, r.Err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	r.Doc, r.Err = x.ExtractInput(in)
	return r
}
