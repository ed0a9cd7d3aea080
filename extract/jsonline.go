package extract

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// quickJSONLine decodes the common JSONL line, an object with a string
// "text", a string "id" or none, and, when others is true, any other
// members (a corpus's url, title, date or annotations), whose values it
// checks and skips, without encoding/json: it returns the id (nil when
// absent) and the text, and ok. Anything else — a repeated id or text, a
// key that encoding/json could take for one of them (another case, an
// escape), values of other types for them, a surrogate escape or invalid
// UTF-8 in them, invalid JSON anywhere, nesting deeper than
// maxQuickDepth — gives ok false, and the caller decodes the line with
// encoding/json, which gives the same values on the lines accepted here.
// Decoding PolNeAR's lines (text, id, quotes, meta) with encoding/json
// took ~15% of a corpus run (docs/performance.md).
func quickJSONLine(b []byte, others bool) (id *string, text string, ok bool) {
	i := skipJSONSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, "", false
	}
	hasText := false
	for first := true; ; first = false {
		i = skipJSONSpace(b, i+1)
		if i >= len(b) {
			return nil, "", false
		}
		if b[i] == '}' && first {
			return nil, "", false // no text: encoding/json reports it
		}
		key, n, ok := quickJSONString(b, i)
		if !ok {
			return nil, "", false
		}
		raw := b[i+1 : n-1] // the key as written: an escape makes it another key than it reads
		i = skipJSONSpace(b, n)
		if i >= len(b) || b[i] != ':' {
			return nil, "", false
		}
		i = skipJSONSpace(b, i+1)
		switch {
		case string(raw) == "id" && id == nil, string(raw) == "text" && !hasText:
			val, n, ok := quickJSONString(b, i)
			if !ok {
				return nil, "", false
			}
			if raw[0] == 'i' {
				id = &val
			} else {
				text, hasText = val, true
			}
			i = n
		case !others || strings.EqualFold(key, "id") || strings.EqualFold(key, "text"):
			return nil, "", false
		default:
			n, ok := skipJSONValue(b, i, 1)
			if !ok {
				return nil, "", false
			}
			i = n
		}
		i = skipJSONSpace(b, i)
		if i >= len(b) {
			return nil, "", false
		}
		if b[i] == '}' {
			if skipJSONSpace(b, i+1) != len(b) || !hasText {
				return nil, "", false
			}
			return id, text, true
		}
		if b[i] != ',' {
			return nil, "", false
		}
	}
}

// maxQuickDepth bounds the nesting of the values quickJSONLine skips;
// deeper lines go to encoding/json (whose own bound is 10,000).
const maxQuickDepth = 64

// skipJSONValue checks the JSON value at b[i] (not white space) and
// returns the index after it; ok is false when it is not valid JSON, or
// nests deeper than maxQuickDepth (depth is that of the value).
func skipJSONValue(b []byte, i, depth int) (int, bool) {
	if i >= len(b) || depth > maxQuickDepth {
		return 0, false
	}
	switch c := b[i]; {
	case c == '"':
		return skipJSONString(b, i)
	case c == '{' || c == '[':
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		i = skipJSONSpace(b, i+1)
		if i < len(b) && b[i] == end {
			return i + 1, true
		}
		for {
			if c == '{' {
				n, ok := skipJSONString(b, i)
				if !ok {
					return 0, false
				}
				i = skipJSONSpace(b, n)
				if i >= len(b) || b[i] != ':' {
					return 0, false
				}
				i = skipJSONSpace(b, i+1)
			}
			n, ok := skipJSONValue(b, i, depth+1)
			if !ok {
				return 0, false
			}
			i = skipJSONSpace(b, n)
			if i >= len(b) {
				return 0, false
			}
			if b[i] == end {
				return i + 1, true
			}
			if b[i] != ',' {
				return 0, false
			}
			i = skipJSONSpace(b, i+1)
		}
	case c == '-' || '0' <= c && c <= '9':
		return skipJSONNumber(b, i)
	case c == 't':
		return skipJSONWord(b, i, "true")
	case c == 'f':
		return skipJSONWord(b, i, "false")
	case c == 'n':
		return skipJSONWord(b, i, "null")
	}
	return 0, false
}

// skipJSONWord checks the literal w at b[i] and returns the index after it.
func skipJSONWord(b []byte, i int, w string) (int, bool) {
	if !bytes.HasPrefix(b[i:], []byte(w)) {
		return 0, false
	}
	return i + len(w), true
}

// skipJSONNumber checks the JSON number at b[i] (-?int frac? exp?) and
// returns the index after it.
func skipJSONNumber(b []byte, i int) (int, bool) {
	if b[i] == '-' {
		i++
	}
	digits := func() bool {
		n := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i > n
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case !digits():
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return 0, false
		}
	}
	return i, true
}

