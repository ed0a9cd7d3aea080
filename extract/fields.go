package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The output schema of a quote record, declared once: recordFields drives
// the JSON encoder (jsonenc.go), the CSV and TSV columns, the xlsx cells and
// widths, the terminal table and the review page. A new field of Record is
// one entry here (fields_test.go checks that every field of Record has one,
// in the order of its JSON).

// fieldKind is the type of a record field's value.
type fieldKind uint8

const (
	kindString  fieldKind = iota
	kindInt               // a number
	kindOptInt            // a number or null (an offset that may be unknown)
	kindFloat             // a fraction (the confidence)
	kindStrings           // a list of strings (joined by "; " in a cell)
)

// jsonMode says how a field appears in a record's JSON.
type jsonMode uint8

const (
	jsonAlways    jsonMode = iota
	jsonOmitEmpty          // left out when empty (encoding/json's omitempty)
	jsonNever              // not in the record's JSON (given once per document)
)

// recordField is one field of a quote record and how each output shows it.
type recordField struct {
	name string
	kind fieldKind
	json jsonMode
	// column: one of the default columns of CSV, TSV and xlsx (a field
	// that is not, like explain, can still be asked for with Columns).
	column bool
	// the value, by kind
	str  func(*Record) string
	num  func(*Record) int
	opt  func(*Record) *int
	flt  func(*Record) float64
	strs func(*Record) []string
	// width is the xlsx column width in characters (0: the default); wrap
	// wraps the cell's text.
	width float64
	wrap  bool
}

// recordFields are the fields of Record in the order of its JSON; the
// default columns are those marked column, in this order.
var recordFields = [...]recordField{
	{name: "doc", str: func(r *Record) string { return r.Doc }, column: true, width: 18},
	{name: "id", str: func(r *Record) string { return r.ID }, column: true, width: 6},
	{name: "quote", str: func(r *Record) string { return r.Quote }, column: true, width: 70, wrap: true},
	{name: "start", kind: kindInt, num: func(r *Record) int { return r.Start }, column: true, width: 8},
	{name: "end", kind: kindInt, num: func(r *Record) int { return r.End }, column: true, width: 8},
	{name: "speaker", str: func(r *Record) string { return r.Speaker }, column: true, width: 22},
	{name: "mention", str: func(r *Record) string { return r.Mention }, column: true, width: 16},
	{name: "speaker_start", kind: kindOptInt, opt: func(r *Record) *int { return r.SpeakerStart }, column: true, width: 8},
	{name: "speaker_end", kind: kindOptInt, opt: func(r *Record) *int { return r.SpeakerEnd }, column: true, width: 8},
	{name: "title", str: func(r *Record) string { return r.Title }, column: true, width: 28},
	{name: "cue", str: func(r *Record) string { return r.Cue }, column: true, width: 12},
	{name: "cue_start", kind: kindOptInt, opt: func(r *Record) *int { return r.CueStart }, column: true, width: 8},
	{name: "cue_end", kind: kindOptInt, opt: func(r *Record) *int { return r.CueEnd }, column: true, width: 8},
	{name: "kind", str: func(r *Record) string { return r.Kind }, column: true, width: 10},
	{name: "status", str: func(r *Record) string { return r.Status }, column: true, width: 11},
	{name: "rule", str: func(r *Record) string { return r.Rule }, column: true, width: 24},
	{name: "confidence", kind: kindFloat, flt: func(r *Record) float64 { return r.Confidence }, column: true, width: 11},
	{name: "line", kind: kindInt, num: func(r *Record) int { return r.Line }, column: true, width: 6},
	{name: "sentence", str: func(r *Record) string { return r.Sentence }, column: true, width: 60, wrap: true},
	{name: "explain", kind: kindStrings, json: jsonOmitEmpty, strs: func(r *Record) []string { return r.Explain }, width: 60, wrap: true},
	{name: "dup_of", str: func(r *Record) string { return r.DupOf }, json: jsonOmitEmpty, width: 24},
	{name: "lang", str: func(r *Record) string { return r.Lang }, json: jsonNever, column: true},
}

// Document columns: a column named DocColumnPrefix+KEY carries the
// document's KEY to every row — its title, date, url or byline, or any
// other field of its JSONL line (doc_outlet for "outlet").
const DocColumnPrefix = "doc_"

// docColumnNames are the document columns that every document can fill.
var docColumnNames = [...]string{"doc_title", "doc_date", "doc_url", "doc_byline"}

