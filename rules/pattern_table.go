package rules

// The parsed attribution patterns of the default rule files, made with the
// snapshot (go generate ./rules) and keyed by the pattern's source:
// parsing the default patterns was the largest part of loading the
// defaults (~2.4 M of a start's ~12 M instructions, with what the parse
// allocates). A default file's pattern is read from the table into the
// load's item blocks, its strings those of the embedded table (no copy); a
// pattern that is not in it (an edited default, any user file's) is parsed
// as before, so user files' errors are reported as before.
// TestDefaultSnapshot fails when the table is not what parsing the default
// patterns gives now (after a change of the parser or of a default
// pattern: run go generate ./rules); TestPatternTable compares each of its
// patterns with the parser's.

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// patternsFile is the file the table is kept in, beside this one.
const patternsFile = "patterns.snapshot"

//go:embed patterns.snapshot
var defaultPatternTable string

// patternsMagic opens the table; its last byte is the format's version.
const patternsMagic = "whosaid-pattern-snapshot\x03"

// patternKind is the kind of the table's entries (see lookupEntry).
const patternKind = 'P'

// An entry's value is a byte of flags (patternQuote, patternClause,
// patternAnchored: what
// Pattern.scan tells of the items, for a pattern whose items are read on
// first use, lazyPattern), then the pattern's items as a sequence: the number of
// items (a varint) and each item: its op (a byte), a byte of flags
// (itemPronoun, itemSubject), its col, min and max (varints), its list name (of a list
// item: Pattern.lists), punct and capture (each a varint length and the
// bytes), its literal words (a count and each word so), its alternatives
// (a count and each a sequence) and its negated items (a sequence). An
// empty sequence is a nil slice.

// itemPronoun is the flag of a PRONOUN item, itemSubject of a SUBJECT item.
const (
	itemPronoun = 1
	itemSubject = 2
)

// The flags of a pattern: it holds QUOTE (HasQuote), CLAUSE or CONTENT
// (HasClause), it starts with ^ (anchored).
const (
	patternQuote = 1 << iota
	patternClause
	patternAnchored
)

// tablePattern returns the pattern src from the table, with its items
// taken from blocks; ok is false when it is not there or the table is
// broken.
func tablePattern(src string, blocks *patternBlocks) (pat *Pattern, ok bool) {
	return readPattern(defaultPatternTable, src, blocks)
}

// readPattern is tablePattern on the table data.
func readPattern(data, src string, blocks *patternBlocks) (pat *Pattern, ok bool) {
	val, ok := lookupEntry(data, patternsMagic, patternKind, src)
	if !ok || val == "" {
		return nil, false
	}
	return entryPattern(val, src, blocks, nil)
}

// entryPattern is readPattern on the pattern's entry val (not empty). With
// lists, each list item is bound to the list of its name as it is read
// (what bindItems does on the items read), Pattern.lists is left nil, and
// of what Pattern.scan sets only the items' tok is set (by item).
func entryPattern(val, src string, blocks *patternBlocks, lists map[string]*List) (pat *Pattern, ok bool) {
	var r *patternReader
	if blocks.slabbed() {
		// the load's patterns are read one after another
		blocks.parser = parser{src: src, blocks: blocks}
		blocks.reader = patternReader{snapshotReader: snapshotReader{data: val[1:]}, p: &blocks.parser}
		r = &blocks.reader
	} else {
		r = &patternReader{snapshotReader: snapshotReader{data: val[1:]}, p: &parser{src: src, blocks: blocks}}
	}
	r.bind = lists
	items := r.seq(0)
	if r.err != nil || len(items) == 0 {
		return nil, false
	}
	pat = blocks.pattern()
	*pat = Pattern{Source: src, items: items, lists: r.lists}
	pat.numberCaptures()
	if lists == nil {
		pat.scan()
	} // (else the caller wants the items only: the pattern read on first use has its flags from the entry, and item set each item's tok)
	return pat, true
}

// patternReader reads a table entry's items (the entries after it follow
// them in its data). After an error, what it reads does not matter: the
// caller gives up.
type patternReader struct {
	snapshotReader
	p     *parser   // the blocks the items go in
	lists []listRef // the list items read so far (without bind)
	// bind: when not nil, the lists that list items are bound to as they
	// are read, by name
	bind map[string]*List
}

// fail records that the data is broken.
func (r *patternReader) fail() {
	if r.err == nil {
		r.err = errors.New("pattern table: broken entry")
	}
}

// count reads a count of things that each take a byte of the data at
// least.
func (r *patternReader) count() int {
	if off := r.off; off < len(r.data) && r.data[off] == 0 {
		r.off = off + 1 // most counts of an item are 0: no call
		return 0
	}
	return r.countLong()
}

// countLong is count without its shortcut.
func (r *patternReader) countLong() int {
	n := r.uint()
	if n > len(r.data)-r.off {
		r.fail()
		return 0
	}
	return n
}

// text reads a string: a slice of the table, not a copy.
func (r *patternReader) text() string {
	if off := r.off; off < len(r.data) && r.data[off] == 0 {
		r.off = off + 1 // most of an item's strings are empty: no call
		return ""
	}
	return r.textLong()
}

