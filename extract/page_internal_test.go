package extract

import (
	"bytes"
	"testing"
)

// TestPageDocJSON: the JSON of an HTML page's document, with its url,
// byline and text, is the same from the streaming encoder as from
// encoding/json, empty fields left out.
func TestPageDocJSON(t *testing.T) {
	docs := []*Document{
		{ID: "p", Title: "T", Date: "2031-04-17", URL: "https://x.example/a?b=1&c=<2>", Byline: "Ann Lee", Text: "“Quote,” she said.\n\nMore \u2028.", Page: &Page{}},
		{ID: "empty page fields", Page: &Page{}},
		{ID: "text document", URL: "ignored", Text: "not written"},
	}
	for _, d := range docs {
		want := marshalLine(t, d)
		got, ok := streamDocJSON(nil, d, nil, nil)
		if !ok || !bytes.Equal(got, want) {
			t.Errorf("%s: got\n%s\nwant\n%s", d.ID, got, want)
		}
	}
}
