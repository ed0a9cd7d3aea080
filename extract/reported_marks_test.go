package extract

import (
	"math/rand"
	"strings"
	"testing"
)

// TestMarkOffsetsLikeAlwaysMay checks the offsets of the marks of the
// rules without cues (markOffsets), by which findHits lets a sentence
// without cue hits through only when one stands in it: mayIn against a
// scan of the text, asked range by range in order and now and then for
// an earlier range; and hitsOf with them against sentenceHits, sentence
// by sentence, on random texts of words, colons and other marks.
func TestMarkOffsetsLikeAlwaysMay(t *testing.T) {
	x := New(defaultExtractor(t).rules, Options{Reported: true})
	g := x.gates()
	if len(g.alwaysPunct) == 0 {
		t.Skip("no rule without cues")
	}
	pieces := []string{"Jane Doe", "the mayor", "said", ":", " ", ", ", ". ", "the bridge will close", "\n\n", "warned", "Reporters", "on Friday", "; "}
	rng := rand.New(rand.NewSource(22))
	var m markOffsets
	lets := 0
	for n := 0; n < 300; n++ {
		var b strings.Builder
		for k := 5 + rng.Intn(40); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			b.WriteByte(' ')
		}
		text := b.String()
		m.find(g, text)
		for lo := 0; lo < len(text); lo += 1 + rng.Intn(8) {
			if rng.Intn(8) == 0 {
				lo = rng.Intn(lo + 1) // (an earlier range)
			}
			hi := lo + rng.Intn(40)
			want := m.every
			for i := lo; i < min(hi, len(text)); i++ {
				for _, ps := range g.alwaysPunct {
					want = want || text[i] < 128 && ps[text[i]>>6]>>(text[i]&63)&1 != 0
				}
			}
			if got := m.mayIn(lo, hi); got != want {
				t.Fatalf("%q from %d to %d: mayIn %v, want %v", text, lo, hi, got, want)
			}
		}
		c, _, low := x.clean(text, false)
		a := x.analyze(c, low)
		m.find(g, a.view)
		for si := 0; si < a.nsents; si++ {
			toks := a.toks(si)
			got, okGot := x.hitsOf(g, a.view, toks, nil, nil, 0, &m)
			want, okWant := x.sentenceHits(g, a.view, toks, nil, nil, 0)
			if okGot != okWant || len(got) != len(want) {
				t.Fatalf("%q, sentence %d: with the offsets %v %v, without %v %v", text, si, okGot, got, okWant, want)
			}
			if okGot && len(got) == 0 {
				lets++
			}
		}
		x.release(a)
	}
	if lets == 0 {
		t.Fatal("no sentence without hits let through: the test tells nothing")
	}
}
