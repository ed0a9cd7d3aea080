package rules

import (
	"bytes"
	"hash/crc32"
	"os"
	"reflect"
	"testing"

	"github.com/whosaid/whosaid/internal/needle"
	"gopkg.in/yaml.v3"
)

// TestDefaultSnapshot checks that the embedded snapshot is the one the
// embedded default files give now, and so that each of its trees is the
// one the YAML parser gives for its file. It fails when a default file was
// edited without making the snapshot anew: run
//
//	go generate ./rules   (or: go test ./rules -run TestDefaultSnapshot -update)
//
// With -update it writes the snapshot.
func TestDefaultSnapshot(t *testing.T) {
	srcs := DefaultSources()
	want, err := buildSnapshot(srcs)
	if err != nil {
		t.Fatal(err)
	}
	full, must, err := defaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	wantFilters, err := buildFilters(full, must)
	if err != nil {
		t.Fatal(err)
	}
	wantProgs := buildProgs(append(full, must...))
	pats, err := defaultPatternSources()
	if err != nil {
		t.Fatal(err)
	}
	wantPatterns, err := buildPatterns(pats)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		for _, f := range []struct {
			name string
			data []byte
		}{{snapshotFile, want}, {filtersFile, wantFilters}, {patternsFile, wantPatterns}, {progsFile, wantProgs}} {
			if err := os.WriteFile(f.name, f.data, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s (%d bytes)", f.name, len(f.data))
		}
		return
	}
	if !bytes.Equal([]byte(defaultPatternTable), wantPatterns) {
		t.Errorf("rules/%s is not the table of the default attribution patterns: run `go generate ./rules`", patternsFile)
	}
	if !bytes.Equal([]byte(defaultProgs), wantProgs) {
		t.Errorf("rules/%s is not the table of the default regexes' programs: run `go generate ./rules`", progsFile)
	}
	if !bytes.Equal([]byte(defaultFilters), wantFilters) {
		t.Errorf("rules/%s is not the table of the default rules' filters: run `go generate ./rules`", filtersFile)
	}
	for _, src := range srcs {
		if _, err := decodeSnapshotFile(defaultSnapshot, src.Name, src.Data); err != nil {
			t.Errorf("%v", err)
		}
	}
	if !bytes.Equal([]byte(defaultSnapshot), want) {
		t.Fatalf("rules/%s is not the snapshot of the default rule files: run `go generate ./rules`", snapshotFile)
	}
}

// TestSnapshotTrees checks, file by file, that the tree decoded from the
// snapshot equals, field for field, the one the YAML parser gives.
func TestSnapshotTrees(t *testing.T) {
	srcs := DefaultSources()
	snap, err := buildSnapshot(srcs)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) == 0 {
		t.Fatal("no default rule files")
	}
	for _, src := range srcs {
		t.Run(src.Name, func(t *testing.T) {
			var doc yaml.Node
			if err := yaml.Unmarshal(src.Data, &doc); err != nil {
				t.Fatal(err)
			}
			got, err := decodeSnapshotFile(string(snap), src.Name, src.Data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, doc.Content[0]) {
				t.Errorf("the snapshot's tree differs from the parser's")
			}
		})
	}
}

// TestSnapshotRefusesStale checks that a file whose bytes differ from
// those the snapshot was made from is not read from it, and that a broken
// snapshot is refused rather than read.
func TestSnapshotRefusesStale(t *testing.T) {
	src := DefaultBaseSources()[0]
	snap, err := buildSnapshot([]Source{src})
	if err != nil {
		t.Fatal(err)
	}
	edited := append(append([]byte(nil), src.Data...), "\n# an added comment\n"...)
	cases := []struct {
		name, snap, file string
		data             []byte
		ok               bool
	}{
		{"as made", string(snap), src.Name, src.Data, true},
		{"edited file", string(snap), src.Name, edited, false},
		{"other file", string(snap), defaultPrefix + "nosuch.yaml", src.Data, false},
		{"truncated", string(snap[:len(snap)-1]), src.Name, src.Data, false},
		{"empty", "", src.Name, src.Data, false},
		{"wrong magic", "x" + string(snap[1:]), src.Name, src.Data, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, err := decodeSnapshotFile(c.snap, c.file, c.data)
			if (err == nil) != c.ok || (root != nil) != c.ok {
				t.Errorf("got root %v, error %v; want ok=%v", root != nil, err, c.ok)
			}
		})
	}
}

