package rules

// The programs of the default rules' regexes, compiled beforehand: a run
// that tries a regex on a few lines only (one article) matches with the
// program from the snapshot's table instead of compiling the regex, which
// cost the seed article's run an eighth of its instructions and the memory
// of regexp/syntax's nodes. The matcher is a backtracker over the program
// regexp/syntax compiles (the one regexp's own backtracker runs, with the
// same leftmost-first choices), so its results are regexp's; a Regexp
// compiles itself after progUses matches, for the speed of regexp's other
// engines on a corpus.

import (
	_ "embed"
	"encoding/binary"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// progsFile is the file the programs' table is kept in, beside this one;
// it is made with the snapshot (go generate ./rules). The table is keyed
// by a hash of the regex's source, its index (8-byte hashes, sorted, and
// 4-byte offsets) ahead of the entries (the source, then the program), so
// that a look-up reads the index's page or two and its entry's.
const progsFile = "progs.snapshot"

//go:embed progs.snapshot
var defaultProgs string

// progsMagic opens the table; its last byte is the format's version.
const progsMagic = "whosaid-prog-snapshot\x01"

// progMaxBytes bounds a program in the table: the few larger ones (case
// folded classes of every script) are compiled as before.
const progMaxBytes = 8 << 10

// progHash is the table's hash of a source (FNV-1a, 64 bits).
func progHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// buildProgs returns the table of the programs of the patterns.
func buildProgs(patterns []string) []byte {
	type entry struct {
		hash uint64
		src  string
		prog []byte
	}
	seen := map[string]bool{}
	var es []entry
	for _, p := range patterns {
		if seen[p] {
			continue
		}
		seen[p] = true
		if v, ok := encodeProg(p); ok && len(v) <= progMaxBytes {
			es = append(es, entry{progHash(p), p, v})
		}
	}
	sort.Slice(es, func(i, j int) bool {
		return es[i].hash < es[j].hash || es[i].hash == es[j].hash && es[i].src < es[j].src
	})
	var index, body []byte
	for _, e := range es {
		index = binary.LittleEndian.AppendUint64(index, e.hash)
		index = binary.LittleEndian.AppendUint32(index, uint32(len(body)))
		body = binary.AppendUvarint(body, uint64(len(e.src)))
		body = append(body, e.src...)
		body = append(body, e.prog...)
	}
	out := []byte(progsMagic)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(es)))
	return append(append(out, index...), body...)
}

// progOf returns the program of the default regex src from the table, or
// nil.
func progOf(src string) *prog {
	v, ok := lookupProg(defaultProgs, src)
	if !ok {
		return nil
	}
	p, _ := decodeProg(v)
	return p
}

// lookupProg returns the program's bytes of src in the table data (and
// what follows them); ok is false when it is not there or the table is
// broken.
func lookupProg(data, src string) (v string, ok bool) {
	if !strings.HasPrefix(data, progsMagic) || len(data) < len(progsMagic)+4 {
		return "", false
	}
	data = data[len(progsMagic):]
	n := int(binary.LittleEndian.Uint32([]byte(data[:4])))
	if n > len(data)/12 {
		return "", false
	}
	index, body := data[4:4+12*n], data[4+12*n:]
	h := progHash(src)
	hashAt := func(i int) uint64 { return binary.LittleEndian.Uint64([]byte(index[12*i : 12*i+8])) }
	for i := sort.Search(n, func(i int) bool { return hashAt(i) >= h }); i < n && hashAt(i) == h; i++ {
		off := int(binary.LittleEndian.Uint32([]byte(index[12*i+8 : 12*i+12])))
		if off >= len(body) {
			return "", false
		}
		e := body[off:]
		l, w := binary.Uvarint([]byte(e[:min(len(e), binary.MaxVarintLen64)]))
		if w <= 0 || l > uint64(len(e)-w) {
			return "", false
		}
		if e[w:w+int(l)] == src {
			return e[w+int(l):], true
		}
	}
	return "", false
}

// progUses is how many matches a default regex makes from its program
// before it is compiled.
const progUses = 16

// progMaxBits bounds the backtracker's visited set (instructions × input
// positions); a longer input compiles the regex.
const progMaxBits = 1 << 16

// progInst is an instruction of a program: syntax.Inst with its runes as a
// range of prog.runes.
type progInst struct {
	op       syntax.InstOp
	out, arg uint32
	lo, hi   uint32
}

// prog is a regex's program from the table.
type prog struct {
	inst   []progInst
	runes  []rune
	start  int
	ncap   int      // the program's capture slots (syntax.Prog.NumCap)
	names  []string // the subexpressions' names, as regexp.SubexpNames
	anchor bool     // the program can only match at the input's start
}

