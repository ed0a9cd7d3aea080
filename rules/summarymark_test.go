package rules

import (
	"math/rand"
	"testing"
)

// TestMarkAtLikeScan: the positions of the mark that a window's summary
// keeps for the needs of the default rules of reported speech (the mark
// their pivots and cue marks ask for most, chosen when the needs are
// compiled) are those a scan of the tokens finds, in a window of up to 64
// tokens (none kept in a longer one, nor for a summary made without
// needs); marksOf, asked for that mark and others in turn, is the scan's
// answer whether the summary keeps the positions or not; and CueMarksFail
// reading them fails the rules that it fails from the tokens.
func TestMarkAtLikeScan(t *testing.T) {
	rs, reported, _, set, _, cm := cueMarkRules(t)
	ns := NewNeeds(reported)
	if ns.mark == 0 {
		t.Fatal("the default rules of reported speech ask for no mark")
	}
	mark := string([]byte{ns.mark})
	if want := markOfRules(reported[:1]); NewNeeds(reported[:1]).mark != want {
		t.Errorf("one rule's needs: mark %q, want %q", NewNeeds(reported[:1]).mark, want)
	}
	words := append(reportedWords(), "said", "said", ",", ",", ":", "(", ")", "according", "–", "Q:quote")
	rng := rand.New(rand.NewSource(23))
	kept := 0
	for n := 0; n < 2000; n++ {
		toks, parts := randomSentence(rs, rng, words, 1+rng.Intn(72))
		scan := func(text string) uint64 {
			var at uint64
			for i := range toks {
				if i < 64 && toks[i].Kind == Punct && toks[i].Text == text {
					at |= 1 << i
				}
			}
			return at
		}
		w := testWindow(rs, toks)
		if n%4 == 0 {
			w.summary() // (made before the needs: no positions kept)
		}
		w.NeedsFail(ns)
		at, ok := w.markAtOf(ns.mark)
		if want := len(toks) <= 64 && n%4 != 0; ok != want {
			t.Fatalf("%v: positions kept %v, want %v", parts, ok, want)
		}
		if ok {
			kept++
			if at != scan(mark) {
				t.Fatalf("%v: summary's positions %b, the scan's %b", parts, at, scan(mark))
			}
		}
		if len(toks) <= 64 {
			for _, m := range []string{mark, ":", mark, ")", mark, "(", mark} {
				if got := w.m.marksOf(m); got != scan(m) {
					t.Fatalf("%v: marksOf(%q) %b, want %b", parts, m, got, scan(m))
				}
			}
		}
		hits := set.Hits(toks, nil)
		want := rs.NewWindow(toks).CueMarksFail(cm, hits, ^uint64(0)) // (no summary: the tokens read)
		if got := w.CueMarksFail(cm, hits, ^uint64(0)); got != want {
			t.Fatalf("%v: CueMarksFail %b with the summary's positions, %b from the tokens", parts, got, want)
		}
	}
	if kept < 1000 {
		t.Errorf("positions kept in %d windows of 2000", kept)
	}
}
