package extract

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestTokenizeDecimals checks that a period or a comma between digits joins
// them into one token (a decimal point or comma, a separator of
// thousands), whatever the number of digits before it, and that a period
// or comma after a number that no digit follows stays a token of its own.
func TestTokenizeDecimals(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	tests := []struct{ in, want string }{
		{"was 3.5 percent", "was|3.5|percent"},
		{"was 98.3 percent", "was|98.3|percent"},
		{"rose to $214.9 billion", "rose|to|$|214.9|billion"},
		{"1.000.000 Euro", "1.000.000|Euro"},
		{"in 2026. Then", "in|2026|.|Then"},
		{"was 98. 3 more", "was|98|.|3|more"},
		{"the U.S. said", "the|U.S.|said"},
		{"2,400 people", "2,400|people"},
		{"1,250,000 dollars", "1,250,000|dollars"},
		{"3,5 Prozent", "3,5|Prozent"},
		{"in 2016, he said", "in|2016|,|he|said"},
		{"2016,he", "2016|,|he"},
		{"a,b", "a|,|b"},
	}
	for _, tt := range tests {
		if g := tokenTexts(x, tt.in); g != tt.want {
			t.Errorf("tokenize(%q) = %s, want %s", tt.in, g, tt.want)
		}
	}
}

// tokenTexts returns the texts of the tokens x makes of text, joined by |.
func tokenTexts(x *Extractor, text string) string {
	low := ""
	var got []string
	for _, tok := range x.tokenize(text, 0, len(text), nil, nil, nil, &low) {
		got = append(got, tok.Text)
	}
	return strings.Join(got, "|")
}

// TestDecimalEndsNoSentence checks that a decimal point with two digits or
// more before it ends no sentence: the statement's content and sentence
// run to the sentence's end.
func TestDecimalEndsNoSentence(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{Reported: true})
	text := "Jones said the turnout was 98.33 percent in the town.\n"
	doc, err := x.Extract("d", text)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, q := range doc.Quotes {
		if q.Kind != "indirect" {
			continue
		}
		found = true
		if q.Quote != "the turnout was 98.33 percent in the town" || q.Sentence != strings.TrimSpace(text) {
			t.Errorf("statement %q in sentence %q", q.Quote, q.Sentence)
		}
	}
	if !found {
		t.Error("no statement")
	}
}
