package htmlpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags are the elements that start and end a line of text.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Dd: true, atom.Details: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Td: true,
	atom.Th: true, atom.Tr: true, atom.Ul: true, atom.Body: true, atom.Html: true,
	atom.Caption: true, atom.Title: true,
}

// skipTags are the elements whose text is never article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Head: true, atom.Iframe: true, atom.Object: true,
	atom.Select: true, atom.Textarea: true, atom.Button: true, atom.Math: true,
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
		if skipTags[a] {
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
	block := n.Type == html.ElementNode && blockTags[tagOf(n)]
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
