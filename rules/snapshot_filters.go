package rules

// The quick tests (needle filters) of the default rules' regexes, mined
// beforehand: mining them took a third of loading the defaults. The table
// is made with the snapshot of the default files (go generate ./rules) and
// keyed by the regex's source, so a regex that is not in it (a user rule,
// an edited default) is mined at load as before; TestDefaultSnapshot fails
// when the table is not what mining the default regexes gives now.

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"regexp"
	"sort"

	"github.com/whosaid/whosaid/internal/needle"
)

// filtersFile is the file the table is kept in, beside this one.
const filtersFile = "filters.snapshot"

//go:embed filters.snapshot
var defaultFilters string

// filtersMagic opens the table; its last byte is the format's version.
const filtersMagic = "whosaid-needle-snapshot\x01"

// The kinds of filter in the table.
const (
	filterFull = 'F' // needle.Of
	filterMust = 'M' // needle.MustOf
)

// filterOf returns needle.Of(pattern), from the table when it is there.
func filterOf(pattern string) needle.Filter {
	if f, ok := lookupFilter(defaultFilters, filterFull, pattern); ok {
		return f
	}
	return needle.Of(pattern)
}

// mustFilterOf returns needle.MustOf(pattern), from the table when it is
// there.
func mustFilterOf(pattern string) needle.Filter {
	if f, ok := lookupFilter(defaultFilters, filterMust, pattern); ok {
		return f
	}
	return needle.MustOf(pattern)
}

// vettedPattern reports whether the regular expression src is in the
// table: it compiled when the table was made (buildFilters checks), so the
// loader may leave its compiling to its first use. It finds the entry
// without decoding its filter: that is done once, when the rule asks for
// it (filterOf, mustFilterOf), not at every load a second time.
func vettedPattern(src string) bool {
	_, ok := lookupEntry(defaultFilters, filtersMagic, filterFull, src)
	if !ok {
		_, ok = lookupEntry(defaultFilters, filtersMagic, filterMust, src)
	}
	return ok
}

// The table's layout: the magic, the number of entries n (4 bytes, little
// endian), n offsets of the entries from the end of the offsets (4 bytes
// each), and the entries sorted by kind and pattern, each: its kind (a
// byte), the pattern's length (a varint) and bytes, and the filter
// (needle.Filter.AppendEncoded).

// lookupFilter finds the filter of kind for pattern in the table data by
// bisection; ok is false when it is not there or the table is broken.
func lookupFilter(data string, kind byte, pattern string) (f needle.Filter, ok bool) {
	rest, ok := lookupEntry(data, filtersMagic, kind, pattern)
	if !ok {
		return f, false
	}
	f, _, err := needle.DecodeFilter(rest)
	return f, err == nil
}

// tableParts splits a table made with magic into its number of entries n,
// its index of n entries of width bytes and the body after it; ok is false
// when data does not start with magic or is too short for its index.
func tableParts(data, magic string, width int) (n int, index, body string, ok bool) {
	if len(data) < len(magic)+4 || data[:len(magic)] != magic {
		return 0, "", "", false
	}
	data = data[len(magic):]
	n = int(le32(data, 0))
	if n > (len(data)-4)/width {
		return 0, "", "", false
	}
	return n, data[4 : 4+width*n], data[4+width*n:], true
}

// lookupEntry finds the entry of kind and key in a table made by
// buildTable with magic, by bisection, and returns what follows its key;
// ok is false when it is not there or the table is broken. (It reads the
// table in place, without closures or conversions to []byte: a start makes
// ~150 look-ups.)
func lookupEntry(data, magic string, kind byte, key string) (rest string, ok bool) {
	n, offs, body, ok := tableParts(data, magic, 4)
	if !ok {
		return "", false
	}
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		k, got, _, ok := tableEntryAt(offs, body, m)
		if !ok {
			return "", false
		}
		if k > kind || k == kind && got >= key {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo == n {
		return "", false
	}
	k, got, rest, _ := tableEntryAt(offs, body, lo)
	if k != kind || got != key {
		return "", false
	}
	return rest, true
}

// tableEntryAt returns the kind, key and value of entry i of a table whose
// offsets and entries are offs and body; ok is false when it is broken.
func tableEntryAt(offs, body string, i int) (kind byte, key, rest string, ok bool) {
	off := int(le32(offs, 4*i))
	if off >= len(body) {
		return 0, "", "", false
	}
	e := body[off+1:]
	var l uint64
	w := 0
	for shift := uint(0); ; shift += 7 {
		if w == len(e) || w == binary.MaxVarintLen64 {
			return 0, "", "", false
		}
		b := e[w]
		w++
		l |= uint64(b&0x7f) << shift
		if b < 0x80 {
			break
		}
	}
	if l > uint64(len(e)-w) {
		return 0, "", "", false
	}
	return body[off], e[w : w+int(l)], e[w+int(l):], true
}

// tableEntry is an entry of a table made by buildTable: its kind, its key
// and its value.
type tableEntry struct {
	kind  byte
	key   string
	value []byte
}

// buildTable returns the table of the entries, which must be sorted by
// kind and key (see lookupEntry).
func buildTable(magic string, es []tableEntry) []byte {
	var body, offs []byte
	for _, e := range es {
		offs = binary.LittleEndian.AppendUint32(offs, uint32(len(body)))
		body = append(body, e.kind)
		body = binary.AppendUvarint(body, uint64(len(e.key)))
		body = append(body, e.key...)
		body = append(body, e.value...)
	}
	out := []byte(magic)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(es)))
	out = append(out, offs...)
	return append(out, body...)
}

// buildFilters returns the table of the filters of the patterns: the full
// filters of full and the must-filters of must. Every pattern must compile.
func buildFilters(full, must []string) ([]byte, error) {
	type entry struct {
		kind    byte
		pattern string
	}
	seen := map[entry]bool{}
	var es []entry
	add := func(kind byte, ps []string) {
		for _, p := range ps {
			e := entry{kind, p}
			if !seen[e] {
				seen[e] = true
				es = append(es, e)
			}
		}
	}
	add(filterFull, full)
	add(filterMust, must)
	sort.Slice(es, func(i, j int) bool {
		return es[i].kind < es[j].kind || es[i].kind == es[j].kind && es[i].pattern < es[j].pattern
	})
	tab := make([]tableEntry, len(es))
	for i, e := range es {
		if _, err := regexp.Compile(e.pattern); err != nil {
			return nil, fmt.Errorf("rules: a default regular expression does not compile: %w", err)
		}
		f := needle.Of(e.pattern)
		if e.kind == filterMust {
			f = needle.MustOf(e.pattern)
		}
		tab[i] = tableEntry{e.kind, e.pattern, f.AppendEncoded(nil)}
	}
	return buildTable(filtersMagic, tab), nil
}

// defaultPatterns returns the regexes of the default rulesets (the base
// and every language pack) that loading mines: those of the cleanup rules
// (and their prev: and next:) and the metadata date patterns.
func defaultPatterns() (full, must []string, err error) {
	rs, err := Default()
	if err != nil {
		return nil, nil, err
	}
	for _, code := range rs.Langs() {
		r := rs.ForLang(code)
		if r == nil {
			continue
		}
		for _, c := range r.Cleanup {
			for _, x := range []*CleanupRule{c, c.Prev, c.Next} {
				if x != nil && x.Regex != nil {
					full = append(full, x.Regex.String())
				}
			}
		}
		for _, re := range r.Metadata.Date {
			if re != nil {
				must = append(must, re.String())
			}
		}
	}
	return full, must, nil
}
