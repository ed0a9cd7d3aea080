// Command whosaid extracts quotations from news text and attributes each one
// to its speaker and the speaker's title.
//
// Run `whosaid --help` for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// gcPercent is the garbage collector's target (GOGC) when the environment
// sets none. The live heap of an extraction is small (about 10 MB: one
// document per worker and the ruleset), so the default of 100 collects
// every few megabytes of garbage; 400 takes about 10% off the CPU time of
// a large run for some 10 MB more of peak memory. No memory limit is set:
// a fixed one makes the collector thrash on a document whose live heap
// nears it, so that time grows faster than the document.
const gcPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		sig := <-sigs
		// After the first signal, a second one kills the process the
		// default way.
		signal.Reset(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		cancel(&signalError{sig.(syscall.Signal)})
	}()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	signal.Stop(sigs)
	os.Exit(code)
}