// TestSnapshotLoadSame checks that the defaults loaded through the
// snapshot give the ruleset that parsing their YAML gives.
func TestSnapshotLoadSame(t *testing.T) {
	fromSnap, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var plain []Source
	for _, s := range DefaultSources() {
		if s.Pack == "" {
			s.Default = false // parsed, not read from the snapshot
			plain = append(plain, s)
		}
	}
	fromYAML, err := Load(plain)
	if err != nil {
		t.Fatal(err)
	}
	if len(fromSnap.Attribution) != len(fromYAML.Attribution) || len(fromSnap.Cleanup) != len(fromYAML.Cleanup) || len(fromSnap.Lists) != len(fromYAML.Lists) {
		t.Fatalf("rules: %d/%d attribution, %d/%d cleanup, %d/%d lists", len(fromSnap.Attribution), len(fromYAML.Attribution), len(fromSnap.Cleanup), len(fromYAML.Cleanup), len(fromSnap.Lists), len(fromYAML.Lists))
	}
	for i, r := range fromSnap.Attribution {
		if o := fromYAML.Attribution[i]; r.ID != o.ID || r.Pos != o.Pos || r.Priority != o.Priority {
			t.Errorf("attribution rule %d: %s at %s, want %s at %s", i, r.ID, r.Pos, o.ID, o.Pos)
		}
	}
	for name, l := range fromSnap.Lists {
		o := fromYAML.Lists[name]
		if o == nil || !reflect.DeepEqual(l.Entries, o.Entries) || !reflect.DeepEqual(entryPositions(l), entryPositions(o)) || !reflect.DeepEqual(l.Forms(), o.Forms()) {
			t.Errorf("list %s differs", name)
		}
	}
}

// TestFilterTable checks that each filter of the table equals the one
// mining its regex gives now, and that a regex not in it is mined.
func TestFilterTable(t *testing.T) {
	full, must, err := defaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	if len(full) == 0 || len(must) == 0 {
		t.Fatalf("%d cleanup regexes and %d date patterns in the defaults: want some of each", len(full), len(must))
	}
	data, err := buildFilters(full, must)
	if err != nil {
		t.Fatal(err)
	}
	table := string(data)
	for _, c := range []struct {
		kind     byte
		patterns []string
		mine     func(string) needle.Filter
	}{{filterFull, full, needle.Of}, {filterMust, must, needle.MustOf}} {
		for _, p := range c.patterns {
			got, ok := lookupFilter(table, c.kind, p)
			if !ok {
				t.Errorf("%c %q: not in the table", c.kind, p)
				continue
			}
			if want := c.mine(p); !reflect.DeepEqual(got, want) {
				t.Errorf("%c %q: the table's filter differs from the mined one", c.kind, p)
			}
		}
	}
	misses := []struct {
		name, table string
		kind        byte
		pattern     string
	}{
		{"absent pattern", table, filterFull, `(?i)^no such rule in the defaults$`},
		{"other kind", table, filterMust + 1, full[0]},
		{"empty table", "", filterFull, full[0]},
		{"truncated table", table[:len(filtersMagic)+2], filterFull, full[0]},
	}
	for _, m := range misses {
		if _, ok := lookupFilter(m.table, m.kind, m.pattern); ok {
			t.Errorf("%s: found a filter", m.name)
		}
	}
	if _, err := buildFilters([]string{`(unclosed`}, nil); err == nil {
		t.Errorf("a table was made of a regular expression that does not compile")
	}
}

// TestSnapshotCorrupt checks that a damaged snapshot or filter table gives
// an error or a result, never a panic: every byte of a small one is flipped
// in turn.
func TestSnapshotCorrupt(t *testing.T) {
	var src Source
	for _, s := range DefaultBaseSources() {
		if src.Data == nil || len(s.Data) < len(src.Data) {
			src = s
		}
	}
	snap, err := buildSnapshot([]Source{src})
	if err != nil {
		t.Fatal(err)
	}
	flipEach(t, "the snapshot", snap, func(bad string) { _, _ = decodeSnapshotFile(bad, src.Name, src.Data) })
	patterns := []string{`(?i)^read more$`, `^\d{1,2}:\d{2}$`, `(?i)\b(photo|image)s?\b`}
	table, err := buildFilters(patterns, patterns[:1])
	if err != nil {
		t.Fatal(err)
	}
	flipEach(t, "the filter table", table, func(bad string) {
		for _, p := range patterns {
			_, _ = lookupFilter(bad, filterFull, p)
			_, _ = lookupFilter(bad, filterMust, p)
		}
	})
}

// flipEach calls read with a copy of data that has one byte flipped, for
// each byte in turn, and fails the test when read panics.
func flipEach(t *testing.T, what string, data []byte, read func(bad string)) {
	t.Helper()
	for i := range data {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0xff
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("byte %d of %s flipped: panic %v", i, what, r)
				}
			}()
			read(string(bad))
		}()
	}
}

// TestCRCIs checks that a snapshot entry's CRC is taken as the file's only
// when the static data checked the same file with the same CRC, and is
// computed otherwise (an entry made from other bytes is refused).
func TestCRCIs(t *testing.T) {
	src := []byte("version: 1\n")
	crc := crc32.ChecksumIEEE(src)
	known := []staticFileCRC{{Name: "(default)/a.yaml", CRC: crc + 1}}
	for _, c := range []struct {
		name  string
		known []staticFileCRC
		file  string
		crc   uint32
		want  bool
	}{
		{"computed, same", nil, "(default)/a.yaml", crc, true},
		{"computed, other", nil, "(default)/a.yaml", crc + 1, false},
		{"known", known, "(default)/a.yaml", crc + 1, true},
		{"known, other entry", known, "(default)/a.yaml", crc + 2, false},
		{"known, entry of the bytes", known, "(default)/a.yaml", crc, true},
		{"other file", known, "(default)/b.yaml", crc + 1, false},
	} {
		if got := crcIs(c.known, c.file, c.crc, src); got != c.want {
			t.Errorf("%s: crcIs = %v, want %v", c.name, got, c.want)
		}
	}
}
