package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

func newRulesCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Write out, check, test and list rule files",
		Long: `Rule files hold what whosaid knows: cue verbs, titles, attribution patterns,
cleanup of scraped junk. The format is documented in docs/rules.md.`,
		Example: `  whosaid rules init my-rules/                 # the built-in rules, ready to edit
  whosaid rules check my-rules/                # every problem at once, file:line:col: message
  whosaid rules test my-rules/                 # run the rules' embedded tests
  whosaid rules list --rules my-rules/         # the rules and lists in force, and where they come from
  whosaid rules try --rules my-rules/ --text '“Nice try,” zorbled Jane Doe.'`,
	}
	cmd.AddCommand(newRulesInitCmd(a), newRulesCheckCmd(a), newRulesTestCmd(a), newRulesListCmd(a), newRulesTryCmd(a))
	return cmd
}

// initHeader opens every file written by `rules init`.
const initHeader = `# %s: written by ` + "`whosaid rules init`" + ` from the built-in rules
# (format version 1; every section and key is described in docs/rules.md).
# Use the folder on its own:           whosaid extract --no-default-rules --rules %s FILE
# or on top of the built-in rules:     whosaid extract --rules %s FILE
# Check it, then run its tests:        whosaid rules check %s && whosaid rules test %s
# With --rules your files extend the built-in rules: you may delete what you do
# not change. A rule with the id of a built-in rule replaces it; list entries
# are added to the built-in list of the same name (replace: true replaces it).
#
`

func newRulesInitCmd(a *app) *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Write the built-in rules into DIR, commented, ready to edit (never overwrites a file)",
		Long: `Write the built-in rules into DIR: the base (English) files, and each language
pack in a folder of its own (DIR/de, DIR/fr, …). With --lang, only that pack.
docs/languages.md tells how to add a language.`,
		Example: `  whosaid rules init my-rules/              # the base files and every pack
  whosaid rules init --lang de my-rules/    # the German pack, in my-rules/de/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runRulesInit(a, args[0], lang) },
	}
	cmd.Flags().StringVar(&lang, "lang", "", "write only this language pack ("+strings.Join(rules.DefaultPacks(), ", ")+")")
	return cmd
}

func runRulesInit(a *app, dir, lang string) error {
	srcs := rules.DefaultSources()
	if lang != "" {
		srcs = rules.DefaultPackSources(lang)
		if len(srcs) == 0 {
			return &exitError{exitUsage, fmt.Errorf("--lang %s: no built-in language pack %q (there are: %s)", lang, lang, strings.Join(rules.DefaultPacks(), ", "))}
		}
	}
	var targets []string
	var exist []string
	for _, s := range srcs {
		t := filepath.Join(dir, s.Pack, path.Base(s.Name))
		targets = append(targets, t)
		if _, err := os.Lstat(t); err == nil {
			exist = append(exist, t)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return &exitError{exitInputFailed, err}
		}
	}
	if len(exist) > 0 {
		return &exitError{exitInputFailed, fmt.Errorf("nothing written: %s would be overwritten (rules init never overwrites a file: choose another folder or move the files away)", strings.Join(exist, ", "))}
	}
	for _, t := range targets {
		if err := os.MkdirAll(filepath.Dir(t), 0o755); err != nil {
			return &exitError{exitInputFailed, err}
		}
	}
	for i, s := range srcs {
		data := fmt.Sprintf(initHeader, path.Base(s.Name), dir, dir, dir, dir) + string(s.Data)
		// O_EXCL: a file that appeared since the check is not overwritten.
		f, err := os.OpenFile(targets[i], os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = io.WriteString(f, data)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return &exitError{exitInputFailed, err}
		}
		fmt.Fprintln(a.stdout, targets[i])
	}
	fmt.Fprintf(a.stderr, "wrote %d rule files; next: whosaid rules check %s\n", len(srcs), dir)
	return nil
}

// rulesetOpts choose the ruleset of check, test and list: the defaults (or
// not) and the user's files.
type rulesetOpts struct {
	noDefault bool
}

func (o *rulesetOpts) add(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.noDefault, "no-default-rules", false, "the files on their own, not on top of the built-in rules")
}

// load reads and loads the rule files at paths. Problems are printed one a
// line, file:line:col: message, to w; the error then carries the exit code
// (3 for invalid rules, 1 when a file could not be read).
func (o *rulesetOpts) load(a *app, w io.Writer, paths []string) (*rules.Ruleset, error) {
	if o.noDefault && len(paths) == 0 {
		return nil, &exitError{exitUsage, errors.New("--no-default-rules needs at least one rule file or folder")}
	}
	rs, problems, loadFailed := loadRules(paths, !o.noDefault)
	if len(problems) == 0 {
		return rs, nil
	}
	for _, p := range problems {
		fmt.Fprintln(w, p)
	}
	noun := "problems"
	if len(problems) == 1 {
		noun = "problem"
	}
	if !loadFailed { // only reading failed
		return nil, &exitError{exitInputFailed, fmt.Errorf("%d %s", len(problems), noun)}
	}
	return nil, &exitError{exitRules, fmt.Errorf("%d %s", len(problems), noun)}
}

func errorList(err error) rules.ErrorList {
	var el rules.ErrorList
	if errors.As(err, &el) {
		return el
	}
	return rules.ErrorList{{Msg: err.Error()}}
}

func newRulesCheckCmd(a *app) *cobra.Command {
	o := &rulesetOpts{}
	cmd := &cobra.Command{
		Use:   "check [flags] PATH...",
		Short: "Check rule files or folders: every problem at once, file:line:col: message (exit 3 if any)",
		Example: `  whosaid rules check my-rules/
  whosaid rules check --no-default-rules my-rules/   # a complete ruleset of its own`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rs, err := o.load(a, a.stdout, args)
			if err != nil {
				return err
			}
			tests := 0
			for _, r := range rs.Attribution {
				tests += len(r.Tests)
			}
			fmt.Fprintf(a.stderr, "ok: %s (%d attribution rules with %d tests, %d cleanup rules, %d lists in force)\n",
				strings.Join(args, ", "), len(rs.Attribution), tests, len(rs.Cleanup), len(rs.Lists))
			return nil
		},
	}
	o.add(cmd)
	return cmd
}

