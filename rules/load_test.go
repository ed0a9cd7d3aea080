package rules

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden .errors files of testdata/rules/invalid")

const rulesTestdata = "../testdata/rules"

// readTestSources reads a test rule file, or the .yaml files of a test
// folder, naming each by its path below testdata/rules so that messages do
// not depend on where the checkout is.
func readTestSources(t *testing.T, path string) []Source {
	t.Helper()
	files := []string{path}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		files, _ = filepath.Glob(filepath.Join(path, "*.yaml"))
	}
	var out []Source
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name, _ := filepath.Rel(rulesTestdata, f)
		out = append(out, Source{Name: filepath.ToSlash(name), Data: data})
	}
	return out
}

// TestLoadInvalidGolden loads each testdata/rules/invalid/NAME.yaml (or
// folder NAME/) on top of the defaults and compares every error with
// NAME.errors. Run `go test ./rules/ -update` to rewrite the golden files.
func TestLoadInvalidGolden(t *testing.T) {
	ents, err := os.ReadDir(filepath.Join(rulesTestdata, "invalid"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range ents {
		name := e.Name()
		if !e.IsDir() && !strings.HasSuffix(name, ".yaml") {
			continue
		}
		n++
		base := strings.TrimSuffix(name, ".yaml")
		t.Run(base, func(t *testing.T) {
			srcs := append(DefaultSources(), readTestSources(t, filepath.Join(rulesTestdata, "invalid", name))...)
			_, err := Load(srcs)
			if err == nil {
				t.Fatal("loaded without errors; want errors")
			}
			var el ErrorList
			if !errors.As(err, &el) || len(el) == 0 {
				t.Fatalf("error %v is not a non-empty ErrorList", err)
			}
			for _, e := range el {
				if e.Pos.File == "" {
					t.Errorf("error without a file: %v", e)
				}
			}
			got := err.Error() + "\n"
			golden := filepath.Join(rulesTestdata, "invalid", base+".errors")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run `go test ./rules/ -update` to create it)", err)
			}
			if got != string(want) {
				t.Errorf("errors differ from %s\n got:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no invalid test files")
	}
}

// TestLoadValid: the files of testdata/rules/valid load cleanly on top of the
// defaults, and on their own with the defaults' lists where they need them.
func TestLoadValid(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(rulesTestdata, "valid", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no valid test files")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			if _, err := Load(append(DefaultSources(), readTestSources(t, f)...)); err != nil {
				t.Errorf("want no errors, got:\n%v", err)
			}
		})
	}
}

func TestDefaultLoads(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs.Attribution) == 0 || len(rs.QuoteMarks) == 0 || len(rs.Lists) == 0 {
		t.Fatalf("default ruleset is incomplete: %d rules, %d marks, %d lists", len(rs.Attribution), len(rs.QuoteMarks), len(rs.Lists))
	}
	for i := 1; i < len(rs.Attribution); i++ {
		if rs.Attribution[i-1].Priority < rs.Attribution[i].Priority {
			t.Errorf("rules not sorted by priority: %s before %s", rs.Attribution[i-1].ID, rs.Attribution[i].ID)
		}
	}
}

func loadUser(t *testing.T, yaml string) (*Ruleset, error) {
	t.Helper()
	return Load(append(DefaultSources(), Source{Name: "user.yaml", Data: []byte(yaml)}))
}

