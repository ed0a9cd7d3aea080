package main

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

// This file is "whosaid rules list": the rules and lists in force, and
// where each came from.

type rulesListOpts struct {
	ruleFileOpts
	entries bool
}

// add declares rules list's flags.
func (o *rulesListOpts) add(cmd *cobra.Command) {
	o.ruleFileOpts.add(cmd)
	cmd.Flags().BoolVar(&o.entries, "entries", false, "show every list entry and where it was written")
}

func newRulesListCmd(a *app) *cobra.Command {
	o := &rulesListOpts{}
	cmd := &cobra.Command{
		Use:   "list [flags] [PATH...] [NAME...]",
		Short: "List the rules and lists in force, with their ids and the file each came from",
		Long: `Lists the attribution rules (in the order they are tried), the disabled rules,
the cleanup rules and the word lists in force, each with the file:line:col it
came from; a rule that overrides a built-in one says so, and a list extended by
your files shows what they added. NAME shows only the rules and lists of that
id or name, with every list entry and where it was written. A PATH (a rule file
or folder that exists) is read as rules check reads it: "rules list my-rules/"
is "rules list --rules my-rules/".`,
		Example: `  whosaid rules list
  whosaid rules list my-rules/
  whosaid rules list --rules my-rules/
  whosaid rules list --rules my-rules/ cue_verbs`,
		RunE: func(cmd *cobra.Command, args []string) error { return runRulesList(a, o, args) },
	}
	o.add(cmd)
	return cmd
}

func runRulesList(a *app, o *rulesListOpts, args []string) error {
	files, args := splitRulePaths(o.files, args)
	rs, err := o.load(a, a.stderr, files)
	if err != nil {
		return err
	}
	want := func(name string) bool { return len(args) == 0 || slices.Contains(args, name) }
	detail := o.entries || len(args) > 0

	// Each section is a title, a header and rows; with NAME arguments only
	// the sections that hold one of them are shown.
	type section struct {
		title, header string
		rows          []string
	}
	var sections []*section

	attr := &section{title: "attribution rules, in the order they are tried:", header: "priority\tid\tscope\tkind\tconfidence\tfrom"}
	for _, r := range rs.Attribution {
		if !want(r.ID) {
			continue
		}
		from := r.Pos.String()
		if r.Overrides.File != "" {
			from += " (overrides " + r.Overrides.String() + ")"
		}
		attr.rows = append(attr.rows, fmt.Sprintf("%d\t%s\t%s\t%s\t%.2f\t%s", r.Priority, r.ID, r.Scope, r.Kind, r.Confidence, from))
		if len(args) > 0 {
			if r.Description != "" {
				attr.rows = append(attr.rows, "\t  "+r.Description)
			}
			if r.Pattern != nil {
				attr.rows = append(attr.rows, "\t  pattern: "+r.Pattern.Source)
			}
		}
	}
	sections = append(sections, attr)

	disabled := &section{title: "disabled rules:"}
	var ids []string
	for id := range rs.Disabled {
		if want(id) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		disabled.rows = append(disabled.rows, fmt.Sprintf("%s\tdisabled at %s", id, rs.Disabled[id]))
	}
	if len(ids) > 0 {
		sections = append(sections, disabled)
	}

	clean := &section{title: "cleanup rules, in file order:", header: "id\tdrop\tfrom"}
	for _, c := range rs.Cleanup {
		if want(c.ID) {
			clean.rows = append(clean.rows, fmt.Sprintf("%s\t%s\t%s", c.ID, c.Drop, c.Pos))
		}
	}
	sections = append(sections, clean)

	lists := &section{title: "lists:", header: "name\tkind\tentries\tfrom"}
	names := make([]string, 0, len(rs.Lists))
	for n := range rs.Lists {
		if want(n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		l := rs.Lists[n]
		from := l.Pos.String()
		if l.Replaced.File != "" {
			from += " (replaces " + l.Replaced.String() + ")"
		}
		lists.rows = append(lists.rows, fmt.Sprintf("%s\t%s\t%d\t%s", l.Name, l.Kind, len(l.Entries), from))
		for _, ext := range l.Extended {
			var added []string
			for i, e := range l.Entries {
				if p, ok := l.EntryPosAt(i); ok && p.File == ext.File && p.Line >= ext.Line {
					added = append(added, e)
				}
			}
			lists.rows = append(lists.rows, fmt.Sprintf("\t\t+%d\textended at %s: %s", len(added), ext, strings.Join(added, ", ")))
		}
		if detail {
			for i, e := range l.Entries {
				p := ""
				if at, ok := l.EntryPosAt(i); ok {
					p = at.String()
				}
				lists.rows = append(lists.rows, fmt.Sprintf("\t  %s\t\t%s", e, p))
			}
		}
	}
	sections = append(sections, lists)

	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	shown := 0
	for _, sec := range sections {
		if len(args) > 0 && len(sec.rows) == 0 {
			continue
		}
		if shown > 0 {
			fmt.Fprintln(tw)
		}
		shown++
		fmt.Fprintln(tw, sec.title)
		if sec.header != "" {
			fmt.Fprintln(tw, "  "+sec.header)
		}
		for _, r := range sec.rows {
			fmt.Fprintln(tw, "  "+r)
		}
	}
	if err := tw.Flush(); err != nil {
		return &exitError{exitInputFailed, err}
	}
	if len(args) > 0 && shown == 0 {
		return &exitError{exitUsage, fmt.Errorf("no rule or list named %s", strings.Join(args, ", "))}
	}
	return nil
}

// splitRulePaths separates the arguments of rules list: those that name a
// file or folder are rule paths (added to files, as rules check reads its
// arguments), the others rule ids or list names.
func splitRulePaths(files, args []string) (paths, names []string) {
	paths = slices.Clone(files)
	for _, arg := range args {
		if _, err := os.Stat(arg); err == nil {
			paths = append(paths, arg)
			continue
		}
		names = append(names, arg)
	}
	return paths, names
}
