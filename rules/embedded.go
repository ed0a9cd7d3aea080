package rules

import (
	"io/fs"
	"unsafe"
)

// embeddedFile returns the bytes of the embedded default file at path
// (defaults/…): the program's embedded data itself when the file is one of
// defaultFileData (made by go generate ./rules), with no copy; else a copy
// read from defaultFS. Reading every default file into fresh memory at
// each start (some 350 KB, the language packs' included) cost more page
// faults than any other part of it.
func embeddedFile(path string) ([]byte, error) {
	for i := range defaultFileData {
		if f := &defaultFileData[i]; f.path == path {
			return unsafe.Slice(unsafe.StringData(*f.data), len(*f.data)), nil
		}
	}
	return fs.ReadFile(defaultFS, path)
}

// embeddedData is a default file embedded as a string.
type embeddedData struct {
	path string
	data *string
}
