package wordtab

import (
	"fmt"
	"testing"
)

func TestFromSlots(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100, 3000} {
		tab := New(n)
		for i := 0; i < n; i++ {
			a, b, _ := Pack(fmt.Sprintf("w%d", i))
			tab.PutNew(a, b, uint64(i+1))
		}
		s := append([]uint64(nil), tab.Slots()...)
		got := FromSlots(s)
		for i := 0; i < n+10; i++ {
			a, b, _ := Pack(fmt.Sprintf("w%d", i))
			v1, ok1 := tab.Get(a, b)
			v2, ok2 := got.Get(a, b)
			if v1 != v2 || ok1 != ok2 {
				t.Fatalf("n=%d w%d: FromSlots gives %d %v, the table %d %v", n, i, v2, ok2, v1, ok1)
			}
		}
	}
	for _, bad := range [][]uint64{nil, make([]uint64, 3*15), make([]uint64, 3*24), make([]uint64, 3*16+1)} {
		if got := FromSlots(bad); len(got.slots) != 0 {
			t.Errorf("FromSlots of %d integers: a table of %d slots, want none", len(bad), len(got.slots))
		}
	}
}

func TestSetFromData(t *testing.T) {
	words := []string{"a", "of", "the", "president", "a-sixteen-bytes!", "a-word-longer-than-sixteen"}
	has := func(w string) bool {
		for _, x := range words {
			if x == w {
				return true
			}
		}
		return false
	}
	s := NewSet(words, has)
	d := s.Data()
	got := SetFromData(&d, has)
	for _, w := range append(words, "", "b", "presiden", "presidents", "the ", "x-word-longer-than-sixteen") {
		if got.Has(w) != s.Has(w) {
			t.Errorf("Has(%q) = %v, want %v", w, got.Has(w), s.Has(w))
		}
	}
	// a set of no words (its table has no slots)
	e := NewSet(nil, func(string) bool { return false })
	ed := e.Data()
	if SetFromData(&ed, func(string) bool { return false }).Has("a") {
		t.Errorf("the empty set holds a")
	}
}