type rulesTestOpts struct {
	rulesetOpts
	only    []string
	verbose bool
}

func newRulesTestCmd(a *app) *cobra.Command {
	o := &rulesTestOpts{}
	cmd := &cobra.Command{
		Use:   "test [flags] [PATH...]",
		Short: "Run the embedded tests of every attribution rule, built-in and yours (exit 3 on failures)",
		Long: `Runs each test text of every attribution rule in force through the whole
pipeline and checks that the rule itself attributed a quote to the expected
speaker and cue, or, for match: false, that it attributed none. Without PATH it
tests the built-in rules.`,
		Example: `  whosaid rules test                         # the built-in rules
  whosaid rules test my-rules/               # the built-in rules and yours
  whosaid rules test --rule my-rule my-rules/`,
		RunE: func(cmd *cobra.Command, args []string) error { return runRulesTest(a, o, args) },
	}
	o.add(cmd)
	cmd.Flags().StringArrayVar(&o.only, "rule", nil, "test only the rule with this id (repeatable)")
	cmd.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "also list the tests that pass")
	return cmd
}

func runRulesTest(a *app, o *rulesTestOpts, args []string) error {
	rs, err := o.load(a, a.stdout, args)
	if err != nil {
		return err
	}
	for _, id := range o.only {
		found := false
		for _, r := range rs.Attribution {
			found = found || r.ID == id
		}
		if !found {
			return &exitError{exitUsage, fmt.Errorf("--rule %s: no attribution rule with that id is in force", id)}
		}
	}
	results := extract.New(rs, extract.Options{}).RunRuleTests()
	ran, failed := 0, 0
	untested := 0
	seen := map[*rules.AttrRule]bool{}
	for _, res := range results {
		seen[res.Rule] = true
		if len(o.only) > 0 && !contains(o.only, res.Rule.ID) {
			continue
		}
		ran++
		what := fmt.Sprintf("%q → %s", res.Test.Text, expectation(res.Test))
		if res.Pass {
			if o.verbose {
				fmt.Fprintf(a.stdout, "%s: ok   %s: %s\n", res.Test.Pos, res.Rule.ID, what)
			}
			continue
		}
		failed++
		fmt.Fprintf(a.stdout, "%s: FAIL %s: %s\n    %s\n", res.Test.Pos, res.Rule.ID, what, res.Why)
	}
	for _, r := range rs.Attribution {
		if !seen[r] && (len(o.only) == 0 || contains(o.only, r.ID)) {
			untested++
			if o.verbose {
				fmt.Fprintf(a.stdout, "%s: rule %s has no tests\n", r.Pos, r.ID)
			}
		}
	}
	summary := fmt.Sprintf("%d tests, %d passed, %d failed", ran, ran-failed, failed)
	if untested > 0 {
		summary += fmt.Sprintf("; %d rules without tests", untested)
	}
	if failed > 0 {
		return &exitError{exitRules, errors.New(summary)}
	}
	fmt.Fprintln(a.stderr, "ok:", summary)
	return nil
}

