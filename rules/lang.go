package rules

import (
	"bytes"
	"fmt"
	"iter"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// BaseLang is the language of the top-level rule files: the base ruleset
// that every language pack is loaded on top of.
const BaseLang = "en"

// Language is the language profile of a ruleset: the `language:` section.
type Language struct {
	// Code is the language's ISO 639-1 code (en, de, fr, …).
	Code string
	// Name is the language's name in English, for messages.
	Name string
	// StopWords are frequent function words of the language, by which a
	// document's language is detected (lower case). It is nil in the
	// profile of a default language pack read from the static data
	// (LangProfile without user files), and in the base profile of a load
	// of the default files alone, which keep them in their read-only data:
	// StopWordSeq and NumStopWords answer for both.
	StopWords map[string]struct{}
	// Morphology says how the lemmas and nouns lists are inflected:
	// "english" (say → says, said, saying; official → officials) or "none"
	// (every form is written out in the list).
	Morphology string
	// SingleMarks says whether single quotation marks (‘…’, ‹…›, ‚…‘)
	// hold speech at the top level: SingleMarksNested (only quotations
	// inside others), SingleMarksSpeech (always) or SingleMarksAuto (in a
	// document with no top-level quotation in double marks).
	SingleMarks string
	// Months are the twelve months in order, each with the lower-case
	// forms that dates use (März, Mär), without a final period: a date
	// pattern's named group month is read by them.
	Months [][]string
	// CapitalisedNouns tells that every noun is written with a capital
	// (German): a capitalised word ending in a title suffix is a title
	// (Innenministerin), not a name.
	CapitalisedNouns bool
	// NounQuoteConfidence: with CapitalisedNouns, a quotation of one
	// capitalised word attributed by a rule below this confidence is a
	// name or a term, not speech (Hurrikan „Dennis“).
	NounQuoteConfidence float64
	// PeriodEndsQuote tells that a quotation ending in a period ends its
	// sentence even when a short attribution follows: the press of the
	// language puts a comma, not a period, before an attribution after the
	// quotation („…“, sagte sie), so „Done.“ Smith said. does not occur
	// and a capitalised word after „….“ opens the next sentence.
	PeriodEndsQuote bool
	// GenitiveComplements tells that the entries of speaker_prepositions
	// are nouns in the genitive that complete a title on their own, with
	// no preposition before the complement (Russian мэр города, министр
	// финансов): capitalised words after one may be the person's name
	// (мэр города Дмитрий Козлов), as after a title.
	GenitiveComplements bool
	// Elisions are the words that drop their vowel before another with an
	// apostrophe (French l’, d’, qu’; Italian dell’), without the
	// apostrophe: the tokenizer makes them words of their own. Like
	// StopWords, nil in a profile read from the static data (a pack's
	// ruleset, ForLang, has them).
	Elisions map[string]struct{}
	// ParticipleEndings are the endings of participles that may open a
	// sentence in capitals and are no names (English -ing: Reprising …).
	ParticipleEndings []string
	// TitleCaseShort is the length in letters up to which a word of the
	// title of a work may stay in lower case (Meet the Press: 3); a short
	// quotation whose longer words are all capitalised is such a title, not
	// speech. Default 3.
	TitleCaseShort int
	// SentenceCase tells that the words of a sentence after its first are
	// in lower case but for names (“We are done.”), so that a short
	// quotation with capitals after its first word is a term or a name, not
	// a sentence. Default true.
	SentenceCase bool
	// NameInflections are the endings of the case forms of names, each
	// with what it becomes in the key that links the forms of one name
	// (Russian Волковой, Волкову → волков, as Волкова), the longest
	// ending first; see NameKey.
	NameInflections []Inflection
	Pos             Pos

	titleCaseShortSet, sentenceCaseSet bool // given in a file (else the defaults)

	ofPack bool // the profile comes from a language pack's files

	// stopList and elisionList are the stop words and elisions, sorted, of
	// a profile read from the static data, whose maps are nil: only
	// detection reads a pack's profile, and the maps were built at every
	// start for it. stopList also holds the base profile's stop words in a
	// load with the static data (StopWords nil; see BaseStopWords).
	stopList, elisionList []string
	fromStatic            bool // the profile was read from the static data
}

// NumStopWords returns the number of the language's stop words.
func (l *Language) NumStopWords() int {
	if l.StopWords == nil {
		return len(l.stopList)
	}
	return len(l.StopWords)
}

// StopWordSeq returns the language's stop words, in no set order.
func (l *Language) StopWordSeq() iter.Seq[string] {
	return func(yield func(string) bool) {
		if l.StopWords == nil {
			for _, w := range l.stopList {
				if !yield(w) {
					return
				}
			}
			return
		}
		for w := range l.StopWords {
			if !yield(w) {
				return
			}
		}
	}
}

// The values of `single_marks:`.
const (
	SingleMarksNested = "nested"
	SingleMarksSpeech = "speech"
	SingleMarksAuto   = "auto"
)

// morphologies returns the values of `morphology:`.
func morphologies() []string { return []string{"english", "none"} }

// languageKeys are the keys of the `language:` section.
var languageKeys = []string{"code", "name", "stop_words", "morphology", "single_marks", "months", "capitalised_nouns", "noun_quote_confidence", "period_ends_quote", "genitive_complements", "elisions", "participle_endings", "title_case_short", "sentence_case", "name_inflections"}

// language decodes the `language:` section; later files override the keys
// they give (and add stop words, months and elisions), except that the first
// profile of a language pack starts from nothing.
func (d *decoder) language(rs *Ruleset, n *yaml.Node) {
	if d.src.Pack != "" && !rs.Language.ofPack {
		// the first profile of a pack replaces the base profile whole: the
		// pack's stop words, months and elisions are its own
		rs.Language = Language{ofPack: true}
	}
	if rs.Language.StopWords == nil && !d.fromStatic {
		rs.Language.StopWords = map[string]struct{}{}
	}
	rs.Language.Pos = d.pos(n)
	d.mapping(n, languageKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "code":
			if s, ok := d.str(v); ok {
				if !validLangCode(s) {
					d.errf(v, "language code %q: use two or three lower-case letters (ISO 639: de, fr, …)", s)
					return
				}
				rs.Language.Code = s
			}
		case "name":
			rs.Language.Name, _ = d.str(v)
		case "stop_words":
			if d.fromStatic {
				return // the static data has them (BaseStopWords)
			}
			d.seq(v, func(c *yaml.Node) {
				if s, ok := d.str(c); ok && strings.TrimSpace(s) != "" {
					rs.Language.StopWords[strings.ToLower(strings.TrimSpace(s))] = struct{}{}
				}
			})
		case "morphology":
			if s, ok := d.choice(key, v, morphologies()); ok {
				rs.Language.Morphology = s
			}
		case "single_marks":
			if s, ok := d.choice(key, v, []string{SingleMarksNested, SingleMarksSpeech, SingleMarksAuto}); ok {
				rs.Language.SingleMarks = s
			}
		case "capitalised_nouns":
			rs.Language.CapitalisedNouns, _ = d.bool(v)
		case "elisions":
			d.seq(v, func(c *yaml.Node) {
				if s, ok := d.str(c); ok {
					s = strings.TrimRight(strings.ToLower(strings.TrimSpace(s)), "'’")
					if s == "" {
						d.errf(c, "empty elision")
						return
					}
					if rs.Language.Elisions == nil {
						rs.Language.Elisions = map[string]struct{}{}
					}
					rs.Language.Elisions[s] = struct{}{}
				}
			})
		case "participle_endings":
			d.seq(v, func(c *yaml.Node) {
				if s, ok := d.str(c); ok && strings.TrimSpace(s) != "" {
					rs.Language.ParticipleEndings = append(rs.Language.ParticipleEndings, strings.ToLower(strings.TrimSpace(s)))
				}
			})
		case "title_case_short":
			if n, ok := d.int(v); ok {
				if n < 0 || n > 20 {
					d.errf(v, "title_case_short: want 0 to 20 letters, got %d", n)
					return
				}
				rs.Language.TitleCaseShort, rs.Language.titleCaseShortSet = n, true
			}
		case "sentence_case":
			if b, ok := d.bool(v); ok {
				rs.Language.SentenceCase, rs.Language.sentenceCaseSet = b, true
			}
		case "name_inflections":
			d.nameInflections(&rs.Language, v)
		case "period_ends_quote":
			rs.Language.PeriodEndsQuote, _ = d.bool(v)
		case "genitive_complements":
			rs.Language.GenitiveComplements, _ = d.bool(v)
		case "noun_quote_confidence":
			d.share(key, v, &rs.Language.NounQuoteConfidence)
		case "months":
			if ms, ok := d.months(key, "name|short|…", v); ok {
				rs.Language.Months = ms
			}
		}
	})
}

