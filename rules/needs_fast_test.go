package rules

import (
	"math/bits"
	"math/rand"
	"testing"
)

// fastWords are the words of the random sentences of the tests of the
// fast paths below: the rules' lists and literals, phrase starts
// (according, point), capitals, marks, a dash and a quotation.
var fastWords = []string{"said", "told", "reporters", "he", "The", "official", "Smith", "according", "to", "as",
	"who", "has", "on", "Friday", "that", "it", "was", "were", "announced", "and", "but", "saying", "warned",
	"asked", "whether", "when", "by", "percent", "about", "point", "out", "his", "their", "’s", "'s",
	",", ",", ":", ".", ";", "Q:quote", "–", "CNN", "which", "added", "while", "before", "after", "once"}

// TestTellSummaryLikeTellFact: each fact that tellSummary tells from the
// window's summary is what tellFact finds for it in a fresh window, and
// NeedsFail is the rules whose facts of one term hold a fact known to
// fail (the loop it replaces), before and after NeedsHold tells more.
func TestTellSummaryLikeTellFact(t *testing.T) {
	rs, all, reported := patternRules(t)
	rng := rand.New(rand.NewSource(5))
	for _, rules := range [][]*AttrRule{reported, all} {
		ns := NewNeeds(rules)
		if ns.sum.lists == 0 || len(ns.sum.puncts) == 0 {
			t.Fatalf("no facts told by the summary (%d rules)", len(rules))
		}
		told := 0
		for n := 0; n < 400; n++ {
			toks, parts := randomSentence(rs, rng, fastWords, 1+rng.Intn(80))
			w := rs.NewWindow(toks)
			w.tellSummary(ns)
			told += bits.OnesCount64(w.known)
			for i := range ns.facts {
				if w.known&(1<<i) == 0 {
					continue
				}
				ref := rs.NewWindow(toks)
				ref.needs = ns
				if got, want := w.holds&(1<<i) != 0, ref.tellFact(ns, i); got != want {
					t.Fatalf("fact %d (op %d) on %v: told %v by the summary, %v by tellFact", i, ns.facts[i].op, parts, got, want)
				}
			}
			for ri, r := range rules {
				if got, want := w.NeedsFail(ns), failLoop(w, ns); got != want {
					t.Fatalf("on %v: NeedsFail %x, the failed facts' rules %x", parts, got, want)
				}
				w.NeedsHold(ns, ri, r)
			}
		}
		if told == 0 {
			t.Fatal("no fact told")
		}
	}
}

// patternRules returns the default ruleset, its attribution rules with a
// pattern, and those of them of reported speech.
func patternRules(t *testing.T) (rs *Ruleset, all, reported []*AttrRule) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Attribution {
		if r.Pattern != nil {
			all = append(all, r)
			if r.Reported() {
				reported = append(reported, r)
			}
		}
	}
	return rs, all, reported
}

// failLoop is NeedsFail as it was: the rules of byFact of every fact
// known to fail.
func failLoop(w *Window, ns *Needs) uint64 {
	var fail uint64
	for f := w.known &^ w.holds; f != 0; f &= f - 1 {
		fail |= ns.byFact[bits.TrailingZeros64(f)]
	}
	return fail
}

// TestSummarizeLikeLong: summarize, without a branch on the phrase starts
// and kinds, makes the summary that the loop with a branch on each
// (summarizeLong) makes, with the positions of the phrase starts, for
// windows of up to 64 tokens, classified or not; longer ones take the
// loop itself. hasCap, looked for on first use, finds a capitalised word
// where one is.
func TestSummarizeLikeLong(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(9))
	for n := 0; n < 600; n++ {
		toks, parts := randomSentence(rs, rng, fastWords, rng.Intn(72))
		if n%5 == 0 {
			for i := range toks {
				toks[i].class = 0 // unclassified: rs.cls tells
			}
		}
		if n%7 == 0 && len(toks) > 0 {
			toks[0].Kind, toks[0].Cap = QuoteT, true // a capital that is no word's
		}
		w, ref := rs.NewWindow(toks), rs.NewWindow(toks)
		got := *w.summarize()
		ref.classes = summarizeLong(&ref.kinds, rs, toks)
		want := ref.kinds
		var startAt uint64
		for i := range toks {
			if i < 64 && len(toks) <= 64 && rs.cls(&toks[i])&classPhraseStart != 0 {
				startAt |= 1 << i
			}
		}
		want.startAt = startAt
		if len(toks) <= 64 { // (the position of the last words, kept too)
			want.wordsEnd = int32(ref.contentBefore()) + 2
		}
		if got != want || w.classes != ref.classes {
			t.Fatalf("on %v: summarize %+v (classes %x), the loop %+v (%x)", parts, got, w.classes, want, ref.classes)
		}
		capital := false
		for i := range toks {
			capital = capital || toks[i].Kind == Word && toks[i].Cap
		}
		if w.hasCap() != capital || ref.hasCap() != capital {
			t.Fatalf("on %v: hasCap %v, %v after the loop; a capitalised word: %v", parts, w.hasCap(), ref.hasCap(), capital)
		}
	}
}

