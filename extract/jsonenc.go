package extract

import (
	"math"
	"strconv"
	"sync"
	"unicode/utf8"
)

// The JSONL writer encodes documents by hand, in exactly the bytes
// encoding/json's Marshal gives for docJSON (field order, HTML escaping,
// null pointers and slices, omitempty, float format), without its
// reflection; jsonenc_test.go compares the two.

const jsonHex = "0123456789abcdef"

// streamChunk is the size past which a JSONL line being encoded is handed
// to the writer.
const streamChunk = 32 << 10

// jsonSafe marks the ASCII bytes that encoding/json writes as they are
// (its htmlSafeSet): printable, and not ", \, <, > or &. A literal, not a
// loop of the package's set-up (TestStaticTables).
var jsonSafe = [utf8.RuneSelf]bool{
	' ': true, '!': true, '#': true, '$': true, '%': true, '\'': true, '(': true, ')': true,
	'*': true, '+': true, ',': true, '-': true, '.': true, '/': true, '0': true, '1': true,
	'2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	':': true, ';': true, '=': true, '?': true, '@': true, 'A': true, 'B': true, 'C': true,
	'D': true, 'E': true, 'F': true, 'G': true, 'H': true, 'I': true, 'J': true, 'K': true,
	'L': true, 'M': true, 'N': true, 'O': true, 'P': true, 'Q': true, 'R': true, 'S': true,
	'T': true, 'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true, '[': true,
	']': true, '^': true, '_': true, '`': true, 'a': true, 'b': true, 'c': true, 'd': true,
	'e': true, 'f': true, 'g': true, 'h': true, 'i': true, 'j': true, 'k': true, 'l': true,
	'm': true, 'n': true, 'o': true, 'p': true, 'q': true, 'r': true, 's': true, 't': true,
	'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true, '{': true, '|': true,
	'}': true, '~': true, 0x7f: true,
}

// safeJSON8 reports whether the 8 bytes x (little-endian) are ASCII bytes
// that jsonSafe marks; it may say no for some that are (=), never yes for
// one that is not.
func safeJSON8(x uint64) bool {
	// as plainJSON8, with < > & too (and =, which lies between < and >)
	q, b, a, l := x^ones64*'"', x^ones64*'\\', x^ones64*'&', x^ones64*'<'
	return (x|(x-ones64*0x20)&^x|(q-ones64)&^q|(b-ones64)&^b|(a-ones64)&^a|(l-ones64*3)&^l)&high64 == 0
}

// asciiSafeJSON8 is safeJSON8 for the ASCII bytes of x alone: the others
// (of runes that encoding/json writes as they are, but for U+2028,
// U+2029 and invalid UTF-8) pass. It may say no for some safe bytes (=,
// and bytes after a control character), never yes for an unsafe ASCII one.
func asciiSafeJSON8(x uint64) bool {
	q, b, a, l := x^ones64*'"', x^ones64*'\\', x^ones64*'&', x^ones64*'<'
	return ((x-ones64*0x20)&^x|(q-ones64)&^q|(b-ones64)&^b|(a-ones64)&^a|(l-ones64*3)&^l)&high64 == 0
}

// appendJSONString appends s as a JSON string, as encoding/json does with
// HTML escaping on.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && safeJSON8(load64(s, i)) {
			i += 8 // eight bytes written as they are
			continue
		}
		// else each byte (or rune) up to the end of the eight, without the
		// eight-byte test again at each
		stop := min(i+8, len(s))
		for i < stop {
			if b := s[i]; b < utf8.RuneSelf {
				if jsonSafe[b] {
					i++
					continue
				}
				dst = append(dst, s[start:i]...)
				switch b {
				case '\\', '"':
					dst = append(dst, '\\', b)
				case '\b':
					dst = append(dst, '\\', 'b')
				case '\f':
					dst = append(dst, '\\', 'f')
				case '\n':
					dst = append(dst, '\\', 'n')
				case '\r':
					dst = append(dst, '\\', 'r')
				case '\t':
					dst = append(dst, '\\', 't')
				default:
					dst = append(dst, '\\', 'u', '0', '0', jsonHex[b>>4], jsonHex[b&0xF])
				}
				i++
				start = i
				continue
			}
			if b := s[i]; b >= 0xC2 && b <= 0xE2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				// a valid rune of two bytes (é), or of three from U+2000
				// to U+2FFF (’ “ ” –) but U+2028 and U+2029: written as
				// they are, without DecodeRuneInString
				if b < 0xE0 {
					i += 2
					continue
				}
				if b == 0xE2 && i+2 < len(s) && s[i+2]&0xC0 == 0x80 && !(s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9)) {
					i += 3
					continue
				}
			}
			c, size := utf8.DecodeRuneInString(s[i:])
			if c == utf8.RuneError && size == 1 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, `\ufffd`...)
				i += size
				start = i
				continue
			}
			if c == '\u2028' || c == '\u2029' {
				dst = append(dst, s[start:i]...)
				dst = append(dst, '\\', 'u', '2', '0', '2', jsonHex[c&0xF])
				i += size
				start = i
				continue
			}
			i += size
		}
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendJSONStrings appends ss as a JSON array of strings (null when nil).
func appendJSONStrings(dst []byte, ss []string) []byte {
	if ss == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}

