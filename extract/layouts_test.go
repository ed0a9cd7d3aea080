package extract_test

import (
	"strings"
	"testing"
)

// TestLayouts checks one attribution layout per case, on realistic
// sentences: each quote's speaker (canonical), mention as written, cue and
// kind. An empty speaker wants the quote left unresolved.
func TestLayouts(t *testing.T) {
	type want struct{ quote, speaker, mention, cue, kind string }
	cases := []struct {
		name string
		text string
		want []want
	}{
		{"quote-cue-speaker", "“We will not back down,” said Maria Lopez, the union’s president.",
			[]want{{"We will not back down", "Maria Lopez", "Maria Lopez", "said", "direct"}}},
		{"quote-speaker-cue", "“The numbers do not add up,” Senator Tom Reed told reporters on Monday.",
			[]want{{"The numbers do not add up", "Tom Reed", "Tom Reed", "told reporters", "direct"}}},
		{"descriptor between name and cue", "“It was a clean break,” Hugh Hill, a doctor at the county hospital, said.",
			[]want{{"It was a clean break", "Hugh Hill", "Hugh Hill", "said", "direct"}}},
		{"speaker cue colon", "Mayor Ana Diaz said on Friday: “The bridge will open in May.”",
			[]want{{"The bridge will open in May.", "Ana Diaz", "Ana Diaz", "said", "direct"}}},
		{"according to", "According to Ana Diaz, the bridge is “months behind” schedule.",
			[]want{{"months behind", "Ana Diaz", "Ana Diaz", "According to", "direct"}}},
		{"split quote", "“We came to talk,” she said. “We are leaving with nothing.”\n\nShe is the mayor.",
			[]want{{"We came to talk", "", "she", "said", "direct"}, {"We are leaving with nothing.", "", "she", "said", "direct"}}},
		{"pronoun resolves to the nearest person", "Mayor Ana Diaz visited the site on Monday.\n\n“It is a disgrace,” she said.",
			[]want{{"It is a disgrace", "Ana Diaz", "she", "said", "direct"}}},
		{"continued turn", "Ana Diaz, the mayor, called the delay “a disgrace” on Monday.\n\n“Nobody told us anything. Nobody.”",
			[]want{{"a disgrace", "Ana Diaz", "Ana Diaz", "called", "partial"}, {"Nobody told us anything. Nobody.", "Ana Diaz", "Ana Diaz", "called", "continued"}}},
		{"fragment in a paraphrase", "Governor Paul Grant called the plan “reckless and expensive” in a statement.",
			[]want{{"reckless and expensive", "Paul Grant", "Paul Grant", "called", "partial"}}},
		{"headline dash", "Bridge talks ‘constructive’ – city mayor\n\nMayor Ana Diaz met the contractors on Friday.",
			[]want{{"constructive", "Ana Diaz", "city mayor", "–", "headline"}}},
		{"alias resolves to the full name", "Mayor Ana Diaz met the contractors.\n\n“We are done waiting,” Diaz said.",
			[]want{{"We are done waiting", "Ana Diaz", "Diaz", "said", "direct"}}},
		{"organisation speaker", "“We acted within the law,” the company said in a statement.",
			[]want{{"We acted within the law", "the company", "the company", "said in a statement", "direct"}}},
		{"group speaker", "“The bridge is unsafe,” officials said.",
			[]want{{"The bridge is unsafe", "officials", "officials", "said", "direct"}}},
		{"honorific", "“That is simply wrong,” Mr. Grant said.",
			[]want{{"That is simply wrong", "Grant", "Mr. Grant", "said", "direct"}}},
		{"several quotes share one attribution", "The talks were “very useful” and brought the sides “closer than ever,” Diaz told reporters.",
			[]want{{"very useful", "Diaz", "Diaz", "told reporters", "direct"}, {"closer than ever", "Diaz", "Diaz", "told reporters", "direct"}}},
		{"dash source line", "“Boeing and GE pay zero taxes.”\n\n– Bernie Sanders, in a debate",
			[]want{{"Boeing and GE pay zero taxes.", "Bernie Sanders", "Bernie Sanders", "–", "direct"}}},
		{"transcript labels inside a quoted transcript", "Governor Mike Pence spoke to Chris Wallace on Sunday. A transcript:\n\n\"WALLACE: Will she be there tomorrow night?\n\n\"PENCE: She will not be attending.\n\n\"The debate is about the issues.\"",
			[]want{{"WALLACE: Will she be there tomorrow night?", "Chris Wallace", "WALLACE", "", "direct"},
				{"PENCE: She will not be attending.", "Mike Pence", "PENCE", "", "direct"},
				{"The debate is about the issues.", "Mike Pence", "PENCE", "", "continued"}}},
		{"party label after the name", "“We will override the veto,” Senate Majority Leader Mitch McConnell, R-Ky., said.",
			[]want{{"We will override the veto", "Mitch McConnell", "Mitch McConnell", "said", "direct"}}},
		{"title with a prepositional phrase between name and cue", "“The plans will not solve this,” Anne Richards, assistant secretary of state, said on the call.",
			[]want{{"The plans will not solve this", "Anne Richards", "Anne Richards", "said", "direct"}}},
		{"a document as the speaker, not a number word", "Twenty-two years ago, a Times article called the bridge “a costly mistake.”",
			[]want{{"a costly mistake.", "a Times article", "a Times article", "called", "partial"}}},
		{"cue in a relative clause: the relative pronoun is the mention", "The pact has few friends left, least of all Donald Trump, who has called it “a disaster for our workers.”",
			[]want{{"a disaster for our workers.", "Donald Trump", "who", "called", "partial"}}},
		{"exclamation, then a speaker with an appositive and the cue", "“Perpetual motion!” Rep. Glenn Thompson, R-Pa., said of the convention.",
			[]want{{"Perpetual motion!", "Glenn Thompson", "Rep. Glenn Thompson", "said", "direct"}}},
		{"a surname that is also a title", "“Our efforts have been insufficient,” Amy Pope, deputy homeland security advisor, said.",
			[]want{{"Our efforts have been insufficient", "Amy Pope", "Amy Pope", "said", "direct"}}},
		{"an organisation's name holding a common word", "“It covered up this email,” Judicial Watch president Tom Fitton said.",
			[]want{{"It covered up this email", "Tom Fitton", "Tom Fitton", "said", "direct"}}},
		{"an organisation's name of title words", "“We offer a deep and sincere apology,” the Democratic National Committee said.",
			[]want{{"We offer a deep and sincere apology", "Democratic National Committee", "the Democratic National Committee", "said", "direct"}}},
		{"a dateline is no speaker", "PHILADELPHIA, July 25 (UPI) — The party's national committee released a statement on Monday, offering “a deep and sincere apology” to Sen. Bernie Sanders.",
			[]want{{"a deep and sincere apology", "The party's national committee", "The party's national committee", "offering", "partial"}}},
		{"scare quote left out", "The so-called “deal of the century” was signed in the film “Shark Tank” on Monday.",
			nil},
		{"nested quote is not the speaker's own words", "“He told me ‘never again’ and left,” Diaz said.",
			[]want{{"He told me ‘never again’ and left", "Diaz", "Diaz", "said", "direct"}}},
		{"the speaker's words introduce the quote", "Dr. Ana Diaz runs the city lab.\n\nIn Dr. Diaz's words, “The brain decides before we know it.”",
			[]want{{"The brain decides before we know it.", "Ana Diaz", "Dr. Diaz", "", "direct"}}},
		{"the addressee of a participle does not speak", "“We miss him,” Ana Diaz weighed in, telling Tom Reed, “You stayed true to him.”",
			[]want{{"We miss him", "Ana Diaz", "Ana Diaz", "weighed in", "direct"}, {"You stayed true to him.", "Ana Diaz", "Ana Diaz", "weighed in", "direct"}}},
		{"an appositive that ends the sentence after the cue", "“We will reopen the bridge,” said Ana Diaz, the mayor of Lakeview.",
			[]want{{"We will reopen the bridge", "Ana Diaz", "Ana Diaz", "said", "direct"}}},
	}
	x := defaultExtractor(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := x.Extract("t", c.text)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Quotes) != len(c.want) {
				var got []string
				for _, q := range doc.Quotes {
					got = append(got, q.Quote+" ← "+q.Speaker+" ["+q.Rule+"]")
				}
				t.Fatalf("got %d quotes, want %d: %s", len(doc.Quotes), len(c.want), strings.Join(got, "; "))
			}
			for i, w := range c.want {
				q := doc.Quotes[i]
				if q.Quote != w.quote || q.Speaker != w.speaker || q.Mention != w.mention || q.Cue != w.cue || q.Kind != w.kind {
					t.Errorf("quote %d: got %q speaker %q mention %q cue %q kind %q (rule %s); want %q %q %q %q %q",
						i+1, q.Quote, q.Speaker, q.Mention, q.Cue, q.Kind, q.Rule, w.quote, w.speaker, w.mention, w.cue, w.kind)
				}
				if w.speaker == "" && q.Status != "unresolved" {
					t.Errorf("quote %d: status %q, want unresolved", i+1, q.Status)
				}
			}
		})
	}
}
