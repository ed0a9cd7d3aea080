package rules

import (
	"strings"
	"testing"
)

// TestMatchSteps pins the steps that matching counts for a few statements
// (the step limit, maxSteps, is compared with this count, so a matcher that
// counted differently could give up where it did not before, or go on).
// The counts are those of the recursive matcher with a closure per item,
// which matching atoms and speaker phrases in place must keep.
func TestMatchSteps(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rule, text string
		ok         bool
		steps      int
	}{
		{"reported-speaker-cue", "Jane Doe said the talks had been useful .", true, 24},
		{"reported-speaker-cue-that", "Jane Doe said the talks had been useful .", false, 0},
		{"reported-speaker-cue", "The mayor has warned that the bridge will close in May .", true, 28},
		{"reported-speaker-cue-that", "The mayor has warned that the bridge will close in May .", true, 33},
		{"reported-speaker-cue", "Jane Doe , the aide , told reporters on Friday that the talks had been useful .", true, 33},
		{"reported-speaker-cue-that", "Jane Doe , the aide , told reporters on Friday that the talks had been useful .", true, 56},
	}
	for _, tt := range tests {
		toks, _ := sentence(strings.Fields(tt.text)...)
		for i := range toks {
			rs.Classify(&toks[i])
		}
		var r *AttrRule
		for _, a := range rs.Attribution {
			if a.ID == tt.rule {
				r = a
			}
		}
		if r == nil {
			t.Fatalf("no rule %s", tt.rule)
		}
		w := rs.NewWindow(toks)
		_, ok := w.MatchFrom(r, -1, 0, 0)
		if ok != tt.ok || w.m.steps != tt.steps {
			t.Errorf("%s on %q: match %v in %d steps, want %v in %d", tt.rule, tt.text, ok, w.m.steps, tt.ok, tt.steps)
		}
	}
}
