package extract

import (
	"fmt"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestNoneFromLikeSearch compares noneFrom with the search it stands for:
// where it reports that a search from a token tries no rule, reportIn
// over the rest of the sentence finds nothing, for every token of the
// searched sentences and the masks of every rule and of the rules from
// each rule on (later's); and the hits are in order, as it reads them.
func TestNoneFromLikeSearch(t *testing.T) {
	if n := checkedSentences(t, (*Extractor).noneFromChecked); n < 1000 {
		t.Errorf("%d searches told by noneFrom: want 1000 or more", n)
	}
}

// TestInnerNextLikeSearch compares the statement that report takes where
// innerNext holds with the search from the content's end it stands for:
// after each sentence's first statement whose content the inner search
// trims, reportIn from the end of the trimmed content, with the rules
// from the statement's rule on, finds the inner statement — the same
// rule, match and content. (TestLeftmostLikeEach compares report with
// and without explanations, which make no use of innerNext, on PolNeAR.)
func TestInnerNextLikeSearch(t *testing.T) {
	if n := checkedSentences(t, (*Extractor).innerNextChecked); n == 0 {
		t.Error("innerNext held for no sentence")
	}
}

// checkedSentences calls check with each sentence that report's gates let
// be searched (forSearchedSentences) and fails at the first that it says
// differs; it returns the sum of the counts check returns.
func checkedSentences(t *testing.T, check func(*Extractor, []rules.Token, []cueHit, *rules.Window) (int, string)) int {
	x := New(defaultExtractor(t).rules, Options{Reported: true})
	total := 0
	forSearchedSentences(t, x, func(ti, si int, toks []rules.Token, hits []cueHit, w *rules.Window) {
		for i := 1; i < len(hits); i++ {
			if hits[i].Pos <= hits[i-1].Pos {
				t.Fatalf("text %d sentence %d: hits out of order at %d", ti, si, i)
			}
		}
		n, err := check(x, toks, hits, w)
		if err != "" {
			t.Fatalf("text %d sentence %d: %s", ti, si, err)
		}
		total += n
	})
	t.Logf("%d cases", total)
	return total
}

// noneFromChecked asks noneFrom of every token of a sentence and the
// rules from every third rule on, and where it says a search tries no
// rule, checks that reportIn finds nothing and that no rule of the mask
// has a cue from there on; it returns the searches told, or what failed.
func (x *Extractor) noneFromChecked(toks []rules.Token, hits []cueHit, w *rules.Window) (int, string) {
	g := x.gates()
	var cues cueScratch
	n := 0
	for from := range toks {
		var present uint64
		for _, h := range hits {
			if h.Pos >= from {
				present |= h.Bits
			}
		}
		for ri := 0; ri < len(g.rules); ri += 3 {
			only := allRules << ri
			if !g.noneFrom(hits, from, only) {
				continue
			}
			n++
			var st statement
			if x.reportIn(w, g, hits, &cues, toks, from, len(toks), len(toks), only, &st) {
				return n, fmt.Sprintf("from %d, rules from %d: noneFrom, but rule %d matches", from, ri, st.rule)
			}
			if try := g.mayTry(present) & only; from == 0 && try != 0 || from > 0 && try&^g.anchored != 0 {
				return n, fmt.Sprintf("from %d, rules from %d: noneFrom, but rules %b may be tried", from, ri, try)
			}
		}
	}
	return n, ""
}

// innerNextChecked makes a sentence's first search and the search inside
// its statement's content, and where innerNext holds, the search that it
// stands for: it returns 1 when innerNext held, and what differed.
func (x *Extractor) innerNextChecked(toks []rules.Token, hits []cueHit, w *rules.Window) (int, string) {
	g := x.gates()
	var cues cueScratch
	var st, inner, next statement
	if !x.reportIn(w, g, hits, &cues, toks, 0, len(toks), len(toks), allRules, &st) {
		return 0, ""
	}
	later, c := allRules<<st.rule, st.content
	if !x.innerSearch(w, g, hits, &cues, toks, c, later, &inner) || inner.match.Span.Start <= c.Start || !x.opensClause(toks, inner.match.Span.Start) {
		return 0, ""
	}
	pos := max(x.trimConjunction(toks, c.Start, trimContent(toks, c.Start, inner.match.Span.Start)), 1)
	if !g.innerNext(hits, toks, c, pos, &inner) {
		return 0, ""
	}
	ok := x.reportIn(w, g, hits, &cues, toks, pos, len(toks), len(toks), later, &next)
	if !ok || next.rule != inner.rule || next.content != inner.content || next.match != inner.match {
		return 1, fmt.Sprintf("from %d the search finds %v (rule %d, span %v, content %v), innerNext takes rule %d, span %v, content %v",
			pos, ok, next.rule, next.match.Span, next.content, inner.rule, inner.match.Span, inner.content)
	}
	return 1, ""
}
