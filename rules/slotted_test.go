package rules

import (
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestSlottedLikeMaps checks the look-ups by slot (slotted) against the
// maps they replace, on every language of the default rules: the clause
// stops' phrases by their second words (stopAt), and the first words of
// the phrases of a ListSet of the first 64 lists (phrasesAt), asked of
// every word of every entry of the lists and a few others.
func TestSlottedLikeMaps(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range def.Langs() {
		rs := def.ForLang(code)
		if rs == nil {
			continue
		}
		t.Run(code, func(t *testing.T) {
			words := slottedWords(rs)
			if l := rs.Lists[ListClauseStops]; l != nil {
				stopsLikeMap(t, l, words)
			}
			var own []*List
			names := make([]string, 0, len(rs.Lists))
			for name := range rs.Lists {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				if l := rs.Lists[name]; l != nil && l.owner == rs && len(own) < 64 {
					own = append(own, l)
				}
			}
			firstsLikeMap(t, rs.NewListSet(own), own, words)
		})
	}
}

// slottedWords returns the words of the entries of rs's lists, with a
// few that are in none.
func slottedWords(rs *Ruleset) []string {
	words := []string{"", "zebra", "the", "and", "said", "x"}
	for _, l := range rs.Lists {
		if l == nil {
			continue
		}
		for _, f := range l.Forms() {
			words = append(words, strings.Split(f, " ")...)
		}
		for w, ps := range l.phraseRows() {
			words = append(words, w)
			for k := range ps.len() {
				words = append(words, ps.at(k)...)
			}
		}
	}
	slices.Sort(words)
	return slices.Compact(words)
}

// stopsLikeMap checks newClauseLists' phrases of each second word against
// a map of the stops' phrases by their second words.
func stopsLikeMap(t *testing.T, stops *List, words []string) {
	t.Helper()
	cl := newClauseLists(nil, nil, stops)
	ref := map[string][]stopPhrase{}
	for w, ps := range stops.phraseRows() {
		for k := range ps.len() {
			if p := ps.at(k); len(p) >= 2 {
				ref[p[1]] = append(ref[p[1]], stopPhrase{w, p})
			}
		}
	}
	if cl.seconds == nil {
		return // (a list with a one-word phrase: ListAt tells the stops)
	}
	for _, w := range words {
		var got []stopPhrase
		for _, p := range cl.seconds.at(phraseSlot(w)) {
			if p.words[1] == w {
				got = append(got, p)
			}
		}
		// (as sets: phraseRows gives the phrases in no set order)
		if g, r := stopKeys(got), stopKeys(ref[w]); !slices.Equal(g, r) {
			t.Errorf("second word %q: phrases %q, the map's %q", w, g, r)
		}
	}
}

// stopKeys returns the phrases of ps as sorted strings (first word, then
// the words).
func stopKeys(ps []stopPhrase) []string {
	out := make([]string, len(ps))
	for k, p := range ps {
		out[k] = p.first + "|" + strings.Join(p.words, " ")
	}
	slices.Sort(out)
	return out
}

// firstsLikeMap checks the ListSet's lists of each first word (by its
// slot) against a map of the first words of the phrases of ls.
func firstsLikeMap(t *testing.T, s *ListSet, ls []*List, words []string) {
	t.Helper()
	ref := map[string]uint64{}
	for k, l := range ls {
		if l.owner == s.rs && l.maxLen > 1 {
			for w := range l.phraseRows() {
				ref[w] |= 1 << k
			}
		}
	}
	for _, w := range words {
		var got uint64
		n := 0
		for _, e := range s.first.at(phraseSlot(w)) {
			if e.word == w {
				got, n = e.lists, n+1
			}
		}
		if got != ref[w] || n > 1 {
			t.Errorf("first word %q: lists %b (%d entries), the map's %b", w, got, n, ref[w])
		}
	}
}

// TestFewWordsLikeInList checks fewWords.has against InList, for every
// list of every language of the default rules (those without a class bit
// and with few words are told by their words: name_linkers and
// name_joiners) and no list, on every word of the lists' entries and a
// few others, classified or not.
func TestFewWordsLikeInList(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	told := 0
	for _, code := range def.Langs() {
		rs := def.ForLang(code)
		if rs == nil {
			continue
		}
		words := slottedWords(rs)
		lists := []*List{nil}
		for _, l := range rs.Lists {
			lists = append(lists, l)
		}
		for _, l := range lists {
			f := rs.newFewWords(l)
			if f.few && l != nil {
				told++
			}
			for _, w := range words {
				for _, classify := range []bool{false, true} {
					tk := Token{Text: w, Lower: w, Kind: Word, Quote: -1}
					if classify {
						rs.Classify(&tk)
					}
					if got, want := f.has(rs, &tk), rs.InList(l, &tk); got != want {
						t.Errorf("%s: has(%q, classified %v) = %v, InList %v", code, w, classify, got, want)
					}
				}
			}
		}
	}
	if rs := def.ForLang("en"); rs != nil && rs.speakerBits.nameLinkers == 0 && !rs.speakerLists.linkers.few {
		t.Error("the default name_linkers list is not told by its words")
	}
	if told == 0 {
		t.Error("no list is told by its words: the test tells nothing")
	}
}
