package main

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
)

// This file is "whosaid rules try": a text's quotations with the rule that
// attributed each, for rule authors.

type rulesTryOpts struct {
	ruleFileOpts
	rowFlags
	text string
}

// add declares rules try's flags.
func (o *rulesTryOpts) add(cmd *cobra.Command) {
	o.ruleFileOpts.add(cmd)
	cmd.Flags().StringVar(&o.text, "text", "", "the text to try (instead of PATH)")
	o.rowFlags.add(cmd, "also show quotations that are not attributed speech",
		"also show reported speech (rows of kind indirect, the content without quotation marks)",
		"show per quotation how every rule fared")
}

func newRulesTryCmd(a *app) *cobra.Command {
	o := &rulesTryOpts{}
	cmd := &cobra.Command{
		Use:   "try [flags] (--text TEXT | PATH...)",
		Short: "Show, for a text, each quotation with its speaker, cue and the rule that attributed it",
		Long: `A sandbox for rule authors: runs the pipeline on a short text (or files, or -
for standard input) and prints one row per quotation with its speaker, the
mention as written, title, cue, kind, the rule that attributed it and that
rule's confidence. --explain adds, per quotation, how every rule fared.`,
		Example: `  whosaid rules try --text '“Nice try,” zorbled Jane Doe.'
  whosaid rules try --rules my-rules/ --explain article.txt`,
		RunE: func(cmd *cobra.Command, args []string) error { return runRulesTry(a, o, args) },
	}
	o.add(cmd)
	return cmd
}

func runRulesTry(a *app, o *rulesTryOpts, args []string) error {
	if o.text == "" && len(args) == 0 && !a.stdinTerminal() {
		args = []string{"-"} // no PATH: standard input, as extract
	}
	if (o.text == "") == (len(args) == 0) {
		return &exitError{exitUsage, errors.New("give either --text TEXT or at least one PATH")}
	}
	rs, err := o.load(a, a.stderr, o.files)
	if err != nil {
		return err
	}
	x := extract.New(rs, o.options())
	var docs []*extract.Document
	failed := 0
	add := func(in extract.Input) error {
		if in.Err != nil {
			failed++
			fmt.Fprintf(a.stderr, "whosaid: %s: %v\n", extract.SafeName(in.ID), in.Err)
			return nil
		}
		doc, err := x.Extract(in.ID, in.Text)
		if err != nil {
			failed++
			fmt.Fprintf(a.stderr, "whosaid: %s: %v\n", extract.SafeName(in.ID), err)
			return nil
		}
		docs = append(docs, doc)
		return nil
	}
	if o.text != "" {
		add(extract.Input{ID: "text", Text: o.text})
	} else if err := extract.ReadInputs(args, extract.InputOptions{Stdin: a.stdin}, add); err != nil {
		return &exitError{exitInputFailed, err}
	}
	for i, doc := range docs {
		if len(docs) > 1 {
			if i > 0 {
				fmt.Fprintln(a.stdout)
			}
			fmt.Fprintf(a.stdout, "%s:\n", extract.TermSafe(doc.ID))
		}
		if err := printTry(a.stdout, doc, o.explain); err != nil {
			return &exitError{exitInputFailed, err}
		}
	}
	if failed > 0 {
		return &exitError{exitInputFailed, errors.New("")}
	}
	return nil
}

// marked is a row's text between “ ”, or as it is for reported speech.
func marked(q extract.Record) string {
	if q.Kind == "indirect" {
		return extract.TermSafe(q.Quote)
	}
	return "“" + extract.TermSafe(q.Quote) + "”"
}

// printTry prints a document's quotations as rows, and with explain how
// every rule fared on each.
func printTry(w io.Writer, doc *extract.Document, explain bool) error {
	if len(doc.Quotes) == 0 {
		_, err := fmt.Fprintln(w, "no quotations")
		return err
	}
	// the text is shown as the terminal table shows it: no escape
	// sequence, control or bidi character reaches the terminal
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return extract.TermSafe(s)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "quote\tspeaker\tmention\ttitle\tcue\tkind\trule\tconfidence")
	for _, q := range doc.Quotes {
		conf := "-"
		if q.Rule != "" {
			conf = fmt.Sprintf("%.2f", q.Confidence)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", marked(q), dash(q.Speaker), dash(q.Mention), dash(q.Title),
			dash(q.Cue), q.Kind, dash(q.Rule), conf)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !explain {
		return nil
	}
	for _, q := range doc.Quotes {
		fmt.Fprintf(w, "\n%s (line %d):\n", marked(q), q.Line)
		for _, e := range q.Explain {
			fmt.Fprintf(w, "  %s\n", extract.TermSafe(e))
		}
	}
	return nil
}
