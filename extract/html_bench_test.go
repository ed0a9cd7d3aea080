package extract_test

// Throughput on HTML pages, in MB/s of HTML (b.SetBytes), with the content
// extractor alone as the baseline in the same run:
//
//	go test ./extract -run '^$' -bench HTML -benchtime 2x
//
// Sub-benchmarks: trafilatura (go-trafilatura alone, with the options
// whosaid uses), page (internal/htmlpage: parsing, extraction, text,
// metadata, rescue candidates) and extract (the page read as an input and
// the whole pipeline on it, rescue included). The pages are those of
// ../shared/eval/html-dev (*.html.gz, next to the module root, or the folder
// WHOSAID_HTML_DEV names); without them, the shipped test page.

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/markusmobius/go-trafilatura"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/internal/htmlpage"
)

func htmlBenchPages(b *testing.B) [][]byte {
	dir := evalPath("html-dev")
	if dir == "" {
		dir = os.Getenv("WHOSAID_HTML_DEV")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	var pages [][]byte
	for _, f := range files {
		raw, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(raw)
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		data, err := io.ReadAll(zr)
		raw.Close()
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		pages = append(pages, data)
	}
	if len(pages) == 0 {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "html", "harbour.html"))
		if err != nil {
			b.Fatal(err)
		}
		pages = [][]byte{data}
	}
	return pages
}

func BenchmarkHTML(b *testing.B) {
	pages := htmlBenchPages(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	x := defaultExtractor(b)
	b.Run("trafilatura", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, p := range pages {
				trafilatura.Extract(bytes.NewReader(p), trafilatura.Options{ExcludeComments: true, HtmlDateMode: trafilatura.Disabled})
			}
		}
	})
	b.Run("page", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, p := range pages {
				htmlpage.Extract(p, htmlpage.Options{})
			}
		}
	})
	b.Run("extract", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, p := range pages {
				opt := extract.InputOptions{Format: "html", Stdin: bytes.NewReader(p)}
				err := extract.ReadInputs([]string{"-"}, opt, func(in extract.Input) error {
					if in.Err == nil {
						x.ExtractInput(in)
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
