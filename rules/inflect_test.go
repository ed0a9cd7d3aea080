package rules

import (
	"slices"
	"testing"
)

func TestVerbForms(t *testing.T) {
	tests := []struct {
		lemma string
		want  []string // forms that must be generated
		not   []string // forms that must not
	}{
		{"zorble", []string{"zorbles", "zorbled", "zorbling"}, []string{"zorbleed", "zorbleing"}},
		{"quip", []string{"quips", "quipped", "quipping"}, nil},
		{"reply", []string{"replies", "replied", "replying"}, []string{"replyed"}},
		{"say", []string{"says", "saying"}, []string{"saies"}},
		{"admit", []string{"admits", "admitted", "admitting"}, nil},
		{"tweet", []string{"tweets", "tweeted", "tweeting"}, []string{"tweetted"}},
		{"agree", []string{"agrees", "agreed", "agreeing"}, []string{"agreing"}},
		{"die", []string{"dies", "died", "dying"}, nil},
		{"echo", []string{"echoes", "echoed", "echoing"}, nil},
		{"stress", []string{"stresses", "stressed", "stressing"}, nil},
		{"vow", []string{"vows", "vowed", "vowing"}, []string{"vowwed"}},
		{"mimic", []string{"mimics", "mimicked", "mimicking"}, nil},
		{"point out", []string{"points out", "pointed out", "pointing out"}, nil},
		{"a", nil, nil},
	}
	for _, tc := range tests {
		got := verbForms(tc.lemma)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("verbForms(%q) = %v, lacks %q", tc.lemma, got, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("verbForms(%q) = %v, holds %q", tc.lemma, got, w)
			}
		}
	}
}

func TestNounPlurals(t *testing.T) {
	tests := []struct{ noun, want string }{
		{"official", "officials"},
		{"spokesman", "spokesmen"},
		{"spokeswoman", "spokeswomen"},
		{"authority", "authorities"},
		{"boss", "bosses"},
		{"attorney", "attorneys"},
		{"prime minister", "prime ministers"},
		{"coach", "coaches"},
	}
	for _, tc := range tests {
		if got := nounPlurals(tc.noun); !slices.Contains(got, tc.want) {
			t.Errorf("nounPlurals(%q) = %v, want %q", tc.noun, got, tc.want)
		}
	}
}

func toks(words ...string) []Token {
	var out []Token
	for _, w := range words {
		out = append(out, Token{Text: w, Lower: lower(w), Kind: Word, Quote: -1})
	}
	return out
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func TestListMatching(t *testing.T) {
	mk := func(kind ListKind, entries ...string) *List {
		l := &List{Name: "t", Kind: kind, Entries: entries, Attrs: map[string]string{}}
		l.compile()
		return l
	}
	tests := []struct {
		name string
		list *List
		toks []Token
		at   int
		want int // tokens matched
	}{
		{"lemma inflection", mk(KindLemmas, "zorble"), toks("Jane", "zorbled"), 1, 1},
		{"lemma irregular form", mk(KindLemmas, "tell|told"), toks("told"), 0, 1},
		{"lemma irregular participle", mk(KindLemmas, "write|wrote|written"), toks("written"), 0, 1},
		{"lemma not a form", mk(KindLemmas, "tell|told"), toks("tolled"), 0, 0},
		{"multi-word lemma", mk(KindLemmas, "point out"), toks("pointed", "out"), 0, 2},
		{"case-insensitive word", mk(KindWords, "kremlin"), toks("Kremlin"), 0, 1},
		{"word with attribute", mk(KindWords, "he:m"), toks("he"), 0, 1},
		{"noun plural", mk(KindNouns, "official"), toks("officials"), 0, 1},
		{"noun irregular plural", mk(KindNouns, "person|people"), toks("people"), 0, 1},
		{"phrase", mk(KindPhrases, "told reporters"), toks("told", "reporters", "later"), 0, 2},
		{"longest phrase wins", mk(KindPhrases, "according to", "according to a"), toks("according", "to", "a", "source"), 0, 3},
		{"phrase cut short", mk(KindPhrases, "told reporters"), toks("told"), 0, 0},
		{"past the end", mk(KindWords, "a"), toks("a"), 1, 0},
	}
	for _, tc := range tests {
		if got := tc.list.MatchAt(tc.toks, tc.at); got != tc.want {
			t.Errorf("%s: MatchAt = %d, want %d", tc.name, got, tc.want)
		}
	}
	l := mk(KindWords, "he:m", "She:f", "they")
	if l.Attrs["he"] != "m" || l.Attrs["she"] != "f" || l.Attrs["they"] != "" {
		t.Errorf("attributes: %v", l.Attrs)
	}
	var nilList *List
	if nilList.Has("x") || nilList.MatchAt(toks("x"), 0) != 0 {
		t.Error("a nil list matches")
	}
}
