package extract

import (
	"maps"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestCaptureSets: equal capture maps come back as the first of them,
// different ones as themselves, empty ones untouched, and past
// maxCaptureSets distinct sets a new one is kept as it is.
func TestCaptureSets(t *testing.T) {
	var c captureSets
	a := map[string]rules.Span{"cue": {Start: 3, End: 4}, "speaker": {Start: 0, End: 2}}
	b := map[string]rules.Span{"speaker": {Start: 0, End: 2}, "cue": {Start: 3, End: 4}}
	d := map[string]rules.Span{"cue": {Start: 3, End: 5}, "speaker": {Start: 0, End: 2}}
	e := map[string]rules.Span{"cue": {Start: 34}, "speaker": {End: 2}} // not "cue" 3,4 by concatenation
	for _, tc := range []struct {
		name      string
		in, want  map[string]rules.Span
		wantShare bool
	}{
		{"first", a, a, true},
		{"equal", b, a, true},
		{"other span", d, d, true},
		{"other digits", e, e, true},
		{"equal again", maps.Clone(d), d, true},
		{"empty", map[string]rules.Span{}, nil, false},
	} {
		got, _ := c.intern(tc.in)
		if !maps.Equal(got, tc.in) {
			t.Errorf("%s: intern changed the captures: %v, want %v", tc.name, got, tc.in)
		}
		if tc.wantShare && !sameMap(got, tc.want) {
			t.Errorf("%s: got a map other than the one expected", tc.name)
		}
	}
	for i := range maxCaptureSets {
		c.intern(map[string]rules.Span{"cue": {Start: i + 100, End: i + 101}})
	}
	if len(c.byKey) != maxCaptureSets {
		t.Errorf("%d sets kept, want %d", len(c.byKey), maxCaptureSets)
	}
	late := map[string]rules.Span{"cue": {Start: 1 << 20}}
	if got, id := c.intern(late); !sameMap(got, late) || id != -1 {
		t.Errorf("a new set past the bound did not come back as itself, unshared (id %d)", id)
	}
}

// sameMap reports whether a and b are the same map (not only equal ones).
func sameMap(a, b map[string]rules.Span) bool {
	a["\x00probe"] = rules.Span{}
	_, ok := b["\x00probe"]
	delete(a, "\x00probe")
	return ok
}
