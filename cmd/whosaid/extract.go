package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
)

type extractOpts struct {
	docFlags
	tableFlags
	rowFlags
	langFlag
	csvRaw  bool
	cpuprof string
	minConf float64
	columns string

	dedupe   bool   // --dedupe: first occurrences only
	dupScope string // --dup-scope: corpus or document
}

// exitInterrupted is the exit code after Ctrl-C (128 + SIGINT).
const exitInterrupted = 130

func newExtractCmd(a *app) *cobra.Command {
	o := &extractOpts{}
	cmd := &cobra.Command{
		Use:   "extract [flags] PATH...",
		Short: "Extract the quotations of files, folders, JSONL corpora or standard input (-)",
		Example: `  whosaid extract article.txt                       # a table in the terminal
  whosaid extract --format csv -o quotes.csv articles/  # a folder, CSV for a spreadsheet
  cat corpus.jsonl | whosaid extract --input jsonl --format jsonl -
  whosaid extract --rules my-rules/ article.txt
  whosaid extract --columns doc_title,doc_url,quote,speaker,title,confidence -o quotes.xlsx corpus.jsonl`,
		Args: stdinArgs(a),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd.Context(), a, o, stdinDefault(args))
		},
	}
	o.docFlags.add(cmd)
	o.tableFlags.add(cmd, extract.Formats())
	o.rowFlags.add(cmd, "also show quotations that are not attributed speech (scare quotes, titles)",
		"also report reported speech without quotation marks (rows of kind indirect: Ushakov said the talks had been useful)",
		"show per quote which rule attributed it and why the others did not (in JSON, an explain field; for the other formats, on standard error)")
	cmd.Flags().BoolVar(&o.dedupe, "dedupe", false, "keep the first occurrence of each repeated quotation only (a repeat's dup_of names its first occurrence)")
	cmd.Flags().StringVar(&o.dupScope, "dup-scope", "corpus", "where a repeated quotation's first occurrence is looked for: corpus (every document before) or document (its own only: the same output however a corpus is cut into chunks)")
	enumFlag(cmd, "dup-scope", fixed("corpus", "document"))
	cmd.Flags().Float64Var(&o.minConf, "min-confidence", 0, "leave out rows whose confidence is below this (0 to 1; unattributed rows have 0)")
	cmd.Flags().StringVar(&o.columns, "columns", "", "pick and order the columns, comma-separated (doc_title,quote,speaker,title,confidence); doc_KEY carries a document field (title, date, url, byline, or any field of a JSONL line) to every row")
	cmd.Flags().BoolVar(&o.csvRaw, "csv-raw", false, "do not neutralise CSV cells that a spreadsheet would read as formulas")
	o.langFlag.add(cmd, "the language of every document")
	cmd.Flags().StringVar(&o.cpuprof, "cpuprofile", "", "write a CPU profile of the run to this file (for go tool pprof)")
	cmd.Flags().MarkHidden("cpuprofile")
	return cmd
}

