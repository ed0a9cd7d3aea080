package extract

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// rulePairs returns the pair table of the default ruleset: the pairs of
// every document, or (all) with those scanned only in documents that use
// inner marks as their outer quotation.
func rulePairs(t *testing.T, all bool) []MarkPair {
	t.Helper()
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	if all {
		return x.allPairs
	}
	return x.pairs
}

// TestScanQuotesBritish pairs quotations in the British convention (‘…’
// outside, “…” inside, straight '…' in plain text) with the default
// ruleset's table for such documents: apostrophes never close a quotation.
func TestScanQuotesBritish(t *testing.T) {
	british := ScanOptions{Pairs: rulePairs(t, true)}
	cases := []quoteCase{
		{"plain", "‘We will win,’ said John Smith.", british, []string{"We will win,"}, 0},
		{"’s", "‘It’s the council’s plan,’ she said.", british, []string{"It’s the council’s plan,"}, 0},
		{"’re", "‘We’re ready,’ he said.", british, []string{"We’re ready,"}, 0},
		{"n’t", "‘They don’t know and can’t say,’ he said.", british, []string{"They don’t know and can’t say,"}, 0},
		{"plural possessive", "‘The dogs’ bowls were empty,’ she said.", british, []string{"The dogs’ bowls were empty,"}, 0},
		{"plural possessive, straight", "'The dogs' bowls were empty,' she said.", british, []string{"The dogs' bowls were empty,"}, 0},
		{"plural possessive at the end closes", "He called them ‘the workers’ today.", british, []string{"the workers"}, 0},
		{"plural possessive before a new quote closes", "‘The experts’ say it, and ‘others’ too.", british,
			[]string{"The experts", "others"}, 0},
		{"o’clock", "‘We meet at five o’clock,’ he said.", british, []string{"We meet at five o’clock,"}, 0},
		{"’90s", "‘Back in the ’90s it was different,’ she said.", british, []string{"Back in the ’90s it was different,"}, 0},
		{"rock ’n’ roll", "‘I grew up on rock ’n’ roll,’ he said.", british, []string{"I grew up on rock ’n’ roll,"}, 0},
		{"straight apostrophes", "'It's the dogs' dinner, isn't it?' he asked.", british, []string{"It's the dogs' dinner, isn't it?"}, 0},
		{"straight ’90s and rock 'n' roll", "'In the '90s we played rock 'n' roll,' he said.", british,
			[]string{"In the '90s we played rock 'n' roll,"}, 0},
		{"double nested", "‘He told me “never again” that day,’ she said.", british,
			[]string{"He told me “never again” that day,", "never again [d1 p0]"}, 0},
		{"single nested in single", "‘He said ‘never’ and left,’ she said.", british,
			[]string{"He said ‘never’ and left,", "never [d1 p0]"}, 0},
		{"plural possessive after a nested quote", "‘They call it the ‘workers’ deal’ now,’ he said.", british,
			[]string{"They call it the ‘workers’ deal’ now,", "workers [d1 p0]"}, 0},
		{"a mark that may close the outer quote closes the inner", "‘He used the word ‘terrorists’ then, No,’ she said.", british,
			[]string{"He used the word ‘terrorists’ then, No,", "terrorists [d1 p0]"}, 0},
		{"scare quote", "The so-called ‘experts’ disagree.", british, []string{"experts"}, 0},
		{"two paragraphs", "‘We won,’ he said.\n\n‘They lost,’ she said.", british, []string{"We won,", "They lost,"}, 0},
	}
	runQuoteCases(t, cases)
}