// encodeProg returns the table's value for the regex src, or false when
// the backtracker does not run its program.
func encodeProg(src string) ([]byte, bool) {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil, false
	}
	names := re.CapNames()
	p, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, false
	}
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, n := range names {
		b = binary.AppendUvarint(b, uint64(len(n)))
		b = append(b, n...)
	}
	b = binary.AppendUvarint(b, uint64(p.Start))
	b = binary.AppendUvarint(b, uint64(p.NumCap))
	b = binary.AppendUvarint(b, uint64(len(p.Inst)))
	for _, in := range p.Inst {
		switch in.Op {
		case syntax.InstAlt, syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstMatch, syntax.InstNop,
			syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL, syntax.InstFail:
		default:
			return nil, false
		}
		b = append(b, byte(in.Op))
		b = binary.AppendUvarint(b, uint64(in.Out))
		b = binary.AppendUvarint(b, uint64(in.Arg))
		b = binary.AppendUvarint(b, uint64(len(in.Rune)))
		for _, r := range in.Rune {
			b = binary.AppendUvarint(b, uint64(r))
		}
	}
	return b, true
}

// decodeProg reads a value of encodeProg at the start of s; ok is false
// when it is broken.
func decodeProg(s string) (p *prog, ok bool) {
	ok = true
	next := func() int {
		var v uint64
		for shift := 0; ; shift += 7 {
			if len(s) == 0 || shift > 28 {
				ok = false
				return 0
			}
			c := s[0]
			s = s[1:]
			v |= uint64(c&0x7f) << shift
			if c < 0x80 {
				return int(v)
			}
		}
	}
	p = &prog{}
	p.names = make([]string, next())
	for i := range p.names {
		n := next()
		if n > len(s) {
			return nil, false
		}
		p.names[i], s = s[:n], s[n:]
	}
	p.start, p.ncap = next(), next()
	n := next()
	if !ok || n > len(s) || p.start >= n {
		return nil, false
	}
	p.inst = make([]progInst, n)
	for i := range p.inst {
		if len(s) == 0 {
			return nil, false
		}
		in := &p.inst[i]
		in.op, s = syntax.InstOp(s[0]), s[1:]
		in.out, in.arg = uint32(next()), uint32(next())
		nr := next()
		if nr > len(s) {
			return nil, false
		}
		in.lo = uint32(len(p.runes))
		for range nr {
			p.runes = append(p.runes, rune(next()))
		}
		in.hi = uint32(len(p.runes))
		if !ok || int(in.out) >= n || in.op > syntax.InstRuneAnyNotNL ||
			in.op == syntax.InstRune1 && nr != 1 || in.op == syntax.InstRune && nr == 0 {
			return nil, false
		}
	}
	// as syntax.Prog.StartCond: the empty-width conditions before the first rune
	for pc, steps := p.start, 0; steps < n; steps++ {
		in := p.inst[pc]
		if in.op == syntax.InstEmptyWidth && syntax.EmptyOp(in.arg)&syntax.EmptyBeginText != 0 {
			p.anchor = true
		} else if in.op != syntax.InstEmptyWidth && in.op != syntax.InstCapture && in.op != syntax.InstNop {
			break
		}
		pc = int(in.out)
	}
	return p, true
}

// progJob is a choice the backtracker may return to.
type progJob struct {
	pc  uint32
	arg bool
	pos int
}

// progRun is the backtracker's state for one match.
type progRun struct {
	p        *prog
	s        string
	visited  []uint32
	jobs     []progJob
	cap      []int
	matchcap []int
}

// step returns the rune at pos and its width (-1, 0 at the end).
func (b *progRun) step(pos int) (rune, int) {
	if pos < len(b.s) {
		c := b.s[pos]
		if c < utf8.RuneSelf {
			return rune(c), 1
		}
		return utf8.DecodeRuneInString(b.s[pos:])
	}
	return -1, 0
}

// context returns the empty-width conditions at pos.
func (b *progRun) context(pos int) syntax.EmptyOp {
	r1, r2 := rune(-1), rune(-1)
	if uint(pos-1) < uint(len(b.s)) {
		r1, _ = utf8.DecodeLastRuneInString(b.s[:pos])
	}
	if uint(pos) < uint(len(b.s)) {
		r2, _ = utf8.DecodeRuneInString(b.s[pos:])
	}
	return syntax.EmptyOpContext(r1, r2)
}

