package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestOneStepsLikeEach compares fillSteps, which tells a short filter's
// atoms at once, with eachSteps, the atoms one by one, at every token
// of random sentences of the atoms' words (the words of their lists'
// phrases too, with capitals), for the fill of each rule and the lead of
// each pivot, in every language pack.
func TestOneStepsLikeEach(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	base := strings.Fields("the a he she Smith Jane Doe said told that it was , , . : ; ( ) – “ ” of in to on at last " +
		"week Friday has been had also could not would say at one point recent days in the past")
	sets := []*Ruleset{rs}
	for _, code := range DefaultPacks() {
		if prs := rs.ForLang(code); prs != nil {
			sets = append(sets, prs)
		}
	}
	short, told := 0, 0
	for _, rs := range sets {
		type fillOf struct {
			id    string
			atoms []*item
			f     *startFilter
		}
		var fills []fillOf
		for _, r := range rs.Attribution {
			if !r.Reported() || r.Pattern == nil {
				continue
			}
			rc := r.CueReach()
			if rc.fill != nil {
				fills = append(fills, fillOf{r.ID, rc.fill, &rc.fillStart})
			}
			if pv := rc.pivot; pv != nil && pv.lead != nil {
				fills = append(fills, fillOf{r.ID + " (pivot)", pv.lead, &pv.leadStart})
			}
		}
		for _, fl := range fills {
			if fl.f.short {
				short++
			}
			words := slices.Clone(base)
			for _, a := range fl.atoms {
				switch a.op {
				case opList:
					if a.list == nil {
						continue
					}
					for _, form := range a.list.Forms() {
						for _, w := range strings.Fields(form) {
							words = append(words, w, strings.ToUpper(w[:1])+w[1:])
						}
					}
				case opLit:
					words = append(words, a.lit...)
				case opPunct:
					words = append(words, a.punct)
				}
			}
			rng := rand.New(rand.NewSource(int64(len(words))))
			for range 400 {
				toks, parts := randomSentence(rs, rng, words, 2+rng.Intn(12))
				w := rs.NewWindow(toks)
				m := &w.m
				m.Window = w
				for p := 0; p <= len(toks); p++ {
					want := uint64(0)
					if p < len(toks) && fl.f.mayStart(rs, &toks[p]) {
						want = m.eachSteps(fl.atoms, p)
					}
					if got := m.fillSteps(fl.atoms, fl.f, p); got != want {
						t.Fatalf("%s: %s, fill of %s at %d: fillSteps = %b, the atoms one by one %b", rs.Lang(), strings.Join(parts, " "), fl.id, p, got, want)
					}
					if want != 0 {
						told++
					}
				}
			}
		}
	}
	if short == 0 || told == 0 {
		t.Errorf("%d short filters, %d tokens with a match: the test tests nothing", short, told)
	}
}
