// Package htmlpage takes the article out of an HTML page: the main content
// as plain text (one line per paragraph, paragraphs apart by a blank line),
// the page's metadata (title, date, byline, URL), and the paragraphs with a
// quotation that the content extractor left out, so that the caller can
// decide which of them come back.
//
// The main content is found by go-trafilatura, a maintained port of
// trafilatura: on the article-extraction benchmark it scores clearly above
// what hand-written heuristics reach (docs/html.md has the figures).
package htmlpage

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/xnet/html"
	"github.com/whosaid/whosaid/internal/xnet/html/charset"
)

// Page is the article of an HTML page.
type Page struct {
	// Text is the article text: one line per paragraph, heading or list
	// item, blocks apart by a blank line.
	Text   string
	Title  string
	Date   string // the publication date as YYYY-MM-DD, or ""
	Byline string
	URL    string
	// Dropped are the paragraphs of the article's part of the page that
	// hold a quotation and that the extractor left out, in page order.
	Dropped []Dropped
}

// Dropped is a paragraph the extractor left out: Text would go at byte
// offset At of Page.Text (at the start of a line).
type Dropped struct {
	At   int
	Text string
}

// Options say how a page is read.
type Options struct {
	// URL is where the page came from ("" when unknown); the page's own
	// canonical URL wins over it.
	URL string
	// ContentType is the HTTP Content-Type, when known (for the charset).
	ContentType string
	// MaxNodes bounds the elements of a page (0: DefaultMaxNodes): the
	// extractor's work grows with them.
	MaxNodes int
}

// DefaultMaxNodes is the default bound on the elements of one page.
const DefaultMaxNodes = 200000

// ErrNoArticle is returned for a page in which no article text was found.
var ErrNoArticle = errors.New("no article text found in the page")

// Extract returns the article of the HTML page data.
func Extract(data []byte, opt Options) (p Page, err error) {
	defer func() {
		// the extractor is third-party code: a panic on a strange page
		// becomes that page's error
		if r := recover(); r != nil {
			p, err = Page{}, fmt.Errorf("html extractor failed: %v", r)
		}
	}()
	r := data
	// Valid UTF-8 is read as UTF-8 whatever the page declares (pages that
	// declare Latin-1 but are UTF-8 are common; the converse passes as
	// valid UTF-8 almost never); other pages by their declared charset,
	// Windows-1252 when they declare none.
	if !utf8.Valid(data) {
		enc, _, _ := charset.DetermineEncoding(data, opt.ContentType)
		if r, err = enc.NewDecoder().Bytes(data); err != nil {
			return Page{}, fmt.Errorf("decoding the page: %w", err)
		}
		// a page that declares UTF-8 but is not: bad bytes become U+FFFD
		r = bytes.ToValidUTF8(r, []byte("\uFFFD"))
	}
	doc, err := html.Parse(bytes.NewReader(r))
	if err != nil {
		return Page{}, fmt.Errorf("parsing the page: %w", err)
	}
	maxNodes := opt.MaxNodes
	if maxNodes == 0 {
		maxNodes = DefaultMaxNodes
	}
	blocks := pageBlocks(doc) // before the extractor changes the tree
	meta := pageMeta(doc)
	var pageURL *nurl.URL
	if u, err := nurl.Parse(opt.URL); err == nil && u.Scheme != "" {
		pageURL = u
	}
	a, err := mainContent(doc, pageURL, maxNodes)
	if err != nil {
		return Page{}, fmt.Errorf("%w (%v)", ErrNoArticle, err)
	}
	paras := renderBlocks(a.node)
	p = Page{Title: clean(a.title), Byline: clean(a.byline), URL: meta.url, Date: meta.date}
	if p.URL == "" {
		p.URL = cmp.Or(a.url, opt.URL)
	}
	if p.Date == "" {
		p.Date = a.date
	}
	p.Text, p.Dropped = assemble(paras, blocks)
	if strings.TrimSpace(p.Text) == "" && len(p.Dropped) == 0 {
		return p, ErrNoArticle
	}
	return p, nil
}

// clean collapses white space.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// article is what the content extractor gives: the article's subtree and
// the metadata it read (date as YYYY-MM-DD).
type article struct {
	node                     *html.Node
	title, byline, url, date string
}
