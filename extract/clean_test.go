package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// cleanupRules returns an extractor whose cleanup rules are only those of
// src (the built-in lists, quote marks and attribution rules stay).
func cleanupRules(t testing.TB, src string) *extract.Extractor {
	t.Helper()
	var srcs []rules.Source
	for _, s := range rules.DefaultSources() {
		if !strings.HasSuffix(s.Name, "/cleanup.yaml") {
			srcs = append(srcs, s)
		}
	}
	srcs = append(srcs, rules.Source{Name: "test.yaml", Data: []byte(src)})
	rs, err := rules.Load(srcs)
	if err != nil {
		t.Fatalf("rules: %v", err)
	}
	return extract.New(rs, extract.Options{})
}

// dropped returns, for each dropped non-blank line, "text=rule".
func dropped(c *extract.Cleaned, text string) []string {
	var out []string
	for i, l := range c.Lines {
		if l.Dropped && strings.TrimSpace(text[l.Start:l.End]) != "" {
			out = append(out, strings.TrimSpace(text[l.Start:l.End])+"="+c.LineRule(i))
		}
	}
	return out
}

const testStopwords = `
lists:
  stopwords:
    words: [the, a, of, to, and, in, on, is, was, it, that, for, with, he, she, said]
`

// TestCleanConditions checks each condition of a cleanup rule on its own.
func TestCleanConditions(t *testing.T) {
	cases := []struct {
		name  string
		rules string
		text  string
		want  []string
	}{
		{"max_words", `
  - {id: short, max_words: 2}`,
			"Home\nSign in\nThe council met on Tuesday.",
			[]string{"Home=short", "Sign in=short"}},
		{"min_words", `
  - {id: long, min_words: 4}`,
			"Home\nThe council met on Tuesday.",
			[]string{"The council met on Tuesday.=long"}},
		{"max_chars and min_chars", `
  - {id: mid, min_chars: 5, max_chars: 8}`,
			"Home\nSign in!\nThe council met on Tuesday.",
			[]string{"Sign in!=mid"}},
		{"regex, and a quotation mark protects", `
  - {id: act, regex: 'Act now'}`,
			"Act now\n“Act now, before it is too late”",
			[]string{"Act now=act"}},
		{"protect false", `
  - {id: act, regex: 'Act now', protect: false}`,
			"Act now\n“Act now, before it is too late”",
			[]string{"Act now=act", "“Act now, before it is too late”=act"}},
		{"a cue verb protects unless protect_cues is false", `
  - {id: four, max_words: 4, min_words: 4}
  - {id: five, max_words: 5, min_words: 5, protect_cues: false}`,
			"He told us twice\nShe told the court nothing\nMap of the site",
			[]string{"She told the court nothing=five", "Map of the site=four"}},
		{"words: a word or phrase of a list", `
  - {id: share, words: [share_words], protect: false}
lists:
  share_words:
    kind: phrases
    words: [share on, tweet]`,
			"Share on Facebook\nTweet this\nShare prices fell.",
			[]string{"Share on Facebook=share", "Tweet this=share"}},
		{"only_words: nothing but words of the lists", `
  - {id: nav, only_words: [nav_words], protect: false}
lists:
  nav_words:
    kind: phrases
    words: [home, world, real estate]`,
			"Home\nReal Estate\nWorld news today\nWorld",
			[]string{"Home=nav", "Real Estate=nav", "World=nav"}},
		{"terminal", `
  - {id: open-end, terminal: false, min_words: 2}`,
			"More from the city\nThe council met.\nWhat next?\n“It works,”",
			[]string{"More from the city=open-end"}},
		{"quote", `
  - {id: no-quote, quote: false, min_words: 2}`,
			"Plain words here\n“Quoted words,” she said\nHe said ‘never’ again\nIt’s the mayor’s plan",
			[]string{"Plain words here=no-quote", "It’s the mayor’s plan=no-quote"}},
		{"all_caps", `
  - {id: caps, all_caps: true}`,
			"CLICK HERE NOW\nClick here now\nNASA said so",
			[]string{"CLICK HERE NOW=caps"}},
		{"stop-word share", testStopwords + `
cleanup:
  - {id: few-function-words, max_stopwords: 0.1, min_words: 3}`,
			"Apple iPhone Samsung Galaxy Pixel\nThe mayor said it was a plan for the city",
			[]string{"Apple iPhone Samsung Galaxy Pixel=few-function-words"}},
		{"capitalised share", testStopwords + `
cleanup:
  - {id: title-case, min_capitalized: 0.8, min_words: 3}`,
			"Mayor Signs Harbor Bridge Deal\nThe mayor signed the bridge deal",
			[]string{"Mayor Signs Harbor Bridge Deal=title-case"}},
		{"digit share", `
  - {id: numbers, min_digits: 0.5}`,
			"1 / 23\n12:45 PM\nRoute 9 reopened",
			[]string{"1 / 23=numbers", "12:45 PM=numbers"}},
		{"repeated", `
  - {id: again, repeated: true}`,
			"Bridge deal signed\nThe council met.\nBridge deal signed!",
			[]string{"Bridge deal signed!=again"}},
		{"short_run", `
  - {id: menu, short_run: 3}
  - id: judge
    judge: {short_words: 2}`,
			"Home\nNews\nSports\nThe council met on Tuesday.\nMore\nThe end of it all.",
			[]string{"Home=menu", "News=menu", "Sports=menu"}},
		{"prev and next", `
  - {id: credit, max_words: 3, prev: {min_words: 6}, next: {min_words: 6}}`,
			"The council met on Tuesday night.\nJane Doe\nThe vote was six to three.\nJane Doe",
			[]string{"Jane Doe=credit"}},
		{"between_dropped", `
  - {id: stamp, regex: '^\d+:\d+$'}
  - {id: caption, between_dropped: true}`,
			"The council met on Tuesday.\n10:15\nA view of the bridge.\n10:20\nThe vote was six to three.",
			[]string{"10:15=stamp", "A view of the bridge.=caption", "10:20=stamp"}},
		{"numbered", `
  - {id: item, numbered: true}`,
			"1. First\n2. Second\n7. Alone\nPlain",
			[]string{"1. First=item", "2. Second=item"}},
		{"after and before", `
  - {id: top, before: 0.2, min_words: 1}
  - {id: bottom, after: 0.7, min_words: 1}`,
			"aaaaaaaa\nbbbbbbbb\ncccccccc\ndddddddd",
			[]string{"aaaaaaaa=top", "dddddddd=bottom"}},
		{"drop rest", `
  - {id: comments, regex: '^Comments$', drop: rest, protect: false}`,
			"The council met.\nComments\nGreat news!\nAbout us",
			[]string{"Comments=comments", "Great news!=comments", "About us=comments"}},
		{"title_copy", `
  - {id: copy, title_copy: true}`,
			"Bridge repairs approved - The Courier\nBridge repairs approved\nThe council met on Tuesday.\nBridge repairs approved",
			[]string{"Bridge repairs approved=copy"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := "version: 1\ncleanup:" + c.rules + "\n"
			if strings.HasPrefix(c.rules, "\nlists:") {
				src = "version: 1" + c.rules + "\n"
			}
			x := cleanupRules(t, src)
			got := dropped(x.Clean(c.text), c.text)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("dropped\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

// judgeRules is a small ruleset with a judge, for the judgement tests.
const judgeRules = testStopwords + `
  menu_words:
    kind: phrases
    words: [home, news, sports, about us, contact, privacy]
cleanup:
  - {id: menu, only_words: [menu_words], protect: false}
  - {id: prose, min_words: 8, min_stopwords: 0.15, score: 3}
  - {id: short, max_words: 4, score: -1}
  - id: judge
    judge: {good: 2, keep: -5, offset: -0.5, floor: -3, ceiling: 4, dropped: -0.6, extend: -5,
      lookahead: 0, short_words: 4, min_dropped: 2, quote_second: 2}
`

// TestCleanJudge checks the judgement: the article is the best run of
// lines, it grows over the list that ends it, a run with a quotation before
// it stays, and a text without boilerplate stays whole.
func TestCleanJudge(t *testing.T) {
	x := cleanupRules(t, "version: 1"+judgeRules)
	text := strings.Join([]string{
		"Home", "News", "Sports",
		"See the other stories.",
		"“We will build it,” the mayor said of the bridge at the meeting.",
		"Photo", "Credit", "Gallery", "Video",
		"The council voted on Tuesday to fund the repair of the old bridge in the city.",
		"It was the third vote on the plan in two years, and the first to pass.",
		"The work includes:",
		"1. A new deck",
		"2. New railings",
		"3. Lighting",
		"",
		"Contact", "About us", "Privacy", "Home",
	}, "\n")
	c, trace := x.CleanExplain(text)
	got := dropped(c, text)
	want := []string{
		"Home=menu", "News=menu", "Sports=menu",
		"See the other stories.=judge",
		"Photo=judge", "Credit=judge", "Gallery=judge", "Video=judge",
		"Contact=menu", "About us=menu", "Privacy=menu", "Home=menu",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dropped\n got %q\nwant %q", got, want)
	}
	if len(trace) != len(c.Lines) {
		t.Fatalf("%d traces for %d lines", len(trace), len(c.Lines))
	}
	for i, l := range c.Lines {
		if s := text[l.Start:l.End]; strings.HasPrefix(s, "The council voted") {
			if !trace[i].Article || trace[i].Score != 3 || !reflect.DeepEqual(trace[i].Scored, []string{"prose(+3)"}) {
				t.Errorf("trace of %q: %+v", s, trace[i])
			}
		}
	}

	// without boilerplate (fewer than min_dropped lines dropped by rules)
	// nothing is judged
	plain := "The council voted on Tuesday to fund the repair of the old bridge.\nJane Doe\nThe end"
	if got := dropped(x.Clean(plain), plain); got != nil {
		t.Errorf("plain text: dropped %q", got)
	}
}

// TestCleanView checks that the view keeps the input's byte length and
// offsets, with dropped lines blanked and odd spaces normalised.
func TestCleanView(t *testing.T) {
	x := cleanupRules(t, "version: 1\ncleanup:\n  - {id: menu, regex: '^Menu$'}\n")
	text := "Menu\r\nThe\u00a0council met.\r\n\ufeffIt voted.\tYes."
	c := x.Clean(text)
	if len(c.View) != len(text) {
		t.Fatalf("view has %d bytes, input %d", len(c.View), len(text))
	}
	if !strings.HasPrefix(c.View, "     \n") {
		t.Errorf("dropped line not blanked: %q", c.View)
	}
	if i := strings.Index(c.View, "council"); i != strings.Index(text, "council") {
		t.Errorf("offsets moved: %d vs %d", i, strings.Index(text, "council"))
	}
	if strings.ContainsAny(c.View, "\r\t\u00a0\ufeff") {
		t.Errorf("view not normalised: %q", c.View)
	}
	if got, want := c.Text(), "The  council met.\nIt voted. Yes.\n"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}

// TestCleanMetadata checks the title and the date.
func TestCleanMetadata(t *testing.T) {
	x := defaultExtractor(t)
	cases := []struct {
		name, text, title, date string
	}{
		{"headline inside the page title line",
			"Bridge repairs approved after long debate - The Courier\nHome\nNews\nBridge repairs approved after long debate\nMarch 14, 2024 at 6:42 p.m.\nThe council voted on Tuesday to fund the repair of the old bridge.",
			"Bridge repairs approved after long debate", "2024-03-14T18:42"},
		{"headline printed twice",
			"icon menuicon searchicon shareicon closeicon\n25 Apr, 2025 15:12\n\nTalks were constructive, aide says\n\nThe meeting went well, the aide said\nTalks were constructive, aide says\n\nThe aide told reporters the talks had lasted three hours and had been very useful.",
			"Talks were constructive, aide says", "2025-04-25T15:12"},
		{"numeric and German dates",
			"Radweg beschlossen - Anzeiger\nRadweg beschlossen\nVon Jonas Weber\n12.03.2024, 17:45 Uhr\nDer Stadtrat hat am Dienstagabend den Bau eines neuen Radwegs beschlossen.",
			"Radweg beschlossen", "2024-03-12"},
		{"month first with a day suffix",
			"Ferry service resumes - Daily\nFerry service resumes\nPosted November 19th, 2019\nThe ferry will run again on weekends, the port authority said on Monday.",
			"Ferry service resumes", "2019-11-19"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := x.Clean(c.text)
			if cl.Title != c.title || cl.Date != c.date {
				t.Errorf("title %q date %q, want %q %q", cl.Title, cl.Date, c.title, c.date)
			}
			for i, l := range cl.Lines {
				if l.Meta == extract.MetaTitle && l.Dropped {
					t.Errorf("the headline line was dropped (%s)", cl.LineRule(i))
				}
			}
		})
	}
}

// TestCleanRuleErrors checks that the loader reports bad cleanup keys at
// their place.
func TestCleanRuleErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"version: 1\ncleanup:\n  - id: j\n    judge: {goodness: 1}\n", `unknown key "goodness"`},
		{"version: 1\ncleanup:\n  - id: r\n    min_stopwords: 2\n", "min_stopwords must be between 0 and 1"},
		{"version: 1\ncleanup:\n  - id: r\n    score: 1\n", "has no condition"},
		{"version: 1\ncleanup:\n  - id: r\n    max_words: 2\n    score: 1\n    drop: rest\n", "a scored rule does not drop"},
		{"version: 1\ncleanup:\n  - id: r\n    next: {words: [x]}\n", `unknown key "words"`},
		{"version: 1\ncleanup:\n  - id: r\n    max_words: 2\n    good_within: 2\n", "scored rules only"},
	}
	for _, c := range cases {
		_, err := rules.Load([]rules.Source{{Name: "bad.yaml", Data: []byte(c.src)}})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "bad.yaml:") {
			t.Errorf("%q: error %v, want one with %q", c.src, err, c.want)
		}
	}
}

