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
	out, g, p := evalOwnPred(t, "../../eval/testdata/reported-gold.jsonl", "--json")
	rep := eval.ScoreReported(g, p)
	want, _ := json.MarshalIndent(rep, "", "  ")
	if strings.TrimSpace(out) != string(want) {
		t.Errorf("eval report differs from scoring its own predictions:\n%s\nwant\n%s", out, want)
	}
	if rep.PredIndirect == 0 || rep.Reported.R == 0 {
		t.Errorf("no reported speech found in the test file: %+v", rep)
	}
}

// TestEvalReportedErrors runs `whosaid eval --errors` on the project's
// reported gold file: it lists what eval.ReportedErrors gives for the
// predictions it wrote (and no quote errors: the file has no quotes), as
// many lines as the JSON array has entries (an empty array when the rules
// make no mistake there: TestEvalErrorsQuotesAndReported checks each kind
// on a file of its own), with the counts on standard error.
func TestEvalReportedErrors(t *testing.T) {
	gold := "../../eval/testdata/reported-gold.jsonl"
	out, g, p := evalOwnPred(t, gold, "--errors", "--json")
	errs := eval.ReportedErrors(g, p)
	if errs == nil {
		errs = []eval.Error{} // (the command prints an empty array, not null)
	}
	want, _ := json.MarshalIndent(errs, "", "  ")
	if strings.TrimSpace(out) != string(want) {
		t.Errorf("eval --errors --json differs from listing its own predictions' errors:\n%s\nwant\n%s", out, want)
	}
	r := cli(context.Background(), nil, "eval", "--errors", gold)
	if r.code != 0 || strings.Count(r.stdout, "\n") != len(errs) {
		t.Errorf("eval --errors: exit %d, %d lines, want %d:\n%s", r.code, strings.Count(r.stdout, "\n"), len(errs), r.stdout)
	}
	checkMessages(t, r.stderr, `^whosaid: reported speech: \d+ missed, \d+ spurious, \d+ wrong speakers$`)
}

// TestEvalErrorsQuotesAndReported runs `whosaid eval --errors` on a gold
// file with quotes and attributions: the quote errors come first, then the
// reported-speech errors by offset, with the gold cue; the JSON array holds
// the same, the cue only on the statements.
func TestEvalErrorsQuotesAndReported(t *testing.T) {
	text := "Mayor Ana Ruiz said the dam would hold. “Rain is coming,” Leo Park said. Officials told reporters the vote was close. " +
		"The bridge is closed, a clerk hinted. The costs rose, in the words of the clerk."
	att := func(kind string, start, end int, speaker string, ss, se int, cue string) map[string]any {
		return map[string]any{"kind": kind, "start": start, "end": end, "speaker": speaker, "speaker_start": ss, "speaker_end": se,
			"speaker_is_pronoun": false, "cue": cue, "speech": true}
	}
	gold := map[string]any{"id": "d1", "text": text,
		"quotes": []map[string]any{{"start": 41, "end": 56, "text": "Rain is coming,", "speaker": "Tomas Berg", "speaker_is_pronoun": false}},
		"attributions": []map[string]any{
			att("indirect", 20, 38, "Ana Ruiz", 6, 14, "said"),                  // found, right speaker
			att("direct", 41, 56, "Tomas Berg", 58, 66, "said"),                 // not scored
			att("indirect", 98, 116, "Leo Park", 58, 66, "told"),                // found, wrong speaker
			att("indirect", 156, 170, "the clerk", 188, 197, "in the words of"), // missed
		}, // "The bridge is closed" is not annotated: spurious
	}
	b, _ := json.Marshal(gold)
	path := write(t, filepath.Join(t.TempDir(), "gold.jsonl"), append(b, '\n'))
	r := cli(context.Background(), nil, "eval", "--errors", path)
	want := []string{
		"d1\tspeaker\t41-56\t“Rain is coming,”\tgold: Tomas Berg, predicted: Leo Park",
		"d1\tstatement-speaker\t98-116\t“the vote was close”\tgold: Leo Park, predicted: Officials, cue: told",
		"d1\tspurious-statement\t118-138\t“The bridge is closed”\tpredicted: a clerk",
		"d1\tmissed-statement\t156-170\t“The costs rose”\tgold: the clerk, cue: in the words of",
	}
	if r.code != 0 || strings.TrimSpace(r.stdout) != strings.Join(want, "\n") {
		t.Errorf("eval --errors: exit %d:\n%s\nwant:\n%s", r.code, r.stdout, strings.Join(want, "\n"))
	}
	checkMessages(t, r.stderr, `^whosaid: 0 missed, 0 spurious, 1 wrong speakers; reported speech: 1 missed, 1 spurious, 1 wrong speakers$`)
	r = cli(context.Background(), nil, "eval", "--errors", "--json", path)
	var errs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &errs); err != nil || len(errs) != len(want) {
		t.Fatalf("eval --errors --json: %v, %d errors:\n%s", err, len(errs), r.stdout)
	}
	if _, ok := errs[0]["cue"]; ok || errs[3]["cue"] != "in the words of" || errs[3]["kind"] != eval.ErrMissedStatement {
		t.Errorf("eval --errors --json: the cue belongs to the statements only:\n%s", r.stdout)
	}
}

// evalOwnPred runs `whosaid eval` with args on the gold file, writing the
// predictions with --pred, and returns its output with the gold and the
// predictions read back as the scorer reads them.
func evalOwnPred(t *testing.T, gold string, args ...string) (string, []eval.GoldDoc, map[string][]eval.PredQuote) {
	t.Helper()
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	r := cli(context.Background(), nil, append(append([]string{"eval", "--pred", pred}, args...), gold)...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
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
	return r.stdout, g, p
}
