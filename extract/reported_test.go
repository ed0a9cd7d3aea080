package extract_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

func reportedExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	rs, err := rules.Default()
	if err != nil {
		t.Fatalf("default rules: %v", err)
	}
	return extract.New(rs, extract.Options{Reported: true})
}

// statements extracts the passage text under a headline with x and
// returns its rows of kind indirect.
func statements(t *testing.T, x *extract.Extractor, text string) []extract.Record {
	t.Helper()
	return indirectRows(t, x, "Bridge news\n\n"+text+"\n")
}

// indirectRows extracts text with x and returns its rows of kind
// indirect.
func indirectRows(t *testing.T, x *extract.Extractor, text string) []extract.Record {
	t.Helper()
	doc, err := x.Extract("t", text)
	if err != nil {
		t.Fatal(err)
	}
	var got []extract.Record
	for _, q := range doc.Quotes {
		if q.Kind == "indirect" {
			got = append(got, q)
		}
	}
	return got
}

// TestReportedSeed runs the seed article with reported speech: the quote
// rows are those of today, and the statements of kind indirect hold the
// two that Ushakov made without quotation marks around all of them, and no
// row for the narration around a quotation. The whole output is compared
// with testdata/seed/*.reported.golden.json.
func TestReportedSeed(t *testing.T) {
	data, err := os.ReadFile("../testdata/seed/rt-putin-witkoff-2025-04-25.txt")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := defaultExtractor(t).Extract("seed", string(data))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := reportedExtractor(t).Extract("seed", string(data))
	if err != nil {
		t.Fatal(err)
	}
	var quotes, indirect []extract.Record
	for _, q := range doc.Quotes {
		if q.Kind == "indirect" {
			indirect = append(indirect, q)
		} else {
			quotes = append(quotes, q)
		}
	}
	if len(quotes) != len(plain.Quotes) {
		t.Fatalf("%d quote rows with reported speech, %d without", len(quotes), len(plain.Quotes))
	}
	for i := range quotes {
		if quotes[i].Start != plain.Quotes[i].Start || quotes[i].Speaker != plain.Quotes[i].Speaker || quotes[i].ID != plain.Quotes[i].ID {
			t.Errorf("quote row %d changed: %+v, want %+v", i, quotes[i], plain.Quotes[i])
		}
	}
	runes := []rune(string(data))
	want := []string{
		"The meeting has brought the positions of Moscow and Washington “closer,”",
		"the three hour meeting brought the positions of Moscow and Washington “closer” on the Ukraine conflict and other global issues",
	}
	for _, w := range want {
		found := false
		for _, r := range indirect {
			if r.Quote == w {
				found = true
				if r.Speaker != "Yury Ushakov" || r.Title != "Kremlin aide" || r.Status == "unresolved" {
					t.Errorf("%q: speaker %q title %q status %q, want Yury Ushakov, Kremlin aide", w, r.Speaker, r.Title, r.Status)
				}
				if string(runes[r.Start:r.End]) != w {
					t.Errorf("%q: offsets %d–%d slice the input to %q", w, r.Start, r.End, string(runes[r.Start:r.End]))
				}
			}
		}
		if !found {
			t.Errorf("no statement %q among %+v", w, indirect)
		}
	}
	for _, r := range indirect {
		for _, narration := range []string{"Putin and Witkoff discussed", "In particular", "The discussion, which lasted", "Kremlin aide Yury Ushakov"} {
			if strings.Contains(r.Quote, narration) {
				t.Errorf("a statement for narration: %q", r.Quote)
			}
		}
	}
	var buf bytes.Buffer
	w, _ := extract.NewWriter("json", &buf, extract.WriterOptions{})
	if err := w.WriteDoc(doc); err != nil {
		t.Fatal(err)
	}
	w.Close()
	golden(t, "../testdata/seed/rt-putin-witkoff-2025-04-25.reported.golden.json", buf.Bytes())
}

