package htmlpage

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract: no page makes Extract panic or return text that is not
// UTF-8, holds a NUL, or a dropped paragraph placed outside the text or
// inside a line.
//
//	go test ./internal/htmlpage -run '^$' -fuzz FuzzExtract -fuzztime 30s
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"",
		"<p>“A quotation long enough to count,” said someone.</p>",
		"<html><head><meta charset=latin1></head><body><p>\x93x\x94</p></body></html>",
		"<article><p>One.</p><div>“Dropped between the kept paragraphs,” said Ada Lund.</div><p>Two.</p></article>",
		"<table><tr><td>cell<br>cell</td></tr></table><svg><text>icon</text></svg>",
		strings.Repeat("<p>paragraph text of an article, long enough to keep. ", 30),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _ := Extract(data, Options{})
		if !utf8.ValidString(p.Text) || strings.ContainsRune(p.Text, 0) {
			t.Fatalf("text %q is not clean UTF-8", p.Text)
		}
		prev := 0
		for _, d := range p.Dropped {
			if d.At < prev || d.At > len(p.Text) || d.At > 0 && d.At < len(p.Text) && p.Text[d.At-1] != '\n' {
				t.Fatalf("dropped paragraph at %d of %d bytes (after %d)", d.At, len(p.Text), prev)
			}
			prev = d.At
		}
	})
}