// appendJSONIntp appends *p, or null.
func appendJSONIntp(dst []byte, p *int) []byte {
	if p == nil {
		return append(dst, "null"...)
	}
	return strconv.AppendInt(dst, int64(*p), 10)
}

// appendJSONFloat appends f as encoding/json does; ok is false for NaN and
// the infinities, which JSON cannot hold.
func appendJSONFloat(dst []byte, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return dst, false
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, true
}

// streamDocJSON appends the JSON of docOut(d), as json.Marshal gives it;
// ok is false when a value cannot be encoded (a confidence that is not a
// number), for which the caller uses json.Marshal and its error. When
// flush is not nil, it hands the bytes so far to flush after each record once they pass streamChunk, and
// goes on with the slice flush returns: a document with many rows is
// written record by record, never built whole.
//
// With cols, each record is the object of those columns (appendColumnsJSON).
func streamDocJSON(dst []byte, d *Document, cols []column, flush func([]byte) []byte) ([]byte, bool) {
	dst = append(dst, `{"id":`...)
	dst = appendJSONString(dst, d.ID)
	dst = append(dst, `,"lang":`...)
	dst = appendJSONString(dst, d.Lang)
	dst = append(dst, `,"title":`...)
	dst = appendJSONString(dst, d.Title)
	dst = append(dst, `,"date":`...)
	dst = appendJSONString(dst, d.Date)
	if d.Page != nil { // an HTML page: docOut's fields, omitted when empty
		dst = appendPageJSON(dst, d)
	}
	dst = append(dst, `,"quotes":[`...)
	var docJSON []byte // the document's id as a JSON string, for its records
	if cols == nil && len(d.Quotes) > 0 {
		docJSON = appendJSONString(nil, d.ID)
	}
	for i := range d.Quotes {
		if i > 0 {
			dst = append(dst, ',')
		}
		var ok bool
		if cols == nil {
			dst, ok = appendRecordJSON(dst, &d.Quotes[i], d.ID, docJSON)
		} else {
			dst, ok = appendColumnsJSON(dst, d, &d.Quotes[i], cols)
		}
		if !ok {
			return dst, false
		}
		if flush != nil && len(dst) >= streamChunk {
			dst = flush(dst)
		}
	}
	dst = append(dst, ']')
	if len(d.Speakers) > 0 {
		dst = append(dst, `,"speakers":[`...)
		for i := range d.Speakers {
			s := &d.Speakers[i]
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"name":`...)
			dst = appendJSONString(dst, s.Name)
			dst = append(dst, `,"titles":`...)
			dst = appendJSONStrings(dst, s.Titles)
			dst = append(dst, `,"aliases":`...)
			dst = appendJSONStrings(dst, s.Aliases)
			dst = append(dst, `,"quotes":`...)
			dst = strconv.AppendInt(dst, int64(s.Quotes), 10)
			if s.Gender != "" {
				dst = append(dst, `,"gender":`...)
				dst = appendJSONString(dst, s.Gender)
			}
			dst = append(dst, `,"mentions":`...)
			dst = strconv.AppendInt(dst, int64(s.Mentions), 10)
			if s.Reported > 0 {
				dst = append(dst, `,"reported":`...)
				dst = strconv.AppendInt(dst, int64(s.Reported), 10)
			}
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	if len(d.Warnings) > 0 {
		dst = append(dst, `,"warnings":[`...)
		for i := range d.Warnings {
			w := &d.Warnings[i]
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"line":`...)
			dst = strconv.AppendInt(dst, int64(w.Line), 10)
			dst = append(dst, `,"msg":`...)
			dst = appendJSONString(dst, w.Msg)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	return append(dst, '}'), true
}

// recordKeys are the JSON keys of recordFields with their colons
// ("doc":), made at the first record written (not in the package's
// set-up, which every process runs).
var (
	recordKeys     [len(recordFields)]string
	recordKeysOnce sync.Once
)

// makeRecordKeys makes recordKeys as slices of one string (a
// concatenation per key cost ~10 K instructions of a run's first
// document).
func makeRecordKeys() {
	n := 0
	for i := range recordFields {
		n += len(recordFields[i].name) + 3
	}
	b := make([]byte, 0, n)
	for i := range recordFields {
		b = append(b, '"')
		b = append(b, recordFields[i].name...)
		b = append(b, '"', ':')
	}
	all, off := string(b), 0
	for i := range recordFields {
		k := len(recordFields[i].name) + 3
		recordKeys[i] = all[off : off+k]
		off += k
	}
}

// appendRecordJSON appends the JSON of one record, as json.Marshal gives
// it: the fields of recordFields in order. docJSON is the JSON string of
// doc, the document's id, encoded once for all its records.
func appendRecordJSON(dst []byte, r *Record, doc string, docJSON []byte) ([]byte, bool) {
	recordKeysOnce.Do(makeRecordKeys)
	sep := byte('{')
	for i := range recordFields {
		f := &recordFields[i]
		if f.json == jsonNever || f.json == jsonOmitEmpty && f.empty(r) {
			continue
		}
		dst = append(dst, sep)
		dst = append(dst, recordKeys[i]...)
		sep = ','
		if i == 0 && docJSON != nil && r.Doc == doc {
			dst = append(dst, docJSON...) // recordFields[0] is the doc's id
			continue
		}
		var ok bool
		if dst, ok = appendFieldJSON(dst, f, r); !ok {
			return dst, false
		}
	}
	if sep == '{' {
		dst = append(dst, '{')
	}
	return append(dst, '}'), true
}

// appendFieldJSON appends the JSON value of field f of r.
func appendFieldJSON(dst []byte, f *recordField, r *Record) ([]byte, bool) {
	switch f.kind {
	case kindInt:
		return strconv.AppendInt(dst, int64(f.num(r)), 10), true
	case kindOptInt:
		return appendJSONIntp(dst, f.opt(r)), true
	case kindFloat:
		return appendJSONFloat(dst, f.flt(r))
	case kindStrings:
		return appendJSONStrings(dst, f.strs(r)), true
	}
	return appendJSONString(dst, f.str(r)), true
}

// appendColumnsJSON appends a record as a JSON object of the columns cols,
// in their order: record fields as in the record's JSON (always present),
// document columns as strings.
func appendColumnsJSON(dst []byte, d *Document, r *Record, cols []column) ([]byte, bool) {
	sep := byte('{')
	for i := range cols {
		c := &cols[i]
		dst = append(dst, sep)
		sep = ','
		dst = appendJSONString(dst, c.name)
		dst = append(dst, ':')
		if c.field == nil {
			dst = appendJSONString(dst, docValue(d, c.docKey))
			continue
		}
		var ok bool
		if dst, ok = appendFieldJSON(dst, c.field, r); !ok {
			return dst, false
		}
	}
	if sep == '{' {
		dst = append(dst, '{')
	}
	return append(dst, '}'), true
}

// appendPageJSON appends the url, byline and text of an HTML page's
// document, each left out when empty (docJSON's omitempty).
func appendPageJSON(dst []byte, d *Document) []byte {
	for _, f := range [...]struct{ key, val string }{{`,"url":`, d.URL}, {`,"byline":`, d.Byline}, {`,"text":`, d.Text}} {
		if f.val != "" {
			dst = append(dst, f.key...)
			dst = appendJSONString(dst, f.val)
		}
	}
	return dst
}
