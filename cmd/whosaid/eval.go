package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

type evalOpts struct {
	rules   ruleFlags
	lenient bool
	pred    string
	asJSON  bool
	variant string
	write   string
}

func newEvalCmd(a *app) *cobra.Command {
	o := &evalOpts{}
	cmd := &cobra.Command{
		Use:   "eval [flags] GOLD.jsonl",
		Short: "Run extraction on a gold file and print quote P/R/F1 and speaker accuracy",
		Long: `eval runs extraction on every document of a gold JSONL file and scores the
result exactly as the reference scorer score.py does: quote precision, recall
and F1 (exact boundaries and 50% overlap), named-speaker accuracy, pronoun
accuracy by offsets, and end-to-end named recall.`,
		Example: `  whosaid eval gold.jsonl
  whosaid eval --pred pred.jsonl --json gold.jsonl
  whosaid eval --variant british --write-gold british.jsonl gold.jsonl`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runEval(a, o, args[0]) },
	}
	o.rules.add(cmd)
	cmd.Flags().BoolVar(&o.lenient, "lenient", false, "predictions inside ignore regions are not counted as false positives")
	cmd.Flags().StringVar(&o.pred, "pred", "", "also write the predictions as JSONL to this file")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the report as JSON (the same as score.py prints)")
	cmd.Flags().StringVar(&o.variant, "variant", "", "transform the gold documents first: "+strings.Join(eval.Variants, " or ")+
		" (British quotation marks; hard-wrapped at 72 columns)")
	cmd.Flags().StringVar(&o.write, "write-gold", "", "also write the transformed gold as JSONL to this file (with --variant), for score.py")
	return cmd
}

func runEval(a *app, o *evalOpts, goldPath string) error {
	rs, err := o.rules.load()
	if err != nil {
		return err
	}
	gold, err := readEvalGold(a, o, goldPath)
	if err != nil {
		return err
	}
	x := extract.New(rs, extract.Options{})
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
			ps = append(ps, eval.PredQuote{Start: q.Start, End: q.End, Speaker: q.Speaker, SpeakerStart: q.SpeakerStart, SpeakerEnd: q.SpeakerEnd})
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
	rep := eval.Score(gold, pred, o.lenient)
	if o.asJSON {
		b, _ := json.MarshalIndent(rep, "", "  ")
		fmt.Fprintln(a.stdout, string(b))
		return nil
	}
	fmt.Fprintln(a.stdout, rep.String())
	return nil
}

// readEvalGold reads the gold file, transformed by o.variant when it is
// set, and writes the transformed gold to o.write when that is set.
func readEvalGold(a *app, o *evalOpts, goldPath string) ([]eval.GoldDoc, error) {
	if o.write != "" && o.variant == "" {
		return nil, &exitError{exitUsage, fmt.Errorf("--write-gold needs --variant")}
	}
	if o.variant != "" && !slices.Contains(eval.Variants, o.variant) {
		return nil, &exitError{exitUsage, fmt.Errorf("--variant %q: want %s", o.variant, strings.Join(eval.Variants, " or "))}
	}
	f, err := os.Open(goldPath)
	if err != nil {
		return nil, &exitError{exitInputFailed, err}
	}
	defer f.Close()
	var r io.Reader = f
	if o.variant != "" {
		var b bytes.Buffer
		if err := eval.WriteVariant(o.variant, f, &b); err != nil {
			return nil, &exitError{exitInputFailed, fmt.Errorf("%s: %w", goldPath, err)}
		}
		if o.write != "" {
			w, commit, abort, err := openOutput(a, o.write)
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(b.Bytes()); err != nil {
				abort()
				return nil, fmt.Errorf("writing %s: %w", o.write, err)
			}
			if err := commit(); err != nil {
				return nil, err
			}
		}
		r = &b
	}
	gold, err := eval.ReadGold(r)
	if err != nil {
		return nil, &exitError{exitInputFailed, fmt.Errorf("%s: %w", goldPath, err)}
	}
	return gold, nil
}
