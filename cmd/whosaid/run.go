package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// This file holds what the commands that read documents and write a file of
// results share: their flags, the -o file that is written whole or not at
// all, and the run over extract.Run with its progress, summary and exit
// code. A command states only what is its own.

// docFlags are the flags of a command that reads documents with rules:
// --rules, --no-default-rules and the input flags.
type docFlags struct {
	rules ruleFlags
	in    inputFlags
}

func (f *docFlags) add(cmd *cobra.Command) {
	f.rules.add(cmd)
	f.in.add(cmd)
}

// load returns the ruleset and the input options the flags ask for, the
// rules checked first.
func (f *docFlags) load(a *app) (*rules.Ruleset, extract.InputOptions, error) {
	rs, err := f.rules.load()
	if err != nil {
		return nil, extract.InputOptions{}, err
	}
	inOpt, err := f.in.options(a)
	if err != nil {
		return nil, extract.InputOptions{}, err
	}
	return rs, inOpt, nil
}

// rowFlags are the flags that choose which quotations extraction gives and
// whether it explains them, the same three in extract, report and rules try:
// --all, --reported and --explain. Their help texts are each command's own
// (one shows rows, another marks quotes on a page).
type rowFlags struct {
	all      bool
	reported bool
	explain  bool
}

// add declares the flags with the command's help texts.
func (f *rowFlags) add(cmd *cobra.Command, allHelp, reportedHelp, explainHelp string) {
	cmd.Flags().BoolVar(&f.all, "all", false, allHelp)
	cmd.Flags().BoolVar(&f.reported, "reported", false, reportedHelp)
	cmd.Flags().BoolVar(&f.explain, "explain", false, explainHelp)
}

// options returns the extraction options the flags ask for.
func (f *rowFlags) options() extract.Options {
	return extract.Options{All: f.all, Explain: f.explain, Reported: f.reported}
}

// tableFlags are the output flags of a command that writes a table in one
// of several formats (extract, speakers): --format, -o, --jobs, --quiet
// and --bom.
type tableFlags struct {
	outFlags
	jobs  int
	quiet bool
	bom   bool
}

// outFlags are --format and -o, the file that createOutput writes whole or
// not at all (clean, extract, speakers).
type outFlags struct {
	format string
	out    string
}

// add declares the flags: --format takes one of formats, def by default.
func (f *outFlags) add(cmd *cobra.Command, def string, formats []string, formatHelp string) {
	cmd.Flags().StringVarP(&f.format, "format", "f", def, formatHelp)
	enumFlag(cmd, "format", fixed(formats...))
	cmd.Flags().StringVarP(&f.out, "output", "o", "", "write to this file (written whole or not at all) instead of standard output")
}

// add declares the flags; formats are the formats --format accepts.
func (f *tableFlags) add(cmd *cobra.Command, formats []string) {
	f.outFlags.add(cmd, "", formats, "output format: "+strings.Join(formats, ", ")+" (default: -o's extension, else table on a terminal, else jsonl)")
	f.addRun(cmd, "documents processed in parallel (the output is the same for any number)")
	cmd.Flags().BoolVar(&f.bom, "bom", false, "start CSV/TSV output with a UTF-8 byte-order mark, for Excel")
}

// addRun declares --jobs, with its help text, and --quiet.
func (f *tableFlags) addRun(cmd *cobra.Command, jobsHelp string) {
	cmd.Flags().IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), jobsHelp)
	cmd.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "no progress bar or summary line on standard error")
}

// checkJobs refuses a --jobs below 1.
func (f *tableFlags) checkJobs() error {
	if f.jobs < 1 {
		return &exitError{exitUsage, fmt.Errorf("-j %d: want at least 1", f.jobs)}
	}
	return nil
}

// workers returns the number of documents a run over the inputs args
// processes at the same time: --jobs, or 1 when args are one document
// (oneDocument).
// The output is the same either way; one document spares the workers the
// hand-overs of the pipeline (a worker goroutine per job, waking a second
// thread), some 10 context switches of a 3 KB article's run.
func (f *tableFlags) workers(args []string, opt extract.InputOptions) int {
	if f.jobs > 1 && oneDocument(args, opt) {
		return 1
	}
	return f.jobs
}

