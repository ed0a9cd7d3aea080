package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// Exit codes.
const (
	exitOK          = 0 // everything went well
	exitInputFailed = 1 // some inputs could not be processed (the others were)
	exitUsage       = 2 // bad command line
	exitRules       = 3 // the rules are invalid
)

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// app holds the streams of one invocation; commands get it instead of
// reading package globals.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// ruleFlags are the flags that choose the ruleset.
type ruleFlags struct {
	files     []string
	noDefault bool
}

func (f *ruleFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&f.files, "rules", nil, "a rule file or folder that extends the default rules (repeatable)")
	cmd.Flags().BoolVar(&f.noDefault, "no-default-rules", false, "use only the --rules files, not the embedded defaults")
}

func (f *ruleFlags) load() (*rules.Ruleset, error) {
	if f.noDefault && len(f.files) == 0 {
		return nil, &exitError{exitUsage, errors.New("--no-default-rules needs at least one --rules file")}
	}
	rs, err := rules.LoadFiles(f.files, !f.noDefault)
	if err != nil {
		return nil, &exitError{exitRules, fmt.Errorf("invalid rules:\n%w", err)}
	}
	return rs, nil
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "whosaid",
		Short: "Extract quotations from news text and say who said them",
		Long: `whosaid reads news text, finds every quotation, and attributes it to its
speaker and the speaker's title, with offsets and the rule that decided.
The linguistic knowledge lives in YAML rules; the defaults are built in.`,
		Example: `  whosaid extract article.txt
  whosaid extract --format csv -o quotes.csv articles/
  cat corpus.jsonl | whosaid extract --input jsonl --format jsonl -
  whosaid clean --explain article.txt
  whosaid eval gold.jsonl`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.AddCommand(newExtractCmd(a), newCleanCmd(a), newEvalCmd(a), newSpeakersCmd(a), newRulesCmd(a))
	return root
}

// run executes the command line and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRootCmd(a)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "whosaid:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "whosaid:", err)
	if strings.Contains(err.Error(), "unknown flag") || strings.Contains(err.Error(), "unknown command") ||
		strings.Contains(err.Error(), "accepts") || strings.Contains(err.Error(), "requires") {
		return exitUsage
	}
	return exitUsage
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// inputFlags are the flags that choose how inputs are read.
type inputFlags struct {
	globs []string
	input string
}

func (f *inputFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&f.globs, "glob", nil, "file name pattern inside folders (repeatable; default *.txt and *.md)")
	cmd.Flags().StringVar(&f.input, "input", "", "input format: text or jsonl (default: by extension, .jsonl is JSONL)")
}

func (f *inputFlags) options(a *app) (extract.InputOptions, error) {
	if f.input != "" && f.input != "text" && f.input != "jsonl" {
		return extract.InputOptions{}, &exitError{exitUsage, fmt.Errorf("--input %q: want text or jsonl", f.input)}
	}
	return extract.InputOptions{Globs: f.globs, Format: f.input, Stdin: a.stdin}, nil
}
