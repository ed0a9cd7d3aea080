package extract_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
)

// TestReviewPageEscapes checks that text from the input cannot add markup
// to the review page, in the article text nor in the data, and that
// records with offsets that do not fit the text are left unmarked rather
// than breaking the page.
func TestReviewPageEscapes(t *testing.T) {
	x := defaultExtractor(t)
	text := "Tags in the news\n\n“</script><script>alert(1)</script> is <b>bold</b> & <img src=x onerror=alert(2)>,” said Eve Hacker.\n\n" +
		"A line with \u2028 a separator and </mark> a closing tag.\n"
	doc, err := x.Extract("tags.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Quotes) == 0 {
		t.Fatal("no quote in the test passage: the extraction changed, adapt the test")
	}
	odd := &extract.Document{ID: "odd.txt", Text: "short text", Quotes: []extract.Record{
		{ID: "q1", Quote: "beyond", Start: 6, End: 500},
		{ID: "q2", Quote: "negative", Start: -3, End: 2},
		{ID: "q3", Quote: "empty", Start: 4, End: 4},
		{ID: "q4", Quote: "overlap", Start: 0, End: 5},
		{ID: "q5", Quote: "inside", Start: 2, End: 4},
	}}
	var page bytes.Buffer
	w, err := extract.NewWriter("html", &page, extract.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*extract.Document{doc, odd} {
		if err := w.WriteDoc(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	out := page.String()
	if n := strings.Count(out, "<script"); n != 2 {
		t.Errorf("%d script elements, want the page's 2 (data and code)", n)
	}
	for _, bad := range []string{"<img", "<b>", "alert(1)</script>", "</mark> a closing"} {
		if strings.Contains(out, bad) {
			t.Errorf("input markup %q reached the page", bad)
		}
	}
	if !strings.Contains(out, "&lt;img src=x") || !strings.Contains(out, `\u003c/script\u003e`) {
		t.Errorf("the markup is not shown as text in the article and the data")
	}
	// the odd document: q4 (0-5) with q5 (2-4) marked inside it, and the
	// clipped q1 (6-); q2 and q3 are not marked
	i := strings.Index(out, `id="d1"`)
	if i < 0 {
		t.Fatal("no second article")
	}
	art := out[i:]
	art = art[:strings.Index(art, "</article>")]
	if n := strings.Count(art, "<mark"); n != 4 || !strings.Contains(art, ">sh</mark>") || !strings.Contains(art, ">or</mark>") || !strings.Contains(art, ">text</mark>") {
		t.Errorf("odd offsets give the article %q", art)
	}
}
