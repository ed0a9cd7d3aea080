package extract_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/whosaid/whosaid/eval"
)

// The golden corpus: short news articles written for the project (no copied
// news) in the layouts of US and standard English news, annotated in
// testdata/corpus/articles.txt and turned into the evaluation format in
// testdata/corpus/corpus.jsonl by go test -run TestCorpusFile -update.
const (
	corpusSource = "../testdata/corpus/articles.txt"
	corpusGold   = "../testdata/corpus/corpus.jsonl"
)

// Floors of the corpus scores, a little below what the code reaches (quote
// F1 0.988, named 0.986 when they were set): a change that falls under one
// loses accuracy.
const (
	corpusMinQuoteF1 = 0.96
	corpusMinNamed   = 0.95
)

// corpusQuote is one gold quote of the corpus: the evaluation format's,
// with the speaker's title.
type corpusQuote struct {
	eval.GoldQuote
	Title string `json:"speaker_title,omitempty"`
}

type corpusDoc struct {
	ID     string            `json:"id"`
	Text   string            `json:"text"`
	Quotes []corpusQuote     `json:"quotes"`
	Ignore []eval.IgnoreSpan `json:"ignore"`
	Meta   map[string]string `json:"meta"`
}

// isPronoun reports whether a speaker mention of the corpus is a pronoun.
func isPronoun(mention string) bool {
	switch strings.ToLower(mention) {
	case "he", "she", "they", "i", "we", "it", "who":
		return true
	}
	return false
}

// parseCorpus reads the annotated articles. An article starts with a line
// "# ID"; its text follows, in which ⟦qN content⟧ marks the content of quote
// N (without its quotation marks), ⟦sN mention⟧ (or ⟦sN,M mention⟧) the
// mention of the speaker of quotes N and M, and ⟦i text⟧ a region no quote
// may be reported in (scare quotes, titles of works); lines "@qN key=value;
// key=value" after the text give quote N's cue, kind (direct by default) and
// title.
func parseCorpus(src string) ([]corpusDoc, error) {
	var docs []corpusDoc
	var text []string
	var meta []string
	var id string
	flush := func() error {
		if id == "" {
			return nil
		}
		d, err := corpusArticle(id, strings.TrimRight(strings.Join(text, "\n"), "\n"), meta)
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		docs = append(docs, d)
		return nil
	}
	sc := bufio.NewScanner(strings.NewReader(src))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# "):
			if err := flush(); err != nil {
				return nil, err
			}
			id, text, meta = strings.TrimSpace(line[2:]), nil, nil
		case strings.HasPrefix(line, "@"):
			meta = append(meta, line[1:])
		case id != "" && len(meta) == 0:
			text = append(text, line)
		case strings.TrimSpace(line) != "":
			return nil, fmt.Errorf("%s: text after the @ lines: %q", id, line)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return docs, nil
}

// corpusArticle strips the marks of one article and records their offsets
// in code points.
func corpusArticle(id, marked string, meta []string) (corpusDoc, error) {
	d := corpusDoc{ID: id, Meta: map[string]string{"corpus": "whosaid", "note": "written for the project"}}
	type span struct {
		tag        string
		start, end int // code points
	}
	var spans []span
	var b strings.Builder
	n := 0 // code points written
	for i := 0; i < len(marked); {
		if strings.HasPrefix(marked[i:], "⟦") {
			j := strings.Index(marked[i:], "⟧")
			if j < 0 {
				return d, fmt.Errorf("unclosed ⟦ at byte %d", i)
			}
			inner := marked[i+len("⟦") : i+j]
			tag, content, ok := strings.Cut(inner, " ")
			if !ok || strings.Contains(content, "⟦") {
				return d, fmt.Errorf("bad mark %q", inner)
			}
			b.WriteString(content)
			c := utf8.RuneCountInString(content)
			spans = append(spans, span{tag, n, n + c})
			n += c
			i += j + len("⟧")
			continue
		}
		r, w := utf8.DecodeRuneInString(marked[i:])
		b.WriteRune(r)
		n++
		i += w
	}
	d.Text = b.String()
	runes := []rune(d.Text)
	at := func(s span) string { return string(runes[s.start:s.end]) }
	quotes := map[string]*corpusQuote{}
	var order []string
	for _, s := range spans {
		switch {
		case s.tag == "i":
			d.Ignore = append(d.Ignore, eval.IgnoreSpan{Start: s.start, End: s.end, Text: at(s)})
		case strings.HasPrefix(s.tag, "q"):
			if quotes[s.tag] != nil {
				return d, fmt.Errorf("quote %s marked twice", s.tag)
			}
			quotes[s.tag] = &corpusQuote{GoldQuote: eval.GoldQuote{GoldSpan: eval.GoldSpan{Start: s.start, End: s.end, Text: at(s)}, Kind: "direct"}}
			order = append(order, s.tag)
		}
	}
	for _, s := range spans {
		if !strings.HasPrefix(s.tag, "s") {
			continue
		}
		for _, k := range strings.Split(s.tag[1:], ",") {
			q := quotes["q"+k]
			if q == nil {
				return d, fmt.Errorf("speaker of the unknown quote q%s", k)
			}
			mention := at(s)
			start, end := s.start, s.end
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = &mention, &start, &end
			q.SpeakerIsPronoun = isPronoun(mention)
		}
	}
	for _, m := range meta {
		tag, rest, _ := strings.Cut(m, " ")
		q := quotes[tag]
		if q == nil {
			return d, fmt.Errorf("@%s: no such quote", tag)
		}
		for _, kv := range strings.Split(rest, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
			if !ok {
				return d, fmt.Errorf("@%s: %q is not key=value", tag, kv)
			}
			switch k {
			case "cue":
				q.Cue = &v
			case "kind":
				q.Kind = v
			case "title":
				q.Title = v
			default:
				return d, fmt.Errorf("@%s: unknown key %q", tag, k)
			}
		}
	}
	for _, k := range order {
		d.Quotes = append(d.Quotes, *quotes[k])
	}
	if d.Ignore == nil {
		d.Ignore = []eval.IgnoreSpan{}
	}
	return d, nil
}