// skipJSONString checks the JSON string at b[i] as encoding/json's scanner
// does — any byte from 0x20 but the quotation mark and the backslash, the
// escapes \" \\ \/ \b \f \n \r \t and \u with four hexadecimal digits —
// and returns the index after it.
func skipJSONString(b []byte, i int) (int, bool) {
	if i >= len(b) || b[i] != '"' {
		return 0, false
	}
	for j := i + 1; j < len(b); {
		if j+8 <= len(b) && noStopJSON8(binary.LittleEndian.Uint64(b[j:])) {
			j += 8
			continue
		}
		switch c := b[j]; {
		case c == '"':
			return j + 1, true
		case c < 0x20:
			return 0, false
		case c == '\\':
			if j+1 >= len(b) {
				return 0, false
			}
			switch b[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if j+6 > len(b) {
					return 0, false
				}
				if _, ok := hex4(b[j+2 : j+6]); !ok {
					return 0, false
				}
				j += 6
			default:
				return 0, false
			}
		default:
			j++
		}
	}
	return 0, false
}

// skipJSONSpace returns the index of the first byte at or after i that is
// not JSON white space.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// quickJSONString decodes the JSON string at b[i] and returns it and the
// index after it; ok is false for anything but a valid string without
// surrogate escapes and with valid UTF-8.
func quickJSONString(b []byte, i int) (string, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return "", 0, false
	}
	start := i + 1
	var buf []byte // the decoded string, once an escape was seen
	for j := start; j < len(b); {
		if j+8 <= len(b) && plainJSON8(binary.LittleEndian.Uint64(b[j:])) {
			j += 8
			continue
		}
		// else byte by byte (or rune) to the end of the eight, without the
		// eight-byte test again at each
		stop := min(j+8, len(b))
		for j < stop {
			c := b[j]
			switch {
			case c == '"':
				if buf == nil {
					return string(b[start:j]), j + 1, true
				}
				buf = append(buf, b[start:j]...)
				if len(buf) == 0 {
					return "", j + 1, true
				}
				// buf is not written again: it becomes the string without a copy
				return unsafe.String(&buf[0], len(buf)), j + 1, true
			case c < 0x20:
				return "", 0, false
			case c == '\\':
				if j+1 >= len(b) {
					return "", 0, false
				}
				if buf == nil {
					// the decoded string is no longer than the encoded one
					buf = make([]byte, 0, j-start+quotedLen(b, j))
				}
				buf = append(buf, b[start:j]...)
				switch e := b[j+1]; e {
				case '"', '\\', '/':
					buf = append(buf, e)
				case 'b':
					buf = append(buf, '\b')
				case 'f':
					buf = append(buf, '\f')
				case 'n':
					buf = append(buf, '\n')
				case 'r':
					buf = append(buf, '\r')
				case 't':
					buf = append(buf, '\t')
				case 'u':
					if j+6 > len(b) {
						return "", 0, false
					}
					v, ok := hex4(b[j+2 : j+6])
					if !ok || v >= 0xD800 && v < 0xE000 {
						return "", 0, false
					}
					buf = utf8.AppendRune(buf, rune(v))
					j += 4
				default:
					return "", 0, false
				}
				j += 2
				start = j
			case c < utf8.RuneSelf:
				j++
			default:
				r, n := utf8.DecodeRune(b[j:])
				if r == utf8.RuneError && n == 1 {
					return "", 0, false
				}
				j += n
			}
		}
	}
	return "", 0, false
}

// hex4 reads four hexadecimal digits, as strconv.ParseUint(string(h), 16,
// 16) does, without the string and the call.
func hex4(h []byte) (v uint32, ok bool) {
	for _, c := range h[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint32(c)
	}
	return v, true
}

// plainJSON8 reports whether the 8 bytes x (little-endian) of a JSON
// string's content stand for themselves: all ASCII, and none a control
// character, a quotation mark or a backslash.
func plainJSON8(x uint64) bool {
	// a byte below 0x20 or a zero byte of q or b (a quotation mark or a
	// backslash of x) sets its high bit in the sum (haszero's test; a
	// borrow reaches only bytes above one that is set already)
	q, b := x^ones64*'"', x^ones64*'\\'
	return (x|(x-ones64*0x20)&^x|(q-ones64)&^q|(b-ones64)&^b)&high64 == 0
}

// noStopJSON8 reports whether none of the 8 bytes x (little-endian) of a
// JSON string's content ends it or needs a look: no control character,
// quotation mark or backslash (bytes from 0x80 are parts of characters).
// As plainJSON8, without its test of the high bit.
func noStopJSON8(x uint64) bool {
	q, b := x^ones64*'"', x^ones64*'\\'
	return ((x-ones64*0x20)&^x|(q-ones64)&^q|(b-ones64)&^b)&high64 == 0
}

// quotedLen returns the length of the encoded JSON string content that
// started before b[j] (the first backslash inside it), up to its closing
// quote, or to the end of b when it has none: the first quotation mark
// after an even run of backslashes.
func quotedLen(b []byte, j int) int {
	for k := j; ; k++ {
		q := bytes.IndexByte(b[k:], '"')
		if q < 0 {
			return len(b) - j
		}
		k += q
		n := 0 // backslashes before the mark; b[j-1] is none
		for p := k - 1; p >= j && b[p] == '\\'; p-- {
			n++
		}
		if n%2 == 0 {
			return k - j
		}
	}
}
