package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
	"gopkg.in/yaml.v3"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite the outputs of the examples in docs/rules.md that no longer match")

const (
	docsRules     = "../../docs/rules.md"
	docsReference = "../../docs/reference.yaml"
)

// docBlock is a fenced block of docs/rules.md.
type docBlock struct {
	info        string // the text after ```
	first, last int    // line indexes of the content (last exclusive)
}

func docBlocks(lines []string) []docBlock {
	var out []docBlock
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		b := docBlock{info: strings.TrimSpace(lines[i][3:]), first: i + 1}
		for i++; i < len(lines) && strings.TrimRight(lines[i], " ") != "```"; i++ {
		}
		b.last = i
		out = append(out, b)
	}
	return out
}

// shellWords splits a command line the way a POSIX shell would for the
// simple lines of the docs: spaces separate words, '…' and "…" quote.
func shellWords(s string) ([]string, error) {
	var out []string
	var w strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			if in {
				out = append(out, w.String())
				w.Reset()
				in = false
			}
		case c == '\'' || c == '"':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return nil, fmt.Errorf("unclosed %c in %s", c, s)
			}
			w.WriteString(s[i+1 : i+1+j])
			i += j + 1
			in = true
		case c == '\\' && i+1 < len(s):
			i++
			w.WriteByte(s[i])
			in = true
		default:
			w.WriteByte(c)
			in = true
		}
	}
	if in {
		out = append(out, w.String())
	}
	return out, nil
}

// matchLines compares output lines with expected lines, in which "…" stands
// for any text, and a line of only "…" for any number of lines.
func matchLines(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "…" {
		for k := 0; k <= len(got); k++ {
			if matchLines(want[1:], got[k:]) {
				return true
			}
		}
		return false
	}
	if len(got) == 0 {
		return false
	}
	parts := strings.Split(want[0], "…")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	if !regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(got[0]) {
		return false
	}
	return matchLines(want[1:], got[1:])
}

func trimLines(s string) []string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	if len(lines) == 1 && lines[0] == "" {
		return nil
	}
	return lines
}

