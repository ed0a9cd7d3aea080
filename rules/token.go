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

// Packed is a Token without its strings, for keeping the tokens of a long
// document: 24 bytes instead of 56, and no pointers, so that the collector
// does not scan them. Its Text is the document's view[Start:End]; its Lower
// is found as low says (see PackAll).
type Packed struct {
	Start, End int32
	// aux is the Quote of the token, or with lowSide its Lower's index in
	// the side table (the token's Quote is then -1)
	aux   int32
	Kind  TokenKind
	Cap   bool
	First bool
	low   uint8
	class uint64
}

// Where a packed token's Lower is.
const (
	lowText uint8 = iota // Lower is Text
	lowView              // Lower is low[Start:End]
	lowNone              // Lower is ""
	lowSide              // Lower is side[aux]
)

// PackAll packs toks into dst (of their length), for the text view
// (every token's Text must be view[Start:End]) and its lowered copy low (or
// ""): a Lower that is neither Text, "" nor low[Start:End] is appended to
// *side. It returns false when a token does not pack (another Text, or a
// Lower for the side table with a quote); dst is then undefined.
func PackAll(dst []Packed, toks []Token, view, low string, side *[]string) bool {
	dst = dst[:len(toks)]
	for i := range toks {
		t, p := &toks[i], &dst[i]
		if t.Start < 0 || t.Start >= t.End || int(t.End) > len(view) || !sameString(t.Text, view[t.Start:t.End]) {
			return false
		}
		p.Start, p.End, p.aux, p.Kind, p.Cap, p.First, p.class = t.Start, t.End, t.Quote, t.Kind, t.Cap, t.First, t.class
		// (the bytes shared first: an upper-case word's Lower is its
		// Text's length, in low)
		lower := unsafe.StringData(t.Lower)
		inLow := int(t.End) <= len(low) && len(t.Lower) == len(t.Text)
		switch {
		case lower == unsafe.StringData(t.Text) && len(t.Lower) == len(t.Text):
			p.low = lowText
		case t.Lower == "":
			p.low = lowNone
		case inLow && lower == unsafe.StringData(low[t.Start:]):
			p.low = lowView
		case t.Lower == t.Text:
			p.low = lowText
		case inLow && t.Lower == low[t.Start:t.End]:
			p.low = lowView
		case t.Quote == -1 && len(*side) < math.MaxInt32:
			p.low, p.aux = lowSide, int32(len(*side))
			*side = append(*side, t.Lower)
		default:
			return false
		}
	}
	return true
}

// sameString is a == b, told at once when they share their bytes.
func sameString(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// UnpackAll fills dst (of the length of src) with the tokens that PackAll
// packed into src, with the same view, low and side table.
func UnpackAll(dst []Token, src []Packed, view, low string, side []string) {
	dst = dst[:len(src)]
	for i := range src {
		p, t := &src[i], &dst[i]
		t.Text = view[p.Start:p.End]
		switch p.low {
		case lowText:
			t.Lower = t.Text
		case lowView:
			t.Lower = low[p.Start:p.End]
		case lowNone:
			t.Lower = ""
		default:
			t.Lower = side[p.aux]
		}
		t.Start, t.End, t.Quote, t.Kind, t.Cap, t.First, t.class = p.Start, p.End, p.aux, p.Kind, p.Cap, p.First, p.class
		if p.low == lowSide {
			t.Quote = -1
		}
	}
}
