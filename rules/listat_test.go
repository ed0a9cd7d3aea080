package rules

import (
	"slices"
	"sort"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestListAtLikeMatchAt checks ListAt and ListSet.At, with their filters
// of first and second words (and ListAt's of the first words' classes,
// List.phraseKeys), against MatchAt (which tells each phrase by
// comparing its words) on sentences made of every phrase of the lists of
// every language of the default rules: the phrase alone, after a word,
// before one, cut after its first word, with its second word replaced,
// and with a capital (whose classes may differ).
func TestListAtLikeMatchAt(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range def.Langs() {
		if rs := def.ForLang(code); rs != nil {
			t.Run(code, func(t *testing.T) { listAtLikeMatchAt(t, rs) })
		}
	}
}

// listAtLikeMatchAt runs TestListAtLikeMatchAt on the lists of rs.
func listAtLikeMatchAt(t *testing.T, rs *Ruleset) {
	names := make([]string, 0, len(rs.Lists))
	for name := range rs.Lists {
		names = append(names, name)
	}
	sort.Strings(names)
	var own []*List // the first 64 lists of the ruleset, for a ListSet of many
	for _, name := range names {
		if l := rs.Lists[name]; l != nil && l.owner == rs && len(own) < 64 {
			own = append(own, l)
		}
	}
	many := rs.NewListSet(own)
	checked, filtered := 0, 0
	for _, name := range names {
		l := rs.Lists[name]
		if l == nil || l.owner != rs || l.numPhraseRows() == 0 {
			continue
		}
		set := rs.NewListSet([]*List{l})
		sets := []*ListSet{set, many}
		for _, ps := range l.phraseRows() {
			for k := range ps.len() {
				p := ps.at(k)
				variants := [][]string{
					p,
					append([]string{"we"}, p...),
					append(append([]string{}, p...), "today"),
					p[:1],
					append([]string{p[0], "zebra"}, p[2:]...),
					append([]string{capitalized(p[0])}, p[1:]...),
				}
				for _, parts := range variants {
					toks, _ := sentence(parts...)
					raw := slices.Clone(toks) // unclassified: Hits goes on by At
					for i := range toks {
						rs.Classify(&toks[i])
					}
					for _, s := range sets {
						if got, want := s.Hits(raw, nil), s.Hits(toks, nil); !slices.Equal(got, want) {
							t.Fatalf("%s: ListSet.Hits(%q) unclassified = %v, classified %v", name, parts, got, want)
						}
						// Hits is At at every word, inline
						var want []ListHit
						for i := range toks {
							if b := s.At(toks, i); b != 0 && toks[i].Kind == Word {
								want = append(want, ListHit{i, b})
							}
						}
						if got := s.Hits(toks, nil); !slices.Equal(got, want) {
							t.Fatalf("%s: ListSet.Hits(%q) = %v, At %v", name, parts, got, want)
						}
					}
					for i := range toks {
						got, want := rs.ListAt(l, toks, i), l.MatchAt(toks, i)
						if got != want {
							t.Fatalf("%s: ListAt(%q, %d) = %d, MatchAt %d", name, parts, i, got, want)
						}
						if got := set.At(toks, i); got != 0 != (want > 0) {
							t.Fatalf("%s: ListSet.At(%q, %d) = %b, MatchAt %d", name, parts, i, got, want)
						}
						checked++
						if i+1 < len(toks) && l.firsts&firstBit(toks[i].Lower) != 0 {
							if k, b := phraseBit(toks[i+1].Lower); l.seconds[k]&b == 0 {
								filtered++
							}
						}
					}
				}
			}
		}
	}
	if checked == 0 || filtered == 0 {
		t.Fatalf("checked %d positions, %d told by the second-word filter: want some of each", checked, filtered)
	}
}

// capitalized returns w with its first letter upper-case.
func capitalized(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}
