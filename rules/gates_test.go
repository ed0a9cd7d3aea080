package rules

import (
	"math/bits"
	"math/rand"
	"slices"
	"testing"
)

// someOfBoth fails t unless some of the tried cases held and some did
// not (a comparison of two paths that all answer alike tells little).
func someOfBoth(t *testing.T, held, tried int) {
	t.Helper()
	if tried == 0 || held == 0 || held == tried {
		t.Fatalf("%d of %d cases hold: want some of both", held, tried)
	}
}

// gateWords returns the words of the random sentences of the gates' tests.
func gateWords() []string {
	return []string{"said", "says", "told", "he", "she", "The", "official", "Smith", "John", "on", "to",
		"Monday", "according", "has", "had", "would", "also", "repeatedly", "tried", "who", "which", "and", "but",
		"as", "was", "when", "that", "it", "plan", ",", ",", ",", "–", "(", ")", ".", "Q:quote"}
}

// newNear returns the near of cues and reach, as MatchNearTo makes it.
func newNear(cues []int, reach *CueReach) *near {
	return &near{cues: cues, reach: reach}
}

// TestCueInLikeScan compares cueIn, by its scan or by cueSearch, with a
// test of every cue, for a few cues and many.
func TestCueInLikeScan(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for k := 0; k < 3000; k++ {
		var cues []int
		top := 70
		if k%2 == 0 {
			top = 64
		}
		for c := 0; c < top; c++ {
			if rng.Intn(12) == 0 {
				cues = append(cues, c)
			}
		}
		if k%5 == 0 {
			cues = cues[:min(len(cues), 2)]
		}
		n := newNear(cues, nil)
		for a := -2; a < 72; a++ {
			for b := a - 2; b < 75; b++ {
				want := slices.ContainsFunc(cues, func(c int) bool { return a <= c && c <= b })
				if got := n.cueIn(a, b); got != want {
					t.Fatalf("cues %v: cueIn(%d, %d) = %v, want %v", cues, a, b, got, want)
				}
			}
		}
	}
}

// tilesSlow is tiles as it was before its mask and filter: every offset
// marked in an array, every atom tried at each.
func (m *matcher) tilesSlow(n *near, fill []*item, gap, e int) bool {
	var at [64]bool
	if fill == nil || gap >= len(at) {
		return true
	}
	at[0] = true
	reach := 0
	for d := 0; d <= reach; d++ {
		if !at[d] {
			continue
		}
		p := e + d
		if n.cueIn(p, p) {
			return true
		}
		for _, a := range fill {
			k := 0 // the tokens the atom matches at p (a list its longest entry)
			if a.op == opList && a.list != nil && m.mayList(a.list, p) {
				k = m.rs.ListAt(a.list, m.toks, p)
			} else if a.op != opList && m.atomAt(a, p) {
				k = max(1, len(a.lit))
			}
			if k > 0 && d+k <= gap {
				at[d+k] = true
				reach = max(reach, d+k)
			}
		}
	}
	return false
}

// TestTilesLikeSlow compares tiles (its mask and start filter) with
// tilesSlow for the fills and lead atoms of the default rules, from every
// token of random sentences.
func TestTilesLikeSlow(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words, rng := gateWords(), rand.New(rand.NewSource(23))
	tried, held := 0, 0
	for _, r := range rs.Attribution {
		reach := r.CueReach()
		type atoms struct {
			fill []*item
			f    *startFilter
			gap  int
		}
		var all []atoms
		if reach.fill != nil {
			all = append(all, atoms{reach.fill, &reach.fillStart, reach.Gap})
		}
		if pv := reach.pivot; pv != nil {
			all = append(all, atoms{pv.lead, &pv.leadStart, pv.off})
		}
		if len(all) == 0 {
			continue
		}
		set := rs.NewListSet(r.CueLists())
		for k := 0; k < 300; k++ {
			toks, parts := randomSentence(rs, rng, words, 3+rng.Intn(30))
			w := testWindow(rs, toks)
			n := newNear(cuesAt(set, toks), &reach)
			for _, a := range all {
				for e := 0; e <= len(toks); e++ {
					want := w.m.tilesSlow(n, a.fill, a.gap, e)
					if got := w.m.tiles(n, a.fill, a.f, a.gap, e); got != want {
						t.Fatalf("rule %s on %v from %d: tiles %v, slow %v", r.ID, parts, e, got, want)
					}
					tried++
					if want {
						held++
					}
				}
			}
		}
	}
	someOfBoth(t, held, tried)
}

