package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// progInputs returns lines to match: the repository's test texts, cut
// and cased in a few ways, and invented datelines and page furniture.
func progInputs(t *testing.T) []string {
	in := []string{"", "25 Apr, 2025 15:12", "Jan. 5, 2020 at 3:45 p.m.", "September 30th 2019, 11:05 am",
		"3 March 2021", "On July 6, 2015, Jane Doe said:", "0:00", "24:40", "29:3", "Podcasts", "VIDEO", "Share",
		"Springfield »", "Acme Corp. >", "icon home icon menu icon share icon mail text", "15.03.2024, 14:30 Uhr",
		"15 марта 2024, 14:30", "3 de mayo de 2023", "ſhare", "\u212a", "Read more", "Ünïcode ‹", "a\nb", "\xff\xfe"}
	for _, dir := range []string{"../testdata/articles", "../testdata/pages", "../testdata/corpus", "../testdata/seed", "../testdata/lang"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if strings.HasSuffix(f, ".json") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			for _, l := range strings.Split(string(b), "\n") {
				in = append(in, l, strings.ToLower(l), strings.ToUpper(l))
				if len(l) > 40 {
					in = append(in, l[:40], l[len(l)-40:])
				}
			}
		}
	}
	if len(in) < 1000 {
		t.Fatalf("%d inputs: the test texts were not found", len(in))
	}
	return in
}

// TestProgTable checks that every default regex has a program in the
// table, and that the backtracker over it finds what regexp finds.
func TestProgTable(t *testing.T) {
	full, must, err := defaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	inputs := progInputs(t)
	for _, src := range append(full, must...) {
		p := progOf(src)
		if p == nil {
			t.Errorf("%q: no program in the table, or a broken one", src)
			continue
		}
		re := regexp.MustCompile(src)
		if !reflect.DeepEqual(p.names, re.SubexpNames()) {
			t.Errorf("%q: names %q, regexp's %q", src, p.names, re.SubexpNames())
		}
		for _, s := range inputs {
			m, found, ok := p.match(s, p.ncap)
			if !ok {
				continue
			}
			want := re.FindStringSubmatchIndex(s)
			if !found {
				m = nil
			}
			if !reflect.DeepEqual(m, want) {
				t.Errorf("%q on %q: %v, regexp %v", src, s, m, want)
			}
			if _, found, _ := p.match(s, 0); found != re.MatchString(s) {
				t.Errorf("%q on %q: matches %v, regexp %v", src, s, found, !found)
			}
		}
	}
}

// TestLazyRegexpProg checks a default regex's answers before and after
// it compiles itself (progUses), and a long input, which compiles it.
func TestLazyRegexpProg(t *testing.T) {
	_, must, err := defaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	src := must[0]
	re := regexp.MustCompile(src)
	r := lazyRegexp(src, Pos{})
	if r.program(false) == nil {
		t.Fatalf("%q: no program", src)
	}
	inputs := []string{"25 Apr, 2025 15:12", "Jan 5, 2020", "nothing here", strings.Repeat("x", 10000) + " 3 May 2020"}
	for i := 0; i < 2*progUses; i++ {
		s := inputs[i%len(inputs)]
		if got, want := r.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
			t.Errorf("use %d on %.20q: %v, regexp %v", i, s, got, want)
		}
		if got, want := r.MatchString(s), re.MatchString(s); got != want {
			t.Errorf("use %d on %.20q: matches %v, regexp %v", i, s, got, want)
		}
	}
	if !reflect.DeepEqual(r.SubexpNames(), re.SubexpNames()) || r.NumSubexp() != re.NumSubexp() {
		t.Errorf("names %q, regexp %q", r.SubexpNames(), re.SubexpNames())
	}
}
