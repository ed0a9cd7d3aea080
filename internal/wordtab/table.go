// Package wordtab holds the one hash table whosaid uses wherever a hot loop
// looks up short words or 64-bit keys: the word classes of a ruleset, the
// word sets of cleanup and the tokenizer, and the line keys of a document.
// A key is one or two 64-bit integers — a word of up to sixteen bytes packed
// little-endian (see Pack), or a hash — so that a look-up neither hashes a
// string nor reads its bytes again.
package wordtab

// Table maps keys (a, b), with (a, b) not (0, 0), to 64-bit values: open
// addressing with linear probing, at most half full. The zero Table is empty
// and must be Reset before Put.
type Table struct {
	slots []slot
	shift uint
	mask  int
}

// slot is one slot of a Table; a == 0 && b == 0 marks it empty.
type slot struct {
	a, b, v uint64
}

// New returns an empty table sized for n keys.
func New(n int) Table {
	var t Table
	t.Reset(n)
	return t
}

// Reset empties the table and sizes it for n keys, reusing its slots when
// they are enough.
func (t *Table) Reset(n int) {
	bits := uint(4)
	for 1<<bits < 2*n {
		bits++
	}
	size := 1 << bits
	if cap(t.slots) >= size {
		t.slots = t.slots[:size]
		clear(t.slots)
	} else {
		t.slots = make([]slot, size)
	}
	t.shift, t.mask = 64-bits, size-1
}

// home returns the first slot a key is looked for in.
func (t *Table) home(a, b uint64) int {
	return int((a*0x9e3779b97f4a7c15 ^ b*0xc2b2ae3d27d4eb4f) >> t.shift)
}

// Get returns the value of key (a, b) and whether the table holds it.
func (t *Table) Get(a, b uint64) (uint64, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	for k := t.home(a, b); ; k = (k + 1) & t.mask {
		s := &t.slots[k]
		if s.a == a && s.b == b {
			return s.v, true
		}
		if s.a == 0 && s.b == 0 {
			return 0, false
		}
	}
}

// PutNew records v for key (a, b) unless the table holds the key; it
// returns the value the table holds for it afterwards. The table must have
// been sized (New, Reset) for all the keys it is given.
func (t *Table) PutNew(a, b, v uint64) uint64 {
	for k := t.home(a, b); ; k = (k + 1) & t.mask {
		s := &t.slots[k]
		if s.a == a && s.b == b {
			return s.v
		}
		if s.a == 0 && s.b == 0 {
			s.a, s.b, s.v = a, b, v
			return v
		}
	}
}

// Or ors v into the value of key (a, b), adding the key when it is new.
func (t *Table) Or(a, b, v uint64) {
	for k := t.home(a, b); ; k = (k + 1) & t.mask {
		s := &t.slots[k]
		if s.a == a && s.b == b || s.a == 0 && s.b == 0 {
			s.a, s.b, s.v = a, b, s.v|v
			return
		}
	}
}

// Pack packs a word of 1 to 16 bytes into two integers, little-endian with
// zero bytes after it; ok is false for other lengths and for words holding a
// NUL byte (which would pack like a shorter word). It reads the word with
// two overlapping loads of 2, 4 or 8 bytes rather than byte by byte.
func Pack(w string) (a, b uint64, ok bool) {
	n := len(w)
	switch {
	case n == 0 || n > 16:
		return 0, 0, false
	case n >= 8:
		a = Load64(w, 0)
		if n > 8 {
			// the last eight bytes, shifted down past the ones a holds
			b = Load64(w, n-8) >> (8 * (16 - n))
		}
	case n >= 4:
		lo, hi := load32(w, 0), load32(w, n-4)
		a = lo | hi<<(8*(n-4))
	case n >= 2:
		lo, hi := load16(w, 0), load16(w, n-2)
		a = lo | hi<<(8*(n-2))
	default:
		a = uint64(w[0])
	}
	// a NUL byte: a zero byte among the word's own n bytes
	if hasZeroByte(a, min(n, 8)) || n > 8 && hasZeroByte(b, n-8) {
		return 0, 0, false
	}
	return a, b, true
}

// GetWord returns the value of the word w of 1 to 16 bytes, whose last
// byte is not NUL, in a table of words packed by Pack (0 when the table
// does not hold it): Get of its packing in one call, without Pack's test
// for NUL bytes — such a word with a NUL byte packs to a key no word
// without one has (a zero byte below its highest non-zero one), so that it
// finds nothing.
func (t *Table) GetWord(w string) uint64 {
	var a uint64
	switch n := len(w); {
	case n > 8:
		v, _ := t.Get(Load64(w, 0), Load64(w, n-8)>>(8*(16-n)))
		return v
	case n == 8:
		a = Load64(w, 0)
	case n >= 4:
		a = load32(w, 0) | load32(w, n-4)<<(8*(n-4))
	case n >= 2:
		a = load16(w, 0) | load16(w, n-2)<<(8*(n-2))
	default:
		a = uint64(w[0])
	}
	v, _ := t.Get(a, 0) // (the second word zero: the compiler drops its part)
	return v
}

// hasZeroByte reports whether one of the first n (1 to 8) bytes of x,
// little-endian, is zero.
func hasZeroByte(x uint64, n int) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	// the exact test: a byte's high bit is set in z iff the byte is zero
	z := ^(((x &^ high) + ones*0x7f) | x) & high
	if n < 8 {
		z &= uint64(1)<<(8*n) - 1
	}
	return z != 0
}

// load32 returns the 4 bytes of s at i as a little-endian integer.
func load32(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// load16 returns the 2 bytes of s at i as a little-endian integer.
func load16(s string, i int) uint64 {
	s = s[i : i+2]
	return uint64(s[0]) | uint64(s[1])<<8
}

// Load64 returns the 8 bytes of s at i as a little-endian integer.
func Load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// PackAt is Pack(s[i:j]) for a word of 1 to 16 bytes without NUL bytes
// where s holds sixteen bytes from i: one or two eight-byte reads and masks
// instead of a loop over the bytes.
func PackAt(s string, i, j int) (a, b uint64) {
	n := uint(j - i)
	a, b = load64(s, i), load64(s, i+8)
	if n < 8 {
		return a & (uint64(1)<<(8*n) - 1), 0
	}
	// (n == 16: the shift gives 0, and the mask every bit)
	return a, b & (uint64(1)<<(8*(n-8)) - 1)
}
