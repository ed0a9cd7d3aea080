//go:build !trafilatura

package html

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	upstream "golang.org/x/net/html"
)

// upstreamPages are pages the copy must parse, render and tokenize as
// golang.org/x/net/html does: the repository's page and invented ones that
// reach the parser's rarer modes (tables, foreign content, forms, frames,
// templates, broken markup) and named character references.
func upstreamPages(t *testing.T) []string {
	pages := []string{
		"",
		"<p>Jane Doe &amp; John Roe said &ldquo;yes&rdquo; &notit; &not &copy2026 &#x201C;x&#8221; &bogus; &NotEqualTilde; &nLt;</p>",
		`<a href="/x?a=1&amp;b=2&copy=3&lang=en" title="&quot;Acme&quot; &hellip;">Acme Corp.</a>`,
		"<table><tr><td>one<td>two<tr><th>three</table><p>after",
		"<div><table><caption>c</caption><colgroup><col></colgroup><tbody><tr><td><form><input></form></td></tr></tbody></table></div>",
		"<svg><foreignObject><p>inside</p></foreignObject><text>icon</text></svg><math><mi>x</mi><annotation-xml encoding=text/html><b>b</b></annotation-xml></math>",
		"<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><head><title>T &amp; U</title><script>if (a < b && c) {}</script><style>p>b{}</style></head><body><noscript><p>n</p></noscript>",
		"<frameset><frame src=a><noframes>x</noframes></frameset>",
		"<template><tr><td>cell</td></tr></template><select><option>a<option>b<optgroup><option>c</select>",
		"<p><b><i>mis</b>nested</i> <a><a>double</a></a><p>unclosed <ul><li>one<li>two</ul><dl><dt>t<dd>d</dl>",
		"<!-- comment --><![CDATA[x]]><?pi?><textarea>\n&lt;raw&gt;</textarea><pre>\n\nlead</pre><plaintext><p>all text",
		"<body><h1>Springfield</h1><article><p>“Quote,” said Jane&nbsp;Doe.</p><p>Other</p></article><br/><img src=x alt='a&b'></body>",
	}
	if b, err := os.ReadFile("../../../testdata/html/harbour.html"); err == nil {
		pages = append(pages, string(b))
	} else {
		t.Errorf("the repository's page: %v", err)
	}
	return pages
}

// TestParseAsUpstream: the copy's tree, rendered, is upstream's.
func TestParseAsUpstream(t *testing.T) {
	for _, page := range upstreamPages(t) {
		ours, err1 := Parse(strings.NewReader(page))
		theirs, err2 := upstream.Parse(strings.NewReader(page))
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("%.60q: errors %v, upstream %v", page, err1, err2)
		}
		var a, b bytes.Buffer
		if err := Render(&a, ours); err != nil {
			t.Fatal(err)
		}
		if err := upstream.Render(&b, theirs); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%.60q:\n%s\nupstream\n%s", page, a.String(), b.String())
		}
	}
}

// TestTokensAsUpstream: the tokenizer (charset's prescan reads a page with
// it) yields upstream's tokens.
func TestTokensAsUpstream(t *testing.T) {
	for _, page := range upstreamPages(t) {
		z, uz := NewTokenizer(strings.NewReader(page)), upstream.NewTokenizer(strings.NewReader(page))
		for {
			tt, utt := z.Next(), uz.Next()
			tok, utok := z.Token(), uz.Token()
			if int(tt) != int(utt) || tok.String() != utok.String() || tok.Data != utok.Data || len(tok.Attr) != len(utok.Attr) {
				t.Fatalf("%.60q: token %v %q, upstream %v %q", page, tt, tok.String(), utt, utok.String())
			}
			for i := range tok.Attr {
				if tok.Attr[i].Key != utok.Attr[i].Key || tok.Attr[i].Val != utok.Attr[i].Val {
					t.Fatalf("%.60q: attribute %q, upstream %q", page, tok.Attr[i], utok.Attr[i])
				}
			}
			if tt == ErrorToken {
				if z.Err() != io.EOF && z.Err().Error() != uz.Err().Error() {
					t.Fatalf("%.60q: error %v, upstream %v", page, z.Err(), uz.Err())
				}
				break
			}
		}
	}
}

// TestEntitiesAsUpstream: every entry of the copy's tables decodes as
// upstream decodes it, alone, in an attribute's way (before '=') and as a
// prefix of a longer name; the tables hold upstream's 2,138 and 93 names.
func TestEntitiesAsUpstream(t *testing.T) {
	loadEntities()
	if len(entity) != 2138 || len(entity2) != 93 {
		t.Errorf("%d and %d entities, upstream has 2138 and 93", len(entity), len(entity2))
	}
	names := make([]string, 0, len(entity)+len(entity2))
	for n := range entity {
		names = append(names, n)
	}
	for n := range entity2 {
		names = append(names, n)
	}
	for _, n := range names {
		for _, s := range []string{"&" + n, "x&" + n + "y", "&" + n + ";", "&" + strings.TrimSuffix(n, ";") + "zz;"} {
			if got, want := UnescapeString(s), upstream.UnescapeString(s); got != want {
				t.Errorf("%q: %q, upstream %q", s, got, want)
			}
		}
		page := `<a title="&` + n + `=1 &` + n + `">&` + n + `</a>`
		var a, b bytes.Buffer
		ours, _ := Parse(strings.NewReader(page))
		theirs, _ := upstream.Parse(strings.NewReader(page))
		Render(&a, ours)
		upstream.Render(&b, theirs)
		if a.String() != b.String() {
			t.Errorf("%q: %s, upstream %s", page, a.String(), b.String())
		}
	}
}
