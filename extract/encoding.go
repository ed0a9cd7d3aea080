package extract

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Encodings returns the names InputOptions.Encoding accepts (aliases such as
// latin1, iso-8859-1, cp1252 and utf8 are accepted too).
//
//   - auto (the default): UTF-8, or UTF-16 when the input starts with a
//     UTF-16 byte-order mark.
//   - utf-8: UTF-8 only (a UTF-16 BOM is not looked for).
//   - latin-1: ISO 8859-1, every byte is the code point of its value.
//   - windows-1252: Latin-1 with the printable characters of 0x80–0x9F
//     (curly quotes, dashes, €); its five unassigned bytes stay C1 controls.
//   - utf-16, utf-16le, utf-16be: UTF-16 by its BOM (little-endian without
//     one), or in the given byte order. Unpaired surrogates become U+FFFD.
//
// Offsets in the output count the code points of the decoded text, without
// a UTF-16 BOM: Python's open(path, encoding=...).read() gives the same text.
func Encodings() []string {
	return []string{"auto", "utf-8", "latin-1", "windows-1252", "utf-16", "utf-16le", "utf-16be"}
}

// ErrOddUTF16 is returned for UTF-16 input with an odd number of bytes.
var ErrOddUTF16 = errors.New("UTF-16 text with an odd number of bytes (truncated?)")

// NormEncoding returns the canonical name (one of Encodings()) of an encoding
// name or alias; "" is auto.
func NormEncoding(name string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "auto":
		return "auto", nil
	case "utf-8", "utf8":
		return "utf-8", nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
		return "latin-1", nil
	case "windows-1252", "cp1252", "win1252", "windows1252":
		return "windows-1252", nil
	case "utf-16", "utf16":
		return "utf-16", nil
	case "utf-16le", "utf16le":
		return "utf-16le", nil
	case "utf-16be", "utf16be":
		return "utf-16be", nil
	}
	return "", fmt.Errorf("unknown encoding %q (want one of %s)", name, strings.Join(Encodings(), ", "))
}

// Decode returns data decoded from the encoding enc (a name of Encodings() or
// an alias) as UTF-8. In auto and utf-8 the bytes are returned as they are:
// CheckText tells whether they are valid.
func Decode(data []byte, enc string) (string, error) {
	name, err := NormEncoding(enc)
	if err != nil {
		return "", err
	}
	if asIs(name, data) {
		return string(data), nil
	}
	d := decoder{enc: name}
	out, err := d.decode(make([]byte, 0, len(data)+len(data)/2), data, true)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// asIs reports whether data in the canonical encoding name is taken as it
// is: UTF-8, named or detected (no UTF-16 byte-order mark).
func asIs(name string, data []byte) bool {
	return name == "utf-8" || name == "auto" && !hasUTF16BOM(data)
}

func hasUTF16BOM(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252 to code points; the five
// unassigned bytes map to themselves (as the WHATWG Encoding Standard does).
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// decoder converts a byte stream to UTF-8 chunk by chunk.
type decoder struct {
	enc     string // canonical; utf-16 and auto are settled at the start
	started bool
	carry   []byte // held over: the first bytes (BOM sniffing) or half a UTF-16 unit
	hi      rune   // a pending high surrogate, 0 if none
}

// decode appends the UTF-8 of src to dst; final says src ends the input.
func (d *decoder) decode(dst, src []byte, final bool) ([]byte, error) {
	if !d.started {
		if d.enc == "auto" || d.enc == "utf-16" || d.enc == "utf-16le" || d.enc == "utf-16be" {
			if len(d.carry)+len(src) < 2 && !final {
				d.carry = append(d.carry, src...)
				return dst, nil
			}
			if len(d.carry) > 0 {
				src = append(d.carry, src...)
				d.carry = nil
			}
			bom := ""
			if len(src) >= 2 {
				switch {
				case src[0] == 0xFF && src[1] == 0xFE:
					bom = "utf-16le"
				case src[0] == 0xFE && src[1] == 0xFF:
					bom = "utf-16be"
				}
			}
			switch {
			case d.enc == "auto" && bom == "":
				d.enc = "utf-8"
			case d.enc == "auto" || d.enc == "utf-16":
				if bom == "" {
					bom = "utf-16le"
				} else {
					src = src[2:]
				}
				d.enc = bom
			case bom == d.enc:
				src = src[2:]
			}
		}
		d.started = true
	}
	switch d.enc {
	case "utf-8":
		return append(dst, src...), nil
	case "latin-1":
		for _, b := range src {
			dst = utf8.AppendRune(dst, rune(b))
		}
		return dst, nil
	case "windows-1252":
		for _, b := range src {
			r := rune(b)
			if b >= 0x80 && b < 0xA0 {
				r = cp1252[b-0x80]
			}
			dst = utf8.AppendRune(dst, r)
		}
		return dst, nil
	}
	// UTF-16
	be := d.enc == "utf-16be"
	unit := func(a, b byte) rune {
		if be {
			return rune(a)<<8 | rune(b)
		}
		return rune(b)<<8 | rune(a)
	}
	if len(d.carry) == 1 && len(src) > 0 {
		dst = d.unit(dst, unit(d.carry[0], src[0]))
		d.carry, src = d.carry[:0], src[1:]
	}
	n := len(src) &^ 1
	for i := 0; i < n; i += 2 {
		dst = d.unit(dst, unit(src[i], src[i+1]))
	}
	if n < len(src) {
		d.carry = append(d.carry[:0], src[n])
	}
	if final {
		if d.hi != 0 {
			dst = utf8.AppendRune(dst, utf8.RuneError)
			d.hi = 0
		}
		if len(d.carry) > 0 {
			return dst, ErrOddUTF16
		}
	}
	return dst, nil
}

// unit appends the UTF-8 of one UTF-16 code unit, pairing surrogates.
func (d *decoder) unit(dst []byte, u rune) []byte {
	if d.hi != 0 {
		hi := d.hi
		d.hi = 0
		if r := utf16.DecodeRune(hi, u); r != utf8.RuneError {
			return utf8.AppendRune(dst, r)
		}
		dst = utf8.AppendRune(dst, utf8.RuneError)
	}
	switch {
	case 0xD800 <= u && u < 0xDC00:
		d.hi = u
		return dst
	case 0xDC00 <= u && u < 0xE000:
		return utf8.AppendRune(dst, utf8.RuneError)
	}
	return utf8.AppendRune(dst, u)
}

// decodeReader decodes a stream (a JSONL corpus) as it is read.
type decodeReader struct {
	r   io.Reader
	d   decoder
	in  []byte
	out []byte
	err error
}

func newDecodeReader(r io.Reader, enc string) io.Reader {
	if enc == "utf-8" {
		return r
	}
	return &decodeReader{r: r, d: decoder{enc: enc}, in: make([]byte, 32<<10)}
}

func (dr *decodeReader) Read(p []byte) (int, error) {
	for len(dr.out) == 0 {
		if dr.err != nil {
			return 0, dr.err
		}
		n, err := dr.r.Read(dr.in)
		final := err != nil
		out, derr := dr.d.decode(dr.out[:0], dr.in[:n], final && err == io.EOF)
		dr.out = out
		if derr != nil {
			err = derr
		}
		dr.err = err
	}
	n := copy(p, dr.out)
	dr.out = dr.out[n:]
	if len(dr.out) == 0 {
		dr.out = nil
	}
	return n, nil
}
