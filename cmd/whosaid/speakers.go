package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
)

type speakersOpts struct {
	rules  ruleFlags
	in     inputFlags
	format string
	out    string
	jobs   int
	quiet  bool
	byDoc  bool
	bom    bool

	reported bool // --reported: a column of statements
}

func newSpeakersCmd(a *app) *cobra.Command {
	o := &speakersOpts{}
	cmd := &cobra.Command{
		Use:   "speakers [flags] PATH...",
		Short: "List the people and organisations of documents with their titles, aliases, quotes and documents",
		Long: `speakers lists the people and organisations that the documents name, merged
across the documents of a folder or corpus: one full name is one person (with or
without middle names and initials), and a surname alone ("Ushakov") joins the
fuller name it fits ("Yury Ushakov") when their titles agree; see
extract.SpeakerMerge for how a surname of several people is decided. Each comes with its titles (the most frequent first),
aliases, quotes and documents. --by-doc lists them per document instead.`,
		Example: `  whosaid speakers article.txt
  whosaid speakers -o speakers.csv articles/
  whosaid speakers --by-doc --format csv articles/ > speakers.csv`,
		Args: stdinArgs(a),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSpeakers(cmd.Context(), a, o, stdinDefault(args))
		},
	}
	o.rules.add(cmd)
	o.in.add(cmd)
	cmd.Flags().StringVarP(&o.format, "format", "f", "", "output format: table, csv, tsv, json, jsonl, xlsx (default: -o's extension, else table on a terminal, else jsonl)")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "write to this file (written whole or not at all) instead of standard output")
	cmd.Flags().IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "documents processed in parallel (the output is the same for any number)")
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "no progress bar or summary line on standard error")
	cmd.Flags().BoolVar(&o.byDoc, "by-doc", false, "list the speakers of each document apart, without merging across documents")
	cmd.Flags().BoolVar(&o.bom, "bom", false, "start CSV/TSV output with a UTF-8 byte-order mark, for Excel")
	cmd.Flags().BoolVar(&o.reported, "reported", false, "also count reported speech without quotation marks (a column reported)")
	enumFlag(cmd, "format", fixed(extract.SpeakerFormats()...))
	return cmd
}

func runSpeakers(ctx context.Context, a *app, o *speakersOpts, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.jobs < 1 {
		return &exitError{exitUsage, fmt.Errorf("-j %d: want at least 1", o.jobs)}
	}
	def := "jsonl"
	if o.out == "" && isTerminal(a.stdout) {
		def = "table"
	}
	format, err := outputFormat(o.format, o.out, def, extract.SpeakerFormats())
	if err != nil {
		return err
	}
	if format == "xlsx" && o.byDoc {
		return &exitError{exitUsage, errors.New("--by-doc has no xlsx format: the workbook lists the speakers merged across documents")}
	}
	rs, err := o.rules.load()
	if err != nil {
		return err
	}
	inOpt, err := o.in.options(a)
	if err != nil {
		return err
	}
	x := extract.New(rs, extract.Options{Reported: o.reported})
	w, commit, abort, err := openOutput(a, o.out, args, inOpt.Globs)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			abort()
		}
	}()
	sw, err := extract.NewSpeakerWriter(format, w, extract.SpeakerWriterOptions{ByDoc: o.byDoc, BOM: o.bom, Reported: o.reported})
	if err != nil {
		return &exitError{exitUsage, err}
	}
	p := newProgress(a.stderr, !o.quiet && isTerminal(a.stderr))
	read := func(fn func(extract.Input) error) error { return extract.ReadInputs(args, inOpt, fn) }
	var merge extract.SpeakerMerge
	failed := 0
	var sum runSummary
	err = extract.Run(ctx, read, x, extract.RunOptions{Workers: o.jobs}, func(r extract.Result) error {
		p.doc()
		sum.add(r)
		if r.Err != nil {
			failed++
			p.message("whosaid: %s: %v\n", r.Input.ID, r.Err)
			return nil
		}
		sum.count(r.Doc)
		if o.byDoc {
			for _, s := range r.Doc.Speakers {
				if err := sw.WriteSpeaker(r.Doc.ID, extract.CorpusSpeaker{Name: s.Name, Titles: s.Titles, Aliases: s.Aliases, Quotes: s.Quotes, Reported: s.Reported, Documents: 1, Docs: []string{r.Doc.ID}}); err != nil {
					return err
				}
			}
			return nil
		}
		merge.Add(r.Doc)
		return nil
	})
	if err == nil && !o.byDoc {
		for _, s := range merge.Speakers() {
			if err = sw.WriteSpeaker("", s); err != nil {
				break
			}
		}
	}
	if err == nil {
		err = sw.Close()
	}
	p.finish()
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return &exitError{exitInterrupted, errors.New("interrupted")}
		}
		return &exitError{exitInputFailed, err}
	}
	committed = true
	if err := commit(); err != nil {
		return &exitError{exitInputFailed, fmt.Errorf("cannot write %s: %w", extract.SafeName(o.out), err)}
	}
	if !o.quiet && a.stderrTerminal() {
		fmt.Fprintln(a.stderr, sum.String())
	}
	if failed > 0 {
		return &exitError{exitInputFailed, errors.New("")}
	}
	return nil
}
