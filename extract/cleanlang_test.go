package extract_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// pageQuoteMarks are the marks by which the cleanup scorer counts an
// article line as one with a quotation (as score_cleanup.py does).
const pageQuoteMarks = "\u201c\u201d\u201e\"\u00ab\u00bb\u2039\u203a\u300c\u300d"

// langPage is a page of testdata/lang/pages.jsonl, in the format of the
// cleanup eval data: keep holds the article lines (code-point offsets).
type langPage struct {
	ID   string   `json:"id"`
	Text string   `json:"text"`
	Keep [][2]int `json:"keep"`
	Meta struct {
		Lang string `json:"lang"`
	} `json:"meta"`
}

// TestLanguagePages cleans the pages written for each language pack, with
// the page furniture of its press (testdata/lang/pages.jsonl), checks that
// each is cleaned with the rules of its language, holds every language to
// the bar of issue 12 — at most 1% of the article's lines with a quotation
// mark dropped — and compares the dropped lines with
// testdata/lang/pages.golden.jsonl (go test -update rewrites it).
func TestLanguagePages(t *testing.T) {
	data, err := os.ReadFile("../testdata/lang/pages.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	x := defaultExtractor(t)
	type count struct{ quoteLines, lost, lines, kept int }
	counts := map[string]*count{}
	var out bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var p langPage
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		c := x.Clean(p.Text)
		if c.Lang != p.Meta.Lang {
			t.Errorf("%s: cleaned as %q, want %q", p.ID, c.Lang, p.Meta.Lang)
		}
		n := counts[p.Meta.Lang]
		if n == nil {
			n = &count{}
			counts[p.Meta.Lang] = n
		}
		byteAt := codePointOffsets(p.Text)
		article := map[int]bool{} // byte offset of an article line's start
		for _, k := range p.Keep {
			article[byteAt[k[0]]] = true
		}
		g := struct {
			ID      string   `json:"id"`
			Lang    string   `json:"lang"`
			Title   string   `json:"title"`
			Date    string   `json:"date"`
			Dropped []string `json:"dropped"`
		}{ID: p.ID, Lang: c.Lang, Title: c.Title, Date: c.Date, Dropped: []string{}}
		for i, l := range c.Lines {
			text := strings.TrimSpace(p.Text[l.Start:l.End])
			if article[int(l.Start)] {
				n.lines++
				if !l.Dropped {
					n.kept++
				}
				if strings.ContainsAny(text, pageQuoteMarks) {
					n.quoteLines++
					if l.Dropped {
						n.lost++
						t.Errorf("%s: article line %d with a quotation dropped by %s: %s", p.ID, i+1, c.LineRule(i), text)
					}
				}
			}
			if l.Dropped {
				g.Dropped = append(g.Dropped, fmt.Sprintf("%d: %s: %s", i+1, c.LineRule(i), text))
			}
		}
		b, err := json.Marshal(g)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(b)
		out.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	langs := make([]string, 0, len(counts))
	for l := range counts {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		n := counts[l]
		t.Logf("%s: quote lines dropped %d of %d; article lines kept %d of %d", l, n.lost, n.quoteLines, n.kept, n.lines)
		if n.lost*100 > n.quoteLines {
			t.Errorf("%s: %d of %d article lines with a quotation dropped, over 1%%", l, n.lost, n.quoteLines)
		}
	}
	golden(t, "../testdata/lang/pages.golden.jsonl", out.Bytes())
}

// codePointOffsets maps each code-point offset of s (and its end) to its
// byte offset.
func codePointOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}