// field returns the record field named name, or nil.
func field(name string) *recordField {
	for i := range recordFields {
		if recordFields[i].name == name {
			return &recordFields[i]
		}
	}
	return nil
}

// Columns returns the default header of CSV, TSV and xlsx output (the
// names of the record fields marked as columns), a new slice at each call.
func Columns() []string {
	var out []string
	for i := range recordFields {
		if recordFields[i].column {
			out = append(out, recordFields[i].name)
		}
	}
	return out
}

// AllowedColumns returns the column names that Columns options accept: the
// record's fields and the usual document columns (any doc_KEY is accepted
// too, for a field KEY of the input's JSONL lines).
func AllowedColumns() []string {
	var out []string
	for i := range recordFields {
		out = append(out, recordFields[i].name)
	}
	return append(out, docColumnNames[:]...)
}

// column is one column of a tabular output: a record field, or a
// document's field carried to each of its rows.
type column struct {
	name   string
	field  *recordField // nil for a document column
	docKey string       // a document column's key (title, date, url, outlet, …)
}

// ParseColumns reads a comma-separated list of column names (spaces around
// names are ignored) and checks each: a record field, or doc_KEY. An empty
// list gives nil, the default columns.
func ParseColumns(spec string) ([]string, error) {
	if strings.TrimSpace(spec) == "" {
		return nil, nil
	}
	var out []string
	for _, n := range strings.Split(spec, ",") {
		out = append(out, strings.TrimSpace(n))
	}
	if _, err := resolveColumns(out); err != nil {
		return nil, err
	}
	return out, nil
}

// resolveColumns returns the columns of names, or of the default columns
// when names is empty.
func resolveColumns(names []string) ([]column, error) {
	if len(names) == 0 {
		names = Columns()
	}
	out := make([]column, 0, len(names))
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if seen[n] {
			return nil, fmt.Errorf("column %q given twice", n)
		}
		seen[n] = true
		switch {
		case field(n) != nil:
			out = append(out, column{name: n, field: field(n)})
		case strings.HasPrefix(n, DocColumnPrefix) && len(n) > len(DocColumnPrefix):
			out = append(out, column{name: n, docKey: n[len(DocColumnPrefix):]})
		default:
			return nil, fmt.Errorf("unknown column %q (want some of %s, or doc_KEY for a field KEY of the JSONL input)",
				n, strings.Join(AllowedColumns(), ", "))
		}
	}
	return out, nil
}

// numeric reports whether the column holds numbers.
func (c *column) numeric() bool {
	return c.field != nil && (c.field.kind == kindInt || c.field.kind == kindOptInt || c.field.kind == kindFloat)
}

// text returns the column's cell for record r of document d (d may be nil
// for record fields).
func (c *column) text(d *Document, r *Record) string {
	if c.field == nil {
		return docValue(d, c.docKey)
	}
	return c.field.text(r)
}

// text returns the field's value as a cell: numbers in decimal, an unknown
// offset empty, a list joined by "; ".
func (f *recordField) text(r *Record) string {
	switch f.kind {
	case kindInt:
		return strconv.Itoa(f.num(r))
	case kindOptInt:
		return optInt(f.opt(r))
	case kindFloat:
		return strconv.FormatFloat(f.flt(r), 'f', -1, 64)
	case kindStrings:
		return strings.Join(f.strs(r), "; ")
	}
	return f.str(r)
}

// empty reports whether the field is empty in r (for omitempty).
func (f *recordField) empty(r *Record) bool {
	switch f.kind {
	case kindInt:
		return f.num(r) == 0
	case kindOptInt:
		return f.opt(r) == nil
	case kindFloat:
		return f.flt(r) == 0
	case kindStrings:
		return len(f.strs(r)) == 0
	}
	return f.str(r) == ""
}

// docValue returns the document's field key: the value its JSONL line gave
// (Document.Meta), else for title, date, url and byline what the document
// holds (found by cleanup, or in an HTML page's metadata).
func docValue(d *Document, key string) string {
	if d == nil {
		return ""
	}
	if v, ok := d.Meta[key]; ok {
		return v
	}
	switch key {
	case "title":
		return d.Title
	case "date":
		return d.Date
	case "url":
		return d.URL
	case "byline":
		return d.Byline
	case "lang":
		return d.Lang
	case "id":
		return d.ID
	}
	return ""
}

// hasColumn reports whether cols holds the column name.
func hasColumn(cols []column, name string) bool {
	return slices.ContainsFunc(cols, func(c column) bool { return c.name == name })
}
