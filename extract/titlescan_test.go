package extract

import (
	"math/rand"
	"strings"
	"testing"
)

// TestByTitleScanLikeIndex compares byTitleScan with byTitle's look-up in
// the head index (newHeadIndex), on random entity tables: titles of
// random words in random case (prepositions, non-ASCII words, words that
// hold others), entities that no mention names, every head at offsets
// before, between and after the mentions.
func TestByTitleScanLikeIndex(t *testing.T) {
	prep := func(w string) bool { return w == "of" || w == "for" || w == "de" }
	words := []string{"president", "President", "PRESIDENT", "vice", "Vice", "of", "Of", "for", "the", "US",
		"Russian", "minister", "Minister", "prime", "foreign", "ministers", "spokesman", "spokeswoman",
		"man", "de", "Ministre", "Économie", "Премьер-МИНИСТР", "министр", "İMAM", "imam", "chief", "Chief",
		"executive", "", " ", "press", "secretary", "Secretary-General", "general"}
	heads := []string{"president", "minister", "spokesman", "man", "imam", "i̇mam", "министр", "премьер-министр",
		"secretary", "executive", "vice", "of", "the", "économie", "secretary-general", "general", "s", "nobody"}
	rng := rand.New(rand.NewSource(13))
	title := func() string {
		n := 1 + rng.Intn(4)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[rng.Intn(len(words))]
		}
		return strings.Join(ws, " ")
	}
	for round := 0; round < 150; round++ {
		var ents []*entity
		for i := rng.Intn(25); i >= 0; i-- {
			e := &entity{}
			if rng.Intn(3) > 0 {
				for j := rng.Intn(3); j >= 0; j-- {
					e.titles = append(e.titles, title())
				}
			}
			ents = append(ents, e)
		}
		es := &entities{list: ents}
		start := 0
		for i := rng.Intn(60); i >= 0; i-- {
			e := ents[rng.Intn(len(ents))]
			start += rng.Intn(3) * 10 // (equal starts too)
			es.mentions = append(es.mentions, nameMention{start: start, end: start + 5, ent: e})
		}
		for _, h := range heads {
			for at := -5; at <= start+15; at += 5 {
				got := byTitleScan(es, h, at, prep)
				if want := byIndex(es, h, at, prep); got != want {
					t.Fatalf("round %d: head %q at %d: byTitleScan %v, the index %v", round, h, at, got, want)
				}
			}
		}
	}
}

// byIndex is byTitle's look-up in the head index, made afresh.
func byIndex(es *entities, head string, at int, prep func(string) bool) (last *entity) {
	for _, e := range es.list {
		e.headed, e.heads = false, nil
	}
	for _, m := range es.mentions {
		m.ent.headed, m.ent.heads = false, nil
	}
	// the last of them before at, else the first (the mentions are in
	// order)
	var first *entity
	for _, i := range newHeadIndex(es.mentions, es.list, prep).of(head) {
		m := es.mentions[i]
		if m.start >= at {
			if first == nil {
				first = m.ent
			}
			continue
		}
		last = m.ent
	}
	if last != nil {
		return last
	}
	return first
}

// TestFoldHolds compares foldHolds with strings.Contains on the lowered
// string.
func TestFoldHolds(t *testing.T) {
	for _, c := range []struct{ s, sub string }{
		{"US President", "president"}, {"US President", "us"}, {"Vice-PRESIDENT", "president"},
		{"Pres", "president"}, {"", "a"}, {"abc", "b"}, {"ABC", "abc"}, {"x  ABC\t", "abc"}, {"aBc", "bd"}, {"[@`{", "{"},
		{"Z@", "z`"}, {"spokesman", "man"}, {"MAN", "man"}, {"ma", "man"}, {"mMaAN", "man"}, {"aaB", "ab"},
	} {
		if got, want := foldHolds(c.s, c.sub), strings.Contains(strings.ToLower(c.s), c.sub); got != want {
			t.Errorf("foldHolds(%q, %q) = %v, want %v", c.s, c.sub, got, want)
		}
	}
	rng := rand.New(rand.NewSource(7))
	pick := func(n int, abc string) string {
		b := make([]byte, rng.Intn(n))
		for i := range b {
			b[i] = abc[rng.Intn(len(abc))]
		}
		return string(b)
	}
	for range 100000 { // (s up to 11 bytes, and longer ones below)
		s, sub := pick(12, "aAbBmM @`[{z\t\r"), pick(4, "abm@`[{z ")
		if got, want := foldHolds(s, sub), strings.Contains(strings.ToLower(s), sub); got != want {
			t.Fatalf("foldHolds(%q, %q) = %v, want %v", s, sub, got, want)
		}
	}
}
