package rules

import (
	"strings"
	"testing"
)

// TestWindowPossible: Window.Possible, which the extractor asks before it
// gathers the cues of a rule of reported speech, says false when a
// required item of the pattern occurs nowhere in the sentence (the literal
// of reported-passive, the reporting conjunction of
// reported-speaker-cue-that), true when they all occur, and is never false
// where MatchFrom finds a match.
func TestWindowPossible(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		rule, text string
		want       bool
	}{
		{"reported-passive", "It was announced that the plan would fail .", true},
		{"reported-passive", "The minister announced that the plan would fail .", false},
		{"reported-speaker-cue-that", "The minister said that the plan would fail .", true},
		{"reported-speaker-cue-that", "The minister said the plan would fail .", false},
		{"reported-speaker-cue", "The minister said the plan would fail .", true},
	} {
		r := findRule(rs, c.rule)
		if r == nil {
			t.Fatalf("no rule %s in the defaults", c.rule)
		}
		toks, _ := sentence(strings.Fields(c.text)...)
		for i := range toks {
			rs.Classify(&toks[i])
		}
		w := rs.NewWindow(toks)
		if got := w.Possible(r); got != c.want {
			t.Errorf("%s on %q: Possible %v, want %v", c.rule, c.text, got, c.want)
		}
		if _, ok := rs.NewWindow(toks).MatchFrom(r, -1, 0, len(toks)); ok && !w.Possible(r) {
			t.Errorf("%s on %q: a match where Possible says none can be", c.rule, c.text)
		}
	}
}
