package extract

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Eight-byte scans of the text that records copy and measure (the quotes,
// mentions, cues and sentences of the rows): a block of eight plain ASCII
// bytes is taken whole, any other byte as the byte loops always did, so
// the answers are those of the loops for any text, valid UTF-8 or not.

// spaces8 returns, for the 8 bytes x, whether all are ASCII from 0x20 up
// (no control byte, so no white space but the plain space) and the high
// bit of each byte that is a space.
func spaces8(x uint64) (sp uint64, plain bool) {
	if x&high64 != 0 || (x-ones64*0x20)&^x&high64 != 0 {
		return 0, false
	}
	y := x ^ ones64*' ' // zero bytes where b is a space
	return ^(((y &^ high64) + ones64*0x7f) | y) & high64, true
}

// isCollapsed reports whether collapse(s) == s: s holds no white space but
// single plain spaces between other characters.
func isCollapsed(s string) bool {
	prev := uint64(0x80) // 0x80 where the byte before i is a space (a space here would lead the string)
	for i := 0; i < len(s); {
		// blocks of eight ASCII bytes from ' ' up: the only white space in
		// them is the plain space (sp: the high bit of each), two of
		// which may not follow each other, within the block or across
		// its start
		for ; i+8 <= len(s); i += 8 {
			x := load64(s, i)
			sp := ^((x ^ ones64*' ') + ones64*0x7f) & high64
			if (x|(x-ones64*0x20))&high64 != 0 {
				// a byte from 0x80 up, or a control byte: a block with no
				// control byte and no lead of a white space rune but E2 (’
				// “ ” – …, the runes of the news) is told at once, each E2
				// rune decoded in place (see e2Space); any other, byte by
				// byte below
				if (x-ones64*0x20)&^x&high64 != 0 || zeroBytes(x^ones64*0xC2)|zeroBytes(x^ones64*0xE1)|zeroBytes(x^ones64*0xE3) != 0 {
					break
				}
				for m := zeroBytes(x ^ ones64*0xE2); m != 0; m &= m - 1 {
					if k := i + bits.TrailingZeros64(m)>>3; k+2 < len(s) && e2Space(s[k+1], s[k+2]) {
						return false
					}
				}
				sp = zeroBytes(x ^ ones64*' ')
			}
			if sp&(sp<<8|prev) != 0 {
				return false
			}
			prev = sp >> 56
		}
		if i >= len(s) {
			break
		}
		// one byte or rune at a time to the end of the eight
		stop := min(i+8, len(s))
		space := prev != 0
		for i < stop {
			c := s[i]
			if c < utf8.RuneSelf {
				switch c {
				case ' ':
					if space {
						return false
					}
					space = true
				case '\t', '\n', '\v', '\f', '\r':
					return false
				default:
					space = false
				}
				i++
				continue
			}
			if c == 0xE2 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				// a rune from U+2000 to U+2FFF (’ “ ” – …), decoded in
				// place: white space only in the general punctuation
				if e2Space(s[i+1], s[i+2]) {
					return false
				}
				space = false
				i += 3
				continue
			}
			if !spaceLead(c) {
				// a byte of a rune that is no space (é, ’, “): as the
				// rune's, whose other bytes are none of spaceLead's
				space = false
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			space = false
			i += n
		}
		prev = 0
		if space {
			prev = 0x80
		}
	}
	return prev == 0 || s == ""
}

// e2Space reports whether the bytes E2 b1 b2 are a white space rune (from
// U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F): b1 and b2 continue
// the rune, and it is one of those.
func e2Space(b1, b2 byte) bool {
	if b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
		return false
	}
	r := rune(b1&0x3F)<<6 | rune(b2&0x3F)
	return r <= 0x0A || r == 0x28 || r == 0x29 || r == 0x2F || r == 0x5F
}

// spaceLead reports whether a byte from 0x80 up can start a white space
// rune that unicode.IsSpace knows (U+0085 and U+00A0: C2; U+1680: E1;
// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F: E2; U+3000: E3). No
// continuation byte (0x80–0xBF) is one of them.
func spaceLead(c byte) bool { return c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 }

// wordCount returns len(strings.Fields(s)), or a number above limit when
// it is more than limit, without splitting s.
func wordCount(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		stop := len(s)
		if i+8 <= len(s) {
			if sp, ok := spaces8(load64(s, i)); ok {
				before := n
				prev := sp << 8 // the byte before each is a space
				if !in {
					prev |= 0x80
				}
				n += bits.OnesCount64(^sp & high64 & prev)
				if n > limit {
					return max(before+1, limit+1) // where the byte loop stops
				}
				in = sp>>63 == 0
				i += 8
				continue
			}
			stop = i + 8 // one byte or rune at a time to the end of the eight
		}
		for i < stop {
			var space bool
			if b := s[i]; b < utf8.RuneSelf {
				space = b == ' ' || '\t' <= b && b <= '\r' // unicode.IsSpace, for ASCII
				i++
			} else {
				r, size := utf8.DecodeRuneInString(s[i:])
				space = unicode.IsSpace(r)
				i += size
			}
			if space {
				in = false
			} else if !in {
				in = true
				if n++; n > limit {
					return n
				}
			}
		}
	}
	return n
}

