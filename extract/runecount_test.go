package extract

import (
	"testing"
	"unicode/utf8"
)

// TestRuneCount: runeCount agrees with utf8.RuneCountInString on ASCII,
// multi-byte and invalid text, around the eight-byte blocks.
func TestRuneCount(t *testing.T) {
	for _, s := range []string{
		"", "a", "abcdefg", "abcdefgh", "abcdefghi",
		"“closer,” he said", "abcdefg“", "abcdefgh“ijklmnop”q",
		"\xff", "abcdefgh\xffabcdefgh", "abc\xe2\x80", "Müller sagte, dass …",
	} {
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
}
