package htmlpage

import (
	"regexp"
	"strings"
	"sync"

	"github.com/whosaid/whosaid/internal/xnet/html"
	"golang.org/x/net/html/atom"
)

// dateMetaKeys are the <meta> names and properties (lower case) that give
// a page's publication date, the most specific first.
var dateMetaKeys = []string{
	"article:published_time", "datepublished", "og:published_time",
	"pubdate", "publishdate", "publish-date", "date", "dc.date.issued",
	"dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
}

// isoDate finds a date written YYYY-MM-DD (as in ISO 8601 timestamps). It
// and ldDate are compiled on first use, not at every start of the program
// (ldDate's bounded repetition alone cost more than the rest of the
// package's set-up): most runs read no HTML.
// (A package-level sync.OnceValue would be a call of the package's set-up,
// which every process runs.)
func isoDate() *regexp.Regexp {
	isoDateOnce.Do(func() {
		isoDateRe = regexp.MustCompile(`\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])`)
	})
	return isoDateRe
}

// ldDate finds the publication date of JSON-LD metadata.
func ldDate() *regexp.Regexp {
	ldDateOnce.Do(func() { ldDateRe = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{10,40})"`) })
	return ldDateRe
}

var (
	isoDateOnce, ldDateOnce sync.Once
	isoDateRe, ldDateRe     *regexp.Regexp
)

// meta is what a page's metadata gives besides the extractor's.
type meta struct {
	date string // YYYY-MM-DD
	url  string // the canonical URL
}

// pageMeta reads the publication date and the canonical URL of a page. The
// date, as YYYY-MM-DD, comes from <meta> tags, <time itemprop=datePublished>
// and JSON-LD; it is not guessed from the text (that is slow and often wrong
// on pages with many dates). The URL is <link rel=canonical>, else og:url.
func pageMeta(doc *html.Node) meta {
	var m meta
	ogURL := ""
	found := map[string]string{}
	ld := ""
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if m.url == "" && strings.EqualFold(attr(n, "rel"), "canonical") && isHTTP(attr(n, "href")) {
					m.url = attr(n, "href")
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				if key == "og:url" && ogURL == "" && isHTTP(attr(n, "content")) {
					ogURL = attr(n, "content")
				}
				if d := isoDate().FindString(attr(n, "content")); d != "" && found[key] == "" {
					found[key] = d
				}
			case atom.Time:
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					if d := isoDate().FindString(attr(n, "datetime")); d != "" && found["datepublished"] == "" {
						found["datepublished"] = d
					}
				}
			case atom.Script:
				if ld == "" && strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
					if m := ldDate().FindStringSubmatch(n.FirstChild.Data); m != nil {
						ld = isoDate().FindString(m[1])
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if m.url == "" {
		m.url = ogURL
	}
	m.date = ld
	for _, k := range dateMetaKeys {
		if d := found[k]; d != "" {
			m.date = d
			break
		}
	}
	return m
}

// isHTTP reports whether s is an absolute http(s) URL.
func isHTTP(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
