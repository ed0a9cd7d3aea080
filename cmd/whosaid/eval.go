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
	calib   bool
	errs    bool
	width   float64
	minRows int
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
gold and predicted speakers. With --calibration, --errors lists the wrong rows
behind the calibration tables instead: each row that matches no gold quote or
names the wrong speaker, with its rule and confidence first. The gold file's
format is in docs/eval.md.`,
		Example: `  whosaid eval gold.jsonl
  whosaid eval --pred pred.jsonl --json gold.jsonl
  whosaid eval --calibration gold.jsonl        # speaker accuracy per confidence bucket and per rule
  whosaid eval --calibration --min-rows 30 gold.jsonl  # also buckets merged to 30 scored rows or more
  whosaid eval --errors gold.jsonl             # every missed, spurious and wrongly attributed quote
  whosaid eval --calibration --errors gold.jsonl  # the wrong rows behind the calibration, with rule and confidence
  whosaid eval --variant british --write-gold british.jsonl gold.jsonl`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runEval(a, o, args[0]) },
	}
	o.rules.add(cmd)
	cmd.Flags().BoolVar(&o.lenient, "lenient", false, "predictions inside ignore regions are not counted as false positives")
	cmd.Flags().StringVar(&o.pred, "pred", "", "also write the predictions as JSONL to this file")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the report as JSON (the same as score.py prints)")
	cmd.Flags().BoolVar(&o.calib, "calibration", false, "print speaker accuracy per confidence bucket and per rule instead of the report")
	cmd.Flags().BoolVar(&o.errs, "errors", false, "list every missed, spurious and wrongly attributed quote instead of the report (with --calibration: the wrong rows with rule and confidence; with --json, as a JSON array)")
	cmd.Flags().Float64Var(&o.width, "bucket", 0.1, "with --calibration: the width of a confidence bucket (0: a bucket per distinct confidence)")
	cmd.Flags().IntVar(&o.minRows, "min-rows", 0, "with --calibration: also merge adjacent buckets into ranges of at least this many scored rows")
	cmd.Flags().StringVar(&o.variant, "variant", "", "transform the gold documents first: "+strings.Join(eval.Variants(), " or ")+
		" (British quotation marks; hard-wrapped at 72 columns)")
	enumFlag(cmd, "variant", eval.Variants)
	cmd.Flags().StringVar(&o.write, "write-gold", "", "also write the transformed gold as JSONL to this file (with --variant), for score.py")
	return cmd
}

// maxGoldBytes bounds a gold file (1 GiB): eval holds it in memory.
const maxGoldBytes = 1 << 30

// openGold opens a gold file: a regular file (not a device or pipe, which
// could be endless or block) of at most maxGoldBytes.
func openGold(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%v)", extract.SafeName(path), st.Mode().Type())
	}
	if st.Size() > maxGoldBytes {
		return nil, fmt.Errorf("%s: gold file too large: more than 1 GiB", extract.SafeName(path))
	}
	return os.Open(path)
}

func runEval(a *app, o *evalOpts, goldPath string) error {
	if o.width < 0 || o.width > 1 {
		return &exitError{exitUsage, fmt.Errorf("--bucket must be between 0 and 1, got %v", o.width)}
	}
	rs, err := o.rules.load()
	if err != nil {
		return err
	}
	gold, err := readEvalGold(a, o, goldPath)
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
	if o.calib && o.errs {
		return printCalibrationErrors(a, eval.CalibrationErrors(gold, rated), o.asJSON)
	}
	if o.errs {
		return printEvalErrors(a, eval.Errors(gold, pred, o.lenient), o.asJSON)
	}
	if o.calib {
		c := eval.Calibrate(gold, rated, o.width)
		if o.minRows > 0 {
			c.Merge(o.minRows)
		}
		if o.asJSON {
			b, _ := json.MarshalIndent(c, "", "  ")
			fmt.Fprintln(a.stdout, string(b))
			return nil
		}
		fmt.Fprintln(a.stdout, c.String())
		return nil
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

// writeGold writes the transformed gold file b to path (--write-gold),
// whole or not at all.
func writeGold(a *app, path, goldPath string, b []byte) error {
	w, err := createOutput(a, path, []string{goldPath}, nil)
	if err != nil {
		return err
	}
	defer w.discard()
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return w.keep()
}

// readEvalGold reads the gold file, transformed by o.variant when it is
// set, and writes the transformed gold to o.write when that is set.
func readEvalGold(a *app, o *evalOpts, goldPath string) ([]eval.GoldDoc, error) {
	if o.write != "" && o.variant == "" {
		return nil, &exitError{exitUsage, fmt.Errorf("--write-gold needs --variant")}
	}
	if o.variant != "" && !slices.Contains(eval.Variants(), o.variant) {
		return nil, &exitError{exitUsage, fmt.Errorf("--variant %q: want %s", o.variant, strings.Join(eval.Variants(), " or "))}
	}
	f, err := openGold(goldPath)
	if err != nil {
		return nil, &exitError{exitInputFailed, err}
	}
	defer f.Close()
	var r io.Reader = io.LimitReader(f, maxGoldBytes)
	if o.variant != "" {
		var b bytes.Buffer
		if err := eval.WriteVariant(o.variant, r, &b); err != nil {
			return nil, &exitError{exitInputFailed, fmt.Errorf("%s: %w", goldPath, err)}
		}
		if o.write != "" {
			if err := writeGold(a, o.write, goldPath, b.Bytes()); err != nil {
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

// printCalibrationErrors writes the wrong rows of eval --calibration
// --errors: one line each (rule, confidence, then as --errors), a JSON
// array with asJSON, and a count on standard error.
func printCalibrationErrors(a *app, errs []eval.RatedError, asJSON bool) error {
	if asJSON {
		if errs == nil {
			errs = []eval.RatedError{}
		}
		b, err := json.MarshalIndent(errs, "", "  ")
		if err != nil {
			return fmt.Errorf("eval --calibration --errors: %w", err)
		}
		fmt.Fprintln(a.stdout, string(b))
		return nil
	}
	n := map[string]int{}
	for _, e := range errs {
		n[e.Kind]++
		fields := strings.Split(e.String(), "\t")
		for i, f := range fields {
			fields[i] = extract.TermSafe(f)
		}
		fmt.Fprintln(a.stdout, strings.Join(fields, "\t"))
	}
	fmt.Fprintf(a.stderr, "whosaid: %d wrong rows: %d matching no gold quote, %d wrong speakers\n", len(errs), n[eval.ErrSpurious], n[eval.ErrSpeaker])
	return nil
}

// printEvalErrors writes the mistakes of eval --errors: one line each, a
// JSON array with asJSON, and a count by kind on standard error.
func printEvalErrors(a *app, errs []eval.Error, asJSON bool) error {
	if asJSON {
		if errs == nil {
			errs = []eval.Error{}
		}
		b, err := json.MarshalIndent(errs, "", "  ")
		if err != nil {
			return fmt.Errorf("eval --errors: %w", err)
		}
		fmt.Fprintln(a.stdout, string(b))
		return nil
	}
	n := map[string]int{}
	for _, e := range errs {
		n[e.Kind]++
		fields := strings.Split(e.String(), "\t")
		for i, f := range fields {
			fields[i] = extract.TermSafe(f)
		}
		fmt.Fprintln(a.stdout, strings.Join(fields, "\t"))
	}
	fmt.Fprintf(a.stderr, "whosaid: %d missed, %d spurious, %d wrong speakers\n", n[eval.ErrMissed], n[eval.ErrSpurious], n[eval.ErrSpeaker])
	return nil
}
