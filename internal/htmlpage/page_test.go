package htmlpage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/xnet/html"
)

func readPage(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "html", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestExtractArticleAndMetadata(t *testing.T) {
	p, err := Extract(readPage(t, "harbour.html"), Options{URL: "https://mirror.example/copy"})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ field, got, want string }{
		{"title", p.Title, "Harbour bridge to close for three months of repairs"},
		{"date", p.Date, "2031-04-17"},
		{"byline", p.Byline, "Petra Lindqvist"},
		{"url", p.URL, "https://courier.example/news/harbour-bridge-repairs"}, // the canonical URL wins
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	for _, want := range []string{
		"“We cannot wait for another winter, the steel will not take it,” said Tomas Berglund",
		"Mayor Anna Sjöberg defended the decision.",
	} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("article text lacks %q:\n%s", want, p.Text)
		}
	}
	for _, junk := range []string{"Most read", "Privacy policy", "tracking", "color: red", "Weather"} {
		if strings.Contains(p.Text, junk) {
			t.Errorf("article text holds the page's %q:\n%s", junk, p.Text)
		}
	}
	// one paragraph a line, blank lines between
	if !strings.Contains(p.Text, "supports.\n\n“We cannot") {
		t.Errorf("paragraphs are not apart by a blank line:\n%s", p.Text)
	}
}

func TestExtractCharset(t *testing.T) {
	article := strings.Repeat("<p>The committee met again on Thursday and talked for a long time about the budget of the library. \x93It was a fair discussion,\x94 said the chair, Marta Kowalska.</p>\n", 4)
	page := "<html><head><meta charset=\"windows-1252\"><title>Budget</title></head><body><article>" + article + "</article></body></html>"
	p, err := Extract([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "“It was a fair discussion,” said") {
		t.Errorf("Windows-1252 quotation marks not decoded:\n%s", p.Text)
	}
	// a page that declares Latin-1 but is UTF-8 is read as UTF-8
	utf := strings.ReplaceAll(strings.ReplaceAll(page, "\x93", "“"), "\x94", "”")
	utf = strings.Replace(utf, "windows-1252", "iso-8859-1", 1)
	if p, err = Extract([]byte(utf), Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "“It was a fair discussion,” said") {
		t.Errorf("UTF-8 page declared Latin-1 misread:\n%s", p.Text)
	}
}

func TestExtractNoArticle(t *testing.T) {
	for _, page := range []string{"", "<html><body></body></html>", "<html><body><script>only()</script></body></html>"} {
		if _, err := Extract([]byte(page), Options{}); !errors.Is(err, ErrNoArticle) {
			t.Errorf("Extract(%q): err %v, want ErrNoArticle", page, err)
		}
	}
	// broken pages give some text or an error, never a panic or a NUL
	// (a nesting deeper than the HTML parser takes is an error)
	for _, page := range []string{"\x00\x01\x02 not a page", "<<<>>>", "<p>" + strings.Repeat("<div>", 5000) + "deep", strings.Repeat("“", 10000)} {
		p, _ := Extract([]byte(page), Options{})
		if strings.ContainsRune(p.Text, 0) {
			t.Errorf("Extract(%.20q): a NUL in the text", page)
		}
	}
}

func TestRenderBlocks(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<div>One <b>bold</b>
	word<br>next line<ul><li>first</li><li>second</li></ul><script>x()</script><p>  spaced   out  </p></div>`))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(renderBlocks(doc), "|")
	want := "One bold word|next line|first|second|spaced out"
	if got != want {
		t.Errorf("renderBlocks = %q, want %q", got, want)
	}
}

func TestHasQuotation(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"“We will open the school in May,” the mayor said.", true},
		{"She said: \"the results are better than anyone expected\" on Friday.", true},
		{"«Nous allons ouvrir l'école en mai», a dit le maire.", true},
		{"“We will open the school in May.”", false},                // nothing outside the marks
		{"He called it a “sham” and left.", false},                  // a quoted word
		{"“We will open the school in May, the mayor said.", false}, // never closed
		{"No quotation marks in this paragraph at all.", false},
		{"“1234567890 1234567890 1234” said the clerk.", false}, // no letter inside
	}
	for _, tt := range tests {
		if got := hasQuotation(tt.s); got != tt.want {
			t.Errorf("hasQuotation(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestAssembleDropped(t *testing.T) {
	quote := "“The bridge will not survive another winter,” said the engineer."
	blocks := []string{"Menu", "Headline", "First paragraph.", quote, "Second paragraph.", "“A pull quote that nobody attributes here”", "Third paragraph.", "“Related story with a long quotation in it,” says a teaser."}
	paras := []string{"Headline", "First paragraph.", "Second paragraph.", "Third paragraph."}
	text, dropped := assemble(paras, blocks)
	if text != "Headline\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph." {
		t.Fatalf("text = %q", text)
	}
	// the teaser after the last kept paragraph and the unattributed pull
	// quote (no words outside the marks) are no candidates
	if len(dropped) != 1 || dropped[0].Text != quote {
		t.Fatalf("dropped = %+v, want the engineer's paragraph only", dropped)
	}
	if at := dropped[0].At; text[at:] != "Second paragraph.\n\nThird paragraph." {
		t.Errorf("dropped paragraph goes at %d (%q), want before the second paragraph", at, text[at:])
	}
	// a paragraph already in the text (a pull quote's source) is no candidate
	if _, d := assemble([]string{"Headline", "A " + quote, "Third paragraph."}, []string{"Headline", "A " + quote, quote, "Third paragraph."}); len(d) != 0 {
		t.Errorf("a copy of a kept paragraph is a candidate: %+v", d)
	}
}
