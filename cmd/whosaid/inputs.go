package main

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/whosaid/whosaid/extract"
)

// This file answers what a command needs to know of its inputs on disk
// before reading them: whether -o would replace one of them, and how many
// bytes they hold (for the progress bar).

// sameAsInput returns the input that the regular file target (st) is, or
// that a folder input would read, or "".
func sameAsInput(target string, st fs.FileInfo, inputs, globs []string) string {
	globs = folderGlobs(globs)
	absTarget, _ := filepath.Abs(target)
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		ist, err := os.Stat(in)
		if err != nil {
			continue
		}
		if os.SameFile(st, ist) {
			return in
		}
		if !ist.IsDir() {
			continue
		}
		dir, err := filepath.EvalSymlinks(in)
		if err != nil {
			continue
		}
		dir, _ = filepath.Abs(dir)
		rel, err := filepath.Rel(dir, absTarget)
		if err != nil || rel == ".." || len(rel) > 3 && rel[:3] == ".."+string(filepath.Separator) {
			continue
		}
		if matchesGlob(filepath.Base(target), globs) {
			return in
		}
	}
	return ""
}

// inputSize returns the bytes in the inputs at paths (files, and the files
// of folders that match globs; standard input when it is a regular file),
// or 0 when some size cannot be known.
func inputSize(paths []string, globs []string, stdin io.Reader) int64 {
	globs = folderGlobs(globs)
	var total int64
	for _, p := range paths {
		if p == "-" {
			f, ok := stdin.(*os.File)
			if !ok {
				return 0
			}
			st, err := f.Stat()
			if err != nil || !st.Mode().IsRegular() {
				return 0
			}
			total += st.Size()
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			continue // reported by the reader
		}
		if !st.IsDir() {
			total += st.Size()
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if matchesGlob(d.Name(), globs) {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	return total
}

// jsonlSize estimates the bytes of the JSONL line that held a document:
// its text and id JSON-escaped, and the keys.
func jsonlSize(id, text string) int64 {
	return int64(len(`{"id": "", "text": ""}`)+1) + jsonStringSize(id) + jsonStringSize(text)
}

func jsonStringSize(s string) int64 {
	n := int64(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t':
			n++
		case c < 0x20:
			n += 5
		}
	}
	return n
}

// folderGlobs returns the file name patterns by which a folder input's
// files are chosen: globs, else extract's defaults.
func folderGlobs(globs []string) []string {
	if len(globs) == 0 {
		return extract.DefaultGlobs()
	}
	return globs
}

// matchesGlob reports whether the file name matches one of globs, as a
// folder input's files are chosen.
func matchesGlob(name string, globs []string) bool {
	for _, g := range globs {
		if ok, _ := filepath.Match(g, name); ok {
			return true
		}
	}
	return false
}
