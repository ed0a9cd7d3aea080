package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/whosaid/whosaid/extract"
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
			return refuse("a symbolic link that leads nowhere (%v)", ioErr(err))
		}
		if st.Mode().IsRegular() {
			// the file the link names is replaced, the link stays
			if target, err = filepath.EvalSymlinks(path); err != nil {
				return refuse("%v", ioErr(err))
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
		return refuse("%v", ioErr(err))
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
	perm := fs.FileMode(0o666) // minus the umask, by the kernel
	if st != nil {
		perm = st.Mode().Perm()
	}
	f, err := createTemp(target)
	if err != nil {
		return refuse("%v", ioErr(err))
	}
	if st != nil {
		if err := f.Chmod(perm); err != nil {
			f.Close()
			os.Remove(f.Name())
			return refuse("%v", ioErr(err))
		}
	}
	a.addTemp(f)
	// commit's errors never name the temporary file: the caller names
	// the -o path
	commit = func() error {
		defer a.dropTemp(f)
		if err := f.Close(); err != nil {
			os.Remove(f.Name())
			return ioErr(err)
		}
		if err := os.Rename(f.Name(), target); err != nil {
			os.Remove(f.Name())
			return ioErr(err)
		}
		return nil
	}
	abort = func() { f.Close(); os.Remove(f.Name()); a.dropTemp(f) }
	return f, commit, abort, nil
}

// createTemp creates a new file next to target, .NAME.tmpRANDOM, with mode
// 0666 minus the umask.
func createTemp(target string) (*os.File, error) {
	dir, base := filepath.Split(target)
	for range 10 {
		var b [6]byte
		rand.Read(b[:])
		name := filepath.Join(dir, "."+base+".tmp"+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("cannot create a temporary file")
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
			err = ioErr(err)
		}
		return nil, nil, nil, &exitError{exitUsage, fmt.Errorf("-o %s: %v", extract.SafeName(path), err)}
	}
	return f, f.Close, func() { f.Close() }, nil
}

// ioErr strips the operation and path from an I/O error: the message
// names the path itself.
func ioErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
