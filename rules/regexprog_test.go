package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
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

// checkProg reports where the program p of src finds other than regexp
// in s, in its submatches or in MatchString's answer.
func checkProg(t *testing.T, src string, p *prog, re *regexp.Regexp, s string) {
	t.Helper()
	m, found, ok := p.match(s, p.ncap)
	if !ok {
		return
	}
	want := re.FindStringSubmatchIndex(s)
	if !found {
		m = nil
	}
	for found && len(m) < 2*len(p.names) { // as Regexp.FindStringSubmatchIndex pads
		m = append(m, -1)
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("%q on %q: %v, regexp %v", src, s, m, want)
	}
	if _, found, _ := p.match(s, 0); found != re.MatchString(s) {
		t.Errorf("%q on %q: matches %v, regexp %v", src, s, found, !found)
	}
}

// defaultRegexes returns the default rules' regexes, each once.
func defaultRegexes(t testing.TB) []string {
	full, must, err := defaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	seen := map[string]bool{}
	for _, src := range append(full, must...) {
		if !seen[src] {
			seen[src] = true
			out = append(out, src)
		}
	}
	return out
}

// TestProgTable checks that every default regex has a program in the
// table, and that the backtracker over it finds what regexp finds.
func TestProgTable(t *testing.T) {
	srcs := defaultRegexes(t)
	inputs := progInputs(t)
	progs := 0
	for _, src := range srcs {
		p := progOf(src)
		if p == nil {
			if v, ok := encodeProg(src); ok && len(v) <= progMaxBytes {
				t.Errorf("%q: no program in the table, or a broken one", src)
			}
			continue
		}
		progs++
		re := regexp.MustCompile(src)
		if !reflect.DeepEqual(p.names, re.SubexpNames()) {
			t.Errorf("%q: names %q, regexp's %q", src, p.names, re.SubexpNames())
		}
		for _, s := range inputs {
			checkProg(t, src, p, re, s)
		}
	}
	if progs < len(srcs)*3/4 {
		t.Errorf("%d programs in the table for %d regexes", progs, len(srcs))
	}
}

// progCases are regexes beyond the defaults, each with inputs on which
// the backtracker must find what regexp finds: case folding with orbits
// of three (k, K and the Kelvin sign; s, S and the long s), classes long
// enough to be searched by halves, empty matches, anchors and word
// boundaries, captures in repetitions, lazy quantifiers.
var progCases = []struct {
	src    string
	inputs []string
}{
	{`(?i)k`, []string{"k", "K", "\u212a", "x\u212ay", "", "ķ"}},
	{`(?i)s+`, []string{"ſSs", "xſ", "ß", "SS"}},
	{`(?i)[k-s]+x`, []string{"\u212aſx", "KLMx", "jx", "ſ"}},
	{`[\p{Greek}\d]+`, []string{"abc αβγ 123", "Ω", "x"}},
	{`\p{Cyrillic}{2,}\b`, []string{"ab", "мы x", "д1", "日本語"}},
	{`(?i)[\p{Lu}]`, []string{"a", "ǅ", "1"}},
	{`a*`, []string{"", "b", "aab", "baa"}},
	{`(a|ab)(c|bcd)(d*)`, []string{"abcd", "abcbcd", "acd"}},
	{`(a+?)(a*)`, []string{"aaa", "b"}},
	{`(?:(a)|(b))+`, []string{"ab", "ba", "abab", "c"}},
	{`^$`, []string{"", "\n", "a"}},
	{`(?m)^b$`, []string{"a\nb\nc", "b", "ab"}},
	{`\Bb\b`, []string{"ab", "b", "ab c", "abb"}},
	{`.+?c`, []string{"a\nbc", "abc", "\xffc"}},
	{`(?s).c`, []string{"\nc", "c"}},
	{`x(?P<n>y)?z`, []string{"xz", "xyz", "xyyz"}},
	{`\x{FFFD}`, []string{"\xff", "\ufffd", "a"}},
	{`(a){0}b`, []string{"ab", "b"}},
	{`[^a]`, []string{"a", "\xff", "é"}},
	{`\A(?:ab|a)*\z`, []string{"abab", "aba", "ababc", ""}},
}

