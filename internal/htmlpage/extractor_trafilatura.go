//go:build trafilatura

package htmlpage

import (
	nurl "net/url"

	"github.com/markusmobius/go-trafilatura"
	"github.com/whosaid/whosaid/internal/xnet/html"
)

// Extractor names the content extractor this build uses.
const Extractor = "go-trafilatura"

// mainContent finds the article of doc with go-trafilatura (comments
// left out, no date scan of the page: the date comes from the metadata).
// It changes doc.
func mainContent(doc *html.Node, pageURL *nurl.URL, maxNodes int) (article, error) {
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     pageURL,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
		MaxTreeSize:     maxNodes,
	})
	if err != nil {
		return article{}, err
	}
	a := article{node: res.ContentNode, title: res.Metadata.Title, byline: res.Metadata.Author, url: res.Metadata.URL}
	if !res.Metadata.Date.IsZero() {
		a.date = res.Metadata.Date.Format("2006-01-02")
	}
	return a, nil
}
