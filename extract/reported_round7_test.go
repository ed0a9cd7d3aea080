package extract_test

import "testing"

// TestReportedStatementsRound7 checks, on passages written for the test,
// the statements of the seventh round of reported-speech rules: a statement
// whose cue stands inside a quotation in the typewriter marks of two
// apostrophes that the quote scanner does not pair is the quoted speaker's words, also when
// the quotation opened in an earlier sentence of the paragraph; a statement
// after its closing mark stays, also in a paragraph that begins inside a
// quotation (its one mark closes); and a label of a headline or a note
// before a colon (Exclusive:, The Latest:) is no speaker. Each case lists every statement of the
// text, as content|speaker as written.
func TestReportedStatementsRound7(t *testing.T) {
	checkStatementCases(t, reportedExtractor(t), []statementCase{
		{"a cue inside typewriter quotes",
			"''The council said the bridge would close in May,'' Jane Doe said.",
			nil},
		{"a quotation over two sentences",
			"''The bridge is old. The mayor said it would close in May,'' Jane Doe said.",
			nil},
		{"a statement after the closing mark",
			"''The bridge is old,'' Jane Doe said. John Roe said the bridge would close in May.",
			[]string{"the bridge would close in May|John Roe"}},
		{"a paragraph that begins inside a quotation",
			"The bridge is old.'' John Roe said the bridge would close in May.",
			[]string{"the bridge would close in May|John Roe"}},
		{"a headline label before a colon",
			"Exclusive: the council will close the bridge in May.",
			nil},
		{"a label after an article",
			"The Latest: the council will close the bridge in May.",
			nil},
		{"a name before a colon",
			"Jane Doe: the council will close the bridge in May.",
			[]string{"the council will close the bridge in May|Jane Doe"}},
		{"a statement without typewriter quotes",
			"Jane Doe said the bridge would close in May.",
			[]string{"the bridge would close in May|Jane Doe"}},
	})
}
