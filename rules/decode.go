package rules

// Decoding a rule file: its sections, the scalar and mapping helpers, and
// the lists.

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// sections are the top-level keys of a rule file.
var sections = []string{"version", "language", "lists", "cleanup", "quote_marks", "mark_convention", "wrapped_text", "metadata", "speech", "attribution", "disable"}

func (d *decoder) file1(rs *Ruleset, ids *idIndex) {
	// (a load with the static data reads files that loaded without
	// problems when it was made: valid UTF-8)
	if !d.fromStatic && !utf8.Valid(d.src.Data) {
		d.errAt(Pos{File: d.file}, "not valid UTF-8 text")
		return
	}
	root := d.parse()
	if root == nil {
		return
	}
	sawVersion := false
	d.mapping(root, sections, func(key string, k, v *yaml.Node) {
		if key != "version" && v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			return // an empty section
		}
		switch key {
		case "version":
			sawVersion = true
			if n, ok := d.int(v); ok && n != Version {
				d.errf(v, "unsupported version %d (this whosaid reads version %d)", n, Version)
			}
		case "lists":
			d.mapping(v, nil, func(name string, k, v *yaml.Node) { d.list(rs, name, k, v) })
		case "cleanup":
			d.seq(v, func(n *yaml.Node) {
				c := d.cleanup(n)
				if c == nil {
					return
				}
				if i, ok := ids.clean[c.ID]; ok {
					old := rs.Cleanup[i]
					if !ids.mayReplace(d, old.Source) {
						d.errf(n, "duplicate cleanup rule id %q (first at %s)", c.ID, old.Pos)
						return
					}
					rs.Cleanup[i] = c
					return
				}
				ids.clean[c.ID] = len(rs.Cleanup)
				rs.Cleanup = append(rs.Cleanup, c)
			})
		case "quote_marks":
			d.seq(v, func(n *yaml.Node) { d.mark(rs, n) })
		case "mark_convention":
			d.markConvention(rs, v)
		case "wrapped_text":
			d.wrappedText(rs, v)
		case "metadata":
			d.metadata(rs, v)
		case "speech":
			d.speech(rs, v)
		case "language":
			d.language(rs, v)
		case "attribution":
			d.seq(v, func(n *yaml.Node) {
				r := d.attr(n)
				if r == nil {
					return
				}
				if i, ok := ids.attr[r.ID]; ok {
					old := rs.Attribution[i]
					if !ids.mayReplace(d, old.Source) {
						d.errAt(r.idPos, "duplicate rule id %q (first at %s)", r.ID, old.Pos)
						return
					}
					r.Overrides = old.Pos
					rs.Attribution[i] = r
					return
				}
				ids.attr[r.ID] = len(rs.Attribution)
				rs.Attribution = append(rs.Attribution, r)
			})
		case "disable":
			d.seq(v, func(n *yaml.Node) {
				if s, ok := d.str(n); ok {
					if s == "" {
						d.errf(n, "disable: empty rule id")
						return
					}
					rs.Disabled[s] = d.pos(n)
				}
			})
		}
	})
	if !sawVersion && root.Kind == yaml.MappingNode {
		d.errf(root, "missing `version: %d`", Version)
	}
}

// mapping walks a mapping node, reporting duplicate keys and, when allowed
// is not nil, keys not in it. A load with the static data (d.fromStatic)
// reads the default files that loaded without an error when the data was
// made, so their keys are neither repeated nor unknown: it does not look
// (~0.13 M instructions of a start).
func (d *decoder) mapping(n *yaml.Node, allowed []string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		d.errf(n, "want a mapping (key: value), got %s", kindName(n))
		return
	}
	if d.fromStatic {
		for i := 0; i+1 < len(n.Content); i += 2 {
			fn(n.Content[i].Value, n.Content[i], n.Content[i+1])
		}
		return
	}
	var seen map[string]int // the line of each key so far, in a long mapping
	if len(n.Content) > 2*smallMapping {
		seen = make(map[string]int, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errf(k, "want a key (a name), got %s", kindName(k))
			continue
		}
		key := k.Value
		if line, ok := earlierKey(n.Content[:i], seen, key); ok {
			d.errf(k, "duplicate key %q (first on line %d)", key, line)
			continue
		}
		if seen != nil {
			seen[key] = k.Line
		}
		if allowed != nil && !contains(allowed, key) {
			d.errf(k, "unknown key %q%s (allowed: %s)", key, didYouMean(key, append([]string(nil), allowed...)), strings.Join(allowed, ", "))
			continue
		}
		fn(key, k, v)
	}
}

