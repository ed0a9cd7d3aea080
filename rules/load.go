package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
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

//go:embed defaults
var defaultFS embed.FS

// DefaultPrefix names the embedded default files in messages.
const DefaultPrefix = "(default)/"

// Source is the content of one rule file.
type Source struct {
	Name    string // shown in messages
	Data    []byte
	Default bool // part of the embedded defaults
	// Pack is the code of the language pack the file belongs to ("" for
	// the base ruleset, whose language is BaseLang).
	Pack string
}

// DefaultSources returns the embedded default rule files, in name order:
// the base files, then the files of each language pack (see DefaultPacks).
func DefaultSources() []Source { return append(DefaultBaseSources(), defaultPackSources()...) }

// DefaultBaseSources returns the embedded default rule files of the base
// ruleset (the top-level files, language BaseLang), in name order.
func DefaultBaseSources() []Source {
	ents, err := fs.ReadDir(defaultFS, "defaults")
	if err != nil {
		return nil
	}
	var out []Source
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
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
// A folder's subfolders named by a language code (de/, fr/) are read as
// that language pack's files, after every base file.
func ReadSources(paths []string) ([]Source, error) {
	var out, packs []Source
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
			pk := readPackDirs(p, &errs)
			packs = append(packs, pk...)
			if len(files) == 0 && len(pk) == 0 {
				errs = append(errs, &Error{Pos: Pos{File: p}, Msg: "folder holds no .yaml or .yml rule files"})
			}
		}
		for _, f := range files {
			data, err := readRuleFile(f)
			if err != nil {
				errs = append(errs, &Error{Pos: Pos{File: f}, Msg: describeIOError(err)})
				continue
			}
			out = append(out, Source{Name: f, Data: data})
		}
	}
	return append(out, packs...), errs.Err()
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
// ErrorList. Sources of a language pack (Source.Pack) are loaded on top of
// the base sources into that language's ruleset, in rs.Packs.
func Load(srcs []Source) (*Ruleset, error) {
	var base []Source
	for _, s := range srcs {
		if s.Pack == "" {
			base = append(base, s)
		}
	}
	rs, err := loadOne(base)
	if err != nil {
		return nil, err
	}
	if err := loadPacks(rs, srcs); err != nil {
		return nil, err
	}
	return rs, nil
}