// textLong is text without its shortcut.
func (r *patternReader) textLong() string { return r.bytes(r.uint()) }

// seq reads a sequence of items into the blocks (nil when it is empty).
func (r *patternReader) seq(depth int) []*item {
	n := r.count()
	if n == 0 || r.err != nil {
		return nil
	}
	if depth > 32 { // the parser nests 8 groups at most
		r.fail()
		return nil
	}
	its := r.p.reserve(n)
	for i := range its {
		if its[i] = r.item(depth); r.err != nil {
			return nil
		}
	}
	setGuards(its) // (as Pattern.scan sets them)
	return its
}

func (r *patternReader) item(depth int) *item {
	// op and flags are written as bytes, below 0x80; col, min and max are
	// varints, most of one byte: those five read at once when they are
	var o, flags, col, lo, hi int
	if d, off := r.data, r.off; off+5 <= len(d) && (d[off]|d[off+1]|d[off+2]|d[off+3]|d[off+4])&0x80 == 0 {
		o, flags, col, lo, hi = int(d[off]), int(d[off+1]), int(d[off+2]), int(d[off+3]), int(d[off+4])
		r.off = off + 5
	} else {
		o, flags, col, lo, hi = r.uint(), r.uint(), r.uint(), r.uint(), r.uint()
	}
	it := r.p.newItem(item{op: op(o), pronoun: flags&itemPronoun != 0, subject: flags&itemSubject != 0})
	it.col, it.min, it.max = int32(col), lo, hi
	if o > int(opNot) || col > 1<<30 || it.min > it.max || it.max > 60 {
		r.fail() // no parse gives these
		return it
	}
	name := r.text()
	if it.op == opList {
		if r.bind == nil {
			r.lists = append(r.lists, listRef{name, col})
		} else if l := r.bind[name]; l != nil {
			it.list = l
		}
	}
	it.punct, it.capture = r.text(), r.text()
	if n := r.count(); n > 0 {
		it.lit = make([]string, n)
		for i := range it.lit {
			it.lit[i] = r.text()
		}
	}
	if n := r.count(); n > 0 {
		it.alts = make([][]*item, n)
		for i := range it.alts {
			it.alts[i] = r.seq(depth + 1)
		}
	}
	it.neg = r.seq(depth + 1)
	it.tok = tokItem(it) // (as Pattern.scan sets it, inPlace and named)
	it.inPlace = seqInPlace(it)
	it.once = onceOf(it)
	it.named = it.capture != ""
	return it
}

// appendItems appends the encoding of the sequence its to b; refs holds
// the names of the list items from the first of its on, and is advanced
// past those of its.
func appendItems(b []byte, its []*item, refs *[]listRef) []byte {
	b = binary.AppendUvarint(b, uint64(len(its)))
	str := func(b []byte, s string) []byte {
		return append(binary.AppendUvarint(b, uint64(len(s))), s...)
	}
	for _, it := range its {
		flags := byte(0)
		if it.pronoun {
			flags |= itemPronoun
		}
		if it.subject {
			flags |= itemSubject
		}
		b = append(b, byte(it.op), flags) // varints of one byte
		for _, v := range []int{int(it.col), it.min, it.max} {
			b = binary.AppendUvarint(b, uint64(v))
		}
		name := ""
		if it.op == opList && len(*refs) > 0 {
			name, *refs = (*refs)[0].name, (*refs)[1:]
		}
		b = str(str(str(b, name), it.punct), it.capture)
		b = binary.AppendUvarint(b, uint64(len(it.lit)))
		for _, w := range it.lit {
			b = str(b, w)
		}
		b = binary.AppendUvarint(b, uint64(len(it.alts)))
		for _, a := range it.alts {
			b = appendItems(b, a, refs)
		}
		b = appendItems(b, it.neg, refs)
	}
	return b
}

// buildPatterns returns the table of the patterns, each of which must
// parse and read back from the table as the parser gives it.
func buildPatterns(srcs []string) ([]byte, error) {
	srcs = append([]string(nil), srcs...)
	sort.Strings(srcs)
	var es []tableEntry
	for i, src := range srcs {
		if i > 0 && src == srcs[i-1] {
			continue
		}
		pat, err := ParsePattern(src)
		if err != nil {
			return nil, fmt.Errorf("rules: a default pattern does not parse: %q: %w", src, err)
		}
		refs := pat.lists
		flags := byte(0)
		if pat.HasQuote {
			flags |= patternQuote
		}
		if pat.HasClause {
			flags |= patternClause
		}
		if pat.anchored {
			flags |= patternAnchored
		}
		es = append(es, tableEntry{patternKind, src, appendItems([]byte{flags}, pat.items, &refs)})
	}
	return buildTable(patternsMagic, es), nil
}

// defaultPatternSources returns the sources of the attribution patterns of
// the default rulesets (the base and every language pack).
func defaultPatternSources() ([]string, error) {
	rs, err := Default()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, code := range rs.Langs() {
		r := rs.ForLang(code)
		if r == nil {
			continue
		}
		for _, a := range r.Attribution {
			if a.Pattern != nil {
				out = append(out, a.Pattern.Source)
			}
		}
	}
	return out, nil
}