// months decodes a list of the twelve months in order, each a string of
// forms separated by | (January|Jan), into the lower-case forms without a
// final period; ok is false after reporting a list of another length.
func (d *decoder) months(key, shape string, v *yaml.Node) (ms [][]string, ok bool) {
	if v.Kind == yaml.SequenceNode && len(v.Content) != 12 {
		d.errf(v, "%s: want the twelve months in order (each as %s), got %d", key, shape, len(v.Content))
		return nil, false
	}
	d.seq(v, func(c *yaml.Node) {
		if s, ok := d.str(c); ok {
			var forms []string
			for _, f := range strings.Split(s, "|") {
				if f = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(f), ".")); f != "" {
					forms = append(forms, f)
				}
			}
			ms = append(ms, forms)
		}
	})
	return ms, true
}

// applyDefaults gives the settings of the profile that no file gave their
// defaults.
func (l *Language) applyDefaults() {
	if !l.titleCaseShortSet {
		l.TitleCaseShort = 3
	}
	if !l.sentenceCaseSet {
		l.SentenceCase = true
	}
}

// validLangCode reports whether s looks like an ISO 639 code.
func validLangCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// applyMorphology recompiles the lemmas and nouns lists without generated
// forms when the language's morphology is "none".
func (rs *Ruleset) applyMorphology() {
	if rs.Language.Morphology != "none" {
		return
	}
	for _, l := range rs.Lists {
		if l.Kind == KindLemmas || l.Kind == KindNouns {
			l.plain = true
			l.compile()
		}
	}
}

