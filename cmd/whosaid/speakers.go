package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"

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

// speakerFormats are the output formats of the speakers command.
var speakerFormats = []string{"table", "csv", "tsv", "json", "jsonl", "xlsx"}

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
	enumFlag(cmd, "format", fixed(speakerFormats...))
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
	format, err := outputFormat(o.format, o.out, def, speakerFormats)
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
	sw := newSpeakerWriter(format, w, o.byDoc, o.bom, o.reported)
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
				sw.write(r.Doc.ID, extract.CorpusSpeaker{Name: s.Name, Titles: s.Titles, Aliases: s.Aliases, Quotes: s.Quotes, Reported: s.Reported, Documents: 1, Docs: []string{r.Doc.ID}})
			}
			return sw.err
		}
		merge.Add(r.Doc)
		return nil
	})
	switch {
	case err != nil || o.byDoc:
	case format == "xlsx":
		err = extract.WriteSpeakersXLSX(w, merge.Speakers())
	default:
		for _, s := range merge.Speakers() {
			sw.write("", s)
		}
	}
	if err == nil {
		err = sw.close()
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

// speakerWriter writes speaker rows in one format; with byDoc, rows start
// with the document's id.
type speakerWriter struct {
	format   string
	byDoc    bool
	reported bool // a column of reported statements
	bw       *bufio.Writer
	cw       *csv.Writer
	tw       *tabwriter.Writer
	n        int
	err      error
}

func newSpeakerWriter(format string, w io.Writer, byDoc, bom, reported bool) *speakerWriter {
	s := &speakerWriter{format: format, byDoc: byDoc, reported: reported, bw: bufio.NewWriter(w)}
	head := s.header()
	switch format {
	case "csv", "tsv":
		if bom {
			s.bw.WriteString("\ufeff")
		}
		s.cw = csv.NewWriter(s.bw)
		if format == "tsv" {
			s.cw.Comma = '\t'
		}
		s.cw.Write(head)
	case "table":
		s.tw = tabwriter.NewWriter(s.bw, 2, 4, 2, ' ', 0)
		fmt.Fprintln(s.tw, strings.Join(head, "\t"))
	case "json":
		s.bw.WriteString("[")
	}
	return s
}

func (s *speakerWriter) header() []string {
	h := []string{"speaker", "titles", "aliases", "quotes", "documents"}
	if s.byDoc {
		h = []string{"doc", "speaker", "titles", "aliases", "quotes"}
	}
	if s.reported {
		h = append(h, "reported")
	}
	return h
}

func (s *speakerWriter) write(doc string, sp extract.CorpusSpeaker) {
	if s.err != nil {
		return
	}
	switch s.format {
	case "json", "jsonl":
		var v any = sp
		if s.byDoc {
			v = struct {
				Doc      string   `json:"doc"`
				Name     string   `json:"name"`
				Titles   []string `json:"titles"`
				Aliases  []string `json:"aliases"`
				Quotes   int      `json:"quotes"`
				Reported int      `json:"reported,omitempty"`
			}{doc, sp.Name, sp.Titles, sp.Aliases, sp.Quotes, sp.Reported}
		}
		b, err := json.Marshal(v)
		if err != nil {
			s.err = err
			return
		}
		if s.format == "json" {
			if s.n > 0 {
				s.bw.WriteString(",")
			}
			s.bw.WriteString("\n  ")
		}
		s.bw.Write(b)
		if s.format == "jsonl" {
			s.bw.WriteString("\n")
		}
	default:
		row := []string{sp.Name, strings.Join(sp.Titles, "; "), strings.Join(sp.Aliases, "; "), strconv.Itoa(sp.Quotes), strconv.Itoa(sp.Documents)}
		if s.byDoc {
			row = []string{doc, sp.Name, strings.Join(sp.Titles, "; "), strings.Join(sp.Aliases, "; "), strconv.Itoa(sp.Quotes)}
		}
		if s.reported {
			row = append(row, strconv.Itoa(sp.Reported))
		}
		if s.cw != nil {
			for i := range row {
				row[i] = extract.SafeCell(row[i])
			}
			s.err = s.cw.Write(row)
		} else {
			for i := range row {
				row[i] = extract.TermSafe(row[i])
			}
			fmt.Fprintln(s.tw, strings.Join(row, "\t"))
		}
	}
	s.n++
}

func (s *speakerWriter) close() error {
	if s.err != nil {
		return s.err
	}
	switch {
	case s.cw != nil:
		s.cw.Flush()
		if err := s.cw.Error(); err != nil {
			return err
		}
	case s.tw != nil:
		if err := s.tw.Flush(); err != nil {
			return err
		}
	case s.format == "json":
		s.bw.WriteString("\n]\n")
	}
	return s.bw.Flush()
}
