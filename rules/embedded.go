package rules

import (
	"hash/crc32"
	"unsafe"
)

// embeddedData is a default file embedded as a string.
type embeddedData struct {
	path string // defaults/…
	name string // its name in messages: defaultPrefix and the path in defaults
	data *string
	// size is the file's length and crc the CRC-32 of its bytes, recorded
	// when this table was made (TestEmbeddedFiles checks them against the
	// bytes): a load of the defaults knows their CRCs without reading
	// ~200 KB (see sourceCRC)
	size int
	crc  uint32
}

// bytes returns the file's bytes: the program's embedded data, read-only.
func (f *embeddedData) bytes() []byte { return unsafe.Slice(unsafe.StringData(*f.data), len(*f.data)) }

// sourceCRC returns the CRC-32 of the bytes data of the source name: the
// CRC recorded in defaultFileData when data is that embedded file's data
// itself (the same bytes at the same address: DefaultSources gives the
// embedded strings without a copy) and as long as when the CRC was
// recorded, else computed over data. (A default file edited without `go
// generate ./rules` is then read from its YAML, unless the edit kept its
// length; TestEmbeddedFiles fails either way.)
func sourceCRC(name string, data []byte) uint32 {
	if p := unsafe.SliceData(data); p != nil {
		for i := range defaultFileData {
			f := &defaultFileData[i]
			if f.name == name && len(*f.data) == len(data) && f.size == len(data) && unsafe.StringData(*f.data) == p {
				return f.crc
			}
		}
	}
	return crc32.ChecksumIEEE(data)
}
