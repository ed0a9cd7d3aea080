package rules

import (
	"bytes"
	"embed"
	"fmt"
	"go/format"
	"hash/crc32"
	"io/fs"
	"maps"
	"os"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/wordtab"
)

// staticFile is the file the static data is kept in, beside this one.
const staticFile = "static_defaults.go"

// TestStaticDefaults checks that static_defaults.go holds the data that
// loading the default base files builds now. It fails when a default file
// was edited without making the data anew: run
//
//	go generate ./rules   (or: go test ./rules -run TestStaticDefaults -update)
//
// With -update it writes the file.
func TestStaticDefaults(t *testing.T) {
	want, err := buildStaticSource(DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	if !generated(t, staticFile, want, "the static data of the default rule files") {
		return
	}
	if staticFor(DefaultBaseSources()) == nil {
		t.Fatalf("the static data is not used for the default base files")
	}
}

// generated writes want to the generated file with -update (and returns
// false: nothing more to check), else fails the test unless the file
// holds want, which is what for the message.
func generated(t *testing.T, file string, want []byte, what string) bool {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", file, len(want))
		return false
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("rules/%s is not %s: run `go generate ./rules`", file, what)
	}
	return true
}

// buildStatic returns the static data of a load of the sources srcs.
func buildStatic(srcs []Source) (*staticDefaults, error) {
	key, ok := generatedKey(srcs)
	if !ok {
		return nil, fmt.Errorf("the sources are not default base files")
	}
	rs, err := loadWith(srcs, nil)
	if err != nil {
		return nil, err
	}
	st := &staticDefaults{Key: key, Order: rs.classes.order, BaseStopWords: sortedKeys(rs.Language.StopWords)}
	for _, s := range srcs {
		st.Files = append(st.Files, staticFileCRC{Name: s.Name, CRC: crc32.ChecksumIEEE(s.Data)})
	}
	names := make([]string, 0, len(rs.Lists))
	for name := range rs.Lists {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		l := rs.Lists[name]
		sl := staticList{Name: name, Kind: l.Kind, Description: l.Description, Entries: l.Entries,
			Pos: l.Pos, Extended: l.Extended, Replaced: l.Replaced}
		forms := l.Forms()
		for _, f := range forms {
			sl.FormText += f
			sl.FormEnds = append(sl.FormEnds, int32(len(sl.FormText)))
		}
		if len(l.EntryPos) != len(l.Entries) {
			return nil, fmt.Errorf("list %s: %d positions for %d entries", name, len(l.EntryPos), len(l.Entries))
		}
		var files []string
		for _, p := range l.EntryPos {
			f := slices.Index(files, p.File)
			if f < 0 {
				if strings.Contains(p.File, "\n") {
					return nil, fmt.Errorf("list %s: a file name with a line break: %q", name, p.File)
				}
				f, files = len(files), append(files, p.File)
				sl.EntryFiles += p.File + "\n"
			}
			v, ok := packEntryPos(f, p)
			if !ok {
				return nil, fmt.Errorf("list %s: the position %s does not pack", name, p)
			}
			sl.EntryAt = append(sl.EntryAt, v)
		}
		var phrases [][]string
		for _, f := range forms {
			if strings.Contains(f, " ") {
				ws := strings.Split(f, " ")
				phrases = append(phrases, ws)
				sl.PhraseWords = append(sl.PhraseWords, ws...)
				sl.PhraseEnds = append(sl.PhraseEnds, int32(len(sl.PhraseWords)))
			}
		}
		// the rows of the phrases of each first word, which install puts
		// in the list's map as they are (a first word in two rows would
		// lose one)
		var firsts []string // the rows' first words
		for i, ws := range phrases {
			if i == 0 || ws[0] != phrases[i-1][0] {
				if len(firsts) > 0 && firsts[len(firsts)-1] >= ws[0] {
					return nil, fmt.Errorf("list %s: the phrases of %q are not in one row after those of %q", name, ws[0], firsts[len(firsts)-1])
				}
				firsts = append(firsts, ws[0])
				sl.PhraseGroups = append(sl.PhraseGroups, int32(i))
			}
			sl.MaxLen = max(sl.MaxLen, len(ws))
			addPhraseFilters(&sl.Firsts, &sl.Seconds, ws)
		}
		if len(firsts) > 0 {
			tab := wordtab.New(len(firsts))
			for g, w := range firsts {
				if a, b, ok := wordtab.Pack(w); ok {
					tab.PutNew(a, b, uint64(g+1))
				}
			}
			sl.PhraseSlots = tab.Slots()
		}
		if l.owner != rs || l.bit == 0 {
			d := wordtab.NewSet(sl.words(), nil).Data()
			sl.Set = &d
		}
		ws := make([]string, 0, len(l.Attrs))
		for w := range l.Attrs {
			ws = append(ws, w)
		}
		sort.Strings(ws)
		for _, w := range ws {
			sl.Attrs = append(sl.Attrs, w, l.Attrs[w])
		}
		if len(ws) > 0 {
			// the packing words in a table, each to 1 + its attribute's
			// index in the sorted distinct attributes
			sl.AttrVals = sortedKeys(wordMap(slices.Collect(maps.Values(l.Attrs))))
			tab := wordtab.New(len(ws))
			for _, w := range ws {
				if a, b, ok := wordtab.Pack(w); ok {
					tab.PutNew(a, b, uint64(1+slices.Index(sl.AttrVals, l.Attrs[w])))
				}
			}
			sl.AttrSlots = tab.Slots()
		}
		sl.Bit = slices.Index(st.Order[:min(len(st.Order), maxListBits)], name) >= 0
		st.Lists = append(st.Lists, sl)
	}
	// the class table, its words put in sorted order: the same data at
	// each generation
	words := make([]string, 0, len(rs.classes.words))
	for w := range rs.classes.words {
		words = append(words, w)
	}
	sort.Strings(words)
	short := wordtab.New(len(words))
	for _, w := range words {
		c := rs.classes.words[w]
		if a, b, ok := wordtab.Pack(w); ok {
			short.PutNew(a, b, c)
		} else {
			st.Long = append(st.Long, staticWord{Word: w, Class: c})
		}
	}
	st.Short = short.Slots()
	// an entry per rule, in the rules' final order (see attachTests)
	for _, r := range rs.Attribution {
		st.RuleTests = append(st.RuleTests, r.Tests...)
		st.Tests = append(st.Tests, staticTests{ID: r.ID, End: int32(len(st.RuleTests))})
	}
	st.Ascii = rs.classes.ascii
	st.Cleanup = rs.clean.compiled.Index.Data()
	// the word sets, their words put in sorted order
	for _, c := range []struct {
		set  *wordtab.SetData
		list *List
	}{{&st.Stop, rs.Lists[listStopwords]}, {&st.Abbr, rs.Lists[ListAbbreviations]}} {
		var words []string
		if c.list != nil {
			words = sortedKeys(c.list.words)
		}
		*c.set = wordtab.NewSet(words, nil).Data()
	}
	for _, code := range DefaultPacks() {
		pack := DefaultPackSources(code)
		p := *packProfile(code, pack)
		var files []Source
		var names []string
		for _, s := range pack {
			if topLevelKey(s.Data, "language") {
				files, names = append(files, s), append(names, s.Name)
			}
		}
		sp := staticPack{Code: code, Files: names, Key: sourcesKeyBy(files, bytesCRC), StopWords: sortedKeys(p.StopWords), Elisions: sortedKeys(p.Elisions)}
		p.StopWords, p.Elisions = nil, nil
		sp.Profile = p
		st.Packs = append(st.Packs, sp)
	}
	// the stop-word table of the base language and the packs, when all
	// their words pack (else each start builds it)
	profiles := []*Language{&rs.Language}
	st.StopWords.Codes = []string{rs.Lang()}
	for _, code := range DefaultPacks() {
		profiles = append(profiles, packProfile(code, DefaultPackSources(code)))
		st.StopWords.Codes = append(st.StopWords.Codes, code)
	}
	if t := buildStopWordTable(profiles); t.Long == nil && len(profiles) <= maxStopLangs {
		st.StopWords.Slots, st.StopWords.MaxLen = t.Short.Slots(), t.MaxLen
	} else {
		st.StopWords = staticStopWords{}
	}
	return st, nil
}

