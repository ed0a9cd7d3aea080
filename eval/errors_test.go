package eval

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrorsAgreeWithScore checks, on the scorer's test files, that Errors
// lists exactly the mistakes that Score counts: the missed gold quotes, the
// spurious predictions and the wrong speakers.
func TestErrorsAgreeWithScore(t *testing.T) {
	for _, name := range []string{"", "edge-"} {
		for _, lenient := range []bool{false, true} {
			gold := readFile(t, name+"gold.jsonl", ReadGold)
			pred := readFile(t, name+"pred.jsonl", ReadPred)
			rep := Score(gold, pred, lenient)
			count := map[string]int{}
			for _, e := range Errors(gold, pred, lenient) {
				count[e.Kind]++
				if e.Kind == ErrSpurious && e.Ignored && lenient {
					t.Errorf("%s: lenient lists an ignored prediction: %v", name, e)
				}
			}
			tp := int(math.Round(rep.QuoteOverlap.R * float64(rep.GoldQuotes)))
			want := map[string]int{
				ErrMissed:   rep.GoldQuotes - tp,
				ErrSpurious: rep.PredQuotesScored - tp,
				ErrSpeaker:  wrong(rep.SpeakerAccNamed) + wrong(rep.SpeakerAccPronounByOffset),
			}
			for k, n := range want {
				if count[k] != n {
					t.Errorf("%sgold lenient=%v: %d %s errors, Score implies %d", name, lenient, count[k], k, n)
				}
			}
		}
	}
}

// TestErrorsLines checks the kinds and the one-line format on a document
// written for it.
func TestErrorsLines(t *testing.T) {
	spk := func(s string) *string { return &s }
	text := `“The dam holds,” said Ana Ruiz. “Rain is coming,” Leo Park said. A “so-called” plan. “We wait.”`
	gold := []GoldDoc{{ID: "d", Text: text, Quotes: []GoldQuote{
		{GoldSpan: GoldSpan{Start: 1, End: 15, Speaker: spk("Ana Ruiz")}},
		{GoldSpan: GoldSpan{Start: 33, End: 48, Speaker: spk("Leo Park")}},
		{GoldSpan: GoldSpan{Start: 86, End: 94, Speaker: spk("Ana Ruiz")}},
	}}}
	pred := map[string][]PredQuote{"d": {
		{Start: 1, End: 15, Speaker: "Ana Ruiz"},
		{Start: 33, End: 48, Speaker: "Ana Ruiz"},
		{Start: 68, End: 77, Speaker: ""},
	}}
	var got []string
	for _, e := range Errors(gold, pred, false) {
		got = append(got, e.String())
	}
	want := []string{
		"d\tspeaker\t33-48\t“Rain is coming,”\tgold: Leo Park, predicted: Ana Ruiz",
		"d\tspurious\t68-77\t“so-called”\tpredicted: (none)",
		"d\tmissed\t86-94\t“We wait.”\tgold: Ana Ruiz",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// wrong is the number of pairs that accuracy a counts as scored and not
// right.
func wrong(a Accuracy) int {
	if a.Acc == nil {
		return 0
	}
	return a.N - int(math.Round(*a.Acc*float64(a.N)))
}

func readFile[T any](t *testing.T, name string, read func(r io.Reader) (T, error)) T {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}
