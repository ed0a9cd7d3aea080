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
	x := New(defaultExtractor(t).rules, Options{Reported: true})
	none := 0
	forSearchedSentences(t, x, func(ti, si int, toks []rules.Token, hits []cueHit, w *rules.Window) {
		for i := 1; i < len(hits); i++ {
			if hits[i].Pos <= hits[i-1].Pos {
				t.Fatalf("text %d sentence %d: hits out of order at %d", ti, si, i)
			}
		}
		if n, err := x.noneFromChecked(toks, hits, w); err != "" {
			t.Fatalf("text %d sentence %d: %s", ti, si, err)
		} else {
			none += n
		}
	})
	if none < 1000 {
		t.Errorf("%d searches told by noneFrom: want 1000 or more", none)
	}
	t.Logf("%d searches told by noneFrom", none)
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
