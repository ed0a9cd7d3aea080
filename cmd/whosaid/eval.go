package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

type evalOpts struct {
	rules   ruleFlags
	lenient bool
	pred    string
	asJSON  bool
}

func newEvalCmd(a *app) *cobra.Command {
	o := &evalOpts{}
	cmd := &cobra.Command{
		Use:   "eval [flags] GOLD.jsonl",
		Short: "Run extraction on a gold file and print quote P/R/F1 and speaker accuracy",
		Long: `eval runs extraction on every document of a gold JSONL file and scores the
result exactly as the reference scorer score.py does: quote precision, recall
and F1 (exact boundaries and 50% overlap), named-speaker accuracy, pronoun
accuracy by offsets, and end-to-end named recall. Rows of kind indirect
(reported speech) are left out of these figures, as score.py does.

When the gold file has "attributions" (the *-reported.jsonl files), eval also
extracts reported speech (as extract --reported does) and scores the rows of
kind indirect exactly as score_reported.py does: precision, recall and F1 of
the statements, and speaker accuracy. The quote figures are printed when the
gold file has "quotes".`,
		Example: `  whosaid eval gold.jsonl
  whosaid eval --pred pred.jsonl --json gold.jsonl`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runEval(a, o, args[0]) },
	}
	o.rules.add(cmd)
	cmd.Flags().BoolVar(&o.lenient, "lenient", false, "predictions inside ignore regions are not counted as false positives")
	cmd.Flags().StringVar(&o.pred, "pred", "", "also write the predictions as JSONL to this file")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the report as JSON (the same as score.py prints)")
	return cmd
}

func runEval(a *app, o *evalOpts, goldPath string) error {
	rs, err := o.rules.load()
	if err != nil {
		return err
	}
	f, err := os.Open(goldPath)
	if err != nil {
		return &exitError{exitInputFailed, err}
	}
	gold, err := eval.ReadGold(f)
	f.Close()
	if err != nil {
		return &exitError{exitInputFailed, fmt.Errorf("%s: %w", goldPath, err)}
	}
	reported := eval.HasAttributions(gold)
	x := extract.New(rs, extract.Options{Reported: reported})
	pred := map[string][]eval.PredQuote{}
	var docs []*extract.Document
	for _, g := range gold {
		doc, err := x.Extract(g.ID, g.Text)
		if err != nil {
			fmt.Fprintf(a.stderr, "whosaid: %s: %v\n", g.ID, err)
			continue
		}
		var ps []eval.PredQuote
		for _, q := range doc.Quotes {
			ps = append(ps, eval.PredQuote{Start: q.Start, End: q.End, Speaker: q.Speaker, SpeakerStart: q.SpeakerStart, SpeakerEnd: q.SpeakerEnd, Kind: q.Kind})
		}
		pred[g.ID] = ps
		if o.pred != "" {
			docs = append(docs, doc)
		}
	}
	if o.pred != "" {
		w, commit, abort, err := openOutput(a, o.pred)
		if err != nil {
			return err
		}
		ww, _ := extract.NewWriter("jsonl", w, extract.WriterOptions{})
		for _, d := range docs {
			if err := ww.WriteDoc(d); err != nil {
				abort()
				return err
			}
		}
		if err := ww.Close(); err != nil {
			abort()
			return err
		}
		if err := commit(); err != nil {
			return err
		}
	}
	quotes := !reported || eval.HasQuotes(gold)
	// JSON: the object score.py prints, then the one score_reported.py prints
	if quotes {
		rep := eval.Score(gold, pred, o.lenient)
		if o.asJSON {
			b, _ := json.MarshalIndent(rep, "", "  ")
			fmt.Fprintln(a.stdout, string(b))
		} else {
			fmt.Fprintln(a.stdout, rep.String())
		}
	}
	if reported {
		rep := eval.ScoreReported(gold, pred)
		if o.asJSON {
			b, _ := json.MarshalIndent(rep, "", "  ")
			fmt.Fprintln(a.stdout, string(b))
		} else {
			fmt.Fprintln(a.stdout, rep.String())
		}
	}
	return nil
}
