package extract

import (
	"reflect"
	"strings"
	"testing"
)

// TestLowHeadsLikeTitleHeads compares the heads lowHeads gives every
// entity, and the index headIndex builds from them, with those of
// titleHeads, which lowers and splits the titles one by one.
func TestLowHeadsLikeTitleHeads(t *testing.T) {
	prep := func(w string) bool { return w == "of" || w == "for" || w == "de" }
	cases := []struct {
		name   string
		titles [][]string
	}{
		{"none", [][]string{nil, {}}},
		{"one", [][]string{{"Mayor of Springfield"}}},
		{"cases", [][]string{{"CHIEF Executive", "chief executive of Acme", "Of counsel"}, {"Spokesman"}}},
		{"repeated", [][]string{{"law professor", "the Law Professor at WVU", "professor"}, nil, {"envoy for Ukraine"}}},
		{"unicode", [][]string{{"Премьер-МИНИСТР", "Ministre de l’Économie"}, {"ÉDITEUR  EN  CHEF"}}},
		{"lengths", [][]string{{"İMAM of Ankara", "Chief \u212Aeeper", "warden"}, {"ÇAVUŞ", "İ"}}},
		{"spaces", [][]string{{" ", "", "  Director  "}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ents []*entity
			var mentions []nameMention
			for i, ts := range c.titles {
				e := &entity{name: strings.Repeat("x", i+1), titles: ts}
				ents = append(ents, e)
				mentions = append(mentions, nameMention{start: i, ent: e}, nameMention{start: i + 10, ent: e})
			}
			stray := &entity{titles: []string{"Senator"}} // not in ents
			mentions = append(mentions, nameMention{start: 99, ent: stray})
			got := lowHeads(ents, prep)
			want := map[*entity][]string{}
			for _, e := range ents {
				titleHeads(want, e, prep)
			}
			for _, e := range ents {
				if !reflect.DeepEqual(got[e], want[e]) {
					t.Errorf("%q: lowHeads %q, titleHeads %q", e.titles, got[e], want[e])
				}
			}
			idx := headIndex(mentions, ents, prep)
			slow := map[string][]int{}
			for i, m := range mentions {
				for _, h := range titleHeads(want, m.ent, prep) {
					slow[h] = append(slow[h], i)
				}
			}
			if len(idx) != len(slow) {
				t.Fatalf("headIndex %v, slow %v", idx, slow)
			}
			for h, js := range slow {
				if !reflect.DeepEqual(idx[h], js) {
					t.Errorf("head %q: headIndex %v, slow %v", h, idx[h], js)
				}
			}
		})
	}
}
