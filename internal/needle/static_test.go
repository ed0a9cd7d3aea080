package needle

import (
	"reflect"
	"strings"
	"testing"
)

// TestFromData checks that an index made from its Data is the index, for
// one with the fast automaton, one with the plain automaton only and one
// with no needles.
func TestFromData(t *testing.T) {
	f := Of(`(?i)^(?:comments?|leave a reply|share this)`)
	many := make([]string, 0, 3000)
	for i := 0; i < 3000; i++ {
		many = append(many, strings.Repeat(string(rune('a'+i%26)), 1+i%5)+string(rune('a'+i/26%26))+string(rune('a'+i/676)))
	}
	for _, c := range []struct {
		name string
		list []Rule
	}{
		{"fast", []Rule{{Filter: &f, Phase: PhaseLine, MaxWords: 12}, {Forms: []string{"subscribe now", "cookie policy"}, Phase: PhaseRest}, {Phase: -1}}},
		{"plain", []Rule{{Forms: many[:60], Phase: PhaseScore, MinWords: 3}, {Forms: many[60:120], Phase: PhaseLine}, {Forms: many[120:180]}, {Forms: many[180:240]}}},
		{"none", []Rule{{Phase: PhaseLate, MinWords: 100}}},
	} {
		x := Build(c.list)
		d := x.Data()
		got := FromData(&d)
		if !reflect.DeepEqual(got, x) {
			t.Errorf("%s: the index from its data differs from the index", c.name)
		}
	}
	bad := Build(nil).Data()
	bad.PhaseStart = bad.PhaseStart[:3]
	if FromData(&bad) != nil {
		t.Errorf("FromData of a short PhaseStart: an index, want nil")
	}
}
