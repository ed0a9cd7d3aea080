package rules

import (
	"regexp"
	"sync"
	"testing"
)

// TestRegexpLazy checks that a Regexp compiled on first use answers as
// the one compiled at load, also when many goroutines use it first at once.
func TestRegexpLazy(t *testing.T) {
	cases := []struct{ src, text string }{
		{`(?i)^(read more|advertisement)$`, "Read more"},
		{`(?P<month>[A-Z][a-z]+) (?P<day>\d{1,2}), (?P<year>\d{4})`, "Published July 6, 2015 at noon"},
		{`\bno\b`, "nothing here"},
	}
	for _, c := range cases {
		eager := compiledRegexp(regexp.MustCompile(c.src), Pos{})
		lazy := lazyRegexp(c.src, Pos{})
		if lazy.String() != c.src || eager.String() != c.src {
			t.Errorf("String: %q, %q; want %q", lazy.String(), eager.String(), c.src)
		}
		var wg sync.WaitGroup
		got := make([]bool, 8)
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[i] = lazy.MatchString(c.text)
			}()
		}
		wg.Wait()
		for i := range got {
			if got[i] != eager.MatchString(c.text) {
				t.Errorf("%q on %q: goroutine %d got %v", c.src, c.text, i, got[i])
			}
		}
		if a, b := lazy.FindStringSubmatchIndex(c.text), eager.FindStringSubmatchIndex(c.text); !equalInts(a, b) {
			t.Errorf("%q on %q: submatches %v, want %v", c.src, c.text, a, b)
		}
		if lazy.NumSubexp() != eager.NumSubexp() || len(lazy.SubexpNames()) != len(eager.SubexpNames()) {
			t.Errorf("%q: the groups differ", c.src)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestDefaultRegexpsLazy checks that the embedded defaults leave their
// regular expressions to their first use, and that a user file's are
// compiled at load.
func TestDefaultRegexpsLazy(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	lazy := 0
	for _, c := range rs.Cleanup {
		if c.Regex != nil && c.Regex.re == nil {
			lazy++
		}
	}
	if lazy == 0 {
		t.Errorf("no cleanup regex of the defaults is left to its first use")
	}
	user := Source{Name: "user.yaml", Data: []byte("version: 1\ncleanup:\n  - id: user-rule\n    regex: '^Sponsored$'\n")}
	rs, err = Load(append(DefaultSources(), user))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rs.Cleanup {
		if c.ID == "user-rule" && (c.Regex == nil || c.Regex.re == nil) {
			t.Errorf("the user file's regex was not compiled at load")
		}
	}
}
