package extract

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// titleHeads returns the head nouns (last words, lower case) of the titles
// of e, each once, in the order of the titles, memoised in memo: the
// titles lowered and split one by one, as the index did before headsOf.
func titleHeads(memo map[*entity][]string, e *entity, prep func(string) bool) []string {
	if hs, ok := memo[e]; ok {
		return hs
	}
	var hs []string
	for _, t := range e.titles {
		if last := headWord(strings.ToLower(t), prep); last != "" && !slices.Contains(hs, last) {
			hs = append(hs, last)
		}
	}
	memo[e] = hs
	return hs
}

// headNames returns the heads of e that headsOf numbered in hx.
func headNames(hx *headIndex, e *entity) []string {
	var hs []string
	for _, h := range e.heads {
		hs = append(hs, hx.names[h])
	}
	return hs
}

// TestLowHeadsLikeTitleHeads compares the heads headsOf gives every
// entity, and the index newHeadIndex builds from them, with those of
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
			idx := newHeadIndex(mentions, ents, prep)
			want := map[*entity][]string{}
			for _, e := range append(ents, stray) {
				if got := headNames(idx, e); !reflect.DeepEqual(got, titleHeads(want, e, prep)) {
					t.Errorf("%q: headsOf %q, titleHeads %q", e.titles, got, want[e])
				}
			}
			slow := map[string][]int{}
			for i, m := range mentions {
				for _, h := range titleHeads(want, m.ent, prep) {
					slow[h] = append(slow[h], i)
				}
			}
			if len(idx.names) != len(slow) || len(idx.ids) != len(slow) {
				t.Fatalf("headIndex %v, slow %v", idx, slow)
			}
			for h, js := range slow {
				if !reflect.DeepEqual(idx.of(h), js) {
					t.Errorf("head %q: headIndex %v, slow %v", h, idx.of(h), js)
				}
			}
		})
	}
}
