package extract

// setASCIIClass fills asciiClass from class and reports whether the ASCII
// bytes of a class other than 0 are four at most.
func (t *qsTable) setASCIIClass() bool {
	n := 0
	for c := range 128 {
		if t.class[c] == 0 {
			continue
		}
		if n == len(t.asciiClass) {
			return false
		}
		t.asciiClass[n] = ones64 * uint64(c)
		n++
	}
	if n == 0 {
		return false
	}
	for k := n; k < len(t.asciiClass); k++ {
		t.asciiClass[k] = t.asciiClass[0]
	}
	return true
}

// noByteOf reports, for eight ASCII bytes x (little-endian), whether none
// of them is a byte of v (a table's asciiClass): one word test per byte
// (a byte of x^v is zero where x has it, and below 0x80 the subtraction's
// borrow sets a high bit only there), not eight look-ups in class. The
// bytes of x^v are ASCII, so no byte has its high bit set before the
// subtraction: the usual &^ of the zero-byte test is not needed (a borrow
// reaches a higher byte only from a zero byte, which answers false anyway).
func noByteOf(x uint64, v *[4]uint64) bool {
	a, b, c, d := x^v[0], x^v[1], x^v[2], x^v[3]
	return ((a-ones64)|(b-ones64)|(c-ones64)|(d-ones64))&high64 == 0
}
