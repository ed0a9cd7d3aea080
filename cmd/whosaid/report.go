package main

import "github.com/spf13/cobra"

// newReportCmd is "whosaid report": extract with the review page as the
// output, written to report.html unless -o says otherwise.
func newReportCmd(a *app) *cobra.Command {
	o := &extractOpts{tableFlags: tableFlags{outFlags: outFlags{format: "html"}}}
	cmd := &cobra.Command{
		Use:   "report [flags] PATH...",
		Short: "Write a review page: one self-contained HTML file with each article's quotes marked, a quote table and the speakers",
		Long: `report extracts the quotations of its inputs and writes the review page, one
HTML file that opens in any browser with no network: an index of the documents,
a quote table to sort and filter (speaker, kind, status, minimum confidence,
text), the speakers merged across documents, and each article's text with every
quote marked in its speaker's colour; a click on a quote shows its speaker,
title, cue, rule, confidence and status. It is "extract --format html".`,
		Example: `  whosaid report articles/                  # writes report.html
  whosaid report -o review.html corpus.jsonl`,
		Args: stdinArgs(a),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.out == "" {
				o.out = "report.html"
			}
			return runExtract(cmd.Context(), a, o, stdinDefault(args))
		},
	}
	o.docFlags.add(cmd)
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "write the page to this file (default report.html; - for standard output)")
	o.rowFlags.add(cmd, "also mark quotations that are not attributed speech (scare quotes, titles)",
		"also mark reported speech without quotation marks (rows of kind indirect)",
		"show in each quote's details which rule attributed it and why the others did not")
	cmd.Flags().Float64Var(&o.minConf, "min-confidence", 0, "leave out quotes whose confidence is below this (0 to 1)")
	o.langFlag.add(cmd, "the language of every document")
	o.addRun(cmd, "documents processed in parallel")
	cmd.Flags().BoolVar(&o.dedupe, "dedupe", false, "keep the first occurrence of each repeated quotation only")
	return cmd
}
