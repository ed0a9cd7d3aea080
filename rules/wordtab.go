package rules

// shortWords maps the words of one to eight bytes to their class bits,
// as a map[string]uint64 would, with a cheaper look-up: such a word,
// packed into a uint64 (little-endian, zero bytes after it; text holds no
// NUL bytes, so that no two words pack alike), is its own key, found by
// linear probing in a table at most half full, without hashing the string
// or reading its bytes again. One-byte ASCII words (punctuation,
// initials) are read from an array.
type shortWords struct {
	slots []shortSlot
	shift uint
	ascii [0x80]uint64
}

// shortSlot is one slot of shortWords: a packed word (0: empty) and its
// classes.
type shortSlot struct {
	key, cls uint64
}

// packShort packs a word of one to eight bytes; it returns 0 for other
// lengths and for words with a NUL byte.
func packShort(w string) uint64 {
	if len(w) == 0 || len(w) > 8 {
		return 0
	}
	var x uint64
	for i := len(w) - 1; i >= 0; i-- {
		if w[i] == 0 {
			return 0
		}
		x = x<<8 | uint64(w[i])
	}
	return x
}

// newShortWords returns the table of the words of one to eight bytes of m.
func newShortWords(m map[string]uint64) shortWords {
	n := 0
	for w := range m {
		if packShort(w) != 0 {
			n++
		}
	}
	bits := uint(4)
	for 1<<bits < 2*n {
		bits++
	}
	t := shortWords{slots: make([]shortSlot, 1<<bits), shift: 64 - bits}
	for w, c := range m {
		if len(w) == 1 && w[0] < 0x80 {
			t.ascii[w[0]] = c
		}
		key := packShort(w)
		if key == 0 {
			continue
		}
		for k := t.slot(key); ; k = (k + 1) & (len(t.slots) - 1) {
			if t.slots[k].key == 0 {
				t.slots[k] = shortSlot{key, c}
				break
			}
		}
	}
	return t
}

func (t *shortWords) slot(key uint64) int {
	return int((key * 0x9e3779b97f4a7c15) >> t.shift)
}

// get returns the classes of the word packed as key (not 0).
func (t *shortWords) get(key uint64) uint64 {
	for k := t.slot(key); ; k = (k + 1) & (len(t.slots) - 1) {
		s := &t.slots[k]
		if s.key == key {
			return s.cls
		}
		if s.key == 0 {
			return 0
		}
	}
}
