package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestSpeakersMemoGenerations checks the window's memo of speaker phrases,
// which Reset does not clear (a new generation): one window reset for
// sentences of different lengths, across the wrap of its generation (where
// the memo is cleared), asked by Speakers and by the matcher's phrasesAt in
// turn, gives at every position the phrases of a fresh window.
func TestSpeakersMemoGenerations(t *testing.T) {
	rs, err := Load(DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	sents := []string{
		"Yury Ushakov , the Kremlin aide , said on Monday that talks went well .",
		"He said so .",
		"The Russian presidential aide told reporters the meeting was over , officials said .",
		"Officials said .",
	}
	var toks [][]Token
	for _, s := range sents {
		var ts []Token
		for i, w := range strings.Fields(s) {
			tk := Token{Text: w, Lower: strings.ToLower(w), Kind: Word, Quote: -1, First: i == 0, Cap: w[0] >= 'A' && w[0] <= 'Z'}
			if strings.ContainsAny(w, ".,") {
				tk.Kind = Punct
			}
			rs.Classify(&tk)
			ts = append(ts, tk)
		}
		toks = append(toks, ts)
	}
	win := rs.NewWindow(nil)
	for _, start := range []uint16{0, 1, 0xffff - 5} {
		win.spkGen = start
		for n := 0; n < 12; n++ {
			ts := toks[n%len(toks)]
			win.Reset(rs, ts)
			for i := len(ts); i >= 0; i -= 1 + n%2 { // (some positions left unasked)
				var got []SpeakerPhrase
				if n%3 == 0 {
					got = win.Speakers(i)
				} else {
					win.m.Window = win
					got = win.m.phrasesAt(i)
				}
				if want := rs.NewWindow(ts).Speakers(i); !slices.Equal(got, want) || cap(got) != len(got) {
					t.Fatalf("generation %d, sentence %d, position %d: %v (cap %d), a fresh window %v", win.spkGen, n%len(toks), i, got, cap(got), want)
				}
			}
		}
	}
}
