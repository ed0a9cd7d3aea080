package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// The conventions every command keeps: standard input when no path is
// given, --version, case-insensitive enum flags completed by the shell,
// and a summary line at the end of a run on a terminal.

// version is the program's version: the module version it was built at
// (go install …@v1.2.0), else "devel", with the VCS revision when the
// build recorded one.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	rev, modified := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" && v == "devel" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified {
			rev += "+modified"
		}
		v += " (" + rev + ")"
	}
	return v
}

// stdinTerminal reports whether the app's standard input is a terminal.
func (a *app) stdinTerminal() bool {
	if a.ttyIn != nil {
		return *a.ttyIn
	}
	f, ok := a.stdin.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// stderrTerminal reports whether the app's standard error is a terminal.
func (a *app) stderrTerminal() bool {
	if a.ttyErr != nil {
		return *a.ttyErr
	}
	return isTerminal(a.stderr)
}

// stdinArgs is the Args check of a command that reads paths: at least one,
// or none when standard input is not a terminal (it is then read, as "-").
func stdinArgs(a *app) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 && a.stdinTerminal() {
			return fmt.Errorf("no PATH given, and standard input is a terminal: name a file or folder, or - to type the text")
		}
		return nil
	}
}

// stdinDefault returns args, or "-" (standard input) when there are none.
func stdinDefault(args []string) []string {
	if len(args) == 0 {
		return []string{"-"}
	}
	return args
}

// enumAnnotation marks a flag whose values are names from a fixed set:
// its value is lower-cased before the command runs (caseEnums), and the
// shell completes it.
const enumAnnotation = "whosaid_enum"

// enumFlag makes the flag name of cmd an enum flag whose values values
// lists (called at completion time).
func enumFlag(cmd *cobra.Command, name string, values func() []string) {
	cmd.Flags().SetAnnotation(name, enumAnnotation, []string{"true"})
	cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values(), cobra.ShellCompDirectiveNoFileComp
	})
}

// fixed returns a values function for enumFlag.
func fixed(vals ...string) func() []string { return func() []string { return vals } }

// langValues lists the language codes of the built-in rules.
func langValues() []string {
	return append([]string{rules.BaseLang}, rules.DefaultPacks()...)
}

// caseEnums lower-cases the values of cmd's enum flags that were set, so
// that --format CSV is --format csv.
func caseEnums(cmd *cobra.Command) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || !f.Changed || f.Annotations[enumAnnotation] == nil {
			return
		}
		if v := f.Value.String(); v != strings.ToLower(v) {
			err = f.Value.Set(strings.ToLower(v))
		}
	})
	return err
}

// registerEnums makes the enum flags of the command tree under root
// case-insensitive and completed by the shell, for every flag of those
// names that a command has.
func registerEnums(root *cobra.Command) {
	values := map[string]func() []string{
		"input":    extract.InputFormats,
		"encoding": extract.Encodings,
		"lang":     langValues,
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for name, vals := range values {
			if c.Flags().Lookup(name) != nil {
				enumFlag(c, name, vals)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// runSummary counts what a run did, for the summary line on a terminal.
type runSummary struct {
	docs, quotes, unresolved, guessed, failed, repeats int
}

// add counts one result of the run.
func (s *runSummary) add(r extract.Result) {
	s.docs++
	if r.Err != nil {
		s.failed++
	}
}

// count counts the records of a document as written.
func (s *runSummary) count(d *extract.Document) {
	for i := range d.Quotes {
		s.quotes++
		switch d.Quotes[i].Status {
		case "unresolved":
			s.unresolved++
		case "guessed":
			s.guessed++
		}
		if d.Quotes[i].DupOf != "" {
			s.repeats++
		}
	}
}

// String is the summary line.
func (s *runSummary) String() string {
	line := fmt.Sprintf("whosaid: %s, %s (%d unresolved, %d guessed", plural(s.docs, "document"), plural(s.quotes, "quote"), s.unresolved, s.guessed)
	if s.repeats > 0 {
		line += fmt.Sprintf(", %d repeated", s.repeats)
	}
	return line + fmt.Sprintf("), %s", plural(s.failed, "failure"))
}

// plural is "1 document" or "3 documents".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
