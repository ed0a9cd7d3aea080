package dom

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"github.com/whosaid/whosaid/internal/xnet/html"
	upstream "golang.org/x/net/html"
)

// TestSelectorsAsCascadia: the selectors go-readability asks for, and a few
// more of the grammar selector.go takes, select what cascadia selects, in
// the same order; what it does not take selects nothing.
func TestSelectorsAsCascadia(t *testing.T) {
	pages := []string{
		`<html><head><script type="application/ld+json">{"a":1}</script><script type="text/javascript">x</script>` +
			`<script type="APPLICATION/LD+JSON">{}</script></head><body><div>a<br>b<p>c<br></p><div><br/><span><br></span></div></div>` +
			`<article><p>one</p><pre>two</pre><section><p>three<article>four</article></p></section></article>` +
			`<svg><p>foreign</p></svg><P>Upper</P><div id=x class=y><br></div></body></html>`,
		"<p>only<p>paragraphs",
		"",
	}
	if b, err := os.ReadFile("../../../testdata/html/harbour.html"); err == nil {
		pages = append(pages, string(b))
	} else {
		t.Errorf("the repository's page: %v", err)
	}
	selectors := []string{
		"p, pre, article", "div > br", `script[type="application/ld+json"]`, "body",
		"div br", "section p", "*", "div[id]", "div[id='x']", "DIV > BR", "p,pre",
	}
	for _, page := range pages {
		ours, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := upstream.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		for _, sel := range selectors {
			m, err := cascadia.ParseGroup(sel)
			if err != nil {
				t.Fatalf("%s: cascadia: %v", sel, err)
			}
			got, want := QuerySelectorAll(ours, sel), cascadia.QueryAll(theirs, m)
			if len(got) != len(want) {
				t.Errorf("%s on %.40q: %d nodes, cascadia %d", sel, page, len(got), len(want))
				continue
			}
			for i := range got {
				var a, b bytes.Buffer
				html.Render(&a, got[i])
				upstream.Render(&b, want[i])
				if a.String() != b.String() {
					t.Errorf("%s on %.40q, node %d: %s, cascadia %s", sel, page, i, a.String(), b.String())
				}
			}
			one, first := QuerySelector(ours, sel), cascadia.Query(theirs, m)
			if (one == nil) != (first == nil) || one != nil && one != got[0] {
				t.Errorf("%s on %.40q: QuerySelector differs from cascadia.Query", sel, page)
			}
		}
	}
	for _, bad := range []string{"p:first-child", "a[href^=x]", "#id", ".class", "p ~ q", "p + q", "", "p,", `a[x="y\"z"]`} {
		if got := QuerySelectorAll(&html.Node{Type: html.DocumentNode}, bad); got != nil {
			t.Errorf("%q: parsed", bad)
		}
		if _, ok := parseGroup(bad); ok {
			t.Errorf("%q: parsed, want a parse error (nothing selected)", bad)
		}
	}
}
