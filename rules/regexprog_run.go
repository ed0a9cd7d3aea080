package rules

// The backtracker over a program of the table (regexprog.go): regexp's
// own backtrack.go, leftmost-first, with the same capture positions.

import (
	"regexp/syntax"
	"sync"
	"unicode/utf8"
)

// progUses is how many matches a default regex makes from its program
// before it is compiled.
const progUses = 16

// progMaxBits bounds the backtracker's visited set (instructions × input
// positions); a longer input compiles the regex.
const progMaxBits = 1 << 16

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

// progScratch is a program's backtracker memory, reused by one match at a
// time (a match that finds it taken allocates its own): a run matches a
// few lines with each program, and fresh memory for each line cost page
// faults.
type progScratch struct {
	sync.Mutex
	run progRun
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
					pc = uint32(in.arg)
					continue
				}
				b.push(pc, pos, true)
				pc = uint32(in.out)
				continue
			case syntax.InstRune, syntax.InstRune1:
				r, w := b.step(pos)
				if r < 0 || !b.p.matchRune(in, r) {
					break
				}
				pos += w
				pc = uint32(in.out)
				continue
			case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				r, w := b.step(pos)
				if r < 0 || r == '\n' && in.op == syntax.InstRuneAnyNotNL {
					break
				}
				pos += w
				pc = uint32(in.out)
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
				pc = uint32(in.out)
				continue
			case syntax.InstEmptyWidth:
				if syntax.EmptyOp(in.arg)&^b.context(pos) != 0 {
					break
				}
				pc = uint32(in.out)
				continue
			case syntax.InstNop:
				pc = uint32(in.out)
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

// match returns the first match's capture positions in s (ncap of them;
// ncap 0: none); found reports whether there is a match, ok is false when
// s is too long for the backtracker.
func (p *prog) match(s string, ncap int) (m []int, found, ok bool) {
	bits := len(p.inst) * (len(s) + 1)
	if bits > progMaxBits {
		return nil, false, false
	}
	b := &progRun{}
	if p.scratch.TryLock() {
		defer p.scratch.Unlock()
		b = &p.scratch.run
	}
	b.p, b.s = p, s
	b.visited = grown(b.visited, (bits+31)/32)
	clear(b.visited)
	b.jobs = grown(b.jobs, 64)[:0]
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
		if p.first.on && (pos == len(s) || !p.first.has(s[pos])) {
			_, w = b.step(pos) // no match starts here: its first rune is not there
			continue
		}
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