// TestDocsExamples runs the examples of docs/rules.md: every ```yaml
// file=NAME or ```text file=NAME block is a file, and every ```console
// block runs its `$ whosaid …` lines in a fresh folder holding the files
// given so far, comparing what each prints on standard output with the
// lines below it ("(exit status N)" closes the output of a failing command).
// With -update-docs, outputs that do not match are rewritten.
func TestDocsExamples(t *testing.T) {
	docs, err := filepath.Abs(docsRules) // the test changes folder
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(docs)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	files := map[string]string{}
	var order []string
	commands := 0
	var rewrites []struct {
		first, last int
		with        []string
	}
	for _, b := range docBlocks(lines) {
		content := strings.Join(lines[b.first:b.last], "\n") + "\n"
		fields := strings.Fields(b.info)
		if len(fields) == 2 && strings.HasPrefix(fields[1], "file=") {
			name := strings.TrimPrefix(fields[1], "file=")
			if _, ok := files[name]; !ok {
				order = append(order, name)
			}
			files[name] = content
			continue
		}
		if b.info != "console" {
			continue
		}
		dir := t.TempDir()
		for _, name := range order {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(files[name]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Chdir(dir)
		// split the block into commands and their expected outputs
		for i := b.first; i < b.last; {
			cmdLine := lines[i]
			if !strings.HasPrefix(cmdLine, "$ whosaid ") {
				t.Fatalf("docs/rules.md:%d: want a line `$ whosaid …`, got %q", i+1, cmdLine)
			}
			j := i + 1
			for j < b.last && !strings.HasPrefix(lines[j], "$ ") {
				j++
			}
			args, err := shellWords(strings.TrimPrefix(cmdLine, "$ whosaid "))
			if err != nil {
				t.Fatalf("docs/rules.md:%d: %v", i+1, err)
			}
			var out, errOut bytes.Buffer
			code := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
			commands++
			got := trimLines(out.String())
			if code != 0 {
				got = append(got, fmt.Sprintf("(exit status %d)", code))
			}
			want := lines[i+1 : j]
			if !matchLines(want, got) {
				if *updateDocs {
					rewrites = append(rewrites, struct {
						first, last int
						with        []string
					}{i + 1, j, got})
				} else {
					t.Errorf("docs/rules.md:%d: %s\n--- got:\n%s\n--- want:\n%s\n--- stderr:\n%s", i+1, cmdLine,
						strings.Join(got, "\n"), strings.Join(want, "\n"), errOut.String())
				}
			}
			i = j
		}
	}
	if commands == 0 {
		t.Fatal("no examples found in docs/rules.md")
	}
	if len(rewrites) > 0 {
		for k := len(rewrites) - 1; k >= 0; k-- {
			r := rewrites[k]
			lines = append(lines[:r.first], append(r.with, lines[r.last:]...)...)
		}
		if err := os.WriteFile(docs, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %d outputs in docs/rules.md", len(rewrites))
	}
}

// allowedKeys returns the keys the loader accepts where probe puts the
// unknown key zz_probe, read from its error message.
func allowedKeys(t *testing.T, probe string) []string {
	t.Helper()
	_, err := rules.Load(append(rules.DefaultSources(), rules.Source{Name: "probe.yaml", Data: []byte(probe)}))
	m := regexp.MustCompile(`unknown key "zz_probe"[^(]*(?:\([^)]*\) )?\(allowed: ([^)]*)\)`).FindStringSubmatch(fmt.Sprint(err))
	if m == nil {
		t.Fatalf("probe did not give an unknown-key error:\n%s\n%v", probe, err)
	}
	return strings.Split(m[1], ", ")
}

// keysAt collects the keys of the mappings at path in the YAML tree n; a
// path element "*" stands for every value of a mapping or item of a list.
func keysAt(n *yaml.Node, path ...string) map[string]bool {
	out := map[string]bool{}
	if n.Kind == yaml.DocumentNode {
		return keysAt(n.Content[0], path...)
	}
	if len(path) == 0 {
		if n.Kind == yaml.MappingNode {
			for i := 0; i < len(n.Content); i += 2 {
				out[n.Content[i].Value] = true
			}
		}
		return out
	}
	var next []*yaml.Node
	switch {
	case path[0] == "*" && n.Kind == yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			next = append(next, n.Content[i])
		}
	case path[0] == "*" && n.Kind == yaml.SequenceNode:
		next = n.Content
	case n.Kind == yaml.MappingNode:
		for i := 0; i < len(n.Content); i += 2 {
			if n.Content[i].Value == path[0] {
				next = append(next, n.Content[i+1])
			}
		}
	}
	for _, c := range next {
		for k := range keysAt(c, path[1:]...) {
			out[k] = true
		}
	}
	return out
}

// TestDocsReference loads docs/reference.yaml on top of the built-in rules
// and checks that it, and docs/rules.md, name every key the loader accepts
// and every list a ruleset must define.
func TestDocsReference(t *testing.T) {
	ref, err := os.ReadFile(docsReference)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rules.Load(append(rules.DefaultSources(), rules.Source{Name: "docs/reference.yaml", Data: ref})); err != nil {
		t.Fatalf("docs/reference.yaml does not load:\n%v", err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(ref, &root); err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(docsRules)
	if err != nil {
		t.Fatal(err)
	}
	levels := []struct {
		where string
		probe string
		path  []string
	}{
		{"the top level", "version: 1\nzz_probe: 1\n", nil},
		{"a list", "version: 1\nlists:\n  x:\n    zz_probe: 1\n    words: []\n", []string{"lists", "*"}},
		{"an attribution rule", "version: 1\nattribution:\n  - id: x\n    zz_probe: 1\n    pattern: QUOTE SPEAKER said\n", []string{"attribution", "*"}},
		{"a test", "version: 1\nattribution:\n  - id: x\n    pattern: QUOTE SPEAKER said\n    tests:\n      - {text: a, speaker: b, zz_probe: 1}\n", []string{"attribution", "*", "tests", "*"}},
		{"a cleanup rule", "version: 1\ncleanup:\n  - id: x\n    zz_probe: 1\n    regex: a\n", []string{"cleanup", "*"}},
		{"a judge", "version: 1\ncleanup:\n  - id: x\n    judge: {zz_probe: 1}\n", []string{"cleanup", "*", "judge"}},
		{"a quote mark pair", "version: 1\nquote_marks:\n  - {open: a, close: b, zz_probe: 1}\n", []string{"quote_marks", "*"}},
		{"metadata", "version: 1\nmetadata:\n  zz_probe: 1\n", []string{"metadata"}},
		{"mark_convention", "version: 1\nmark_convention:\n  zz_probe: 1\n", []string{"mark_convention"}},
		{"wrapped_text", "version: 1\nwrapped_text:\n  zz_probe: 1\n", []string{"wrapped_text"}},
	}
	for _, lv := range levels {
		inRef := keysAt(&root, lv.path...)
		for _, k := range allowedKeys(t, lv.probe) {
			if !inRef[k] {
				t.Errorf("docs/reference.yaml does not show the key %q of %s", k, lv.where)
			}
			if !bytes.Contains(md, []byte("`"+k+"`")) {
				t.Errorf("docs/rules.md does not mention the key `%s` of %s", k, lv.where)
			}
		}
	}
	var missing []string
	for _, l := range rules.RequiredLists() {
		if !bytes.Contains(md, []byte("`"+l+"`")) {
			missing = append(missing, l)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("docs/rules.md does not describe the required lists %s", strings.Join(missing, ", "))
	}
}
