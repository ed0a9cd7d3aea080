package extract

import (
	"reflect"
	"slices"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestEarlyHitsLikeScan checks the cue hits that the analysis finds
// (findHits) against report's own scan of each sentence after attribution
// (gates.hits and the gates after it), and report's statements with them
// against those it finds without them, on the seed texts and the first
// PolNeAR texts (with WHOSAID_EVAL), with one extractor (its scratch
// reused), its tokens packed (no early hits) and not.
func TestEarlyHitsLikeScan(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append([]string{
		"Jane Doe said the bridge would close, while John Roe argued that it should stay open.",
		"Correction: the bridge will close. It was closed.",
		"",
	}, rowsCorpus(t)...)
	x := New(rs, Options{Reported: true}) // (one scratch: packed after not)
	for _, packAbove := range []int{1 << 30, 0, 1 << 30} {
		x.packTokensAbove = packAbove
		g := x.gates()
		n := 0
		for i, text := range texts {
			lang, y := x.langOf(text)
			c, _, low := y.clean(text, false)
			c.Lang = lang
			a := y.analyze(c, low)
			y.attribute(a)
			e := &a.sc.report.early
			if want := !a.packToks; e.ok != want || e.ok && len(e.sents) != a.nsents {
				t.Fatalf("text %d: early hits made %v for %d of %d sentences, want %v", i, e.ok, len(e.sents), a.nsents, want)
			}
			for si := 0; e.ok && si < a.nsents; si++ {
				toks := a.toks(si)
				var want, got []cueHit
				wantOK := y.mayReport(toks)
				if wantOK {
					want = g.hits(toks, nil)
					wantOK = g.any(want) && (len(want) > 0 || g.alwaysMay(a.view, toks))
				}
				sp := e.sents[si]
				if gotOK := sp.lo >= 0; gotOK {
					got = e.all[sp.lo:sp.hi]
					n++
				}
				if gotOK := sp.lo >= 0; gotOK != wantOK || wantOK && !slices.Equal(got, want) {
					t.Fatalf("text %d, sentence %d: early hits %v (%v), the scan %v (%v)", i, si, got, gotOK, want, wantOK)
				}
			}
			sts := statementsOf(y.report(a))
			y.release(a)
			b := y.analyze(c, low)
			y.attribute(b)
			b.sc.report.early.ok = false // report scans
			if want := statementsOf(y.report(b)); !reflect.DeepEqual(sts, want) {
				t.Fatalf("text %d: statements with early hits %+v, without %+v", i, sts, want)
			}
			y.release(b)
		}
		if packAbove > 0 && n == 0 {
			t.Error("no sentence with hits")
		}
	}
}

// statementsOf returns what a statement of sts is, by fields: its sentence,
// rule, span and content.
func statementsOf(sts []statement) [][4]int {
	var out [][4]int
	for _, st := range sts {
		out = append(out, [4]int{st.sent, st.rule, st.match.Span.Start, st.content.End*1000 + st.content.Start})
	}
	return out
}
