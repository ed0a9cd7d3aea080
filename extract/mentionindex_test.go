package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestLatestByKey: link resolves a one-word name to the entity of the
// latest mention with that last name, as the scan back over every mention
// that the index replaced did — here run next to it at every step, on
// sequences where a last name is shared, repeated, and met again after
// other names, and after the mentions were reordered.
func TestLatestByKey(t *testing.T) {
	for _, names := range [][]string{
		{"Maria Lopez", "Carlos Lopez", "Lopez", "Anna Berg", "Lopez", "Maria Lopez", "Lopez", "Berg"},
		{"Reed", "John Reed", "Jane Reed", "Reed", "Tom Hale", "Hale", "John Reed", "REED"},
		{"Ana Costa", "Costa", "Pedro Costa", "Costa", "Ana Costa", "Costa", "Costa"},
	} {
		es := &entities{byKey: map[string]*keyEntry{}}
		for i, name := range names {
			ws := strings.Fields(name)
			key := strings.ToLower(ws[len(ws)-1])
			var want *entity
			if ke := es.byKey[key]; len(ws) == 1 && ke != nil && len(ke.ents) > 0 {
				want = ke.ents[0]
				for k := len(es.mentions) - 1; k >= 0; k-- {
					if m := es.mentions[k]; strings.EqualFold(m.ent.words[len(m.ent.words)-1], ws[0]) {
						want = m.ent
						break
					}
				}
			}
			e, ke := es.linkEntry(ws, key, name)
			if want != nil && e != want {
				t.Errorf("%q, step %d: %q linked to %q, the scan finds %q", names, i, name, e.name, want.name)
			}
			es.mentions = append(es.mentions, nameMention{start: len(names) - i, ent: e})
			ke.latest = e
		}
		// reordered (by start, here the reverse): rebuilt, the last one wins
		slices.Reverse(es.mentions)
		es.rebuildLatest()
		for key := range es.byKey {
			var want *entity
			for _, m := range es.mentions {
				if strings.EqualFold(m.ent.words[len(m.ent.words)-1], key) {
					want = m.ent
				}
			}
			if got := es.byKey[key].latest; got != want {
				t.Errorf("%q rebuilt: latest[%q] = %q, want %q", names, key, got.name, want.name)
			}
		}
	}
}

// TestTitleHeads: the head nouns of an entity's titles, lower case, each
// once, in the order of the titles.
// isOf stands for the speaker prepositions list in the tests.
func isOf(w string) bool { return w == "of" }

func TestTitleHeads(t *testing.T) {
	for _, tc := range []struct {
		titles []string
		want   []string
	}{
		{nil, nil},
		{[]string{"Kremlin aide"}, []string{"aide"}},
		{[]string{"special envoy", "Trump’s special envoy", "Foreign Minister"}, []string{"envoy", "minister"}},
		{[]string{"  ", "chief  Executive "}, []string{"executive"}},
		{[]string{"mayor of Springfield", "Mayor"}, []string{"mayor"}},
		{[]string{"of counsel"}, []string{"counsel"}}, // a phrase word first is no phrase
	} {
		e := &entity{titles: tc.titles}
		memo := map[*entity][]string{}
		if got := titleHeads(memo, e, isOf); !slices.Equal(got, tc.want) {
			t.Errorf("titleHeads(%q) = %q, want %q", tc.titles, got, tc.want)
		}
		if got := titleHeads(memo, e, isOf); !slices.Equal(got, tc.want) {
			t.Errorf("titleHeads(%q), memoised = %q, want %q", tc.titles, got, tc.want)
		}
	}
}

// TestHeadIndex: each head noun lists, in order, the mentions whose entity
// has a title with that head, as appending mention by mention did.
func TestHeadIndex(t *testing.T) {
	aide := &entity{titles: []string{"Kremlin aide", "senior aide"}}
	envoy := &entity{titles: []string{"special envoy", "Foreign Minister"}}
	none := &entity{}
	ms := []nameMention{{ent: aide}, {ent: none}, {ent: envoy}, {ent: aide}, {ent: envoy}}
	want := map[string][]int{}
	for i, m := range ms {
		for _, h := range titleHeads(map[*entity][]string{}, m.ent, isOf) {
			want[h] = append(want[h], i)
		}
	}
	got := newHeadIndex(ms, nil, isOf)
	if len(got.names) != len(want) {
		t.Fatalf("headIndex: %v, want %v", got, want)
	}
	for h, w := range want {
		if !slices.Equal(got.of(h), w) {
			t.Errorf("headIndex[%q] = %v, want %v", h, got.of(h), w)
		}
	}
	if len(newHeadIndex(nil, nil, isOf).names) != 0 {
		t.Errorf("headIndex(nil, nil, isOf) not empty")
	}
}

// TestHolding: the mentions by title head whose entity's titles hold a
// descriptor's other words, as the scan back and forth from every
// descriptor that the memo replaced finds them, at every offset.
func TestHolding(t *testing.T) {
	us := &entity{name: "A", titles: []string{"US President"}}
	ru := &entity{name: "B", titles: []string{"Russian President", "former KGB officer"}}
	fr := &entity{name: "C", titles: []string{"president of France", "former minister"}}
	order := []*entity{us, ru, fr, ru, us, fr, fr, ru}
	es := &entities{}
	for i, e := range order {
		es.mentions = append(es.mentions, nameMention{start: 10 * i, ent: e})
	}
	es.byHead = newHeadIndex(es.mentions, es.list, isOf)
	scan := func(idx []int, k int, mods []string) *entity {
		for j := k - 1; j >= 0; j-- {
			if c := es.mentions[idx[j]].ent; titleHolds(c, mods) {
				return c
			}
		}
		for j := k; j < len(idx); j++ {
			if c := es.mentions[idx[j]].ent; titleHolds(c, mods) {
				return c
			}
		}
		return nil
	}
	for _, mods := range [][]string{{"us"}, {"russian"}, {"former"}, {"france"}, {"former", "kgb"}, {"german"}} {
		idx := es.byHead.of("president")
		for k := 0; k <= len(idx); k++ {
			want := scan(idx, k, mods)
			js := es.holding("president", mods)
			var got *entity
			p, _ := slices.BinarySearch(js, k)
			if p > 0 {
				got = es.mentions[idx[js[p-1]]].ent
			} else if p < len(js) {
				got = es.mentions[idx[js[p]]].ent
			}
			if got != want {
				t.Errorf("mods %q at %d: got %v, the scan finds %v", mods, k, got, want)
			}
		}
	}
}
