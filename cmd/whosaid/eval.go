package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// evalOpts are eval's flags: the ruleset, how the gold file is read
// (goldFlags), the calibration table instead of the report (calibFlags),
// and the rest of the report's choices.
type evalOpts struct {
	rules   ruleFlags
	gold    goldFlags
	calib   calibFlags
	lenient bool
	pred    string
	asJSON  bool
	errs    bool
}

// add declares eval's flags.
func (o *evalOpts) add(cmd *cobra.Command) {
	o.rules.add(cmd)
	o.gold.add(cmd)
	o.calib.add(cmd)
	cmd.Flags().BoolVar(&o.lenient, "lenient", false, "predictions inside ignore regions are not counted as false positives")
	cmd.Flags().StringVar(&o.pred, "pred", "", "also write the predictions as JSONL to this file")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the report as JSON (the same as score.py prints)")
	cmd.Flags().BoolVar(&o.errs, "errors", false, "list every missed, spurious and wrongly attributed quote (and statement of reported speech, when the gold has attributions) instead of the report (with --calibration: the wrong rows with rule and confidence; with --json, as a JSON array)")
}

// newEvalCmd is "whosaid eval": extraction scored against a gold file.
func newEvalCmd(a *app) *cobra.Command {
	o := &evalOpts{}
	cmd := &cobra.Command{
		Use:   "eval [flags] GOLD.jsonl",
		Short: "Run extraction on a gold file and print quote P/R/F1 and speaker accuracy",
		Long: `eval runs extraction on every document of a gold JSONL file and scores the
result exactly as the reference scorer score.py does: quote precision, recall
and F1 (exact boundaries and 50% overlap), named-speaker accuracy, pronoun
accuracy by offsets, title accuracy (the named speaker right and the title
sharing a content word with the gold one), and end-to-end named recall.
Predictions of kind indirect (reported speech) are not scored there, as in
score.py.

When the gold file has "attributions" (the *-reported.jsonl files), eval also
extracts reported speech (as extract --reported does) and scores the rows of
kind indirect exactly as score_reported.py does: precision, recall and F1 of
the statements, and speaker accuracy. The quote figures are printed when the
gold file has "quotes".

--errors lists instead every mistake behind the quote figures, one a line:
document, kind (missed, spurious, speaker), offsets, the quotation, and the
gold and predicted speakers. When the gold file has attributions, the
mistakes behind the reported-speech figures follow in the same format, with
the kinds missed-statement, spurious-statement and statement-speaker and the
gold cue last, e.g.

  talks-1	missed-statement	120-146	“the talks had been useful”	gold: Ushakov, cue: said

With --calibration, --errors lists the wrong rows behind the calibration
tables instead: each row that matches no gold quote or names the wrong
speaker, with its rule and confidence first. The gold file's format is in
docs/eval.md.`,
		Example: `  whosaid eval gold.jsonl
  whosaid eval --pred pred.jsonl --json gold.jsonl
  whosaid eval --calibration gold.jsonl        # speaker accuracy per confidence bucket and per rule
  whosaid eval --calibration --min-rows 30 gold.jsonl  # also buckets merged to 30 scored rows or more
  whosaid eval --errors gold.jsonl             # every missed, spurious and wrongly attributed quote (and reported statement)
  whosaid eval --calibration --errors gold.jsonl  # the wrong rows behind the calibration, with rule and confidence
  whosaid eval --variant british --write-gold british.jsonl gold.jsonl`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runEval(a, o, args[0]) },
	}
	o.add(cmd)
	return cmd
}

func runEval(a *app, o *evalOpts, goldPath string) error {
	if err := o.calib.check(); err != nil {
		return err
	}
	rs, err := o.rules.load()
	if err != nil {
		return err
	}
	gold, err := o.gold.read(a, goldPath)
	if err != nil {
		return err
	}
	reported := eval.HasAttributions(gold)
	x := extract.New(rs, extract.Options{Reported: reported})
	pred := map[string][]eval.PredQuote{}
	rated := map[string][]eval.RatedQuote{}
	var docs []*extract.Document
	for _, g := range gold {
		doc, err := x.Extract(g.ID, g.Text)
		if err != nil {
			fmt.Fprintf(a.stderr, "whosaid: %s: %v\n", g.ID, err)
			continue
		}
		var ps []eval.PredQuote
		var rs []eval.RatedQuote
		for _, q := range doc.Quotes {
			p := eval.PredQuote{Start: q.Start, End: q.End, Speaker: q.Speaker, SpeakerOffsets: eval.SpeakerOffsets{SpeakerStart: q.SpeakerStart, SpeakerEnd: q.SpeakerEnd}, Title: q.Title, Kind: q.Kind}
			ps = append(ps, p)
			if q.Kind != "indirect" { // calibration rates quotations
				rs = append(rs, eval.RatedQuote{PredQuote: p, Confidence: q.Confidence, Rule: q.Rule})
			}
		}
		pred[g.ID] = ps
		rated[g.ID] = rs
		if o.pred != "" {
			docs = append(docs, doc)
		}
	}
	if o.pred != "" {
		if err := writePred(a, o.pred, goldPath, docs); err != nil {
			return err
		}
	}
	if o.calib.on && o.errs {
		return printCalibrationErrors(a, eval.CalibrationErrors(gold, rated), o.asJSON)
	}
	// the quote figures are scored when the report prints them
	quotes := !reported || eval.HasQuotes(gold)
	if o.errs {
		var errs []eval.Error
		if quotes {
			errs = eval.Errors(gold, pred, o.lenient)
		}
		if reported {
			errs = append(errs, eval.ReportedErrors(gold, pred)...)
		}
		return printEvalErrors(a, errs, o.asJSON, quotes, reported)
	}
	if o.calib.on {
		printReport(a.stdout, o.calib.table(gold, rated), o.asJSON)
		return nil
	}
	// JSON: the object score.py prints, then the one score_reported.py prints
	if quotes {
		printReport(a.stdout, eval.Score(gold, pred, o.lenient), o.asJSON)
	}
	if reported {
		printReport(a.stdout, eval.ScoreReported(gold, pred), o.asJSON)
	}
	return nil
}

