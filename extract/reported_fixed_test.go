package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/whosaid/whosaid/rules"
)

// fixedTexts returns the seed texts and a few sentences whose marks stand
// inside words, quotations and addresses, for the tests of the fast paths
// of report's fixed costs.
func fixedTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{
		"colons": "At 10:30 the mayor said: the bridge will close. Ratio 3:1 is http://x.org/a:b. The memo: “Read it: now.” Jane Doe: we stay.\n\nNo colon here, the council said.",
		"marks":  "Jane Doe — the mayor — said so; the rest (the council’s) said “no: never” and… left! Why? Because.\u00a0She  said\tso.",
	}
	files, _ := filepath.Glob("../testdata/seed/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(data)
	}
	return texts
}

// TestAlwaysMayLikePunctOf compares alwaysMay, which searches the
// sentence's bytes for the marks before it reads the tokens, with the test
// of the tokens' marks alone.
func TestAlwaysMayLikePunctOf(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{Reported: true})
	g := x.gates()
	if len(g.alwaysPunct) == 0 {
		t.Skip("no rule without cues")
	}
	n, yes := 0, 0
	for f, text := range fixedTexts(t) {
		a := x.analyze(x.Clean(text), "")
		for si := range a.sents {
			toks := a.toks(si)
			have := rules.PunctOf(toks)
			want := false
			for _, p := range g.alwaysPunct {
				want = want || have.Holds(p)
			}
			if got := g.alwaysMay(a.view, toks); got != want {
				t.Fatalf("%s: alwaysMay of sentence %d = %v, the tokens' marks say %v", f, si, got, want)
			}
			n++
			if want {
				yes++
			}
		}
	}
	if n == 0 || yes == 0 {
		t.Errorf("%d sentences, %d that may: nothing tested", n, yes)
	}
}

// TestCollapseFieldsLikeJoin compares collapseFields, one pass that copies
// whole fields, with strings.Join(strings.Fields(s), " ") on random runs of
// spaces, controls, multi-byte and invalid bytes, and on every rune up to
// U+10FFFF between words.
func TestCollapseFieldsLikeJoin(t *testing.T) {
	check := func(s string) {
		if got, want := collapseFields(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapseFields(%q) = %q, want %q", s, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(14, 4))
	pieces := []string{"a", "b", " ", " ", "  ", "\t", "\n", "\r", "\x01", "é", "“", "\u00a0", "\u0085", "\u2009", "\u3000", "\u1680", "\xff", "\xe2\x80", "\xe2", "\xc2", "word", "longer"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
	for r := rune(0x80); r <= 0x10FFFF; r++ {
		if r >= 0x3100 && r&0xFF != 0 {
			continue // (one rune a block above the ranges that hold spaces)
		}
		w := string(r)
		check("a" + w + "b")
		check(w + " x " + w)
		check(w + w + "\t")
	}
}

// TestRowIDsLikeItoa compares the ids made in one array with the prefix
// and strconv.Itoa, also when the array grows, and checks that the ids
// made first stay as they were.
func TestRowIDsLikeItoa(t *testing.T) {
	for _, room := range []int{0, 3, 1000} {
		ids := make(rowIDs, 0, room)
		var got []string
		for n := 1; n <= 300; n++ {
			got = append(got, ids.next('r', n))
		}
		for i, id := range got {
			if want := "r" + strconv.Itoa(i+1); id != want {
				t.Fatalf("room %d: id %d = %q, want %q", room, i, id, want)
			}
		}
	}
}

// TestRuneCountRandom compares runeCount, which takes the ASCII bytes
// before a block's first other byte at once, with utf8.RuneCountInString on
// random runs of ASCII, multi-byte, four-byte and invalid bytes.
func TestRuneCountRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 7))
	pieces := []string{"a", "bc", "defghij", " ", "é", "“", "’", "—", "中", "😀", "\xff", "\xe2\x80", "\xc3", "\x80", "\u00a0"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(50) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestInSentenceLikeCollapse compares the mention and cue of a statement's
// row, taken as they are when they lie in its sentence's collapsed span,
// with collapse, for every run of tokens of every sentence of the texts.
func TestInSentenceLikeCollapse(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{Reported: true})
	n, kept := 0, 0
	for f, text := range fixedTexts(t) {
		a := x.analyze(x.Clean(text), "")
		for si := range a.sents {
			toks := a.toks(si)
			for _, q := range []int{0, len(toks) / 2, len(toks) - 1} {
				ss, _ := sentenceSpan(toks, q)
				plain := isCollapsed(a.view[ss.start:ss.end])
				for i := range toks {
					for j := i; j < len(toks) && j < i+8; j++ {
						start, end := toks[i].Start, toks[j].End
						got, want := a.inSentence(start, end, ss, plain), collapse(a.view[start:end])
						if got != want {
							t.Fatalf("%s: sentence %d, tokens %d to %d: %q, collapse gives %q", f, si, i, j, got, want)
						}
						n++
						if plain && start >= ss.start && end <= ss.end {
							kept++
						}
					}
				}
			}
		}
	}
	if kept == 0 || kept == n {
		t.Errorf("%d runs, %d taken as they are: both paths not tested", n, kept)
	}
}
