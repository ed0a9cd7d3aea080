package rules

// DropScope says what a cleanup rule drops.
type DropScope string

// Drop scopes.
const (
	DropLine DropScope = "line" // the matching line
	DropRest DropScope = "rest" // the matching line and everything after it
)

// CleanupRule drops boilerplate lines. All conditions given must hold.
type CleanupRule struct {
	ID          string
	Description string
	Drop        DropScope
	Pos         Pos
	Source      string // file the rule came from

	Regex    *Regexp // the line (trimmed) matches
	Words    []*List // the line holds a word or phrase of one of these lists
	MaxWords int     // the line has at most this many words (0: no bound)
	MinWords int     // the line has at least this many words
	Repeated bool    // the line (normalised) appeared earlier in the document
	// Protect keeps a line holding a quotation mark or a cue verb from this rule
	// (default true).
	Protect bool
	// AfterFraction: only lines after this fraction of the document (0..1).
	AfterFraction float64
	// NoTerminalPunct: the line does not end with . ! ? : or a closing quote.
	NoTerminalPunct bool

	wordLists []string
	wordPos   []Pos
}
