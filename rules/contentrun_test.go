package rules

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestClauseLikeEndsList checks that clause, which finds the run of the
// content once (contentRun, remembered by where it opens) and walks its
// ends back from the longest, calls its continuation with the ends, in
// the order and with the steps, of the list of every end that it made
// before (clauseEndsList), on random sentences, classified and not, with
// and without a quotation, each punctuation to follow, and PolNeAR's.
func TestClauseLikeEndsList(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"and", "said", "but", "added", "while", "saying", "at", "a", "rally", "on", "the",
		"condition", "he", "He", "Smith", "Jones", "was", "not", "has", "zebra", ",", ",", ";", ".", "?", "!",
		":", ")", "(", "Q:“Yes.”", "Q:“No, not at all,”", "Q:quote", "which", "in", "of", "because", "press",
		"conference", "pointed", "to", "out", "The", "plan", "would", "close", "bridge", "that"}
	var sents [][]string
	rng := rand.New(rand.NewSource(14))
	for range 1500 {
		parts := make([]string, 1+rng.Intn(28))
		for i := range parts {
			parts[i] = words[rng.Intn(len(words))]
		}
		sents = append(sents, parts)
	}
	sents = append(sents, evalSentences(t, 300)...)
	calls := 0
	for _, parts := range sents {
		for _, classify := range []bool{true, false} {
			toks, _ := sentence(parts...)
			for i := range toks {
				if toks[i].Text == ")" || toks[i].Text == "(" {
					toks[i].Kind = Punct
				}
			}
			if classify {
				rs.ClassifyAll(toks)
			}
			quotes := []int{-1}
			for i, tk := range toks {
				if tk.Kind == QuoteT {
					quotes = append(quotes, i)
				}
			}
			for _, quote := range quotes {
				w := rs.NewWindow(toks)
				for pos := range toks {
					for _, strict := range []bool{false, true} {
						for _, follow := range []string{"", ",", "."} {
							want, wantSteps := clauseEndsList(w, quote, strict, pos, follow)
							m := &w.m
							m.Window, m.quote, m.steps, m.limit, m.caps = w, quote, 0, maxSteps, m.caps[:0]
							var got []string
							ok := m.clause(strict, pos, follow, func(p int) bool {
								var c Span // the latest binding of the content
								for i := len(m.caps) - 1; i >= 0; i-- {
									if m.caps[i].name == contentCapture {
										c = m.caps[i].span
										break
									}
								}
								got = append(got, fmt.Sprint(c, p))
								return false
							})
							if ok || !slices.Equal(got, want) || m.steps != wantSteps || len(m.caps) != 0 {
								t.Fatalf("clause(%q, quote %d, strict %v, pos %d, follow %q) = %v, %v after %d steps, want %v after %d",
									strings.Join(parts, " "), quote, strict, pos, follow, ok, got, m.steps, want, wantSteps)
							}
							calls += len(got)
						}
					}
				}
			}
		}
	}
	if calls == 0 {
		t.Error("no end of content tried")
	}
}

// clauseEndsList is what clause did before contentRun: the list of every
// possible end of the content from pos, made in one pass, then tried from
// the longest; it returns the ends passed on (the content's span and the
// position) and the steps counted.
func clauseEndsList(w *Window, quote int, strict bool, pos int, follow string) ([]string, int) {
	m := &matcher{Window: w, quote: quote, limit: maxSteps}
	toks := m.toks
	if !m.clauseStart(pos) {
		return nil, 0
	}
	last := len(toks)
	for last > pos && toks[last-1].Kind == Punct && !isCloser(toks[last-1].Text) {
		last--
	}
	var ends []int
	out, in := 0, 0
	for j := pos; j < last; j++ {
		t := &toks[j]
		if j > pos && (m.clauseBreakOne(j) || firstFrontedComma(m, pos, j)) {
			break
		}
		switch t.Kind {
		case Word:
			out++
		case QuoteT:
			if j == m.quote {
				j = last
				continue
			}
			in += quoteWords(t.Text)
		}
		if out >= minClauseWords && (!strict || out > in) && (t.Kind == Word || t.Kind == QuoteT || isCloser(t.Text)) && !inName(toks, j) {
			ends = append(ends, j+1)
		}
	}
	var got []string
	steps := 0
	for i := len(ends) - 1; i >= 0; i-- {
		end := ends[i]
		next := end
		if end == last {
			next = len(toks)
		}
		tryNext, tryEnd := true, next != end
		if follow != "" {
			tryNext = next < len(toks) && toks[next].Kind == Punct && toks[next].Text == follow
			tryEnd = tryEnd && toks[end].Kind == Punct && toks[end].Text == follow
			if !tryNext && !tryEnd {
				continue
			}
		}
		steps++
		c := Span{pos, end}
		if tryNext {
			got = append(got, fmt.Sprint(c, next))
		}
		if tryEnd {
			got = append(got, fmt.Sprint(c, end))
		}
	}
	return got, steps
}

// firstFrontedComma reports whether toks[j] is the first comma between
// clauses after pos of a clause that opens with a word of the
// fronted_subordinators list, at the start of the window or after a comma
// between clauses, before pos: told over the whole window.
func firstFrontedComma(m *matcher, pos, j int) bool {
	toks := m.toks
	l := m.rs.Lists[listFrontedSubordinators]
	comma := func(k int) bool {
		return toks[k].Kind == Punct && toks[k].Text == "," && (k+1 == len(toks) || toks[k+1].Start > toks[k].End)
	}
	open := -1 // the clause's first word
	for k := 0; k <= pos; k++ {
		if k == 0 || comma(k-1) {
			open = k
		}
	}
	if l == nil || open == pos || toks[open].Kind != Word || !l.Has(toks[open].Lower) {
		return false
	}
	for k := pos; k < len(toks); k++ {
		if comma(k) {
			return k == j
		}
	}
	return false
}
