package rules

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// noSpeakerAtRef is noSpeakerAt as it was before it asked titleAhead after
// the descriptor's scan (at the start, for every lower-case word): the
// slow path that TestNoSpeakerAtLikeRef compares it with.
func (rs *Ruleset) noSpeakerAtRef(toks []Token, i int) bool {
	switch {
	case i < 0:
		return false
	case i >= len(toks) || toks[i].Kind != Word || rs.isPossessive(&toks[i]):
		return true
	case rs.InList(rs.speakerLists.pronouns, &toks[i]):
		return false
	}
	b := &rs.speakerBits
	j := i
	if rs.InList(rs.speakerLists.determiners, &toks[i]) {
		j++
	}
	if j < len(toks) {
		u := &toks[j]
		cu := rs.cls(u)
		nameless := cu&(b.notNames|b.pronouns) != 0 && cu&b.firstNames == 0 || u.First && cu&b.openers != 0
		if u.Kind == Word && (u.Cap && (j > i || !nameless) ||
			cu&(b.titles|b.titleModifiers|classTitleSuffix|b.honorifics|b.personNouns) != 0 ||
			!u.Cap && rs.titleAhead(toks, j)) {
			return false
		}
	}
	for k := j; k < len(toks) && k-j < 7; k++ {
		u := &toks[k]
		if k > j && rs.inBit(rs.speakerLists.possessives, rs.speakerBits.possessives, u) {
			continue
		}
		if u.Kind != Word {
			return true
		}
		c := rs.cls(u)
		if c&b.pronouns != 0 || k > j && c&b.determiners != 0 {
			return true
		}
		if c&(b.titles|b.personNouns|classTitleSuffix) != 0 {
			return false
		}
		if c&b.aux != 0 || c&b.notNames != 0 && !u.Cap {
			return true
		}
	}
	return true
}

// TestNoSpeakerAtLikeRef checks that noSpeakerAt, which asks titleAhead
// only where the descriptor's scan stops short of a title it could not
// see, answers as noSpeakerAtRef at every position of random sentences of
// speaker words (titles, modifiers, pronouns, auxiliaries, cue verbs,
// possessives, punctuation), classified or not, in English and in a
// language that capitalises its nouns.
func TestNoSpeakerAtLikeRef(t *testing.T) {
	all, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []langWords{
		{"en", strings.Fields("the The a his that this their some many one two state former senior new political " +
			"president mayor senator spokesman official officials aide envoy nephew board super PAC spokeswoman campaign " +
			"Mr. Dr. Gov. Sen. But In It it He he him She They Perhaps Will Tom King Amy Pope Jane Doe Smith Kremlin Committee Republican " +
			"said told says is was has been will of for and in at ’s ' , . ( ) — 44 WASHINGTON Twenty-two")},
		{"de", strings.Fields("der die Die das ein eine sein Der Sprecher Polizei Bürgermeister Stadt Präsidentin Universität " +
			"Sabine Vogel Jonas Krüger Stürmer CDU-Politiker Müller zur Nachrichtenagentur dpa Polizeisprecher Berliner " +
			"sagte sagt ist hat er sie und von im , . —")},
	}
	for _, c := range cases {
		rs := all.ForLang(c.lang)
		rng := rand.New(rand.NewSource(13))
		decided, words, plains := 0, 0, 0 // plains: told by plainNoSpeaker
		for n := 0; n < 20000; n++ {
			toks, parts := randomSentence(rs, rng, c.words, 1+rng.Intn(16))
			for i := range toks {
				r, _ := utf8.DecodeRuneInString(toks[i].Text)
				toks[i].Cap = unicode.IsUpper(r)
				toks[i].First = i == 0 || toks[i-1].Text == "."
				toks[i].class = 0
				if n%4 != 0 { // a quarter unclassified: looked up by the lists
					rs.Classify(&toks[i])
				}
			}
			for i := -1; i <= len(toks); i++ {
				got, want := rs.noSpeakerAt(toks, i), rs.noSpeakerAtRef(toks, i)
				if got != want {
					t.Fatalf("%s: noSpeakerAt(%q, %d) = %v, want %v", c.lang, strings.Join(parts, " "), i, got, want)
				}
				if plain := rs.plainNoSpeaker(toks, i); plain && !want {
					t.Fatalf("%s: plainNoSpeaker(%q, %d) holds, noSpeakerAt does not", c.lang, strings.Join(parts, " "), i)
				} else if plain {
					plains++
				}
				if i >= 0 && i < len(toks) && toks[i].Kind == Word {
					words++
					if got {
						decided++
					}
				}
			}
		}
		if decided*4 < words {
			t.Errorf("%s: noSpeakerAt decided %d of %d words, want a quarter or more", c.lang, decided, words)
		}
		if plains*10 < decided {
			t.Errorf("%s: plainNoSpeaker told %d of the %d words noSpeakerAt decided, want a tenth or more", c.lang, plains, decided)
		}
	}
}
