package rules

// What loading the default base files builds besides the rules themselves
// — the lists (entries, positions, inflected forms, phrases), the
// word-class table, the needle index and word sets of the cleanup stage,
// the attribution rules' tests and the language packs' profiles — made
// when the snapshot is made (go generate ./rules) and kept as constant Go
// data in static_defaults.go, which the linker lays out: a start that
// loads the defaults reads these tables in place instead of decoding the
// lists, inflecting them and building the tables (see docs/performance.md).
// They are used only when the sources are the default base files the data
// was made from (staticKey: their names and bytes); any other load (a user
// file on top, an edited default, a language pack's ruleset) builds
// everything as before. TestStaticDefaults fails until the data is made
// anew, after a change of a default file or of the code that builds it.

import (
	"encoding/binary"
	"slices"
	"sort"
	"strings"

	"github.com/whosaid/whosaid/internal/needle"
	"github.com/whosaid/whosaid/internal/wordtab"
)

// staticDefaults is what loading the default base files builds, as data.
type staticDefaults struct {
	// Key is the staticKey of the sources it was made from.
	Key uint32
	// Files are the names of those sources and the CRC-32 of each one's
	// bytes (see snapshotIndex.known).
	Files []staticFileCRC
	// Lists holds the lists by name.
	Lists []staticList
	// Order holds the names of the lists in the order bindClasses gives
	// them class bits.
	Order []string
	// Ascii, Short and Long are the class table: the classes of the
	// one-byte ASCII words, the slots of the table of packed words
	// (wordtab.Table.Slots) and the words that do not pack, sorted.
	Ascii [0x80]uint64
	Short []uint64
	Long  []staticWord
	// Cleanup is the needle index of the cleanup rules; Stop and Abbr the
	// word sets of the stopwords and abbreviations lists.
	Cleanup    needle.IndexData
	Stop, Abbr wordtab.SetData
	// Packs holds the profiles of the default language packs, by code.
	Packs []staticPack
	// BaseStopWords are the stop words of the base profile, sorted: a load
	// with the data reads them here (Language.stopList), and its decoder
	// makes no map of them (a start never reads the map).
	BaseStopWords []string
	// StopWords is the stop-word table of the base language and the packs
	// (see StopWordTable).
	StopWords staticStopWords
	// Tests holds the tests of the attribution rules, by rule id, and
	// RuleTests the tests themselves, those of one rule after the other:
	// one array, not one a rule (each small array of the data segment
	// costs the start ~0.1 K instructions: see staticList.PhraseWords).
	Tests     []staticTests
	RuleTests []RuleTest
}

// staticFileCRC is a source's name and the CRC-32 of its bytes.
type staticFileCRC struct {
	Name string
	CRC  uint32
}

// staticTests names an attribution rule and where its tests end in
// staticDefaults.RuleTests (they start where the previous entry's end).
type staticTests struct {
	ID  string
	End int32
}

// attachTests gives the attribution rules of rs, in their final order
// (by priority), the tests the static data has for them (the decoder read
// a tree without them; see staticSuffix). st.Tests holds an entry per
// rule in that order, so each rule finds its entry next; one out of step
// is looked for in all.
func (st *staticDefaults) attachTests(rs *Ruleset) {
	j := 0
	for _, r := range rs.Attribution {
		k := j
		if k >= len(st.Tests) || st.Tests[k].ID != r.ID {
			k = slices.IndexFunc(st.Tests, func(t staticTests) bool { return t.ID == r.ID })
			if k < 0 {
				continue
			}
		}
		if r.Tests == nil { // (else decoded from a full tree)
			r.Tests = st.testsOf(k)
		}
		j = k + 1
	}
}

// testsOf returns the tests of the rule of st.Tests[k] (nil for none).
func (st *staticDefaults) testsOf(k int) []RuleTest {
	start, end := int32(0), st.Tests[k].End
	if k > 0 {
		start = st.Tests[k-1].End
	}
	if start == end {
		return nil
	}
	return st.RuleTests[start:end:end]
}

