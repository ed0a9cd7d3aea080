package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// runCmd runs the command line and returns its exit code and outputs.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// plant replaces the first line of file that matches re (the whole line)
// by fn(line) and returns its 1-based number.
func plant(t *testing.T, file string, re *regexp.Regexp, fn func(string) string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if re.MatchString(l) {
			lines[i] = fn(l)
			if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			return i + 1
		}
	}
	t.Fatalf("no line of %s matches %s", file, re)
	return 0
}

// col is the 1-based column (in characters) of sub in line.
func col(line, sub string) int {
	return utf8.RuneCountInString(line[:strings.Index(line, sub)]) + 1
}

// TestRulesCheckPlantedMistakes is the bar of issue 3: three different
// mistakes planted in one copy of `rules init` output give three lines of
// `rules check`, each file:line:col at the mistake, and exit code 3.
func TestRulesCheckPlantedMistakes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-rules")
	if code, _, stderr := runCmd(t, "rules", "init", dir); code != 0 {
		t.Fatalf("rules init: exit %d: %s", code, stderr)
	}
	if code, out, stderr := runCmd(t, "rules", "check", dir); code != 0 {
		t.Fatalf("rules check of the untouched copy: exit %d:\n%s%s", code, out, stderr)
	}
	attr := filepath.Join(dir, "attribution.yaml")
	clean := filepath.Join(dir, "cleanup.yaml")
	var want []string
	// 1. an unknown key: a rule's priority misspelt
	var l1 string
	n1 := plant(t, attr, regexp.MustCompile(`^\s+priority: \d+$`), func(l string) string {
		l1 = strings.Replace(l, "priority", "priorty", 1)
		return l1
	})
	want = append(want, fmt.Sprintf(`%s:%d:%d: unknown key "priorty" (did you mean "priority"?)`, attr, n1, col(l1, "priorty")))
	// 2. a reference to a list that does not exist
	var l2 string
	n2 := plant(t, attr, regexp.MustCompile(`^\s+pattern: '.*@cue_verbs`), func(l string) string {
		l2 = strings.Replace(l, "@cue_verbs", "@cue_verbz", 1)
		return l2
	})
	want = append(want, fmt.Sprintf(`%s:%d:%d: pattern refers to list "cue_verbz", which does not exist (did you mean "cue_verbs"?)`, attr, n2, col(l2, "@cue_verbz")))
	// 3. a bad regular expression: an unclosed group
	var l3 string
	n3 := plant(t, clean, regexp.MustCompile(`^\s+regex: '`), func(l string) string {
		k := strings.Index(l, "regex: '") + len("regex: '")
		l3 = l[:k] + "(unclosed " + l[k:]
		return l3
	})
	want = append(want, fmt.Sprintf(`%s:%d:%d: bad regular expression: missing closing )`, clean, n3, col(l3, "(unclosed")))

	code, out, stderr := runCmd(t, "rules", "check", dir)
	if code != exitRules {
		t.Errorf("exit code %d, want %d", code, exitRules)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines, got %d:\n%s\nstderr: %s", len(lines), out, stderr)
	}
	// sorted by file, then line
	if n2 < n1 {
		want[0], want[1] = want[1], want[0]
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d:\n got %s\nwant %s…", i+1, lines[i], w)
		}
	}
	if !strings.Contains(stderr, "3 problems") {
		t.Errorf("stderr %q does not count 3 problems", stderr)
	}
	// the same on its own, without the built-in rules underneath
	if code, out2, _ := runCmd(t, "rules", "check", "--no-default-rules", dir); code != exitRules || out2 != out {
		t.Errorf("--no-default-rules: exit %d, output\n%s\nwant the same three lines", code, out2)
	}
}