func runExtract(ctx context.Context, a *app, o *extractOpts, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := o.checkJobs(); err != nil {
		return err
	}
	if o.dupScope == "" {
		o.dupScope = "corpus" // commands without the flag (report)
	}
	if o.dupScope != "corpus" && o.dupScope != "document" {
		return &exitError{exitUsage, fmt.Errorf("--dup-scope %q: want corpus or document", o.dupScope)}
	}
	columns, err := extract.ParseColumns(o.columns)
	if err != nil {
		return &exitError{exitUsage, fmt.Errorf("--columns: %w", err)}
	}
	inOpt, err := o.in.options(a)
	if err != nil {
		return err
	}
	// the output is checked before any work, and its temporary file
	// removed on every way out but success
	w, err := createOutput(a, o.out, args, inOpt.Globs)
	if err != nil {
		return err
	}
	defer w.discard()
	rs, err := o.rules.load()
	if err != nil {
		return err
	}
	format, err := o.pickFormat(a, extract.Formats())
	if err != nil {
		return err
	}
	if o.minConf < 0 || o.minConf > 1 {
		return &exitError{exitUsage, fmt.Errorf("--min-confidence must be between 0 and 1, got %v", o.minConf)}
	}
	if err := o.langFlag.check(rs); err != nil {
		return err
	}
	xo := o.options()
	xo.MinConfidence, xo.Lang = o.minConf, o.lang
	x := extract.New(rs, xo)
	ww, err := extract.NewWriter(format, w, extract.WriterOptions{CSVRaw: o.csvRaw, BOM: o.bom, Columns: columns})
	if err != nil {
		return &exitError{exitUsage, err}
	}
	if o.cpuprof != "" {
		a.guardSignals()
		stop, err := startCPUProfile(o.cpuprof)
		if err != nil {
			return &exitError{exitUsage, err}
		}
		defer stop()
	}
	// JSONL output has a line for every input line (docs/scale-out.md)
	inOpt.KeepLines = format == "jsonl"
	for _, c := range columns {
		inOpt.KeepMeta = inOpt.KeepMeta || strings.HasPrefix(c, extract.DocColumnPrefix)
	}
	run := newDocRun(a, o.quiet)
	p := run.p
	if p.on {
		go p.setTotal(inputSize(args, inOpt.Globs, inOpt.Stdin))
	}
	// The reader reads one argument at a time, so that it knows whether a
	// document came from a JSONL file (for the progress estimate).
	read := func(fn func(extract.Input) error) error {
		for _, arg := range args {
			jsonl := isJSONLArg(arg, inOpt)
			err := extract.ReadInputs([]string{arg}, inOpt, func(in extract.Input) error {
				switch {
				case !p.on:
					// no bar: no need to size the document (jsonlSize goes
					// over every byte of the text)
				case jsonl:
					p.read(jsonlSize(in.ID, in.Text))
				default:
					p.read(int64(len(in.Text)))
				}
				return fn(in)
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
	dd := extract.NewDeduper()
	var noPack unpackedDocs
	read, ropt := run.pipeline(read, o.workers(args, inOpt), oneDocument(args, inOpt))
	err = extract.Run(ctx, read, x, ropt, func(r extract.Result) error {
		defer run.written(r)
		if !run.result(r) {
			return extract.WriteError(ww, r) // JSONL: the document's line holds its error
		}
		if o.dupScope == "document" {
			dd = extract.NewDeduper() // repeats inside the document only
		}
		dd.Mark(r.Doc, o.dedupe)
		run.sum.count(r.Doc)
		noPack.add(r.Doc)
		if err := ww.WriteDoc(r.Doc); err != nil {
			return err
		}
		if o.explain && !explainInline[format] {
			p.message("%s", explainText(r.Doc))
		}
		return nil
	})
	if err == nil {
		err = ww.Close()
	}
	p.finish()
	if msg := noPack.warning(); msg != "" {
		fmt.Fprintln(a.stderr, msg)
	}
	return run.end(err, w)
}

// isJSONLArg reports whether the documents of a command-line path come
// from JSONL: a .jsonl/.ndjson file, --input jsonl, or a folder whose
// --glob patterns all name JSONL files.
func isJSONLArg(arg string, opt extract.InputOptions) bool {
	if opt.Format != "" {
		return opt.Format == "jsonl"
	}
	if st, err := os.Stat(arg); err == nil && st.IsDir() {
		if len(opt.Globs) == 0 {
			return false
		}
		for _, g := range opt.Globs {
			if !isJSONLName(g) {
				return false
			}
		}
		return true
	}
	return isJSONLName(arg)
}

func isJSONLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".jsonl" || ext == ".ndjson"
}

// startCPUProfile writes a CPU profile to path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// explainInline holds the formats that carry --explain in their records
// (an explain field, the review page's details); the others get it on
// standard error.
var explainInline = map[string]bool{"json": true, "jsonl": true, "html": true}

// explainText is the --explain report of a document for the table format.
func explainText(doc *extract.Document) string {
	var b strings.Builder
	for _, q := range doc.Quotes {
		fmt.Fprintf(&b, "%s %s “%s”\n", extract.TermSafe(doc.ID), q.ID, extract.TermSafe(q.Quote))
		for _, e := range q.Explain {
			fmt.Fprintf(&b, "    %s\n", extract.TermSafe(e))
		}
	}
	return b.String()
}
