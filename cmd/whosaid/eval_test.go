package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/eval"
)

// TestEvalAgreesWithScorer runs `whosaid eval` on the project's own small
// gold file and checks that its report is exactly what the scorer gives for
// the predictions it wrote, and, when WHOSAID_SCORE_PY names the reference
// score.py and python3 is installed, what score.py prints for them.
func TestEvalAgreesWithScorer(t *testing.T) {
	gold := "../../eval/testdata/gold.jsonl"
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"eval", "--json", "--pred", pred, gold}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out.String())
	}
	gf, _ := os.Open(gold)
	g, err := eval.ReadGold(gf)
	gf.Close()
	if err != nil {
		t.Fatal(err)
	}
	pf, _ := os.Open(pred)
	p, err := eval.ReadPred(pf)
	pf.Close()
	if err != nil {
		t.Fatalf("the written predictions are not readable by the scorer: %v", err)
	}
	want, _ := json.MarshalIndent(eval.Score(g, p, false), "", "  ")
	if strings.TrimSpace(out.String()) != string(want) {
		t.Errorf("eval report differs from scoring its own predictions:\n%s\nwant\n%s", out.String(), want)
	}
	if got["gold_quotes"].(float64) == 0 {
		t.Error("no gold quotes read")
	}
	t.Run("score.py", func(t *testing.T) {
		script := os.Getenv("WHOSAID_SCORE_PY")
		if script == "" {
			t.Skip("WHOSAID_SCORE_PY (the reference score.py) is not set")
		}
		py, err := exec.LookPath("python3")
		if err != nil {
			t.Skip("python3 is not installed")
		}
		ref, err := exec.Command(py, script, gold, pred).Output()
		if err != nil {
			t.Fatalf("score.py: %v", err)
		}
		if strings.TrimSpace(string(ref)) != strings.TrimSpace(out.String()) {
			t.Errorf("score.py says\n%s\nwhosaid eval says\n%s", ref, out.String())
		}
	})
}

// TestEvalCalibration runs `whosaid eval --calibration` on the project's
// own gold file: the table has a bucket per confidence range, rows by rule,
// and its counts are those of eval.Calibrate.
func TestEvalCalibration(t *testing.T) {
	gold := "../../eval/testdata/gold.jsonl"
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"eval", "--calibration", "--json", gold}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var c eval.Calibration
	if err := json.Unmarshal(out.Bytes(), &c); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if c.Width != 0.1 || len(c.Buckets) == 0 || len(c.Rules) == 0 {
		t.Fatalf("calibration %+v", c)
	}
	rows := 0
	for _, b := range c.Buckets {
		rows += b.Rows
	}
	byRule := 0
	for _, b := range c.Rules {
		byRule += b.Rows
	}
	if rows == 0 || rows != byRule {
		t.Errorf("%d rows by bucket, %d by rule", rows, byRule)
	}
	out.Reset()
	if code := run(context.Background(), []string{"eval", "--calibration", gold}, strings.NewReader(""), &out, &errb); code != 0 || !strings.Contains(out.String(), "by rule") {
		t.Errorf("exit %d, table:\n%s", code, out.String())
	}
	// --errors: the wrong rows, as many as the table's scored rows less its right ones
	wrong := 0
	for _, b := range c.Rules {
		wrong += b.Scored - b.Right
	}
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), []string{"eval", "--calibration", "--errors", "--json", gold}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("--calibration --errors: exit %d: %s", code, errb.String())
	}
	var errs []eval.RatedError
	if err := json.Unmarshal(out.Bytes(), &errs); err != nil || len(errs) != wrong {
		t.Errorf("--calibration --errors: %d rows (%v), want %d", len(errs), err, wrong)
	}
	out.Reset()
	if code := run(context.Background(), []string{"eval", "--calibration", "--errors", gold}, strings.NewReader(""), &out, &errb); code != 0 || strings.Count(out.String(), "\n") != wrong {
		t.Errorf("--calibration --errors: exit %d, %d lines, want %d:\n%s", code, strings.Count(out.String(), "\n"), wrong, out.String())
	}
	for _, args := range [][]string{{"eval", "--calibration", "--bucket", "2", gold}, {"extract", "--min-confidence", "1.5", gold}} {
		errb.Reset()
		if code := run(context.Background(), args, strings.NewReader(""), &out, &errb); code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, exitUsage, errb.String())
		}
	}
}

// TestEvalReported runs `whosaid eval` on a gold file with attributions:
// it extracts reported speech and prints what ScoreReported gives for the
// predictions it wrote (and no quote report: the file has no quotes).
func TestEvalReported(t *testing.T) {
	gold := "../../eval/testdata/reported-gold.jsonl"
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"eval", "--json", "--pred", pred, gold}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	gf, _ := os.Open(gold)
	g, err := eval.ReadGold(gf)
	gf.Close()
	if err != nil {
		t.Fatal(err)
	}
	pf, _ := os.Open(pred)
	p, err := eval.ReadPredAll(pf)
	pf.Close()
	if err != nil {
		t.Fatalf("the written predictions are not readable by the scorer: %v", err)
	}
	rep := eval.ScoreReported(g, p)
	want, _ := json.MarshalIndent(rep, "", "  ")
	if strings.TrimSpace(out.String()) != string(want) {
		t.Errorf("eval report differs from scoring its own predictions:\n%s\nwant\n%s", out.String(), want)
	}
	if rep.PredIndirect == 0 || rep.Reported.R == 0 {
		t.Errorf("no reported speech found in the test file: %+v", rep)
	}
}
