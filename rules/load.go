package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed defaults/*.yaml
var defaultFS embed.FS

// DefaultPrefix names the embedded default files in messages.
const DefaultPrefix = "(default)/"

// Source is the content of one rule file.
type Source struct {
	Name    string // shown in messages
	Data    []byte
	Default bool // part of the embedded defaults
}

// DefaultSources returns the embedded default rule files, in name order.
func DefaultSources() []Source {
	ents, err := fs.ReadDir(defaultFS, "defaults")
	if err != nil {
		return nil
	}
	var out []Source
	for _, e := range ents {
		data, err := defaultFS.ReadFile("defaults/" + e.Name())
		if err != nil {
			continue
		}
		out = append(out, Source{Name: DefaultPrefix + e.Name(), Data: data, Default: true})
	}
	return out
}

// Default loads the embedded default ruleset.
func Default() (*Ruleset, error) { return Load(DefaultSources()) }

// ReadSources reads rule files: each path is a YAML file or a folder whose
// .yaml/.yml files are read in name order (not recursively).
func ReadSources(paths []string) ([]Source, error) {
	var out []Source
	var errs ErrorList
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &Error{Pos: Pos{File: p}, Msg: describeIOError(err)})
			continue
		}
		files := []string{p}
		if st.IsDir() {
			files = nil
			ents, err := os.ReadDir(p)
			if err != nil {
				errs = append(errs, &Error{Pos: Pos{File: p}, Msg: describeIOError(err)})
				continue
			}
			for _, e := range ents {
				ext := strings.ToLower(filepath.Ext(e.Name()))
				if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
					files = append(files, filepath.Join(p, e.Name()))
				}
			}
			if len(files) == 0 {
				errs = append(errs, &Error{Pos: Pos{File: p}, Msg: "folder holds no .yaml or .yml rule files"})
			}
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				errs = append(errs, &Error{Pos: Pos{File: f}, Msg: describeIOError(err)})
				continue
			}
			out = append(out, Source{Name: f, Data: data})
		}
	}
	return out, errs.Err()
}

func describeIOError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// LoadFiles loads the rule files or folders at paths, on top of the
// embedded defaults when withDefaults is true.
func LoadFiles(paths []string, withDefaults bool) (*Ruleset, error) {
	var srcs []Source
	if withDefaults {
		srcs = DefaultSources()
	}
	user, err := ReadSources(paths)
	if err != nil {
		return nil, err
	}
	return Load(append(srcs, user...))
}

// Load parses, validates and compiles a ruleset from sources. Later sources
// extend earlier ones: list entries are added, rules with a new id are
// added, a rule with the id of a rule from an earlier source replaces it, and
// `disable:` removes rules by id. All problems are returned at once as an
// ErrorList.
func Load(srcs []Source) (*Ruleset, error) {
	rs := &Ruleset{Lists: map[string]*List{}, Disabled: map[string]Pos{}}
	var errs ErrorList
	attrByID := map[string]int{}
	cleanByID := map[string]int{}
	for _, src := range srcs {
		d := &decoder{file: src.Name, errs: &errs, src: src}
		d.file1(rs, attrByID, cleanByID)
	}
	for id := range rs.Disabled {
		if _, ok := attrByID[id]; ok {
			continue
		}
		if _, ok := cleanByID[id]; ok {
			continue
		}
		errs = append(errs, &Error{Pos: rs.Disabled[id], Msg: fmt.Sprintf("disable: no rule with id %q", id)})
	}
	rs.Attribution = filterAttr(rs.Attribution, rs.Disabled)
	rs.Cleanup = filterClean(rs.Cleanup, rs.Disabled)
	rs.resolve(&errs)
	sort.SliceStable(rs.Attribution, func(i, j int) bool { return rs.Attribution[i].Priority > rs.Attribution[j].Priority })
	if len(rs.QuoteMarks) == 0 && len(errs) == 0 {
		errs = append(errs, &Error{Pos: Pos{File: firstName(srcs)}, Msg: "the ruleset has no quote_marks"})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return rs, nil
}

func firstName(srcs []Source) string {
	if len(srcs) == 0 {
		return "(no rule files)"
	}
	return srcs[0].Name
}

func filterAttr(in []*AttrRule, off map[string]Pos) []*AttrRule {
	out := in[:0]
	for _, r := range in {
		if _, ok := off[r.ID]; !ok {
			out = append(out, r)
		}
	}
	return out
}

func filterClean(in []*CleanupRule, off map[string]Pos) []*CleanupRule {
	out := in[:0]
	for _, r := range in {
		if _, ok := off[r.ID]; !ok {
			out = append(out, r)
		}
	}
	return out
}

// resolve checks required lists and binds list references in patterns.
func (rs *Ruleset) resolve(errs *ErrorList) {
	for _, name := range RequiredLists {
		if _, ok := rs.Lists[name]; !ok {
			*errs = append(*errs, &Error{Pos: Pos{File: "(ruleset)"}, Msg: fmt.Sprintf("required list %q is not defined", name)})
		}
	}
	for _, r := range rs.Attribution {
		if r.Pattern == nil {
			continue
		}
		var bind func([]*item)
		bind = func(its []*item) {
			for _, it := range its {
				if it.op == opList {
					l, ok := rs.Lists[it.name]
					if !ok {
						p := r.patternPos
						p.Col += it.col - 1
						*errs = append(*errs, &Error{Pos: p, Msg: fmt.Sprintf("pattern refers to list %q, which does not exist%s", it.name, rs.suggestList(it.name))})
						continue
					}
					it.list = l
				}
				for _, a := range it.alts {
					bind(a)
				}
			}
		}
		bind(r.Pattern.items)
	}
	for _, c := range rs.Cleanup {
		for i, name := range c.wordLists {
			l, ok := rs.Lists[name]
			if !ok {
				*errs = append(*errs, &Error{Pos: c.wordPos[i], Msg: fmt.Sprintf("words refers to list %q, which does not exist%s", name, rs.suggestList(name))})
				continue
			}
			c.Words = append(c.Words, l)
		}
	}
}

func (rs *Ruleset) suggestList(name string) string {
	names := make([]string, 0, len(rs.Lists))
	for n := range rs.Lists {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if strings.HasPrefix(n, name) || strings.HasPrefix(name, n) {
			return fmt.Sprintf(" (did you mean %q?)", n)
		}
	}
	return ""
}

type decoder struct {
	file string
	src  Source
	errs *ErrorList
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) errf(n *yaml.Node, format string, args ...any) {
	*d.errs = append(*d.errs, &Error{Pos: d.pos(n), Msg: fmt.Sprintf(format, args...)})
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (d *decoder) file1(rs *Ruleset, attrByID, cleanByID map[string]int) {
	if !utf8.Valid(d.src.Data) {
		*d.errs = append(*d.errs, &Error{Pos: Pos{File: d.file}, Msg: "not valid UTF-8 text"})
		return
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(d.src.Data, &doc); err != nil {
		msg := err.Error()
		line := 0
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		*d.errs = append(*d.errs, &Error{Pos: Pos{File: d.file, Line: line}, Msg: "YAML syntax: " + msg})
		return
	}
	if len(doc.Content) == 0 {
		*d.errs = append(*d.errs, &Error{Pos: Pos{File: d.file}, Msg: "empty rule file (want at least `version: 1`)"})
		return
	}
	root := doc.Content[0]
	sawVersion := false
	d.mapping(root, []string{"version", "lists", "cleanup", "quote_marks", "metadata", "attribution", "disable"}, func(key string, k, v *yaml.Node) {
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
				if c := d.cleanup(n); c != nil {
					if i, ok := cleanByID[c.ID]; ok {
						if rs.Cleanup[i].Source == c.Source {
							d.errf(n, "duplicate cleanup rule id %q (first at %s)", c.ID, posString(rs.Cleanup[i].Pos))
							return
						}
						rs.Cleanup[i] = c
						return
					}
					cleanByID[c.ID] = len(rs.Cleanup)
					rs.Cleanup = append(rs.Cleanup, c)
				}
			})
		case "quote_marks":
			d.seq(v, func(n *yaml.Node) { d.mark(rs, n) })
		case "metadata":
			d.metadata(rs, v)
		case "attribution":
			d.seq(v, func(n *yaml.Node) {
				if r := d.attr(n); r != nil {
					if i, ok := attrByID[r.ID]; ok {
						old := rs.Attribution[i]
						if old.Source == r.Source || !d.src.Default == !isDefaultName(old.Source) && !d.src.Default {
							d.errf(n, "duplicate rule id %q (first at %s)", r.ID, posString(old.Pos))
							return
						}
						rs.Attribution[i] = r
						return
					}
					attrByID[r.ID] = len(rs.Attribution)
					rs.Attribution = append(rs.Attribution, r)
				}
			})
		case "disable":
			d.seq(v, func(n *yaml.Node) {
				if s, ok := d.str(n); ok {
					rs.Disabled[s] = d.pos(n)
				}
			})
		}
	})
	if !sawVersion && root.Kind == yaml.MappingNode {
		d.errf(root, "missing `version: %d`", Version)
	}
}

func isDefaultName(s string) bool { return strings.HasPrefix(s, DefaultPrefix) }

func posString(p Pos) string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// mapping walks a mapping node, reporting duplicate keys and, when allowed
// is not nil, keys not in it.
func (d *decoder) mapping(n *yaml.Node, allowed []string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		d.errf(n, "want a mapping (key: value), got %s", kindName(n))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if line, ok := seen[key]; ok {
			d.errf(k, "duplicate key %q (first on line %d)", key, line)
			continue
		}
		seen[key] = k.Line
		if allowed != nil && !contains(allowed, key) {
			d.errf(k, "unknown key %q (allowed: %s)", key, strings.Join(allowed, ", "))
			continue
		}
		fn(key, k, v)
	}
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
		return "an alias"
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
	v, err := strconv.ParseFloat(n.Value, 64)
	if err != nil {
		d.errf(n, "want a number, got %q", n.Value)
		return 0, false
	}
	return v, true
}

func (d *decoder) bool(n *yaml.Node) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errf(n, "want true or false, got %s", kindName(n))
		return false, false
	}
	return n.Value == "true", true
}

func (d *decoder) strs(n *yaml.Node) []string {
	var out []string
	d.seq(n, func(c *yaml.Node) {
		if s, ok := d.str(c); ok {
			out = append(out, s)
		}
	})
	return out
}

// regex compiles an RE2 expression, pointing into the string on errors.
func (d *decoder) regex(n *yaml.Node) *Regexp {
	s, ok := d.str(n)
	if !ok {
		return nil
	}
	re, err := regexp.Compile(s)
	if err != nil {
		p := d.pos(n)
		msg := err.Error()
		// Point at the offending fragment, where the string is on one line.
		var se *syntax.Error
		if errors.As(err, &se) && se.Expr != "" && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
			if k := strings.Index(s, se.Expr); k >= 0 {
				p.Col += utf8.RuneCountInString(s[:k])
				if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
					p.Col++
				}
			}
		}
		*d.errs = append(*d.errs, &Error{Pos: p, Msg: "bad regular expression: " + strings.TrimPrefix(msg, "error parsing regexp: ")})
		return nil
	}
	return &Regexp{Regexp: re, Pos: d.pos(n)}
}

func (d *decoder) list(rs *Ruleset, name string, k, v *yaml.Node) {
	l := &List{Name: name, Kind: KindWords, Pos: d.pos(k), Attrs: map[string]string{}}
	replace := false
	var words []string
	var wordsNode *yaml.Node
	d.mapping(v, []string{"kind", "description", "words", "replace"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "kind":
			if s, ok := d.str(v); ok {
				switch ListKind(s) {
				case KindWords, KindLemmas, KindPhrases, KindNouns:
					l.Kind = ListKind(s)
				default:
					d.errf(v, "unknown list kind %q (allowed: words, lemmas, nouns, phrases)", s)
				}
			}
		case "description":
			l.Description, _ = d.str(v)
		case "words":
			wordsNode = v
			words = d.strs(v)
		case "replace":
			replace, _ = d.bool(v)
		}
	})
	if wordsNode == nil && v.Kind == yaml.MappingNode {
		d.errf(k, "list %q has no words", name)
	}
	for _, w := range words {
		if strings.TrimSpace(w) == "" {
			d.errf(wordsNode, "list %q has an empty entry", name)
		}
	}
	if old, ok := rs.Lists[name]; ok && !replace {
		if v.Kind == yaml.MappingNode && hasKey(v, "kind") && old.Kind != l.Kind {
			d.errf(k, "list %q is %s in %s; cannot extend it as %s", name, old.Kind, posString(old.Pos), l.Kind)
			return
		}
		old.Entries = append(old.Entries, words...)
		old.compile()
		return
	}
	l.Entries = words
	l.compile()
	rs.Lists[name] = l
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func (d *decoder) mark(rs *Ruleset, n *yaml.Node) {
	m := MarkPair{Pos: d.pos(n)}
	ok := true
	d.mapping(n, []string{"open", "close", "lang"}, func(key string, k, v *yaml.Node) {
		s, good := d.str(v)
		if !good {
			ok = false
			return
		}
		switch key {
		case "open", "close":
			if utf8.RuneCountInString(s) != 1 {
				d.errf(v, "%s must be one character, got %q", key, s)
				ok = false
				return
			}
			r, _ := utf8.DecodeRuneInString(s)
			if key == "open" {
				m.Open = r
			} else {
				m.Close = r
			}
		case "lang":
			m.Lang = s
		}
	})
	if ok && (m.Open == 0 || m.Close == 0) && n.Kind == yaml.MappingNode {
		d.errf(n, "a quote mark pair needs both open and close")
		return
	}
	if ok && n.Kind == yaml.MappingNode {
		rs.QuoteMarks = append(rs.QuoteMarks, m)
	}
}

func (d *decoder) metadata(rs *Ruleset, n *yaml.Node) {
	d.mapping(n, []string{"date", "headline_max_words"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "date":
			d.seq(v, func(c *yaml.Node) {
				if re := d.regex(c); re != nil {
					rs.Metadata.Date = append(rs.Metadata.Date, re)
				}
			})
		case "headline_max_words":
			if x, ok := d.int(v); ok {
				rs.Metadata.HeadlineMaxWords = x
			}
		}
	})
}

func (d *decoder) id(n *yaml.Node, id string, where string) bool {
	if id == "" {
		d.errf(n, "%s has no id", where)
		return false
	}
	for _, r := range id {
		if !(r == '-' || r == '_' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			d.errf(n, "id %q: use letters, digits, '-', '_' and '.'", id)
			return false
		}
	}
	return true
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

func (d *decoder) attr(n *yaml.Node) *AttrRule {
	r := &AttrRule{Priority: 50, Confidence: 0.8, Kind: "direct", Scope: ScopeSentence, Pos: d.pos(n), Source: d.file}
	var patNode *yaml.Node
	d.mapping(n, []string{"id", "description", "priority", "confidence", "kind", "scope", "pattern", "tests"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			r.ID, _ = d.str(v)
		case "description":
			r.Description, _ = d.str(v)
		case "priority":
			r.Priority, _ = d.int(v)
		case "confidence":
			if f, ok := d.float(v); ok {
				if f < 0 || f > 1 {
					d.errf(v, "confidence must be between 0 and 1, got %v", f)
				}
				r.Confidence = f
			}
		case "kind":
			if s, ok := d.str(v); ok {
				if !contains([]string{"direct", "partial", "headline", "continued"}, s) {
					d.errf(v, "unknown kind %q (allowed: direct, partial, headline, continued)", s)
				}
				r.Kind = s
			}
		case "scope":
			if s, ok := d.str(v); ok {
				switch Scope(s) {
				case ScopeSentence, ScopePrevious, ScopeNext, ScopeTurn:
					r.Scope = Scope(s)
				default:
					d.errf(v, "unknown scope %q (allowed: sentence, previous, next, turn)", s)
				}
			}
		case "pattern":
			patNode = v
		case "tests":
			d.seq(v, func(t *yaml.Node) { d.test(r, t) })
		}
	})
	if n.Kind != yaml.MappingNode {
		return nil
	}
	if !d.id(n, r.ID, "attribution rule") {
		return nil
	}
	if r.Scope == ScopeTurn {
		if patNode != nil {
			d.errf(patNode, "a rule with scope turn takes no pattern: it continues the previous quote's attribution")
			return nil
		}
		return r
	}
	if patNode == nil {
		d.errf(n, "rule %q has no pattern", r.ID)
		return nil
	}
	src, ok := d.str(patNode)
	if !ok {
		return nil
	}
	r.patternPos = d.pos(patNode)
	if patNode.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
		r.patternPos.Col++
	}
	if strings.TrimSpace(src) == "" {
		d.errf(patNode, "empty pattern")
		return nil
	}
	pat, err := ParsePattern(src)
	if err != nil {
		p := r.patternPos
		if pe, ok := err.(*PatternError); ok {
			p.Col += pe.Col - 1
			*d.errs = append(*d.errs, &Error{Pos: p, Msg: "pattern: " + pe.Msg})
		} else {
			d.errf(patNode, "pattern: %v", err)
		}
		return nil
	}
	hasSpeaker := false
	var walk func([]*item)
	walk = func(its []*item) {
		for _, it := range its {
			if it.op == opSpeaker {
				hasSpeaker = true
			}
			for _, a := range it.alts {
				walk(a)
			}
		}
	}
	walk(pat.items)
	if !hasSpeaker {
		d.errf(patNode, "pattern has no SPEAKER item")
	}
	if r.Scope == ScopeSentence && !pat.HasQuote {
		d.errf(patNode, "pattern has no QUOTE item (only rules with scope previous or next may leave it out)")
	}
	if r.Scope != ScopeSentence && pat.HasQuote {
		d.errf(patNode, "a rule with scope %s matches a neighbouring sentence and cannot hold QUOTE", r.Scope)
	}
	r.Pattern = pat
	return r
}

func (d *decoder) test(r *AttrRule, n *yaml.Node) {
	t := RuleTest{Pos: d.pos(n)}
	match := true
	d.mapping(n, []string{"text", "speaker", "cue", "match"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "text":
			t.Text, _ = d.str(v)
		case "speaker":
			t.Speaker, _ = d.str(v)
		case "cue":
			t.Cue, _ = d.str(v)
		case "match":
			match, _ = d.bool(v)
		}
	})
	if n.Kind != yaml.MappingNode {
		return
	}
	t.NoMatch = !match
	if t.Text == "" {
		d.errf(n, "test has no text")
		return
	}
	if match && t.Speaker == "" {
		d.errf(n, "test needs the expected speaker (or match: false)")
		return
	}
	r.Tests = append(r.Tests, t)
}
