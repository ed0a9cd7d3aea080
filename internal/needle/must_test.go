package needle

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestMustScan checks the one-pass test of must-strings against a search
// per string, and when it is switched off.
func TestMustScan(t *testing.T) {
	phrases := []string{"may be reached at", "email us at", "follow us", "a tip"}
	tests := []struct {
		must  []string
		on    bool
		lines []string
	}{
		{phrases, true, []string{
			"", "a", "you may be reached at home", "you may be reached a", "email us a", "email us at",
			"send a tip", "a ti", "follow u", "she will follow us on", "nothing here at all", "fa tip",
		}},
		{[]string{"/", "of", "ago"}, true, []string{"", "o", "of", "a/b", "two days ag", "two days ago", "the end"}},
		{[]string{"/getty", "/ap", "/afp"}, false, []string{"photo: x/getty", "x/ap", "x/a", "nothing"}},
		{[]string{"we", "us"}, false, []string{"we", "u", "them"}},
		{[]string{"we", "", "us"}, false, []string{"", "x"}},
	}
	for _, tc := range tests {
		m := newMustScan(tc.must)
		if m.on != tc.on {
			t.Errorf("newMustScan(%q).on = %v, want %v", tc.must, m.on, tc.on)
		}
		if !m.on {
			continue
		}
		for _, line := range tc.lines {
			want := false
			for _, s := range tc.must {
				want = want || strings.Contains(line, s)
			}
			if got := m.holds(tc.must, line); got != want {
				t.Errorf("holds(%q, %q) = %v, want %v", tc.must, line, got, want)
			}
		}
	}
}

// TestHoldsAnyRune checks the search by lead byte against a decoding of
// every character.
func TestHoldsAnyRune(t *testing.T) {
	ref := func(s, set string) bool {
		for _, r := range s {
			if r >= utf8.RuneSelf && strings.ContainsRune(set, r) {
				return true
			}
		}
		return false
	}
	sets := []string{"\u212a", "\u212a\u2126", "\u017f\u212a", "\ufffd", "\u212a\ufffd", "\u00e9"}
	lines := []string{
		"", "plain ascii", "it\u2019s 5 \u212a", "\u201cquoted\u201d", "\u2126 ohm", "long \u017f",
		"bad \xe2 byte \xe2\x84\xaa", "bad \xff", "caf\u00e9", "\xe2\x84", "\xe2\xe2\x84\xaa",
	}
	for _, set := range sets {
		for _, line := range lines {
			if got, want := holdsAnyRune(line, set), ref(line, set); got != want {
				t.Errorf("holdsAnyRune(%q, %q) = %v, want %v", line, set, got, want)
			}
		}
	}
}
