package extract_test

import "testing"

// TestReportedContentEnds checks where reported content ends, on passages
// written for the test: before a semicolon, before a second predicate of
// the speaker after "and", before ", and" with a new pronoun subject,
// before the occasion of the saying, and that a day after the cue with
// "on" is no content.
func TestReportedContentEnds(t *testing.T) {
	x := reportedExtractor(t)
	tests := []struct{ name, text, content string }{
		{"semicolon", "Jane Doe said the bridge would close in May; the repairs will take a year.",
			"the bridge would close in May"},
		{"and + second predicate", "Jane Doe said the bridge would close in May and went back to the town hall.",
			"the bridge would close in May"},
		{"and has + participle", "Jane Doe said the bridge would close in May and has asked for more money.",
			"the bridge would close in May"},
		{", and + pronoun subject", "Jane Doe said the bridge would close in May, and she left the hall soon after.",
			"the bridge would close in May"},
		{"occasion of the saying", "Jane Doe said the bridge would close in May at a news conference in the town hall.",
			"the bridge would close in May"},
		{"on + day after the cue", "Jane Doe said on Friday she would close the bridge in May.",
			"she would close the bridge in May"},
		{"and inside the content stays", "Jane Doe said the bridge and the road would close in May.",
			"the bridge and the road would close in May"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract("t", "Bridge news\n\n"+tt.text+"\n")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range doc.Quotes {
				if q.Kind == "indirect" {
					got = append(got, q.Quote)
				}
			}
			if len(got) == 0 || got[0] != tt.content {
				t.Errorf("statements %q, want the first to be %q", got, tt.content)
			}
		})
	}
}
