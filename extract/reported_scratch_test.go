package extract

import (
	"reflect"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestReportMatchesInPlace checks that each statement that report finds
// points to its own match, in the array report returns (no copy on the
// heap, no pointer into an array that grew), and that a document's
// statements and rows do not depend on the documents before it (report's
// buffers are reused).
func TestReportMatchesInPlace(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       int // statements at least
	}{
		{"none", "The bridge was closed on Tuesday for repairs to its deck.", 0},
		{"one", "Jane Doe, the mayor, said the bridge would close on Tuesday for repairs.", 1},
		{"two", "Jane Doe said the bridge would close, while John Roe argued that it should stay open.", 2},
		{"many", "Jane Doe said the bridge would close. John Roe said the road would stay open. " +
			"The council said the vote was delayed. Mary Major told reporters that the plan had failed. " +
			"Richard Miles said the budget would grow. Ann Lee said the library would open in May.", 5},
	}
	x := New(rs, Options{Reported: true})
	fresh := func(text string) *Document {
		d, err := New(rs, Options{Reported: true}).Extract("d", text)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for round := 0; round < 2; round++ {
		for _, tt := range tests {
			lang, y := x.langOf(tt.text)
			c, _, low := y.clean(tt.text, false)
			c.Lang = lang
			a := y.analyze(c, low)
			y.attribute(a)
			sts := y.report(a)
			if len(sts) < tt.want {
				t.Errorf("%s: %d statements, want %d or more", tt.name, len(sts), tt.want)
			}
			for i := range sts {
				if sts[i].m != &sts[i].match {
					t.Errorf("%s: statement %d: its match is not its own", tt.name, i)
				}
				if g := y.gates(); g.rules[sts[i].rule] != sts[i].match.Rule {
					t.Errorf("%s: statement %d: rule %d is not its match's", tt.name, i, sts[i].rule)
				}
			}
			y.release(a)
			d, err := x.Extract("d", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if want := fresh(tt.text); !reflect.DeepEqual(d.Quotes, want.Quotes) {
				t.Errorf("%s (round %d): rows differ from a fresh extractor's:\n%+v\nwant\n%+v", tt.name, round, d.Quotes, want.Quotes)
			}
		}
	}
}

// TestFirstWordsLikeMayReport checks findHits' short way, the words of the
// first eight tokens (firstWords), against mayReport: more than
// minStatementWords of them only in a sentence that mayReport lets
// through, on every sequence of kinds of up to ten tokens of words and
// marks, and on the other kinds.
func TestFirstWordsLikeMayReport(t *testing.T) {
	var x *Extractor // (mayReport reads no field of it)
	kinds := []rules.TokenKind{rules.Word, rules.Punct, rules.Dash, rules.QuoteT}
	for n := 0; n <= 10; n++ {
		for code := range 1 << (2 * n) { // (each token one of four kinds)
			toks := make([]rules.Token, n)
			for i := range toks {
				toks[i].Kind = kinds[code>>(2*i)&3]
			}
			fast, slow := firstWords(toks) > minStatementWords, x.mayReport(toks)
			if fast && !slow { // (findHits asks mayReport when fast is false)
				t.Fatalf("kinds %v: firstWords %d, mayReport %v", toks, firstWords(toks), slow)
			}
		}
	}
}
