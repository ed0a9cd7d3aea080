package readability

import (
	"net/url"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/readability/internal/lazyre"
	"github.com/whosaid/whosaid/internal/xnet/html"
)

// TestRegexpsCompile compiles every package-level expression: upstream
// compiled them at start, so a bad one failed at once; here it would fail
// only on the first page that needs it.
func TestRegexpsCompile(t *testing.T) {
	for _, r := range []*lazyre.Regexp{
		rxVideos, rxTokenize, rxPropertyPattern, rxNamePattern, rxTitleSeparator,
		rxTitleHierarchySep, rxTitleRemoveFinalPart, rxTitleRemove1stPart, rxTitleAnySeparator,
		rxDisplayNone, rxVisibilityHidden, rxSentencePeriod, rxShareElements, rxFaviconSize,
		rxLazyImageSrcset, rxLazyImageSrc, rxImgExtensions, rxSrcsetURL, rxB64DataURL,
		rxJsonLdArticleTypes, rxCDATA, rxSchemaOrg, rxAdWords, rxLoadingWords,
	} {
		if r.Get().String() != r.Expr {
			t.Errorf("%q compiled to %q", r.Expr, r.Get().String())
		}
	}
}

// TestParseArticle runs the copy end to end on a small page: the title
// without the site's name (the title regexes), the byline, the article
// without the navigation and the hidden box (the style regexes).
func TestParseArticle(t *testing.T) {
	para := strings.Repeat("The committee met on Tuesday and agreed to publish the report before the summer. ", 6)
	page := `<html><head><title>Council backs the new bridge | Example Times</title>
<meta name="author" content="Jo Writer"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div style="display: none">Subscribe to our newsletter</div>
<article><h1>Council backs the new bridge</h1><p>` + para + `</p><p>` + para + `</p></article>
</body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://news.example/story")
	ps := NewParser()
	art, err := ps.ParseAndMutate(doc, u)
	if err != nil {
		t.Fatal(err)
	}
	if art.Node == nil {
		t.Fatal("no article found")
	}
	if got := art.Title(); got != "Council backs the new bridge" {
		t.Errorf("title %q", got)
	}
	if got := art.Byline(); got != "Jo Writer" {
		t.Errorf("byline %q", got)
	}
	var text strings.Builder
	if err := html.Render(&text, art.Node); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Home", "Subscribe"} {
		if strings.Contains(text.String(), s) {
			t.Errorf("the article keeps %q: %s", s, text.String())
		}
	}
	if !strings.Contains(text.String(), "agreed to publish the report") {
		t.Errorf("the article lost its paragraphs: %s", text.String())
	}
}
