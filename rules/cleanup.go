package rules

import "gopkg.in/yaml.v3"

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

func (d *decoder) cleanup(n *yaml.Node) *CleanupRule {
	c := &CleanupRule{Drop: DropLine, Protect: true, Pos: d.pos(n), Source: d.file}
	conds := 0
	d.mapping(n, []string{"id", "description", "drop", "regex", "words", "max_words", "min_words", "repeated", "protect", "after", "no_terminal_punct"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			c.ID, _ = d.str(v)
		case "description":
			c.Description, _ = d.str(v)
		case "drop":
			if s, ok := d.str(v); ok {
				switch DropScope(s) {
				case DropLine, DropRest:
					c.Drop = DropScope(s)
				default:
					d.errf(v, "unknown drop %q (allowed: line, rest)", s)
				}
			}
		case "regex":
			c.Regex = d.regex(v)
			conds++
		case "words":
			d.seq(v, func(x *yaml.Node) {
				if s, ok := d.str(x); ok {
					c.wordLists = append(c.wordLists, s)
					c.wordPos = append(c.wordPos, d.pos(x))
				}
			})
			conds++
		case "max_words":
			c.MaxWords, _ = d.int(v)
			conds++
		case "min_words":
			c.MinWords, _ = d.int(v)
			conds++
		case "repeated":
			c.Repeated, _ = d.bool(v)
			conds++
		case "protect":
			c.Protect, _ = d.bool(v)
		case "after":
			if f, ok := d.float(v); ok {
				if f < 0 || f > 1 {
					d.errf(v, "after must be between 0 and 1")
				}
				c.AfterFraction = f
			}
		case "no_terminal_punct":
			c.NoTerminalPunct, _ = d.bool(v)
			conds++
		}
	})
	if n.Kind != yaml.MappingNode {
		return nil
	}
	if !d.id(n, c.ID, "cleanup rule") {
		return nil
	}
	if conds == 0 {
		d.errf(n, "cleanup rule %q has no condition (regex, words, max_words, min_words, repeated, no_terminal_punct)", c.ID)
		return nil
	}
	return c
}

