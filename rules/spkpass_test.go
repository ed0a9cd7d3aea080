package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestParseSpeakersLikeSpeakers checks that a window whose memo
// ParseSpeakers filled over a range gives at every position the phrases
// that a window left to parse lazily gives (Speakers, SpeakersInto and the
// matcher's phrasesAt), and SpeakersAt's, on written sentences and random
// runs of their words, with ranges that cover, cut and overrun the
// tokens, and on a window reused by Reset.
func TestParseSpeakersLikeSpeakers(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pre, lazy := rs.NewWindow(nil), rs.NewWindow(nil)
	buf := make([]SpeakerPhrase, 0, 8)
	parsed := 0
	check := func(ts []Token, lo, hi int) {
		pre.Reset(rs, ts)
		lazy.Reset(rs, ts)
		if lo%3 == 0 {
			pre.Speakers(max(lo-1, 0)) // (a position the memo held before)
		}
		pre.ParseSpeakers(lo, hi)
		m := &matcher{Window: pre, quote: -1}
		for i := len(ts); i >= 0; i-- {
			want := rs.SpeakersAt(ts, i)
			if got := lazy.Speakers(i); !slices.Equal(got, want) {
				t.Fatalf("lazy Speakers(%d) = %v, SpeakersAt %v", i, got, want)
			}
			if got := pre.SpeakersInto(i, buf); !slices.Equal(got, want) {
				t.Errorf("%q: after ParseSpeakers(%d, %d), SpeakersInto(%d) = %v, want %v", textOf(ts), lo, hi, i, got, want)
			}
			if got := m.phrasesAt(i); !slices.Equal(got, want) || cap(got) != len(got) {
				t.Errorf("%q: after ParseSpeakers(%d, %d), phrasesAt(%d) = %v (cap %d), want %v", textOf(ts), lo, hi, i, got, cap(got), want)
			}
			if lo <= i && i <= hi && len(want) > 0 {
				parsed++
			}
		}
	}
	sentences := []string{
		"The committee met on Tuesday , and the mayor of Springfield , Jane Doe , said the plan was late .",
		"But in the end the state senator Bob Smith , 44 , a farmer , told reporters that his nephew was away .",
		"In a statement , the former senior law enforcement official said the Democratic National Committee had been warned .",
		"Officials in the city said that a spokesman for the campaign declined to comment on the 14 days .",
		"Trump ’s special envoy , Steve Witkoff , met Kremlin aide Yury Ushakov and Secretary of State John Kerry .",
		"Edward-Isaac Dovere and Gabriel Debenedetti reported that Mr. Trump , the president , said nothing .",
	}
	for _, s := range sentences {
		ts := classifiedSentence(rs, strings.Fields(s))
		for lo := -2; lo <= len(ts)+1; lo += 3 {
			for hi := lo - 1; hi <= len(ts)+2; hi += 4 {
				check(ts, lo, hi)
			}
		}
	}
	// random runs of the sentences' words (names, titles, determiners,
	// cue verbs, punctuation) in any order
	vocab := strings.Fields(strings.Join(sentences, " "))
	rng := rand.New(rand.NewPCG(20, 7))
	for n := 0; n < 5000; n++ {
		ts := classifiedSentence(rs, strings.Fields(randomWords(rng, vocab, 1+rng.IntN(24))))
		lo := rng.IntN(len(ts)+3) - 2
		check(ts, lo, lo+rng.IntN(len(ts)+2)-1)
	}
	if parsed == 0 {
		t.Error("no phrase in the ranges parsed")
	}
}

// textOf returns the texts of ts joined by spaces.
func textOf(ts []Token) string {
	ws := make([]string, len(ts))
	for i := range ts {
		ws[i] = ts[i].Text
	}
	return strings.Join(ws, " ")
}

// TestSpeakerStartsLikeMatchNear checks SpeakerStarts against MatchNear
// on random sentences, for the default rules of reported speech that open
// with one SPEAKER and have no pivot: where it tells no start, MatchNear
// finds no match; where it tells some, a match starts among them.
func TestSpeakerStartsLikeMatchNear(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var loops []*AttrRule
	for _, r := range rs.Attribution {
		if rc := r.CueReach(); r.Reported() && r.Pattern != nil && len(r.CueLists()) > 0 && rc.SpeakerLoop() {
			loops = append(loops, r)
		}
	}
	if len(loops) == 0 {
		t.Skip("no SPEAKER-first rule of reported speech without a pivot in the defaults")
	}
	words := strings.Fields("said told reporters he she The the official President Trump Smith spokesman " +
		"that it was announced and , , . : on Friday the talks were useful plan would fail Mr. Jane Doe")
	rng := rand.New(rand.NewPCG(20, 9))
	told, matched := 0, 0
	for n := 0; n < 3000; n++ {
		toks := classifiedSentence(rs, strings.Fields(randomWords(rng, words, 3+rng.IntN(20))))
		w := rs.NewWindow(toks)
		for _, r := range loops {
			reach := r.CueReach()
			cues := cuesAt(rs.NewListSet(r.CueLists()), toks)
			if len(cues) == 0 {
				continue
			}
			lo := max(0, cues[0]-reach.Lead)
			hi := cues[len(cues)-1]
			first, last := w.SpeakerStarts(lo, hi, cues, &reach)
			m, ok := w.MatchNear(r, lo, hi, cues, &reach)
			if first <= last {
				told++
			}
			if !ok {
				continue
			}
			matched++
			if s := m.Span.Start; s < first || s > last {
				t.Fatalf("rule %s on %q: a match from %d, SpeakerStarts %d to %d", r.ID, textOf(toks), s, first, last)
			}
		}
	}
	if told == 0 || matched == 0 {
		t.Errorf("%d ranges told, %d matches: want some of both", told, matched)
	}
}
