package wordtab

import "unsafe"

// Slots returns the table's slots as three integers each (key a, key b,
// value), for a generator that writes the table as constant data; the
// result shares the table's memory and must not be changed.
func (t *Table) Slots() []uint64 {
	if len(t.slots) == 0 {
		return nil
	}
	return unsafe.Slice(&t.slots[0].a, 3*len(t.slots))
}

// FromSlots returns the table whose slots are s, as Slots gives them (a
// power of two of at least 16 slots, at most half full): the table reads s
// in place, so a table written as constant data by a generator costs
// nothing to load. It returns the empty table for a length that Slots
// cannot give. The table must not be changed (Reset, PutNew, Or) after.
func FromSlots(s []uint64) Table {
	n := len(s) / 3
	if n < 16 || n&(n-1) != 0 || 3*n != len(s) {
		return Table{}
	}
	bits := uint(0)
	for 1<<bits < n {
		bits++
	}
	// slot is three uint64 fields, laid out as three consecutive integers
	return Table{slots: unsafe.Slice((*slot)(unsafe.Pointer(&s[0])), n), shift: 64 - bits, mask: n - 1}
}

// SetData is a Set as plain data (see Table.Slots), for a generator that
// writes a built set as constant Go data.
type SetData struct {
	Slots       []uint64
	Nul         bool
	First, Last [17][4]uint64
}

// Data returns the set as plain data; it shares the set's memory.
func (s *Set) Data() SetData {
	return SetData{Slots: s.tab.Slots(), Nul: s.nul, First: s.first, Last: s.last}
}

// SetFromData returns the set whose data is d, as Data gives it, with the
// membership test fallback for long words (see NewSet); it reads d.Slots
// in place, which must not change after.
func SetFromData(d *SetData, fallback func(string) bool) *Set {
	return SetFromDataAt(new(Set), d, fallback)
}

// SetFromDataAt is SetFromData that makes the set in s (memory the caller
// allocated together with others) and returns s.
func SetFromDataAt(s *Set, d *SetData, fallback func(string) bool) *Set {
	*s = Set{tab: FromSlots(d.Slots), fallback: fallback, nul: d.Nul, first: d.First, last: d.Last}
	return s
}
