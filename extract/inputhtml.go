package extract

import (
	"encoding/json"
	"fmt"

	"github.com/whosaid/whosaid/internal/htmlpage"
)

// This file is the HTML input format: a page (a file, a URL's body, or a
// JSONL record's "html" field) decoded into its article text and what
// else the page gave (Page).

// Page is what an HTML page gave besides its article text: the page's
// metadata, and the paragraphs with a quotation that the content extractor
// left out (the extractor brings back those with an attributed quotation,
// see Extractor.PageText).
type Page struct {
	Title   string
	Date    string // YYYY-MM-DD, or ""
	Byline  string
	URL     string
	Dropped []DroppedParagraph
}

// DroppedParagraph is a paragraph of a page that the content extractor
// left out; it would go at byte offset At of the extracted text.
type DroppedParagraph struct {
	At   int
	Text string
}

// htmlWhole decodes an HTML page (its charset from the page).
func htmlWhole(id string, data []byte, opt InputOptions) Input {
	return htmlInput(id, data, "", "")
}

// htmlInput takes the article out of an HTML page; url is where it came
// from ("" when unknown), ctype its HTTP content type.
func htmlInput(id string, data []byte, url, ctype string) Input {
	p, err := htmlpage.Extract(data, htmlpage.Options{URL: url, ContentType: ctype})
	if err != nil {
		return Input{ID: id, Err: err}
	}
	if err := CheckText(p.Text); err != nil {
		return Input{ID: id, Err: err}
	}
	pg := &Page{Title: p.Title, Date: p.Date, Byline: p.Byline, URL: p.URL}
	for _, d := range p.Dropped {
		if CheckText(d.Text) == nil {
			pg.Dropped = append(pg.Dropped, DroppedParagraph{At: d.At, Text: d.Text})
		}
	}
	return Input{ID: id, Text: p.Text, Page: pg}
}

// jsonlHTML decodes a JSONL record that has an "html" field (and maybe a
// "url") instead of a "text"; ok is false when it has none.
func jsonlHTML(id string, line []byte) (Input, bool) {
	var rec struct {
		HTML *string `json:"html"`
		URL  string  `json:"url"`
	}
	if json.Unmarshal(line, &rec) != nil || rec.HTML == nil {
		return Input{}, false
	}
	in := htmlInput(id, []byte(*rec.HTML), rec.URL, "text/html; charset=utf-8")
	if in.Err != nil {
		in.Err = fmt.Errorf("%w (id %q)", in.Err, id)
	}
	return in, true
}
