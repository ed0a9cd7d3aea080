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

type cleanOpts struct {
	docFlags
	format  string
	out     string
	explain bool
}

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
	o.docFlags.add(cmd)
	cmd.Flags().StringVarP(&o.format, "format", "f", "text", "output format: text or jsonl")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "write to this file instead of standard output")
	enumFlag(cmd, "format", fixed("text", "jsonl"))
	cmd.Flags().BoolVar(&o.explain, "explain", false, "list every dropped line with the rule that dropped it")
	return cmd
}

type droppedJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Rule  string `json:"rule"`
}

type cleanJSON struct {
	ID      string        `json:"id"`
	Title   string        `json:"title"`
	Date    string        `json:"date"`
	URL     string        `json:"url,omitempty"`
	Byline  string        `json:"byline,omitempty"`
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
	x := extract.New(rs, extract.Options{})
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
		title, date, url, byline := c.Title, c.Date, "", ""
		if p := in.Page; p != nil {
			title, date, url, byline = cmp.Or(p.Title, title), cmp.Or(p.Date, date), p.URL, p.Byline
		}
		switch o.format {
		case "jsonl":
			rec := cleanJSON{ID: in.ID, Title: title, Date: date, URL: url, Byline: byline, Text: c.Text(), Dropped: []droppedJSON{}}
			cp := 0
			prev := 0
			for i, l := range c.Lines {
				cp += utf8.RuneCountInString(in.Text[prev:l.Start])
				s := cp
				cp += utf8.RuneCountInString(in.Text[l.Start:l.End])
				prev = int(l.End)
				if l.Dropped {
					rec.Dropped = append(rec.Dropped, droppedJSON{Start: s, End: cp, Rule: l.Rule})
				}
				if trace != nil && strings.TrimSpace(c.View[l.Start:l.End]) != "" || trace != nil && l.Dropped {
					t := trace[i]
					rec.Lines = append(rec.Lines, lineJSON{Start: s, End: cp, Rule: l.Rule, Meta: l.Meta,
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
			if title != "" || date != "" {
				fmt.Fprintf(bw, "# title: %s\n# date: %s\n\n", title, date)
			}
			if url != "" {
				fmt.Fprintf(bw, "# url: %s\n\n", url)
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
						fmt.Fprintf(bw, "%5d  %-18s %6.2f  %s\n", i+1, l.Rule, trace[i].Score, extract.TermSafe(truncate(strings.TrimSpace(in.Text[l.Start:l.End]), 90)))
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
