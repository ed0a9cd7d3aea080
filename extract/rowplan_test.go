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
	// more quotes than minSharedMatches: shared matches; explanations
	// are asked of the articles only (they cost a match per rule)
	articles := len(docs)
	for _, u := range []string{"“We agree,” he said. She told them it was his plan. “No,” she said, and they left. ",
		"“Yes,” he said.\r", "“Yes,” “no,” “maybe,” “so” and “then” they were. \n", "“We will win this,” said John Smith.\n"} {
		docs = append(docs, Input{ID: u, Text: strings.Repeat(u, minSharedMatches+100)})
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

// TestKeepMatchShares: the matches of a document of many quotes are shared
// when equal and kept apart when they differ in anything; those of a short
// document are copies.
func TestKeepMatchShares(t *testing.T) {
	r1, r2 := &rules.AttrRule{ID: "a"}, &rules.AttrRule{ID: "b"}
	m := func(r *rules.AttrRule, start int, caps rules.Captures) rules.Match {
		return rules.Match{Rule: r, Span: rules.Span{Start: start, End: start + 3}, Captures: caps, HasSpkr: true,
			Speaker: rules.SpeakerPhrase{Span: rules.Span{Start: start + 1, End: start + 2}, Mention: rules.Span{Start: start + 1, End: start + 2}}}
	}
	var names rules.Captures // the names of one pattern, as its matches share them
	names.Set("cue", rules.Span{})
	cue := func(s int) rules.Captures { c := names; c.Set("cue", rules.Span{Start: s, End: s + 1}); return c }
	long := &analysis{quotes: make([]Quote, minSharedMatches+1)}
	first := long.keepMatch(m(r1, 0, cue(2)))
	for _, tc := range []struct {
		name  string
		m     rules.Match
		share bool
	}{
		{"equal", m(r1, 0, cue(2)), true},
		{"other rule", m(r2, 0, cue(2)), false},
		{"other span", m(r1, 1, cue(2)), false},
		{"other captures", m(r1, 0, cue(1)), false},
		{"no speaker", func() rules.Match { x := m(r1, 0, cue(2)); x.HasSpkr = false; return x }(), false},
	} {
		got := long.keepMatch(tc.m)
		if (got == first) != tc.share {
			t.Errorf("%s: shared %v, want %v", tc.name, got == first, tc.share)
		}
		if got.Rule != tc.m.Rule || got.Span != tc.m.Span || got.HasSpkr != tc.m.HasSpkr || got.Captures != tc.m.Captures {
			t.Errorf("%s: kept %+v, want %+v", tc.name, *got, tc.m)
		}
	}
	short := &analysis{quotes: make([]Quote, 3)}
	if a, b := short.keepMatch(m(r1, 0, cue(2))), short.keepMatch(m(r1, 0, cue(2))); a == b {
		t.Errorf("the matches of a short document are shared")
	}
}

// TestTokenBound: the room reserved for the tokens of a long paragraph is
// its tokens within a sixteenth (a third of its bytes before: three fifths
// more than the tokens of lone-CR lines), and a third of the bytes of a
// short one.
func TestTokenBound(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	for _, tc := range []struct {
		name string
		text string
		long bool
	}{
		{"lone CR", strings.Repeat("“Yes,” he said.\r", 20000), true},
		{"prose", strings.Repeat("The council met on Tuesday, and “we agreed,” its chair said. ", 6000), true},
		{"short", strings.Repeat("“Yes,” he said.\r", 100), false},
	} {
		c, _, low := x.clean(tc.text, false)
		a := x.analyze(c, low)
		var qidx []int
		for i, q := range a.quotes {
			if q.Depth == 0 {
				qidx = append(qidx, i)
			}
		}
		toks := 0
		for _, s := range a.sents[:a.nsents] {
			toks += len(s.toks)
		}
		l := c.Lines[0]
		got := x.tokenBound(a, int(l.Start), int(l.End), qidx)
		third := int(l.End-l.Start)/3 + 1
		switch {
		case len(c.Lines) != 1:
			t.Errorf("%s: %d lines, want one paragraph", tc.name, len(c.Lines))
		case !tc.long && got != third:
			t.Errorf("%s: room for %d tokens, want a third of the bytes, %d", tc.name, got, third)
		case tc.long && (got < toks || got > toks+toks/16+64):
			t.Errorf("%s: room for %d tokens, for %d tokens", tc.name, got, toks)
		}
		x.release(a)
	}
}

// TestRowBoundsLikeCosts: rows kept by their bounds (rowBound, while the
// budget is sure to hold them) are those that their costs keep (the
// planned rows are costed from the first), also when the budget runs out
// midway.
func TestRowBoundsLikeCosts(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	direct, planned := New(rs, Options{All: true}), New(rs, Options{All: true})
	direct.planRows = int(^uint(0) >> 1)
	planned.planRows = 0
	text := strings.Repeat("“a” ", 8000) // rows of more bytes than the text's budget
	want, err := planned.Extract("bounded", text)
	if err != nil {
		t.Fatal(err)
	}
	got, err := direct.Extract("bounded", text)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Warnings) == 0 || len(want.Quotes) == 0 {
		t.Fatalf("%d rows, warnings %v: the budget does not run out midway", len(want.Quotes), want.Warnings)
	}
	if !reflect.DeepEqual(got.Quotes, want.Quotes) || !reflect.DeepEqual(got.Warnings, want.Warnings) {
		t.Errorf("rows by bounds: %d, %v; by costs: %d, %v", len(got.Quotes), got.Warnings, len(want.Quotes), want.Warnings)
	}
}
