package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"
)

// maskTexts returns the texts of the mask's tests: the seed's, the first
// PolNeAR train texts (rowsCorpus), the shipped articles and pages, and
// documents of random sentences made of cue words, names, punctuation
// and content words (cues first, last and next to each other).
func maskTexts(t *testing.T) []string {
	t.Helper()
	texts := rowsCorpus(t)
	for _, pat := range []string{"../testdata/articles/*.txt", "../testdata/pages/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	words := []string{"said", "says", "told", "asked", "according", "to", "argued", "that", "claimed",
		"the", "mayor", "Jane", "Doe", "he", "she", "was", "reporters", "bridge", "would", "close",
		"on", "Tuesday", "when", "statement", "spokesman", "added", "noted", "in", "a", "and", "but",
		",", ",", ".", ":", "“", "”", "(", ")", "—", "insisted", "suggested", "believes", "saying"}
	rng := rand.New(rand.NewSource(20))
	for range 40 {
		var b strings.Builder
		for range 30 {
			n := 1 + rng.Intn(24)
			for k := range n {
				if k > 0 {
					b.WriteByte(' ')
				}
				w := words[rng.Intn(len(words))]
				if k == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w)
			}
			b.WriteString(". ")
			if rng.Intn(5) == 0 {
				b.WriteString("\n\n")
			}
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestNearMaskLikeAttempts checks the first searches' rules cleared by
// cue set (nearMask.fails) against the gates of attempt and MatchNearTo
// that they stand for, rule by rule: each cleared rule is one that those
// gates reject (and whose attempt misses), on the default rules over real
// and random sentences; and that the mask clears most of the rules those
// gates reject.
func TestNearMaskLikeAttempts(t *testing.T) {
	x := New(defaultExtractor(t).rules, Options{Reported: true})
	g := x.gates()
	cleared, rejected := 0, 0
	for ti, text := range maskTexts(t) {
		c, _, low := x.clean(text, false)
		a := x.analyze(c, low)
		early := &a.sc.report.early
		for si := 0; si < a.nsents && early.ok; si++ {
			sp := early.sents[si]
			if sp.lo < 0 || sp.lo == sp.hi {
				continue
			}
			toks, hits, w := a.toks(si), early.all[sp.lo:sp.hi], a.window(si)
			try := g.mayTry(presentIn(hits, 0, len(toks)))
			fail := g.mask.fails(hits, try, w)
			if fail&^try != 0 {
				t.Fatalf("text %d sentence %d: cleared %b, not asked (%b)", ti, si, fail&^try, try)
			}
			var cues cueScratch
			cues.reset(hits, 0, len(toks))
			s := search{w: w, g: g, cues: &cues, from: 0, to: len(toks), before: len(toks)}
			for ri := range g.rules {
				e := &g.each[ri]
				if try>>ri&1 == 0 || e.need == 0 {
					continue
				}
				// the gates as attempt and MatchNearTo tell them
				set := cues.of(e.cueSet, e.need)
				lo, maxLo := e.firstStart(0, set.f, true)
				rej := set.f < 0 || lo > maxLo || min(set.l, len(toks)-1) < lo ||
					set.cs[len(set.cs)-1] < max(lo, 0)+e.reach.MinLead() ||
					e.reach.ContentAfter() && set.cs[0] >= w.ContentBefore()
				if rej {
					rejected++
				}
				if fail>>ri&1 == 0 {
					continue
				}
				cleared++
				if !rej {
					t.Fatalf("text %d sentence %d: rule %s cleared, its gates pass (cues %v)", ti, si, g.rules[ri].ID, set.cs)
				}
				if _, res := s.attempt(ri, true, &new(statement).match); res == attemptMatched {
					t.Fatalf("text %d sentence %d: rule %s cleared, it matches", ti, si, g.rules[ri].ID)
				}
			}
		}
		x.release(a)
	}
	if cleared < rejected*3/4 || cleared == 0 {
		t.Errorf("the mask cleared %d of the %d rules that the gates reject, want three quarters or more", cleared, rejected)
	}
	t.Logf("cleared %d of %d rejected", cleared, rejected)
}

// TestMaskedFirstSearchesLikeReportIn compares the first searches run rule
// by rule with the cleared rules left out (firstSearches) with reportIn's
// search of each sentence from its start, statement by statement: found
// or not, the rule, the match's span and the content.
func TestMaskedFirstSearchesLikeReportIn(t *testing.T) {
	x := New(defaultExtractor(t).rules, Options{Reported: true})
	g := x.gates()
	found := 0
	for ti, text := range maskTexts(t) {
		c, _, low := x.clean(text, false)
		a := x.analyze(c, low)
		early := &a.sc.report.early
		var batch []firstSearch
		for li := 0; early.ok; li += len(batch) {
			var done uint64
			batch, done = x.nextBatch(a, g, early, li, batch[:0])
			if len(batch) == 0 {
				break
			}
			for i := range batch {
				f := &batch[i]
				if done>>i&1 != 0 != f.ok {
					t.Fatalf("text %d sentence %d: ok %v, but bit %d of the batch's mask %x", ti, f.si, f.ok, i, done)
				}
				var st statement
				var cues cueScratch
				ok := x.reportIn(f.s.w, g, f.hits, &cues, f.toks, 0, len(f.toks), len(f.toks), allRules, &st)
				if ok != f.ok || ok && (st.rule != f.st.rule || st.content != f.st.content || st.match.Span != f.st.match.Span) {
					t.Fatalf("text %d sentence %d: batched %v rule %d content %v span %v, reportIn %v rule %d content %v span %v",
						ti, f.si, f.ok, f.st.rule, f.st.content, f.st.match.Span, ok, st.rule, st.content, st.match.Span)
				}
				if ok {
					found++
				}
			}
		}
		x.release(a)
	}
	if found < 100 {
		t.Errorf("%d statements found, want 100 or more", found)
	}
}

// TestFirstSearchLines checks that a firstSearch is a whole number of
// cache lines long, so that each of a batch starts a line.
func TestFirstSearchLines(t *testing.T) {
	if n := unsafe.Sizeof(firstSearch{}); n%64 != 0 {
		t.Errorf("a firstSearch is %d bytes, not a multiple of 64", n)
	}
}
