package rules

import (
	mrand "math/rand"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
	vocab := strings.Fields("the a his that this their some many one two state former senior new political " +
		"president mayor senator spokesman official officials aide envoy nephew board secretary " +
		"Mr. Mr Dr. Gov. Sen. The But In It He She They Will Tom King Amy Pope Jane Doe Smith Kremlin Committee " +
		"State Board Elections University Texas de van von of for and to who which whom in at on with by " +
		"said told is was has been will would also repeatedly ’s , , , . ( ) — “Yes,” “No” 44 D-Mass. R-Texas " +
		"author host “The Apprentice,” “Off Message” Bank America AP Reuters Having Doyle super PAC spokeswoman " +
		"; : press campaign Ukraine Kurt Volker Washington Post posted hard fought to defend ’ Jr. 59")
	checkPhraseEnds(t, rs, vocab, 40000, []string{
		"The committee met on Tuesday, and the mayor of Springfield, Jane Doe, said the plan was late.",
		"But in the end the state senator Bob Smith, 44, a farmer, told reporters that his nephew was away.",
		"Jane Doe, who coined the word, said the secretary of the said plan was late, said Jane Doe, the mayor.",
		"The secretary of State John Kerry (D-Mass.) and Mr. Smith of the University of Texas said so.",
		"Trump’s special envoy, Steve Witkoff, met Kremlin aide Yury Ushakov and Secretary of State John Kerry.",
		"Jane Doe, author of “The Bitter Pill,” said so; his wife, Gabriela Violeta Lazar, told him.",
		"Sara Walker, 44, a home-care aide, who was polled, said it; said Jane Doe, the mayor of Springfield.",
		"The Washington Post reports that Trump’s spokesman for the campaign of Bank of America Hope said so.",
		"U.S. special envoy for Ukraine Kurt Volker and Charles de Gaulle of the Board of Elections said it.",
	}, true)
	// the language packs: their lists' words among the random ones (the
	// capitalised nouns of one, the genitive complements of another)
	for _, code := range DefaultPacks() {
		prs := rs.ForLang(code)
		if prs == nil {
			t.Fatalf("ForLang(%q) = nil", code)
		}
		words := slices.Clone(vocab)
		for _, name := range []string{ListSpeakerPreps, ListArticles, ListTitles, ListPersonNouns, ListHonorifics,
			ListDeterminers, ListPronouns, ListAux, ListRelatives, ListNameConnectors, ListFirstNames} {
			if l := prs.Lists[name]; l != nil {
				for n, w := range l.Forms() {
					if n >= 6 {
						break
					}
					words = append(words, w, strings.ToUpper(w[:1])+w[1:])
				}
			}
		}
		checkPhraseEnds(t, prs, words, 10000, nil, false)
	}
}

// checkPhraseEnds checks mayEndPhrase against speakersAt for rs on the
// texts, on the sentences of the shipped texts when shipped, and on n
// random sentences of vocab: every phrase that speakersAt finds at any
// start ends where mayEndPhrase allows one to. In a language without
// genitive complements it must rule out a quarter of the ends or more.
func checkPhraseEnds(t *testing.T, rs *Ruleset, vocab []string, n int, texts []string, shipped bool) {
	t.Helper()
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
	for _, s := range texts {
		check(toks(s))
	}
	var files []string
	if shipped {
		files, _ = filepath.Glob(filepath.Join("..", "testdata", "*", "*.txt"))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range regexp.MustCompile(`[.!?]\s+`).Split(string(data), -1) {
			check(toks(s + "."))
		}
	}
	rng := rand.New(rand.NewPCG(13, 5))
	for range n {
		check(toks(randomWords(rng, vocab, 3+rng.IntN(14))))
	}
	if ruled*4 < ends && !rs.Language.GenitiveComplements {
		t.Errorf("mayEndPhrase ruled out %d of %d ends, want a quarter or more", ruled, ends)
	}
	t.Logf("%s: mayEndPhrase ruled out %d of %d ends", rs.Lang(), ruled, ends)
}

// TestLastEndLikeTiles checks lastEnd against its definition: the last
// token after first and at most at the last cue at which mayEndPhrase
// holds and the fill tiles the tokens to a cue (reachesCue), 0 if none;
// and every tiling it leaves in the window's cueSeen is reachesCue's. On
// random sentences of the words of the rules of reported speech, for
// every rule that opens with SPEAKER and has a fill.
func TestLastEndLikeTiles(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "says", "told", "reporters", "he", "she", "The", "the", "official", "President",
		"Trump", "Smith", "spokesman", "according", "to", "as", "who", "has", "had", "also", "on", "Friday",
		"that", "it", "was", "announced", "and", "but", "saying", "warned", "talks", "were", "useful",
		"plan", "would", "fail", ",", ",", ":", ".", "–", "(", ")", "of", "for", "campaign", "last", "week",
		"Monday", "repeatedly", "will", "which", "wants", "CNN", "later", "promised", "hard", "defend",
		"in", "fact", "past", "at", "time", "recent", "days", "not", "been"}
	var rules []*AttrRule
	for _, r := range rs.Attribution {
		if rc := r.CueReach(); r.Reported() && r.Pattern != nil && rc.Gap >= 0 && rc.fill != nil {
			rules = append(rules, r)
		}
	}
	if len(rules) == 0 {
		t.Skip("no rule that opens with SPEAKER and has a fill")
	}
	rng := mrand.New(mrand.NewSource(22))
	found, none := 0, 0
	check := func(toks []Token, parts []string) {
		w := rs.NewWindow(toks)
		m := &w.m
		m.Window = w
		for _, r := range rules {
			reach := r.CueReach()
			set := rs.NewListSet(r.CueLists())
			var cues []int
			for i := range toks {
				if set.At(toks, i) != 0 {
					cues = append(cues, i)
				}
			}
			if len(cues) == 0 {
				continue
			}
			n := near{cues: cues, reach: &reach}
			for _, first := range []int{0, rng.Intn(len(toks))} {
				w.cueSeen = resetBytes(w.cueSeen, len(toks)+1)
				got := m.lastEnd(&n, first)
				want := 0
				for e := cues[len(cues)-1]; e > first; e-- {
					if rs.mayEndPhrase(toks, e) && m.reachesCue(&n, e) {
						want = e
						break
					}
				}
				if got != want {
					t.Fatalf("rule %s on %v from %d: lastEnd = %d, want %d", r.ID, parts, first, got, want)
				}
				for e, v := range w.cueSeen {
					if v != 0 && (v >= 2) != m.reachesCue(&n, e) {
						t.Fatalf("rule %s on %v from %d: lastEnd left %d at %d, reachesCue says %v", r.ID, parts, first, v, e, !(v >= 2))
					}
				}
				if got > 0 {
					found++
				} else {
					none++
				}
			}
		}
	}
	// entries of several words in the fill, whose inner words start none
	for _, s := range []string{
		"Smith at one point said the plan was late .",
		"Jane Doe could not say that it was late .",
		"The mayor , in recent days , told reporters the plan was late .",
		"In the past , the White House has fought hard to defend both of them .",
	} {
		parts := strings.Fields(s)
		toks, _ := sentence(parts...)
		for i := range toks {
			rs.Classify(&toks[i])
		}
		check(toks, parts)
	}
	for range 3000 {
		toks, parts := randomSentence(rs, rng, words, 3+rng.Intn(40))
		check(toks, parts)
	}
	if found == 0 || none == 0 {
		t.Errorf("lastEnd found an end %d times and none %d times: the sentences test too little", found, none)
	}
}
