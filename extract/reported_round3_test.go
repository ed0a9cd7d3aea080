package extract_test

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
)

// TestReportedStatementsRound3 checks, on passages written for the test,
// the statements of the fourth round of reported-speech rules: where the
// content ends (an appositive, an absolute construction, a participle of
// speech after a comma), a subordinate clause of time that stays in the
// content, a share of people as the subject of a second statement, a
// participle after a fronted phrase, a question put after "when", "respond
// to" as a cue, a day after a closing speaker and cue, and a source inside
// the content followed by a relative. Each case lists every statement of the
// sentence, as content|speaker as written.
func TestReportedStatementsRound3(t *testing.T) {
	checkStatementCases(t, reportedExtractor(t), []statementCase{
		{"appositive after the content",
			"Jane Doe said the bridge would close in May, a move that angered the drivers.",
			[]string{"the bridge would close in May|Jane Doe"}},
		{"absolute construction after the content",
			"Jane Doe said the bridge would close in May, with the road staying open all year.",
			[]string{"the bridge would close in May|Jane Doe"}},
		{"participle of speech after the content",
			"Jane Doe said the bridge would close in May, describing the repairs as overdue.",
			[]string{"the bridge would close in May|Jane Doe", "the repairs as overdue|Jane Doe"}},
		{"a clause of time stays in the content",
			"Jane Doe said she knew little about the plan before the council announced the vote.",
			[]string{"she knew little about the plan before the council announced the vote|Jane Doe"}},
		{"a share of people after a conjunction",
			"Most residents want the bridge to stay open, after more than half said the road should close.",
			[]string{"the road should close|more than half"}},
		{"participle after a fronted phrase",
			"At a town hall on Friday, Jane Doe struck a calm tone, saying the bridge would reopen in May.",
			[]string{"the bridge would reopen in May|Jane Doe"}},
		{"a question put after when",
			"Jane Doe smiled at the crowd when asked whether the council would close the bridge.",
			[]string{"whether the council would close the bridge|"}},
		{"respond to",
			"Jane Doe did not respond to a request for comment on the bridge.",
			[]string{"a request for comment on the bridge|Jane Doe"}},
		{"the day after a closing speaker is no content",
			"The bridge carried more cars than in any year since 2004, the Port Authority reported last week.",
			[]string{"The bridge carried more cars than in any year since 2004|the Port Authority"}},
		{"a relative after a source inside the sentence",
			"Most voters in the county want the bridge to stay open, according to the latest poll, which was taken in May.",
			[]string{"Most voters in the county want the bridge to stay open|the latest poll"}},
	})
}

// statementCase is a passage written for a test and every statement that
// extract --reported finds in it, as content|speaker as written.
type statementCase struct {
	name, text string
	want       []string
}

// checkStatementCases checks the statements of each case, one subtest each.
func checkStatementCases(t *testing.T, x *extract.Extractor, tests []statementCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range statements(t, x, tt.text) {
				got = append(got, q.Quote+"|"+q.Mention)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("statements %q, want %q", got, tt.want)
			}
		})
	}
}
