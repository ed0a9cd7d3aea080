package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// This file is "whosaid rules" with the ruleset that its subcommands
// load (rulesetOpts), and "rules check" and "rules test"; init, list and
// try, each its own idea (writing files, showing what is in force, a
// sandbox), are in rulesinit.go, ruleslist.go and rulestry.go.

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

// rulesetOpts choose the ruleset of the rules subcommands (check, test,
// and list and try through ruleFileOpts): the defaults (or not) and the
// user's files.
type rulesetOpts struct {
	noDefault bool
}

func (o *rulesetOpts) add(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.noDefault, "no-default-rules", false, "the files on their own, not on top of the built-in rules")
}

// ruleFileOpts are rulesetOpts whose files --rules names (rules list and
// try, whose arguments are other things), rather than the arguments.
type ruleFileOpts struct {
	rulesetOpts
	files []string
}

func (o *ruleFileOpts) add(cmd *cobra.Command) {
	stringArrayVar(cmd, &o.files, "rules", "a rule file or folder that extends the built-in rules (repeatable)")
	o.rulesetOpts.add(cmd)
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

// add declares rules test's flags.
func (o *rulesTestOpts) add(cmd *cobra.Command) {
	o.rulesetOpts.add(cmd)
	stringArrayVar(cmd, &o.only, "rule", "test only the rule with this id (repeatable)")
	cmd.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "also list the tests that pass")
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
		if len(o.only) > 0 && !slices.Contains(o.only, res.Rule.ID) {
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
		if !seen[r] && (len(o.only) == 0 || slices.Contains(o.only, r.ID)) {
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
