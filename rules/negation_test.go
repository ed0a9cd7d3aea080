package rules

import (
	"errors"
	"strings"
	"testing"
)

// TestNegationParse checks the parsing of not:X: one token per
// repetition, X's repetition applied to the not:, and the items X may not
// be.
func TestNegationParse(t *testing.T) {
	tests := []struct {
		src       string
		min, max  int // of the item at index 1
		errCol    int
		errSubstr string
	}{
		{src: "SPEAKER not:@determiners cue:@cue_verbs QUOTE", min: 1, max: 1},
		{src: "SPEAKER not:(who | which){1,12} QUOTE", min: 1, max: 12},
		{src: "SPEAKER not:SPEAKER? QUOTE", min: 0, max: 1},
		{src: `SPEAKER not:"went on"* QUOTE`, min: 0, max: 8},
		{src: "SPEAKER not:(a cue:said) QUOTE", errCol: 16, errSubstr: "cannot hold a capture (cue:)"},
		{src: "SPEAKER not:^ QUOTE", errCol: 13, errSubstr: "not ^, $, CLAUSE"},
		{src: "SPEAKER not:(a | $) QUOTE", errCol: 18, errSubstr: "not ^, $, CLAUSE"},
		{src: "SPEAKER not:CONTENT", errCol: 13, errSubstr: "CONTENT"},
		{src: "SPEAKER not:(not:a | b) QUOTE", errCol: 14, errSubstr: "another not:"},
	}
	for _, tc := range tests {
		p, err := ParsePattern(tc.src)
		if tc.errCol != 0 {
			var pe *PatternError
			if !errors.As(err, &pe) || pe.Col != tc.errCol || !strings.Contains(pe.Msg, tc.errSubstr) {
				t.Errorf("ParsePattern(%q) = %v, want an error at col %d with %q", tc.src, err, tc.errCol, tc.errSubstr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePattern(%q): %v", tc.src, err)
			continue
		}
		it := p.items[1]
		if it.op != opNot || it.capture != "" || it.min != tc.min || it.max != tc.max || !it.tok {
			t.Errorf("ParsePattern(%q): item 1 %+v, want a one-token not: {%d,%d}", tc.src, it, tc.min, tc.max)
		}
		if len(it.neg) != 1 || it.neg[0].min != 1 || it.neg[0].max != 1 {
			t.Errorf("ParsePattern(%q): X of not: = %+v, want one item matched once", tc.src, it.neg)
		}
	}
}

// TestNegationMatch checks what not:X matches: a token at which X does not
// match, never a quotation, with lists bound and a SPEAKER inside X leaving
// the match's speaker as it was.
func TestNegationMatch(t *testing.T) {
	rs, err := loadUser(t, `version: 1
attribution:
  - id: t-no-relative
    pattern: 'PRONOUN not:@relative_pronouns{1,8} cue:@cue_verbs ,? QUOTE'
  - id: t-verb-cue
    pattern: 'SPEAKER ((ANY | OTHERQUOTE){0,6} not:@determiners)? cue:@cue_verbs ANY{0,4} QUOTE'
  - id: t-no-other-speaker
    pattern: 'SPEAKER (not:SPEAKER | OTHERQUOTE){0,8} cue:@cue_verbs QUOTE'
  - id: t-no-quote
    pattern: 'SPEAKER cue:@cue_verbs not:@determiners QUOTE'
`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rule    string
		parts   []string
		speaker string // "" for no match
		cue     string
	}{
		{"t-no-relative", []string{"he", "laughed", "and", "said", ",", "Q:“We will see.”"}, "he", "said"},
		{"t-no-relative", []string{"He", "held", "the", "sign", "which", "read", "Q:“Vote”"}, "", ""},
		{"t-no-relative", []string{"They", "passed", "out", "bottles", "that", "said", ",", "Q:“Hello.”"}, "", ""},
		{"t-verb-cue", []string{"She", "criticized", "Q:“the plan”"}, "She", "criticized"},
		{"t-verb-cue", []string{"She", "later", "criticized", "the", "Q:“plan”"}, "She", "criticized"},
		{"t-verb-cue", []string{"She", "dropped", "the", "attacks", "on", "Q:“the plan”"}, "", ""},
		{"t-no-other-speaker", []string{"Jane", "Doe", "quickly", "said", "Q:“Hi”"}, "Jane Doe", "said"},
		{"t-no-other-speaker", []string{"Jane", "Doe", "watched", "as", "Tom", "Reed", "said", "Q:“Hi”"}, "Tom Reed", "said"},
		{"t-no-quote", []string{"Jane", "Doe", "said", "Q:“Hi”"}, "", ""},
	}
	for _, tc := range tests {
		r := findRule(rs, tc.rule)
		toks, q := sentence(tc.parts...)
		for i := range toks {
			rs.Classify(&toks[i])
		}
		m, ok := rs.MatchRule(r, toks, q)
		if tc.speaker == "" {
			if ok {
				t.Errorf("%s on %v: matched %q, want no match", tc.rule, tc.parts, windowText(toks, m.Span))
			}
			continue
		}
		if !ok {
			t.Errorf("%s on %v: no match, want speaker %q: %s", tc.rule, tc.parts, tc.speaker, rs.ExplainMiss(r, toks, q))
			continue
		}
		if got := windowText(toks, m.Speaker.Mention); !strings.HasSuffix(got, tc.speaker) {
			t.Errorf("%s on %v: speaker %q, want %q", tc.rule, tc.parts, got, tc.speaker)
		}
		cue, _ := m.Captures.Get("cue")
		if got := windowText(toks, cue); got != tc.cue {
			t.Errorf("%s on %v: cue %q, want %q", tc.rule, tc.parts, got, tc.cue)
		}
	}
	if _, err := loadUser(t, "version: 1\nattribution:\n  - id: t-bad\n    pattern: 'SPEAKER not:@no_such_list cue:@cue_verbs QUOTE'\n"); err == nil || !strings.Contains(err.Error(), `list "no_such_list"`) {
		t.Errorf("a list inside not: that does not exist: %v, want an error naming it", err)
	}
}
