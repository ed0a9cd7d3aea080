package extract_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/whosaid/whosaid/extract"
)

// sliceReader reads docs in order, counting the documents handed out.
func sliceReader(docs []extract.Input, handed *atomic.Int64) extract.Reader {
	return func(fn func(extract.Input) error) error {
		for _, d := range docs {
			if handed != nil {
				handed.Add(1)
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
}

// runDocs returns a batch of shipped articles with distinct ids, one of them
// unreadable and one not UTF-8.
func runDocs(t *testing.T, n int) []extract.Input {
	base := shippedDocs(t)
	var docs []extract.Input
	for i := range n {
		d := base[i%len(base)]
		text := d.Text
		if i%7 == 3 {
			text = text[:len(text)*(i%5+1)/6] // documents of different lengths finish out of order
		}
		docs = append(docs, extract.Input{ID: fmt.Sprintf("doc%d", i), Text: text})
	}
	docs[5].Err = errors.New("cannot read")
	docs[9].Text = "bad \xff byte"
	return docs
}

func runJSONL(t *testing.T, docs []extract.Input, workers int) (string, []string) {
	t.Helper()
	return runJSONLOpt(t, docs, extract.RunOptions{Workers: workers})
}

func runJSONLOpt(t *testing.T, docs []extract.Input, opt extract.RunOptions) (string, []string) {
	t.Helper()
	x := defaultExtractor(t)
	var buf bytes.Buffer
	w, err := extract.NewWriter("jsonl", &buf, extract.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var failed []string
	err = extract.Run(context.Background(), sliceReader(docs, nil), x, opt, func(r extract.Result) error {
		if r.Err != nil {
			failed = append(failed, r.Input.ID)
			return nil
		}
		return w.WriteDoc(r.Doc)
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	return buf.String(), failed
}

// TestRunOrder: the output of several workers is byte-identical to one
// worker's, in input order, and failed documents are reported in place.
func TestRunOrder(t *testing.T) {
	docs := runDocs(t, 40)
	one, failed1 := runJSONL(t, docs, 1)
	if strings.Count(one, "\n") != len(docs)-2 {
		t.Fatalf("got %d output lines, want %d", strings.Count(one, "\n"), len(docs)-2)
	}
	if fmt.Sprint(failed1) != "[doc5 doc9]" {
		t.Errorf("failed documents %v, want [doc5 doc9]", failed1)
	}
	for _, workers := range []int{2, 8} {
		got, failed := runJSONL(t, docs, workers)
		if got != one {
			t.Errorf("-j %d: output differs from -j 1", workers)
		}
		if fmt.Sprint(failed) != fmt.Sprint(failed1) {
			t.Errorf("-j %d: failed %v, want %v", workers, failed, failed1)
		}
	}
	got, failed := runJSONLOpt(t, docs, extract.RunOptions{Workers: 1, Serial: true})
	if got != one || fmt.Sprint(failed) != fmt.Sprint(failed1) {
		t.Errorf("serial: output or failed documents (%v) differ from -j 1", failed)
	}
}

// TestRunStops: an emit error or a cancellation stops the batch promptly,
// with a bounded number of documents read ahead.
func TestRunStops(t *testing.T) {
	x := defaultExtractor(t)
	docs := runDocs(t, 200)
	stop := errors.New("stop")
	for _, workers := range []int{0, 1, 3} { // 0: one worker, serial
		opt := extract.RunOptions{Workers: max(workers, 1), Serial: workers == 0}
		var handed atomic.Int64
		n := 0
		err := extract.Run(context.Background(), sliceReader(docs, &handed), x, opt, func(r extract.Result) error {
			n++
			if n == 10 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) {
			t.Errorf("workers %d: got %v, want the emit error", workers, err)
		}
		window := 2 * workers // Run's default
		switch workers {
		case 0:
			window = 0 // reads one document at a time
		case 1:
			window = 16
		}
		if h := handed.Load(); h > int64(10+window+workers+2) {
			t.Errorf("workers %d: %d documents read for 10 emitted: the window is not bounded", workers, h)
		}

		ctx, cancel := context.WithCancel(context.Background())
		n = 0
		err = extract.Run(ctx, sliceReader(docs, nil), x, opt, func(r extract.Result) error {
			n++
			if n == 5 {
				cancel()
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || n != 5 {
			t.Errorf("workers %d: cancelled run returned %v after %d documents, want context.Canceled after 5", workers, err, n)
		}
	}
}

// TestRunBlockedReader: a document read is extracted and emitted while the
// reader is blocked for the next (standard input on a terminal), and a
// cancellation returns even then.
func TestRunBlockedReader(t *testing.T) {
	x := defaultExtractor(t)
	for _, workers := range []int{1, 2} {
		ctx, cancel := context.WithCancel(context.Background())
		block := make(chan struct{})
		read := func(fn func(extract.Input) error) error {
			if err := fn(extract.Input{ID: "a", Text: "“Yes,” he said."}); err != nil {
				return err
			}
			<-block
			return fn(extract.Input{ID: "b", Text: "x"})
		}
		done := make(chan error, 1)
		go func() {
			done <- extract.Run(ctx, read, x, extract.RunOptions{Workers: workers}, func(r extract.Result) error {
				cancel()
				return nil
			})
		}()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("workers %d: got %v, want context.Canceled", workers, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("workers %d: Run did not return after cancellation with a blocked reader", workers)
		}
		close(block)
	}
}

// TestRunReadError: an error of the reader is Run's error, after the
// documents read before it.
func TestRunReadError(t *testing.T) {
	x := defaultExtractor(t)
	bad := errors.New("disk on fire")
	read := func(fn func(extract.Input) error) error {
		for i := range 5 {
			if err := fn(extract.Input{ID: fmt.Sprint(i), Text: "“Yes,” he said."}); err != nil {
				return err
			}
		}
		return bad
	}
	for _, opt := range []extract.RunOptions{{Workers: 2}, {Workers: 1, Serial: true}} {
		var ids []string
		err := extract.Run(context.Background(), read, x, opt, func(r extract.Result) error {
			ids = append(ids, r.Input.ID)
			return nil
		})
		if !errors.Is(err, bad) || len(ids) != 5 {
			t.Errorf("%+v: got %v after %v, want the read error after 5 documents", opt, err, ids)
		}
	}
}