// TestLitOccursLikeAtomAt: litOccurs, which passes over a token by its
// class, says what atomAt says at some position, for the literals of
// the rules and others, in windows classified or not.
func TestLitOccursLikeAtomAt(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var lits []*item
	for _, r := range rs.Attribution {
		if r.Pattern == nil {
			continue
		}
		for _, f := range NewNeeds([]*AttrRule{r}).facts {
			if f.op == opLit {
				lits = append(lits, f)
			}
		}
	}
	for _, words := range [][]string{{"point", "out"}, {"said"}, {"smith"}, {"according", "to"}, {"."}} {
		lits = append(lits, &item{op: opLit, lit: words, min: 1, max: 1})
	}
	rng := rand.New(rand.NewSource(13))
	for n := 0; n < 300; n++ {
		toks, parts := randomSentence(rs, rng, fastWords, rng.Intn(80))
		if n%4 == 0 {
			for i := range toks {
				toks[i].class = 0
			}
		}
		w := rs.NewWindow(toks)
		m := &w.m
		m.Window, m.quote = w, -1
		for _, it := range lits {
			want := false
			for pos := range toks {
				want = want || m.atomAt(it, pos)
			}
			if got := m.litOccurs(it); got != want {
				t.Fatalf("%q on %v: litOccurs %v, atomAt %v", it.lit, parts, got, want)
			}
		}
	}
}

// TestNeedsKnownLikeNeedsHold: where NeedsKnown reports true (before and
// after NeedsHold tells more facts), NeedsHold reports true and changes
// nothing in the window; the needs of reported speech tell the memo of
// possible patterns for the rules without cue lists only.
func TestNeedsKnownLikeNeedsHold(t *testing.T) {
	rs, all, reported := patternRules(t)
	rng := rand.New(rand.NewSource(11))
	for _, c := range []struct {
		ns    *Needs
		rules []*AttrRule
	}{{NewNeeds(reported), reported}, {NewNeeds(all), all}, {NewQuoteNeeds(all), all}} {
		known, tells := 0, 0
		for ri, r := range c.rules {
			rn := &c.ns.rules[ri]
			if !c.ns.quote && rn.tells && len(r.CueLists()) > 0 {
				t.Fatalf("%s: the need of a rule with cue lists tells the memo", r.ID)
			}
			if rn.tells {
				tells++
			}
		}
		if tells == 0 {
			t.Fatal("no need tells the memo")
		}
		for n := 0; n < 300; n++ {
			toks, parts := randomSentence(rs, rng, fastWords, 1+rng.Intn(60))
			w := rs.NewWindow(toks)
			for _, ri := range rng.Perm(len(c.rules)) {
				if !w.NeedsKnown(c.ns, ri) {
					w.NeedsHold(c.ns, ri, c.rules[ri])
					continue
				}
				known++
				k, h, f, pt, pq := w.known, w.holds, w.fail, w.possTold, w.possQuote
				if !w.NeedsHold(c.ns, ri, c.rules[ri]) {
					t.Fatalf("%s on %v: known to hold, NeedsHold false", c.rules[ri].ID, parts)
				}
				if w.known != k || w.holds != h || w.fail != f || w.possTold != pt || w.possQuote != pq {
					t.Fatalf("%s on %v: known to hold, NeedsHold told more", c.rules[ri].ID, parts)
				}
			}
		}
		if known == 0 {
			t.Fatal("no need known to hold")
		}
	}
}
