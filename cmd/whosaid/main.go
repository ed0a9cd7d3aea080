// Command whosaid extracts quotations from news text and attributes each one
// to its speaker and the speaker's title.
//
// Run `whosaid --help` for the commands.
package main

import (
	"context"
	"os"

	_ "github.com/whosaid/whosaid/internal/hugeheap" // the heap's allocations on huge pages from the packages' set-up on: fewer page faults (WHOSAID_HUGEHEAP=0: off)
)

func main() {
	var gc *gcPolicy // the command's one GC policy (gc.go), unless the environment sets one
	if os.Getenv("GOGC") == "" {
		gc = newGCPolicy()
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	a := &app{ctx: ctx, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, gc: gc, signals: newSignalGuard(cancel), exit: os.Exit}
	code := a.run(os.Args[1:])
	os.Exit(code)
}
