package htmlpage

import (
	"strings"
	"testing"
)

// TestExtractDropsBoxedQuote: the extractor leaves out a box with an
// attributed quotation between two article paragraphs; Extract reports it
// as dropped, at the place it stood.
func TestExtractDropsBoxedQuote(t *testing.T) {
	p, err := Extract(readPage(t, "harbour.html"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(p.Text, "Ekdahl") {
		t.Skip("the extractor kept the quote box: nothing to rescue on this page")
	}
	if len(p.Dropped) != 1 || !strings.Contains(p.Dropped[0].Text, "said Lars Ekdahl") {
		t.Fatalf("dropped = %+v, want the quote box", p.Dropped)
	}
	if at := p.Dropped[0].At; !strings.HasPrefix(p.Text[at:], "The council has promised") {
		t.Errorf("the box goes at %d, before %.40q; want before the paragraph that followed it", at, p.Text[at:])
	}
}