// TestScanQuotesMismatched pairs the mismatched marks that pair without
// doubt, without swallowing the next sentence.
func TestScanQuotesMismatched(t *testing.T) {
	us := ScanOptions{Pairs: rulePairs(t, false)}
	british := ScanOptions{Pairs: rulePairs(t, true)}
	cases := []quoteCase{
		{"curly open, straight close", "“Hello,\" he said. \"Goodbye.\"", us, []string{"Hello,", "Goodbye."}, 0},
		{"straight open, curly close", "\"Hello,” he said. “Goodbye.”", us, []string{"Hello,", "Goodbye."}, 0},
		{"no swallowing", "There was “no evidence\" of it. \"We do not see a link,\" the mayor said.", us,
			[]string{"no evidence", "We do not see a link,"}, 0},
		{"straight nested in curly stays nested", "“He said \"yes\" today,” she said.", us,
			[]string{"He said \"yes\" today,", "yes [d1 p0]"}, 0},
		{"’’ closing a double quotation", "“We are done’’ he said.", us, []string{"We are done"}, 0},
		{"‘‘…’’", "‘‘We are done,’’ he said.", us, []string{"We are done,"}, 0},
		{"spaced closer", "“We are done ” he said. “Yes.”", us, []string{"We are done", "Yes."}, 0},
		{"’’ read as two marks when no double is open", "‘He said ‘no’’ and left.", british,
			[]string{"He said ‘no’", "no [d1 p0]"}, 0},
		{"single curly open, straight close", "there was ‘no evidence' yet, he said.", british, []string{"no evidence"}, 0},
		{"single straight open, curly close", "it would take 'more hours’ to know.", british, []string{"more hours"}, 0},
		{"mismatched, then another quote", "They kept 'work-related’ emails apart from ‘personal messages.’", british,
			[]string{"work-related", "personal messages."}, 0},
	}
	runQuoteCases(t, cases)
}

func runQuoteCases(t *testing.T, cases []quoteCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			qs, ws := ScanQuotes(tc.text, tc.opt)
			checkQuoteInvariants(t, tc.text, tc.opt, qs, ws)
			got := renderQuotes(tc.text, qs)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("ScanQuotes(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
			if tc.warns >= 0 && len(ws) != tc.warns {
				t.Errorf("ScanQuotes(%q): %d warnings, want %d: %v", tc.text, len(ws), tc.warns, ws)
			}
		})
	}
}

// TestScanQuotesMarksLinear: the plural-possessive look-ahead and the
// two-character marks keep the scan linear.
func TestScanQuotesMarksLinear(t *testing.T) {
	british := ScanOptions{Pairs: rulePairs(t, true), MaxLen: 1 << 30}
	texts := map[string]string{
		"possessives then a sure closer": "‘" + strings.Repeat("the dogs’ bowls ", 100_000) + "end,’ he said",
		"possessives, no sure closer":    "‘" + strings.Repeat("the dogs’ bowls ", 100_000),
		"possessives between openers":    strings.Repeat("‘the dogs’ bowls ", 100_000),
		"deep stack then possessives":    strings.Repeat("‘", 100_000) + strings.Repeat("dogs’ x ", 100_000),
		"two-character marks":            strings.Repeat("“a’’ ‘‘b’’ ’’", 100_000),
		"straight marks":                 strings.Repeat("'a' ''b'' dogs' '", 100_000),
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			qs, ws := ScanQuotes(text, british)
			checkQuoteInvariants(t, text, british, qs, ws)
		})
	}
}

// TestScanQuotesElisions: the elided words after an apostrophe come from
// ScanOptions.Elisions (the ruleset's apostrophe_elisions list): with
// them, 'tis opens no quotation; without them, it opens one that runs to
// the paragraph's end.
func TestScanQuotesElisions(t *testing.T) {
	text := "He said 'tis the season, and 'Christmas is here' too."
	british := rulePairs(t, true)
	cases := []quoteCase{
		{"default elisions", text, ScanOptions{Pairs: british}, []string{"Christmas is here"}, -1},
		{"the list's elisions", text, ScanOptions{Pairs: british, Elisions: []string{"tis"}}, []string{"Christmas is here"}, -1},
		{"no elisions", text, ScanOptions{Pairs: british, Elisions: []string{}}, []string{"tis the season, and 'Christmas is here' too. +U", "Christmas is here [d1 p0]"}, -1},
	}
	runQuoteCases(t, cases)
}

// TestApostropheInWord checks that an apostrophe between two letters or
// digits (the scanner's short cut) neither opens nor closes a quotation,
// inside single quotation marks and out, where a mark beside a space does.
func TestApostropheInWord(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"‘I don’t know,’ she said.", "I don’t know,"},
		{"He said ‘it’s the 90’s’ and left.", "it’s the 90’s"},
		{"'We can't, won't stop,' he said.", "We can't, won't stop,"},
		{"The dog’s bowl ‘was empty’ today.", "was empty"},
	} {
		qs, _ := ScanQuotes(c.text, ScanOptions{})
		if len(qs) != 1 || c.text[qs[0].Start:qs[0].End] != c.want {
			t.Errorf("ScanQuotes(%q) = %+v, want one quote %q", c.text, qs, c.want)
		}
	}
}
