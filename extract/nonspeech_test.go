package extract_test

import (
	"reflect"
	"testing"
)

// TestTitlesAndFragments checks what a quoted fragment is in news prose:
// the title of a show named after a word that marks one (told, an interview
// with, a possessive) or before a noun that does (podcast, radio program,
// star), a nickname, is no speech whoever the sentence names; a fragment
// that a verb of speech takes as its object is the subject's words, also
// after a long lead clause, and also when the subject is a share of a poll.
func TestTitlesAndFragments(t *testing.T) {
	x := defaultExtractor(t)
	tests := []struct {
		name, text string
		want       []row
	}{
		{"a show after told is a title",
			"“We will not raise taxes this year,” the governor told “Good Morning Harbour” on Monday.\n",
			[]row{{"We will not raise taxes this year", "the governor", "unresolved"}}},
		{"a show after an interview with is a title",
			"In an interview with “Harbour Tonight,” Jane Doe said the bridge would open in May.\n",
			nil},
		{"a title-case quote before podcast is a title",
			"Jane Doe spoke on the “Open Water Hour” podcast about the harbour and its future.\n",
			nil},
		{"a title-case quote before radio program is a title",
			"Jane Doe took calls from listeners to her “Keep It Local” radio program on Friday.\n",
			nil},
		{"one capitalised word after a possessive is a title",
			"Jane Doe visited the studio of Channel Nine’s “Daybreak” to talk about the harbour plan.\n",
			nil},
		{"one capitalised word before star is a title",
			"Jane Doe said the “Harbourmasters” star had left the series after ten years.\n",
			nil},
		{"a comma between the marker and the title",
			"The idea came to her early, Jane Doe wrote in her memoir, “Harbour Lights Forever.”\n",
			nil},
		{"a show after broadcast of is a title",
			"On this week’s broadcast of “Harbour Weekly Review,” Jane Doe said the bridge would open in May.\n",
			nil},
		{"a show after an episode of is a title",
			"Jane Doe said in an episode of “The Harbour Hour” that the bridge would open in May.\n",
			nil},
		{"the nickname marks a name",
			"He earned the nickname “Slow and steady” at school.\n",
			nil},
		{"denounced … as takes a fragment",
			"The governor denounced the plan as “a glass toothpick.”\n",
			[]row{{"a glass toothpick.", "The governor", "unresolved"}}},
		{"exhorted … to takes a fragment",
			"Jane Doe exhorted the delegates to “vote with your heart” and left the hall.\n",
			[]row{{"vote with your heart", "Jane Doe", "attributed"}}},
		{"a share of a poll speaks",
			"In the new harbour survey, 63 percent said the mayor was “doing fine.”\n",
			[]row{{"doing fine.", "63 percent", "attributed"}}},
		{"a long lead clause before the subject",
			"Speaking to reporters outside the old station on a cold Monday morning in the capital, where the vote is due, Jane Doe derided the plan as “a glass toothpick.”\n",
			[]row{{"a glass toothpick.", "Jane Doe", "attributed"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rowsOf(t, x, tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows = %q, want %q", got, tt.want)
			}
		})
	}
}
