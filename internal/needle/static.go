package needle

// IndexData is an Index as plain data (integers, no pointers but the
// automaton's table), for a generator that writes a built index as
// constant Go data: an index made again from it by FromData reads the
// data in place and costs nothing to load.
type IndexData struct {
	Slot, Words []int
	// PhaseStart[p*(maxBucket+1)+w] is where the rules of phase p for lines
	// of w words start in PhaseRules (one more entry ends the last)
	PhaseStart []int
	PhaseRules []int
	// the automaton (see acMatcher)
	Class   [256]uint8
	Classes int
	Delta   []uint16
	Mask    []Hits
	All     bool
	Outs    int
	Fast    *[1 << 16]uint16 // nil when the automaton has no fast table
	FastLen int
	OutFrom int
	OutMask []Hits
}

// Data returns the index as plain data; it shares the index's memory.
func (x *Index) Data() IndexData {
	d := IndexData{Slot: x.slot, Words: x.words, PhaseStart: make([]int, 0, phases*(maxBucket+1)+1)}
	for p := range x.phases {
		for w := range x.phases[p] {
			d.PhaseStart = append(d.PhaseStart, len(d.PhaseRules))
			d.PhaseRules = append(d.PhaseRules, x.phases[p][w]...)
		}
	}
	d.PhaseStart = append(d.PhaseStart, len(d.PhaseRules))
	m := &x.ac
	d.Class, d.Classes, d.Delta, d.Mask, d.All, d.Outs = m.class, m.classes, m.delta, m.mask, m.all, m.outs
	if m.fast != nil {
		d.Fast = (*[1 << 16]uint16)(m.fast[:1<<16])
		d.FastLen = len(m.fast)
	}
	d.OutFrom, d.OutMask = m.outFrom, m.outMask
	return d
}

// FromData returns the index whose data is d, as Data gives it; it reads
// d's slices in place, which must not change after. It returns nil for
// data that Data cannot give.
func FromData(d *IndexData) *Index {
	if len(d.PhaseStart) != phases*(maxBucket+1)+1 || d.FastLen > 1<<16 || d.FastLen > 0 && d.Fast == nil {
		return nil
	}
	x := &Index{slot: d.Slot, words: d.Words}
	k := 0
	for p := range x.phases {
		for w := range x.phases[p] {
			lo, hi := d.PhaseStart[k], d.PhaseStart[k+1]
			if lo < 0 || lo > hi || hi > len(d.PhaseRules) {
				return nil
			}
			if lo < hi {
				x.phases[p][w] = d.PhaseRules[lo:hi:hi]
			}
			k++
		}
	}
	x.ac = acMatcher{class: d.Class, classes: d.Classes, delta: d.Delta, mask: d.Mask, all: d.All, outs: d.Outs,
		outFrom: d.OutFrom, outMask: d.OutMask}
	if d.Fast != nil {
		x.ac.fast = d.Fast[:d.FastLen]
	}
	return x
}
