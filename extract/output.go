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

// formatSpec is one output format of the quote table: its name and the
// Writer it opens on w (bw buffers w).
type formatSpec struct {
	name string
	open func(w io.Writer, bw *bufio.Writer, opt WriterOptions, cols []column) (Writer, error)
}

// formats is the registry of output formats, in the order of Formats().
var formats = [...]formatSpec{
	{"table", func(_ io.Writer, bw *bufio.Writer, opt WriterOptions, cols []column) (Writer, error) {
		width := opt.Width
		if width <= 0 {
			width = 100
		}
		if cols == nil {
			cols, _ = resolveColumns(tableColumns[:])
		}
		return &tableWriter{bw: bw, width: width, cols: cols}, nil
	}},
	{"csv", func(_ io.Writer, bw *bufio.Writer, opt WriterOptions, cols []column) (Writer, error) {
		return newCSVWriter(bw, ',', opt, cols)
	}},
	{"tsv", func(_ io.Writer, bw *bufio.Writer, opt WriterOptions, cols []column) (Writer, error) {
		return newCSVWriter(bw, '\t', opt, cols)
	}},
	{"json", func(_ io.Writer, bw *bufio.Writer, _ WriterOptions, cols []column) (Writer, error) {
		return &jsonWriter{bw: bw, cols: cols}, nil
	}},
	{"jsonl", func(_ io.Writer, bw *bufio.Writer, _ WriterOptions, cols []column) (Writer, error) {
		return &jsonlWriter{bw: bw, cols: cols}, nil
	}},
	{"xlsx", func(w io.Writer, _ *bufio.Writer, _ WriterOptions, cols []column) (Writer, error) {
		return newXLSXWriter(w, cols)
	}},
	{"html", func(_ io.Writer, bw *bufio.Writer, _ WriterOptions, cols []column) (Writer, error) {
		return newHTMLWriter(bw, cols), nil
	}},
}

// Formats returns the output formats of the quote table, a new slice
// at each call.
func Formats() []string {
	out := make([]string, len(formats))
	for i := range formats {
		out[i] = formats[i].name
	}
	return out
}

// tableColumns are the default columns of the terminal table.
var tableColumns = [...]string{"id", "quote", "speaker", "title", "cue"}

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
	// Columns picks and orders the columns (see ParseColumns): of CSV, TSV,
	// xlsx and the table; in JSON and JSONL each record is then an object
	// of these keys (the document around it unchanged); the review page
	// shows them in its quote table. Nil: each format's usual columns.
	Columns []string
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
	var cols []column
	if len(opt.Columns) > 0 {
		var err error
		if cols, err = resolveColumns(opt.Columns); err != nil {
			return nil, err
		}
	}
	for i := range formats {
		if formats[i].name == format {
			return formats[i].open(w, bufio.NewWriterSize(w, 64<<10), opt, cols)
		}
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats(), ", "))
}

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// Row returns the record's cells in Columns order.
func (r *Record) Row() []string {
	out := make([]string, 0, len(recordFields))
	for i := range recordFields {
		if recordFields[i].column {
			out = append(out, recordFields[i].text(r))
		}
	}
	return out
}

