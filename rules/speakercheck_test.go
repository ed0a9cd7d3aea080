package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestNoSpeakerAt checks the cheap test of SpeakersAt against the full
// parse: wherever noSpeakerAt says there is no phrase, speakersAt finds
// none, on written passages and on random runs of words that build
// speaker phrases (titles, names, determiners, verbs, punctuation). It
// also checks that the test does decide most plain words.
func TestNoSpeakerAt(t *testing.T) {
	rs, err := Load(DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	toks := func(s string) []Token {
		var out []Token
		first := true
		for _, w := range strings.Fields(s) {
			tk := Token{Text: w, Lower: strings.ToLower(w), Kind: Word, Quote: -1, First: first}
			switch {
			case strings.ContainsAny(w, ".,:;!?()"):
				tk.Kind = Punct
			case w == "—":
				tk.Kind = Dash
			}
			tk.Cap = w[0] >= 'A' && w[0] <= 'Z'
			rs.Classify(&tk)
			out = append(out, tk)
			first = w == "." || w == "?" || w == "!"
		}
		return out
	}
	decided, words := 0, 0
	// a reused array, dirty from the position before, gives the phrases
	// of a new one (SpeakersAtInto, the entity table's)
	buf := make([]SpeakerPhrase, 0, 8)
	// one window for every passage (Reset keeps its array of phrases),
	// asked from the last position to the first, and asked again after
	// all: its memo gives SpeakersAt's phrases, unchanged by the later ones
	win := rs.NewWindow(nil)
	check := func(ts []Token) {
		win.Reset(rs, ts)
		// SpeakersInto before the memo is made, then on a memo filled at
		// every other position: read from it or parsed into buf alike
		for i := len(ts); i >= 0; i-- {
			if got, want := win.SpeakersInto(i, buf), rs.SpeakersAt(ts, i); !slices.Equal(got, want) {
				t.Errorf("Window.SpeakersInto(%d) = %v before the memo, SpeakersAt %v", i, got, want)
			}
		}
		for i := 0; i <= len(ts); i += 2 {
			win.Speakers(i)
		}
		for i := len(ts); i >= 0; i-- {
			if got, want := win.SpeakersInto(i, buf), rs.SpeakersAt(ts, i); !slices.Equal(got, want) {
				t.Errorf("Window.SpeakersInto(%d) = %v, SpeakersAt %v", i, got, want)
			}
		}
		for pass := 0; pass < 2; pass++ {
			for i := len(ts); i >= 0; i-- {
				if got, want := win.Speakers(i), rs.SpeakersAt(ts, i); !slices.Equal(got, want) || cap(got) != len(got) {
					t.Errorf("Window.Speakers(%d) = %v (cap %d), SpeakersAt %v", i, got, cap(got), want)
				}
			}
		}
		for i := range ts {
			if ts[i].Kind == Word {
				words++
			}
			if got, want := rs.SpeakersAtInto(ts, i, buf), rs.SpeakersAt(ts, i); !slices.Equal(got, want) {
				t.Errorf("SpeakersAtInto(%d) = %v, SpeakersAt %v", i, got, want)
			}
			if !rs.noSpeakerAt(ts, i) {
				continue
			}
			decided++
			if ps := rs.speakersAt(ts, i, nil); len(ps) > 0 {
				var ws []string
				for _, tk := range ts {
					ws = append(ws, tk.Text)
				}
				t.Errorf("noSpeakerAt(%q, %d) is true, but speakersAt finds %v", strings.Join(ws, " "), i, ps[0])
			}
		}
	}
	for _, s := range []string{
		"The committee met on Tuesday , and the mayor of Springfield , Jane Doe , said the plan was late .",
		"But in the end the state senator Bob Smith , 44 , a farmer , told reporters that his nephew was away .",
		"In a statement , the former senior law enforcement official said the Democratic National Committee had been warned .",
		"Perhaps young voters will stay home . Many Republicans said the super PAC spokeswoman was right .",
		"It is late . Officials in the city said that a spokesman for the campaign declined to comment on the 14 days .",
		"Trump ’s special envoy , Steve Witkoff , met Kremlin aide Yury Ushakov and Secretary of State John Kerry .",
	} {
		check(toks(s))
	}
	vocab := strings.Fields("the a his that this their some many one two state former senior new political " +
		"president mayor senator spokesman official officials aide envoy nephew board " +
		"Mr. Dr. Gov. Sen. The But In It He She They Will Tom King Amy Pope Jane Doe Smith Kremlin Committee " +
		"said told is was has been will of for and in at ’s , . ( ) — said: 44")
	rng := rand.New(rand.NewPCG(14, 3))
	for n := 0; n < 20000; n++ {
		check(toks(randomWords(rng, vocab, 3+rng.IntN(9))))
	}
	if decided*4 < words {
		t.Errorf("noSpeakerAt decided %d of %d words, want a quarter or more", decided, words)
	}
}

// randomWords returns n words of vocab drawn by rng, joined by spaces.
func randomWords(rng *rand.Rand, vocab []string, n int) string {
	ws := make([]string, n)
	for k := range ws {
		ws[k] = vocab[rng.IntN(len(vocab))]
	}
	return strings.Join(ws, " ")
}
