package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress draws a one-line progress bar on a terminal's standard error for
// long runs: documents done, megabytes read, MB/s, and the share done and
// the time left when the input's size is known. It draws nothing for the
// first half second, so a single article never shows one. All writes to
// standard error during a run go through it (message), so that a message
// never lands in the middle of the bar.
type progress struct {
	w     io.Writer
	on    bool // draw the bar (stderr is a terminal, no --quiet)
	start time.Time

	mu    sync.Mutex
	docs  int64 // documents done (emitted)
	bytes int64 // input bytes read (estimated for JSONL)
	total int64 // input bytes in all, 0 when unknown
	shown bool  // a bar is on the screen

	stop chan struct{}
	done chan struct{}
}

// progressDelay is the time before the bar first shows; progressTick the
// time between redraws.
const (
	progressDelay = 500 * time.Millisecond
	progressTick  = 200 * time.Millisecond
)

// newProgress starts a progress bar on w when on is true; otherwise it only
// passes messages through.
func newProgress(w io.Writer, on bool) *progress {
	p := &progress{w: w, on: on, start: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
	if !on {
		close(p.done)
		return p
	}
	go func() {
		defer close(p.done)
		t := time.NewTicker(progressTick)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.mu.Lock()
				if time.Since(p.start) >= progressDelay {
					p.draw()
				}
				p.mu.Unlock()
			}
		}
	}()
	return p
}

// setTotal sets the size of the whole input in bytes.
func (p *progress) setTotal(n int64) {
	p.mu.Lock()
	p.total = n
	p.mu.Unlock()
}

// read counts n bytes of input read.
func (p *progress) read(n int64) {
	p.mu.Lock()
	p.bytes += n
	p.mu.Unlock()
}

// doc counts one document done.
func (p *progress) doc() {
	p.mu.Lock()
	p.docs++
	p.mu.Unlock()
}

// message writes a line to standard error above the bar.
func (p *progress) message(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintf(p.w, format, args...)
}

// finish stops the bar and clears it.
func (p *progress) finish() {
	if p.on {
		select {
		case <-p.stop:
		default:
			close(p.stop)
		}
	}
	<-p.done
	p.mu.Lock()
	p.clear()
	p.mu.Unlock()
}

func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// draw writes the bar; p.mu is held.
func (p *progress) draw() {
	el := time.Since(p.start).Seconds()
	mb := float64(p.bytes) / 1e6
	rate := 0.0
	if el > 0 {
		rate = mb / el
	}
	line := p.line(mb, rate, el)
	fmt.Fprint(p.w, "\r\x1b[K"+line)
	p.shown = true
}

// line formats the bar (at most 79 columns).
func (p *progress) line(mb, rate, elapsed float64) string {
	stats := fmt.Sprintf("%d docs  %.1f MB  %.1f MB/s", p.docs, mb, rate)
	if p.total <= 0 {
		return "whosaid: " + stats + "  " + clock(elapsed)
	}
	frac := float64(p.bytes) / float64(p.total)
	frac = min(max(frac, 0), 0.999) // estimates for JSONL may overshoot
	const width = 20
	n := int(frac * width)
	bar := "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
	eta := "ETA --:--"
	if rate > 0 && p.bytes > 0 {
		left := (float64(p.total) - float64(p.bytes)) / 1e6 / rate
		eta = "ETA " + clock(max(left, 0))
	}
	return fmt.Sprintf("%s %3.0f%%  %s  %s", bar, frac*100, stats, eta)
}

// clock formats seconds as m:ss or h:mm:ss.
func clock(s float64) string {
	t := int(s + 0.5)
	if t >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", t/3600, t/60%60, t%60)
	}
	return fmt.Sprintf("%d:%02d", t/60, t%60)
}
