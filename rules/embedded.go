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
	// crc is the CRC-32 of the file's bytes, recorded when this table was
	// made (TestEmbeddedFiles checks it against the bytes): a load of the
	// defaults knows their CRCs without reading ~200 KB (see sourceCRC)
	crc uint32
}

// bytes returns the file's bytes: the program's embedded data, read-only.
func (f *embeddedData) bytes() []byte { return unsafe.Slice(unsafe.StringData(*f.data), len(*f.data)) }

// sourceCRC returns the CRC-32 of the bytes data of the source name: the
// CRC recorded in defaultFileData when data is that embedded file's data
// itself (the same bytes at the same address: DefaultSources gives the
// embedded strings without a copy), else computed over data.
func sourceCRC(name string, data []byte) uint32 {
	if p := unsafe.SliceData(data); p != nil {
		for i := range defaultFileData {
			f := &defaultFileData[i]
			if f.name == name && len(*f.data) == len(data) && unsafe.StringData(*f.data) == p {
				return f.crc
			}
		}
	}
	return crc32.ChecksumIEEE(data)
}
