package extract

import (
	"strings"
	"unsafe"
)

// maxRescued bounds the dropped paragraphs of one page tested for an
// attributed quotation (each test is a small extraction).
const maxRescued = 200

// PageText returns the text of the document in: its Text, and for an
// HTML page the paragraphs the content extractor dropped that hold an
// attributed quotation (a pull quote's or an interview answer's paragraph
// the extractor took for decoration), each put back where it stood in the
// page. Offsets of the document refer to this text.
func (x *Extractor) PageText(in Input) string {
	if in.Page == nil || len(in.Page.Dropped) == 0 {
		return in.Text
	}
	var b strings.Builder
	prev := 0
	for i, d := range in.Page.Dropped {
		if i == maxRescued {
			break
		}
		if d.At < prev || d.At > len(in.Text) || !x.attributed(d.Text) {
			continue
		}
		b.WriteString(in.Text[prev:d.At])
		if d.At == len(in.Text) && d.At > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(d.Text)
		if d.At < len(in.Text) {
			b.WriteString("\n\n")
		}
		prev = d.At
	}
	if prev == 0 && b.Len() == 0 {
		return in.Text
	}
	b.WriteString(in.Text[prev:])
	return b.String()
}

// attributed reports whether the paragraph p holds a quotation that the
// rules attribute to a speaker.
func (x *Extractor) attributed(p string) bool {
	doc, err := x.Extract("", p)
	if err != nil {
		return false
	}
	for _, q := range doc.Quotes {
		if q.Speaker != "" {
			return true
		}
	}
	return false
}

// ExtractInput runs the whole pipeline on a document as ReadInputs gave
// it: for an HTML page on its PageText, with the page's title, date,
// byline and URL in the document (the page's metadata wins over what
// cleanup found in the text).
func (x *Extractor) ExtractInput(in Input) (*Document, error) {
	if in.Page == nil {
		if sameString(in.Text, in.checked) {
			doc := x.extractChecked(in.ID, in.Text)
			doc.Meta = in.Meta
			return doc, nil
		}
		doc, err := x.Extract(in.ID, in.Text)
		if doc != nil {
			doc.Meta = in.Meta
		}
		return doc, err
	}
	text := x.PageText(in)
	doc, err := x.Extract(in.ID, text)
	if err != nil {
		return nil, err
	}
	pageFields(doc, in.Page)
	doc.Page, doc.Meta = in.Page, in.Meta
	return doc, nil
}

func pageFields(doc *Document, p *Page) {
	if p.Title != "" {
		doc.Title = p.Title
	}
	if p.Date != "" {
		doc.Date = p.Date
	}
	doc.Byline = p.Byline
	doc.URL = p.URL
}

// sameString reports whether a and b are the same bytes in memory: then
// they hold the same text, as a string's bytes do not change.
func sameString(a, b string) bool {
	return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b)
}
