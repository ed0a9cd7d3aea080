package xlsx

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// CellText returns s as a text cell holds it: each character that XML 1.0
// cannot hold (control characters other than tab, line feed and carriage
// return; U+FFFE, U+FFFF; bytes that are not UTF-8) becomes U+FFFD, and
// text longer than MaxCellText UTF-16 code units is cut to that length,
// its last character an ellipsis (…). A Writer writes text cells so.
func CellText(s string) string {
	units, clean := 0, true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !xmlChar(r, n) {
			clean = false
		}
		units += utf16.RuneLen(r)
		i += n
	}
	if clean && units <= MaxCellText {
		return s
	}
	fits := units <= MaxCellText
	b := make([]byte, 0, len(s))
	units = 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !xmlChar(r, n) {
			r = utf8.RuneError
		}
		if units += utf16.RuneLen(r); !fits && units > MaxCellText-1 {
			b = utf8.AppendRune(b, '…') // the last unit
			break
		}
		b = utf8.AppendRune(b, r)
		i += n
	}
	return string(b)
}

// xmlChar reports whether the rune r, decoded from n bytes, is a Char of
// XML 1.0 (and not a byte that is not UTF-8).
func xmlChar(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return false
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r >= 0xd800 && r < 0xe000, r == 0xfffe, r == 0xffff:
		return false
	}
	return true
}

// appendText appends the rest of a <t> element's start tag and its
// content: s as CellText makes it, escaped for XML, with its literal
// _xHHHH_ sequences escaped (a spreadsheet would read them as the
// character of code HHHH), and xml:space="preserve" when it begins or ends
// with white space (which a reader would otherwise drop).
func appendText(b []byte, s string) []byte {
	s = CellText(s)
	if s != "" {
		switch s[0] {
		case ' ', '\t', '\n', '\r':
			b = append(b, ` xml:space="preserve"`...)
		default:
			switch s[len(s)-1] {
			case ' ', '\t', '\n', '\r':
				b = append(b, ` xml:space="preserve"`...)
			}
		}
	}
	b = append(b, '>')
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\r':
			esc = "&#13;" // a raw one would be read as a line feed
		case '_':
			if !bstrEscape(s[i:]) {
				continue
			}
			esc = "_x005F_"
		default:
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		start = i + 1
	}
	return append(b, s[start:]...)
}

// bstrEscape reports whether s begins with _xHHHH_ (H a hexadecimal
// digit), the form in which a spreadsheet escapes a character in text: its
// underscore is then written _x005F_ so that the text reads back as
// written.
func bstrEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
		default:
			return false
		}
	}
	return true
}

// checkName reports whether name can name a sheet.
func checkName(name string) error {
	if !utf8.ValidString(name) {
		return fmt.Errorf("xlsx: sheet name %q is not UTF-8", name)
	}
	n := 0
	for _, r := range name {
		n++
		if !xmlChar(r, utf8.RuneLen(r)) || strings.ContainsRune(`:\/?*[]`, r) {
			return fmt.Errorf("xlsx: sheet name %q: %q is not allowed", name, r)
		}
	}
	switch {
	case n == 0 || n > 31:
		return fmt.Errorf("xlsx: sheet name %q: 1 to 31 characters", name)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return fmt.Errorf("xlsx: sheet name %q begins or ends with an apostrophe", name)
	}
	return nil
}