// cleanGolden is the golden form of a cleaned page.
type cleanGolden struct {
	Title   string   `json:"title"`
	Date    string   `json:"date"`
	Text    string   `json:"text"`
	Dropped []string `json:"dropped"` // "line: rule: text"
}

// TestGoldenPages cleans the made-up pages of testdata/pages and compares
// the result with their .golden.json files (go test -update rewrites them).
func TestGoldenPages(t *testing.T) {
	x := defaultExtractor(t)
	files, _ := filepath.Glob("../testdata/pages/*.txt")
	if len(files) == 0 {
		t.Fatal("no pages in testdata/pages")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			c := x.Clean(text)
			g := cleanGolden{Title: c.Title, Date: c.Date, Text: c.Text(), Dropped: []string{}}
			for i, l := range c.Lines {
				if l.Dropped {
					g.Dropped = append(g.Dropped, strings.Join([]string{itoa(i + 1), c.LineRule(i), strings.TrimSpace(text[l.Start:l.End])}, ": "))
				}
			}
			b, err := json.MarshalIndent(g, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, strings.TrimSuffix(f, ".txt")+".golden.json", append(b, '\n'))
		})
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// BenchmarkCleanPages: cleanup alone over the text the repository ships for
// it — the seed and the made-up pages of testdata/pages — in MB/s.
func BenchmarkCleanPages(b *testing.B) {
	x := defaultExtractor(b)
	var docs []string
	size := 0
	for _, pat := range []string{"../testdata/seed/*.txt", "../testdata/pages/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, string(data))
			size += len(data)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			x.Clean(d)
		}
	}
}

