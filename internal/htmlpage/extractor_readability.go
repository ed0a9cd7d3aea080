//go:build !trafilatura

package htmlpage

import (
	"errors"
	nurl "net/url"

	"github.com/whosaid/whosaid/internal/readability"
	"github.com/whosaid/whosaid/internal/xnet/html"
)

// Extractor names the content extractor this build uses.
const Extractor = "go-readability"

// mainContent finds the article of doc with readeck/go-readability, the
// default extractor (the build tag trafilatura selects go-trafilatura; see
// docs/html.md for the trade-off). It changes doc.
func mainContent(doc *html.Node, pageURL *nurl.URL, maxNodes int) (article, error) {
	ps := readability.NewParser()
	ps.MaxElemsToParse = maxNodes
	art, err := ps.ParseAndMutate(doc, pageURL)
	if err != nil {
		return article{}, err
	}
	if art.Node == nil {
		return article{}, errors.New("no content")
	}
	a := article{node: art.Node, title: art.Title(), byline: art.Byline()}
	if t, err := art.PublishedTime(); err == nil {
		a.date = t.Format("2006-01-02")
	}
	return a, nil
}
