package dom

import (
	"strings"

	"github.com/whosaid/whosaid/internal/xnet/html"
)

// The few CSS selectors that go-readability asks for ("p, pre, article",
// "div > br", `script[type="application/ld+json"]`, "body"), matched as
// github.com/andybalholm/cascadia matches them. Not a copy of cascadia:
// that package takes golang.org/x/net/html's nodes, and linking
// golang.org/x/net/html builds its entity map at every start (NOTICE.md).
// The grammar is a comma-separated group of selectors, each a compound
// (a tag name, or `*`, with any `[key="value"]` or `[key]` tests) or two
// compounds joined by `>` or by white space (a descendant); anything else
// is a parse error, for which the queries return nothing, as they do for
// cascadia's errors.

// selector matches an element.
type selector func(n *html.Node) bool

// parseGroup parses a comma-separated group of selectors.
func parseGroup(group string) (selector, bool) {
	var alts []selector
	for _, part := range strings.Split(group, ",") {
		sel, ok := parseComplex(strings.TrimSpace(part))
		if !ok {
			return nil, false
		}
		alts = append(alts, sel)
	}
	return func(n *html.Node) bool {
		for _, a := range alts {
			if a(n) {
				return true
			}
		}
		return false
	}, true
}

// parseComplex parses one selector: a compound, or two joined by `>` (a
// child) or white space (a descendant).
func parseComplex(s string) (selector, bool) {
	if i := strings.IndexByte(s, '>'); i >= 0 && !strings.ContainsAny(s[:i], "[") {
		parent, ok1 := parseCompound(strings.TrimSpace(s[:i]))
		child, ok2 := parseCompound(strings.TrimSpace(s[i+1:]))
		if !ok1 || !ok2 {
			return nil, false
		}
		return func(n *html.Node) bool {
			return child(n) && n.Parent != nil && parent(n.Parent)
		}, true
	}
	if i := strings.IndexAny(s, " \t\n"); i >= 0 && !strings.ContainsAny(s[:i], "[") {
		anc, ok1 := parseCompound(s[:i])
		desc, ok2 := parseComplex(strings.TrimSpace(s[i+1:]))
		if !ok1 || !ok2 {
			return nil, false
		}
		return func(n *html.Node) bool {
			if !desc(n) {
				return false
			}
			for p := n.Parent; p != nil; p = p.Parent {
				if anc(p) {
					return true
				}
			}
			return false
		}, true
	}
	return parseCompound(s)
}

// parseCompound parses a tag name (or `*`) followed by attribute tests.
func parseCompound(s string) (selector, bool) {
	tag := s
	var attrs []attrTest
	if i := strings.IndexByte(s, '['); i >= 0 {
		tag = s[:i]
		rest := s[i:]
		for rest != "" {
			if rest[0] != '[' {
				return nil, false
			}
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, false
			}
			t, ok := parseAttr(rest[1:end])
			if !ok {
				return nil, false
			}
			attrs = append(attrs, t)
			rest = rest[end+1:]
		}
	}
	if tag == "*" {
		tag = ""
	} else if tag == "" && len(attrs) == 0 || !isName(tag) {
		return nil, false
	}
	tag = strings.ToLower(tag)
	return func(n *html.Node) bool {
		if n.Type != html.ElementNode || tag != "" && n.Data != tag {
			return false
		}
		for _, t := range attrs {
			if !t.match(n) {
				return false
			}
		}
		return true
	}, true
}

// attrTest is `[key]` (any value) or `[key="value"]`.
type attrTest struct {
	key, val string
	anyVal   bool
}

func parseAttr(s string) (attrTest, bool) {
	key, val, hasVal := strings.Cut(s, "=")
	key = strings.ToLower(strings.TrimSpace(key))
	if !isName(key) || key == "" {
		return attrTest{}, false
	}
	if !hasVal {
		return attrTest{key: key, anyVal: true}, true
	}
	val = strings.TrimSpace(val)
	if len(val) < 2 || (val[0] != '"' && val[0] != '\'') || val[len(val)-1] != val[0] {
		return attrTest{}, false
	}
	val = val[1 : len(val)-1]
	if strings.ContainsAny(val, `"'\`) {
		return attrTest{}, false
	}
	return attrTest{key: key, val: val}, true
}

func (t attrTest) match(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == t.key && (t.anyVal || a.Val == t.val) {
			return true
		}
	}
	return false
}

// isName reports whether s is a plain identifier (letters, digits, '-',
// '_'): escapes and other syntax are not supported.
func isName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// queryAll appends the descendants of n that m matches, in document order
// (n itself excluded), as cascadia.QueryAll.
func queryAll(n *html.Node, m selector, out []*html.Node) []*html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m(c) {
			out = append(out, c)
		}
		out = queryAll(c, m, out)
	}
	return out
}

// query returns the first descendant of n that m matches, as cascadia.Query.
func query(n *html.Node, m selector) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m(c) {
			return c
		}
		if found := query(c, m); found != nil {
			return found
		}
	}
	return nil
}
