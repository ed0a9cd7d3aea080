//go:build trafilatura

package html

import (
	"io"

	html "golang.org/x/net/html"
)

// With the build tag trafilatura this package is golang.org/x/net/html
// itself, by aliases: go-trafilatura takes and returns that package's
// nodes, and its build pays for the package's initialisation anyway
// (NOTICE.md). Only what whosaid uses is aliased.

type (
	Node      = html.Node
	NodeType  = html.NodeType
	Attribute = html.Attribute
	Tokenizer = html.Tokenizer
	Token     = html.Token
	TokenType = html.TokenType
)

const (
	ErrorNode    = html.ErrorNode
	TextNode     = html.TextNode
	DocumentNode = html.DocumentNode
	ElementNode  = html.ElementNode
	CommentNode  = html.CommentNode
	DoctypeNode  = html.DoctypeNode
	RawNode      = html.RawNode

	ErrorToken          = html.ErrorToken
	TextToken           = html.TextToken
	StartTagToken       = html.StartTagToken
	EndTagToken         = html.EndTagToken
	SelfClosingTagToken = html.SelfClosingTagToken
	CommentToken        = html.CommentToken
	DoctypeToken        = html.DoctypeToken
)

func Parse(r io.Reader) (*Node, error)    { return html.Parse(r) }
func Render(w io.Writer, n *Node) error   { return html.Render(w, n) }
func EscapeString(s string) string        { return html.EscapeString(s) }
func UnescapeString(s string) string      { return html.UnescapeString(s) }
func NewTokenizer(r io.Reader) *Tokenizer { return html.NewTokenizer(r) }