// TestCorpusFile checks that corpus.jsonl is what articles.txt gives (run
// with -update to rewrite it) and that its offsets hold.
func TestCorpusFile(t *testing.T) {
	src, err := os.ReadFile(corpusSource)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := parseCorpus(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 30 || len(docs) > 50 {
		t.Errorf("the corpus has %d articles, want 30 to 50", len(docs))
	}
	var out bytes.Buffer
	ids := map[string]bool{}
	for _, d := range docs {
		if ids[d.ID] {
			t.Errorf("article id %s repeats", d.ID)
		}
		ids[d.ID] = true
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(line)
		out.WriteByte('\n')
	}
	golden(t, corpusGold, out.Bytes())
	gold, err := eval.ReadGold(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatalf("the evaluation format does not read the corpus: %v", err)
	}
	for _, g := range gold {
		runes := []rune(g.Text)
		for _, q := range g.Quotes {
			if string(runes[q.Start:q.End]) != q.Text {
				t.Errorf("%s: quote offsets %d-%d give %q, not %q", g.ID, q.Start, q.End, string(runes[q.Start:q.End]), q.Text)
			}
		}
	}
}

// TestCorpusScores extracts the corpus, scores it with the eval package and
// fails when quote F1 or named speaker accuracy fall under their floors.
func TestCorpusScores(t *testing.T) {
	f, err := os.Open(corpusGold)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	x := defaultExtractor(t)
	pred := map[string][]eval.PredQuote{}
	for _, g := range gold {
		doc, err := x.Extract(g.ID, g.Text)
		if err != nil {
			t.Fatalf("%s: %v", g.ID, err)
		}
		for _, q := range doc.Quotes {
			pred[g.ID] = append(pred[g.ID], eval.PredQuote{Start: q.Start, End: q.End, Speaker: q.Speaker,
				SpeakerOffsets: eval.SpeakerOffsets{SpeakerStart: q.SpeakerStart, SpeakerEnd: q.SpeakerEnd}})
		}
	}
	r := eval.Score(gold, pred, false)
	named := 0.0
	if r.SpeakerAccNamed.Acc != nil {
		named = *r.SpeakerAccNamed.Acc
	}
	t.Logf("corpus: %d articles, %d gold quotes, %d predicted; quote F1 %.4f (P %.4f R %.4f), named %.4f (n %d), pronoun %v (n %d), in ignore regions %d",
		len(gold), r.GoldQuotes, r.PredQuotesScored, r.QuoteExact.F1, r.QuoteExact.P, r.QuoteExact.R,
		named, r.SpeakerAccNamed.N, accString(r.SpeakerAccPronounByOffset), r.SpeakerAccPronounByOffset.N, r.PredInIgnoreRegions)
	if r.QuoteExact.F1 < corpusMinQuoteF1 {
		t.Errorf("quote F1 %.4f is under the floor %.2f", r.QuoteExact.F1, corpusMinQuoteF1)
	}
	if named < corpusMinNamed {
		t.Errorf("named speaker accuracy %.4f is under the floor %.2f", named, corpusMinNamed)
	}
}

func accString(a eval.Accuracy) string {
	if a.Acc == nil {
		return "-"
	}
	return fmt.Sprintf("%.4f", *a.Acc)
}
