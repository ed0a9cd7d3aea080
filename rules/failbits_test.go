package rules

import (
	"math/rand"
	"testing"
)

// TestFailBitsLikeFails checks matcher.failBits, the filter before
// Window.failed: on a window reused (Reset) for random sentences, and
// tried with the rules of reported speech from several starts, every rule
// in the window's fails has its bit set, so that the filter passes over
// no rule that failed says failed, and no other bit is (Reset clears
// them: a filter of every window's fails would pass every rule); and
// each match is that of a fresh
// window (failed told from the full list).
func TestFailBitsLikeFails(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var reported []*AttrRule
	for _, r := range rs.Attribution {
		if r.Reported() && r.Pattern != nil {
			reported = append(reported, r)
		}
	}
	words := reportedWords()
	rng := rand.New(rand.NewSource(13))
	w := rs.NewWindow(nil)
	fails := 0
	for n := 0; n < 400; n++ {
		toks, parts := randomSentence(rs, rng, words, 4+rng.Intn(24))
		w.Reset(rs, toks)
		for _, lo := range []int{0, rng.Intn(len(toks)), 0} {
			for _, r := range reported {
				got, ok := w.MatchFrom(r, -1, lo, len(toks)-1)
				want, wantOK := rs.NewWindow(toks).MatchFrom(r, -1, lo, len(toks)-1)
				if ok != wantOK || ok && got.Span != want.Span {
					t.Fatalf("rule %s on %v from %d: reused window %v %+v, fresh %v %+v", r.ID, parts, lo, ok, got.Span, wantOK, want.Span)
				}
				var bits uint64 // (the bits of this window's fails, none of an earlier one's)
				for _, f := range w.fails {
					bits |= ruleBit(f.r)
				}
				if w.m.failBits != bits {
					t.Fatalf("rule %s on %v: failBits %x, the bits of the window's fails %x", r.ID, parts, w.m.failBits, bits)
				}
			}
		}
		fails += len(w.fails)
	}
	if fails == 0 {
		t.Fatal("no rule failed: the test tells nothing")
	}
}
