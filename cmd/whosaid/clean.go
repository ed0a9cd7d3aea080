package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
)

// cleanOpts are clean's flags: the rules and inputs, the output, and
// what is shown.
type cleanOpts struct {
	docFlags
	outFlags
	langFlag
	explain bool
}

// add declares clean's flags.
func (o *cleanOpts) add(cmd *cobra.Command) {
	o.docFlags.add(cmd)
	o.outFlags.add(cmd, "text", []string{"text", "jsonl"}, "output format: text or jsonl")
	cmd.Flags().BoolVar(&o.explain, "explain", false, "list every dropped line with the rule that dropped it")
	o.langFlag.add(cmd, "clean every document with the rules of this language")
}

// newCleanCmd is "whosaid clean": the cleaned text of documents.
func newCleanCmd(a *app) *cobra.Command {
	o := &cleanOpts{}
	cmd := &cobra.Command{
		Use:   "clean [flags] PATH...",
		Short: "Show the cleaned text of documents, and with --explain every dropped line and its rule",
		Example: `  whosaid clean article.txt
  whosaid clean --explain article.txt
  whosaid clean --format jsonl pages.jsonl > cleaned.jsonl`,
		Args: stdinArgs(a),
		RunE: func(cmd *cobra.Command, args []string) error { return runClean(a, o, stdinDefault(args)) },
	}
	o.add(cmd)
	return cmd
}

type droppedJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Rule  string `json:"rule"`
}

// docHead is what clean shows of a document's metadata: the title and
// date that cleanup found in the text, an HTML page's own metadata first.
type docHead struct {
	Title  string `json:"title"`
	Date   string `json:"date"`
	URL    string `json:"url,omitempty"`
	Byline string `json:"byline,omitempty"`
}

// headOf returns the metadata of input in, whose cleaned text is c.
func headOf(in extract.Input, c *extract.Cleaned) docHead {
	h := docHead{Title: c.Title, Date: c.Date}
	if p := in.Page; p != nil {
		h = docHead{Title: cmp.Or(p.Title, h.Title), Date: cmp.Or(p.Date, h.Date), URL: p.URL, Byline: p.Byline}
	}
	return h
}

// cleanJSON is a line of clean --format jsonl.
type cleanJSON struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	docHead
	Text    string        `json:"text"`
	Dropped []droppedJSON `json:"dropped"`
	Lines   []lineJSON    `json:"lines,omitempty"`
}

// lineJSON is one non-blank line with --explain: how cleanup judged it.
type lineJSON struct {
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Rule    string   `json:"rule,omitempty"`
	Meta    string   `json:"meta,omitempty"`
	Score   float64  `json:"score"`
	Article bool     `json:"article"`
	Scored  []string `json:"scored,omitempty"`
}

func runClean(a *app, o *cleanOpts, args []string) error {
	rs, inOpt, err := o.load(a)
	if err != nil {
		return err
	}
	if o.format != "text" && o.format != "jsonl" {
		return &exitError{exitUsage, fmt.Errorf("--format %q: want text or jsonl", o.format)}
	}
	if err := o.langFlag.check(rs); err != nil {
		return err
	}
	x := extract.New(rs, extract.Options{Lang: o.lang})
	w, err := createOutput(a, o.out, args, inOpt.Globs)
	if err != nil {
		return err
	}
	defer w.discard()
	bw := bufio.NewWriter(w)
	failed := 0
	err = extract.ReadInputs(args, inOpt, func(in extract.Input) error {
		if in.Err == nil {
			in.Err = extract.CheckText(in.Text)
		}
		if in.Err != nil {
			failed++
			fmt.Fprintf(a.stderr, "whosaid: %s: %v\n", extract.SafeName(in.ID), in.Err)
			return nil
		}
		in.Text = x.PageText(in) // an HTML page's article, rescued paragraphs back
		var c *extract.Cleaned
		var trace []extract.LineTrace
		if o.explain {
			c, trace = x.CleanExplain(in.Text)
		} else {
			c = x.Clean(in.Text)
		}
		head := headOf(in, c)
		switch o.format {
		case "jsonl":
			rec := cleanJSON{ID: in.ID, Lang: c.Lang, docHead: head, Text: c.Text(), Dropped: []droppedJSON{}}
			cp := 0
			prev := 0
			for i, l := range c.Lines {
				cp += utf8.RuneCountInString(in.Text[prev:l.Start])
				s := cp
				cp += utf8.RuneCountInString(in.Text[l.Start:l.End])
				prev = int(l.End)
				if l.Dropped {
					rec.Dropped = append(rec.Dropped, droppedJSON{Start: s, End: cp, Rule: c.LineRule(i)})
				}
				if trace != nil && strings.TrimSpace(c.View[l.Start:l.End]) != "" || trace != nil && l.Dropped {
					t := trace[i]
					rec.Lines = append(rec.Lines, lineJSON{Start: s, End: cp, Rule: c.LineRule(i), Meta: l.Meta.String(),
						Score: math.Round(t.Score*100) / 100, Article: t.Article, Scored: t.Scored})
				}
			}
			b, err := json.Marshal(rec)
			if err != nil {
				return err
			}
			bw.Write(b)
			bw.WriteByte('\n')
		default:
			if len(args) > 1 || inOpt.Format == "jsonl" {
				fmt.Fprintf(bw, "==> %s <==\n", in.ID)
			}
			if head.Title != "" || head.Date != "" {
				fmt.Fprintf(bw, "# title: %s\n# date: %s\n\n", head.Title, head.Date)
			}
			if head.URL != "" {
				fmt.Fprintf(bw, "# url: %s\n\n", head.URL)
			}
			text := c.Text()
			if isTerminal(a.stdout) {
				text = extract.TermSafe(text)
			}
			bw.WriteString(text)
			if o.explain {
				bw.WriteString("\n# dropped lines (line, rule, score of the judgement, text)\n")
				for i, l := range c.Lines {
					if l.Dropped {
						fmt.Fprintf(bw, "%5d  %-18s %6.2f  %s\n", i+1, c.LineRule(i), trace[i].Score, extract.TermSafe(truncate(strings.TrimSpace(in.Text[l.Start:l.End]), 90)))
					}
				}
			}
		}
		return nil
	})
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return &exitError{exitInputFailed, err}
	}
	if err := w.keep(); err != nil {
		return err
	}
	if failed > 0 {
		return &exitError{exitInputFailed, errors.New("")}
	}
	return nil
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
