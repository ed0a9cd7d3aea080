package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
)

func dedupeDoc(id string, quotes ...string) *extract.Document {
	d := &extract.Document{ID: id, Speakers: []extract.Speaker{{Name: "Ana Ruiz", Quotes: len(quotes)}}}
	for i, q := range quotes {
		d.Quotes = append(d.Quotes, extract.Record{Doc: id, ID: "q" + string(rune('1'+i)), Quote: q, Speaker: "Ana Ruiz", Kind: "direct"})
	}
	return d
}

// TestDeduper checks repeats inside a document (a pull quote) and across
// documents (a syndicated copy), the normalisation, and short quotations
// never matched.
func TestDeduper(t *testing.T) {
	tests := []struct {
		name string
		docs [][]string
		want [][]string // DupOf per record
	}{
		{"pull quote", [][]string{{"The bridge will open in spring.", "Costs rose.", "The bridge will open in spring."}},
			[][]string{{"", "", "a#q1"}}},
		{"syndicated", [][]string{{"We are not leaving the valley."}, {"we are NOT leaving  the valley!"}},
			[][]string{{""}, {"a#q1"}}},
		{"short phrases stay", [][]string{{"very useful", "Yes."}, {"very useful", "Yes."}},
			[][]string{{"", ""}, {"", ""}}},
		{"punctuation only differs", [][]string{{"Trains run, late — again"}, {"Trains run late again."}},
			[][]string{{""}, {"a#q1"}}},
		{"combining accents do not split words", [][]string{{"Le cafe\u0301 reste ouvert"}, {"le cafe reste ouvert"}},
			[][]string{{""}, {"a#q1"}}},
		{"distinct", [][]string{{"The bridge will open in spring."}, {"The bridge will open in summer."}},
			[][]string{{""}, {""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dd := extract.NewDeduper()
			for i, qs := range tt.docs {
				d := dedupeDoc(string(rune('a'+i)), qs...)
				dd.Mark(d, false)
				for k, r := range d.Quotes {
					if r.DupOf != tt.want[i][k] {
						t.Errorf("doc %d quote %d %q: dup_of %q, want %q", i, k, r.Quote, r.DupOf, tt.want[i][k])
					}
				}
			}
		})
	}
}

// TestDeduperDrop checks that drop keeps first occurrences only and lowers
// the speaker's count.
func TestDeduperDrop(t *testing.T) {
	dd := extract.NewDeduper()
	a := dedupeDoc("a", "The bridge will open in spring.", "The bridge will open in spring.")
	if n := dd.Mark(a, true); n != 1 || len(a.Quotes) != 1 || a.Speakers[0].Quotes != 1 {
		t.Errorf("doc a: %d repeats, %d quotes, speaker count %d; want 1, 1, 1", n, len(a.Quotes), a.Speakers[0].Quotes)
	}
	b := dedupeDoc("b", "Costs rose again this year.", "the bridge will open in spring")
	if n := dd.Mark(b, true); n != 1 || len(b.Quotes) != 1 || b.Quotes[0].ID != "q1" || b.Quotes[0].DupOf != "" {
		t.Errorf("doc b: %d repeats, quotes %+v; want 1 repeat and q1 kept", n, b.Quotes)
	}
}

// TestDeduperPullQuote checks that a pull quote printed before its
// attributed passage points to that passage, and that --dedupe keeps the
// attributed one; a syndicated copy points to the attributed one too.
func TestDeduperPullQuote(t *testing.T) {
	a := &extract.Document{ID: "a", Speakers: []extract.Speaker{{Name: "Ana Ruiz", Quotes: 1}}, Quotes: []extract.Record{
		{ID: "q1", Quote: "We are not leaving the valley.", Kind: "direct"},
		{ID: "q2", Quote: "Costs rose again this year.", Speaker: "Ana Ruiz", Confidence: 0.9, Kind: "direct"},
		{ID: "q3", Quote: "We are not leaving the valley,", Speaker: "Ana Ruiz", Confidence: 0.95, Kind: "direct"},
		{ID: "q4", Quote: "We are not leaving the valley", Speaker: "Ana Ruiz", Confidence: 0.5, Kind: "direct"},
	}}
	b := dedupeDoc("b", "We are NOT leaving the valley.")
	dd := extract.NewDeduper()
	dd.Mark(a, false)
	dd.Mark(b, false)
	var got []string
	for _, r := range append(a.Quotes, b.Quotes...) {
		got = append(got, r.DupOf)
	}
	if want := []string{"a#q3", "", "", "a#q3", "a#q3"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("dup_of %q, want %q", got, want)
	}
	a2 := &extract.Document{ID: "a", Quotes: slices.Clone(a.Quotes)}
	extract.NewDeduper().Mark(a2, true)
	if len(a2.Quotes) != 2 || a2.Quotes[0].ID != "q2" || a2.Quotes[1].ID != "q3" {
		t.Errorf("drop kept %+v, want q2 and q3", a2.Quotes)
	}
}