// generatedKey is staticKey with the CRC-32s of the sources' bytes, not
// those embedded_files.go records: the data made in a go generate run has
// the key that a start finds once that run has recorded the CRCs anew.
func generatedKey(srcs []Source) (key uint32, ok bool) {
	if _, ok := staticKey(srcs); !ok {
		return 0, false
	}
	return sourcesKeyBy(srcs, bytesCRC), true
}

// bytesCRC returns the CRC-32 of data.
func bytesCRC(_ string, data []byte) uint32 { return crc32.ChecksumIEEE(data) }

// sortedKeys returns the keys of m, sorted (nil for nil).
func sortedKeys(m map[string]struct{}) []string {
	if m == nil {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// buildStaticSource returns static_defaults.go for the default sources
// srcs (their base files).
func buildStaticSource(srcs []Source) ([]byte, error) {
	var base []Source
	for _, s := range srcs {
		if s.Pack == "" {
			base = append(base, s)
		}
	}
	st, err := buildStatic(base)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by `go generate ./rules` (TestStaticDefaults -update); DO NOT EDIT.\n\n")
	b.WriteString("package rules\n\nimport (\n\t\"github.com/whosaid/whosaid/internal/needle\"\n\t\"github.com/whosaid/whosaid/internal/wordtab\"\n)\n\n")
	b.WriteString("// staticDefaultData is what loading the default base files builds (see static.go).\n")
	b.WriteString("var staticDefaultData = ")
	goLiteral(&b, reflect.ValueOf(*st), "")
	b.WriteString("\n")
	return format.Source(b.Bytes())
}

// goLiteral writes v as a Go expression: a composite literal of structs,
// slices, arrays and pointers to arrays of strings, booleans and integers
// (the types of staticDefaults), leaving out zero fields and the zero
// elements that end an array.
func goLiteral(b *bytes.Buffer, v reflect.Value, indent string) {
	switch v.Kind() {
	case reflect.Struct:
		b.WriteString(goType(v.Type()) + "{")
		t := v.Type()
		if flat(t) {
			// on one line
			sep := ""
			for i := 0; i < v.NumField(); i++ {
				if !v.Field(i).IsZero() {
					b.WriteString(sep + t.Field(i).Name + ": ")
					goLiteral(b, v.Field(i), indent)
					sep = ", "
				}
			}
			b.WriteString("}")
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).IsZero() {
				continue
			}
			b.WriteString("\n" + indent + "\t" + t.Field(i).Name + ": ")
			goLiteral(b, v.Field(i), indent+"\t")
			b.WriteString(",")
		}
		if v.NumField() > 0 && !v.IsZero() {
			b.WriteString("\n" + indent)
		}
		b.WriteString("}")
	case reflect.Pointer:
		b.WriteString("&")
		goLiteral(b, v.Elem(), indent)
	case reflect.Slice, reflect.Array:
		n := v.Len()
		if v.Kind() == reflect.Array {
			for n > 0 && v.Index(n-1).IsZero() {
				n--
			}
		}
		b.WriteString(goType(v.Type()) + "{")
		k := v.Type().Elem().Kind()
		simple := k != reflect.Struct && k != reflect.Slice && k != reflect.Array && k != reflect.Pointer
		for i := 0; i < n; i++ {
			switch {
			case !simple:
				b.WriteString("\n" + indent + "\t")
			case i%8 == 0:
				b.WriteString("\n" + indent + "\t")
			default:
				b.WriteString(" ")
			}
			e := v.Index(i)
			if !simple {
				// the element type is implied
				var eb bytes.Buffer
				goLiteral(&eb, e, indent+"\t")
				b.WriteString(strings.TrimPrefix(eb.String(), goType(e.Type())))
			} else {
				goLiteral(b, e, indent+"\t")
			}
			b.WriteString(",")
		}
		if n > 0 {
			b.WriteString("\n" + indent)
		}
		b.WriteString("}")
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Float64:
		b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint64:
		b.WriteString("0x" + strconv.FormatUint(v.Uint(), 16))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	default:
		panic(fmt.Sprintf("goLiteral: %s", v.Type()))
	}
}

// flat reports whether the struct type t has only fields of basic types.
func flat(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		switch t.Field(i).Type.Kind() {
		case reflect.Struct, reflect.Slice, reflect.Array, reflect.Pointer, reflect.Map:
			return false
		}
	}
	return true
}