// smallMapping is the number of keys up to which mapping looks for a
// repeated key among the earlier ones instead of in a map.
const smallMapping = 16

// earlierKey returns the line of the first scalar key among the key/value
// pairs before (or in seen, when it is not nil) that is key.
func earlierKey(before []*yaml.Node, seen map[string]int, key string) (int, bool) {
	if seen != nil {
		line, ok := seen[key]
		return line, ok
	}
	for j := 0; j+1 < len(before); j += 2 {
		if k := before[j]; k.Kind == yaml.ScalarNode && k.Value == key {
			return k.Line, true
		}
	}
	return 0, false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	case yaml.AliasNode:
		return fmt.Sprintf("the alias *%s (rule files do not use anchors and aliases)", n.Value)
	}
	return "a document"
}

func (d *decoder) seq(n *yaml.Node, fn func(*yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		d.errf(n, "want a list, got %s", kindName(n))
		return
	}
	for _, c := range n.Content {
		fn(c)
	}
}

func (d *decoder) str(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errf(n, "want a string, got %s", kindName(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) int(n *yaml.Node) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.errf(n, "want an integer, got %s", kindName(n))
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		d.errf(n, "want an integer, got %q", n.Value)
		return 0, false
	}
	return v, true
}

func (d *decoder) float(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!float" && n.Tag != "!!int") {
		d.errf(n, "want a number, got %s", kindName(n))
		return 0, false
	}
	v, err := parseFloat(n.Value)
	if err != nil {
		d.errf(n, "want a number, got %q", n.Value)
		return 0, false
	}
	return v, true
}

// parseFloat is strconv.ParseFloat(s, 64), with a short way for the
// numbers rule files hold (0.85, 12): digits, a point and digits, 15
// digits at most, whose value is float64(digits)/10^decimals — the exact
// computation strconv makes of them too (both operands exact, one
// rounding), without its general parse (~0.3 K instructions a number,
// ~150 numbers a start).
func parseFloat(s string) (float64, error) {
	var m uint64
	digits, point := 0, -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			m = 10*m + uint64(c-'0')
			digits++
		case c == '.' && point < 0 && i > 0:
			point = i
		default:
			return strconv.ParseFloat(s, 64)
		}
	}
	if digits == 0 || digits > 15 || point == len(s)-1 {
		return strconv.ParseFloat(s, 64)
	}
	if point < 0 {
		return float64(m), nil
	}
	return float64(m) / pow10[len(s)-1-point], nil
}

// pow10 holds the powers of ten that float64 holds exactly, up to the
// fifteen decimals parseFloat takes.
var pow10 = [16]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// count decodes the whole number of key into dst; a negative one is an
// error (and still stored: the ruleset does not load).
func (d *decoder) count(key string, n *yaml.Node, dst *int) {
	if x, ok := d.int(n); ok {
		if x < 0 {
			d.errf(n, "%s must be 0 or more, got %d", key, x)
		}
		*dst = x
	}
}

// share decodes the number of key, a share or a confidence between 0 and 1,
// into dst; one outside is an error (and still stored).
func (d *decoder) share(key string, n *yaml.Node, dst *float64) {
	if f, ok := d.float(n); ok {
		if f < 0 || f > 1 {
			d.errf(n, "%s must be between 0 and 1, got %v", key, f)
		}
		*dst = f
	}
}

// choice decodes the string of key, which must be one of allowed.
func (d *decoder) choice(key string, n *yaml.Node, allowed []string) (string, bool) {
	s, ok := d.str(n)
	if !ok {
		return "", false
	}
	if !contains(allowed, s) {
		d.errf(n, "unknown %s %q%s (allowed: %s)", key, s, didYouMean(s, allowed), strings.Join(allowed, ", "))
		return s, false
	}
	return s, true
}

func (d *decoder) bool(n *yaml.Node) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errf(n, "want true or false, got %s", kindName(n))
		return false, false
	}
	return n.Value == "true", true
}

