package main

import (
	"context"
	"errors"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
)

type speakersOpts struct {
	docFlags
	tableFlags
	byDoc bool

	reported bool // --reported: a column of statements
}

// add declares speakers' flags.
func (o *speakersOpts) add(cmd *cobra.Command) {
	o.docFlags.add(cmd)
	o.tableFlags.add(cmd, extract.SpeakerFormats())
	cmd.Flags().BoolVar(&o.byDoc, "by-doc", false, "list the speakers of each document apart, without merging across documents")
	cmd.Flags().BoolVar(&o.reported, "reported", false, "also count reported speech without quotation marks (a column reported)")
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
	o.add(cmd)
	return cmd
}

func runSpeakers(ctx context.Context, a *app, o *speakersOpts, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := o.checkJobs(); err != nil {
		return err
	}
	format, err := o.pickFormat(a, extract.SpeakerFormats())
	if err != nil {
		return err
	}
	if format == "xlsx" && o.byDoc {
		return &exitError{exitUsage, errors.New("--by-doc has no xlsx format: the workbook lists the speakers merged across documents")}
	}
	rs, inOpt, err := o.load(a)
	if err != nil {
		return err
	}
	x := extract.New(rs, extract.Options{Reported: o.reported})
	w, err := createOutput(a, o.out, args, inOpt.Globs)
	if err != nil {
		return err
	}
	defer w.discard()
	sw, err := extract.NewSpeakerWriter(format, w, extract.SpeakerWriterOptions{ByDoc: o.byDoc, BOM: o.bom, Reported: o.reported})
	if err != nil {
		return &exitError{exitUsage, err}
	}
	run := newDocRun(a, o.quiet)
	read := func(fn func(extract.Input) error) error { return extract.ReadInputs(args, inOpt, fn) }
	var merge extract.SpeakerMerge
	read, ropt := run.pipeline(read, o.workers(args, inOpt), oneDocument(args, inOpt))
	err = extract.Run(ctx, read, x, ropt, func(r extract.Result) error {
		defer run.written(r)
		if !run.result(r) {
			return nil
		}
		run.sum.count(r.Doc)
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
	run.p.finish()
	return run.end(err, w)
}
