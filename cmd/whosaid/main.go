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
)

// gcPercent is the garbage collector's target (GOGC) when the environment
// sets none. The live heap of an extraction is small (about 10 MB: one
// document per worker and the ruleset), so the default of 100 collects
// every few megabytes of garbage; 400 takes about 10% off the CPU time of
// a large run for some 10 MB more of peak memory.
const gcPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	// After the first Ctrl-C, a second one kills the process the default way.
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
