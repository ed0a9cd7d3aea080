package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestSubcommandsAlone: a run whose first argument names a command builds
// that command alone (subcommands), and behaves as it did in the whole tree:
// the same output, error and help, for each command and for its children.
func TestSubcommandsAlone(t *testing.T) {
	var lines [][]string
	for _, c := range commands {
		lines = append(lines,
			[]string{c.name, "--help"},
			[]string{c.name, "--no-such-flag"},
			[]string{c.name, "-h", "--format", "jsonl"},
		)
	}
	lines = append(lines,
		[]string{"rules"},
		[]string{"rules", "list", "--help"},
		[]string{"rules", "check", "--help"},
		[]string{"rules", "nosuch"},
		[]string{"extract"},
		[]string{"eval"},
	)
	exec := func(args []string, all bool) (out, errOut, err string) {
		var stdout, stderr bytes.Buffer
		a := &app{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
		built := args
		if all {
			built = nil
		}
		root := newRootCmd(a, built)
		if n := len(root.Commands()); all && n != len(commands) || !all && n != 1 {
			t.Fatalf("%q (all %v): %d commands built", args, all, n)
		}
		root.SetArgs(args)
		if e := root.Execute(); e != nil {
			err = e.Error()
		}
		return stdout.String(), stderr.String(), err
	}
	for _, args := range lines {
		out, errOut, err := exec(args, false)
		wantOut, wantErrOut, wantErr := exec(args, true)
		if out != wantOut || errOut != wantErrOut || err != wantErr {
			t.Errorf("%q: alone\n%s%s%s\nin the whole tree\n%s%s%s", args, out, errOut, err, wantOut, wantErrOut, wantErr)
		}
		if out == "" && err == "" {
			t.Errorf("%q: neither output nor error", args)
		}
	}
}

// TestSubcommandsAll: a first argument that names no command (a root flag,
// help, completion, a misspelt command) builds them all, so that help lists
// them and cobra can suggest one.
func TestSubcommandsAll(t *testing.T) {
	for _, args := range [][]string{nil, {"--version", "extract"}, {"help", "extract"}, {"__complete", "ext"}, {"extrct"}, {"-h"}, {"-v", "-h"}} {
		a := &app{ctx: context.Background(), stdin: strings.NewReader("")}
		if got := subcommands(a, args); len(got) != len(commands) {
			t.Errorf("%q: %d commands built, want %d", args, len(got), len(commands))
		}
	}
	for _, c := range commands {
		got := subcommands(&app{ctx: context.Background()}, []string{c.name, "x"})
		if len(got) != 1 || got[0].Name() != c.name {
			t.Errorf("%s: built %d commands", c.name, len(got))
		}
	}
}

// TestSubcommandsVersion: `--version` (or `-v`) alone builds no command, and
// prints what the whole tree prints.
func TestSubcommandsVersion(t *testing.T) {
	for _, arg := range []string{"--version", "-v"} {
		var outs [2]string
		for i, built := range [][]string{{arg}, nil} {
			var stdout, stderr bytes.Buffer
			a := &app{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
			root := newRootCmd(a, built)
			if n := len(root.Commands()); i == 0 && n != 0 || i == 1 && n != len(commands) {
				t.Fatalf("%s (built for %q): %d commands", arg, built, n)
			}
			root.SetArgs([]string{arg})
			if err := root.Execute(); err != nil {
				t.Fatalf("%s: %v", arg, err)
			}
			outs[i] = stdout.String() + "|" + stderr.String()
		}
		if outs[0] != outs[1] || outs[0] != "whosaid "+version()+"\n|" {
			t.Errorf("%s: alone %q, in the whole tree %q", arg, outs[0], outs[1])
		}
	}
}
