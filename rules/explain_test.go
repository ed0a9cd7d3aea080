package rules

import (
	"strings"
	"testing"
)

// sentence builds tokens for a test: "Q:text" is a quotation token, other
// strings are words or punctuation; offsets are consecutive with one space.
func sentence(parts ...string) ([]Token, int) {
	var out []Token
	quote, off := -1, int32(0)
	for _, p := range parts {
		t := Token{Text: p, Lower: strings.ToLower(p), Kind: Word, Quote: -1, Start: off}
		switch {
		case strings.HasPrefix(p, "Q:"):
			t.Text = p[2:]
			t.Kind, t.Quote, quote = QuoteT, 0, len(out)
		case strings.ContainsAny(p, ".,:;!"):
			t.Kind = Punct
		}
		t.Cap = t.Text != "" && t.Text[0] >= 'A' && t.Text[0] <= 'Z'
		t.End = off + int32(len(t.Text))
		off = t.End + 1
		out = append(out, t)
	}
	return out, quote
}

func TestExplainMiss(t *testing.T) {
	rs, err := loadUser(t, `version: 1
attribution:
  - id: t-quote-cue
    pattern: 'QUOTE ,? cue:(@cue_phrases | @aux{0,2} @cue_verbs) SPEAKER'
  - id: t-colon
    pattern: 'SPEAKER cue:@cue_verbs : QUOTE'
`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rule  string
		parts []string
		want  string
	}{
		{"t-quote-cue", []string{"Q:“Nice try,”", "zorbled", "Jane", "Doe", "."},
			`«QUOTE ,?» matched "“Nice try,”"; «cue:(@cue_phrases | @aux{0,2} @cue_verbs)» failed at "zorbled"`},
		{"t-quote-cue", []string{"Q:“Nice try,”", "said"},
			`«QUOTE ,? cue:(@cue_phrases | @aux{0,2} @cue_verbs)» matched "“Nice try,” said"; «SPEAKER» failed at the end of the sentence`},
		{"t-colon", []string{"Q:“Nice try,”", "zorbled", "Jane", "Doe", "."},
			`its first item «SPEAKER» matches nowhere before the quotation`},
		// the leading items must match before the later QUOTE
		{"t-colon", []string{"Jane", "Doe", "said", "Q:“Hi”"},
			`«SPEAKER cue:@cue_verbs» matched "Jane Doe said"; «:» failed at "“Hi”"`},
	}
	for _, tc := range tests {
		r := findRule(rs, tc.rule)
		toks, q := sentence(tc.parts...)
		if _, ok := rs.MatchRule(r, toks, q); ok {
			t.Fatalf("%s matches %v; the test needs a miss", tc.rule, tc.parts)
		}
		if got := rs.ExplainMiss(r, toks, q); got != tc.want {
			t.Errorf("%s on %v:\n got %s\nwant %s", tc.rule, tc.parts, got, tc.want)
		}
	}
}
