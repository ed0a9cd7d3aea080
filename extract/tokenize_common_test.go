package extract

import (
	"math/rand"
	"strings"
	"testing"
	"unsafe"

	"github.com/whosaid/whosaid/rules"
)

// TestCommonRun checks that tokenizeN gives the same tokens with its run of
// common tokens (commonRun) as without it, on random text of invented
// words, abbreviations, possessives, hyphens, quotations and non-ASCII
// letters: the same fields, and a Lower that shares the Text's bytes
// where the other's does (the packing of tokens reads that).
func TestCommonRun(t *testing.T) {
	rs, err := rules.Load(rules.DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	pieces := []string{"Jane", "Doe", "said", "SAID", "the", "U.S.", "Sen.", "Dr.", "it's", "Doe's", "well-known",
		"café", "Zoë", "R-Ky.", "Springfield", "e.g.", "Acme", "Corp.", "2026", "3.5", "a", "I", "J.", "x1y2z3w4v5",
		"Supercalifragilistic", "98.6", "10.25", "1.000.000", "2026.", "12.5%", "2,400", "3,5", "1,250,000", "2016,", ",", ".", ";", ":", "(", ")", "'", "-", "--", "—", "’s", "?", "!", "%", "$", "&",
		"\"Hello world,\"", "“We will win.”", "‘quoted’", "said.", "end.Next", "A.B", "abcdefgh.", "ABCDEFGH,"}
	seps := []string{" ", " ", " ", "", "  ", "\t"}
	rng := rand.New(rand.NewSource(14))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.Intn(40); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		view := b.String()
		quotes, _, _ := x.scanQuotes(view)
		var qidx []int
		for qi, q := range quotes {
			if q.Depth == 0 {
				qidx = append(qidx, qi)
			}
		}
		start, end := 0, len(view)
		if n%3 == 1 && end > 0 {
			end = rng.Intn(end + 1) // a cut anywhere, as a quotation's head is cut
			for end > 0 && end < len(view) && view[end]&0xc0 == 0x80 {
				end--
			}
			qidx = qidx[:0]
		}
		maxToks := len(view)
		if n%5 == 2 {
			maxToks = rng.Intn(12)
		}
		var got [2][]rules.Token
		for v, on := range []bool{false, true} {
			x.noCommonRuns = !on
			low := ""
			if n%2 == 0 {
				low = lowerASCII(view)
			}
			got[v] = x.tokenizeN(view, start, end, quotes, qidx, nil, &low, maxToks, nil)
		}
		if len(got[0]) != len(got[1]) {
			t.Fatalf("%q: %d tokens with commonRun, %d without", view[start:end], len(got[1]), len(got[0]))
		}
		for i := range got[0] {
			a, c := got[0][i], got[1][i]
			sameA := unsafe.StringData(a.Lower) == unsafe.StringData(a.Text)
			sameC := unsafe.StringData(c.Lower) == unsafe.StringData(c.Text)
			if a != c && !(a.Text == c.Text && a.Lower == c.Lower && a.Start == c.Start && a.End == c.End && a.Kind == c.Kind && a.Cap == c.Cap && a.Quote == c.Quote) || sameA != sameC {
				t.Fatalf("%q: token %d is %+v with commonRun, %+v without", view[start:end], i, c, a)
			}
		}
	}
}
