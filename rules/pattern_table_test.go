package rules

import (
	"reflect"
	"testing"
)

// TestPatternTable checks that each default pattern read from the embedded
// table equals the parser's, that a default load takes its patterns from
// the table, and that a pattern not in it is not found.
func TestPatternTable(t *testing.T) {
	srcs, err := defaultPatternSources()
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) < 50 {
		t.Fatalf("%d default patterns: want the base's and the packs'", len(srcs))
	}
	for _, src := range srcs {
		got, ok := tablePattern(src, &patternBlocks{})
		if !ok {
			t.Errorf("%q: not in the table (run `go generate ./rules`)", src)
			continue
		}
		want, err := ParsePattern(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: the table's pattern differs from the parser's", src)
		}
	}
	for _, src := range []string{"SPEAKER said QUOTE and nothing in the defaults", "", srcs[0] + " "} {
		if _, ok := tablePattern(src, &patternBlocks{}); ok {
			t.Errorf("%q: found in the table", src)
		}
	}
}

// TestPatternTableLoad checks that the attribution rules of a default load
// (which reads the table) have the patterns of a load that parses them:
// the same rules as the defaults loaded as user files.
func TestPatternTableLoad(t *testing.T) {
	base := DefaultBaseSources()
	got, err := loadWith(base, nil)
	if err != nil {
		t.Fatal(err)
	}
	user := make([]Source, len(base))
	for i, s := range base {
		user[i] = Source{Name: s.Name, Data: s.Data}
	}
	want, err := loadWith(user, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Attribution) != len(want.Attribution) {
		t.Fatalf("%d attribution rules, want %d", len(got.Attribution), len(want.Attribution))
	}
	// the lists the loads bound are their own: compare the patterns
	// without them
	var unbind func([]*item)
	unbind = func(its []*item) {
		for _, it := range its {
			unbindItem(it)
			for _, a := range it.alts {
				unbind(a)
			}
			unbind(it.neg)
		}
	}
	for i, g := range got.Attribution {
		w := want.Attribution[i]
		if g.Pattern != nil && w.Pattern != nil {
			unbind(g.Pattern.items)
			unbind(w.Pattern.items)
		}
		if g.ID != w.ID || !reflect.DeepEqual(g.Pattern, w.Pattern) {
			t.Errorf("rule %s: pattern differs from the parsed one of rule %s", g.ID, w.ID)
		}
	}
}

// TestPatternTableCorrupt checks that a damaged table gives a pattern or
// none, never a panic: every byte of a small one is flipped in turn.
func TestPatternTableCorrupt(t *testing.T) {
	srcs := []string{`SPEAKER (said | told @media){1,2} not:@determiners QUOTE`, `cue:"according to" PRONOUN , ^`}
	table, err := buildPatterns(srcs)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range srcs {
		if _, ok := readPattern(string(table), src, &patternBlocks{}); !ok {
			t.Fatalf("%q: not read back from its table", src)
		}
	}
	flipEach(t, "the pattern table", table, func(bad string) {
		for _, src := range srcs {
			_, _ = readPattern(bad, src, &patternBlocks{})
		}
	})
	if _, err := buildPatterns([]string{"SPEAKER ( said"}); err == nil {
		t.Errorf("a table was made of a pattern that does not parse")
	}
}