// TestDefaultCleanupSparesQuotes checks that default rules keyed on
// vocabulary (cookie banners, comment policies) spare article lines that
// hold a quotation or a cue verb (reported speech) and use the same words,
// and still drop the junk.
func TestDefaultCleanupSparesQuotes(t *testing.T) {
	x := defaultExtractor(t)
	lines := []string{
		"Hillary Clinton Answers Her Critics",
		"After Jerry Brown criticized Bill Clinton during a debate, Hillary shot back, “I suppose I could have chosen to bake cookies and have teas, but I chose to fulfill my profession.”",
		"The remark was replayed for weeks on every network, and her aides spent days explaining what she had meant by it.",
		"The campaign said it had no regrets about the answer, and the candidate repeated it at two events later that month.",
		"Delegates argued about the rules of the convention for most of the afternoon, and the chairman said he would not budge.",
		"“Is it prudent for the RNC to continue to give the extraordinary power of the House Rules to the presiding officer?” Ash asked.",
		"“It’s up to the delegates at the convention,” he said on Sunday, before the committee met again in the evening.",
		"The bakery’s owner said the cookie poll had picked the winner of the last three elections.",
		"This website uses cookies to improve your experience. By using our site, you agree to our use of cookies.",
	}
	text := strings.Join(lines, "\n\n")
	got := dropped(x.Clean(text), text)
	want := []string{lines[len(lines)-1] + "=cookie-notice"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dropped\n got %q\nwant %q", got, want)
	}
}