// staticPack is the language profile of a default language pack, as
// packProfile reads it from the pack's files.
type staticPack struct {
	Code string
	// Files names the pack's files that hold a language section, whose
	// sourcesKey is Key. (The pack's other files are not read for the
	// profile: a language section added to one of them without making
	// the data anew is seen by TestStaticPackProfiles, not at run time.)
	Files []string
	Key   uint32
	// Profile is the profile without its maps, which StopWords and
	// Elisions hold (nil for a nil map).
	Profile             Language
	StopWords, Elisions []string
}

// staticList is a compiled list.
type staticList struct {
	Name        string
	Kind        ListKind
	Description string
	Entries     []string
	// EntryAt holds where each entry was written, packed (packEntryPos):
	// the index of its file in EntryFiles, its line and its column. As
	// []Pos they were ~137 KB of the data segment, whose pointer bitmap
	// the runtime's start builds (~35 K instructions of every start);
	// List.EntryPosAt reads them here. EntryFiles holds the names of
	// the files, each followed by a line break: one string, not a
	// []string a list (each small array of the data segment costs the
	// start ~0.2 K instructions: see PhraseWords).
	EntryAt    []uint64
	EntryFiles string
	Pos        Pos
	Extended   []Pos
	Replaced   Pos
	// FormText holds what List.Forms gives, one form after the other:
	// its words and its phrases (words joined by one space), sorted; and
	// FormEnds the end of each form in it (see form). One string and
	// pointer-free ends, not a []string a list (each small array of the
	// data segment costs the start ~0.2 K instructions: see PhraseWords).
	FormText string
	FormEnds []int32
	// PhraseWords holds the words of the phrases of Forms, one phrase after
	// the other (in the order of Forms: those of one first word are in a
	// row), and PhraseEnds the end in PhraseWords of each phrase's words:
	// one array of words a list. As [][]string, an array of words for
	// each phrase, they were ~600 small arrays of the data segment, each a
	// run of the pointer mask of the data that the runtime's start builds
	// from the linker's program, which spends ~0.1 K instructions on a
	// run (~0.13 M instructions of every start).
	PhraseWords []string
	PhraseEnds  []int32
	// PhraseGroups holds the index in PhraseEnds of the first phrase of each
	// first word (no first word has two rows: buildStatic checks); MaxLen
	// is the length in words of the longest phrase (0 for none); Firsts and
	// Seconds are the Bloom filters of the phrases' first and second words
	// (List.firsts, List.seconds; addPhraseFilters). A start read the
	// phrases three times to find them.
	PhraseGroups []int32
	MaxLen       int
	Firsts       uint64
	Seconds      [4]uint64
	// PhraseSlots are the slots of a wordtab.Table of the first words of
	// the phrases that pack, each to 1 + the index of its row in
	// PhraseGroups: List.phrasesOf's look-up, which a list of the data
	// makes without a map of its phrases (the maps were ~0.1 M
	// instructions of every start). The rows are in the order of their
	// first words (buildStatic checks): a first word that does not pack is
	// found by bisection.
	PhraseSlots []uint64
	// Bit tells that the list gets a class bit (its place in Order is
	// below maxListBits): its words are in the class table.
	Bit bool
	// Set is the word set of a list that gets no class bit (nil for the
	// others, whose words the class table holds).
	Set *wordtab.SetData
	// Attrs holds the words with an attribute and the attribute, in pairs,
	// sorted by word.
	Attrs []string
	// AttrSlots are the slots of a wordtab.Table of the words of Attrs
	// that pack, each to 1 + the index of its attribute in AttrVals, the
	// distinct attributes: List.Attr's look-up (a bisection of Attrs cost
	// more than the map it replaced, per name of a document).
	AttrSlots []uint64
	AttrVals  []string
}

// staticWord is a word of the class table and its classes.
type staticWord struct {
	Word  string
	Class uint64
}

// staticKey returns the key of a load of srcs: their sourcesKey; ok is
// false when one of them is not a default base file.
func staticKey(srcs []Source) (key uint32, ok bool) {
	for _, s := range srcs {
		if !s.Default || s.Pack != "" {
			return 0, false
		}
	}
	return sourcesKey(srcs), len(srcs) > 0
}

// sourcesKey returns a hash (FNV-1a) of the names of srcs and the lengths
// and CRC-32s of their bytes (sourceCRC: the embedded default files' are
// recorded, so a start neither reads their ~200 KB to check them nor
// makes the CRC tables).
func sourcesKey(srcs []Source) uint32 { return sourcesKeyBy(srcs, sourceCRC) }

