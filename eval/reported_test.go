package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func readReported(t *testing.T) ([]GoldDoc, map[string][]PredQuote) {
	t.Helper()
	gf, err := os.Open("testdata/reported-gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer gf.Close()
	gold, err := ReadGold(gf)
	if err != nil {
		t.Fatalf("gold: %v", err)
	}
	pf, err := os.Open("testdata/reported-pred.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	pred, err := ReadPredAll(pf)
	if err != nil {
		t.Fatalf("pred: %v", err)
	}
	return gold, pred
}

// TestReportedGolden compares ScoreReported with what score_reported.py
// printed for the same files, byte for byte.
func TestReportedGolden(t *testing.T) {
	gold, pred := readReported(t)
	if !HasAttributions(gold) || HasQuotes(gold) {
		t.Fatalf("HasAttributions %v HasQuotes %v, want true false", HasAttributions(gold), HasQuotes(gold))
	}
	got, err := json.MarshalIndent(ScoreReported(gold, pred), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/reported_expected.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != strings.TrimSpace(string(want)) {
		t.Errorf("ScoreReported:\n%s\nscore_reported.py:\n%s", got, want)
	}
}

// TestReportedAgainstScorer reruns the reference score_reported.py, when
// WHOSAID_SCORE_REPORTED_PY names it, on the test files.
func TestReportedAgainstScorer(t *testing.T) {
	script := os.Getenv("WHOSAID_SCORE_REPORTED_PY")
	py, err := exec.LookPath("python3")
	if script == "" || err != nil {
		t.Skip("WHOSAID_SCORE_REPORTED_PY not set or no python3")
	}
	out, err := exec.Command(py, script, "testdata/reported-gold.jsonl", "testdata/reported-pred.jsonl").Output()
	if err != nil {
		t.Fatalf("score_reported.py: %v", err)
	}
	gold, pred := readReported(t)
	got, _ := json.MarshalIndent(ScoreReported(gold, pred), "", "  ")
	if !bytes.Equal(bytes.TrimSpace(out), got) {
		t.Errorf("score_reported.py says\n%s\nScoreReported says\n%s", out, got)
	}
}

// TestScoreSkipsIndirect checks that Score leaves rows of kind indirect
// out, as score.py does: adding them changes nothing.
func TestScoreSkipsIndirect(t *testing.T) {
	gf, err := os.Open("testdata/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	gold, err := ReadGold(gf)
	gf.Close()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := os.Open("testdata/pred.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	pred, err := ReadPred(pf)
	pf.Close()
	if err != nil {
		t.Fatal(err)
	}
	want := Score(gold, pred, false)
	with := map[string][]PredQuote{}
	for id, ps := range pred {
		with[id] = append(ps, PredQuote{Start: 0, End: 40, Speaker: "Nobody", Kind: "indirect"})
	}
	if got := Score(gold, with, false); got.String() != want.String() {
		t.Errorf("rows of kind indirect changed the quote report:\n%s\nwant\n%s", got, want)
	}
}

func TestAlnumCount(t *testing.T) {
	text := []rune("Äbi, 42 — ok!")
	tests := []struct {
		a, b, lo, hi, want int
	}{
		{0, len(text), 0, len(text), 7}, // Ä b i 4 2 o k
		{0, 3, 0, 13, 3},
		{0, 13, 5, 7, 2},
		{5, 3, 0, 13, 0},
		{-2, 100, -5, 100, 7}, // bounds clipped to the text
	}
	for _, tt := range tests {
		if got := alnumCount(text, tt.a, tt.b, tt.lo, tt.hi); got != tt.want {
			t.Errorf("alnumCount(%d, %d, %d, %d) = %d, want %d", tt.a, tt.b, tt.lo, tt.hi, got, tt.want)
		}
	}
}
