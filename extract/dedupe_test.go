package extract_test

import (
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