// goType returns the name of t in Go source of package rules.
func goType(t reflect.Type) string {
	if t.Name() != "" {
		if t.PkgPath() == reflect.TypeOf(Ruleset{}).PkgPath() || t.PkgPath() == "" {
			return t.Name()
		}
		p := t.PkgPath()
		return p[strings.LastIndexByte(p, '/')+1:] + "." + t.Name()
	}
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + goType(t.Elem())
	case reflect.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), goType(t.Elem()))
	case reflect.Pointer:
		return "*" + goType(t.Elem())
	}
	return t.String()
}

// TestStaticLoadSame checks that the defaults loaded with the static data
// are those loaded without: each list's words, phrases and attributes, the
// class of every word of the lists and the cleanup index.
func TestStaticLoadSame(t *testing.T) {
	base := DefaultBaseSources()
	if staticFor(base) == nil {
		t.Fatalf("no static data for the default base files: run `go generate ./rules`")
	}
	got, err := loadOne(base)
	if err != nil {
		t.Fatal(err)
	}
	want, err := loadWith(base, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Lists) != len(want.Lists) {
		t.Fatalf("%d lists, want %d", len(got.Lists), len(want.Lists))
	}
	gl, wl := got.Language, want.Language
	if gl.StopWords != nil || gl.NumStopWords() != wl.NumStopWords() ||
		!slices.Equal(slices.Sorted(gl.StopWordSeq()), slices.Sorted(wl.StopWordSeq())) {
		t.Errorf("the base profile's stop words differ (%d, want %d)", gl.NumStopWords(), wl.NumStopWords())
	}
	gl.StopWords, gl.stopList, wl.StopWords = nil, nil, nil
	if !reflect.DeepEqual(gl, wl) {
		t.Errorf("the base profile differs:\n%+v\nwant\n%+v", gl, wl)
	}
	phrases := func(l *List) []string {
		var out []string
		for _, ps := range l.phraseRows() {
			for k := range ps.len() {
				out = append(out, strings.Join(ps.at(k), " "))
			}
		}
		sort.Strings(out)
		return out
	}
	for name, w := range want.Lists {
		g := got.Lists[name]
		switch {
		case g == nil:
			t.Errorf("list %s: missing", name)
		case g.Kind != w.Kind || g.Description != w.Description || g.Pos != w.Pos || g.Replaced != w.Replaced ||
			!reflect.DeepEqual(g.Entries, w.Entries) || !reflect.DeepEqual(entryPositions(g), w.EntryPos) || !reflect.DeepEqual(g.Extended, w.Extended):
			t.Errorf("list %s: its definition differs", name)
		case !reflect.DeepEqual(g.Forms(), w.Forms()):
			t.Errorf("list %s: forms differ", name)
		case !hasSame(g, w):
			t.Errorf("list %s: Has differs", name)
		case !reflect.DeepEqual(phrases(g), phrases(w)) || g.maxLen != w.maxLen:
			t.Errorf("list %s: phrases differ", name)
		case !attrSame(g, w):
			t.Errorf("list %s: attributes differ", name)
		case g.bit != w.bit || (g.owner == got) != (w.owner == want):
			t.Errorf("list %s: class bit %x, want %x", name, g.bit, w.bit)
		case g.firsts != w.firsts || g.seconds != w.seconds:
			t.Errorf("list %s: phrase filters %x %x, want %x %x", name, g.firsts, g.seconds, w.firsts, w.seconds)
		}
	}
	if len(got.Attribution) != len(want.Attribution) {
		t.Fatalf("%d attribution rules, want %d", len(got.Attribution), len(want.Attribution))
	}
	tests := 0
	for i, w := range want.Attribution {
		g := got.Attribution[i]
		tests += len(w.Tests)
		if g.ID != w.ID || !reflect.DeepEqual(g.Tests, w.Tests) {
			t.Errorf("attribution rule %s: its tests differ (%d, want %d)", w.ID, len(g.Tests), len(w.Tests))
		}
	}
	if tests == 0 {
		t.Errorf("no attribution rule of the defaults has tests")
	}
	if len(want.classes.words) < 1000 {
		t.Fatalf("%d words in the class table: want more", len(want.classes.words))
	}
	for word := range want.classes.words {
		for _, capital := range []bool{false, true} {
			if g, w := got.classOf(word, capital), want.classOf(word, capital); g != w {
				t.Errorf("class of %q (capital %v): %x, want %x", word, capital, g, w)
			}
		}
	}
	for _, word := range []string{"", "x", "zzzz", "not-a-listed-word", "a-word-of-more-than-sixteen-bytes", "nul\x00word"} {
		if g, w := got.classOf(word, false), want.classOf(word, false); g != w {
			t.Errorf("class of %q: %x, want %x", word, g, w)
		}
	}
	if got.classes.ascii != want.classes.ascii {
		t.Errorf("the classes of one-byte words differ")
	}
	if !reflect.DeepEqual(got.clean.compiled.Index, want.clean.compiled.Index) {
		t.Errorf("the cleanup index differs")
	}
	for _, c := range []struct {
		name      string
		got, want *wordtab.Set
		list      *List
	}{{"stopwords", got.clean.compiled.Stop, want.clean.compiled.Stop, want.Lists[listStopwords]},
		{"abbreviations", got.clean.compiled.Abbr, want.clean.compiled.Abbr, want.Lists[ListAbbreviations]}} {
		if c.list == nil || len(c.list.words) == 0 {
			t.Errorf("%s: no such list in the defaults", c.name)
			continue
		}
		for w := range c.list.words {
			for _, v := range []string{w, w + "s", "x" + w, w[1:], w + "abcdefghijklmnop"} {
				if c.got.Has(v) != c.want.Has(v) {
					t.Errorf("%s: Has(%q) = %v, want %v", c.name, v, c.got.Has(v), c.want.Has(v))
				}
			}
		}
	}
}

