package rules

import "testing"

// TestHeadReach checks the tokens an anchored pattern can read, and that
// the patterns that read past their match or are not anchored have none.
func TestHeadReach(t *testing.T) {
	tests := []struct {
		pattern string
		n       int
		ok      bool
	}{
		{"^ speaker:(UPPER{1,3}) :", 4, true},
		{"^ CAP+ :", 9, true},
		{"^ according to CAP", 3, true},
		{"^ (UPPER | CAP CAP) ANY?", 3, true},
		{"^ not:(UPPER UPPER) ANY", 3, true},
		{"UPPER :", 0, false},        // not anchored: the match nearest the end wins
		{"^ SPEAKER :", 0, false},    // the phrase parse reads past the phrase
		{"^ UPPER ANY* $", 0, false}, // $ reads where the window ends
		{"^ (UPPER | SPEAKER) :", 0, false},
	}
	for _, tt := range tests {
		p, err := ParsePattern(tt.pattern)
		if err != nil {
			t.Fatalf("%s: %v", tt.pattern, err)
		}
		n, ok := (&AttrRule{Pattern: p}).HeadReach()
		if n != tt.n || ok != tt.ok {
			t.Errorf("HeadReach(%s) = %d, %v, want %d, %v", tt.pattern, n, ok, tt.n, tt.ok)
		}
	}
}

// TestRequiredPunct: the marks a match needs as tokens of their own are
// those of the required items outside groups, not of optional items or
// alternatives.
func TestRequiredPunct(t *testing.T) {
	for _, tt := range []struct{ pattern, want string }{
		{"^ speaker:(UPPER{1,3}) :", ":"},
		{"(^ | ,) cue:@cue_verbs SPEAKER , QUOTE", ","},
		{"QUOTE ,? SPEAKER cue:@cue_verbs", ""},
		{"SPEAKER , cue:@cue_verbs :", ",:"},
		{"SPEAKER – QUOTE", ""},
	} {
		p, err := ParsePattern(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.RequiredPunct(); got != tt.want {
			t.Errorf("%q: RequiredPunct() = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}