// sourcesKeyBy is sourcesKey with the CRC-32s crc gives. The generator
// gives those of the bytes (crc32.ChecksumIEEE): one go generate after an
// edit of a default file makes data whose key a start then finds with the
// CRCs it records in the same run.
func sourcesKeyBy(srcs []Source, crc func(name string, data []byte) uint32) uint32 {
	key := uint32(2166136261)
	add := func(s string) {
		for i := 0; i < len(s); i++ {
			key = (key ^ uint32(s[i])) * 16777619
		}
	}
	var n [16]byte
	for _, s := range srcs {
		binary.LittleEndian.PutUint32(n[:], uint32(len(s.Name)))
		add(string(n[:4]))
		add(s.Name)
		binary.LittleEndian.PutUint64(n[:], uint64(len(s.Data)))
		binary.LittleEndian.PutUint32(n[8:], crc(s.Name, s.Data))
		add(string(n[:12]))
	}
	return key
}

// staticPackProfile returns the profile of the default language pack code
// from the static data when pack holds the files it was made from (else
// nil): packProfile(code, pack), without reading the files.
func staticPackProfile(code string, pack []Source) *Language {
	st := &staticDefaultData
	for i := range st.Packs {
		sp := &st.Packs[i]
		if sp.Code != code {
			continue
		}
		var files []Source
		for _, s := range pack {
			if !s.Default {
				return nil
			}
			if len(files) < len(sp.Files) && s.Name == sp.Files[len(files)] {
				files = append(files, s)
			}
		}
		if len(files) != len(sp.Files) || sourcesKey(files) != sp.Key {
			return nil
		}
		l := sp.Profile
		l.stopList, l.elisionList, l.fromStatic = sp.StopWords, sp.Elisions, true
		return &l
	}
	return nil
}

// staticFor returns the static data of a load of srcs, nil when there is
// none for them.
func staticFor(srcs []Source) *staticDefaults {
	st := &staticDefaultData
	if len(st.Lists) == 0 {
		return nil
	}
	if key, ok := staticKey(srcs); !ok || key != st.Key {
		return nil
	}
	return st
}

// list returns the static list of the name, nil when there is none.
func (st *staticDefaults) list(name string) *staticList {
	if i := st.listIndex(name); i >= 0 {
		return &st.Lists[i]
	}
	return nil
}

// listIndex returns the index in st.Lists of the list of the name, -1
// when there is none.
func (st *staticDefaults) listIndex(name string) int {
	i := sort.Search(len(st.Lists), func(i int) bool { return st.Lists[i].Name >= name })
	if i < len(st.Lists) && st.Lists[i].Name == name {
		return i
	}
	return -1
}

// compileLists compiles the lists of rs (which the decoder left
// uncompiled): from the static data where it has the list, else from its
// entries.
func (st *staticDefaults) compileLists(rs *Ruleset) {
	// the lists the decoder left out (the static trees have no lists), in
	// one block; each list by its static list, with no search by name
	block := make([]List, 0, len(st.Lists))
	var sets slab[wordtab.Set] // the lists' word sets, one block for all
	done := 0
	for i := range st.Lists {
		sl := &st.Lists[i]
		l, ok := rs.Lists[sl.Name]
		if !ok {
			block = append(block, List{Name: sl.Name, Kind: sl.Kind, Description: sl.Description,
				Entries: sl.Entries, Pos: sl.Pos, Extended: sl.Extended,
				Replaced: sl.Replaced})
			l = &block[len(block)-1]
			rs.Lists[sl.Name] = l
		}
		done++
		if len(sl.Entries) != len(l.Entries) || l.plain {
			l.compile()
			continue
		}
		sl.install(l, !sl.Bit && sl.Set == nil, &sets)
	}
	if done == len(rs.Lists) {
		return
	}
	for name, l := range rs.Lists {
		if st.listIndex(name) < 0 { // a list the data does not have
			l.compile()
		}
	}
}

