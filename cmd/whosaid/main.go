// Command whosaid extracts quotations from news text and attributes each one
// to its speaker and the speaker's title.
//
// Run `whosaid --help` for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	var gc *gcPolicy // the command's one GC policy (gc.go), unless the environment sets one
	if os.Getenv("GOGC") == "" {
		gc = newGCPolicy()
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
	code := (&app{ctx: ctx, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, gc: gc}).run(os.Args[1:])
	signal.Stop(sigs)
	os.Exit(code)
}
