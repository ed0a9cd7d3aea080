package rules

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/needle"
)

// lowerLine lowers s as cleanup does: a letter whose lower case is encoded
// in another number of bytes stays.
func lowerLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(needle.LowerSame(r))
	}
	return b.String()
}

// TestMustMayNeverRefuses checks that MustMay never says no to a line that
// the rule's regex matches, on lines built from the rules' own strings, odd
// case foldings and random text.
func TestMustMayNeverRefuses(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, c := range rs.Cleanup {
		f := c.quickFilter()
		if f == nil {
			continue // no regex
		}
		parts = append(parts, f.Must()...)
		parts = append(parts, f.Needles()...)
	}
	parts = append(parts, " ", " ", "a", "B", "/", "K", "ſ", "İ", "ẞ", "Å", "12", ":", "(", ")", ".", ", ",
		"Getty", "SHUTTERſTOCK", "Photo", "by ", "By\u00a0", "\u212a", "by Jane", "2 hours ago", "©", "Ω",
		"Jan 5, 2024", "AUGUST 12 2023", "ſeptember 3, 2020", "4 Dec. 2021", "2024-01-02", "2024-01-02 10:11",
		"5/6/2024", "12.03.2024", "10:30 12.03.2024")
	rnd := rand.New(rand.NewSource(1))
	lines := []string{"", "click to ſhare", "Follow uſ", "ſign up for", "Jane Doe/AP", "Jane/The New York Times"}
	for range 20000 {
		var b strings.Builder
		for range 1 + rnd.Intn(6) {
			p := parts[rnd.Intn(len(parts))]
			if rnd.Intn(3) == 0 {
				p = strings.ToUpper(p)
			}
			b.WriteString(p)
		}
		lines = append(lines, b.String())
	}
	checkMust(t, rs, lines)
}

func checkMust(t *testing.T, rs *Ruleset, lines []string) {
	t.Helper()
	dates := rs.Compiled().DateFilters
	for _, line := range lines {
		low := lowerLine(line)
		for k, re := range rs.Metadata.Date {
			if re.MatchString(line) && !dates[k].Get().MustMay(line, low) {
				t.Errorf("date pattern %d: May refuses %q, which it matches", k, line)
			}
		}
		for _, c := range rs.Cleanup {
			for _, r := range []*CleanupRule{c, c.Prev, c.Next} {
				if r == nil || r.Regex == nil || !r.Regex.MatchString(line) {
					continue
				}
				if !r.quickFilter().MustMay(line, low) {
					t.Errorf("rule %s: MustMay refuses %q, which the regex matches", r.ID, line)
				}
			}
		}
	}
}

// TestMustMayEval is TestMustMayNeverRefuses on the lines of the evaluation
// pages, which are not in the repository: WHOSAID_EVAL names the folder that
// holds them (cleanup-dev.jsonl, polnear-dev.jsonl, spkatt-de-train.jsonl).
func TestMustMayEval(t *testing.T) {
	dir := os.Getenv("WHOSAID_EVAL")
	if dir == "" {
		t.Skip("WHOSAID_EVAL (the folder of the evaluation data) is not set")
	}
	if testing.Short() {
		t.Skip("the evaluation pages take a while: not in -short")
	}
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	for _, name := range []string{"cleanup-dev.jsonl", "polnear-dev.jsonl", "spkatt-de-train.jsonl"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Logf("%v: not checked", err)
			continue
		}
		read++
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<26)
		var lines []string
		for sc.Scan() {
			var rec map[string]any
			if json.Unmarshal(sc.Bytes(), &rec) != nil {
				continue
			}
			for _, v := range rec {
				if s, ok := v.(string); ok {
					for _, l := range strings.Split(s, "\n") {
						lines = append(lines, strings.TrimSpace(l))
					}
				}
			}
		}
		f.Close()
		checkMust(t, rs, lines)
	}
	if read == 0 {
		t.Skipf("no evaluation file in %s", dir)
	}
}

// TestWordSet checks that a list's word set answers as the list, for every word of
// every default list and for their prefixes, suffixes and variants.
func TestWordSet(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, l := range rs.Lists {
		ws := l.wordSet()
		for w := range l.words {
			for _, v := range []string{w, w + "s", w + "\x00", "x" + w, strings.ToUpper(w), w[:len(w)/2], w[len(w)/2:],
				w + w, w + "abcdefghijklmnop"} {
				if ws.Has(v) != l.Has(v) {
					t.Errorf("list %s: word set Has(%q) = %v, List.Has = %v", name, v, ws.Has(v), l.Has(v))
				}
				// HasAt, with the word inside a longer text or at its end
				for _, around := range [][2]string{{"", ""}, {"ab ", " cdefghijklmnopqrstuvwxyz"}, {"abc", "de"}, {"", "0123456789abcdefgh"}} {
					s := around[0] + v + around[1]
					if got := ws.HasAt(s, len(around[0]), len(around[0])+len(v)); got != l.Has(v) {
						t.Errorf("list %s: word set HasAt(%q, %d, %d) = %v, List.Has(%q) = %v", name, s, len(around[0]), len(around[0])+len(v), got, v, l.Has(v))
					}
				}
			}
		}
	}
	if ws := (*List)(nil).wordSet(); ws.Has("the") || ws.Has("") || ws.Has("abcdefghijklmnopq") {
		t.Error("the word set of no list holds words")
	}
}
