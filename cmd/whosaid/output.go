package main

import (
	"fmt"
	"io"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/internal/fileio"
)

// openOutput returns the writer for -o PATH, or standard output for "" and
// "-". It checks the target before any work is done (fileio.CheckTarget:
// a folder, a socket, a link that leads nowhere or a missing folder is
// refused), and refuses a file that is also one of the inputs (the same
// file, or a file that a folder input would read). The target is opened
// as fileio's Target.Open says: a regular file written whole by commit
// (abort, and a failing commit, remove the temporary file, as does a
// signal: removeTemps), a device or named pipe written through, a
// symbolic link followed (its target is written, the link stays).
func openOutput(a *app, path string, inputs, globs []string) (w io.Writer, commit func() error, abort func(), err error) {
	if path == "" || path == "-" {
		return a.stdout, func() error { return nil }, func() {}, nil
	}
	refuse := func(err error) (io.Writer, func() error, func(), error) {
		return nil, nil, nil, &exitError{exitUsage, fmt.Errorf("-o %s: %v", extract.SafeName(path), err)}
	}
	a.guardSignals() // a signal from now on removes the temporary file
	t, err := fileio.CheckTarget(path)
	if err != nil {
		return refuse(err)
	}
	if t.Replaced() {
		if in := sameAsInput(t.Path, t.Info, inputs, globs); in != "" {
			return refuse(fmt.Errorf("is also an input (%s): it would be overwritten", extract.SafeName(in)))
		}
	}
	out, err := t.Open()
	if err != nil {
		return refuse(err)
	}
	whole, ok := out.(*fileio.Whole)
	if !ok {
		return out, out.Commit, out.Abort, nil
	}
	a.addTemp(whole.File)
	// commit's errors never name the temporary file: the caller names
	// the -o path
	commit = func() error {
		defer a.dropTemp(whole.File)
		return whole.Commit()
	}
	abort = func() { whole.Abort(); a.dropTemp(whole.File) }
	return whole, commit, abort, nil
}