// attr returns the attribute of the word w in sl.Attrs ("" for none): from
// tab, the table of sl.AttrSlots, when w packs, else by bisection (the
// pairs are sorted by word).
func (sl *staticList) attr(tab *wordtab.Table, w string) string {
	if a, b, ok := wordtab.Pack(w); ok && len(sl.AttrSlots) > 0 {
		if v, found := tab.Get(a, b); found && v-1 < uint64(len(sl.AttrVals)) {
			return sl.AttrVals[v-1]
		}
		return ""
	}
	n := len(sl.Attrs) / 2
	i := sort.Search(n, func(i int) bool { return sl.Attrs[2*i] >= w })
	if i < n && sl.Attrs[2*i] == w {
		return sl.Attrs[2*i+1]
	}
	return ""
}

// packEntryPos packs the position of an entry whose file is EntryFiles[f]
// (see staticList.EntryAt); ok is false when a part does not fit.
func packEntryPos(f int, p Pos) (v uint64, ok bool) {
	if f < 0 || f >= 1<<16 || p.Line < 0 || p.Line >= 1<<32 || p.Col < 0 || p.Col >= 1<<16 {
		return 0, false
	}
	return uint64(f)<<48 | uint64(p.Line)<<16 | uint64(p.Col), true
}

// entryPos returns the position of entry i of sl (see EntryAt).
func (sl *staticList) entryPos(i int) (Pos, bool) {
	if i < 0 || i >= len(sl.EntryAt) {
		return Pos{}, false
	}
	v := sl.EntryAt[i]
	files := sl.EntryFiles
	for f := int(v >> 48); f > 0; f-- {
		_, files, _ = strings.Cut(files, "\n")
	}
	file, _, ok := strings.Cut(files, "\n")
	if !ok {
		return Pos{}, false
	}
	return Pos{File: file, Line: int(v >> 16 & (1<<32 - 1)), Col: int(v & (1<<16 - 1))}, true
}

// row returns the phrases of row g of sl's phrases (see PhraseGroups).
func (sl *staticList) row(g int) phraseRow {
	i, j := int(sl.PhraseGroups[g]), len(sl.PhraseEnds)
	if g+1 < len(sl.PhraseGroups) {
		j = int(sl.PhraseGroups[g+1])
	}
	return phraseRow{words: sl.PhraseWords, ends: sl.PhraseEnds[i:j:j], start: sl.phraseStart(i)}
}

// phraseStart returns where the words of sl's phrase i start in
// PhraseWords.
func (sl *staticList) phraseStart(i int) int32 {
	if i == 0 {
		return 0
	}
	return sl.PhraseEnds[i-1]
}

// firstWord returns the first word of row g of sl's phrases.
func (sl *staticList) firstWord(g int) string {
	return sl.PhraseWords[sl.phraseStart(int(sl.PhraseGroups[g]))]
}

// phraseRow is the phrases of one first word: a row of a list's map
// (rows) or of the static data's (words and ends, see
// staticList.PhraseWords).
type phraseRow struct {
	rows  [][]string
	words []string
	ends  []int32 // the end of each phrase in words (nil: rows)
	start int32   // where the first phrase starts in words
}

// len returns the number of phrases of r.
func (r phraseRow) len() int {
	if r.ends == nil {
		return len(r.rows)
	}
	return len(r.ends)
}

// at returns the words of phrase k of r.
func (r phraseRow) at(k int) []string {
	if r.ends == nil {
		return r.rows[k]
	}
	s := r.start
	if k > 0 {
		s = r.ends[k-1]
	}
	return r.words[s:r.ends[k]:r.ends[k]]
}

// phrasesOf returns the phrases of sl whose first word is w: its row in
// tab, the table of sl.PhraseSlots, when w packs, else by bisection (the
// rows are in the order of their first words).
func (sl *staticList) phrasesOf(tab *wordtab.Table, w string) phraseRow {
	if len(sl.PhraseGroups) == 0 {
		return phraseRow{}
	}
	if a, b, ok := wordtab.Pack(w); ok {
		if v, found := tab.Get(a, b); found && v-1 < uint64(len(sl.PhraseGroups)) {
			return sl.row(int(v - 1))
		}
		return phraseRow{}
	}
	n := len(sl.PhraseGroups)
	g := sort.Search(n, func(g int) bool { return sl.firstWord(g) >= w })
	if g < n && sl.firstWord(g) == w {
		return sl.row(g)
	}
	return phraseRow{}
}