// quotesOf runs extract with JSON output and returns the quotes of the
// first document.
func quotesOf(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	code, out, stderr := runCmd(t, append([]string{"extract", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("extract %v: exit %d: %s", args, code, stderr)
	}
	var docs []struct {
		Quotes []map[string]any `json:"quotes"`
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil || len(docs) != 1 {
		t.Fatalf("extract output %q: %v", out, err)
	}
	return docs[0].Quotes
}

// TestUserCueLemma is the bar of issue 3: a user file that adds the made-up
// lemma zorble makes “Nice try,” zorbled Jane Doe. give Jane Doe with the
// generated cue zorbled; without the file the cue is not zorbled.
func TestUserCueLemma(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "article.txt")
	ruleFile := filepath.Join(dir, "zorble.yaml")
	os.WriteFile(text, []byte("“Nice try,” zorbled Jane Doe.\n"), 0o644)
	os.WriteFile(ruleFile, []byte("version: 1\nlists:\n  cue_verbs:\n    words: [zorble]\n"), 0o644)

	qs := quotesOf(t, "--rules", ruleFile, text)
	if len(qs) != 1 || qs[0]["speaker"] != "Jane Doe" || qs[0]["cue"] != "zorbled" {
		t.Errorf("with the rule file: %v, want one quote by Jane Doe with cue zorbled", qs)
	}
	for _, q := range quotesOf(t, "--all", text) {
		if q["cue"] == "zorbled" {
			t.Errorf("without the rule file the cue is zorbled: %v", q)
		}
	}
}

// TestRulesTestDefaults: `rules test` passes on the built-in rules.
func TestRulesTestDefaults(t *testing.T) {
	code, out, stderr := runCmd(t, "rules", "test")
	if code != 0 {
		t.Fatalf("rules test on the built-in rules: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(stderr, "0 failed") {
		t.Errorf("stderr %q", stderr)
	}
}

func TestRulesTestUserFailure(t *testing.T) {
	file := filepath.Join(t.TempDir(), "mine.yaml")
	os.WriteFile(file, []byte(`version: 1
attribution:
  - id: mine
    priority: 10
    pattern: 'QUOTE , SPEAKER cue:@cue_verbs'
    tests:
      - text: '“Hi,” Jane Doe said.'
        speaker: Jane Doe
`), 0o644)
	code, out, stderr := runCmd(t, "rules", "test", "--rule", "mine", file)
	if code != exitRules {
		t.Errorf("exit %d, want %d", code, exitRules)
	}
	// a higher-priority built-in rule takes the quote first
	if !strings.Contains(out, file+":7:9: FAIL mine:") || !strings.Contains(out, "attributed by rule quote-speaker-cue") {
		t.Errorf("output does not say what failed and why:\n%s", out)
	}
	if !strings.Contains(stderr, "1 tests, 0 passed, 1 failed") {
		t.Errorf("stderr %q", stderr)
	}
	if code, _, _ := runCmd(t, "rules", "test", "--rule", "nope"); code != exitUsage {
		t.Errorf("--rule nope: exit %d, want %d", code, exitUsage)
	}
}

func TestRulesInitRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "lists.yaml")
	os.WriteFile(existing, []byte("mine"), 0o644)
	code, _, stderr := runCmd(t, "rules", "init", dir)
	if code != exitInputFailed || !strings.Contains(stderr, "lists.yaml") {
		t.Errorf("exit %d, stderr %q; want %d naming lists.yaml", code, stderr, exitInputFailed)
	}
	if data, _ := os.ReadFile(existing); string(data) != "mine" {
		t.Error("lists.yaml was overwritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "attribution.yaml")); err == nil {
		t.Error("rules init wrote files although it refused")
	}
	if code, _, _ := runCmd(t, "rules", "init"); code != exitUsage {
		t.Errorf("rules init without DIR: exit %d, want %d", code, exitUsage)
	}
}

func TestRulesCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte("version: 1\n"), 0o644)
	if code, out, stderr := runCmd(t, "rules", "check", good); code != 0 || out != "" || !strings.HasPrefix(stderr, "ok:") {
		t.Errorf("good file: exit %d, out %q, err %q", code, out, stderr)
	}
	if code, out, _ := runCmd(t, "rules", "check", filepath.Join(dir, "missing.yaml")); code != exitInputFailed || !strings.Contains(out, "missing.yaml") {
		t.Errorf("missing file: exit %d, out %q", code, out)
	}
	if code, _, _ := runCmd(t, "rules", "check"); code != exitUsage {
		t.Errorf("no path: exit %d, want %d", code, exitUsage)
	}
	if code, out, _ := runCmd(t, "rules", "check", "--no-default-rules", good); code != exitRules || !strings.Contains(out, "lacks the lists") {
		t.Errorf("a file alone without the required lists: exit %d, out %q", code, out)
	}
}

func TestRulesList(t *testing.T) {
	file := filepath.Join(t.TempDir(), "mine.yaml")
	os.WriteFile(file, []byte(`version: 1
lists:
  cue_verbs:
    words: [zorble]
attribution:
  - id: headline-dash
    kind: headline
    pattern: 'QUOTE ANY{0,6} cue:– SPEAKER $'
disable: [partial-quote]
`), 0o644)
	code, out, stderr := runCmd(t, "rules", "list", "--rules", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"headline-dash", file + ":6:5 (overrides (default)/attribution.yaml:",
		"partial-quote", "disabled at " + file + ":9:11",
		"cue_verbs", "extended at " + file + ":3:3: zorble",
		"quote-cue-speaker", "(default)/attribution.yaml:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rules list lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCmd(t, "rules", "list", "--rules", file, "cue_verbs")
	if code != 0 || !strings.Contains(out, "zorble") || !strings.Contains(out, file+":4:13") || strings.Contains(out, "quote-cue-speaker") {
		t.Errorf("rules list cue_verbs: exit %d\n%s", code, out)
	}
	if code, _, _ := runCmd(t, "rules", "list", "no-such-thing"); code != exitUsage {
		t.Errorf("unknown name: exit %d, want %d", code, exitUsage)
	}
}