// TestReportedLayouts checks each layout of reported speech on a passage
// written for the test: the content (without "that" and the final period),
// the speaker as written, the cue and the status.
func TestReportedLayouts(t *testing.T) {
	x := reportedExtractor(t)
	tests := []struct {
		name, text                          string
		content, mention, cue, status, rule string
	}{
		{"said", "Jane Doe said the bridge would close in May.",
			"the bridge would close in May", "Jane Doe", "said", "attributed", "reported-speaker-cue"},
		{"said that", "Jane Doe said that the bridge would close in May.",
			"the bridge would close in May", "Jane Doe", "said", "attributed", "reported-speaker-cue-that"},
		{"told reporters on Friday that", "The mayor told reporters on Friday that the bridge would close in May.",
			"the bridge would close in May", "The mayor", "told", "unresolved", "reported-speaker-cue-that"},
		{"content then speaker", "The bridge would close in May, Jane Doe said.",
			"The bridge would close in May", "Jane Doe", "said", "attributed", "reported-content-speaker-cue"},
		{"according to", "According to the ministry, forty people were detained on Sunday.",
			"forty people were detained on Sunday", "the ministry", "According to", "unresolved", "reported-according-to"},
		{"according to after", "Forty people were detained on Sunday, according to the interior ministry.",
			"Forty people were detained on Sunday", "the interior ministry", "according to", "unresolved", "reported-according-to-after"},
		{"has warned that", "Jane Doe has warned that the bridge will close in May.",
			"the bridge will close in May", "Jane Doe", "has warned", "attributed", "reported-speaker-cue-that"},
		{"denied", "Jane Doe denied that the bridge would close in May.",
			"the bridge would close in May", "Jane Doe", "denied", "attributed", "reported-speaker-cue-that"},
		{"colon lead-in", "Jane Doe: the bridge will close in May and reopen in June.",
			"the bridge will close in May and reopen in June", "Jane Doe", "", "attributed", "reported-colon-lead"},
		{"passive", "On Monday it was announced that the bridge would close in May.",
			"the bridge would close in May", "", "announced", "unresolved", "reported-passive"},
		{"subordinate clause", "Jane Doe said the bridge would close in May because the repairs, which began last year, had run late.",
			"the bridge would close in May because the repairs, which began last year, had run late", "Jane Doe", "said", "attributed", "reported-speaker-cue"},
		{"paraphrase with a fragment", "Jane Doe described the talks as “very useful” for both sides.",
			"the talks as “very useful” for both sides", "Jane Doe", "described", "attributed", "reported-speaker-cue"},
		// the cue's verb stands beyond the most tokens that a rule
		// anchored at the start spans before its cue (CueLead), within
		// that and the adverbs of the cue (CueReach.Off)
		{"anchored rule, cue entry after adverbs", "At the same time, the small northern town council had also later publicly claimed that the dam would hold.",
			"the dam would hold", "the small northern town council", "also later publicly claimed", "attributed", "reported-subject-cue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := statements(t, x, tt.text)
			if len(got) != 1 {
				t.Fatalf("%d statements, want 1: %+v", len(got), got)
			}
			r := got[0]
			if r.Quote != tt.content || r.Mention != tt.mention || r.Cue != tt.cue || r.Status != tt.status || r.Rule != tt.rule {
				t.Errorf("got content %q mention %q cue %q status %q rule %q\nwant content %q mention %q cue %q status %q rule %q",
					r.Quote, r.Mention, r.Cue, r.Status, r.Rule, tt.content, tt.mention, tt.cue, tt.status, tt.rule)
			}
		})
	}
}

// TestReportedNone checks passages that report nothing: narration, verbs
// of thought (not reported speech by default), a quotation with its cue.
func TestReportedNone(t *testing.T) {
	x := reportedExtractor(t)
	for _, text := range []string{
		"Jane Doe and John Roe discussed the future of the bridge on Friday.",
		"Jane Doe believes the bridge will close in May.",
		"Jane Doe thinks the bridge will close in May.",
		"“The bridge will close in May,” Jane Doe said.",
		"Jane Doe said: “The bridge will close in May.”",
	} {
		doc, err := x.Extract("t", "Bridge news\n\n"+text+"\n")
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range doc.Quotes {
			if q.Kind == "indirect" {
				t.Errorf("%q: a statement %q (rule %s)", text, q.Quote, q.Rule)
			}
		}
	}
}

// TestReportedSpeakersTable checks that the speakers table counts quotes
// and statements apart.
func TestReportedSpeakersTable(t *testing.T) {
	doc, err := reportedExtractor(t).Extract("t", "Bridge news\n\n“We are done,” Jane Doe said. Jane Doe said the bridge would close in May. Doe added that it would reopen in June.\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Speakers {
		if s.Name == "Jane Doe" {
			if s.Quotes != 1 || s.Reported != 2 {
				t.Errorf("Jane Doe: %d quotes, %d statements; want 1 and 2", s.Quotes, s.Reported)
			}
			return
		}
	}
	t.Errorf("no Jane Doe in %+v", doc.Speakers)
}

// TestReportedLongSentence checks that a long run of cues and clauses
// without a sentence end is extracted (the matcher's step bound keeps the
// cost linear).
func TestReportedLongSentence(t *testing.T) {
	text := "Bridge news\n\n" + strings.Repeat("Jane Doe said that John Roe told reporters that ", 400) + "the bridge would close.\n"
	doc, err := reportedExtractor(t).Extract("t", text)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Quotes) == 0 {
		t.Error("no statement found")
	}
	// inputs of odd shapes extract without a panic
	for _, s := range []string{"", "said", "“", "said said said, said: that that.", ", saying", "It was announced that",
		"According to", "Jane Doe: ", strings.Repeat("“a,” b said, c said that “d” ", 300), strings.Repeat(", saying that", 500)} {
		if _, err := reportedExtractor(t).Extract("t", s); err != nil {
			t.Errorf("%.40q: %v", s, err)
		}
	}
}