// SafeCell neutralises a cell that a spreadsheet would run as a formula
// (OWASP: a leading = + - @ tab or carriage return) by prefixing a quote.
// Spreadsheets skip leading spaces (and no-break spaces) before a formula
// and read the full-width ＝ ＋ － ＠ as the ASCII ones, so those count too.
func SafeCell(s string) string {
	t := strings.TrimLeft(s, " \u00a0\u3000")
	if t == "" || s == "-" { // a lone "-" (standard input's id) is no formula
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
	bw   *bufio.Writer
	cw   *csv.Writer
	raw  bool
	cols []column
	row  []string // reused for each record
}

// newCSVWriter starts CSV (comma ',') or TSV (comma '\t') output with its
// header.
func newCSVWriter(bw *bufio.Writer, comma rune, opt WriterOptions, cols []column) (*csvWriter, error) {
	cw := newCSV(bw, comma, opt.BOM)
	if cols == nil {
		cols, _ = resolveColumns(nil)
	}
	head := make([]string, len(cols))
	for i := range cols {
		head[i] = cols[i].name
	}
	if err := cw.Write(head); err != nil {
		return nil, err
	}
	return &csvWriter{bw: bw, cw: cw, raw: opt.CSVRaw, cols: cols, row: head}, nil
}

// newCSV returns a CSV writer on bw with the field separator comma,
// written after a UTF-8 byte-order mark when bom is set.
func newCSV(bw *bufio.Writer, comma rune, bom bool) *csv.Writer {
	if bom {
		bw.WriteString("\ufeff")
	}
	cw := csv.NewWriter(bw)
	cw.Comma = comma
	return cw
}

func (w *csvWriter) WriteDoc(d *Document) error {
	row := w.row[:0]
	for i := range d.Quotes {
		row = row[:0]
		for k := range w.cols {
			c := w.cols[k].text(d, &d.Quotes[i])
			if !w.raw {
				c = SafeCell(c)
			}
			row = append(row, c)
		}
		if err := w.cw.Write(row); err != nil {
			return err
		}
	}
	w.row = row
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
	bw   *bufio.Writer
	n    int
	cols []column // nil: whole records
}

func (w *jsonWriter) WriteDoc(d *Document) error {
	sep := ",\n"
	if w.n == 0 {
		sep = "[\n"
	}
	w.n++
	out := docOut(d)
	if w.cols != nil {
		q := make([]json.RawMessage, len(d.Quotes))
		for i := range d.Quotes {
			b, ok := appendColumnsJSON(nil, d, &d.Quotes[i], w.cols)
			if !ok {
				return fmt.Errorf("encoding document %s: a confidence that is not a number", d.ID)
			}
			q[i] = b
		}
		out.Quotes = q
	}
	b, err := json.MarshalIndent(out, "  ", "  ")
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
	Quotes   any       `json:"quotes"`         // []Record, or the records' columns
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
	bw   *bufio.Writer
	buf  []byte   // reused for each line
	cols []column // nil: whole records
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
	b, ok := streamDocJSON(w.buf[:0], d, w.cols, flush)
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
	cols  []column
	docs  int
}

// tableCap is the widest a table column other than the quote gets (cue:
// 16, others 24); the id column is 3 wide, the quote takes what is left.
func tableCap(name string) int {
	if name == "cue" {
		return 16
	}
	return 24
}

// tableCell is the text of a table cell: the id without its q, a quote in
// quotation marks (reported speech without), an unattributed speaker as
// its status, all made safe for a terminal.
func tableCell(c *column, d *Document, r *Record) string {
	switch c.name {
	case "id":
		return strings.TrimPrefix(r.ID, "q")
	case "quote":
		if r.Kind == "indirect" {
			return "(reported) " + TermSafe(r.Quote) // no quotation marks: not verbatim
		}
		return "“" + TermSafe(r.Quote) + "”"
	case "speaker":
		if r.Speaker == "" {
			return TermSafe("(" + r.Status + ")")
		}
	}
	return TermSafe(c.text(d, r))
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
	// column widths: the id 3, the quote what the others leave, the others
	// their widest value up to their cap
	widths := make([]int, len(w.cols))
	quote, used, indent := -1, 2, 0
	for k := range w.cols {
		c := &w.cols[k]
		switch c.name {
		case "id":
			widths[k] = 3
		case "quote":
			quote = k
		default:
			widths[k] = len(c.name)
			for i := range d.Quotes {
				widths[k] = max(widths[k], min(tableCap(c.name), utf8.RuneCountInString(c.text(d, &d.Quotes[i]))))
			}
		}
		used += widths[k] + tableSep(c, k, len(w.cols))
	}
	if quote >= 0 {
		widths[quote] = max(20, w.width-used)
		for k := range quote {
			indent += widths[k] + tableSep(&w.cols[k], k, len(w.cols))
		}
	}
	cells := make([]string, len(w.cols))
	line := func() {
		for k, c := range cells {
			col := &w.cols[k]
			switch {
			case k == len(cells)-1:
				w.bw.WriteString(c)
			case col.name == "id":
				fmt.Fprintf(w.bw, "%-3s", c)
			default:
				w.bw.WriteString(pad(c, widths[k]))
			}
			w.bw.WriteString("  "[:tableSep(col, k, len(cells))])
		}
		w.bw.WriteString("\n")
	}
	for k := range w.cols {
		cells[k] = w.cols[k].name
		if cells[k] == "id" {
			cells[k] = "#"
		}
	}
	line()
	var rest []string
	for i := range d.Quotes {
		r := &d.Quotes[i]
		for k := range w.cols {
			c := &w.cols[k]
			cells[k] = tableCell(c, d, r)
			switch {
			case k == quote:
				lines := wrap(cells[k], widths[k])
				cells[k], rest = lines[0], lines[1:]
			case c.name != "id":
				cells[k] = trunc(cells[k], widths[k])
			}
		}
		line()
		for _, l := range rest {
			fmt.Fprintf(w.bw, "%s%s\n", strings.Repeat(" ", indent), l)
		}
		rest = nil
	}
	return nil
}

// tableSep is the width of the space after column k of n: none after the
// last, one after the id, two after the others.
func tableSep(c *column, k, n int) int {
	switch {
	case k == n-1:
		return 0
	case c.name == "id":
		return 1
	}
	return 2
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
