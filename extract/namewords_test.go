package extract

import (
	"slices"
	"testing"
)

// TestEntityArena checks that what the arena hands out stays apart: kept
// words are copies with no room to append into the next copy, and a key's
// one-entity slice grows into a copy, not over the next key's entity.
func TestEntityArena(t *testing.T) {
	var ar entityArena
	buf := []string{"Jane", "Doe"}
	a := ar.keep(buf)
	b := ar.keep([]string{"Bob"})
	buf[0] = "changed"
	if !slices.Equal(a, []string{"Jane", "Doe"}) || cap(a) != len(a) {
		t.Errorf("keep = %q (cap %d), want a copy of [Jane Doe] with no room", a, cap(a))
	}
	_ = append(a, "Smith")
	if !slices.Equal(b, []string{"Bob"}) {
		t.Errorf("an append to one copy changed the next: %q", b)
	}
	for _, n := range []int{3, arenaMax + 5} { // a chunk filled, a name longer than a chunk
		ws := make([]string, n)
		if got := ar.keep(ws); len(got) != n {
			t.Errorf("keep of %d words gave %d", n, len(got))
		}
	}
	e1, e2, e3 := ar.newEntity(), ar.newEntity(), ar.newEntity()
	if e1 == e2 || e2 == e3 {
		t.Fatal("newEntity gave one entity twice")
	}
	k1 := ar.add(nil, e1)
	k2 := ar.add(nil, e2)
	k1 = ar.add(k1, e3)
	if len(k1) != 2 || k1[0] != e1 || k1[1] != e3 || len(k2) != 1 || k2[0] != e2 {
		t.Errorf("add: key one %v, key two %v", k1, k2)
	}
	for i := 0; i < 3*arenaMax; i++ {
		if e := ar.newEntity(); e.name != "" || e.n != 0 {
			t.Fatalf("newEntity %d is not zero", i)
		}
	}
}

// TestJoinWords checks that joinWords gives what strings.Join does, from
// the text where the words stand joined by single spaces and afresh where
// they do not.
func TestJoinWords(t *testing.T) {
	view := "Gov. Jane  Doe said; Mr. Bob Smith’s aide, Ann Lee-Ross."
	for _, c := range []struct {
		name     string
		from, to int
		ws       []string
		want     string
	}{
		{"one word", 5, 9, []string{"Jane"}, "Jane"},
		{"two spaces between", 5, 14, []string{"Jane", "Doe"}, "Jane Doe"},
		{"as written", 25, 34, []string{"Bob", "Smith"}, "Bob Smith"},
		{"honorific left out", 21, 34, []string{"Bob", "Smith"}, "Bob Smith"},
		{"hyphenated", 45, 57, []string{"Ann", "Lee-Ross"}, "Ann Lee-Ross"},
		{"a possessive between", 29, 43, []string{"Smith", "aide"}, "Smith aide"},
		{"offsets out of range", 50, 90, []string{"Lee", "Ross"}, "Lee Ross"},
	} {
		got := joinWords(view, c.from, c.to, c.ws)
		if got != c.want {
			t.Errorf("%s: joinWords = %q, want %q", c.name, got, c.want)
		}
	}
}
