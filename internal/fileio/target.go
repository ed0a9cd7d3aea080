package fileio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Target is the file an output named by a path goes to, as CheckTarget
// found it before any work was done.
type Target struct {
	// Path is the file written: the path, or the regular file that a
	// symbolic link there names (the file is replaced, the link stays).
	Path string
	// Info is Path's os.Stat (through links), nil for a new file.
	Info fs.FileInfo
}

// CheckTarget examines path as the target of an output. It refuses a
// folder, a socket, a symbolic link that leads nowhere and a new file
// whose folder does not exist; its errors say what is wrong without the
// path, which the caller's message names (a missing folder is named, as
// SafeName gives it).
func CheckTarget(path string) (Target, error) {
	t := Target{Path: path}
	st, err := os.Stat(path) // through links, /dev/stdout's /proc/self/fd/1 included
	if lst, lerr := os.Lstat(path); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
		if err != nil {
			return t, fmt.Errorf("a symbolic link that leads nowhere (%v)", BareError(err))
		}
		if st.Mode().IsRegular() {
			if t.Path, err = filepath.EvalSymlinks(path); err != nil {
				return t, BareError(err)
			}
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(t.Path)
		if dst, err := os.Stat(dir); err != nil || !dst.IsDir() {
			return t, fmt.Errorf("its folder %s does not exist", SafeName(dir))
		}
		return t, nil
	case err != nil:
		return t, BareError(err)
	case st.IsDir():
		return t, errors.New("is a folder")
	case st.Mode()&fs.ModeSocket != 0:
		return t, errors.New("is a socket")
	}
	t.Info = st
	return t, nil
}

// Replaced reports whether the target is a regular file that the output
// replaces (not a new file, a device or a named pipe).
func (t Target) Replaced() bool {
	return t.Info != nil && t.Info.Mode().IsRegular()
}

// Output is an opened Target: Commit finishes it and Abort gives it up.
type Output interface {
	io.Writer
	Commit() error
	Abort()
}

// Open opens the target for writing. A regular file, or a new one, is
// written whole or not at all (a *Whole, with the mode of the file it
// replaces; a new file gets 0666 minus the umask). A device or a named
// pipe is written through, never replaced: Commit and Abort close it; a
// pipe is opened without waiting, so one that nobody reads is refused.
// Errors do not name the path.
func (t Target) Open() (Output, error) {
	if t.Info == nil || t.Info.Mode().IsRegular() {
		var perm fs.FileMode // 0: a new file, 0666 minus the umask
		if t.Info != nil {
			perm = t.Info.Mode().Perm()
		}
		w, err := CreateWhole(t.Path, perm)
		if err != nil {
			return nil, BareError(err)
		}
		return w, nil
	}
	flags := os.O_WRONLY
	if t.Info.Mode()&fs.ModeNamedPipe != 0 {
		flags |= syscall.O_NONBLOCK
	}
	f, err := os.OpenFile(t.Path, flags, 0)
	if errors.Is(err, syscall.ENXIO) {
		return nil, errors.New("a named pipe that nobody reads")
	}
	if err != nil {
		return nil, BareError(err)
	}
	return through{f}, nil
}

// through is a device or named pipe written through: there is nothing to
// commit but its closing.
type through struct{ *os.File }

func (t through) Commit() error { return t.Close() }
func (t through) Abort()        { t.Close() }
