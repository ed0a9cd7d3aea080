// Package fileio owns the project's file-system helpers that more than one
// package needs: the target of an output checked and opened (CheckTarget,
// Target.Open), a file written whole or not at all (Whole), I/O errors
// stripped of the path that the caller's own message already names
// (BareError), and a name as it can stand in such a message (SafeName).
package fileio

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"unicode/utf8"
)

// Whole is a file written whole or not at all: the bytes go to a temporary
// file next to the target (.NAME.tmpRANDOM), which Commit renames over the
// target and Abort removes.
type Whole struct {
	*os.File
	target string
}

// CreateWhole opens a temporary file next to target. A non-zero perm is
// given to it (the mode of the file it replaces); with perm 0 it has 0666
// minus the umask.
func CreateWhole(target string, perm fs.FileMode) (*Whole, error) {
	dir, base := filepath.Split(target)
	for range 10 {
		var b [6]byte
		rand.Read(b[:])
		name := filepath.Join(dir, "."+base+".tmp"+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if perm != 0 {
			if err := f.Chmod(perm); err != nil {
				f.Close()
				os.Remove(name)
				return nil, err
			}
		}
		return &Whole{File: f, target: target}, nil
	}
	return nil, errors.New("cannot create a temporary file")
}

// Commit closes the temporary file and renames it over the target. On
// failure the temporary file is removed; the error never names it.
func (w *Whole) Commit() error {
	if err := w.File.Close(); err != nil {
		os.Remove(w.Name())
		return BareError(err)
	}
	if err := os.Rename(w.Name(), w.target); err != nil {
		os.Remove(w.Name())
		return BareError(err)
	}
	return nil
}

// Abort closes and removes the temporary file; the target is untouched.
func (w *Whole) Abort() {
	w.File.Close()
	os.Remove(w.Name())
}

// BareError strips the operation and path from an I/O error (fs.PathError,
// os.LinkError), for messages that name the path themselves.
func BareError(err error) error {
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

// SafeName returns a name (a file name, a document id) as it can stand in
// a one-line message on a terminal: Go-quoted when it holds a character
// that is not printable — control characters (a newline, an escape
// sequence), bidirectional overrides and other format characters that
// would reorder the line — or invalid UTF-8; as it is otherwise.
func SafeName(name string) string {
	if !utf8.ValidString(name) {
		return strconv.Quote(name)
	}
	for _, r := range name {
		if r != ' ' && !strconv.IsPrint(r) {
			return strconv.Quote(name)
		}
	}
	return name
}