func findRule(rs *Ruleset, id string) *AttrRule {
	for _, r := range rs.Attribution {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// TestExtendOverrideDisable checks how a user file changes the defaults.
func TestExtendOverrideDisable(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := loadUser(t, `version: 1
lists:
  cue_verbs:
    words: [zorble]
  aux:
    replace: true
    words: [has]
attribution:
  - id: quote-cue-speaker
    priority: 1
    pattern: 'QUOTE , said SPEAKER'
  - id: brand-new
    pattern: 'QUOTE , SPEAKER zorbled'
disable: [partial-quote]
`)
	if err != nil {
		t.Fatal(err)
	}
	cue := rs.Lists[ListCueVerbs]
	if !cue.Has("zorbled") || !cue.Has("says") {
		t.Errorf("cue_verbs should hold both zorbled and says")
	}
	if got := cue.EntryPos[len(cue.EntryPos)-1]; got != (Pos{File: "user.yaml", Line: 4, Col: 13}) {
		t.Errorf("zorble entry at %v, want user.yaml:4:13", got)
	}
	if len(cue.Extended) != 1 || cue.Extended[0].File != "user.yaml" {
		t.Errorf("cue_verbs.Extended = %v, want one position in user.yaml", cue.Extended)
	}
	if aux := rs.Lists["aux"]; len(aux.Entries) != 1 || aux.Replaced.File == "" || aux.Has("would") {
		t.Errorf("aux was not replaced: %v", aux.Entries)
	}
	r := findRule(rs, "quote-cue-speaker")
	if r == nil || r.Source != "user.yaml" || r.Priority != 1 || r.Overrides.File != defaultPrefix+"attribution.yaml" {
		t.Errorf("override: got %+v", r)
	}
	if findRule(rs, "partial-quote") != nil {
		t.Error("partial-quote is still in force after disable")
	}
	if findRule(rs, "brand-new") == nil {
		t.Error("brand-new rule missing")
	}
	if len(rs.Attribution) != len(def.Attribution) {
		t.Errorf("%d rules, want %d (one added, one disabled)", len(rs.Attribution), len(def.Attribution))
	}
	// the defaults are not changed by loading a user file
	if def2, _ := Default(); def2.Lists[ListCueVerbs].Has("zorbled") {
		t.Error("the default ruleset changed")
	}
}

// TestLoadErrors checks single problems and their positions.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // substrings, one per error, in order
	}{
		{"unknown key names allowed keys", "version: 1\nattribution:\n  - id: a\n    pattren: 'QUOTE SPEAKER'\n",
			[]string{`user.yaml:3:5: rule "a" has no pattern`, `user.yaml:4:5: unknown key "pattren" (did you mean "pattern"?) (allowed: id, description, priority`}},
		{"regex column plain", "version: 1\ncleanup:\n  - id: r\n    regex: ab(c\n",
			[]string{"user.yaml:4:14: bad regular expression: missing closing ): `ab(c`"}},
		{"regex column single quoted", "version: 1\ncleanup:\n  - id: r\n    regex: 'ab[z-a]'\n",
			[]string{"user.yaml:4:16: bad regular expression: invalid character class range: `z-a`"}},
		{"regex column double quoted with escapes", "version: 1\ncleanup:\n  - id: r\n    regex: \"\\\\d\\u00e9[z-a]\"\n",
			[]string{"user.yaml:4:23: bad regular expression: invalid character class range: `z-a`"}},
		{"pattern column", "version: 1\nattribution:\n  - id: p\n    pattern: 'QUOTE , SPEAKER @nope'\n",
			[]string{`user.yaml:4:31: pattern refers to list "nope", which does not exist`}},
		{"pattern column literal block", "version: 1\nattribution:\n  - id: p\n    pattern: |\n      QUOTE ,\n        SPEAKER @nope\n",
			[]string{`user.yaml:6:17: pattern refers to list "nope"`}},
		{"pattern syntax column", "version: 1\nattribution:\n  - id: p\n    pattern: \"QUOTE ( , SPEAKER\"\n",
			[]string{`user.yaml:4:21: pattern: unclosed (`}},
		{"status", "version: 1\nattribution:\n  - id: s\n    status: guesed\n    pattern: QUOTE SPEAKER said\n",
			[]string{`user.yaml:4:13: unknown status "guesed" (did you mean "guessed"?) (allowed: attributed, guessed)`}},
		{"version", "version: 3\n", []string{"user.yaml:1:10: unsupported version 3 (this whosaid reads version 1)"}},
		{"duplicate id across user files is caught in one file too", "version: 1\nattribution:\n  - id: x\n    pattern: QUOTE SPEAKER said\n  - id: x\n    pattern: QUOTE SPEAKER said\n",
			[]string{`user.yaml:5:9: duplicate rule id "x" (first at user.yaml:3:5)`}},
		{"syntax error has a line", "version: 1\nlists: [\n", []string{"user.yaml:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadUser(t, tc.yaml)
			var el ErrorList
			if !errors.As(err, &el) {
				t.Fatalf("want an ErrorList, got %v", err)
			}
			if len(el) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(el), len(tc.want), err)
			}
			for i, w := range tc.want {
				if !strings.Contains(el[i].Error(), w) {
					t.Errorf("error %d = %q, want it to contain %q", i, el[i].Error(), w)
				}
			}
		})
	}
}

func TestDuplicateIDAcrossUserFiles(t *testing.T) {
	rule := "version: 1\nattribution:\n  - id: quote-cue-speaker\n    pattern: QUOTE SPEAKER said\n"
	_, err := Load(append(DefaultSources(), Source{Name: "a.yaml", Data: []byte(rule)}, Source{Name: "b.yaml", Data: []byte(rule)}))
	if err == nil || !strings.Contains(err.Error(), `b.yaml:3:9: duplicate rule id "quote-cue-speaker" (first at a.yaml:3:5)`) {
		t.Fatalf("got %v", err)
	}
}

// TestLoadFiles checks the file entry point: a folder of rule files loads
// on top of the defaults, alone it lacks the required lists, and a path
// that does not exist is an error naming it.
func TestLoadFiles(t *testing.T) {
	dir := t.TempDir()
	rule := "version: 1\nlists:\n  cue_verbs:\n    words: [quipped]\n"
	if err := os.WriteFile(filepath.Join(dir, "newsroom.yaml"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	rs, err := LoadFiles([]string{dir}, true)
	if err != nil {
		t.Fatal(err)
	}
	if l := rs.Lists[ListCueVerbs]; !l.Has("quipped") || !l.Has("said") {
		t.Error("the folder's list entry is not added to the defaults")
	}
	if _, err := LoadFiles([]string{dir}, false); err == nil || !strings.Contains(err.Error(), ListPronouns) {
		t.Errorf("without the defaults: error %v, want one naming the missing list %s", err, ListPronouns)
	}
	missing := filepath.Join(dir, "missing.yaml")
	if _, err := LoadFiles([]string{missing}, true); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing file: error %v, want one naming it", err)
	}
}
