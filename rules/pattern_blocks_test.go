package rules

import (
	"reflect"
	"testing"
)

// TestPatternBlocks checks that patterns parsed from the blocks of one load
// (patternBlocks) are those ParsePattern gives alone, and that an append to
// one's item list does not write into the next one's.
func TestPatternBlocks(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	srcs := []string{
		`SPEAKER "said" QUOTE`,
		`QUOTE , (who:SPEAKER | PRONOUN) (@say_verbs | "told" CAP) .?`,
		`not:("the" | @titles){1,3} ANY* ^ CLAUSE $`,
	}
	for _, r := range rs.Attribution {
		if r.Pattern != nil {
			srcs = append(srcs, r.Pattern.Source)
		}
	}
	shared := &patternBlocks{shared: true}
	var got []*Pattern
	for _, src := range srcs {
		p, err := parsePattern(src, shared)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		got = append(got, p)
	}
	for i, src := range srcs {
		want, err := ParsePattern(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("%q: parsed with shared blocks differs from alone", src)
		}
		if its := got[i].items; cap(its) != len(its) {
			t.Errorf("%q: item list has capacity %d for %d items", src, cap(its), len(its))
		}
	}
	// an append to the first pattern's list copies it: the second is intact
	before := append([]*item(nil), got[1].items...)
	_ = append(got[0].items, &item{op: opAny})
	if !reflect.DeepEqual(got[1].items, before) {
		t.Error("an append to one pattern's items changed the next pattern's")
	}
	// a failed parse leaves the blocks usable for the next pattern
	if _, err := parsePattern(`QUOTE (SPEAKER`, shared); err == nil {
		t.Fatal("an unclosed group parsed")
	}
	p, err := parsePattern(srcs[0], shared)
	if err != nil || !reflect.DeepEqual(p, got[0]) {
		t.Errorf("after a failed parse: %v, equal %v", err, reflect.DeepEqual(p, got[0]))
	}
}
