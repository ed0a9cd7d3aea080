package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/internal/fileio"
)

// openOutput returns the writer for -o PATH, or standard output for "" and
// "-". It checks the target before any work is done:
//
//   - a folder, a socket, a link to a missing file, a missing folder, or a
//     file that is also one of the inputs (the same file, or a file that a
//     folder input would read) is refused;
//   - a regular file (or a new one) is written whole or not at all: to a
//     temporary file in the same folder, renamed over it by commit, with
//     the mode of the file it replaces (a new file gets 0666 minus the
//     umask); abort, and a failing commit, remove the temporary file;
//   - a device or a named pipe is written through, never replaced (a pipe
//     without a reader is refused rather than waited for);
//   - a symbolic link is followed: its target is written, the link stays.
func openOutput(a *app, path string, inputs, globs []string) (w io.Writer, commit func() error, abort func(), err error) {
	if path == "" || path == "-" {
		return a.stdout, func() error { return nil }, func() {}, nil
	}
	refuse := func(format string, args ...any) (io.Writer, func() error, func(), error) {
		return nil, nil, nil, &exitError{exitUsage, fmt.Errorf("-o %s: "+format, append([]any{extract.SafeName(path)}, args...)...)}
	}
	target := path
	st, err := os.Stat(path) // through links, /dev/stdout's /proc/self/fd/1 included
	if lst, lerr := os.Lstat(path); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
		if err != nil {
			return refuse("a symbolic link that leads nowhere (%v)", fileio.BareError(err))
		}
		if st.Mode().IsRegular() {
			// the file the link names is replaced, the link stays
			if target, err = filepath.EvalSymlinks(path); err != nil {
				return refuse("%v", fileio.BareError(err))
			}
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(target)
		if dst, err := os.Stat(dir); err != nil || !dst.IsDir() {
			return refuse("its folder %s does not exist", extract.SafeName(dir))
		}
	case err != nil:
		return refuse("%v", fileio.BareError(err))
	case st.IsDir():
		return refuse("is a folder")
	case st.Mode()&fs.ModeSocket != 0:
		return refuse("is a socket")
	case !st.Mode().IsRegular():
		return writeThrough(path, target, st)
	default:
		if in := sameAsInput(target, st, inputs, globs); in != "" {
			return refuse("is also an input (%s): it would be overwritten", extract.SafeName(in))
		}
	}
	var perm fs.FileMode // 0: a new file, 0666 minus the umask
	if st != nil {
		perm = st.Mode().Perm()
	}
	f, err := fileio.CreateWhole(target, perm)
	if err != nil {
		return refuse("%v", fileio.BareError(err))
	}
	a.addTemp(f.File)
	// commit's errors never name the temporary file: the caller names
	// the -o path
	commit = func() error {
		defer a.dropTemp(f.File)
		return f.Commit()
	}
	abort = func() { f.Abort(); a.dropTemp(f.File) }
	return f, commit, abort, nil
}

// writeThrough opens a device or named pipe for writing. A pipe is opened
// without waiting: with no reader it is refused.
func writeThrough(path, target string, st fs.FileInfo) (io.Writer, func() error, func(), error) {
	flags := os.O_WRONLY
	if st.Mode()&fs.ModeNamedPipe != 0 {
		flags |= syscall.O_NONBLOCK
	}
	f, err := os.OpenFile(target, flags, 0)
	if err != nil {
		if errors.Is(err, syscall.ENXIO) {
			err = errors.New("a named pipe that nobody reads")
		} else {
			err = fileio.BareError(err)
		}
		return nil, nil, nil, &exitError{exitUsage, fmt.Errorf("-o %s: %v", extract.SafeName(path), err)}
	}
	return f, f.Close, func() { f.Close() }, nil
}
