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
	// 2 × Workers; with one worker, inlineWindow). Memory grows with the
	// window, never with the corpus.
	Window int
	// Serial, with one worker, reads each document on the calling
	// goroutine between extractions, with no reader goroutine to hand it
	// over (for a source that does not block, such as one regular file:
	// a read blocked in I/O is then not abandoned at a cancellation).
	Serial bool
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
	if workers == 1 {
		// the emitter extracts each document itself: a worker goroutine
		// would only hand each result over to it, and the hand-over (waking
		// the parked emitter, a futex call) cost some 3% of the CPU time
		// of a run
		if opt.Serial {
			return runSerial(ctx, read, x, emit)
		}
		if window <= 0 {
			window = inlineWindow
		}
		return runInline(ctx, read, x, window, emit)
	}
	if window <= 0 {
		window = 2 * workers
	}
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
			select {
			case r = <-j.res:
			case <-ctx.Done():
				return ctx.Err()
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

// inlineWindow is the window of a run with one worker: news articles are
// small, and the reader is woken once per window of documents (see
// runInline). A queue of more than inlineBytes of text is full whatever its
// number of documents, so that large documents are not read far ahead.
const (
	inlineWindow = 16
	inlineBytes  = 1 << 20
)

// runInline is Run with one worker: the calling goroutine extracts and
// emits each document, and the reader's goroutine hands the documents over
// through a queue of at most half the window, which the emitter takes whole
// (so that the documents it holds and the queue are at most window). The
// reader waits only when the queue is full and is woken once the emitter
// has taken it: one wake-up of a parked goroutine (a futex call on each
// side) per queue of documents, where a channel of capacity window woke the
// reader after every document received, to read one more.
func runInline(ctx context.Context, read Reader, x *Extractor, window int, emit func(Result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu      sync.Mutex
		queue   []Input // read, not yet taken by the emitter
		queued  int     // the bytes of text in queue
		done    bool    // the reader returned, with readErr
		readErr error
		// full: the reader waits for the queue to be taken; waiting: the
		// emitter waits for a document (or the reader's end)
		full, waiting bool
	)
	limit := max(1, window/2)       // documents in the queue
	ready := make(chan struct{}, 1) // to the emitter, when it waits
	space := make(chan struct{}, 1) // to the reader, when it waits
	signal := func(c chan struct{}) {
		select {
		case c <- struct{}{}:
		default: // a signal is pending already
		}
	}
	go func() {
		err := read(func(in Input) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			mu.Lock()
			for len(queue) >= limit || len(queue) > 0 && queued >= inlineBytes {
				full = true
				mu.Unlock()
				select {
				case <-space:
				case <-ctx.Done():
					return ctx.Err()
				}
				mu.Lock()
			}
			queue = append(queue, in)
			queued += len(in.Text)
			wake := waiting
			waiting = false
			mu.Unlock()
			if wake {
				signal(ready)
			}
			return nil
		})
		mu.Lock()
		done, readErr = true, err
		wake := waiting
		waiting = false
		mu.Unlock()
		if wake {
			signal(ready)
		}
	}()

	var batch []Input
	for {
		mu.Lock()
		for len(queue) == 0 && !done {
			waiting = true
			mu.Unlock()
			select {
			case <-ready:
			case <-ctx.Done():
				return ctx.Err()
			}
			mu.Lock()
		}
		batch, queue, queued = queue, batch[:0], 0
		wake, finished, err := full, done, readErr
		full = false
		mu.Unlock()
		if wake {
			signal(space)
		}
		if len(batch) == 0 && finished {
			return err
		}
		for i, in := range batch {
			batch[i] = Input{} // the queue's array keeps no document
			r := Result{Input: in, Err: in.Err}
			if in.Err == nil {
				r = extractOne(x, in)
			}
			if err := emit(r); err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
}

// runSerial is Run with one worker and RunOptions.Serial: each document is
// extracted and emitted as read, on the calling goroutine.
func runSerial(ctx context.Context, read Reader, x *Extractor, emit func(Result) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return read(func(in Input) error {
		r := Result{Input: in, Err: in.Err}
		if in.Err == nil {
			r = extractOne(x, in)
		}
		if err := emit(r); err != nil {
			return err
		}
		return ctx.Err()
	})
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
