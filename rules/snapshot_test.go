package rules

import (
	"bytes"
	"os"
	"reflect"
	"testing"

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
	if *update {
		if err := os.WriteFile(snapshotFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", snapshotFile, len(want))
		return
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
		{"other file", string(snap), DefaultPrefix + "nosuch.yaml", src.Data, false},
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
		if o == nil || !reflect.DeepEqual(l.Entries, o.Entries) || !reflect.DeepEqual(l.EntryPos, o.EntryPos) || !reflect.DeepEqual(l.Forms(), o.Forms()) {
			t.Errorf("list %s differs", name)
		}
	}
}