// Lang returns the code of the ruleset's language (BaseLang when the rules
// name none).
func (rs *Ruleset) Lang() string {
	if rs.Language.Code == "" {
		return BaseLang
	}
	return rs.Language.Code
}

// Langs returns the codes of the ruleset's language and of its packs,
// sorted, the ruleset's own first.
func (rs *Ruleset) Langs() []string {
	out := []string{rs.Lang()}
	if rs.packs != nil {
		out = append(out, rs.packs.codes...)
	}
	return out
}

// ForLang returns the ruleset of the language code (the ruleset itself or
// one of its packs, loaded on first use), or nil when there is none.
func (rs *Ruleset) ForLang(code string) *Ruleset {
	if code == rs.Lang() {
		return rs
	}
	if rs.packs == nil {
		return nil
	}
	return rs.packs.get(code)
}

// LangProfile returns the language profile of the language code (the
// ruleset's own or a pack's), without loading the pack; nil when there is
// none.
func (rs *Ruleset) LangProfile(code string) *Language {
	if code == rs.Lang() {
		return &rs.Language
	}
	if rs.packs == nil {
		return nil
	}
	return rs.packs.profiles[code]
}

// packSet holds the language packs of a ruleset: their codes and profiles,
// and their rulesets, loaded when first asked for (ForLang) unless Load
// loaded them at once to report their problems.
type packSet struct {
	codes    []string
	profiles map[string]*Language
	// base holds the base sources and srcs the pack's own sources, in
	// load order: a pack's ruleset loads base then srcs[code] (one copy
	// of the base sources, not one per pack, at every start)
	base []Source
	srcs map[string][]Source

	mu     sync.Mutex
	loaded map[string]*Ruleset
}

// get returns the ruleset of pack code, loading it on first use; nil for an
// unknown code. A pack that fails to load (possible only for packs Load did
// not check) is nil.
func (ps *packSet) get(code string) *Ruleset {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if p, ok := ps.loaded[code]; ok {
		return p
	}
	pack, ok := ps.srcs[code]
	if !ok {
		return nil
	}
	p, err := loadPack(code, ps.sources(pack))
	if err != nil {
		p = nil
	}
	ps.loaded[code] = p
	return p
}

// DefaultPackSources returns the embedded files of the language pack code
// (the folder defaults/code), in name order; nil when there is no such pack.
func DefaultPackSources(code string) []Source {
	if code == "" {
		return nil // the base files are DefaultBaseSources
	}
	return embeddedSources(code, code)
}

// DefaultPacks returns the codes of the embedded language packs (besides
// the base language), sorted.
func DefaultPacks() []string {
	// the folders of the files of defaultFileData (sorted by path, so a
	// folder's files are in a row; see embeddedSources)
	var out []string
	for i := range defaultFileData {
		rest, _ := strings.CutPrefix(defaultFileData[i].path, "defaults/")
		code, _, ok := strings.Cut(rest, "/")
		if ok && validLangCode(code) && (len(out) == 0 || out[len(out)-1] != code) {
			out = append(out, code)
		}
	}
	return out
}

