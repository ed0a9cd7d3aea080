package extract

import (
	"strconv"
	"strings"
	"testing"
)

// TestDeduperState checks that the Deduper's state grows with the distinct
// quotations only, and never holds their text.
func TestDeduperState(t *testing.T) {
	long := strings.Repeat("the harbour will be dredged again ", 300)
	d := NewDeduper()
	for i := range 1000 {
		doc := &Document{ID: "doc" + strconv.Itoa(i), Quotes: []Record{
			{ID: "q1", Quote: long}, // the same in every document
			{ID: "q2", Quote: "pier number " + strconv.Itoa(i) + " will close"}, // distinct
		}}
		d.Mark(doc, false)
	}
	if len(d.first) != 1001 {
		t.Errorf("%d entries for 1001 distinct quotations", len(d.first))
	}
	for _, site := range d.first {
		if len(site.doc)+len(site.id) > 16 {
			t.Errorf("an entry holds %d bytes of text: %+v", len(site.doc)+len(site.id), site)
		}
	}
}