// shouldVisit reports whether (pc, pos) is new, and marks it.
func (b *progRun) shouldVisit(pc uint32, pos int) bool {
	n := uint(int(pc)*(len(b.s)+1) + pos)
	if b.visited[n/32]&(1<<(n&31)) != 0 {
		return false
	}
	b.visited[n/32] |= 1 << (n & 31)
	return true
}

func (b *progRun) push(pc uint32, pos int, arg bool) {
	if b.p.inst[pc].op != syntax.InstFail && (arg || b.shouldVisit(pc, pos)) {
		b.jobs = append(b.jobs, progJob{pc, arg, pos})
	}
}

// try runs the backtracker from pos (regexp's tryBacktrack, leftmost
// first).
func (b *progRun) try(pos int) bool {
	b.push(uint32(b.p.start), pos, false)
	for len(b.jobs) > 0 {
		l := len(b.jobs) - 1
		pc, arg := b.jobs[l].pc, b.jobs[l].arg
		pos = b.jobs[l].pos
		b.jobs = b.jobs[:l]
		fresh := true // the job's state was marked when it was pushed
		for {
			if !fresh && !b.shouldVisit(pc, pos) {
				break
			}
			fresh = false
			in := &b.p.inst[pc]
			switch in.op {
			case syntax.InstAlt:
				if arg {
					arg = false
					pc = in.arg
					continue
				}
				b.push(pc, pos, true)
				pc = in.out
				continue
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				r, w := b.step(pos)
				if !b.matchRune(in, r) {
					break
				}
				pos += w
				pc = in.out
				continue
			case syntax.InstCapture:
				if arg {
					b.cap[in.arg] = pos
					break
				}
				if int(in.arg) < len(b.cap) {
					b.push(pc, b.cap[in.arg], true)
					b.cap[in.arg] = pos
				}
				pc = in.out
				continue
			case syntax.InstEmptyWidth:
				if syntax.EmptyOp(in.arg)&^b.context(pos) != 0 {
					break
				}
				pc = in.out
				continue
			case syntax.InstNop:
				pc = in.out
				continue
			case syntax.InstMatch:
				if len(b.cap) == 0 {
					return true
				}
				if len(b.cap) > 1 {
					b.cap[1] = pos
				}
				copy(b.matchcap, b.cap)
				return true
			}
			break
		}
	}
	return false
}

// matchRune reports whether the rune instruction in matches r.
func (b *progRun) matchRune(in *progInst, r rune) bool {
	switch in.op {
	case syntax.InstRune1:
		return r == b.p.runes[in.lo]
	case syntax.InstRuneAny:
		return r != -1
	case syntax.InstRuneAnyNotNL:
		return r != -1 && r != '\n'
	}
	if r == -1 {
		return false
	}
	si := syntax.Inst{Op: syntax.InstRune, Arg: in.arg, Rune: b.p.runes[in.lo:in.hi]}
	return si.MatchRune(r)
}

// progScratch is the backtracker's memory, reused by one match at a time
// (a match that finds it taken allocates its own): a run matches a few
// hundred lines with programs, and fresh memory for each cost page faults.
var progScratch struct {
	sync.Mutex
	run progRun
}

// match returns the first match's capture positions in s (ncap of them;
// ncap 0: none); found reports whether there is a match, ok is false when
// s is too long for the backtracker.
func (p *prog) match(s string, ncap int) (m []int, found, ok bool) {
	bits := len(p.inst) * (len(s) + 1)
	if bits > progMaxBits {
		return nil, false, false
	}
	b := &progRun{}
	if progScratch.TryLock() {
		defer progScratch.Unlock()
		b = &progScratch.run
	}
	b.p, b.s = p, s
	b.visited = grown(b.visited, (bits+31)/32)
	clear(b.visited)
	b.jobs = b.jobs[:0]
	b.cap = grown(b.cap, ncap)
	b.matchcap = nil
	if ncap > 0 {
		b.matchcap = make([]int, ncap) // returned to the caller
		for i := range b.cap {
			b.cap[i], b.matchcap[i] = -1, -1
		}
	}
	if p.anchor {
		if len(b.cap) > 0 {
			b.cap[0] = 0
		}
		found = b.try(0)
		return b.matchcap, found, true
	}
	for pos, w := 0, -1; pos <= len(s) && w != 0; pos += w {
		if len(b.cap) > 0 {
			b.cap[0] = pos
		}
		if b.try(pos) {
			return b.matchcap, true, true
		}
		_, w = b.step(pos)
	}
	return nil, false, true
}

// grown returns b with length n, reusing its array when it is long enough.
func grown[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}
