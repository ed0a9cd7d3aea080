package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestPlannedRowsIdentical: the rows that records plans and builds after
// the analysis is released (a document of many possible rows) are those
// it builds at once, field for field, with every option that changes the
// rows: on the shipped articles, all of them as one document (whose
// matches are shared), and short runs of the pathological patterns.
func TestPlannedRowsIdentical(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	var docs []Input
	var all strings.Builder
	for _, dir := range []string{"seed", "articles", "pages"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, Input{ID: f, Text: string(data)})
			all.Write(data)
			all.WriteString("\n\n")
		}
	}
	if len(docs) == 0 {
		t.Skip("no articles in testdata/")
	}
	docs = append(docs, Input{ID: "all", Text: all.String()})
	// more quotes than minSharedCaptures: shared matches; explanations
	// are asked of the articles only (they cost a match per rule)
	articles := len(docs)
	for _, u := range []string{"“We agree,” he said. She told them it was his plan. “No,” she said, and they left. ",
		"“Yes,” he said.\r", "“Yes,” “no,” “maybe,” “so” and “then” they were. \n", "“We will win this,” said John Smith.\n"} {
		docs = append(docs, Input{ID: u, Text: strings.Repeat(u, minSharedCaptures+100)})
	}
	for _, opts := range []Options{{}, {All: true, Explain: true}, {Reported: true, All: true, Explain: true}, {MinConfidence: 0.8}} {
		direct, planned := New(rs, opts), New(rs, opts)
		direct.planRows = int(^uint(0) >> 1)
		planned.planRows = 0
		for i, d := range docs {
			if opts.Explain && i >= articles {
				break
			}
			want, err := direct.Extract(d.ID, d.Text)
			if err != nil {
				t.Fatal(err)
			}
			got, err := planned.Extract(d.ID, d.Text)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Quotes) == 0 {
				continue
			}
			if !reflect.DeepEqual(got.Quotes, want.Quotes) || !reflect.DeepEqual(got.Speakers, want.Speakers) || !reflect.DeepEqual(got.Warnings, want.Warnings) {
				t.Errorf("%+v: %.40q: the planned rows differ from those built at once", opts, d.ID)
				for i := range min(len(got.Quotes), len(want.Quotes)) {
					if !reflect.DeepEqual(got.Quotes[i], want.Quotes[i]) {
						t.Logf("row %d: got %+v\nwant %+v", i, got.Quotes[i], want.Quotes[i])
						break
					}
				}
			}
		}
	}
}