// TestPivotHoldsLikeSlow compares pivotHolds (the masks of a mark,
// the speaker path apart) with pivotHoldsSlow, its loops before them,
// for every pivot of the default rules on random sentences, short and
// longer than 64 tokens.
func TestPivotHoldsLikeSlow(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words, rng := gateWords(), rand.New(rand.NewSource(29))
	tried, held := 0, 0
	for _, r := range rs.Attribution {
		reach := r.CueReach()
		pv := reach.pivot
		if !r.Reported() || pv == nil || pv.leadOnly() {
			continue
		}
		set := rs.NewListSet(r.CueLists())
		for k := 0; k < 400; k++ {
			toks, parts := randomSentence(rs, rng, words, 3+rng.Intn(80))
			cues := cuesAt(set, toks)
			want := testWindow(rs, toks).m.pivotHoldsSlow(newNear(cues, &reach), pv)
			if got := testWindow(rs, toks).pivotHolds(newNear(cues, &reach)); got != want {
				t.Fatalf("rule %s on %v (cues %v): pivotHolds %v, slow %v", r.ID, parts, cues, got, want)
			}
			tried++
			if want {
				held++
			}
		}
	}
	someOfBoth(t, held, tried)
}

// TestMarksOfLikeScan compares marksOf with a scan of the tokens, for
// two marks asked in turn of the same window.
func TestMarksOfLikeScan(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "he", ",", ":", ".", "Q:quote", "–", "the", "(", ")"}
	rng := rand.New(rand.NewSource(17))
	for n := 0; n < 300; n++ {
		toks, parts := randomSentence(rs, rng, words, 1+rng.Intn(64))
		w := testWindow(rs, toks)
		for _, mark := range []string{",", ":", ",", ")", ","} {
			var want uint64
			for i := range toks {
				if toks[i].Kind == Punct && toks[i].Text == mark {
					want |= 1 << i
				}
			}
			if got := w.m.marksOf(mark); got != want {
				t.Fatalf("%v: marksOf(%q) %b, want %b", parts, mark, got, want)
			}
		}
	}
}

// pivotHoldsSlow is pivotHolds as it was before the masks of a mark:
// every position tried, the mark told by its token.
func (m *matcher) pivotHoldsSlow(n *near, pv *pivot) bool {
	if pv.speaker == nil {
		// a pivot of one punctuation mark ends only at the window's
		// punctuation tokens (at, in a window of up to 64 tokens)
		at := ^uint64(0)
		if pv.punct != "" && len(m.toks) <= 64 {
			at = m.punctAt()
		}
		// what holds at a position does not depend on the cue it is
		// tried for: the positions that the cue before tried are not tried
		// again (the cues are sorted)
		toks, rs, f, low := m.toks, m.rs, &pv.mayEnd, pv.minAt+1
		if f.words(rs) {
			return m.pivotScanHolds(n, pv) // (a filter of words: no mask)
		}
		for _, c := range n.cues {
			for s := c; s >= max(c-pv.off, low); s-- {
				if at&(1<<((s-1)&63)) != 0 && f.mayEndAt(rs, &toks[s-1]) && m.endsAt(pv.before, s) && m.tiles(n, pv.lead, &pv.leadStart, pv.off, s) {
					return true
				}
			}
			low = max(low, c+1)
		}
		return false
	}
	if len(n.cues) == 0 {
		return false
	}
	// the speaker phrase from s ends before a cue at s+1 to
	// s+maxSpeakerSpan+off: cues[k] is the first after s
	// (before the first cue's reach, no start s can end before one)
	k := 0
	// a pivot of one punctuation mark: only the positions after the
	// window's marks (in a window of up to 64 tokens)
	step, at := 1, uint64(0)
	if pv.punct != "" && len(m.toks) <= 64 {
		step, at = 0, m.punctAt()
	}
	for s := nextAfter(at, step, max(pv.minAt+1, n.cues[0]-maxSpeakerSpan-pv.off)-1, len(m.toks)); s < len(m.toks); s = nextAfter(at, step, s, len(m.toks)) {
		for k < len(n.cues) && n.cues[k] <= s {
			k++
		}
		if k == len(n.cues) {
			break
		}
		if t := &m.toks[s-1]; pv.punct != "" && (t.Kind != Punct || t.Text != pv.punct) {
			continue // not the one punctuation mark of before
		}
		// (the one mark of pv.punct, told above, is what endsAt and its
		// filter would tell)
		if n.cues[k] > s+maxSpeakerSpan+pv.off || pv.punct == "" && (!pv.mayEnd.mayEndAt(m.rs, &m.toks[s-1]) || !m.endsAt(pv.before, s)) {
			continue
		}
		for _, sp := range m.phrasesAt(s) {
			if e := sp.Span.End; pv.speaker.admits(sp.Type) && (!pv.speaker.subject || m.rs.subjectAt(m.toks, s, sp.Type)) && n.cueIn(e, e+pv.off) && m.tiles(n, pv.lead, &pv.leadStart, pv.off, e) {
				return true
			}
		}
	}
	return false
}

