package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/eval"
)

// TestEvalVariants runs `whosaid eval --variant` on the project's own gold
// file: the written gold is the transformed text, its quotes still point at
// their text, and the report is what the scorer gives for the predictions
// on that gold.
func TestEvalVariants(t *testing.T) {
	gold := "../../eval/testdata/gold.jsonl"
	for _, v := range eval.Variants() {
		t.Run(v, func(t *testing.T) {
			dir := t.TempDir()
			written, pred := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "pred.jsonl")
			var out, errb bytes.Buffer
			code := run(context.Background(), []string{"eval", "--json", "--variant", v, "--write-gold", written, "--pred", pred, gold},
				strings.NewReader(""), &out, &errb)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			gf, err := os.Open(written)
			if err != nil {
				t.Fatal(err)
			}
			g, err := eval.ReadGold(gf)
			gf.Close()
			if err != nil || len(g) == 0 {
				t.Fatalf("the written gold does not read: %v (%d documents)", err, len(g))
			}
			for _, d := range g {
				runes := []rune(d.Text)
				for _, q := range d.Quotes {
					if q.Text != "" && string(runes[q.Start:q.End]) != q.Text {
						t.Errorf("%s: quote %d..%d is %q, its text %q", d.ID, q.Start, q.End, string(runes[q.Start:q.End]), q.Text)
					}
				}
			}
			pf, _ := os.Open(pred)
			p, err := eval.ReadPred(pf)
			pf.Close()
			if err != nil {
				t.Fatal(err)
			}
			want, _ := json.MarshalIndent(eval.Score(g, p, false), "", "  ")
			if strings.TrimSpace(out.String()) != string(want) {
				t.Errorf("report differs from scoring the predictions against the written gold:\n%s\nwant\n%s", out.String(), want)
			}
		})
	}
	t.Run("unknown variant", func(t *testing.T) {
		var out, errb bytes.Buffer
		if code := run(context.Background(), []string{"eval", "--variant", "klingon", gold}, strings.NewReader(""), &out, &errb); code == 0 {
			t.Errorf("exit 0 for an unknown variant")
		}
	})
	t.Run("write-gold needs a variant", func(t *testing.T) {
		var out, errb bytes.Buffer
		if code := run(context.Background(), []string{"eval", "--write-gold", filepath.Join(t.TempDir(), "g.jsonl"), gold}, strings.NewReader(""), &out, &errb); code == 0 {
			t.Errorf("exit 0 for --write-gold without --variant")
		}
	})
}
