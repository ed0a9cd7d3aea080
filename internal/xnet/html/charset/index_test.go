package charset

import (
	"strings"
	"testing"

	upstream "golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/htmlindex"
)

// TestLabelsAsHTMLIndex: every label of the table, in any case and with
// white space around it, gives htmlindex's encoding and name; other
// strings give none, as htmlindex's errors did.
func TestLabelsAsHTMLIndex(t *testing.T) {
	for i, l := range labels {
		if i > 0 && labels[i-1].label >= l.label {
			t.Fatalf("labels not sorted at %q", l.label)
		}
		for _, s := range []string{l.label, strings.ToUpper(l.label), " \t" + l.label + "\n"} {
			e, name, ok := lookupLabel(s)
			he, err := htmlindex.Get(s)
			if !ok || err != nil {
				t.Fatalf("%q: found %v, htmlindex: %v", s, ok, err)
			}
			hname, err := htmlindex.Name(he)
			if e != he || name != hname || err != nil {
				t.Errorf("%q: %v %q, htmlindex %v %q (%v)", s, e, name, he, hname, err)
			}
		}
	}
	for _, s := range []string{"", "utf", "utf-9", "latin", "x-user-defined2", "zz"} {
		if _, _, ok := lookupLabel(s); ok {
			t.Errorf("%q: found", s)
		}
		if _, err := htmlindex.Get(s); err == nil {
			t.Errorf("%q: htmlindex finds it", s)
		}
	}
}

// TestDetermineEncodingAsUpstream: the copy decides as
// golang.org/x/net/html/charset does.
func TestDetermineEncodingAsUpstream(t *testing.T) {
	pages := []struct{ content, contentType string }{
		{"<p>plain ascii</p>", ""},
		{"\xef\xbb\xbf<p>bom</p>", ""},
		{"\xfe\xff\x00<", ""},
		{"<p>caf\xc3\xa9</p>", ""},
		{"<p>caf\xe9</p>", ""},
		{"<meta charset=\"ISO-8859-2\"><p>x</p>", ""},
		{"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", ""},
		{"<meta charset=utf-16le>", ""},
		{"<meta charset=x-user-defined>", ""},
		{"<!-- <meta charset=koi8-r> --><meta charset=gbk>", ""},
		{"<p>x</p>", "text/html; charset=windows-1251"},
		{"<p>x</p>", "text/html; charset=bogus"},
		{"<meta charset=bogus><p>x</p>", ""},
	}
	for _, p := range pages {
		e, name, certain := DetermineEncoding([]byte(p.content), p.contentType)
		ue, uname, ucertain := upstream.DetermineEncoding([]byte(p.content), p.contentType)
		if name != uname || certain != ucertain || (e == nil) != (ue == nil) {
			t.Errorf("%q %q: %q %v, upstream %q %v", p.content, p.contentType, name, certain, uname, ucertain)
			continue
		}
		in := "caf\xe9 \x93x\x94 \x82\xa0"
		got, err1 := e.NewDecoder().String(in)
		want, err2 := ue.NewDecoder().String(in)
		if got != want || (err1 == nil) != (err2 == nil) {
			t.Errorf("%q: decodes %q, upstream %q", p.content, got, want)
		}
	}
}
