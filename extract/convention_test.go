package extract_test

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestQuoteConventions checks, per document, which quotations are speech
// rows: single marks are the outer quotation in British documents and a
// headline paraphrase or a term in American ones.
func TestQuoteConventions(t *testing.T) {
	x := defaultExtractor(t)
	tests := []struct {
		name string
		text string
		want []string // "quote | speaker"
	}{
		{"british", "‘We will win the vote,’ said John Smith.\n\n‘It’s the council’s plan, and the workers’ plan too,’ he added.\n",
			[]string{"We will win the vote | John Smith", "It’s the council’s plan, and the workers’ plan too | John Smith"}},
		{"british straight", "'We will win the vote,' said John Smith.\n\n'It's the dogs' dinner,' he added.\n",
			[]string{"We will win the vote | John Smith", "It's the dogs' dinner | John Smith"}},
		{"british nested double", "‘He told me “never again” that day,’ said Jane Doe.\n",
			[]string{"He told me “never again” that day | Jane Doe"}},
		{"british scare quote left out", "‘We will win the vote,’ said John Smith.\n\nThe so-called ‘experts’ disagree with him.\n",
			[]string{"We will win the vote | John Smith"}},
		{"british title left out", "‘We will win the vote,’ said John Smith.\n\nHe was on ‘Meet the Press’ on Sunday.\n",
			[]string{"We will win the vote | John Smith"}},
		{"british headline paraphrase left out", "Ellis calls the budget ‘a sleight of hand’.\n\n‘We will win the vote,’ said John Smith.\n\n‘It is ours,’ he said.\n",
			[]string{"We will win the vote | John Smith", "It is ours | John Smith"}},
		{"british direct quote opening the text", "‘We will win the vote,’ said John Smith.\n\n‘It is ours,’ he said.\n",
			[]string{"We will win the vote | John Smith", "It is ours | John Smith"}},
		{"american single marks are no speech", "Smith says the plan ‘will work’\n\n“We are ready for the vote,” Smith said.\n\nHe said it was ‘a good day’ for the town.\n",
			[]string{"We are ready for the vote | Smith"}},
		{"american straight apostrophes", "It's the dogs' day, John Smith said.\n\n\"We are ready for the vote,\" he said.\n",
			[]string{"We are ready for the vote | John Smith"}},
		{"american typewriter doubles", "''We are ready for the vote,'' said John Smith.\n",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract("t", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range doc.Quotes {
				got = append(got, q.Quote+" | "+q.Speaker)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestWrappedText checks that a hard-wrapped document gives the quotes
// and speakers of the same text unwrapped, with offsets and line numbers
// into the wrapped input.
func TestWrappedText(t *testing.T) {
	x := defaultExtractor(t)
	flat := "The council met on Tuesday to vote on the new budget for the town library.\n\n" +
		"“We have waited a long time for this budget, and it is a good one for the readers of the town,” said Jane Doe, the head librarian, after the vote on Tuesday.\n\n" +
		"The mayor, John Smith, was less sure. “It costs more than we hoped, and we will have to find the money somewhere,” he told reporters.\n\n" +
		"Jane Doe, who has run the library for years, called it “a fair deal” in a statement on Wednesday.\n"
	wrapped := "The council met on Tuesday to vote on the new budget for the town\nlibrary.\n\n" +
		"“We have waited a long time for this budget, and it is a good one for\nthe readers of the town,” said Jane Doe, the head librarian, after the\nvote on Tuesday.\n\n" +
		"The mayor, John Smith, was less sure. “It costs more than we hoped,\nand we will have to find the money somewhere,” he told reporters.\n\n" +
		// a fragment at the end of a wrapped line: the line does not end as
		// prose, but the paragraph does
		"Jane Doe, who has run the library for years, called it “a fair deal”\nin a statement on Wednesday.\n"
	want, err := x.Extract("flat", flat)
	if err != nil {
		t.Fatal(err)
	}
	got, err := x.Extract("wrapped", wrapped)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Quotes) != 3 || len(got.Quotes) != len(want.Quotes) {
		t.Fatalf("got %d quotes, want %d (unwrapped: %d, want 3)", len(got.Quotes), len(want.Quotes), len(want.Quotes))
	}
	runes := []rune(wrapped)
	wantLines := []int{4, 8, 11}
	for i, q := range got.Quotes {
		w := want.Quotes[i]
		if q.Quote != w.Quote || q.Speaker != w.Speaker || q.Title != w.Title {
			t.Errorf("quote %d: %q by %q (%q), want %q by %q (%q)", i, q.Quote, q.Speaker, q.Title, w.Quote, w.Speaker, w.Title)
		}
		if span := strings.Join(strings.Fields(string(runes[q.Start:q.End])), " "); span != q.Quote {
			t.Errorf("quote %d: offsets %d..%d give %q", i, q.Start, q.End, span)
		}
		if q.SpeakerStart == nil || string(runes[*q.SpeakerStart:*q.SpeakerEnd]) != q.Mention {
			t.Errorf("quote %d: speaker offsets do not give the mention %q", i, q.Mention)
		}
		if q.Line != wantLines[i] {
			t.Errorf("quote %d: line %d, want %d", i, q.Line, wantLines[i])
		}
	}
	if n := utf8.RuneCountInString(wrapped); got.Quotes[1].End > n {
		t.Errorf("offset past the text")
	}
}
