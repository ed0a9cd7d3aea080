package extract

import (
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestLineAtLikeLineOf compares the line of a statement's row taken from
// its sentence's paragraph (lineAt) with lineOf's search, at every token of
// every sentence of the texts, hard-wrapped ones (lineStarts) and texts with
// blank and dropped lines among them.
func TestLineAtLikeLineOf(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{Reported: true})
	texts := fixedTexts(t)
	texts["blank lines"] = "\n\nJane Doe said the bridge will close.\n\n\n  \nThe mayor said it would not.\r\nHe left.\n"
	texts["wrapped"] = "The council met on Tuesday to vote on the new budget for the town\nlibrary.\n\n" +
		"“We have waited a long time for this budget, and it is a good one for\nthe readers of the town,” said Jane Doe, the head librarian, after the\nvote on Tuesday.\n\n" +
		"The mayor, John Smith, was less sure. “It costs more than we hoped,\nand we will have to find the money somewhere,” he told reporters.\n\n" +
		"Jane Doe, who has run the library for years, said it was a fair deal\nin a statement on Wednesday.\n"
	n, starts := 0, 0
	for f, text := range texts {
		a := x.analyze(x.Clean(text), "")
		if a.c.lineStarts != nil {
			starts++
		}
		for si := range a.sents {
			for _, tok := range a.toks(si) {
				if got, want := a.lineAt(si, int(tok.Start)), lineOf(a.c, int(tok.Start)); got != want {
					t.Fatalf("%s: sentence %d, token at %d: lineAt %d, lineOf %d", f, si, tok.Start, got, want)
				}
				n++
			}
		}
	}
	if n == 0 || starts == 0 || starts == len(texts) {
		t.Errorf("%d tokens, %d of %d texts with lineStarts: both paths not tested", n, starts, len(texts))
	}
}
