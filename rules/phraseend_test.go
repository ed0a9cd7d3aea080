package rules

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMayEndPhraseLikeSpeakersAt checks mayEndPhrase against speakersAt:
// at every start of random sentences and of the sentences of the shipped
// texts, every phrase that speakersAt finds ends where mayEndPhrase allows
// one to; and mayEndPhrase must rule out some ends.
func TestMayEndPhraseLikeSpeakersAt(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// a crude tokenizer: words (inner apostrophes, hyphens and periods),
	// punctuation, dashes and quotations
	tokRe := regexp.MustCompile(`“[^”]*”|[\pL\pN][\pL\pN’'.-]*|’s|[—–]|[^\s\pL\pN]`)
	toks := func(s string) []Token {
		var out []Token
		first := true
		for _, w := range tokRe.FindAllString(s, -1) {
			tk := Token{Text: w, Lower: strings.ToLower(w), Kind: Word, Quote: -1, First: first}
			switch {
			case strings.HasPrefix(w, "“"):
				tk.Kind, tk.Quote = QuoteT, int32(len(out))
			case w == "—" || w == "–":
				tk.Kind = Dash
			case len(w) == 1 && strings.ContainsAny(w, ".,:;!?()<>\"'"):
				tk.Kind = Punct
			}
			tk.Cap = tk.Kind == Word && w[0] >= 'A' && w[0] <= 'Z'
			rs.Classify(&tk)
			out = append(out, tk)
			first = w == "." || w == "?" || w == "!"
		}
		return out
	}
	ends, ruled := 0, 0
	check := func(ts []Token) {
		for e := 0; e <= len(ts)+1; e++ {
			ends++
			if !rs.mayEndPhrase(ts, e) {
				ruled++
			}
		}
		for i := range ts {
			for _, p := range rs.speakersAt(ts, i, nil) {
				if !rs.mayEndPhrase(ts, p.Span.End) {
					var ws []string
					for _, tk := range ts {
						ws = append(ws, tk.Text)
					}
					t.Errorf("mayEndPhrase(%q, %d) is false, but speakersAt(%d) finds %v", strings.Join(ws, " "), p.Span.End, i, p)
				}
			}
		}
	}
	for _, s := range []string{
		"The committee met on Tuesday, and the mayor of Springfield, Jane Doe, said the plan was late.",
		"But in the end the state senator Bob Smith, 44, a farmer, told reporters that his nephew was away.",
		"Jane Doe, who coined the word, said the secretary of the said plan was late, said Jane Doe, the mayor.",
		"The secretary of State John Kerry (D-Mass.) and Mr. Smith of the University of Texas said so.",
		"Trump’s special envoy, Steve Witkoff, met Kremlin aide Yury Ushakov and Secretary of State John Kerry.",
		"Jane Doe, author of “The Bitter Pill,” said so; his wife, Gabriela Violeta Lazar, told him.",
		"U.S. special envoy for Ukraine Kurt Volker and Charles de Gaulle of the Board of Elections said it.",
	} {
		check(toks(s))
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range regexp.MustCompile(`[.!?]\s+`).Split(string(data), -1) {
			check(toks(s + "."))
		}
	}
	vocab := strings.Fields("the a his that this their some many one two state former senior new political " +
		"president mayor senator spokesman official officials aide envoy nephew board secretary " +
		"Mr. Mr Dr. Gov. Sen. The But In It He She They Will Tom King Amy Pope Jane Doe Smith Kremlin Committee " +
		"State Board Elections University Texas de van von of for and to who which whom in at on with by " +
		"said told is was has been will would also repeatedly ’s , , , . ( ) — “Yes,” “No” 44 D-Mass. R-Texas")
	rng := rand.New(rand.NewPCG(13, 5))
	for n := 0; n < 40000; n++ {
		check(toks(randomWords(rng, vocab, 3+rng.IntN(14))))
	}
	if ruled*10 < ends {
		t.Errorf("mayEndPhrase ruled out %d of %d ends, want a tenth or more", ruled, ends)
	}
	t.Logf("mayEndPhrase ruled out %d of %d ends", ruled, ends)
}

// randomWords returns n words of vocab drawn by rng, joined by spaces.
func randomWords(rng *rand.Rand, vocab []string, n int) string {
	ws := make([]string, n)
	for k := range ws {
		ws[k] = vocab[rng.IntN(len(vocab))]
	}
	return strings.Join(ws, " ")
}
