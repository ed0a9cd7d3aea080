package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestConditions checks which keys CleanupRule.Conditions lists for rules
// of each kind of key: set conditions only, word bounds and options never.
func TestConditions(t *testing.T) {
	cases := []struct {
		name, rule string
		want       []string
	}{
		{"bounds and regex only", "max_words: 3\n    min_words: 1\n    regex: 'x'", nil},
		{"shape", "max_chars: 40\n    quote: false\n    max_stopwords: 0.2", []string{"max_chars", "max_stopwords", "quote"}},
		{"neutral values", "regex: 'x'\n    max_stopwords: 1\n    min_digits: 0\n    repeated: false", nil},
		{"context", "regex: 'x'\n    near_title: 2\n    first_in_article: false", []string{"first_in_article", "near_title"}},
		{"options", "regex: 'x'\n    protect: false\n    after_good: 2\n    drop: rest", nil},
		{"range", "regex: 'x'\n    after: 0.5\n    before: 0.9", []string{"after", "before"}},
		{"sides", "regex: 'x'\n    prev: {quote: true}\n    next: {regex: 'y'}", []string{"prev", "next"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := "version: 1\ncleanup:\n  - id: r\n    " + c.rule + "\n"
			rs, err := Load(append(DefaultSources(), Source{Name: "t.yaml", Data: []byte(src)}))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rs.Cleanup {
				if r.ID == "r" {
					got = r.Conditions()
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("Conditions() = %v, want %v", got, c.want)
			}
		})
	}
}

// TestConditionsDecoded checks that Conditions, which looks only at the
// keys a decoded rule's file set, gives what looking at every key gives,
// for every rule of the defaults and their packs.
func TestConditionsDecoded(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	skipped, some := 0, 0
	for _, code := range rs.Langs() {
		for _, c := range rs.ForLang(code).Cleanup {
			for _, r := range []*CleanupRule{c, c.Prev, c.Next} {
				if r == nil {
					continue
				}
				if !r.decoded {
					t.Fatalf("%s: not marked decoded", r.ID)
				}
				if r.testedKeys == 0 {
					skipped++
				} else {
					some++
				}
				if got, want := r.Conditions(), r.conditions(); !slices.Equal(got, want) {
					t.Errorf("%s (%s): Conditions() = %v, want %v", r.ID, code, got, want)
				}
			}
		}
	}
	if skipped == 0 || some == 0 {
		t.Errorf("%d rules skip their keys, %d look at some: want both", skipped, some)
	}
}

// TestKeyLists checks the key lists the table gives the decoder: nested
// keys are shape conditions and bounds only, and every condition key is in
// the list a rule without conditions is told about.
func TestKeyLists(t *testing.T) {
	nested := nestedKeys()
	for _, k := range []string{"short_run", "after_good", "first_in_article", "protect", "score", "after"} {
		if slices.Contains(nested, k) {
			t.Errorf("nested keys hold %q", k)
		}
	}
	for _, k := range []string{"regex", "max_words", "quote", "min_stopwords", "dropped"} {
		if !slices.Contains(nested, k) {
			t.Errorf("nested keys lack %q", k)
		}
	}
	conds := conditionKeys()
	for _, s := range cleanupScalars {
		if s.cond != strings.Contains(", "+conds+",", ", "+s.name+",") {
			t.Errorf("key %q: cond %v, but the condition list says otherwise", s.name, s.cond)
		}
	}
	all := cleanupKeys()
	for _, s := range cleanupScalars {
		if !slices.Contains(all, s.name) {
			t.Errorf("cleanupKeys lacks %q", s.name)
		}
	}
}

// TestCleanupScalarsSorted checks that cleanupScalars is sorted by name
// without repeats (Conditions lists its keys in its order) and that
// scalarOf finds each key and no other.
func TestCleanupScalarsSorted(t *testing.T) {
	for i := 1; i < len(cleanupScalars); i++ {
		if a, b := cleanupScalars[i-1].name, cleanupScalars[i].name; a >= b {
			t.Errorf("cleanupScalars: %q before %q", a, b)
		}
	}
	if len(cleanupScalars) > 32 {
		t.Errorf("cleanupScalars: %d keys, more than a keyMask holds", len(cleanupScalars))
	}
	for i, k := range cleanupScalars {
		if got := scalarOf(k.name); got != i {
			t.Errorf("scalarOf(%q) = %d, want %d", k.name, got, i)
		}
	}
	for _, key := range []string{"", "id", "regex", "judge", "max_word", "zzz", "after_goo"} {
		if got := scalarOf(key); got != -1 {
			t.Errorf("scalarOf(%q) = %d, want -1", key, got)
		}
	}
}
