package extract

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Formats are the output formats of the quote table.
var Formats = []string{"table", "csv", "tsv", "json", "jsonl", "xlsx", "html"}

// Columns is the fixed header of CSV and TSV output.
var Columns = []string{"doc", "id", "quote", "start", "end", "speaker", "mention", "speaker_start", "speaker_end",
	"title", "cue", "cue_start", "cue_end", "kind", "status", "rule", "confidence", "line", "sentence", "lang"}

// WriterOptions tune a Writer.
type WriterOptions struct {
	// CSVRaw turns off the neutralising of cells that a spreadsheet would
	// read as a formula.
	CSVRaw bool
	// Width is the terminal width for the table format (0: 100).
	Width int
	// BOM starts CSV and TSV output with a UTF-8 byte-order mark, by which
	// Excel knows the file is UTF-8.
	BOM bool
}

// Writer writes documents' quote records in one format.
type Writer interface {
	// WriteDoc writes the records of one document.
	WriteDoc(*Document) error
	// Close writes what is pending (the closing bracket of JSON, the table).
	Close() error
}

// NewWriter returns a Writer for format (one of Formats).
func NewWriter(format string, w io.Writer, opt WriterOptions) (Writer, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	switch format {
	case "csv", "tsv":
		cw := csv.NewWriter(bw)
		if format == "tsv" {
			cw.Comma = '\t'
		}
		if opt.BOM {
			bw.WriteString("\ufeff")
		}
		if err := cw.Write(Columns); err != nil {
			return nil, err
		}
		return &csvWriter{bw: bw, cw: cw, raw: opt.CSVRaw}, nil
	case "json":
		return &jsonWriter{bw: bw}, nil
	case "jsonl":
		return &jsonlWriter{bw: bw}, nil
	case "xlsx":
		return newXLSXWriter(w)
	case "html":
		return newHTMLWriter(bw), nil
	case "table":
		width := opt.Width
		if width <= 0 {
			width = 100
		}
		return &tableWriter{bw: bw, width: width}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// Row returns the record's cells in Columns order.
func (r *Record) Row() []string {
	return []string{r.Doc, r.ID, r.Quote, strconv.Itoa(r.Start), strconv.Itoa(r.End), r.Speaker, r.Mention,
		optInt(r.SpeakerStart), optInt(r.SpeakerEnd), r.Title, r.Cue, optInt(r.CueStart), optInt(r.CueEnd),
		r.Kind, r.Status, r.Rule, strconv.FormatFloat(r.Confidence, 'f', -1, 64), strconv.Itoa(r.Line), r.Sentence, r.Lang}
}

// SafeCell neutralises a cell that a spreadsheet would run as a formula
// (OWASP: a leading = + - @ tab or carriage return) by prefixing a quote.
// Spreadsheets skip leading spaces (and no-break spaces) before a formula
// and read the full-width ＝ ＋ － ＠ as the ASCII ones, so those count too.
func SafeCell(s string) string {
	t := strings.TrimLeft(s, " \u00a0\u3000")
	if t == "" {
		return s
	}
	switch t[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	if r, _ := utf8.DecodeRuneInString(t); r == '＝' || r == '＋' || r == '－' || r == '＠' {
		return "'" + s
	}
	return s
}

type csvWriter struct {
	bw  *bufio.Writer
	cw  *csv.Writer
	raw bool
}

func (w *csvWriter) WriteDoc(d *Document) error {
	for i := range d.Quotes {
		row := d.Quotes[i].Row()
		if !w.raw {
			for k := range row {
				row[k] = SafeCell(row[k])
			}
		}
		if err := w.cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}

func (w *csvWriter) Close() error {
	w.cw.Flush()
	if err := w.cw.Error(); err != nil {
		return err
	}
	return w.bw.Flush()
}

type jsonWriter struct {
	bw *bufio.Writer
	n  int
}

func (w *jsonWriter) WriteDoc(d *Document) error {
	sep := ",\n"
	if w.n == 0 {
		sep = "[\n"
	}
	w.n++
	b, err := json.MarshalIndent(docOut(d), "  ", "  ")
	if err != nil {
		return err
	}
	w.bw.WriteString(sep + "  ")
	_, err = w.bw.Write(b)
	return err
}

func (w *jsonWriter) Close() error {
	if w.n == 0 {
		w.bw.WriteString("[")
	}
	w.bw.WriteString("\n]\n")
	return w.bw.Flush()
}

// docJSON is the JSON shape of one document.
type docJSON struct {
	ID       string    `json:"id"`
	Lang     string    `json:"lang"`
	Title    string    `json:"title"`
	Date     string    `json:"date"`
	URL      string    `json:"url,omitempty"`
	Byline   string    `json:"byline,omitempty"`
	Text     string    `json:"text,omitempty"` // an HTML page's article text
	Quotes   []Record  `json:"quotes"`
	Speakers []Speaker `json:"speakers,omitempty"`
	Warnings []Warning `json:"warnings,omitempty"`
}

func docOut(d *Document) docJSON {
	q := d.Quotes
	if q == nil {
		q = []Record{}
	}
	out := docJSON{ID: d.ID, Lang: d.Lang, Title: d.Title, Date: d.Date, Quotes: q, Speakers: d.Speakers, Warnings: d.Warnings}
	if d.Page != nil {
		out.URL, out.Byline, out.Text = d.URL, d.Byline, d.Text
	}
	return out
}

type jsonlWriter struct {
	bw  *bufio.Writer
	buf []byte // reused for each line
}

// WriteDoc writes d as one JSON line, encoded by streamDocJSON in the bytes
// json.Marshal would give, and handed to the output record by record.
func (w *jsonlWriter) WriteDoc(d *Document) error {
	for i := range d.Quotes {
		if c := d.Quotes[i].Confidence; math.IsInf(c, 0) || math.IsNaN(c) {
			if _, err := json.Marshal(docOut(d)); err != nil {
				return fmt.Errorf("encoding document %s: %w", d.ID, err)
			}
		}
	}
	var werr error
	flush := func(b []byte) []byte {
		if werr == nil {
			_, werr = w.bw.Write(b)
		}
		return b[:0]
	}
	b, ok := streamDocJSON(w.buf[:0], d, flush)
	if !ok {
		return fmt.Errorf("encoding document %s: a confidence that is not a number", d.ID)
	}
	if cap(b) <= 4*streamChunk {
		w.buf = b // keep a small buffer for the next document
	}
	flush(b)
	if werr != nil {
		return werr
	}
	return w.bw.WriteByte('\n')
}

func (w *jsonlWriter) Close() error { return w.bw.Flush() }

// tableWriter prints an aligned table for a terminal; long quotes wrap.
type tableWriter struct {
	bw    *bufio.Writer
	width int
	docs  int
}

func (w *tableWriter) WriteDoc(d *Document) error {
	if w.docs > 0 {
		w.bw.WriteString("\n")
	}
	w.docs++
	head := d.ID
	if d.Title != "" {
		head += " — " + d.Title
	}
	if d.Date != "" {
		head += " (" + d.Date + ")"
	}
	fmt.Fprintf(w.bw, "%s\n", TermSafe(head))
	if len(d.Quotes) == 0 {
		w.bw.WriteString("  (no quotes)\n")
		return nil
	}
	// columns: #, quote (wrapped), speaker, title, cue
	spW, tiW, cuW := len("speaker"), len("title"), len("cue")
	for _, r := range d.Quotes {
		spW = max(spW, min(24, utf8.RuneCountInString(r.Speaker)))
		tiW = max(tiW, min(24, utf8.RuneCountInString(r.Title)))
		cuW = max(cuW, min(16, utf8.RuneCountInString(r.Cue)))
	}
	qW := max(20, w.width-(4+spW+tiW+cuW+8))
	line := func(n, q, s, t, c string) {
		fmt.Fprintf(w.bw, "%-3s %-*s  %-*s  %-*s  %s\n", n, qW, q, spW, s, tiW, t, c)
	}
	line("#", pad("quote", qW), pad("speaker", spW), pad("title", tiW), "cue")
	for _, r := range d.Quotes {
		text := "“" + TermSafe(r.Quote) + "”"
		if r.Kind == "indirect" {
			text = "(reported) " + TermSafe(r.Quote) // no quotation marks: not verbatim
		}
		lines := wrap(text, qW)
		sp := r.Speaker
		if sp == "" {
			sp = "(" + r.Status + ")"
		}
		sp, title, cue := TermSafe(sp), TermSafe(r.Title), TermSafe(r.Cue)
		line(strings.TrimPrefix(r.ID, "q"), pad(lines[0], qW), pad(trunc(sp, spW), spW), pad(trunc(title, tiW), tiW), trunc(cue, cuW))
		for _, l := range lines[1:] {
			fmt.Fprintf(w.bw, "    %s\n", l)
		}
	}
	return nil
}

func (w *tableWriter) Close() error { return w.bw.Flush() }

// TermSafe returns s with the characters that a terminal would obey
// instead of showing made visible: C0 controls and DEL become their Unicode
// control pictures (ESC → ␛, so no escape sequence can recolour, retitle or
// rewrite the terminal), C1 controls and the bidirectional overrides and
// isolates (which can reorder what is shown) become U+FFFD.
func TermSafe(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if termUnsafe(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('␡')
		case termUnsafe(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func termUnsafe(r rune) bool {
	return r < 0x20 || 0x7f <= r && r < 0xa0 || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069
}

// pad pads s with spaces to n code points (fmt pads by bytes).
func pad(s string, n int) string {
	k := utf8.RuneCountInString(s)
	if k >= n {
		return s
	}
	return s + strings.Repeat(" ", n-k)
}

func trunc(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// wrap breaks s into lines of at most n code points at spaces.
func wrap(s string, n int) []string {
	var out []string
	cur := ""
	for _, w := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= n:
			cur += " " + w
		default:
			out = append(out, cur)
			cur = w
		}
	}
	out = append(out, cur)
	return out
}
