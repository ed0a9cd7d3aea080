package wordtab

import (
	"math/rand"
	"strings"
	"testing"
)

// TestPutNewLikeMap checks PutNew and Get against a map, over resets of
// several sizes (the table of line keys is reset for each document).
func TestPutNewLikeMap(t *testing.T) {
	var tab Table
	rnd := rand.New(rand.NewSource(5))
	for _, n := range []int{0, 3, 100, 5000, 7} {
		want := map[uint64]uint64{}
		tab.Reset(n)
		for i := range n {
			key := uint64(rnd.Intn(n/2+1)) + 1
			if rnd.Intn(4) == 0 {
				key = rnd.Uint64() | 1
			}
			f, ok := want[key]
			if !ok {
				want[key], f = uint64(i), uint64(i)
			}
			if got := tab.PutNew(key, 0, uint64(i)); got != f {
				t.Fatalf("n %d: PutNew(%d, %d) = %d, want %d", n, key, i, got, f)
			}
		}
		for key, v := range want {
			if got, ok := tab.Get(key, 0); !ok || got != v {
				t.Fatalf("n %d: Get(%d) = %d, %v, want %d", n, key, got, ok, v)
			}
		}
		if _, ok := tab.Get(1<<63, 7); ok {
			t.Fatalf("n %d: Get of an absent key found it", n)
		}
	}
	var zero Table
	if _, ok := zero.Get(1, 0); ok {
		t.Fatal("the zero Table holds a key")
	}
}

// TestOr checks that Or adds keys and ors their values.
func TestOr(t *testing.T) {
	tab := New(3)
	tab.Or(1, 2, 0b01)
	tab.Or(1, 2, 0b10)
	tab.Or(3, 0, 0b100)
	for _, c := range []struct {
		a, b, v uint64
		ok      bool
	}{{1, 2, 0b11, true}, {3, 0, 0b100, true}, {2, 1, 0, false}} {
		if v, ok := tab.Get(c.a, c.b); v != c.v || ok != c.ok {
			t.Errorf("Get(%d, %d) = %d, %v, want %d, %v", c.a, c.b, v, ok, c.v, c.ok)
		}
	}
}

// TestPack checks Pack and PackAt on words of every length, with and
// without NUL bytes.
func TestPack(t *testing.T) {
	cases := []struct {
		w  string
		ok bool
	}{
		{"", false}, {"a", true}, {"ab", true}, {"abcdefg", true}, {"abcdefgh", true},
		{"abcdefghi", true}, {"abcdefghijklmnop", true}, {"abcdefghijklmnopq", false},
		{"a\x00", false}, {"é", true}, {"naïveté", true},
	}
	seen := map[[2]uint64]string{}
	for _, c := range cases {
		a, b, ok := Pack(c.w)
		if ok != c.ok {
			t.Errorf("Pack(%q) ok = %v, want %v", c.w, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		if o, dup := seen[[2]uint64{a, b}]; dup {
			t.Errorf("Pack(%q) = Pack(%q)", c.w, o)
		}
		seen[[2]uint64{a, b}] = c.w
		s := c.w + strings.Repeat("x", 16)
		if pa, pb := PackAt(s, 0, len(c.w)); pa != a || pb != b {
			t.Errorf("PackAt(%q) = %#x %#x, want %#x %#x", c.w, pa, pb, a, b)
		}
	}
}

// packBytes is Pack byte by byte, as it was written first: the reference
// the overlapping loads must agree with.
func packBytes(w string) (a, b uint64, ok bool) {
	if len(w) == 0 || len(w) > 16 {
		return 0, 0, false
	}
	for i := 0; i < len(w); i++ {
		if w[i] == 0 {
			return 0, 0, false
		}
		if i < 8 {
			a |= uint64(w[i]) << (8 * i)
		} else {
			b |= uint64(w[i]) << (8 * (i - 8))
		}
	}
	return a, b, true
}

// TestPackAgreesWithBytes checks Pack against the byte-by-byte packing on
// every length from 0 to 17, with a NUL byte at each place and none, and
// with bytes from 0x80 up.
func TestPackAgreesWithBytes(t *testing.T) {
	for n := 0; n <= 17; n++ {
		for nul := -1; nul < n; nul++ {
			for _, fill := range []byte{'a', 0xC3, 0xFF, 0x01} {
				w := []byte(strings.Repeat(string(rune('a')), n))
				for i := range w {
					w[i] = fill + byte(i)
				}
				if nul >= 0 {
					w[nul] = 0
				}
				a, b, ok := Pack(string(w))
				ra, rb, rok := packBytes(string(w))
				if a != ra || b != rb || ok != rok {
					t.Errorf("Pack(%q) = %#x %#x %v, want %#x %#x %v", w, a, b, ok, ra, rb, rok)
				}
			}
		}
	}
}

// TestGetWord checks GetWord against Pack and Get for words of every
// length, and that a word with a NUL byte before its last byte finds
// nothing, not the word it would pack like without Pack's test.
func TestGetWord(t *testing.T) {
	words := []string{"a", "é", "of", "the", "said", "acme", "jane", "doe's", "springfield", "spokeswoman", "abcdefghijklmnop"}
	tab := New(len(words))
	for i, w := range words {
		a, b, ok := Pack(w)
		if !ok {
			t.Fatalf("Pack(%q) failed", w)
		}
		tab.PutNew(a, b, uint64(i+1))
	}
	for i, w := range words {
		if got := tab.GetWord(w); got != uint64(i+1) {
			t.Errorf("GetWord(%q) = %d, want %d", w, got, i+1)
		}
		if len(w) < 16 {
			if got := tab.GetWord(w + "x"); got != 0 {
				t.Errorf("GetWord(%q) = %d, want 0", w+"x", got)
			}
		}
		for k := 0; k+1 < len(w); k++ { // a NUL byte before the last one
			nul := w[:k] + "\x00" + w[k+1:]
			if got := tab.GetWord(nul); got != 0 {
				t.Errorf("GetWord(%q) = %d, want 0", nul, got)
			}
		}
	}
}