// readPackDirs reads the language pack folders inside the rule folder dir:
// its subfolders named by a language code (de/, fr/), whose .yaml and .yml
// files extend that language's pack.
func readPackDirs(dir string, errs *ErrorList) []Source {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []Source
	for _, e := range ents {
		if !e.IsDir() || !validLangCode(e.Name()) {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		files, err := os.ReadDir(sub)
		if err != nil {
			*errs = append(*errs, &Error{Pos: Pos{File: sub}, Msg: describeIOError(err)})
			continue
		}
		for _, f := range files {
			ext := strings.ToLower(path.Ext(f.Name()))
			if f.IsDir() || ext != ".yaml" && ext != ".yml" {
				continue
			}
			p := filepath.Join(sub, f.Name())
			data, err := os.ReadFile(p)
			if err != nil {
				*errs = append(*errs, &Error{Pos: Pos{File: p}, Msg: describeIOError(err)})
				continue
			}
			out = append(out, Source{Name: p, Data: data, Pack: e.Name()})
		}
	}
	return out
}

// loadPacks sets up, for each language pack named by the sources, the
// sources of its ruleset — the base sources and then that pack's sources,
// each in the order given, so that a list the pack replaces drops what user
// files added to the base list — and reads its profile. Packs made of
// embedded defaults alone (on the embedded base) are loaded on first use;
// the others are loaded here, and their problems returned (those the base
// ruleset already reported are not repeated).
func loadPacks(rs *Ruleset, srcs []Source) error {
	var codes []string
	seen := map[string]bool{}
	allDefault := true
	for _, s := range srcs {
		allDefault = allDefault && s.Default
		if s.Pack != "" && !seen[s.Pack] {
			seen[s.Pack] = true
			codes = append(codes, s.Pack)
		}
	}
	if len(codes) == 0 {
		return nil
	}
	sort.Strings(codes)
	ps := &packSet{codes: codes, profiles: make(map[string]*Language, len(codes)), srcs: make(map[string][]Source, len(codes)), loaded: map[string]*Ruleset{}}
	rs.packs = ps
	for _, s := range srcs {
		if s.Pack == "" {
			ps.base = append(ps.base, s)
		}
	}
	var errs ErrorList
	for _, code := range codes {
		var pack []Source
		for _, s := range srcs {
			if s.Pack == code {
				pack = append(pack, s)
			}
		}
		ps.srcs[code] = pack
		if allDefault {
			if ps.profiles[code] = staticPackProfile(code, pack); ps.profiles[code] == nil {
				ps.profiles[code] = packProfile(code, pack)
			}
			continue
		}
		p, err := loadPack(code, ps.sources(pack))
		if err != nil {
			for _, e := range errorsOf(err) {
				if strings.Contains(e.Pos.File, "/"+code+"/") || strings.Contains(e.Pos.File, string(filepath.Separator)+code+string(filepath.Separator)) {
					errs = append(errs, e)
				} else {
					errs = append(errs, &Error{Pos: e.Pos, Msg: fmt.Sprintf("in the %s pack: %s", code, e.Msg)})
				}
			}
			continue
		}
		ps.loaded[code] = p
		ps.profiles[code] = &p.Language
	}
	return errs.Err()
}

// sources returns the sources of the ruleset of a pack whose own sources
// are pack: the base sources, then pack.
func (ps *packSet) sources(pack []Source) []Source {
	return append(append(make([]Source, 0, len(ps.base)+len(pack)), ps.base...), pack...)
}

// loadPack loads the ruleset of pack code from its sources.
func loadPack(code string, srcs []Source) (*Ruleset, error) {
	p, err := loadOne(srcs)
	if err != nil {
		return nil, err
	}
	if p.Language.Code == "" || !p.Language.ofPack {
		p.Language.Code = code
	}
	return p, nil
}

// packProfile reads the language profile of pack code from the `language:`
// sections of its own sources, without loading the pack.
func packProfile(code string, pack []Source) *Language {
	rs := &Ruleset{}
	var errs ErrorList
	for _, src := range pack {
		if !topLevelKey(src.Data, "language") {
			continue // parsing a pack's lists and rules at every start costs more than the rest of Load
		}
		d := &decoder{file: src.Name, errs: &errs, src: src}
		root := d.parse()
		if root == nil || root.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "language" {
				d.language(rs, root.Content[i+1])
			}
		}
	}
	if rs.Language.Code == "" {
		rs.Language.Code = code
	}
	rs.Language.applyDefaults()
	return &rs.Language
}

// topLevelKey reports whether a line of the YAML data starts with key and
// a colon: whether the file may hold that top-level section (the built-in
// files are plain block YAML).
func topLevelKey(data []byte, key string) bool {
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if bytes.HasPrefix(line, []byte(key)) && bytes.HasPrefix(bytes.TrimLeft(line[len(key):], " "), []byte(":")) {
			return true
		}
	}
	return false
}

