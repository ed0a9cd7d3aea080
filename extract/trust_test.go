package extract_test

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// row is the part of an output row that the trust tests look at.
type row struct{ quote, speaker, status string }

func rowsOf(t *testing.T, x *extract.Extractor, text string) []row {
	t.Helper()
	doc, err := x.Extract("t", text)
	if err != nil {
		t.Fatal(err)
	}
	var out []row
	for _, q := range doc.Quotes {
		out = append(out, row{q.Quote, q.Speaker, q.Status})
	}
	return out
}

// TestTrustOnPages checks what scraped-page furniture may give: a caption or
// a headline is not the sentence before a quotation, a caption under its
// label gives no quote, a term in a headline-like line or taken only by a
// guess is not speech, and a fallback attribution says it is a guess.
func TestTrustOnPages(t *testing.T) {
	const quote = "“We will finish the bridge before the winter comes and nobody will stop us.”"
	tests := []struct {
		name, text string
		want       []row
	}{
		{"caption before a quote is no previous sentence",
			"The council met on Tuesday to vote on the budget.\n\nHarbour Bridge seen from the north shore at dawn\n\n" + quote + "\n",
			[]row{{"We will finish the bridge before the winter comes and nobody will stop us.", "", "unresolved"}}},
		{"the headline is not the sentence before the first paragraph",
			"Mayor Ann Lee says the bridge will be built! - Springfield News\n\nMayor Ann Lee says the bridge will be built!\n\n" + quote + "\n\nThe council met on Tuesday and voted for the plan after a long debate in the town hall.\n",
			[]row{{"We will finish the bridge before the winter comes and nobody will stop us.", "", "unresolved"}}},
		{"a prose sentence before a quote gives a guess",
			"Jane Doe toured the harbour with the builders on Monday.\n\n" + quote + "\n",
			[]row{{"We will finish the bridge before the winter comes and nobody will stop us.", "Jane Doe", "guessed"}}},
		{"a caption between two paragraphs does not end the turn",
			"“We have waited for years,” said Jane Doe.\n\nHarbour view at dawn\n\n“Now the bridge will finally be built and the town will change.”\n",
			[]row{{"We have waited for years", "Jane Doe", "attributed"}, {"Now the bridge will finally be built and the town will change.", "Jane Doe", "attributed"}}},
		{"a turn that goes on from a guess is a guess",
			"Jane Doe toured the harbour with the builders on Monday.\n\n" + quote + "\n\n“The town has waited far too long for this to happen.”\n",
			[]row{{"We will finish the bridge before the winter comes and nobody will stop us.", "Jane Doe", "guessed"}, {"The town has waited far too long for this to happen.", "Jane Doe", "guessed"}}},
		{"a source line after a quote ends the turn",
			"“Great show, we loved every minute of it.”\n– Jane Doe\n“Lovely evening for the whole family and the kids.”\n",
			[]row{{"Great show, we loved every minute of it.", "Jane Doe", "attributed"}, {"Lovely evening for the whole family and the kids.", "", "unresolved"}}},
		{"a named cue is attributed",
			"“We are done,” said Jane Doe.\n",
			[]row{{"We are done", "Jane Doe", "attributed"}}},
		{"a term in a headline-like line is not speech",
			"Mayor Jane Doe calls budget “reckless” in heated debate\n\nMayor Jane Doe calls the budget “reckless” in a heated debate.\n",
			[]row{{"reckless", "Jane Doe", "attributed"}}},
		{"a headline's term stays out when the attribution does not close the line",
			"Budget “a disgrace” Jane Doe says at packed hearing\n",
			nil},
		{"a headline's term stays when the attribution closes the line",
			"Budget “a disgrace,” Jane Doe says\n",
			[]row{{"a disgrace", "Jane Doe", "attributed"}}},
		{"a dek's attributed quote stays",
			"Talks bring the sides “closer,” Jane Doe has said\n",
			[]row{{"closer", "Jane Doe", "attributed"}}},
		{"a guessed term of a non-person is not speech",
			"The courts have held that the definition of “substantially all” includes a change.\n",
			nil},
		{"a guessed term of the writer's we is not speech",
			"“It was hard,” said Jane Doe.\n\nWe do not yet know when that “a-ha” moment takes place.\n",
			[]row{{"It was hard", "Jane Doe", "attributed"}}},
		{"a guessed term of a person stays, marked as a guess",
			"Hillary Clinton has raised the issue of “systemic racism” in her speeches.\n",
			[]row{{"systemic racism", "Hillary Clinton", "guessed"}}},
		{"what the reader would think is no speech",
			"Running a shop is hard work.\n\nSome nights you will wonder, “Why did I ever start this business at all?”\n",
			nil},
		{"a generic you far before the quote does not make it the reader's",
			"You have to go back only ten years to see the council defend the idea that “a bridge is a public good for every town.”\n",
			[]row{{"a bridge is a public good for every town.", "", "unresolved"}}},
		{"an exclamation modifying a noun is no speech",
			"Jane Doe said the team waited months for that “aha!” moment in the lab.\n",
			nil},
		{"an exclamation that is no modifier stays",
			"The crowd chanted “Jane!” as she walked in, Jane Doe said.\n",
			[]row{{"Jane!", "Jane Doe", "attributed"}}},
		{"a one-word quote with its possessive is a term",
			"Jane Doe said she would keep the “insider’s” name secret for now.\n",
			nil},
		{"a title-case quote ending in a noun of works is a name",
			"The toy maker said its new sets are called the “Harbour Builder Series” this year.\n",
			nil},
		{"a capitalised word after a noun of works and like is a name",
			"Jane Doe said she worried about singing a song like “Harbour,” which she loves.\n",
			nil},
		{"a lower-case term after a noun and called is a coined term",
			"Jane Doe said the lab used a method called “reverse mapping” to test the idea.\n",
			nil},
		{"a term after a noun known as is a coined term, whatever rule took it",
			"The patients showed what doctors describe as a condition known as “harbour fog,” Jane Doe said.\n",
			nil},
		{"a term after a naming participle with its agent stays",
			"Jane Doe said the council made a decision called “outrageous” by many in the town.\n",
			[]row{{"outrageous", "Jane Doe", "attributed"}}},
		{"a verb of naming with a person noun as its subject stays",
			"The mill was closed after what two inspectors called “sloppy” work at the plant.\n",
			[]row{{"sloppy", "two inspectors", "attributed"}}},
		{"a capitalised name after called stays",
			"Jane Doe said she taught a class called “Harbour Studies” last year.\n",
			[]row{{"Harbour Studies", "Jane Doe", "attributed"}}},
		{"a pronoun quoted inside a sentence is a mention of the word",
			"Jane Doe said Acme Corp. would pay for the use of the word “We.”\n",
			nil},
		{"a pronoun in a split quotation stays speech",
			"“It,” Jane Doe said, “is the best harbour in the whole of the country.”\n",
			[]row{{"It", "Jane Doe", "attributed"}, {"is the best harbour in the whole of the country.", "Jane Doe", "attributed"}}},
		{"a short quote that is the subject of is is a mention",
			"“We will win the vote,” said Jane Doe.\n\n“Harbour first” is the name of her plan.\n",
			[]row{{"We will win the vote", "Jane Doe", "attributed"}}},
		{"a quote opening its sentence before a cue stays",
			"“We will win,” Jane Doe said.\n",
			[]row{{"We will win", "Jane Doe", "attributed"}}},
		{"a passive cue names its speaker after the quote",
			"The closures have been described as “a disaster for the town” by the mayor.\n",
			[]row{{"a disaster for the town", "the mayor", "unresolved"}}},
		{"a labelled caption gives no quote",
			"The mayor spoke on Monday about the harbour bridge and its cost to the city.\n\nMedia caption Jane Doe: \"We will win the vote\"\n\n“We will win the vote,” said Jane Doe, the mayor.\n",
			[]row{{"We will win the vote", "Jane Doe", "attributed"}}},
	}
	x := defaultExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rowsOf(t, x, tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("rows %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("row %d: %+v, want %+v", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestMinConfidence checks that Options.MinConfidence leaves out the rows
// below it, unattributed ones included, and numbers the rest anew.
func TestMinConfidence(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Jane Doe toured the harbour with the builders on Monday.\n\n" +
		"“We will finish the bridge before the winter comes and nobody will stop us.”\n\n" +
		"“It is a good day for the city,” said John Roe.\n\n" +
		"There was a “very long and hard winter ahead of all of us” in the town.\n"
	for _, tt := range []struct {
		min  float64
		want []string
	}{
		{0, []string{"guessed", "attributed", "unresolved"}},
		{0.01, []string{"guessed", "attributed"}},
		{0.9, []string{"attributed"}},
		{1, nil},
	} {
		x := extract.New(rs, extract.Options{MinConfidence: tt.min})
		doc, err := x.Extract("t", text)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for i, q := range doc.Quotes {
			got = append(got, q.Status)
			if q.Confidence < tt.min {
				t.Errorf("min %v: row %s has confidence %v", tt.min, q.ID, q.Confidence)
			}
			if want := "q" + string(rune('1'+i)); q.ID != want {
				t.Errorf("min %v: row %d has id %s, want %s", tt.min, i+1, q.ID, want)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("min %v: statuses %v, want %v", tt.min, got, tt.want)
		}
	}
}

// TestGuessedRules checks that the built-in fallback rules, and only they,
// are marked guessed, and that a guessed rule is below every rule that
// ties the speaker to the quote by a cue of the same scope.
func TestGuessedRules(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	guessed := map[string]bool{}
	for _, r := range rs.Attribution {
		if r.Status == rules.StatusGuessed {
			guessed[r.ID] = true
		}
	}
	for _, id := range []string{"sentence-subject", "previous-subject"} {
		if !guessed[id] {
			t.Errorf("%s is not marked guessed", id)
		}
	}
	for _, id := range []string{"quote-cue-speaker", "quote-speaker-cue", "split-quote", "partial-quote"} {
		if guessed[id] {
			t.Errorf("%s is marked guessed", id)
		}
	}
}

// TestRuleConfidenceByFeature checks that a row takes its rule's
// confidence_across when the speaker was found in an earlier paragraph, its
// confidence_single when the speaker is a one-word name, its
// confidence_term when such a quotation follows a determiner or a
// possessive, its confidence_short when the quotation has at most
// scare_max_words words (before confidence_resolved), its confidence_resolved when the speaker
// mention was resolved to a person named before, and its confidence
// otherwise.
func TestRuleConfidenceByFeature(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*rules.AttrRule{}
	for _, r := range rs.Attribution {
		byID[r.ID] = r
	}
	tests := []struct {
		name, text, quote, rule, which string
	}{
		{"a turn inside its paragraph",
			"“We will win the vote on Monday,” said Jane Doe, who smiled. “We will build the bridge this year.”\n",
			"We will build the bridge this year.", "continued-turn", "confidence"},
		{"a turn past a paragraph break",
			"“We will win the vote on Monday,” said Jane Doe.\n\n“We will build the bridge this year.”\n",
			"We will build the bridge this year.", "continued-turn", "across"},
		{"a subject met for the first time",
			"Jane Doe was quick to praise the plan and said it was “a good start for the town and its people” this year.\n",
			"a good start for the town and its people", "subject-cue-quote", "confidence"},
		{"a subject resolved to a person named before",
			"Jane Doe met the council on Monday.\n\nDoe was quick to praise the plan and said it was “a good start for the town and its people” this year.\n",
			"a good start for the town and its people", "subject-cue-quote", "resolved"},
		{"a one-word name the document never gives in full",
			"Springfield was quick to praise the plan and said it was “a good start for the town and its people” this year.\n",
			"a good start for the town and its people", "subject-cue-quote", "single"},
		{"a one-word name before a short quotation: the name decides",
			"Springfield was quick to praise the plan and said it was “a good start” for the town.\n",
			"a good start", "subject-cue-quote", "single"},
		{"a short quotation: more often a term than speech",
			"Jane Doe met the council on Monday.\n\nDoe was quick to praise the plan and said it was “a good start” for the town.\n",
			"a good start", "subject-cue-quote", "short"},
		{"a short quotation after a determiner: a term inside a noun phrase",
			"Jane Doe met the council on Monday.\n\nDoe was quick to praise the plan and said it was a “good start” for the town.\n",
			"good start", "subject-cue-quote", "term"},
		{"a short quotation after a possessive",
			"Jane Doe met the council on Monday.\n\nDoe was quick to praise the plan and said the town’s “good start” was a relief.\n",
			"good start", "subject-cue-quote", "term"},
		{"a short quotation after an inverted cue",
			"“Fine by me,” said Jane Doe.\n",
			"Fine by me", "quote-cue-speaker", "short"},
		{"four words are still short, five are not",
			"“We are fine by you,” said Jane Doe.\n",
			"We are fine by you", "quote-cue-speaker", "confidence"},
	}
	x := extract.New(rs, extract.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract("t", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			r := byID[tt.rule]
			if r == nil {
				t.Fatalf("no rule %s", tt.rule)
			}
			want := map[string]float64{"confidence": r.Confidence, "across": r.ConfidenceAcross, "resolved": r.ConfidenceResolved, "short": r.ConfidenceShort, "single": r.ConfidenceSingle, "term": r.ConfidenceTerm}[tt.which]
			if want == 0 {
				t.Fatalf("rule %s has no %s confidence", tt.rule, tt.which)
			}
			for _, q := range doc.Quotes {
				if q.Quote != tt.quote {
					continue
				}
				if q.Rule != tt.rule || q.Confidence != want {
					t.Errorf("%q: rule %s confidence %v, want %s %v", q.Quote, q.Rule, q.Confidence, tt.rule, want)
				}
				return
			}
			t.Errorf("no row for %q: %+v", tt.quote, doc.Quotes)
		})
	}
}
