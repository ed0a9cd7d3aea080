package needle_test

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/needle"
	"github.com/whosaid/whosaid/rules"
)

// TestScanRenumbered checks that the renumbered automaton of the default
// cleanup rules finds the same needles as the plain one.
func TestScanRenumbered(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := rs.Compiled().Index
	if _, _, ok := needle.ScanBoth(x, ""); !ok {
		t.Fatal("the default rules' automaton is not renumbered")
	}
	// the language packs' too (with needles cut shorter where need be)
	for _, l := range rs.Langs() {
		if p := rs.ForLang(l); p != nil {
			if _, _, ok := needle.ScanBoth(p.Compiled().Index, ""); !ok {
				t.Errorf("the %s rules' automaton is not renumbered", l)
			}
		}
	}
	var parts []string
	for _, c := range rs.Cleanup {
		if c.Regex != nil {
			f := needle.Of(c.Regex.String())
			parts = append(parts, f.Needles()...)
		}
	}
	parts = append(parts, " ", "x", "é", "the ", "\xff")
	rnd := rand.New(rand.NewSource(2))
	for range 20000 {
		var b strings.Builder
		for range rnd.Intn(8) {
			p := parts[rnd.Intn(len(parts))]
			b.WriteString(p[:rnd.Intn(len(p)+1)])
		}
		if fast, plain, _ := needle.ScanBoth(x, b.String()); fast != plain {
			t.Errorf("scan(%q): renumbered %b, plain %b", b.String(), fast, plain)
		}
	}
}

// TestFilterNeverRefuses checks, on regexes of each shape the miner reads,
// that the filter's tests never say no to a line the regex matches.
func TestFilterNeverRefuses(t *testing.T) {
	cases := []struct {
		re    string
		lines []string
	}{
		{`^(?i)(photo|image)\b`, []string{"Photo: AP", "IMAGE by x", "photograph"}},
		{`(?i)\bsubscribe\b$`, []string{"please subscribe", "SUBSCRIBE"}},
		{`/(getty|ap)\b`, []string{"Jane Doe/Getty", "x/AP"}},
		{`(?i)^by [a-z]+$`, []string{"By Jane", "by \u212aate"}},
		{`\d{1,2} (hours|days) ago`, []string{"2 hours ago", "10 days ago"}},
		{`[»«|]`, []string{"a » b", "|"}},
		{`(?i)k`, []string{"\u212a", "k", "K"}},
	}
	for _, c := range cases {
		re := regexp.MustCompile(c.re)
		f := needle.Of(c.re)
		for _, line := range c.lines {
			if !re.MatchString(line) {
				continue
			}
			low := strings.Map(needle.LowerSame, line)
			if !f.EndsMay(low) || !f.MustMay(line, low) {
				t.Errorf("%s: the filter refuses %q, which the regex matches", c.re, line)
			}
		}
	}
}

// TestIndexPhases checks that Rules lists a rule in its phase for the word
// counts its bounds allow, and only there.
func TestIndexPhases(t *testing.T) {
	x := needle.Build([]needle.Rule{
		{Phase: needle.PhaseLine, MinWords: 2, MaxWords: 3},
		{Phase: needle.PhaseScore},
		{Phase: -1},
		{Phase: needle.PhaseLine, MinWords: 100},
	})
	for _, c := range []struct {
		phase, words int
		want         []int
	}{
		{needle.PhaseLine, 1, nil}, {needle.PhaseLine, 2, []int{0}}, {needle.PhaseLine, 4, nil},
		{needle.PhaseLine, 200, []int{3}}, {needle.PhaseScore, 0, []int{1}}, {needle.PhaseRest, 5, nil},
	} {
		got := x.Rules(c.phase, c.words)
		if len(got) != len(c.want) || len(got) > 0 && got[0] != c.want[0] {
			t.Errorf("Rules(%d, %d) = %v, want %v", c.phase, c.words, got, c.want)
		}
	}
}
