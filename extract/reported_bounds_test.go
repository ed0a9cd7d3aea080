package extract_test

import "testing"

// TestReportedContentEnds checks where reported content ends, on passages
// written for the test: before a semicolon, before a second predicate of
// the speaker after "and", before ", and" with a new pronoun subject,
// before the occasion of the saying, and that a day after the cue with
// "on" is no content; a statement after ", and" ends the content before the
// comma; a pronoun after an aside and the cue opens the content (it is no
// addressee).
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
		{"pronoun after an aside and the cue is content", "Jane Doe, speaking on Friday in a town hall, said she would close the bridge in May.",
			"she would close the bridge in May"},
		{", and before a second statement", "Jane Doe said the bridge will close in May, and John Roe says the road will stay open all year.",
			"the bridge will close in May"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range statements(t, x, tt.text) {
				got = append(got, q.Quote)
			}
			if len(got) == 0 || got[0] != tt.content {
				t.Errorf("statements %q, want the first to be %q", got, tt.content)
			}
		})
	}
}

// TestReportedOverBreaks checks the layouts whose content runs over a
// comma before a break word up to a closing source, a parenthetical
// speaker after a short opening, and a long subject, on passages written
// for the test: the content, the speaker as written and the rule.
func TestReportedOverBreaks(t *testing.T) {
	x := reportedExtractor(t)
	tests := []struct{ name, text, content, mention, rule string }{
		{"according to after a comparison",
			"Revenue at the casinos rose 3 percent, compared with 2 percent a year ago, according to data released by the state.",
			"Revenue at the casinos rose 3 percent, compared with 2 percent a year ago", "data released by the state", "reported-according-to-after-breaks"},
		{"speaker and cue after a contrast",
			"The bridge will close in May, but the road stays open all year, Jane Doe said on Friday.",
			"The bridge will close in May, but the road stays open all year", "Jane Doe", "reported-content-breaks-speaker-cue"},
		{"cue and speaker after a contrast",
			"The bridge will close in May, but the road stays open all year, said Jane Doe.",
			"The bridge will close in May, but the road stays open all year", "Jane Doe", "reported-content-breaks-cue-speaker"},
		{"parenthetical after a short opening",
			"Otherwise, Jane Doe said, the bridge will close in May.",
			"Otherwise, Jane Doe said, the bridge will close in May", "Jane Doe", "reported-parenthetical-short"},
		{"long subject",
			"A person familiar with the plans for the new bridge says the work will start in May.",
			"the work will start in May", "A person familiar with the plans for the new bridge", "reported-long-subject-cue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract("t", "Bridge news\n\n"+tt.text+"\n")
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range doc.Quotes {
				if q.Kind != "indirect" {
					continue
				}
				if q.Quote != tt.content || q.Mention != tt.mention || q.Rule != tt.rule {
					t.Errorf("got %q (%q, %s), want %q (%q, %s)", q.Quote, q.Mention, q.Rule, tt.content, tt.mention, tt.rule)
				}
				return
			}
			t.Errorf("no statement, want %q", tt.content)
		})
	}
}
