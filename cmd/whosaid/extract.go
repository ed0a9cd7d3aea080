package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
)

type extractOpts struct {
	rules   ruleFlags
	in      inputFlags
	format  string
	out     string
	all     bool
	explain bool
	csvRaw  bool
}

func newExtractCmd(a *app) *cobra.Command {
	o := &extractOpts{}
	cmd := &cobra.Command{
		Use:   "extract [flags] PATH...",
		Short: "Extract the quotations of files, folders, JSONL corpora or standard input (-)",
		Example: `  whosaid extract article.txt                       # a table in the terminal
  whosaid extract --format csv -o quotes.csv articles/  # a folder, CSV for a spreadsheet
  cat corpus.jsonl | whosaid extract --input jsonl --format jsonl -
  whosaid extract --rules my-rules/ article.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runExtract(a, o, args) },
	}
	o.rules.add(cmd)
	o.in.add(cmd)
	cmd.Flags().StringVarP(&o.format, "format", "f", "", "output format: table, csv, tsv, json, jsonl (default: table on a terminal, else jsonl)")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "write to this file (written whole or not at all) instead of standard output")
	cmd.Flags().BoolVar(&o.all, "all", false, "also show quotations that are not attributed speech (scare quotes, titles)")
	cmd.Flags().BoolVar(&o.explain, "explain", false, "show per quote which rule attributed it and why the others did not")
	cmd.Flags().BoolVar(&o.csvRaw, "csv-raw", false, "do not neutralise CSV cells that a spreadsheet would read as formulas")
	return cmd
}

// openOutput returns the writer for -o FILE (a temporary file in the same
// folder, renamed into place by commit) or standard output.
func openOutput(a *app, path string) (w io.Writer, commit func() error, abort func(), err error) {
	if path == "" || path == "-" {
		return a.stdout, func() error { return nil }, func() {}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, nil, nil, &exitError{exitUsage, fmt.Errorf("cannot write %s: %w", path, err)}
	}
	commit = func() error {
		if err := f.Close(); err != nil {
			os.Remove(f.Name())
			return err
		}
		return os.Rename(f.Name(), path)
	}
	abort = func() { f.Close(); os.Remove(f.Name()) }
	return f, commit, abort, nil
}

func runExtract(a *app, o *extractOpts, args []string) error {
	rs, err := o.rules.load()
	if err != nil {
		return err
	}
	inOpt, err := o.in.options(a)
	if err != nil {
		return err
	}
	format := o.format
	if format == "" {
		format = "jsonl"
		if o.out == "" && isTerminal(a.stdout) {
			format = "table"
		}
	}
	x := extract.New(rs, extract.Options{All: o.all, Explain: o.explain})
	w, commit, abort, err := openOutput(a, o.out)
	if err != nil {
		return err
	}
	ww, err := extract.NewWriter(format, w, extract.WriterOptions{CSVRaw: o.csvRaw})
	if err != nil {
		abort()
		return &exitError{exitUsage, err}
	}
	failed := 0
	err = extract.ReadInputs(args, inOpt, func(in extract.Input) error {
		if in.Err != nil {
			failed++
			fmt.Fprintf(a.stderr, "whosaid: %s: %v\n", in.ID, in.Err)
			return nil
		}
		doc, err := x.Extract(in.ID, in.Text)
		if err != nil {
			failed++
			fmt.Fprintf(a.stderr, "whosaid: %s: %v\n", in.ID, err)
			return nil
		}
		if o.explain && format == "table" {
			defer printExplain(a.stderr, doc)
		}
		return ww.WriteDoc(doc)
	})
	if err == nil {
		err = ww.Close()
	}
	if err != nil {
		abort()
		return &exitError{exitInputFailed, err}
	}
	if err := commit(); err != nil {
		return &exitError{exitInputFailed, fmt.Errorf("cannot write %s: %w", o.out, err)}
	}
	if failed > 0 {
		return &exitError{exitInputFailed, errors.New("")}
	}
	return nil
}

func printExplain(w io.Writer, doc *extract.Document) {
	for _, q := range doc.Quotes {
		fmt.Fprintf(w, "%s %s “%s”\n", doc.ID, q.ID, q.Quote)
		for _, e := range q.Explain {
			fmt.Fprintf(w, "    %s\n", e)
		}
	}
}