// runeCount is utf8.RuneCountInString(s) (an invalid byte counts one),
// eight ASCII bytes at a time, and the ASCII bytes of a block before its
// first other byte at once (not one at a time, the block tried again after
// each): the rows' and the statements' code-point offsets are counted over
// the whole text of a document.
func runeCount(s string) int {
	n, i := 0, 0
	for i < len(s) {
		if i+8 <= len(s) {
			b := s[i : i+8]
			x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			if x&high64 == 0 {
				n, i = n+8, i+8
				continue
			}
			if k := bits.TrailingZeros64(x&high64) >> 3; k > 0 {
				n, i = n+k, i+k // the ASCII bytes before the first other one
			}
		}
		if s[i] < utf8.RuneSelf {
			n, i = n+1, i+1
			continue
		}
		if c := s[i]; c >= 0xC2 && c <= 0xE2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// a valid rune of two bytes (é), or of three from U+2000 to
			// U+2FFF (’ “ ” –), told without DecodeRuneInString
			if c < 0xE0 {
				n, i = n+1, i+2
				continue
			}
			if c == 0xE2 && i+2 < len(s) && s[i+2]&0xC0 == 0x80 {
				n, i = n+1, i+3
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		n, i = n+1, i+size
	}
	return n
}

// collapseFields is strings.Join(strings.Fields(s), " ") in one pass that
// copies whole runs of fields joined by single plain spaces already (most
// of a text that is not collapsed is: a line break, a double space stand
// between such runs). A field is read eight bytes at a time up to its
// first byte that is no ASCII from '!' up (the lowest of badBytes8), which
// alone is told: a byte from 0x80 up that can start no white space
// (spaceLead) is no space, as the bytes of its rune are none (isCollapsed
// reads them so too); a rune that can be one is decoded.
func collapseFields(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; ; {
		// the white space before a run
		for i < len(s) {
			n, space := spaceAt(s, i)
			if !space {
				break
			}
			i += n
		}
		if i >= len(s) {
			break
		}
		// the run: fields up to white space that is not one plain space
		// before another field
		j := i
		for {
			j = fieldEnd(s, j)
			if j+1 >= len(s) || s[j] != ' ' {
				break
			}
			if c := s[j+1]; c < utf8.RuneSelf && asciiSpace(c) || c >= utf8.RuneSelf && isRuneSpace(s, j+1) {
				break
			}
			j++
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, s[i:j]...)
		i = j
	}
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b)) // b is not written again
}

// fieldEnd returns the end of the field at s[j]: the first white space
// from j on, or len(s).
func fieldEnd(s string, j int) int {
	for j < len(s) {
		if j+8 <= len(s) {
			bad := badBytes8(load64(s, j))
			if bad == 0 {
				j += 8
				continue
			}
			j += bits.TrailingZeros64(bad) >> 3
		}
		if c := s[j]; c < utf8.RuneSelf {
			if asciiSpace(c) {
				break
			}
			j++
		} else if n, space := runeSpaceAt(s, j); space {
			break
		} else {
			j += n
		}
	}
	return j
}

// spaceAt returns the size of the byte or rune at s[i] as collapseFields
// reads it, and whether it is white space (unicode.IsSpace).
func spaceAt(s string, i int) (int, bool) {
	if c := s[i]; c < utf8.RuneSelf {
		return 1, asciiSpace(c)
	}
	return runeSpaceAt(s, i)
}

// badBytes8 returns, for the 8 bytes x, a mask whose lowest bit is the high
// bit of the first byte that is no ASCII from '!' up (a space, a
// control byte, a byte from 0x80 up), or 0 when there is none (the bits
// above it may be set by a borrow).
func badBytes8(x uint64) uint64 {
	return (x | (x - ones64*0x21)) & high64
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool { return c == ' ' || c-'\t' <= '\r'-'\t' }

// isRuneSpace reports whether the rune at s[i], a byte from 0x80 up, is
// white space, as runeSpaceAt reads it.
func isRuneSpace(s string, i int) bool {
	_, space := runeSpaceAt(s, i)
	return space
}

// runeSpaceAt returns the size of the byte or rune at s[i], a byte from
// 0x80 up, as collapseFields reads it, and whether it is white space.
func runeSpaceAt(s string, i int) (int, bool) {
	if !spaceLead(s[i]) {
		return 1, false
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return n, unicode.IsSpace(r)
}
