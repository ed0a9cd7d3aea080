package htmlpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/xnet/html"
	"golang.org/x/net/html/atom"
)

// blockTag reports whether a is an element that starts and ends a line of
// text. (A switch, not a map: a package-level map is built at every start
// of the program, and most runs read no HTML.)
func blockTag(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote,
		atom.Dd, atom.Details, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Form, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Header, atom.Hr, atom.Li,
		atom.Main, atom.Nav, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Summary, atom.Table, atom.Td,
		atom.Th, atom.Tr, atom.Ul, atom.Body, atom.Html,
		atom.Caption, atom.Title:
		return true
	}
	return false
}

// skipTag reports whether a is an element whose text is never article text.
func skipTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template,
		atom.Svg, atom.Head, atom.Iframe, atom.Object,
		atom.Select, atom.Textarea, atom.Button, atom.Math:
		return true
	}
	return false
}

// maxDepth bounds the walk of a tree (the HTML parser already bounds the
// nesting; this keeps the recursion safe for any tree handed in).
const maxDepth = 512

// renderBlocks returns the lines of text under n: one per block element
// (and per <br>), white space collapsed, empty ones left out.
func renderBlocks(n *html.Node) []string {
	if n == nil {
		return nil
	}
	var r lineRenderer
	r.walk(n, 0)
	r.flush()
	return r.lines
}

// pageBlocks returns the lines of a whole page's body, as renderBlocks.
func pageBlocks(doc *html.Node) []string { return renderBlocks(doc) }

type lineRenderer struct {
	lines []string
	cur   strings.Builder
	space bool // a space is pending before the next word
}

func (r *lineRenderer) walk(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
		a := tagOf(n)
		if skipTag(a) {
			return
		}
		if a == atom.Br {
			r.flush()
			return
		}
		if a == atom.Img || a == atom.Input {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTag(tagOf(n))
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, depth+1)
	}
	if block {
		r.flush()
	}
}

func (r *lineRenderer) text(s string) {
	for s != "" {
		c, size := utf8.DecodeRuneInString(s)
		if unicode.IsSpace(c) || c == 0 {
			r.space = r.cur.Len() > 0
		} else {
			if r.space {
				r.cur.WriteByte(' ')
				r.space = false
			}
			r.cur.WriteString(s[:size])
		}
		s = s[size:]
	}
}

func (r *lineRenderer) flush() {
	if r.cur.Len() > 0 {
		r.lines = append(r.lines, r.cur.String())
	}
	r.cur.Reset()
	r.space = false
}

// tagOf returns the element's atom; the extractor makes elements with a
// name and no atom.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}