// nextAfter returns the start after s that pivotHoldsSlow tries next: s+1
// when step is 1, else one past the first position of at from s on (n when
// there is none).
func nextAfter(at uint64, step, s, n int) int {
	if step == 1 {
		return s + 1
	}
	if b := at &^ (1<<s - 1); b != 0 {
		return bits.TrailingZeros64(b) + 1
	}
	return n
}

// quoteWordsSlow is quoteWords by a test per byte, as it was.
func quoteWordsSlow(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', '\t', '\r':
			in = false
		default:
			if !in {
				in = true
				n++
			}
		}
	}
	return n
}

// TestQuoteWordsLikeSlow compares quoteWords with quoteWordsSlow on
// random strings of every byte, spaces frequent.
func TestQuoteWordsLikeSlow(t *testing.T) {
	rng := rand.New(rand.NewSource(37))
	for _, s := range []string{"", " ", "a", " a ", "“He said so,” he", "a\tb\nc\rd  e", "\x00\x20\x09\x0a\x0d\x40\x60\x80\xa0\xc9\xca\xcd\xe0"} {
		if got, want := quoteWords(s), quoteWordsSlow(s); got != want {
			t.Fatalf("%q: quoteWords %d, want %d", s, got, want)
		}
	}
	for k := 0; k < 20000; k++ {
		b := make([]byte, rng.Intn(40))
		for i := range b {
			switch rng.Intn(4) {
			case 0:
				b[i] = " \n\t\r"[rng.Intn(4)]
			default:
				b[i] = byte(rng.Intn(256))
			}
		}
		if got, want := quoteWords(string(b)), quoteWordsSlow(string(b)); got != want {
			t.Fatalf("%q: quoteWords %d, want %d", b, got, want)
		}
	}
}

// TestContentBeforeLikeCount compares the gate of CueReach.content in
// MatchNearTo, by the window's contentBefore, with a count of the words
// after the first cue (the gate before contentBefore), at every first
// cue of random sentences, asked twice (the second from the memo).
func TestContentBeforeLikeCount(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words, rng := gateWords(), rand.New(rand.NewSource(31))
	tried, held := 0, 0
	for k := 0; k < 2000; k++ {
		toks, parts := randomSentence(rs, rng, words, rng.Intn(12))
		w := testWindow(rs, toks)
		for pass := 0; pass < 2; pass++ {
			for c := 0; c <= len(toks); c++ {
				words := 0
				for p := c + 1; p < len(toks); p++ {
					if toks[p].Kind == Word {
						words++
					}
				}
				want := words >= minClauseWords
				if got := c < w.contentBefore(); got != want {
					t.Fatalf("%v: content after %d %v, want %v", parts, c, got, want)
				}
				tried++
				if want {
					held++
				}
			}
		}
	}
	someOfBoth(t, held, tried)
}
