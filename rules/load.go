package rules

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// defaultPrefix names the embedded default files in messages.
const defaultPrefix = "(default)/"

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
// The Data of the sources is the program's embedded data, read-only: copy
// it before changing it.
func DefaultSources() []Source {
	// one pass over defaultFileData for the base files, one for the packs'
	// (their files are sorted by path: by pack, then by name)
	out := make([]Source, 0, len(defaultFileData))
	for pass := range 2 {
		for i := range defaultFileData {
			f := &defaultFileData[i]
			rest, _ := strings.CutPrefix(f.path, "defaults/")
			code, name, sub := strings.Cut(rest, "/")
			switch {
			case pass == 0 && !sub:
				out = append(out, Source{Name: f.name, Data: f.bytes(), Default: true})
			case pass == 1 && sub && validLangCode(code) && strings.IndexByte(name, '/') < 0:
				out = append(out, Source{Name: f.name, Data: f.bytes(), Default: true, Pack: code})
			}
		}
	}
	return out
}

// DefaultBaseSources returns the embedded default rule files of the base
// ruleset (the top-level files, language BaseLang), in name order.
func DefaultBaseSources() []Source { return embeddedSources("", "") }

// embeddedSources returns the embedded files of the folder defaults/dir
// (not its subfolders), in name order, as sources of the pack pack ("" for
// the base ruleset); nil when there is no such folder. The files are those
// of defaultFileData (made by go generate ./rules from the embedded folder,
// which TestEmbeddedFiles compares it with): their names made once, their
// data the embedded strings, with no listing of the folder at each start.
func embeddedSources(dir, pack string) []Source {
	prefix := "defaults/"
	if dir != "" {
		prefix += dir + "/"
	}
	var out []Source
	for i := range defaultFileData {
		f := &defaultFileData[i]
		if rest, ok := strings.CutPrefix(f.path, prefix); ok && rest != "" && strings.IndexByte(rest, '/') < 0 {
			if out == nil {
				out = make([]Source, 0, 8)
			}
			out = append(out, Source{Name: f.name, Data: f.bytes(), Default: true, Pack: pack})
		}
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
	st := staticFor(base)
	rs, err := loadWith(base, st)
	if err != nil {
		return nil, err
	}
	if err := loadPacks(rs, srcs); err != nil {
		return nil, err
	}
	rs.stopWords = staticStopWordsFor(rs, st != nil)
	return rs, nil
}

// loadOne loads one ruleset from sources, packs and all.
func loadOne(srcs []Source) (*Ruleset, error) { return loadWith(srcs, staticFor(srcs)) }

// loadWith is loadOne with the static data of srcs (nil: none; see
// static.go): its lists, word classes and cleanup index are then read from
// the data instead of built.
func loadWith(srcs []Source, st *staticDefaults) (*Ruleset, error) {
	nLists := 0 // the lists of the static data, at once (the map grew four times)
	if st != nil {
		nLists = len(st.Lists)
	}
	rs := &Ruleset{Lists: make(map[string]*List, nLists), Disabled: map[string]Pos{}, static: st}
	defer func() { rs.static = nil }()
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
	snap, patterns := &snapshotIndex{}, &patternBlocks{shared: true}
	if st != nil {
		snap.known = st.Files // staticFor checked the bytes of srcs
	}
	for _, src := range srcs {
		d := &decoder{file: src.Name, errs: &errs, src: src, fromStatic: st != nil, snap: snap, patterns: patterns}
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
	if st != nil {
		st.compileLists(rs)
		rs.Language.stopList = st.BaseStopWords
	}
	rs.applyMorphology()
	rs.Language.applyDefaults()
	rs.resolve(&errs, firstName(srcs))
	slices.SortStableFunc(rs.Attribution, func(a, b *AttrRule) int { return cmp.Compare(b.Priority, a.Priority) })
	if st != nil {
		st.attachTests(rs) // (in the order the data has them)
	}
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
	defer rs.bindRuleGuards() // (deferred first: run after bindLists, once the lists have their bits)
	defer rs.bindLists()
	var missing []string
	for _, name := range RequiredLists() {
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
		if l := r.Pattern.lazy; l != nil {
			l.shared.lists = rs.Lists // bound when read (pattern_lazy.go)
			continue
		}
		// the list items come in the order of r.Pattern.lists (depth first)
		refs := r.Pattern.lists
		bindItems(r.Pattern.items, &refs, func(ref listRef) *List {
			l, ok := rs.Lists[ref.name]
			if !ok {
				p := r.Pos
				if r.at != nil {
					p = r.at.pos(ref.col)
				}
				*errs = append(*errs, &Error{Pos: p, Msg: fmt.Sprintf("pattern refers to list %q, which does not exist%s", ref.name, rs.suggestList(ref.name))})
			}
			return l
		})
	}
	for _, c := range rs.Cleanup {
		for i, name := range c.wordLists {
			l, ok := rs.Lists[name]
			if !ok {
				*errs = append(*errs, &Error{Pos: c.wordPos[i], Msg: fmt.Sprintf("words refers to list %q, which does not exist%s", name, rs.suggestList(name))})
				continue
			}
			if c.wordOnly[i] {
				c.OnlyWords = append(c.OnlyWords, l)
			} else {
				c.Words = append(c.Words, l)
			}
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
