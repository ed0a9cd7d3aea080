package rules

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestPhrasesAtLikeSpeakersAt checks that phrasesAt, which fills the
// window's memo itself up to noSpeakerAt, gives SpeakersAt's phrases at
// every position, asked first through phrasesAt or through Speakers, on
// random sentences of speaker words.
func TestPhrasesAtLikeSpeakersAt(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"the", "The", "official", "President", "Trump", "Smith", "spokesman", "he", "she", "his",
		"said", "and", "a", "former", "senior", "adviser", "to", "of", "State", "Department", ",", ".", "who",
		"Mr.", "John", "told", "reporters", "it", "was", "Q:quote"}
	cases := []struct {
		name    string
		warmFor int // positions whose phrases Speakers computes first (every warmFor-th)
	}{
		{"phrasesAt first", 0},
		{"Speakers first", 3},
	}
	for _, c := range cases {
		rng := rand.New(rand.NewSource(5))
		found := 0
		for n := 0; n < 1500; n++ {
			toks, parts := randomSentence(rs, rng, words, 1+rng.Intn(25))
			w := rs.NewWindow(toks)
			m := &matcher{Window: w, quote: -1}
			if c.warmFor > 0 {
				for i := 0; i <= len(toks); i += c.warmFor {
					w.Speakers(i)
				}
			}
			for i := 0; i <= len(toks); i++ {
				want := rs.SpeakersAt(toks, i)
				got := m.phrasesAt(i)
				if len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: phrasesAt(%q, %d) = %v, want %v", c.name, strings.Join(parts, " "), i, got, want)
				}
				found += len(want)
			}
		}
		if found == 0 {
			t.Errorf("%s: no speaker phrase in the sentences", c.name)
		}
	}
}