// oneDocument reports whether the inputs args are one document: a single
// regular file that is neither JSONL (also compressed) nor standard input.
// Reading it cannot block for long, so the run reads it on its own
// goroutine (extract.RunOptions.Serial).
func oneDocument(args []string, opt extract.InputOptions) bool {
	if len(args) != 1 || args[0] == "-" || isJSONLArg(trimGz(args[0]), opt) {
		return false
	}
	st, err := os.Stat(args[0])
	return err == nil && st.Mode().IsRegular()
}

// trimGz returns the path p without its ".gz" extension (of any case).
func trimGz(p string) string {
	if n := len(p) - 3; n >= 0 && strings.EqualFold(p[n:], ".gz") {
		return p[:n]
	}
	return p
}

// pickFormat returns the output format: --format, else -o's extension,
// else table on a terminal and jsonl elsewhere.
func (f *tableFlags) pickFormat(a *app, allowed []string) (string, error) {
	def := "jsonl"
	if f.out == "" && isTerminal(a.stdout) {
		def = "table"
	}
	return outputFormat(f.format, f.out, def, allowed)
}

// outputFile is the target of -o (see openOutput): keep commits it, and
// discard, deferred right after createOutput, removes the temporary file
// on every way out but a kept one.
type outputFile struct {
	io.Writer
	path   string
	commit func() error
	abort  func()
	kept   bool
}

// createOutput checks and opens the -o target path of a command that reads
// inputs (with the folder patterns globs).
func createOutput(a *app, path string, inputs, globs []string) (*outputFile, error) {
	w, commit, abort, err := openOutput(a, path, inputs, globs)
	if err != nil {
		return nil, err
	}
	return &outputFile{Writer: w, path: path, commit: commit, abort: abort}, nil
}

// keep commits the output: the file takes the place of the target.
func (o *outputFile) keep() error {
	o.kept = true
	if err := o.commit(); err != nil {
		return &exitError{exitInputFailed, fmt.Errorf("cannot write %s: %w", extract.SafeName(o.path), err)}
	}
	return nil
}

// discard removes the temporary file unless the output was kept.
func (o *outputFile) discard() {
	if !o.kept {
		o.kept = true
		o.abort()
	}
}

// docRun follows a command's run over extract.Run: the progress bar on a
// terminal, the summary line and the documents that failed.
type docRun struct {
	a     *app
	p     *progress
	sum   runSummary
	quiet bool
}

// newDocRun starts a run; quiet (--quiet) turns off the bar and the
// summary line.
func newDocRun(a *app, quiet bool) *docRun {
	return &docRun{a: a, p: newProgress(a.stderr, !quiet && isTerminal(a.stderr)), quiet: quiet}
}

// result counts a document's result and reports its error; it returns
// false when the document failed. The caller counts the records it writes
// (sum.count), and calls written once they are written.
func (d *docRun) result(r extract.Result) bool {
	d.p.doc()
	d.sum.add(r)
	if r.Err != nil {
		d.p.message("whosaid: %s: %v\n", extract.SafeName(r.Input.ID), r.Err)
		return false
	}
	return true
}

// written notes a document's result written (or failed): the run's GC
// policy goes back to small documents only then, as the records of a big
// one are alive until written.
func (d *docRun) written(r extract.Result) { d.a.gc.done(len(r.Input.Text)) }

// end closes a run whose bar is finished: err, the run's error, becomes
// its exit code (interrupted or input failed); else the output is kept,
// the summary line shown on a terminal, and the exit code says whether a
// document failed.
func (d *docRun) end(err error, out *outputFile) error {
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return &exitError{exitInterrupted, errors.New("interrupted")}
		}
		return &exitError{exitInputFailed, err}
	}
	if err := out.keep(); err != nil {
		return err
	}
	if !d.quiet && d.a.stderrTerminal() {
		fmt.Fprintln(d.a.stderr, d.sum.String())
	}
	if d.sum.failed > 0 {
		return &exitError{exitInputFailed, errors.New("")}
	}
	return nil
}