// TestStaticNotUsed checks that the static data is not used for a load of
// other sources: a user file on top, an edited default, a pack's files.
func TestStaticNotUsed(t *testing.T) {
	base := DefaultBaseSources()
	edited := append([]Source(nil), base...)
	edited[0].Data = append(append([]byte(nil), edited[0].Data...), "\n# edited\n"...)
	for _, c := range []struct {
		name string
		srcs []Source
	}{
		{"user file on top", append(append([]Source(nil), base...), Source{Name: "user.yaml", Data: []byte("version: 1\n")})},
		{"edited default", edited},
		{"one file left out", base[1:]},
		{"a pack's files", DefaultPackSources("de")},
		{"none", nil},
	} {
		if staticFor(c.srcs) != nil {
			t.Errorf("%s: the static data is used", c.name)
		}
	}
}

// hasSame reports whether lists g and w answer Has alike for the words of
// w and variants of them.
func hasSame(g, w *List) bool {
	for word := range w.words {
		for _, v := range []string{word, word + "s", "x" + word, word[1:], word + "abcdefghijklmnop"} {
			if g.Has(v) != w.Has(v) {
				return false
			}
		}
	}
	return len(w.words) == 0 || g.Has("no-such-word") == w.Has("no-such-word")
}

// attrSame reports whether g (from the static data) answers Attr as w (its
// Attrs map) does for each word of w's lists, their attributes' words and
// a word that is in neither, and keeps no map of its own when w has
// attributes (they stay in the data).
func attrSame(g, w *List) bool {
	if len(w.Attrs) > 0 && g.Attrs != nil {
		return false
	}
	words := []string{"no-such-word", ""}
	for word := range w.words {
		words = append(words, word)
	}
	for word := range w.Attrs {
		words = append(words, word, word+"x", word[:len(word)-1])
	}
	for _, word := range words {
		if g.Attr(word) != w.Attr(word) {
			return false
		}
	}
	return true
}

