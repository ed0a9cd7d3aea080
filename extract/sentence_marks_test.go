package extract_test

import "testing"

// TestSentenceEndsAfterLooseMarks checks that quotation-mark characters
// that open no quotation (two apostrophes, the typewriter quotation mark of
// some archives: straight single marks are scanned only in documents that
// quote in single marks) do not glue the sentence they close to the next:
// the row's sentence starts after them; and that such marks set before the
// next sentence's first word begin it.
func TestSentenceEndsAfterLooseMarks(t *testing.T) {
	x := reportedExtractor(t)
	tests := []struct{ name, text, want string }{
		{"typewriter marks after a period",
			"The council will vote in May.'' Jane Doe said the bridge would close.",
			"Jane Doe said the bridge would close."},
		{"after a question mark",
			"Who will pay for it?'' Jane Doe said the bridge would close.",
			"Jane Doe said the bridge would close."},
		{"typewriter marks that open the next sentence",
			"Jane Doe said the bridge would close in May. ''The cost is high,'' she said.",
			"Jane Doe said the bridge would close in May."},
		{"marks inside a sentence",
			"Jane Doe said the ''Bridge of Sighs'' would close in May. It was old.",
			"Jane Doe said the ''Bridge of Sighs'' would close in May."},
		{"no sentence end before the marks",
			"The council will vote on the ''bridge'' Jane Doe said would close.",
			"The council will vote on the ''bridge'' Jane Doe said would close."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract("t", "Bridge news\n\n"+tt.text+"\n")
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Quotes) == 0 {
				t.Fatalf("no statement in %q", tt.text)
			}
			if got := doc.Quotes[0].Sentence; got != tt.want {
				t.Errorf("sentence %q, want %q", got, tt.want)
			}
		})
	}
}
