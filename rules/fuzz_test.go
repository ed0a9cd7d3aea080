package rules

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fileLevel are the messages that concern a whole file or the ruleset and
// so may come without a line.
var fileLevel = []string{"YAML syntax:", "empty rule file", "not valid UTF-8", "the ruleset lacks", "the ruleset has no quote_marks"}

// FuzzLoad feeds the loader random YAML: it must return a ruleset, or a
// non-empty ErrorList whose every entry has a file and, unless it concerns
// the whole file, a line inside the file; never panic or hang.
func FuzzLoad(f *testing.F) {
	for _, s := range DefaultSources() {
		f.Add(s.Data)
	}
	for _, dir := range []string{"valid", "invalid", "invalid/*"} {
		files, _ := filepath.Glob(filepath.Join(rulesTestdata, dir, "*.yaml"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	// A small default ruleset stands in for the embedded one (which takes
	// milliseconds to parse) so that overriding, extending and disabling
	// default rules are fuzzed too.
	var base strings.Builder
	base.WriteString("version: 1\nlists:\n")
	for _, name := range RequiredLists() {
		base.WriteString("  " + name + ":\n    words: [said, he]\n")
	}
	base.WriteString(`quote_marks:
  - {open: "“", close: "”"}
cleanup:
  - id: junk
    regex: '^junk$'
attribution:
  - id: quote-cue-speaker
    pattern: 'QUOTE , cue:@cue_verbs SPEAKER'
    tests:
      - {text: '“Hi,” said Jane Doe.', speaker: Jane Doe}
`)
	defaults := []Source{{Name: defaultPrefix + "base.yaml", Data: []byte(base.String()), Default: true}}
	if _, err := Load(defaults); err != nil {
		f.Fatalf("the fuzz base ruleset does not load: %v", err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		user := Source{Name: "fuzz.yaml", Data: data}
		checkLoad(t, data, []Source{user})
		checkLoad(t, data, append(defaults[:len(defaults):len(defaults)], user))
	})
}

func checkLoad(t *testing.T, data []byte, srcs []Source) {
	rs, err := Load(srcs)
	if err == nil {
		if rs == nil {
			t.Fatal("no ruleset and no error")
		}
		return
	}
	if rs != nil {
		t.Fatal("both a ruleset and an error")
	}
	var el ErrorList
	if !errors.As(err, &el) || len(el) == 0 {
		t.Fatalf("error %v is not a non-empty ErrorList", err)
	}
	lines := len(yamlLines(string(data)))
	for _, e := range el {
		if e.Pos.File == "" {
			t.Fatalf("error without a file: %v", e)
		}
		if e.Msg == "" {
			t.Fatalf("error without a message at %v", e.Pos)
		}
		if e.Pos.Line == 0 {
			ok := false
			for _, p := range fileLevel {
				ok = ok || strings.HasPrefix(e.Msg, p)
			}
			if !ok {
				t.Fatalf("error without a line: %v", e)
			}
			continue
		}
		if e.Pos.File == "fuzz.yaml" && (e.Pos.Line < 0 || e.Pos.Line > lines || e.Pos.Col < 0) {
			t.Fatalf("position outside the file (%d lines): %v", lines, e)
		}
	}
}
