package extract

import (
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/whosaid/whosaid/internal/fileio"
)

// inputFormat is one way of decoding a document: the one place that maps
// a file name, a --input name or a URL's content type to a decoder. A new
// format is one more entry of inputFormats.
type inputFormat struct {
	name string   // the InputOptions.Format value
	exts []string // file name extensions, lower case
	// stream decodes a reader of many documents (JSONL); whole decodes one
	// document read whole. One of them is set.
	stream func(name string, r io.Reader, opt InputOptions, fn func(Input) error) error
	whole  func(id string, data []byte, opt InputOptions) Input
	// types are the HTTP content types (without parameters) it reads.
	types []string
}

// inputFormats is the table of input formats; the first is the default.
func inputFormats() []inputFormat {
	return []inputFormat{
		{name: "text", exts: []string{".txt", ".md"}, whole: textInput, types: []string{"text/plain", "text/markdown"}},
		{name: "jsonl", exts: []string{".jsonl", ".ndjson"}, stream: readJSONL, types: []string{"application/jsonl", "application/x-ndjson"}},
		{name: "html", exts: []string{".html", ".htm", ".xhtml"}, whole: htmlWhole, types: []string{"text/html", "application/xhtml+xml"}},
	}
}

// InputFormats returns the names of the input formats (for --input).
func InputFormats() []string {
	var names []string
	for _, f := range inputFormats() {
		names = append(names, f.name)
	}
	return names
}

// DefaultGlobs returns the file name patterns read inside folders when
// InputOptions.Globs is empty: text, Markdown and HTML files, also
// gzip-compressed.
func DefaultGlobs() []string {
	return []string{"*.txt", "*.md", "*.html", "*.htm", "*.txt.gz", "*.md.gz", "*.html.gz", "*.htm.gz"}
}

// formatOf returns the format of the file name p (a ".gz" suffix taken
// off) or the forced one; gz tells whether the file is gzip-compressed.
func formatOf(p string, opt InputOptions) (f inputFormat, gz bool) {
	gz = strings.EqualFold(filepath.Ext(p), ".gz")
	if gz {
		p = p[:len(p)-3]
	}
	table := inputFormats()
	if opt.Format != "" {
		for _, f := range table {
			if f.name == opt.Format {
				return f, gz
			}
		}
	}
	ext := strings.ToLower(filepath.Ext(p))
	for _, f := range table {
		for _, e := range f.exts {
			if e == ext {
				return f, gz
			}
		}
	}
	return table[0], gz
}

// ownFormat reports whether the file p is read by readFormatted rather
// than the plain text and JSONL readers: HTML, or gzip-compressed.
func ownFormat(p string, opt InputOptions) bool {
	f, gz := formatOf(p, opt)
	return gz || f.name == "html"
}

// readFormatted reads the file p by its entry of the format table,
// decompressing it when it is gzip-compressed; st is its os.Stat (nil when
// unknown).
func readFormatted(p string, st fs.FileInfo, opt InputOptions, fn func(Input) error) error {
	f, gz := formatOf(p, opt)
	file, err := os.Open(p)
	if err != nil {
		return fn(Input{ID: p, Err: fileio.BareError(err)})
	}
	defer file.Close()
	var r io.Reader = file
	size := int64(-1)
	if st != nil && st.Mode().IsRegular() && !gz {
		size = st.Size()
	}
	if gz {
		zr, err := gzip.NewReader(file)
		if err != nil {
			return fn(Input{ID: p, Err: fmt.Errorf("not gzip data: %w", err)})
		}
		defer zr.Close()
		r = zr
	}
	id := p
	if gz {
		id = p[:len(p)-3]
	}
	if f.stream != nil {
		return f.stream(p, r, opt, fn)
	}
	data, err := readAll(r, opt.MaxBytes, size)
	if err != nil {
		return fn(Input{ID: id, Err: fileio.BareError(err)})
	}
	return fn(f.whole(id, data, opt))
}

// readStdinAs reads standard input in the forced format name.
func readStdinAs(opt InputOptions, fn func(Input) error) error {
	f, _ := formatOf("-", opt)
	if f.stream != nil {
		return f.stream("-", opt.Stdin, opt, fn)
	}
	data, err := readAll(opt.Stdin, opt.MaxBytes, -1)
	if err != nil {
		return fn(Input{ID: "-", Err: err})
	}
	return fn(f.whole("-", data, opt))
}