// regex compiles an RE2 expression, pointing into the string on errors.
func (d *decoder) regex(n *yaml.Node) *Regexp {
	s, ok := d.str(n)
	if !ok {
		return nil
	}
	if d.src.Default && (d.fromStatic || vettedPattern(s)) {
		// compiled when the snapshot was made (or, in a load with the static
		// data, when the data was made from these files without an error)
		return d.slabs().lazyRegexp(s, d.pos(n))
	}
	re, err := regexp.Compile(s)
	if err != nil {
		p := d.pos(n)
		msg := err.Error()
		// Point at the offending fragment inside the string.
		var se *syntax.Error
		if errors.As(err, &se) && se.Expr != "" {
			k := strings.Index(s, se.Expr)
			if se.Code == syntax.ErrMissingParen {
				k = unclosedParen(s)
			}
			if k >= 0 {
				p = d.valuePos(n, k)
			}
		}
		*d.errs = append(*d.errs, &Error{Pos: p, Msg: "bad regular expression: " + strings.TrimPrefix(msg, "error parsing regexp: ")})
		return nil
	}
	return compiledRegexp(re, d.pos(n))
}

// unclosedParen returns the byte offset of the last ( of the regular
// expression s that no ) closes, or -1.
func unclosedParen(s string) int {
	var open []int
	inClass := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			if strings.HasPrefix(s[i+1:], "^]") {
				i += 2
			} else if strings.HasPrefix(s[i+1:], "]") {
				i++
			}
		case c == '(':
			open = append(open, i)
		case c == ')' && len(open) > 0:
			open = open[:len(open)-1]
		}
	}
	if len(open) == 0 {
		return -1
	}
	return open[len(open)-1]
}

func (d *decoder) list(rs *Ruleset, name string, k, v *yaml.Node) {
	if !validListName(name) {
		d.errf(k, "list name %q: use letters, digits, '_' and '-' (a pattern refers to it as @name)", name)
	}
	l := &List{Name: name, Kind: KindWords, Pos: d.pos(k), Attrs: map[string]string{}}
	replace := false
	var words []string
	var wordPos []Pos
	var wordsNode *yaml.Node
	d.mapping(v, []string{"kind", "description", "words", "replace"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "kind":
			if s, ok := d.str(v); ok {
				switch ListKind(s) {
				case KindWords, KindLemmas, KindPhrases, KindNouns:
					l.Kind = ListKind(s)
				default:
					d.errf(v, "unknown list kind %q%s (allowed: words, lemmas, nouns, phrases)", s, didYouMean(s, []string{"words", "lemmas", "nouns", "phrases"}))
				}
			}
		case "description":
			l.Description, _ = d.str(v)
		case "words":
			wordsNode = v
			if n := len(v.Content); n > 0 { // room for every entry at once (an empty list stays nil)
				words, wordPos = make([]string, 0, n), make([]Pos, 0, n)
			}
			d.seq(v, func(c *yaml.Node) {
				if s, ok := d.str(c); ok {
					words = append(words, s)
					wordPos = append(wordPos, d.pos(c))
				}
			})
		case "replace":
			replace, _ = d.bool(v)
		}
	})
	if wordsNode == nil && v.Kind == yaml.MappingNode {
		d.errf(k, "list %q has no words (an empty list is `words: []`)", name)
	}
	for i, w := range words {
		switch {
		case strings.TrimSpace(w) == "":
			d.errAt(wordPos[i], "list %q has an empty entry", name)
		case strings.Contains(w, ":") && l.Kind != KindWords && len(strings.Fields(w)) == 1:
			d.errAt(wordPos[i], "entry %q: attributes (word:attr) belong in lists of kind words, not %s", w, l.Kind)
		}
	}
	if old, ok := rs.Lists[name]; ok && !replace {
		if v.Kind == yaml.MappingNode && hasKey(v, "kind") && old.Kind != l.Kind {
			d.errf(k, "list %q is %s at %s; cannot extend it as %s", name, old.Kind, old.Pos, l.Kind)
			return
		}
		old.Entries = append(old.Entries, words...)
		old.EntryPos = append(old.EntryPos, wordPos...)
		old.Extended = append(old.Extended, d.pos(k))
		if !d.fromStatic {
			old.compile()
		}
		return
	}
	if old, ok := rs.Lists[name]; ok && replace {
		l.Replaced = old.Pos
		if !hasKey(v, "kind") {
			l.Kind = old.Kind
		}
		if l.Description == "" {
			l.Description = old.Description
		}
	}
	l.Entries = words
	l.EntryPos = wordPos
	if !d.fromStatic {
		l.compile()
	}
	rs.Lists[name] = l
}

// validListName reports whether a pattern can refer to the list as @name.
func validListName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !isNameRune(r) {
			return false
		}
	}
	return true
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}
