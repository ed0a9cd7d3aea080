package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
)

// TestSpeakerMerge checks which per-document speakers become one person
// across documents.
func TestSpeakerMerge(t *testing.T) {
	type sp = extract.Speaker
	tests := []struct {
		name string
		docs [][]sp
		want []string // "name|titles|aliases|quotes|documents", in output order
	}{
		{"surname joins the full name",
			[][]sp{{{Name: "Yury Ushakov", Titles: []string{"Kremlin aide"}, Aliases: []string{"Ushakov"}, Quotes: 3}},
				{{Name: "Ushakov", Titles: []string{"Kremlin aide"}, Quotes: 2}}},
			[]string{"Yury Ushakov|Kremlin aide|Ushakov|5|2"}},
		{"same full name in any case, titles by frequency",
			[][]sp{{{Name: "Anna Lind", Titles: []string{"fisher"}, Quotes: 1}},
				{{Name: "anna  lind", Titles: []string{"skipper"}, Quotes: 1}},
				{{Name: "Anna Lind", Titles: []string{"skipper"}, Quotes: 1}}},
			[]string{"Anna Lind|skipper; fisher||3|3"}},
		{"surname without a title joins the one full name",
			[][]sp{{{Name: "Maria Olsen", Titles: []string{"mayor"}, Quotes: 1}}, {{Name: "Olsen", Quotes: 1}}},
			[]string{"Maria Olsen|mayor|Olsen|2|2"}},
		{"titles that disagree keep the surname apart",
			[][]sp{{{Name: "Maria Olsen", Titles: []string{"mayor"}, Quotes: 2}}, {{Name: "Olsen", Titles: []string{"goalkeeper"}, Quotes: 1}}},
			[]string{"Maria Olsen|mayor||2|1", "Olsen|goalkeeper||1|1"}},
		{"a surname of two people stays apart, unless the title decides",
			[][]sp{{{Name: "Donald Trump", Titles: []string{"US President"}, Quotes: 2}, {Name: "Lara Trump", Titles: []string{"co-chair"}, Quotes: 1}},
				{{Name: "Trump", Quotes: 1}},
				{{Name: "Trump", Titles: []string{"President"}, Quotes: 1}}},
			[]string{"Donald Trump|US President; President|Trump|3|2", "Lara Trump|co-chair||1|1", "Trump|||1|1"}},
		{"a shared title beats a title that contains it",
			[][]sp{{{Name: "Donald Trump", Titles: []string{"Republican nominee"}, Quotes: 5}, {Name: "Ivanka Trump", Titles: []string{"daughter of the Republican nominee"}, Quotes: 1}},
				{{Name: "Trump", Titles: []string{"Republican nominee"}, Quotes: 2}}},
			[]string{"Donald Trump|Republican nominee|Trump|7|2", "Ivanka Trump|daughter of the Republican nominee||1|1"}},
		{"a middle initial is the same person",
			[][]sp{{{Name: "Donald Trump", Titles: []string{"nominee"}, Quotes: 2}}, {{Name: "Donald J. Trump", Titles: []string{"nominee"}, Quotes: 1}},
				{{Name: "Trump", Titles: []string{"nominee"}, Quotes: 1}}},
			[]string{"Donald Trump|nominee|Donald J. Trump; Trump|4|3"}},
		{"a shared title carried far more often decides",
			[][]sp{{{Name: "Barack Obama", Titles: []string{"President"}, Quotes: 1}}, {{Name: "Barack Obama", Titles: []string{"President"}}},
				{{Name: "Barack Obama", Titles: []string{"President"}}}, {{Name: "Michelle Obama", Titles: []string{"first lady", "President"}, Quotes: 1}},
				{{Name: "Obama", Titles: []string{"President"}, Quotes: 3}}},
			[]string{"Barack Obama|President|Obama|4|4", "Michelle Obama|first lady; President||1|1"}},
		{"with no title to decide, the far better known person",
			[][]sp{{{Name: "Ann Berg", Quotes: 1}}, {{Name: "Ann Berg"}}, {{Name: "Ann Berg"}}, {{Name: "Ann Berg"}}, {{Name: "Ann Berg"}},
				{{Name: "Bo Berg", Quotes: 1}}, {{Name: "Berg", Quotes: 2}}},
			[]string{"Ann Berg||Berg|3|6", "Bo Berg|||1|1"}},
		{"a middle name is the same person",
			[][]sp{{{Name: "Hillary Clinton", Quotes: 1}}, {{Name: "Hillary Rodham Clinton", Quotes: 1}}},
			[]string{"Hillary Clinton||Hillary Rodham Clinton|2|2"}},
		{"an alias of a full name catches a one-word name",
			[][]sp{{{Name: "Luiz Inácio Lula da Silva", Aliases: []string{"Lula"}, Quotes: 1}}, {{Name: "Lula", Quotes: 2}}},
			[]string{"Luiz Inácio Lula da Silva||Lula|3|2"}},
		{"an organisation stays itself",
			[][]sp{{{Name: "Reuters", Quotes: 0}}, {{Name: "Reuters", Quotes: 1}}},
			[]string{"Reuters|||1|2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m extract.SpeakerMerge
			for i, d := range tt.docs {
				m.Add(&extract.Document{ID: fmt.Sprintf("d%d", i), Speakers: d})
			}
			var got []string
			for _, s := range m.Speakers() {
				got = append(got, fmt.Sprintf("%s|%s|%s|%d|%d", s.Name, strings.Join(s.Titles, "; "), strings.Join(s.Aliases, "; "), s.Quotes, s.Documents))
				if len(s.Docs) != s.Documents {
					t.Errorf("%s: docs %v, documents %d", s.Name, s.Docs, s.Documents)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
