package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestFirstSearchesLikeBySentence checks that report's first searches run
// rule by rule over batches of sentences (firstSearches) give the rows
// that each sentence's search on its own (reportIn) gives: on short texts,
// the seed's and the first PolNeAR train texts (rowsCorpus), and long
// documents whose sentences fill several batches, past the windows that a
// document keeps alive (maxWindows).
func TestFirstSearchesLikeBySentence(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	sentences := []string{
		"Jane Doe said the bridge would close on Tuesday for repairs.",
		"The council, the mayor said, had delayed the vote again.",
		"According to the ministry, 40 people were detained overnight.",
		"“We will build it,” the mayor said.",
		"John Roe argued that the road should stay open, while Mary Major told reporters that the plan had failed.",
		"The bridge was closed on Tuesday for repairs to its deck.",
		"It was announced that the library would open in May.",
	}
	long := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%s ", sentences[i%len(sentences)])
			if i%5 == 4 {
				b.WriteString("\n\n")
			}
		}
		return b.String()
	}
	texts := append([]string{"", "Jane Doe said it.", long(40), long(70), long(200), long(700)}, rowsCorpus(t)...)
	for _, opts := range []Options{{Reported: true}, {Reported: true, MinConfidence: 0.7}} {
		x, y := New(rs, opts), New(rs, opts)
		y.bySentence = true
		statements := 0
		for _, d := range sameDocuments(t, x, y, texts, fmt.Sprintf("%+v: rows of the batched first searches differ from the searches by sentence", opts)) {
			for _, r := range d.Quotes {
				if r.Kind == "indirect" {
					statements++
				}
			}
		}
		if statements < 500 {
			t.Errorf("%+v: %d statements in all, want 500 or more (the long texts hold them)", opts, statements)
		}
	}
}