// TestProgCases checks the backtracker over the table's encoding of
// progCases' regexes against regexp.
func TestProgCases(t *testing.T) {
	for _, c := range progCases {
		v, ok := encodeProg(c.src)
		if !ok {
			t.Errorf("%q: not encoded", c.src)
			continue
		}
		p, ok := decodeProg(string(v))
		if !ok {
			t.Errorf("%q: its encoding does not decode", c.src)
			continue
		}
		re := regexp.MustCompile(c.src)
		for _, s := range c.inputs {
			checkProg(t, c.src, p, re, s)
			checkProg(t, c.src, p, re, strings.Repeat(s, 3))
		}
	}
}

// FuzzProgMatch checks the backtracker against regexp on random inputs,
// with each default regex and progCases' regexes.
func FuzzProgMatch(f *testing.F) {
	srcs := defaultRegexes(f)
	for _, c := range progCases {
		srcs = append(srcs, c.src)
	}
	type pair struct {
		p  *prog
		re *regexp.Regexp
	}
	progs := map[string]pair{}
	for _, src := range srcs {
		if v, ok := encodeProg(src); ok {
			if p, ok := decodeProg(string(v)); ok {
				progs[src] = pair{p, regexp.MustCompile(src)}
			}
		}
	}
	for i, s := range []string{"25 Apr, 2025 15:12", "icon a icon b icon c icon d", "0:00", "Springfield »", "\u212a ſ ǅ"} {
		f.Add(uint16(i), s)
	}
	f.Fuzz(func(t *testing.T, i uint16, s string) {
		src := srcs[int(i)%len(srcs)]
		if pr, ok := progs[src]; ok {
			checkProg(t, src, pr.p, pr.re, s)
		}
	})
}

// FuzzDecodeProg feeds decodeProg broken tables: it must refuse them or
// give a program the backtracker runs without panicking.
func FuzzDecodeProg(f *testing.F) {
	for _, c := range progCases[:4] {
		v, _ := encodeProg(c.src)
		f.Add(v, "kK x")
	}
	f.Fuzz(func(t *testing.T, v []byte, s string) {
		p, ok := decodeProg(string(v))
		if !ok {
			return
		}
		p.match(s, 0)
		p.match(s, p.ncap)
	})
}

// lazyDateRegexp returns the first default date pattern as a lazy
// Regexp, with a program in the table, and compiled by regexp.
func lazyDateRegexp(t *testing.T) (*Regexp, *regexp.Regexp) {
	t.Helper()
	_, must, err := defaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	r := lazyRegexp(must[0], Pos{})
	if r.program(false) == nil {
		t.Fatalf("%q: no program", must[0])
	}
	return r, regexp.MustCompile(must[0])
}

// TestLazyRegexpProg checks a default regex's answers before and after
// it compiles itself (progUses), and a long input, which compiles it.
func TestLazyRegexpProg(t *testing.T) {
	r, re := lazyDateRegexp(t)
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

// TestLazyRegexpProgConcurrent checks a default regex matched from many
// goroutines at once, while it uses its program (whose memory one match
// takes at a time, the others their own) and after it compiles itself.
func TestLazyRegexpProgConcurrent(t *testing.T) {
	r, re := lazyDateRegexp(t)
	inputs := []string{"25 Apr, 2025 15:12", "Jan 5, 2020", "nothing here", "On 3 May 2020, he said"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range progUses {
				s := inputs[(g+i)%len(inputs)]
				if got, want := r.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
					t.Errorf("goroutine %d, use %d on %q: %v, regexp %v", g, i, s, got, want)
				}
			}
		}()
	}
	wg.Wait()
}
