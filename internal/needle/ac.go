package needle

// acMatcher is an Aho-Corasick automaton over bytes, compiled to a table
// over byte classes (the bytes of the needles, and one class for the rest).
type acMatcher struct {
	class   [256]uint8
	classes int
	delta   []uint16 // node*classes + class -> node
	out     [][]int  // owners whose needle ends at the node (with the fail chain), while built
	mask    []Hits   // node -> the groups whose needle ends there
	all     bool     // no table: every needle counts as found
	outs    int
	// fast: the same automaton with the nodes renumbered, those where a
	// needle ends last, and each transition giving the next node's row
	// (node*classes), so that a step needs no multiplication and the
	// masks are looked up at those nodes only (nil: too many nodes)
	fast    []uint16
	outFrom int    // the row of the first node where a needle ends
	outMask []Hits // per such node, from outFrom on
}

func newAC(pats []string, owners []int, outs int) acMatcher {
	m := acMatcher{outs: outs}
	// byte classes: 0 for bytes no needle holds
	for _, p := range pats {
		for i := 0; i < len(p); i++ {
			if m.class[p[i]] == 0 {
				m.classes++
				m.class[p[i]] = uint8(m.classes)
			}
		}
	}
	m.classes++
	// trie (goto function), -1 where undefined
	gotoT := [][]int32{make([]int32, m.classes)}
	for i := range gotoT[0] {
		gotoT[0][i] = -1
	}
	m.out = [][]int{nil}
	for p, pat := range pats {
		n := int32(0)
		for i := 0; i < len(pat); i++ {
			c := m.class[pat[i]]
			if gotoT[n][c] < 0 {
				row := make([]int32, m.classes)
				for k := range row {
					row[k] = -1
				}
				gotoT = append(gotoT, row)
				m.out = append(m.out, nil)
				gotoT[n][c] = int32(len(gotoT) - 1)
			}
			n = gotoT[n][c]
		}
		m.out[n] = append(m.out[n], owners[p])
	}
	// breadth first: complete the table with the fail links
	if len(gotoT) > 1<<16 {
		// too many nodes for the table: no test (every rule may apply)
		return acMatcher{outs: outs, all: true}
	}
	m.delta = make([]uint16, len(gotoT)*m.classes)
	fail := make([]uint16, len(gotoT))
	var queue []int32
	for c := 0; c < m.classes; c++ {
		if t := gotoT[0][c]; t >= 0 {
			m.delta[c] = uint16(t)
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		m.out[n] = append(m.out[n], m.out[fail[n]]...)
		for c := 0; c < m.classes; c++ {
			t := gotoT[n][c]
			if t < 0 {
				m.delta[int(n)*m.classes+c] = m.delta[int(fail[n])*m.classes+c]
				continue
			}
			m.delta[int(n)*m.classes+c] = uint16(t)
			fail[t] = m.delta[int(fail[n])*m.classes+c]
			queue = append(queue, t)
		}
	}
	m.mask = make([]Hits, len(m.out))
	for n, os := range m.out {
		for _, o := range os {
			if o < 64 {
				m.mask[n] |= 1 << uint(o)
			}
		}
	}
	m.out = nil
	m.renumber()
	return m
}

// renumber fills fast, outFrom and outMask (see acMatcher), when the root
// has no needle ending at it and the rows fit in 16 bits.
func (m *acMatcher) renumber() {
	nodes := len(m.mask)
	if m.mask[0] != 0 || nodes*m.classes >= 1<<16 {
		return
	}
	// the root (no needle ends there) stays node 0
	id := make([]int, nodes)
	next := 0
	for _, out := range []bool{false, true} {
		if out {
			m.outFrom = next * m.classes
		}
		for n := 0; n < nodes; n++ {
			if (m.mask[n] != 0) == out {
				id[n] = next
				next++
			}
		}
	}
	// (allocated to 1<<16 entries, which scan reads without bounds checks)
	m.fast = make([]uint16, nodes*m.classes, 1<<16)
	m.outMask = make([]Hits, nodes-m.outFrom/m.classes)
	for n := 0; n < nodes; n++ {
		for c := 0; c < m.classes; c++ {
			m.fast[id[n]*m.classes+c] = uint16(id[m.delta[n*m.classes+c]] * m.classes)
		}
		if m.mask[n] != 0 {
			m.outMask[id[n]-m.outFrom/m.classes] = m.mask[n]
		}
	}
}

// outAt returns the groups whose needle ends at the node of fast row
// row, which is at least outFrom (kept out of scan's loop).
//
//go:noinline
func (m *acMatcher) outAt(row uint16) Hits {
	return m.outMask[int(row-uint16(m.outFrom))/m.classes]
}

func (m *acMatcher) scan(s string) Hits {
	if m.all {
		return ^Hits(0)
	}
	var h Hits
	if m.fast != nil {
		// the fields in locals, and the table as a full 16-bit array, so
		// that the loop reloads nothing and checks no bounds (a row plus a
		// class is below len(fast), which is below 1<<16)
		fast := (*[1 << 16]uint16)(m.fast[: 1<<16 : 1<<16])
		class, outFrom := &m.class, uint16(m.outFrom)
		row := uint16(0)
		for i := 0; i < len(s); i++ {
			row = fast[row+uint16(class[s[i]])]
			if row >= outFrom {
				// rare (a needle ends at few of a line's bytes): a call,
				// so that the loop keeps its registers
				h |= m.outAt(row)
			}
		}
		return h
	}
	n := uint16(0)
	for i := 0; i < len(s); i++ {
		n = m.delta[int(n)*m.classes+int(m.class[s[i]])]
		h |= m.mask[n]
	}
	return h
}
