package rules

import (
	"strings"
	"testing"
)

// TestPackRoundTrip packs and unpacks tokens of every kind, flag and place
// of their lower case, and checks the limits that make PackAll refuse.
func TestPackRoundTrip(t *testing.T) {
	view := "Jane Doe said \u201cok\u201d in Springfield, \u0130stanbul."
	low := strings.ToLower(view[:4]) + view[4:]
	word := func(s string, from int) Token {
		i := strings.Index(view[from:], s) + from
		return Token{Text: view[i : i+len(s)], Lower: view[i : i+len(s)], Start: int32(i), End: int32(i + len(s)), Quote: -1}
	}
	jane := word("Jane", 0)
	jane.Lower, jane.Cap, jane.First, jane.class = low[0:4], true, true, 1<<3|classified
	doe := word("Doe", 0)
	doe.Lower, doe.Cap, doe.class = "doe", true, 1<<60|classified
	quote := word("\u201cok\u201d", 0)
	quote.Kind, quote.Quote, quote.Lower = QuoteT, 7, ""
	comma := word(",", 0)
	comma.Kind = Punct
	ist := word("\u0130stanbul", 0)
	ist.Lower, ist.Cap = "i\u0307stanbul", true
	toks := []Token{jane, doe, word("said", 0), quote, word("in", 0), comma, ist}
	var tab PackTable
	p := make([]Packed, len(toks))
	if !PackAll(p, toks, view, low, &tab) {
		t.Fatal("PackAll refused")
	}
	got := make([]Token, len(p))
	UnpackAll(got, p, view, low, &tab)
	for i := range toks {
		if got[i] != toks[i] {
			t.Errorf("token %d: got %+v, want %+v", i, got[i], toks[i])
		}
	}
	far := quote
	far.Quote = maxPackedAux + 1
	if PackAll(p[:1], []Token{far}, view, low, &tab) {
		t.Error("a quote index past 24 bits packed")
	}
	for c := uint64(1); len(tab.classes) <= maxPackedCls; c++ {
		tab.classIndex(c<<1 | classified)
	}
	odd := doe
	odd.class = 1<<59 | classified
	if PackAll(p[:1], []Token{odd}, view, low, &tab) {
		t.Error("a 65,537th set of classes packed")
	}
}