// errorsOf returns the problems of a Load error.
func errorsOf(err error) ErrorList {
	if el, ok := err.(ErrorList); ok {
		return el
	}
	return ErrorList{&Error{Msg: err.Error()}}
}

// participleOpener reports whether the lower-case word w, opening a
// sentence, is a participle rather than a name (Reprising one of her lines,
// …): a word of six letters or more that ends in one of the language's
// `participle_endings` (English: -ing).
func (rs *Ruleset) participleOpener(w string) bool {
	if len(w) <= 5 {
		return false
	}
	for _, e := range rs.Language.ParticipleEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// IsTitleMarker reports whether t is a word of the title_markers list (a
// word right before a quotation that names a work: CNN’s “State of the
// Union”) or, in a language that capitalises its nouns, a capitalised
// compound ending in one (Fachmagazin „Science“).
func (rs *Ruleset) IsTitleMarker(t *Token) bool {
	l := rs.Lists[ListTitleMarkers]
	if l == nil {
		return false
	}
	if l.Has(t.Lower) {
		return true
	}
	if !rs.Language.CapitalisedNouns || !t.Cap || len(t.Lower) < 6 {
		return false
	}
	for _, e := range l.Entries {
		if len(e) >= 4 && len(t.Lower) > len(e) && strings.HasSuffix(t.Lower, strings.ToLower(e)) {
			return true
		}
	}
	return false
}

// capitalTitle reports whether t is a capitalised title compound in a
// language that capitalises its nouns (Außenministerin), which, like a word
// of the titles list, may follow lower-case modifiers (die spätere
// Außenministerin Condoleezza Rice).
func (rs *Ruleset) capitalTitle(t *Token) bool {
	return rs.Language.CapitalisedNouns && t.Cap && rs.cls(t)&classTitleSuffix != 0
}

// MonthNumber returns the number (1 to 12) of the month named name (any
// case, a final period left out) in the language's months, or 0.
func (l *Language) MonthNumber(name string) int {
	name = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(name), "."))
	for i, forms := range l.Months {
		for _, f := range forms {
			if f == name {
				return i + 1
			}
		}
	}
	return 0
}

// IsPossessiveSuffix reports whether t is a possessive ending with letters
// after its mark (’s, 's: an entry of the possessives list that
// PossessiveEndings splits off a word), not the bare mark of a plural (’),
// which also closes quotations.
func (rs *Ruleset) IsPossessiveSuffix(t *Token) bool {
	if !rs.isPossessive(t) {
		return false
	}
	for _, r := range t.Lower {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Inflection is an entry of a language's name_inflections: a name word
// ending in Ending has the key of the word ending in Stem instead.
type Inflection struct {
	Ending, Stem string
}

// minNameStem is the least number of letters a name word keeps before an
// inflected ending: shorter words are keyed as written.
const minNameStem = 3

// NameKey returns the key of a lower-case name word that links its case
// forms: the word with its longest ending of NameInflections replaced by
// that ending's stem (волковой → волков), or the word itself when no
// ending fits or fewer than minNameStem letters would stay before it.
func (l *Language) NameKey(lower string) string {
	for _, in := range l.NameInflections {
		if !strings.HasSuffix(lower, in.Ending) {
			continue
		}
		rest := lower[:len(lower)-len(in.Ending)]
		if utf8.RuneCountInString(rest) < minNameStem {
			continue
		}
		return rest + in.Stem
	}
	return lower
}

// nameInflections decodes `name_inflections:`, a mapping of endings to
// stems (ой: а), into l, longest ending first; a later file's entries are
// added (and replace an ending given before).
func (d *decoder) nameInflections(l *Language, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		d.errf(v, "name_inflections: want a mapping of endings to stems (овой: ов), got %s", kindName(v))
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, s := v.Content[i], v.Content[i+1]
		end, ok1 := d.str(k)
		stem, ok2 := d.str(s)
		if !ok1 || !ok2 {
			continue
		}
		end, stem = strings.ToLower(strings.TrimSpace(end)), strings.ToLower(strings.TrimSpace(stem))
		if end == "" || end == stem {
			d.errf(k, "name_inflections: an ending must be a non-empty string other than its stem, got %q: %q", end, stem)
			continue
		}
		l.NameInflections = slices.DeleteFunc(l.NameInflections, func(in Inflection) bool { return in.Ending == end })
		l.NameInflections = append(l.NameInflections, Inflection{Ending: end, Stem: stem})
	}
	sort.SliceStable(l.NameInflections, func(i, j int) bool {
		return len(l.NameInflections[i].Ending) > len(l.NameInflections[j].Ending)
	})
}
