package rules

import (
	"math"
	"unsafe"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, digits, inner apostrophes/hyphens/periods
	Punct                   // a punctuation character
	Dash                    // – — ― or a spaced hyphen
	QuoteT                  // a whole quotation, marks included
)

// Token is one token of a sentence. Offsets are byte offsets into the
// document text.
type Token struct {
	Text  string
	Lower string
	Start int32
	End   int32
	Quote int32 // for QuoteT tokens, the index of the quotation; else -1
	Kind  TokenKind
	Cap   bool // begins with an upper-case letter
	// First is true for the first token of a sentence.
	First bool
	// class holds the token's word classes (which lists hold its lower-case
	// form) under the ruleset that set it with Ruleset.Classify; zero when
	// unclassified.
	class uint64
}

// Set makes *t the unclassified token text, of lower-case form lower, of
// kind k at [start, end) and outside quotations: what Token{Text: text,
// Lower: lower, Start: start, End: end, Kind: k, Cap: capital, Quote: -1}
// gives, written field by field in place (a tokenizer's append of the
// literal builds it on the stack and copies it).
func (t *Token) Set(text, lower string, start, end int32, k TokenKind, capital bool) {
	t.Text, t.Lower = text, lower
	t.Start, t.End, t.Quote = start, end, -1
	t.Kind, t.Cap, t.First = k, capital, false
	t.class = 0
}

// Packed is a Token without its strings, for keeping the tokens of a long
// document: 12 bytes instead of 56, and no pointers, so that the collector
// does not scan them. Its Text is the document's view[Start:Start+n]; its
// Lower is found as its flags say, and its word classes are the table's
// (see PackTable).
type Packed struct {
	Start int32
	n     uint16 // End - Start
	cls   uint16 // the index of the token's class bits in PackTable.classes
	// w holds in its low 24 bits aux + 1, where aux is the Quote of the
	// token, or with lowSide its Lower's index in the side table (the
	// token's Quote is then -1); in its high 8 bits the flags: where Lower
	// is (lowMask), packCap, packFirst and the Kind (shifted by kindShift)
	w uint32
}

// The limits of a packed token's fields.
const (
	maxPackedAux = 1<<24 - 2
	maxPackedCls = 1<<16 - 1
)

// Where a packed token's Lower is.
const (
	lowText uint8 = iota // Lower is Text
	lowView              // Lower is low[Start:End]
	lowNone              // Lower is ""
	lowSide              // Lower is side[aux]
)

// The flags of a packed token above where its Lower is.
const (
	lowMask   uint8 = 3
	packCap   uint8 = 4
	packFirst uint8 = 8
	kindShift       = 4 // the Kind (at most 15) in the flags' high bits
)

// classCache is the number of entries of PackTable's cache of class bits.
const (
	classCacheBits = 12
	classCache     = 1 << classCacheBits
)

// noClasses is the cache of a table with no classes yet.
var noClasses [classCache]uint32

// PackTable is what the packed tokens of one document share: the Lower of
// the rare tokens whose lower case is neither their Text, "" nor a slice of
// the lowered view, and the distinct sets of word classes of its tokens
// (a few hundred in a long document of news), which a token names by
// index.
type PackTable struct {
	side    []string
	classes []uint64
	index   map[uint64]uint32
	cache   *[classCache]uint32 // class bits (hashed) -> index + 1
}

// classIndex returns the index of the class bits c in t.classes, adding
// them when new (PackAll looks in the cache first).
func (t *PackTable) classIndex(c uint64) (uint32, bool) {
	if t.cache == nil {
		t.cache = new([classCache]uint32)
		t.index = make(map[uint64]uint32)
	}
	k, ok := t.index[c]
	if !ok {
		if len(t.classes) > maxPackedCls {
			return 0, false
		}
		k = uint32(len(t.classes))
		t.classes = append(t.classes, c)
		t.index[c] = k
	}
	t.cache[classHash(c)] = k + 1
	return k, true
}

// classHash is the entry of class bits c in PackTable's cache.
func classHash(c uint64) uint64 { return (c * 0x9e3779b97f4a7c15) >> (64 - classCacheBits) }