// form returns form i of sl (see FormText).
func (sl *staticList) form(i int) string {
	start := int32(0)
	if i > 0 {
		start = sl.FormEnds[i-1]
	}
	return sl.FormText[start:sl.FormEnds[i]]
}

// forms returns the forms of sl, sorted: List.Forms.
func (sl *staticList) forms() []string {
	out := make([]string, len(sl.FormEnds))
	for i := range out {
		out[i] = sl.form(i)
	}
	return out
}

// words returns the forms of sl that are words (not phrases).
func (sl *staticList) words() []string {
	out := make([]string, 0, len(sl.FormEnds))
	for i := range sl.FormEnds {
		if f := sl.form(i); strings.IndexByte(f, ' ') < 0 {
			out = append(out, f)
		}
	}
	return out
}

// hasWord reports whether w is a word of sl (not a phrase), by bisection
// of its sorted forms.
func (sl *staticList) hasWord(w string) bool {
	n := len(sl.FormEnds)
	i := sort.Search(n, func(i int) bool { return sl.form(i) >= w })
	return i < n && sl.form(i) == w && strings.IndexByte(w, ' ') < 0
}

// materialize gives a list whose words are read from its owner's class
// table its own words map (for a class table built anew).
func (l *List) materialize() {
	if l.words == nil && l.static != nil {
		l.static.install(l, true, nil)
	}
}

// install gives l the words, phrases and attributes of sl; its words map
// only when words is true: else Has reads them from sl's word set when it
// has one, or from the class table by the list's class bit, which the list
// must get from the static data's class table (bindClasses); that word set
// is taken from sets.
func (sl *staticList) install(l *List, words bool, sets *slab[wordtab.Set]) {
	l.static, l.set = sl, nil
	if !words && sl.Set != nil {
		l.set = wordtab.SetFromDataAt(sets.new(), sl.Set, sl.hasWord)
	}
	l.bit = 0 // (until bindClasses gives it one)
	// the phrases stay in the data (List.phrasesOf reads them there)
	l.phrases, l.maxLen = nil, max(1, sl.MaxLen)
	l.phraseTab = wordtab.FromSlots(sl.PhraseSlots)
	// the attributes stay in the data (List.Attr reads them there): a map
	// of first_names' ~260 was ~37 KB of fresh heap at every start
	l.attrTab = wordtab.FromSlots(sl.AttrSlots)
	if len(l.Attrs) == 0 {
		l.Attrs = nil
	} else {
		for i := 0; i+1 < len(sl.Attrs); i += 2 {
			l.Attrs[sl.Attrs[i]] = sl.Attrs[i+1]
		}
	}
	if !words {
		l.words = nil
		return
	}
	n := 0
	for i := range sl.FormEnds {
		if strings.IndexByte(sl.form(i), ' ') < 0 {
			n++
		}
	}
	l.words = make(map[string]struct{}, n)
	for i := range sl.FormEnds {
		if f := sl.form(i); strings.IndexByte(f, ' ') < 0 {
			l.words[f] = struct{}{}
		}
	}
}

// classTable returns the class table of the data when order is the order
// it was made for; ok is false when it is not.
func (st *staticDefaults) classTable(order []string) (cls classTable, ok bool) {
	if len(order) != len(st.Order) {
		return cls, false
	}
	for i, name := range order {
		if st.Order[i] != name {
			return cls, false
		}
	}
	cls.short = wordtab.FromSlots(st.Short)
	cls.ascii = st.Ascii
	cls.words = make(map[string]uint64, len(st.Long))
	for _, w := range st.Long {
		cls.words[w.Word] = w.Class
		cls.shortNul = cls.shortNul || w.Word != "" && len(w.Word) <= 16
	}
	return cls, true
}

// cleanupIndex returns the needle index of the cleanup rules list from the
// data, nil when the data is not of such a list.
func (st *staticDefaults) cleanupIndex(list []*CleanupRule) *needle.Index {
	if len(st.Cleanup.Slot) != len(list) {
		return nil
	}
	return needle.FromData(&st.Cleanup)
}

// wordSet returns the word set of list l from the data (see List.wordSet).
func (st *staticDefaults) wordSet(d *wordtab.SetData, l *List) *wordtab.Set {
	return wordtab.SetFromData(d, l.Has)
}
