package extract_test

import (
	"strings"
	"testing"
)

// TestJoinerInsideName: an invisible joiner inside a name (zero-width
// joiner or non-joiner, word joiner, soft hyphen) does not cut the name.
func TestJoinerInsideName(t *testing.T) {
	x := defaultExtractor(t)
	for _, j := range []string{"\u200d", "\u200c", "\u2060", "\u00ad"} {
		text := "“We will win this,” said Jo" + j + "hn Smith.\n"
		doc, err := x.Extract("d", text)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Quotes) != 1 {
			t.Fatalf("%U: %d quotes", []rune(j)[0], len(doc.Quotes))
		}
		q := doc.Quotes[0]
		if got := strings.ReplaceAll(q.Speaker, j, ""); got != "John Smith" {
			t.Errorf("%U: speaker %q, want John Smith (the joiner may stay)", []rune(j)[0], q.Speaker)
		}
	}
	// a joiner that joins no letters (an emoji sequence) is blanked as before
	doc, _ := x.Extract("d", "“We will win this,” said John Smith \u200d.\n")
	if len(doc.Quotes) != 1 || doc.Quotes[0].Speaker != "John Smith" {
		t.Errorf("joiner outside a word: %+v", doc.Quotes)
	}
}
