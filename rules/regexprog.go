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
	"unicode/utf8"
)

// progsFile is the file the programs' table is kept in, beside this one;
// it is made with the snapshot (go generate ./rules), keyed by the regex's
// source like the filters' table, of which it is kept apart so that the
// load's look-ups of filters do not read its pages.
const progsFile = "progs.snapshot"

//go:embed progs.snapshot
var defaultProgs string

// progsMagic opens the table; its last byte is the format's version.
const progsMagic = "whosaid-prog-snapshot\x01"

// filterProg is the table's one kind of entry.
const filterProg = 'P'

// buildProgs returns the table of the programs of the patterns.
func buildProgs(patterns []string) []byte {
	seen := map[string]bool{}
	var ps []string
	for _, p := range patterns {
		if !seen[p] {
			seen[p] = true
			ps = append(ps, p)
		}
	}
	sort.Strings(ps)
	var tab []tableEntry
	for _, p := range ps {
		if v, ok := encodeProg(p); ok {
			tab = append(tab, tableEntry{filterProg, p, v})
		}
	}
	return buildTable(progsMagic, tab)
}

// progOf returns the program of the default regex src from the table, or
// nil.
func progOf(src string) *prog {
	v, ok := lookupEntry(defaultProgs, progsMagic, filterProg, src)
	if !ok {
		return nil
	}
	p, _ := decodeProg(v)
	return p
}

// progUses is how many matches a default regex makes from its program
// before it is compiled.
const progUses = 64

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

// match returns the first match's capture positions in s (ncap of them;
// ncap 0: whether there is one, as a non-nil empty slice); ok is false
// when s is too long for the backtracker.
func (p *prog) match(s string, ncap int) (m []int, found, ok bool) {
	bits := len(p.inst) * (len(s) + 1)
	if bits > progMaxBits {
		return nil, false, false
	}
	b := &progRun{p: p, s: s, visited: make([]uint32, (bits+31)/32)}
	if ncap > 0 {
		b.cap = make([]int, 2*ncap)
		b.matchcap, b.cap = b.cap[:ncap], b.cap[ncap:]
		for i := range b.cap {
			b.cap[i], b.matchcap[i] = -1, -1
		}
	}
	if p.anchor {
		if len(b.cap) > 0 {
			b.cap[0] = 0
		}
		found = b.try(0)
		return b.matchcap[:ncap:ncap], found, true
	}
	for pos, w := 0, -1; pos <= len(s) && w != 0; pos += w {
		if len(b.cap) > 0 {
			b.cap[0] = pos
		}
		if b.try(pos) {
			return b.matchcap[:ncap:ncap], true, true
		}
		_, w = b.step(pos)
	}
	return nil, false, true
}
