package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/rules"
)

// This file is "whosaid rules init": the built-in rules written into a
// folder, never over a file.

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
	a.guardSignals()
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