// PackAll packs toks into dst (of their length), for the text view
// (every token's Text must be view[Start:End]) and its lowered copy low (or
// ""): a Lower that is neither Text, "" nor low[Start:End] goes to the
// table's side table. It returns false when a token does not pack (another
// Text, one longer than 64 KiB, a Lower for the side table with a quote, a
// quote or side index past 16 Mi, a document's 65,537th set of classes);
// dst is then undefined.
func PackAll(dst []Packed, toks []Token, view, low string, tab *PackTable) bool {
	dst = dst[:len(toks)]
	cache := tab.cache
	if cache == nil {
		cache = &noClasses
	}
	for i := range toks {
		t, p := &toks[i], &dst[i]
		if t.Start < 0 || t.Start >= t.End || int(t.End) > len(view) || t.End-t.Start > math.MaxUint16 || !sameString(t.Text, view[t.Start:t.End]) {
			return false
		}
		var cls uint32
		if k := cache[classHash(t.class)]; k > 0 && tab.classes[k-1] == t.class {
			cls = k - 1
		} else {
			var ok bool
			if cls, ok = tab.classIndex(t.class); !ok {
				return false
			}
			cache = tab.cache
		}
		if t.Kind > 15 {
			return false
		}
		bits := uint8(t.Kind) << kindShift
		if t.Cap {
			bits |= packCap
		}
		if t.First {
			bits |= packFirst
		}
		aux := t.Quote
		p.Start, p.n, p.cls = t.Start, uint16(t.End-t.Start), uint16(cls)
		// (the bytes shared first: an upper-case word's Lower is its
		// Text's length, in low)
		lower := unsafe.StringData(t.Lower)
		inLow := int(t.End) <= len(low) && len(t.Lower) == len(t.Text)
		switch {
		case lower == unsafe.StringData(t.Text) && len(t.Lower) == len(t.Text):
			bits |= lowText
		case t.Lower == "":
			bits |= lowNone
		case inLow && lower == unsafe.StringData(low[t.Start:]):
			bits |= lowView
		case t.Lower == t.Text:
			bits |= lowText
		case inLow && t.Lower == low[t.Start:t.End]:
			bits |= lowView
		case t.Quote == -1 && len(tab.side) <= maxPackedAux:
			bits, aux = bits|lowSide, int32(len(tab.side))
			tab.side = append(tab.side, t.Lower)
		default:
			return false
		}
		if aux < -1 || aux > maxPackedAux {
			return false
		}
		p.w = uint32(aux+1) | uint32(bits)<<24
	}
	return true
}

// sameString is a == b, told at once when they share their bytes.
func sameString(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// UnpackAll fills dst (of the length of src) with the tokens that PackAll
// packed into src, with the same view, low and table.
func UnpackAll(dst []Token, src []Packed, view, low string, tab *PackTable) {
	dst = dst[:len(src)]
	classes := tab.classes
	// (the strings made without bounds checks: PackAll checked that every
	// token lies in view, and in low for a Lower there)
	vb, lb := unsafe.Pointer(unsafe.StringData(view)), unsafe.Pointer(unsafe.StringData(low))
	for i := range src {
		p, t := &src[i], &dst[i]
		t.Text = unsafe.String((*byte)(unsafe.Add(vb, p.Start)), int(p.n))
		aux, bits := int32(p.w&(1<<24-1))-1, uint8(p.w>>24)
		t.Quote = aux
		switch bits & lowMask {
		case lowText:
			t.Lower = t.Text
		case lowView:
			t.Lower = unsafe.String((*byte)(unsafe.Add(lb, p.Start)), int(p.n))
		case lowNone:
			t.Lower = ""
		default:
			t.Lower = tab.side[aux]
			t.Quote = -1
		}
		t.Start, t.End, t.Kind, t.Cap, t.First, t.class = p.Start, p.Start+int32(p.n), TokenKind(bits>>kindShift), bits&packCap != 0, bits&packFirst != 0, classes[p.cls]
	}
}