// loadOne loads one ruleset from sources, packs and all.
func loadOne(srcs []Source) (*Ruleset, error) {
	rs := &Ruleset{Lists: map[string]*List{}, Disabled: map[string]Pos{}}
	var errs ErrorList
	ids := &idIndex{attr: map[string]int{}, clean: map[string]int{}, defaults: map[string]bool{}, base: map[string]bool{}}
	for _, src := range srcs {
		if src.Default {
			ids.defaults[src.Name] = true
		}
		if src.Pack == "" {
			ids.base[src.Name] = true
		}
	}
	for _, src := range srcs {
		d := &decoder{file: src.Name, errs: &errs, src: src}
		d.file1(rs, ids)
	}
	for id, p := range rs.Disabled {
		if _, ok := ids.attr[id]; ok {
			continue
		}
		if _, ok := ids.clean[id]; ok {
			continue
		}
		all := make([]string, 0, len(ids.attr)+len(ids.clean))
		for k := range ids.attr {
			all = append(all, k)
		}
		for k := range ids.clean {
			all = append(all, k)
		}
		errs = append(errs, &Error{Pos: p, Msg: fmt.Sprintf("disable: no rule with id %q%s", id, didYouMean(id, all))})
	}
	rs.Attribution = filterAttr(rs.Attribution, rs.Disabled)
	rs.Cleanup = filterClean(rs.Cleanup, rs.Disabled)
	rs.applyMorphology()
	rs.resolve(&errs, firstName(srcs))
	sort.SliceStable(rs.Attribution, func(i, j int) bool { return rs.Attribution[i].Priority > rs.Attribution[j].Priority })
	if len(rs.QuoteMarks) == 0 && len(errs) == 0 {
		errs = append(errs, &Error{Pos: Pos{File: firstName(srcs)}, Msg: "the ruleset has no quote_marks"})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	rs.clean = buildCleanupIndex(rs)
	return rs, nil
}

// idIndex maps rule ids to their index in the ruleset while loading, and
// knows which files are defaults: a rule of a user file may replace a
// default rule of the same id; any other repeated id is an error.
type idIndex struct {
	attr, clean map[string]int
	defaults    map[string]bool // names of the default sources
	base        map[string]bool // names of the sources outside language packs
}

// mayReplace reports whether a rule of the file being read may replace a
// rule of the same id from the file old.
func (ids *idIndex) mayReplace(d *decoder, old string) bool {
	return !d.src.Default && ids.defaults[old] || d.src.Pack != "" && ids.base[old]
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
func (rs *Ruleset) resolve(errs *ErrorList, first string) {
	defer rs.bindLists()
	var missing []string
	for _, name := range RequiredLists {
		if _, ok := rs.Lists[name]; !ok {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		*errs = append(*errs, &Error{Pos: Pos{File: first}, Msg: fmt.Sprintf("the ruleset lacks the lists %s, which every ruleset needs (they may be empty: `words: []`)", strings.Join(missing, ", "))})
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
						p := r.Pos
						if r.at != nil {
							p = r.at(it.col)
						}
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
	return didYouMean(name, names)
}

// didYouMean returns ` (did you mean "x"?)` for the candidate nearest to s
// by edit distance (at most a third of s's length, at least 1), or one that
// s is a prefix of or that is a prefix of s; "" when none is near.
func didYouMean(s string, candidates []string) string {
	sort.Strings(candidates)
	best, bestD := "", 1<<30
	limit := max(1, utf8.RuneCountInString(s)/3)
	for _, c := range candidates {
		d := editDistance(strings.ToLower(s), strings.ToLower(c))
		if d <= limit && d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" && s != "" {
		for _, c := range candidates {
			if strings.HasPrefix(c, s) || strings.HasPrefix(s, c) {
				best = c
				break
			}
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		if a == b {
			return 0
		}
		return 1 << 20
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

type decoder struct {
	file  string
	src   Source
	errs  *ErrorList
	lines []string // the source split into lines, on demand
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) errf(n *yaml.Node, format string, args ...any) {
	*d.errs = append(*d.errs, &Error{Pos: d.pos(n), Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) errAt(p Pos, format string, args ...any) {
	*d.errs = append(*d.errs, &Error{Pos: p, Msg: fmt.Sprintf(format, args...)})
}

// line returns the 1-based line i of the source, without its line ending.
func (d *decoder) line(i int) (string, bool) {
	if d.lines == nil {
		d.lines = yamlLines(string(d.src.Data))
	}
	if i < 1 || i > len(d.lines) {
		return "", false
	}
	return d.lines[i-1], true
}

// yamlLines splits s into lines at the line breaks of YAML: \n, \r\n, \r,
// and U+0085, U+2028, U+2029.
func yamlLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\r':
			if strings.HasPrefix(s[i+1:], "\n") {
				n++
			}
			fallthrough
		case '\n', '\u0085', '\u2028', '\u2029':
			out = append(out, s[start:i])
			start = i + n
		}
		i += n
	}
	return append(out, s[start:])
}

// valuePos returns the position in the file of byte off of the scalar n's
// value: exact for one-line plain, single- and double-quoted scalars and for
// literal blocks (|), and n's own position where the text was folded.
func (d *decoder) valuePos(n *yaml.Node, off int) Pos {
	p := d.pos(n)
	v := n.Value
	if off < 0 || off > len(v) {
		return p
	}
	line, ok := d.line(n.Line)
	if !ok {
		return p
	}
	rest := runeSuffix(line, n.Column-1)
	switch {
	case n.Style&yaml.LiteralStyle != 0:
		k := strings.Count(v[:off], "\n")
		ls := v[strings.LastIndexByte(v[:off], '\n')+1:]
		ls = ls[:strings.IndexByte(ls+"\n", '\n')]
		raw, ok := d.line(n.Line + 1 + k)
		if !ok {
			return p
		}
		indent := -1 // the block's indentation: that of its first non-blank line
		for i := n.Line + 1; indent < 0; i++ {
			l, ok := d.line(i)
			if !ok {
				return p
			}
			if strings.TrimSpace(l) != "" {
				indent = len(l) - len(strings.TrimLeft(l, " "))
			}
		}
		if indent > len(raw) || !strings.HasPrefix(raw[indent:], ls) {
			return p
		}
		col := off - (strings.LastIndexByte(v[:off], '\n') + 1)
		return Pos{File: d.file, Line: n.Line + 1 + k, Col: indent + 1 + utf8.RuneCountInString(ls[:col])}
	case n.Style&yaml.FoldedStyle != 0:
		return p
	case n.Style&yaml.SingleQuotedStyle != 0, n.Style&yaml.DoubleQuotedStyle != 0:
		if !strings.HasPrefix(rest, "'") && !strings.HasPrefix(rest, `"`) {
			return p
		}
		raw := rest[1:]
		ri, vi := 0, 0
		for vi < off {
			if ri >= len(raw) {
				return p // the scalar goes on over more lines
			}
			_, vn := utf8.DecodeRuneInString(v[vi:])
			switch {
			case n.Style&yaml.SingleQuotedStyle != 0 && strings.HasPrefix(raw[ri:], "''"):
				ri += 2
			case n.Style&yaml.SingleQuotedStyle != 0 && raw[ri] == '\'',
				n.Style&yaml.DoubleQuotedStyle != 0 && raw[ri] == '"':
				return p // closed before off: folded text
			case n.Style&yaml.DoubleQuotedStyle != 0 && raw[ri] == '\\':
				ri += escapeLen(raw[ri:])
			default:
				_, rn := utf8.DecodeRuneInString(raw[ri:])
				ri += rn
			}
			vi += vn
		}
		if ri > len(raw) {
			return p
		}
		return Pos{File: d.file, Line: n.Line, Col: n.Column + 1 + utf8.RuneCountInString(raw[:ri])}
	default:
		if !strings.HasPrefix(rest, v) {
			return p // a plain scalar over several lines
		}
		return Pos{File: d.file, Line: n.Line, Col: n.Column + utf8.RuneCountInString(v[:off])}
	}
}

// escapeLen is the length of the YAML double-quoted escape at the start of s.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case 'x':
		return min(4, len(s))
	case 'u':
		return min(6, len(s))
	case 'U':
		return min(10, len(s))
	}
	_, n := utf8.DecodeRuneInString(s[1:])
	return 1 + n
}

// runeSuffix returns s without its first n runes.
func runeSuffix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[i:]
		}
		n--
	}
	return ""
}

// runeOffset returns the byte offset of the 1-based rune column col of s.
func runeOffset(s string, col int) int {
	k := 1
	for i := range s {
		if k == col {
			return i
		}
		k++
	}
	return len(s)
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse reads the one YAML document of the file; it returns nil after
// reporting a problem.
func (d *decoder) parse() (root *yaml.Node) {
	defer func() {
		if r := recover(); r != nil {
			d.errAt(Pos{File: d.file}, "YAML syntax: the parser failed: %v", r)
			root = nil
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(d.src.Data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errAt(Pos{File: d.file}, "empty rule file (want at least `version: %d`)", Version)
			return nil
		}
		d.syntaxError(err)
		return nil
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		d.errf(&next, "a rule file holds one YAML document; this is a second one (remove the `---` line or split the file)")
	case !errors.Is(err, io.EOF):
		d.syntaxError(err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null" {
		d.errAt(Pos{File: d.file}, "empty rule file (want at least `version: %d`)", Version)
		return nil
	}
	return doc.Content[0]
}

func (d *decoder) syntaxError(err error) {
	msg, line := splitYAMLError(err)
	if l := d.firstFailingLine(msg); l > 0 {
		line = l
	}
	d.errAt(Pos{File: d.file, Line: line}, "YAML syntax: %s", msg)
}

// splitYAMLError splits a yaml.v3 error into its message and line (0 when
// it names none).
func splitYAMLError(err error) (string, int) {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return m[2], line
	}
	return strings.TrimPrefix(msg, "yaml: "), 0
}

// firstFailingLine returns the first line L such that the file's first L
// lines fail to parse with the message msg, or 0. yaml.v3 reports parser
// errors at the line before the construct they concern (it gives a
// 0-based context line), not where the problem is; the shortest failing
// prefix ends on the line where the problem is (or, for a bracket or quote
// that is never closed, where it opens). It is found by bisection, taking
// "fails with msg" to hold for every prefix longer than the first that does.
func (d *decoder) firstFailingLine(msg string) int {
	data := d.src.Data
	var ends []int // ends[i]: the end of line i+1, its line break included
	end := 0
	for _, l := range yamlLines(string(data)) {
		end += len(l)
		if end < len(data) {
			_, n := utf8.DecodeRune(data[end:])
			if data[end] == '\r' && end+1 < len(data) && data[end+1] == '\n' {
				n = 2
			}
			end += n
		}
		ends = append(ends, end)
	}
	fails := func(i int) bool {
		err := tryParse(data[:ends[i]])
		if err == nil {
			return false
		}
		m, _ := splitYAMLError(err)
		return m == msg
	}
	lo, hi := 0, len(ends)-1 // the answer is in [lo, hi]
	if !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo + 1
}

// tryParse parses YAML data (all its documents), turning a panic of the
// parser into an error.
func tryParse(data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the parser failed: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// sections are the top-level keys of a rule file.
var sections = []string{"version", "language", "lists", "cleanup", "quote_marks", "mark_convention", "wrapped_text", "metadata", "speech", "attribution", "disable"}

func (d *decoder) file1(rs *Ruleset, ids *idIndex) {
	if !utf8.Valid(d.src.Data) {
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
// is not nil, keys not in it.
func (d *decoder) mapping(n *yaml.Node, allowed []string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		d.errf(n, "want a mapping (key: value), got %s", kindName(n))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errf(k, "want a key (a name), got %s", kindName(k))
			continue
		}
		key := k.Value
		if line, ok := seen[key]; ok {
			d.errf(k, "duplicate key %q (first on line %d)", key, line)
			continue
		}
		seen[key] = k.Line
		if allowed != nil && !contains(allowed, key) {
			d.errf(k, "unknown key %q%s (allowed: %s)", key, didYouMean(key, append([]string(nil), allowed...)), strings.Join(allowed, ", "))
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
	return &Regexp{Regexp: re, Pos: d.pos(n)}
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
		old.compile()
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
	l.compile()
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

func (d *decoder) mark(rs *Ruleset, n *yaml.Node) {
	m := MarkPair{Pos: d.pos(n)}
	ok := true
	d.mapping(n, []string{"open", "close", "lang", "inner", "inner_outer_only"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "inner", "inner_outer_only":
			b, good := d.bool(v)
			if !good {
				ok = false
				return
			}
			if key == "inner" {
				m.Inner = b
			} else {
				m.InnerOuterOnly = b
			}
			return
		}
		s, good := d.str(v)
		if !good {
			ok = false
			return
		}
		switch key {
		case "open", "close":
			if n := utf8.RuneCountInString(s); n < 1 || n > 2 {
				d.errf(v, "%s must be one or two characters, got %q", key, s)
				ok = false
				return
			}
			r, size := utf8.DecodeRuneInString(s)
			r2, _ := utf8.DecodeRuneInString(s[size:])
			if size == len(s) {
				r2 = 0
			}
			if key == "open" {
				m.Open, m.OpenNext = r, r2
			} else {
				m.Close, m.CloseNext = r, r2
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

// markConvention decodes the settings that decide a document's outer marks.
func (d *decoder) markConvention(rs *Ruleset, n *yaml.Node) {
	d.mapping(n, []string{"min_words", "inner_share"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "min_words":
			if x, ok := d.int(v); ok {
				if x < 0 {
					d.errf(v, "min_words must be 0 or more, got %d", x)
				}
				rs.Convention.InnerMinWords = x
			}
		case "inner_share":
			if f, ok := d.float(v); ok {
				if f < 0 || f > 1 {
					d.errf(v, "inner_share must be between 0 and 1, got %v", f)
				}
				rs.Convention.InnerShare = f
			}
		}
	})
}

// wrappedText decodes the settings that tell hard-wrapped text.
func (d *decoder) wrappedText(rs *Ruleset, n *yaml.Node) {
	d.mapping(n, []string{"min_lines", "min_width", "max_width", "share"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "min_lines", "min_width", "max_width":
			if x, ok := d.int(v); ok {
				if x < 0 {
					d.errf(v, "%s must be 0 or more, got %d", key, x)
				}
				switch key {
				case "min_lines":
					rs.Convention.Wrap.MinLines = x
				case "min_width":
					rs.Convention.Wrap.MinWidth = x
				default:
					rs.Convention.Wrap.MaxWidth = x
				}
			}
		case "share":
			if f, ok := d.float(v); ok {
				if f < 0 || f > 1 {
					d.errf(v, "share must be between 0 and 1, got %v", f)
				}
				rs.Convention.Wrap.Share = f
			}
		}
	})
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

// speech decodes the thresholds that tell speech from terms and titles.
func (d *decoder) speech(rs *Ruleset, n *yaml.Node) {
	d.mapping(n, []string{"scare_max_words", "guess_confidence"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "scare_max_words":
			if x, ok := d.int(v); ok {
				if x < 0 {
					d.errf(v, "scare_max_words must be 0 or more, got %d", x)
				}
				rs.Speech.ScareMaxWords = x
			}
		case "guess_confidence":
			if f, ok := d.float(v); ok {
				if f < 0 || f > 1 {
					d.errf(v, "guess_confidence must be between 0 and 1, got %v", f)
				}
				rs.Speech.GuessConfidence = f
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
	// parse decodes a rule, or with nested the conditions of prev: or next:
	var parse func(n *yaml.Node, nested bool) (*CleanupRule, int)
	parse = func(n *yaml.Node, nested bool) (*CleanupRule, int) {
		c := newCleanupRule(d.pos(n), d.file)
		conds := 0
		keys := cleanupKeys()
		if nested {
			keys = nestedKeys()
		}
		d.mapping(n, keys, func(key string, k, v *yaml.Node) {
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
			case "words", "only_words":
				d.seq(v, func(x *yaml.Node) {
					if s, ok := d.str(x); ok {
						c.addListRef(s, d.pos(x), key == "only_words")
					}
				})
				conds++
			case "prev", "next":
				side, m := parse(v, true)
				if m == 0 && v.Kind == yaml.MappingNode {
					d.errf(v, "%s: give at least one condition", key)
				}
				c.setSide(key, side)
				conds++
			case "judge":
				d.mapping(v, JudgeKeys(), func(name string, k, v *yaml.Node) {
					if f, ok := d.float(v); ok {
						if msg := c.setJudge(name, f); msg != "" {
							d.errf(v, "judge %s: %s", name, msg)
						}
					}
				})
				if c.Judge == nil && v.Kind == yaml.MappingNode {
					c.Judge = newJudge()
				}
			default:
				s := cleanupScalars[key]
				var i int
				var f float64
				var b, ok bool
				switch s.kind {
				case "int":
					i, ok = d.int(v)
				case "float":
					f, ok = d.float(v)
				case "bool":
					b, ok = d.bool(v)
				}
				if !ok {
					return
				}
				if msg := s.set(c, i, f, b); msg != "" {
					d.errf(v, "%s", msg)
				}
				if s.cond {
					conds++
				}
			}
		})
		return c, conds
	}
	c, conds := parse(n, false)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	if !d.id(n, c.ID, "cleanup rule") {
		return nil
	}
	if msg := c.check(conds); msg != "" {
		d.errf(n, "%s", msg)
		return nil
	}
	return c
}

func (d *decoder) attr(n *yaml.Node) *AttrRule {
	r := &AttrRule{Priority: 50, Confidence: 0.8, Kind: "direct", Scope: ScopeSentence, Pos: d.pos(n), Source: d.file, Pack: d.src.Pack}
	r.idPos = r.Pos
	var patNode *yaml.Node
	d.mapping(n, []string{"id", "description", "priority", "confidence", "kind", "scope", "status", "pattern", "tests"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			r.ID, _ = d.str(v)
			r.idPos = d.pos(v)
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
				kinds := []string{"direct", "partial", "headline", "continued"}
				if !contains(kinds, s) {
					d.errf(v, "unknown kind %q%s (allowed: %s)", s, didYouMean(s, kinds), strings.Join(kinds, ", "))
				}
				r.Kind = s
			}
		case "status":
			if s, ok := d.str(v); ok {
				switch s {
				case "attributed":
					r.Status = ""
				case StatusGuessed:
					r.Status = s
				default:
					d.errf(v, "unknown status %q%s (allowed: attributed, guessed)", s, didYouMean(s, []string{"attributed", StatusGuessed}))
				}
			}
		case "scope":
			if s, ok := d.str(v); ok {
				switch Scope(s) {
				case ScopeSentence, ScopePrevious, ScopeNext, ScopeTurn, ScopeQuote, ScopeReported:
					r.Scope = Scope(s)
				default:
					d.errf(v, "unknown scope %q%s (allowed: sentence, previous, next, turn, quote, reported)", s, didYouMean(s, []string{"sentence", "previous", "next", "turn", "quote", "reported"}))
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
	r.at = func(col int) Pos { return d.valuePos(patNode, runeOffset(src, col)) }
	if strings.TrimSpace(src) == "" {
		d.errf(patNode, "empty pattern")
		return nil
	}
	pat, err := ParsePattern(src)
	if err != nil {
		if pe, ok := err.(*PatternError); ok {
			d.errAt(r.at(pe.Col), "pattern: %s", pe.Msg)
		} else {
			d.errf(patNode, "pattern: %v", err)
		}
		return nil
	}
	hasSpeaker := false
	var walk func([]*item)
	walk = func(its []*item) {
		for _, it := range its {
			if it.op == opSpeaker || it.capture == "speaker" {
				hasSpeaker = true
			}
			for _, a := range it.alts {
				walk(a)
			}
		}
	}
	walk(pat.items)
	if !hasSpeaker && r.Scope != ScopeReported {
		d.errf(patNode, "pattern has no SPEAKER item (or speaker: capture)")
	}
	if hasSpeaker && r.Scope == ScopeReported {
		d.errf(patNode, "a rule with scope reported takes the previous quotation's speaker: its pattern holds no SPEAKER")
	}
	if (r.Scope == ScopeSentence || r.Scope == ScopeReported) && !pat.HasQuote {
		d.errf(patNode, "pattern has no QUOTE item (only rules with scope previous, next or quote may leave it out)")
	}
	if r.Scope == ScopeQuote && pat.HasQuote {
		d.errf(patNode, "a rule with scope quote matches inside the quotation and cannot hold QUOTE")
	} else if r.Scope != ScopeSentence && r.Scope != ScopeReported && pat.HasQuote {
		d.errf(patNode, "a rule with scope %s matches a neighbouring sentence and cannot hold QUOTE", r.Scope)
	}
	r.Pattern = pat
	return r
}

func (d *decoder) test(r *AttrRule, n *yaml.Node) {
	t := RuleTest{Pos: d.pos(n)}
	match := true
	var matchNode, speakerNode, cueNode *yaml.Node
	d.mapping(n, []string{"text", "speaker", "cue", "match"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "text":
			t.Text, _ = d.str(v)
		case "speaker":
			t.Speaker, _ = d.str(v)
			speakerNode = k
		case "cue":
			t.Cue, _ = d.str(v)
			cueNode = k
		case "match":
			match, _ = d.bool(v)
			matchNode = v
		}
	})
	if n.Kind != yaml.MappingNode {
		return
	}
	t.NoMatch = !match
	if strings.TrimSpace(t.Text) == "" {
		d.errf(n, "test has no text")
		return
	}
	if !match && (speakerNode != nil || cueNode != nil) {
		k := speakerNode
		if k == nil {
			k = cueNode
		}
		d.errf(k, "a test with `match: false` (at line %d) expects no speaker or cue", matchNode.Line)
		return
	}
	if match && t.Speaker == "" {
		d.errf(n, "test needs the expected speaker (or match: false)")
		return
	}
	r.Tests = append(r.Tests, t)
}
