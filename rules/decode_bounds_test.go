package rules

import (
	"strings"
	"testing"
)

// TestDecodeBounds checks the messages of the bounded settings (counts of 0
// or more, shares between 0 and 1, one-of choices) in every section that
// has them, and that good values load.
func TestDecodeBounds(t *testing.T) {
	base := DefaultBaseSources()
	for _, c := range []struct{ yaml, want string }{
		{"mark_convention:\n  min_words: -1\n", "min_words must be 0 or more, got -1"},
		{"mark_convention:\n  inner_share: 1.5\n", "inner_share must be between 0 and 1, got 1.5"},
		{"wrapped_text:\n  min_lines: -2\n", "min_lines must be 0 or more, got -2"},
		{"wrapped_text:\n  max_width: -3\n", "max_width must be 0 or more, got -3"},
		{"wrapped_text:\n  share: -0.5\n", "share must be between 0 and 1, got -0.5"},
		{"speech:\n  scare_max_words: -1\n", "scare_max_words must be 0 or more, got -1"},
		{"speech:\n  guess_confidence: 2\n", "guess_confidence must be between 0 and 1, got 2"},
		{"language:\n  noun_quote_confidence: 3\n", "noun_quote_confidence must be between 0 and 1, got 3"},
		{"language:\n  single_marks: nestd\n", `unknown single_marks "nestd" (did you mean "nested"?) (allowed: auto, nested, speech)`},
		{"language:\n  morphology: englsh\n", `unknown morphology "englsh" (did you mean "english"?) (allowed: english, none)`},
		{"attribution:\n  - id: x\n    pattern: SPEAKER CUE QUOTE\n    kind: diret\n", `unknown kind "diret" (did you mean "direct"?)`},
		{"attribution:\n  - id: x\n    pattern: SPEAKER CUE QUOTE\n    confidence: -1\n", "confidence must be between 0 and 1, got -1"},
		{"attribution:\n  - id: x\n    pattern: SPEAKER CUE QUOTE\n    confidence_short: 1.2\n", "confidence_short must be between 0 and 1, got 1.2"},
		{"wrapped_text:\n  min_lines: 3\n  min_width: 40\n  max_width: 80\n  share: 0.5\nspeech:\n  scare_max_words: 2\n  guess_confidence: 0.4\n", ""},
	} {
		_, err := Load(append(base, Source{Name: "x.yaml", Data: []byte("version: 1\n" + c.yaml)}))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v", c.yaml, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%q: error %v, want %q", c.yaml, err, c.want)
		}
	}
}