func expectation(t rules.RuleTest) string {
	if t.NoMatch {
		return "no match"
	}
	s := "speaker " + fmt.Sprintf("%q", t.Speaker)
	if t.Cue != "" {
		s += fmt.Sprintf(", cue %q", t.Cue)
	}
	return s
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

type rulesListOpts struct {
	rulesetOpts
	files   []string
	entries bool
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
	cmd.Flags().StringArrayVar(&o.files, "rules", nil, "a rule file or folder that extends the built-in rules (repeatable)")
	o.add(cmd)
	cmd.Flags().BoolVar(&o.entries, "entries", false, "show every list entry and where it was written")
	return cmd
}

func runRulesList(a *app, o *rulesListOpts, args []string) error {
	files, args := splitRulePaths(o.files, args)
	rs, err := o.load(a, a.stderr, files)
	if err != nil {
		return err
	}
	want := func(name string) bool { return len(args) == 0 || contains(args, name) }
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
				if i < len(l.EntryPos) && l.EntryPos[i].File == ext.File && l.EntryPos[i].Line >= ext.Line {
					added = append(added, e)
				}
			}
			lists.rows = append(lists.rows, fmt.Sprintf("\t\t+%d\textended at %s: %s", len(added), ext, strings.Join(added, ", ")))
		}
		if detail {
			for i, e := range l.Entries {
				p := ""
				if i < len(l.EntryPos) {
					p = l.EntryPos[i].String()
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

type rulesTryOpts struct {
	rulesetOpts
	rowFlags
	files []string
	text  string
}

func newRulesTryCmd(a *app) *cobra.Command {
	o := &rulesTryOpts{}
	cmd := &cobra.Command{
		Use:   "try [flags] (--text TEXT | PATH...)",
		Short: "Show, for a text, each quotation with its speaker, cue and the rule that attributed it",
		Long: `A sandbox for rule authors: runs the pipeline on a short text (or files, or -
for standard input) and prints one row per quotation with its speaker, the
mention as written, title, cue, kind, the rule that attributed it and that
rule's confidence. --explain adds, per quotation, how every rule fared.`,
		Example: `  whosaid rules try --text '“Nice try,” zorbled Jane Doe.'
  whosaid rules try --rules my-rules/ --explain article.txt`,
		RunE: func(cmd *cobra.Command, args []string) error { return runRulesTry(a, o, args) },
	}
	cmd.Flags().StringArrayVar(&o.files, "rules", nil, "a rule file or folder that extends the built-in rules (repeatable)")
	o.rulesetOpts.add(cmd)
	cmd.Flags().StringVar(&o.text, "text", "", "the text to try (instead of PATH)")
	o.rowFlags.add(cmd, "also show quotations that are not attributed speech",
		"also show reported speech (rows of kind indirect, the content without quotation marks)",
		"show per quotation how every rule fared")
	return cmd
}

func runRulesTry(a *app, o *rulesTryOpts, args []string) error {
	if o.text == "" && len(args) == 0 && !a.stdinTerminal() {
		args = []string{"-"} // no PATH: standard input, as extract
	}
	if (o.text == "") == (len(args) == 0) {
		return &exitError{exitUsage, errors.New("give either --text TEXT or at least one PATH")}
	}
	rs, err := o.load(a, a.stderr, o.files)
	if err != nil {
		return err
	}
	x := extract.New(rs, o.options())
	var docs []*extract.Document
	failed := 0
	add := func(in extract.Input) error {
		if in.Err != nil {
			failed++
			fmt.Fprintf(a.stderr, "whosaid: %s: %v\n", extract.SafeName(in.ID), in.Err)
			return nil
		}
		doc, err := x.Extract(in.ID, in.Text)
		if err != nil {
			failed++
			fmt.Fprintf(a.stderr, "whosaid: %s: %v\n", extract.SafeName(in.ID), err)
			return nil
		}
		docs = append(docs, doc)
		return nil
	}
	if o.text != "" {
		add(extract.Input{ID: "text", Text: o.text})
	} else if err := extract.ReadInputs(args, extract.InputOptions{Stdin: a.stdin}, add); err != nil {
		return &exitError{exitInputFailed, err}
	}
	for i, doc := range docs {
		if len(docs) > 1 {
			if i > 0 {
				fmt.Fprintln(a.stdout)
			}
			fmt.Fprintf(a.stdout, "%s:\n", extract.TermSafe(doc.ID))
		}
		if err := printTry(a.stdout, doc, o.explain); err != nil {
			return &exitError{exitInputFailed, err}
		}
	}
	if failed > 0 {
		return &exitError{exitInputFailed, errors.New("")}
	}
	return nil
}

// marked is a row's text between “ ”, or as it is for reported speech.
func marked(q extract.Record) string {
	if q.Kind == "indirect" {
		return extract.TermSafe(q.Quote)
	}
	return "“" + extract.TermSafe(q.Quote) + "”"
}

// printTry prints a document's quotations as rows, and with explain how
// every rule fared on each.
func printTry(w io.Writer, doc *extract.Document, explain bool) error {
	if len(doc.Quotes) == 0 {
		_, err := fmt.Fprintln(w, "no quotations")
		return err
	}
	// the text is shown as the terminal table shows it: no escape
	// sequence, control or bidi character reaches the terminal
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return extract.TermSafe(s)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "quote\tspeaker\tmention\ttitle\tcue\tkind\trule\tconfidence")
	for _, q := range doc.Quotes {
		conf := "-"
		if q.Rule != "" {
			conf = fmt.Sprintf("%.2f", q.Confidence)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", marked(q), dash(q.Speaker), dash(q.Mention), dash(q.Title),
			dash(q.Cue), q.Kind, dash(q.Rule), conf)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !explain {
		return nil
	}
	for _, q := range doc.Quotes {
		fmt.Fprintf(w, "\n%s (line %d):\n", marked(q), q.Line)
		for _, e := range q.Explain {
			fmt.Fprintf(w, "  %s\n", extract.TermSafe(e))
		}
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
