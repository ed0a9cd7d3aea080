package extract_test

import (
	"strings"
	"testing"
)

// TestCueOfNextQuote checks that a cue with a quotation of its own after it (by a
// colon, a comma, as an object) attributes that quotation, and not a
// quotation before it that ended its sentence (which keeps the speaker of
// its own turn).
func TestCueOfNextQuote(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string // the speaker of each quote, in order
	}{
		{"a full-sentence quote before the colon cue keeps its turn",
			"“It is a different muscle,” Lee said. “You have to step back a little.” Park agreed: “It is another job.”",
			[]string{"Lee", "Lee", "Park"}},
		{"a question before the colon cue keeps its turn",
			"“Why now?” Lee asked. “Who gains from it?” Park replied: “Nobody does.”",
			[]string{"Lee", "Lee", "Park"}},
		{"a fragment in the same sentence goes to the colon cue",
			"Seeing a deal “down the line,” Park warned: “It will not happen soon.”",
			[]string{"Park", "Park"}},
		{"a fragment ending its sentence keeps the subject before it",
			"Lee said the plan “would fail.” Park called Lee a “pessimist.”",
			[]string{"Lee", "Park"}},
		{"a cue with a comma and a quote of its own",
			"“It is a different muscle,” Lee said. “You have to step back a little.” Park added, “It is another job.”",
			[]string{"Lee", "Lee", "Park"}},
		{"a quote ending in a comma still takes the cue after it",
			"“We will win,” Park said, calling it “a fair fight.”",
			[]string{"Park", "Park"}},
		{"a cue without a colon still takes the quote before it",
			"“It is a different muscle,” Lee said. “You have to step back a little.” Park agreed.",
			[]string{"Lee", "Park"}},
	}
	x := defaultExtractor(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := x.Extract("t", c.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range doc.Quotes {
				got = append(got, q.Speaker)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				var rows []string
				for _, q := range doc.Quotes {
					rows = append(rows, q.Quote+" ← "+q.Speaker+" ["+q.Rule+"]")
				}
				t.Errorf("speakers %q, want %q: %s", got, c.want, strings.Join(rows, "; "))
			}
		})
	}
}
