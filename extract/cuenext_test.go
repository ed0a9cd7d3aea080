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
	cases := []speakerCase{
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
	checkSpeakers(t, cases)
}

// speakerCase is a passage and the speakers of its quotes in order.
type speakerCase struct {
	name, text string
	want       []string
}

// checkSpeakers extracts each case's passage and checks the speakers of
// its quotes, showing every row when they differ.
func checkSpeakers(t *testing.T, cases []speakerCase) {
	t.Helper()
	x := defaultExtractor(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := x.Extract("t", c.text)
			if err != nil {
				t.Fatal(err)
			}
			var got, rows []string
			for _, q := range doc.Quotes {
				got = append(got, q.Speaker)
				rows = append(rows, q.Quote+" ← "+q.Speaker+" ["+q.Rule+"]")
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("speakers %q, want %q: %s", got, c.want, strings.Join(rows, "; "))
			}
		})
	}
}
