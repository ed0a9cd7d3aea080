package rules

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
