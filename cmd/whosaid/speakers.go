package main

import (
	"encoding/csv"
	"errors"
	"fmt"
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

	reported bool // --reported: a column of statements
}

func newSpeakersCmd(a *app) *cobra.Command {
	o := &speakersOpts{}
	cmd := &cobra.Command{
		Use:   "speakers [flags] PATH...",
		Short: "List the people and organisations of documents with their titles, aliases and number of quotes",
		Example: `  whosaid speakers article.txt
  whosaid speakers --format csv articles/ > speakers.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runSpeakers(a, o, args) },
	}
	o.rules.add(cmd)
	o.in.add(cmd)
	cmd.Flags().StringVarP(&o.format, "format", "f", "table", "output format: table or csv")
	cmd.Flags().BoolVar(&o.reported, "reported", false, "also count reported speech without quotation marks (a column reported)")
	return cmd
}

func runSpeakers(a *app, o *speakersOpts, args []string) error {
	rs, err := o.rules.load()
	if err != nil {
		return err
	}
	inOpt, err := o.in.options(a)
	if err != nil {
		return err
	}
	if o.format != "table" && o.format != "csv" {
		return &exitError{exitUsage, fmt.Errorf("--format %q: want table or csv", o.format)}
	}
	x := extract.New(rs, extract.Options{Reported: o.reported})
	var cw *csv.Writer
	var tw *tabwriter.Writer
	head := []string{"doc", "speaker", "titles", "aliases", "quotes"}
	if o.reported {
		head = append(head, "reported")
	}
	if o.format == "csv" {
		cw = csv.NewWriter(a.stdout)
		cw.Write(head)
	} else {
		tw = tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(head, "\t"))
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
		for _, s := range doc.Speakers {
			row := []string{doc.ID, s.Name, strings.Join(s.Titles, "; "), strings.Join(s.Aliases, "; "), strconv.Itoa(s.Quotes)}
			if o.reported {
				row = append(row, strconv.Itoa(s.Reported))
			}
			if cw != nil {
				for i := range row {
					row[i] = extract.SafeCell(row[i])
				}
				cw.Write(row)
			} else {
				fmt.Fprintln(tw, strings.Join(row, "\t"))
			}
		}
		return nil
	})
	if cw != nil {
		cw.Flush()
	} else {
		tw.Flush()
	}
	if err != nil {
		return &exitError{exitInputFailed, err}
	}
	if failed > 0 {
		return &exitError{exitInputFailed, errors.New("")}
	}
	return nil
}