// TestStaticPackProfiles checks that the profile of each default language
// pack from the static data is the one its files give, and that a pack
// whose files differ is not read from it.
func TestStaticPackProfiles(t *testing.T) {
	packs := DefaultPacks()
	if len(packs) == 0 {
		t.Skip("no default language packs")
	}
	for _, code := range packs {
		pack := DefaultPackSources(code)
		got := staticPackProfile(code, pack)
		if got == nil {
			t.Errorf("%s: no static profile: run `go generate ./rules`", code)
			continue
		}
		if got.StopWords != nil || got.Elisions != nil {
			t.Errorf("%s: the static profile builds maps of its words", code)
		}
		g := *got // its words as the files' profile holds them
		g.StopWords, g.Elisions, g.stopList, g.elisionList, g.fromStatic = wordMap(got.stopList), wordMap(got.elisionList), nil, nil, false
		if want := packProfile(code, pack); !reflect.DeepEqual(&g, want) {
			t.Errorf("%s: the static profile differs from the files'", code)
		}
		if got.NumStopWords() != len(g.StopWords) || len(slices.Collect(got.StopWordSeq())) != len(g.StopWords) {
			t.Errorf("%s: NumStopWords %d, StopWordSeq %d words, want %d", code, got.NumStopWords(), len(slices.Collect(got.StopWordSeq())), len(g.StopWords))
		}
		for i, s := range pack {
			if !topLevelKey(s.Data, "language") {
				continue
			}
			edited := append([]Source(nil), pack...)
			edited[i].Data = append(append([]byte(nil), s.Data...), '\n')
			if staticPackProfile(code, edited) != nil {
				t.Errorf("%s: a static profile for an edited %s", code, s.Name)
			}
			if staticPackProfile(code, append(append([]Source(nil), pack[:i]...), pack[i+1:]...)) != nil {
				t.Errorf("%s: a static profile without %s", code, s.Name)
			}
		}
		if staticPackProfile("xx", pack) != nil {
			t.Errorf("%s: a static profile for an unknown code", code)
		}
	}
}

