package extract_test

import (
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// TestReportedLeftmost checks that the statement that begins first in a
// sentence is taken even when a rule of higher priority matches further
// right, and that the later statement still follows it.
func TestReportedLeftmost(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // content, speaker, cue of each statement in order
	}{
		{
			name: "participle with addressee and quotation after a statement",
			text: "Roe said he saw no need to change anything about his campaign, telling Smith that “we keep our word, we do the work” and that he’d seen more support from voters over the past week.",
			want: []string{
				"he saw no need to change anything about his campaign", "Roe", "said",
				"Smith that “we keep our word, we do the work” and that he’d seen more support from voters over the past week", "Roe", "telling",
			},
		},
		{
			name: "content before a cue and a speaker after a phrase that reads as a speaker",
			text: "The bridge will stay open all year for the people of the city, said Jane Doe, a member of the council.",
			want: []string{"The bridge will stay open all year for the people of the city", "Jane Doe", "said"},
		},
		{
			name: "a speaker set off by an aside keeps the statement after the cue",
			text: "Jane Doe, a member of the council, said she would vote against the bridge in May.",
			want: []string{"she would vote against the bridge in May", "Jane Doe", "said"},
		},
		{
			name: "one statement from the start",
			text: "Jane Doe told reporters on Friday that the bridge would close in May.",
			want: []string{"the bridge would close in May", "Jane Doe", "told"},
		},
	}
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	// with explanations every rule is tried in turn; without, the rules
	// are visited by their bits and closingSpeaker asks first the rules
	// whose content may come before their cue
	for _, x := range []*extract.Extractor{reportedExtractor(t), extract.New(rs, extract.Options{Reported: true, Explain: true})} {
		leftmostCases(t, x, tests)
	}
}

// leftmostCases runs the cases of TestReportedLeftmost with x.
func leftmostCases(t *testing.T, x *extract.Extractor, tests []struct {
	name string
	text string
	want []string
}) {
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := x.Extract("t", tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range doc.Quotes {
				if q.Kind == "indirect" {
					got = append(got, q.Quote, q.Speaker, q.Cue)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("statements %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("statements %q, want %q", got, tc.want)
					break
				}
			}
		})
	}
}
