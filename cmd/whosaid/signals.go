package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// signalError is the cause of a run's cancellation by a signal.
type signalError struct{ sig syscall.Signal }

func (e *signalError) Error() string {
	switch e.sig {
	case syscall.SIGTERM:
		return "terminated"
	case syscall.SIGHUP:
		return "hangup"
	}
	return "interrupted"
}

// exitCode is 128 + the signal number: 130 for SIGINT, 143 for SIGTERM,
// 129 for SIGHUP.
func (e *signalError) exitCode() int { return 128 + int(e.sig) }

// stopped returns the message and exit code of a run whose context was
// cancelled: by a signal (its cause), or else an interrupt.
func stopped(ctx context.Context) (string, int) {
	var se *signalError
	if errors.As(context.Cause(ctx), &se) {
		return se.Error(), se.exitCode()
	}
	return "interrupted", exitInterrupted
}

// signalDelay is how long a process runs before it installs the handlers
// of the signals that stop a run (signalGuard), unless it opens an output
// file sooner. Installing them starts the runtime's signal machinery: two
// more threads (one locked to its goroutine) and their hand-overs, about a
// quarter of the time of a 3 KB article's whole run (docs/performance.md,
// start-up, round three); a run that ends sooner never pays it. A signal
// sooner ends the process the default way, as during the program's own
// start: the same exit status (128 + the signal), no message.
const signalDelay = 50 * time.Millisecond

// signalGuard installs, once, the handlers of SIGINT, SIGTERM and SIGHUP,
// which cancel the run with a signalError as cause; after the first
// signal, a second one kills the process the default way. A nil guard
// (tests that run commands in-process) does nothing.
type signalGuard struct {
	once   sync.Once
	cancel context.CancelCauseFunc
}

// newSignalGuard returns the guard of a process, which installs the
// handlers after signalDelay or at install, whichever comes first.
func newSignalGuard(cancel context.CancelCauseFunc) *signalGuard {
	g := &signalGuard{cancel: cancel}
	time.AfterFunc(signalDelay, g.install) // (a no-op once installed)
	return g
}

// install installs the handlers, if not yet done; it returns once they
// are in place. A command calls it (app.guardSignals) before it creates
// a file that a signal must not leave behind.
func (g *signalGuard) install() {
	if g == nil {
		return
	}
	g.once.Do(func() {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		go func() {
			sig := <-sigs
			signal.Reset(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			g.cancel(&signalError{sig.(syscall.Signal)})
		}()
	})
}

// interrupted writes the message of a run stopped by a signal (or a
// cancellation) and returns its exit code.
func (a *app) interrupted() int {
	msg, code := stopped(a.ctx)
	fmt.Fprintln(a.stderr, "whosaid:", msg)
	return code
}

// giveUpAfterStop makes the process give its command up when the app's
// context is done (a signal) and the command has not returned stopGrace
// later: a read blocked in the kernel (opening a named pipe that nobody
// writes) cannot be cancelled. The temporary output files are removed and
// the process exits (a.exit) as a stopped run does. It returns the
// function to call once the command has returned, which cancels that. An
// app without exit (tests that run commands in-process) waits for its
// command.
func (a *app) giveUpAfterStop() (returned func()) {
	if a.exit == nil {
		return func() {}
	}
	var (
		mu    sync.Mutex
		done  bool
		timer *time.Timer
	)
	stop := context.AfterFunc(a.ctx, func() {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return
		}
		timer = time.AfterFunc(stopGrace, func() {
			mu.Lock() // held until the exit: the command's return waits
			if done {
				mu.Unlock()
				return
			}
			a.removeTemps()
			a.exit(a.interrupted())
		})
	})
	return func() {
		stop()
		mu.Lock()
		defer mu.Unlock()
		done = true
		if timer != nil {
			timer.Stop()
		}
	}
}
