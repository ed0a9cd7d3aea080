package extract

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// reportedExtractor is an extractor of the default rules with
// Options.Reported.
func reportedExtractor(t *testing.T) *Extractor {
	t.Helper()
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return New(rs, Options{Reported: true})
}

// TestLineAtLikeLineOf compares the line of a statement's row taken from
// its sentence's paragraph (lineAt) with lineOf's search, and the start of
// that paragraph's line (which report gives inTypewriterQuote) with the
// byte after the last line break, at every token of every sentence of the
// texts, hard-wrapped ones (lineStarts) and texts with blank and dropped
// lines among them.
func TestLineAtLikeLineOf(t *testing.T) {
	x := reportedExtractor(t)
	texts := fixedTexts(t)
	texts["blank lines"] = "\n\nJane Doe said the bridge will close.\n\n\n  \nThe mayor said it would not.\r\nHe left.\r\r\nShe said so.\n"
	texts["wrapped"] = "The council met on Tuesday to vote on the new budget for the town\nlibrary.\n\n" +
		"“We have waited a long time for this budget, and it is a good one for\nthe readers of the town,” said Jane Doe, the head librarian, after the\nvote on Tuesday.\n\n" +
		"The mayor, John Smith, was less sure. “It costs more than we hoped,\nand we will have to find the money somewhere,” he told reporters.\n\n" +
		"Jane Doe, who has run the library for years, said it was a fair deal\nin a statement on Wednesday.\n"
	n, starts := 0, 0
	for f, text := range texts {
		a := x.analyze(x.Clean(text), "")
		if a.c.lineStarts != nil {
			starts++
		}
		for si := range a.sents {
			para := int(a.c.Lines[a.sents[si].para].Start)
			for _, tok := range a.toks(si) {
				if got, want := a.lineAt(si, int(tok.Start)), lineOf(a.c, int(tok.Start)); got != want {
					t.Fatalf("%s: sentence %d, token at %d: lineAt %d, lineOf %d", f, si, tok.Start, got, want)
				}
				if want := strings.LastIndexByte(a.view[:tok.Start], '\n') + 1; para != want {
					t.Fatalf("%s: sentence %d, token at %d: its line starts at %d, after the last break %d", f, si, tok.Start, para, want)
				}
				n++
			}
		}
	}
	if n == 0 || starts == 0 || starts == len(texts) {
		t.Errorf("%d tokens, %d of %d texts with lineStarts: both paths not tested", n, starts, len(texts))
	}
}

// TestPlainRunLikeIsCollapsed compares plainRun, which tells from the gaps
// that the tokenizer noted whether a run of tokens is collapsed, with
// isCollapsed, and collapsedRun with collapse, for every run of up to
// twelve tokens of every sentence of the fixed texts and of random texts of
// words, quotations, stray marks and white space of every kind: plainRun
// may not say yes where isCollapsed says no.
func TestPlainRunLikeIsCollapsed(t *testing.T) {
	x := reportedExtractor(t)
	texts := fixedTexts(t)
	rng := rand.New(rand.NewPCG(18, 3))
	pieces := []string{"Jane", "said", "the", "bridge", "U.S.", "it's", "Doe’s", "l’épée", "—", "--", " - ", ",", ".", "(", ")",
		" ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2009", "\u3000", "\u0085", "\"", "“", "”", "‘", "’", "''", "\x00", "\xff", "\u200d"}
	for k := range 400 {
		var b strings.Builder
		for range rng.IntN(120) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts["random "+strconv.Itoa(k)] = b.String()
	}
	n, plain, collapsed := 0, 0, 0
	for f, text := range texts {
		a := x.analyze(x.Clean(text), "")
		if len(a.sents) > 0 && !a.gaps.made {
			t.Fatalf("%s: no gaps noted", f)
		}
		for si := range a.nsents {
			toks := a.toks(si)
			for i := range toks {
				for j := i; j < len(toks) && j < i+12; j++ {
					start, end := toks[i].Start, toks[j].End
					got, want := a.plainRun(start, end), isCollapsed(a.view[start:end])
					if ref := plainRunByScan(a, start, end); got != ref {
						t.Fatalf("%s: sentence %d, tokens %d to %d: plainRun %v, by a scan of the gaps %v", f, si, i, j, got, ref)
					}
					if got && !want {
						t.Fatalf("%s: sentence %d, tokens %d to %d (%q): plainRun true, isCollapsed false", f, si, i, j, a.view[start:end])
					}
					if got, want := a.collapsedRun(start, end), collapse(a.view[start:end]); got != want {
						t.Fatalf("%s: sentence %d, tokens %d to %d: collapsedRun %q, collapse %q", f, si, i, j, got, want)
					}
					n++
					if got {
						plain++
					}
					if want {
						collapsed++
					}
				}
			}
		}
	}
	if plain == 0 || collapsed == n || plain < collapsed*3/4 {
		t.Errorf("%d runs, %d plain by the gaps, %d collapsed: the gaps tell too little, or the test too little", n, plain, collapsed)
	}
	t.Logf("%d runs, %d plain by the gaps, %d collapsed", n, plain, collapsed)
}

// plainRunByScan is plainRun by a scan of all the gaps.
func plainRunByScan(a *analysis, start, end int32) bool {
	for _, e := range a.gaps.at {
		off, qi := int32(e>>32), int32(e)
		if off < start || off >= end {
			continue
		}
		if qi < 0 {
			return false
		}
		if q := a.quotes[qi]; int32(q.CloseEnd) > end || !isCollapsed(a.view[q.OpenStart:q.CloseEnd]) {
			return false
		}
	}
	return true
}