// printReport prints one of eval's reports: indented JSON with asJSON,
// else its text.
func printReport(w io.Writer, rep fmt.Stringer, asJSON bool) {
	if asJSON {
		b, _ := json.MarshalIndent(rep, "", "  ")
		fmt.Fprintln(w, string(b))
		return
	}
	fmt.Fprintln(w, rep.String())
}

// calibFlags ask eval for the calibration table instead of the report
// (--calibration): speaker accuracy per confidence bucket of width
// --bucket, and per rule; --min-rows also merges buckets.
type calibFlags struct {
	on      bool
	width   float64
	minRows int
}

func (f *calibFlags) add(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.on, "calibration", false, "print speaker accuracy per confidence bucket and per rule instead of the report")
	cmd.Flags().Float64Var(&f.width, "bucket", 0.1, "with --calibration: the width of a confidence bucket (0: a bucket per distinct confidence)")
	cmd.Flags().IntVar(&f.minRows, "min-rows", 0, "with --calibration: also merge adjacent buckets into ranges of at least this many scored rows")
}

// check refuses a bucket width outside 0 to 1 (before any work).
func (f *calibFlags) check() error {
	if f.width < 0 || f.width > 1 {
		return &exitError{exitUsage, fmt.Errorf("--bucket must be between 0 and 1, got %v", f.width)}
	}
	return nil
}

// table returns the calibration of the rated predictions against gold.
func (f *calibFlags) table(gold []eval.GoldDoc, rated map[string][]eval.RatedQuote) eval.Calibration {
	c := eval.Calibrate(gold, rated, f.width)
	if f.minRows > 0 {
		c.Merge(f.minRows)
	}
	return c
}

// writePred writes the documents extracted from the gold file goldPath
// to path (--pred) as JSONL, whole or not at all.
func writePred(a *app, path, goldPath string, docs []*extract.Document) error {
	w, err := createOutput(a, path, []string{goldPath}, nil)
	if err != nil {
		return err
	}
	defer w.discard()
	ww, _ := extract.NewWriter("jsonl", w, extract.WriterOptions{})
	for _, d := range docs {
		if err := ww.WriteDoc(d); err != nil {
			return err
		}
	}
	if err := ww.Close(); err != nil {
		return err
	}
	return w.keep()
}

// printCalibrationErrors writes the wrong rows of eval --calibration
// --errors: one line each (rule, confidence, then as --errors), a JSON
// array with asJSON, and a count on standard error.
func printCalibrationErrors(a *app, errs []eval.RatedError, asJSON bool) error {
	return printErrorList(a, errs, asJSON, "eval --calibration --errors", func(e eval.RatedError) string { return e.Kind },
		func(n map[string]int) string {
			return fmt.Sprintf("%d wrong rows: %d matching no gold quote, %d wrong speakers", len(errs), n[eval.ErrSpurious], n[eval.ErrSpeaker])
		})
}

// printEvalErrors writes the mistakes of eval --errors: one line each, a
// JSON array with asJSON, and a count by kind on standard error, for the
// quotes and for reported speech as each was scored.
func printEvalErrors(a *app, errs []eval.Error, asJSON, quotes, reported bool) error {
	return printErrorList(a, errs, asJSON, "eval --errors", func(e eval.Error) string { return e.Kind },
		func(n map[string]int) string {
			var parts []string
			if quotes {
				parts = append(parts, fmt.Sprintf("%d missed, %d spurious, %d wrong speakers",
					n[eval.ErrMissed], n[eval.ErrSpurious], n[eval.ErrSpeaker]))
			}
			if reported {
				parts = append(parts, fmt.Sprintf("reported speech: %d missed, %d spurious, %d wrong speakers",
					n[eval.ErrMissedStatement], n[eval.ErrSpuriousStatement], n[eval.ErrStatementSpeaker]))
			}
			return strings.Join(parts, "; ")
		})
}

// printErrorList writes errs as a JSON array with asJSON (what names the
// command in an error), else one line each with its fields made safe for
// a terminal, then the summary of the counts by kind on standard error.
func printErrorList[E fmt.Stringer](a *app, errs []E, asJSON bool, what string, kind func(E) string, summary func(map[string]int) string) error {
	if asJSON {
		if errs == nil {
			errs = []E{}
		}
		b, err := json.MarshalIndent(errs, "", "  ")
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		fmt.Fprintln(a.stdout, string(b))
		return nil
	}
	n := map[string]int{}
	for _, e := range errs {
		n[kind(e)]++
		fields := strings.Split(e.String(), "\t")
		for i, f := range fields {
			fields[i] = extract.TermSafe(f)
		}
		fmt.Fprintln(a.stdout, strings.Join(fields, "\t"))
	}
	fmt.Fprintln(a.stderr, "whosaid: "+summary(n))
	return nil
}