// defaultFilesFile is the file that embeds each default file as a string.
const defaultFilesFile = "embedded_files.go"

// TestEmbeddedFiles checks that embedded_files.go embeds every default
// file (a file it lacks is read with a copy) with the bytes defaultFS has.
// With -update it writes the file.
func TestEmbeddedFiles(t *testing.T) {
	var paths []string
	err := fs.WalkDir(defaultFS, "defaults", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Count(path, "/") <= 2 {
			paths = append(paths, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	var b bytes.Buffer
	b.WriteString("// Code generated by `go generate ./rules` (TestEmbeddedFiles -update); DO NOT EDIT.\n\n")
	b.WriteString("package rules\n\nimport _ \"embed\"\n\n")
	b.WriteString("// defaultFileData holds the default files, each embedded as a string (see embeddedFile).\n")
	b.WriteString("var defaultFileData = [...]embeddedData{\n")
	for i, p := range paths {
		data, err := fs.ReadFile(defaultFS, p)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "\t{%q, %q, &defaultFile%d, %d, 0x%08x},\n", p, defaultPrefix+strings.TrimPrefix(p, "defaults/"), i, len(data), crc32.ChecksumIEEE(data))
	}
	b.WriteString("}\n")
	for i, p := range paths {
		fmt.Fprintf(&b, "\n//go:embed %s\nvar defaultFile%d string\n", p, i)
	}
	want, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(defaultFilesFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d files)", defaultFilesFile, len(paths))
		return
	}
	got, err := os.ReadFile(defaultFilesFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("rules/%s does not embed the default files: run `go generate ./rules`", defaultFilesFile)
	}
	for _, p := range paths {
		data, err := embeddedFile(p)
		copied, err2 := fs.ReadFile(defaultFS, p)
		if err != nil || err2 != nil || !bytes.Equal(data, copied) {
			t.Errorf("%s: the embedded string differs from defaultFS's file (%v, %v)", p, err, err2)
		}
		// the recorded CRC, which a load takes for the file's (sourceCRC)
		name := defaultPrefix + strings.TrimPrefix(p, "defaults/")
		if got, want := sourceCRC(name, data), crc32.ChecksumIEEE(copied); got != want {
			t.Errorf("%s: recorded CRC-32 %08x, the bytes' %08x: run `go generate ./rules`", p, got, want)
		}
		if got, want := sourceCRC(name, copied), crc32.ChecksumIEEE(copied); got != want {
			t.Errorf("%s: a copy's CRC-32 %08x, want %08x", p, got, want)
		}
	}
}

// wordMap returns the set of words (nil for nil).
func wordMap(words []string) map[string]struct{} {
	if words == nil {
		return nil
	}
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// defaultFS holds the embedded folders whose files defaultFileData holds
// as strings (the program takes them from there, with their names and
// CRCs; TestEmbeddedFiles keeps it in step with the folders).
//
//go:embed defaults
var defaultFS embed.FS

// embeddedFile returns the bytes of the embedded default file at path
// (defaults/…): those of defaultFileData when it has the file, else a
// copy read from defaultFS.
func embeddedFile(path string) ([]byte, error) {
	for i := range defaultFileData {
		if f := &defaultFileData[i]; f.path == path {
			return f.bytes(), nil
		}
	}
	return fs.ReadFile(defaultFS, path)
}

// TestEmbeddedListing checks that the default files and packs, which a
// start takes from defaultFileData, are those of the embedded folders.
func TestEmbeddedListing(t *testing.T) {
	ents, err := fs.ReadDir(defaultFS, "defaults")
	if err != nil {
		t.Fatal(err)
	}
	var packs []string
	dirs := []string{""}
	for _, e := range ents {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
			if validLangCode(e.Name()) {
				packs = append(packs, e.Name())
			}
		}
	}
	if got := DefaultPacks(); !slices.Equal(got, packs) {
		t.Errorf("DefaultPacks() = %v, want %v", got, packs)
	}
	for _, dir := range dirs {
		path := strings.TrimSuffix("defaults/"+dir, "/")
		ents, err := fs.ReadDir(defaultFS, path)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, e := range ents {
			if !e.IsDir() {
				want = append(want, defaultPrefix+strings.TrimPrefix(path+"/"+e.Name(), "defaults/"))
			}
		}
		var got []string
		for _, s := range embeddedSources(dir, dir) {
			got = append(got, s.Name)
			data, err := fs.ReadFile(defaultFS, "defaults/"+strings.TrimPrefix(s.Name, defaultPrefix))
			if err != nil || !bytes.Equal(data, s.Data) || !s.Default || s.Pack != dir {
				t.Errorf("%s: not the embedded file (%v)", s.Name, err)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("embeddedSources(%q) = %v, want %v", dir, got, want)
		}
	}
}

// TestDefaultSourcesListing checks that DefaultSources gives the base
// files and then the files of each pack, as the functions of each give them.
func TestDefaultSourcesListing(t *testing.T) {
	want := DefaultBaseSources()
	for _, code := range DefaultPacks() {
		want = append(want, DefaultPackSources(code)...)
	}
	if got := DefaultSources(); !reflect.DeepEqual(got, want) {
		t.Errorf("DefaultSources() gives %d files, not the %d of the base and the packs", len(got), len(want))
	}
}

// entryPositions returns the positions of l's entries, as EntryPosAt gives
// them (nil for none).
func entryPositions(l *List) []Pos {
	var out []Pos
	for i := range l.Entries {
		if p, ok := l.EntryPosAt(i); ok {
			out = append(out, p)
		}
	}
	return out
}
