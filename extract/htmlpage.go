package extract

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The page's style and script, inlined into every page so that it opens
// with no network.
var (
	//go:embed report/page.css
	pageCSS string
	//go:embed report/page.js
	pageJS string
)

// htmlWriter writes the review page: one self-contained HTML file with, per
// document, the kept text with every quote marked in its speaker's colour,
// then the data of all quotes, documents and speakers as JSON, from which
// the page's script builds the index, the quote table with its filters and
// the speakers table. Documents are written as they come; only their
// records and speakers are held until Close.
type htmlWriter struct {
	bw       *bufio.Writer
	docs     []htmlDoc
	quotes   []json.RawMessage
	qdoc     []string // the document id of each quote
	qspeaker []string // the speaker of each quote, as in its record
	speakers SpeakerMerge
	started  bool
	cols     []column // the quote table's columns (nil: the page's choice)
}

// htmlDoc is the index entry of one document.
type htmlDoc struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Lang   string `json:"lang,omitempty"`
	Quotes int    `json:"quotes"`
	First  int    `json:"first"` // index of its first quote in the quote list
}

func newHTMLWriter(bw *bufio.Writer, cols []column) *htmlWriter {
	return &htmlWriter{bw: bw, cols: cols}
}

func (w *htmlWriter) start() {
	w.started = true
	w.bw.WriteString(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>whosaid review</title>
<style>`)
	w.bw.WriteString(pageCSS)
	w.bw.WriteString(`</style></head>
<body>
<header><h1>whosaid review</h1><nav><a href="#index">Documents</a> <a href="#quotes">Quotes</a> <a href="#speakers">Speakers</a></nav></header>
<section id="index"><h2>Documents</h2><table id="doctable"><thead></thead><tbody></tbody></table></section>
<section id="quotes"><h2>Quotes</h2>
<form id="filters" onsubmit="return false">
<label>Speaker <select id="f-speaker"><option value="">(all)</option></select></label>
<label>Kind <select id="f-kind"><option value="">(all)</option></select></label>
<label>Status <select id="f-status"><option value="">(all)</option></select></label>
<label>Min. confidence <input id="f-conf" type="number" min="0" max="1" step="0.05" value="0"></label>
<label>Search <input id="f-text" type="search" placeholder="quote, speaker, title…"></label>
<span id="f-count"></span>
</form>
<table id="quotetable"><thead></thead><tbody></tbody></table></section>
<section id="speakers"><h2>Speakers</h2><table id="speakertable"><thead></thead><tbody></tbody></table></section>
<section id="docs">
`)
}

func (w *htmlWriter) WriteDoc(d *Document) error {
	if !w.started {
		w.start()
	}
	w.speakers.Add(d)
	n := len(w.docs)
	w.docs = append(w.docs, htmlDoc{ID: d.ID, Title: d.Title, Date: d.Date, Lang: d.Lang, Quotes: len(d.Quotes), First: len(w.quotes)})
	first := len(w.quotes)
	for i := range d.Quotes {
		b, err := json.Marshal(&d.Quotes[i])
		if err != nil {
			return fmt.Errorf("html: document %s: %w", d.ID, err)
		}
		b = w.docColumns(b, d, &d.Quotes[i])
		w.quotes = append(w.quotes, b)
		w.qdoc = append(w.qdoc, d.ID)
		w.qspeaker = append(w.qspeaker, d.Quotes[i].Speaker)
	}
	head := d.Title
	if head == "" {
		head = d.ID
	}
	fmt.Fprintf(w.bw, `<article class="doc" id="d%d"><h3>%s</h3><p class="meta">%s`, n, html.EscapeString(head), html.EscapeString(d.ID))
	if d.Date != "" {
		fmt.Fprintf(w.bw, ` · %s`, html.EscapeString(d.Date))
	}
	fmt.Fprintf(w.bw, ` · %d quotes · <a href="#index">index</a></p><div class="text">`, len(d.Quotes))
	w.writeText(d, first)
	w.bw.WriteString("</div></article>\n")
	return nil
}

// docColumns adds the columns of the page that a record's JSON lacks (the
// document columns, lang) to the JSON object of record r (b, which ends in
// "}").
func (w *htmlWriter) docColumns(b []byte, d *Document, r *Record) []byte {
	for i := range w.cols {
		c := &w.cols[i]
		if c.field != nil && c.field.json != jsonNever {
			continue
		}
		b = append(b[:len(b)-1], ',')
		b = appendJSONString(b, c.name)
		b = append(b, ':')
		b = appendJSONString(b, c.text(d, r))
		b = append(b, '}')
	}
	return b
}

// span is a quote's byte range in the document's text.
type span struct{ start, end, q int }

// writeText writes the document's kept lines (all of its text when it has
// no cleanup result) with each quote in a mark element; a quote that spans
// lines is marked on each of them.
func (w *htmlWriter) writeText(d *Document, first int) {
	text := d.Text
	spans := quoteSpans(text, d.Quotes, first)
	var lines [][2]int
	if d.Clean != nil && len(d.Clean.View) == len(text) {
		for _, l := range d.Clean.Lines {
			if !l.Dropped && l.Start <= l.End && int(l.End) <= len(text) {
				lines = append(lines, [2]int{int(l.Start), int(l.End)})
			}
		}
	} else {
		lines = append(lines, [2]int{0, len(text)})
	}
	k := 0 // the first span that does not end before the line
	blank := true
	for _, ln := range lines {
		s, e := ln[0], ln[1]
		if strings.TrimSpace(text[s:e]) == "" {
			if !blank {
				w.bw.WriteString("\n")
			}
			blank = true
			continue
		}
		blank = false
		for k < len(spans) && spans[k].end <= s {
			k++
		}
		pos := s
		for j := k; j < len(spans) && spans[j].start < e; j++ {
			sp := spans[j]
			a, b := max(sp.start, pos), min(sp.end, e)
			if a >= b {
				continue
			}
			w.bw.WriteString(html.EscapeString(text[pos:a]))
			fmt.Fprintf(w.bw, `<mark class="q%s" data-q="%d">%s</mark>`, kindClass(d.Quotes[sp.q-first].Kind), sp.q, html.EscapeString(text[a:b]))
			pos = b
		}
		w.bw.WriteString(html.EscapeString(text[pos:e]))
		w.bw.WriteString("\n")
	}
}

// quoteSpans converts the records' code-point offsets into byte offsets
// into text and cuts them into segments that do not overlap, in order: where
// records overlap (a statement of reported speech around a quote), a
// segment belongs to the shortest record that covers it. q numbers the
// records from first. Records whose offsets do not fit the text are left
// out.
func quoteSpans(text string, recs []Record, first int) []span {
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return recs[a].Start - recs[b].Start })
	var all []span
	cp, bi := 0, 0 // code point cp is at byte bi
	at := func(c int) int {
		for cp < c && bi < len(text) {
			_, n := utf8.DecodeRuneInString(text[bi:])
			bi += n
			cp++
		}
		return bi
	}
	for _, i := range order {
		r := &recs[i]
		if r.Start < 0 || r.End <= r.Start {
			continue
		}
		s := at(r.Start)
		// the end is found from a copy of the walk, so that the next
		// start (which may lie before this end) walks from s
		saveCP, saveBI := cp, bi
		e := at(r.End)
		cp, bi = saveCP, saveBI
		if s >= len(text) || e <= s {
			continue
		}
		all = append(all, span{s, e, first + i})
	}
	// sweep the boundaries, keeping the records that cover the position
	bounds := make([]int, 0, 2*len(all))
	for _, sp := range all {
		bounds = append(bounds, sp.start, sp.end)
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	var out []span
	var active []span
	next := 0
	for k := 0; k+1 < len(bounds); k++ {
		p, q := bounds[k], bounds[k+1]
		for next < len(all) && all[next].start <= p {
			active = append(active, all[next])
			next++
		}
		active = slices.DeleteFunc(active, func(sp span) bool { return sp.end <= p })
		if len(active) == 0 {
			continue
		}
		best := active[0]
		for _, sp := range active[1:] {
			if sp.end-sp.start < best.end-best.start {
				best = sp
			}
		}
		if n := len(out); n > 0 && out[n-1].q == best.q && out[n-1].end == p {
			out[n-1].end = q
		} else {
			out = append(out, span{p, q, best.q})
		}
	}
	return out
}

// kindClass is the class of a mark of the kind (" k-indirect"), or ""
// for a kind that is not a plain lower-case word.
func kindClass(kind string) string {
	if kind == "" {
		return ""
	}
	for _, r := range kind {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return " k-" + kind
}

// speakerColour is a light colour for a speaker, the same for a name in
// every page; unattributed quotes are grey. The page's script sets it on
// the marks.
func speakerColour(name string) string {
	if name == "" {
		return "hsl(0 0% 85%)"
	}
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(name)))
	v := h.Sum32()
	return "hsl(" + strconv.Itoa(int(v%360)) + " " + strconv.Itoa(70+int(v/360%20)) + "% " + strconv.Itoa(78+int(v/7200%8)) + "%)"
}

// htmlData is the JSON the page's script reads. People holds each quote's
// speaker as merged across the documents (Olsen → Maria Olsen), by which
// the page colours and filters; Colours holds its colour.
type htmlData struct {
	Docs     []htmlDoc         `json:"docs"`
	Quotes   []json.RawMessage `json:"quotes"`
	People   []string          `json:"people"`
	Colours  []string          `json:"colours"`
	Speakers []CorpusSpeaker   `json:"speakers"`
	// Columns are the quote table's columns, when asked for.
	Columns []string `json:"columns,omitempty"`
}

func (w *htmlWriter) Close() error {
	if !w.started {
		w.start()
	}
	w.bw.WriteString("</section>\n<div id=\"pop\" hidden></div>\n<script type=\"application/json\" id=\"data\">")
	data := htmlData{Docs: w.docs, Quotes: w.quotes, Speakers: w.speakers.Speakers(),
		People: make([]string, len(w.quotes)), Colours: make([]string, len(w.quotes))}
	for i := range w.quotes {
		p := w.qspeaker[i]
		if p != "" {
			p = w.speakers.Canonical(w.qdoc[i], p)
		}
		data.People[i] = p
		data.Colours[i] = speakerColour(p)
	}
	for i := range w.cols {
		data.Columns = append(data.Columns, w.cols[i].name)
	}
	if data.Docs == nil {
		data.Docs = []htmlDoc{}
	}
	if data.Quotes == nil {
		data.Quotes = []json.RawMessage{}
	}
	// json.Marshal escapes < > & and U+2028/9, so nothing in the data can
	// close the script element.
	b, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	w.bw.Write(b)
	w.bw.WriteString("</script>\n<script>")
	w.bw.WriteString(pageJS)
	w.bw.WriteString("</script>\n</body></html>\n")
	return w.bw.Flush()
}
