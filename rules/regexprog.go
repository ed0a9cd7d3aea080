package rules

// The programs of the default rules' regexes, compiled beforehand: a run
// that tries a regex on a few lines only (one article) matches with the
// program from the snapshot's table instead of compiling the regex, which
// cost the seed article's run a ninth of its instructions and the memory
// of regexp/syntax's nodes. The matcher (regexprog_run.go) is a
// backtracker over the program regexp/syntax compiles (the one regexp's
// own backtracker runs, with the same leftmost-first choices), so its
// results are regexp's; a Regexp compiles itself after progUses matches,
// for the speed of regexp's other engines on a corpus.

import (
	_ "embed"
	"encoding/binary"
	"regexp/syntax"
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"
)

// progsFile is the file the programs' table is kept in, beside this one;
// it is made with the snapshot (go generate ./rules). The table is keyed
// by a hash of the regex's source, its index (8-byte hashes, sorted, and
// 4-byte offsets) ahead of the entries (the source, then the program), so
// that a look-up reads the index's page or two and its entry's. A program
// is read where it lies (progInstBytes per instruction, its rune ranges
// after them), not decoded.
const progsFile = "progs.snapshot"

//go:embed progs.snapshot
var defaultProgs string

// progsMagic opens the table; its last byte is the format's version.
const progsMagic = "whosaid-prog-snapshot\x03"

// progMaxBytes bounds a program in the table: the few larger ones (case
// folded classes of every script) are compiled as before.
const progMaxBytes = 8 << 10

// progInstBytes is the size of an instruction in the table: its op, its
// count of rune ranges, its out, its arg and its first range's index
// (uint16s, little-endian).
const progInstBytes = 8

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
	n, index, body, ok := tableParts(data, progsMagic, 12)
	if !ok {
		return "", false
	}
	h := progHash(src)
	hashAt := func(i int) uint64 { return uint64(le32(index, 12*i)) | uint64(le32(index, 12*i+4))<<32 }
	for i := sort.Search(n, func(i int) bool { return hashAt(i) >= h }); i < n && hashAt(i) == h; i++ {
		off := int(le32(index, 12*i+8))
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

// le16 and le32 read little-endian numbers at i of s.
func le16(s string, i int) int { return int(s[i]) | int(s[i+1])<<8 }

func le32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

// progInst is an instruction of a program, as the table holds it. An
// instruction that matches one rune up to U+FFFF (a literal's) has it in
// lo and no ranges, and arg 1 when the rune's case folds (as
// syntax.FoldCase); the other rune instructions have their n ranges from
// lo, the fold in them.
type progInst struct {
	op       syntax.InstOp
	n        uint8 // rune ranges
	out, arg uint16
	lo       uint16 // the first range's index, or the rune
}

// prog is a regex's program from the table.
type prog struct {
	inst   []progInst
	runes  string // the rune ranges, pairs of little-endian uint32s, in the table
	start  int
	ncap   int      // the program's capture slots (syntax.Prog.NumCap)
	names  []string // the subexpressions' names, as regexp.SubexpNames
	anchor bool     // the program can only match at the input's start

	// first tells the bytes a match can start with, when first.on: a
	// match consumes a rune first, from ranges of ASCII (first.ascii, a
	// bit per byte) and, when first.wide, of other runes too
	first progFirst

	scratch progScratch // the backtracker's memory (regexprog_run.go)
}

// runeRanges returns the ranges an instruction of op Rune or Rune1
// matches, as pairs of bounds, sorted; a case-folded literal rune becomes
// the ranges of its fold orbit (as syntax.Inst.MatchRunePos matches it).
func runeRanges(in syntax.Inst) []rune {
	if len(in.Rune) != 1 {
		return in.Rune
	}
	r0 := in.Rune[0]
	rs := []rune{r0}
	if in.Op == syntax.InstRune && syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
		for r1 := unicode.SimpleFold(r0); r1 != r0; r1 = unicode.SimpleFold(r1) {
			rs = append(rs, r1)
		}
		slices.Sort(rs)
	}
	var pairs []rune
	for _, r := range rs {
		pairs = append(pairs, r, r)
	}
	return pairs
}

// encodeProg returns the table's value for the regex src, or false when
// the backtracker does not run its program or the table cannot hold it.
func encodeProg(src string) ([]byte, bool) {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil, false
	}
	names := re.CapNames()
	p, err := syntax.Compile(re.Simplify())
	if err != nil || len(p.Inst) > 1<<16-1 {
		return nil, false
	}
	var insts, runes []byte
	nranges := 0
	for _, in := range p.Inst {
		var rs []rune
		arg, lo := in.Arg, nranges
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1:
			if len(in.Rune) == 1 && in.Rune[0] <= 1<<16-1 {
				arg, lo = 0, int(in.Rune[0])
				if in.Op == syntax.InstRune && syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
					arg = 1
				}
				break
			}
			rs, arg = runeRanges(in), 0 // the fold is in the ranges
			if len(rs) == 0 || len(rs)%2 != 0 || len(rs)/2 > 255 || nranges > 1<<16-1 {
				return nil, false
			}
		case syntax.InstAlt, syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstMatch, syntax.InstNop,
			syntax.InstRuneAny, syntax.InstRuneAnyNotNL, syntax.InstFail:
		default:
			return nil, false
		}
		if arg > 1<<16-1 {
			return nil, false
		}
		insts = append(insts, byte(in.Op), byte(len(rs)/2))
		insts = binary.LittleEndian.AppendUint16(insts, uint16(in.Out))
		insts = binary.LittleEndian.AppendUint16(insts, uint16(arg))
		insts = binary.LittleEndian.AppendUint16(insts, uint16(lo))
		for _, r := range rs {
			runes = binary.LittleEndian.AppendUint32(runes, uint32(r))
		}
		nranges += len(rs) / 2
	}
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, n := range names {
		b = binary.AppendUvarint(b, uint64(len(n)))
		b = append(b, n...)
	}
	b = binary.AppendUvarint(b, uint64(p.Start))
	b = binary.AppendUvarint(b, uint64(p.NumCap))
	b = appendFirst(b, p)
	b = binary.AppendUvarint(b, uint64(len(p.Inst)))
	b = binary.AppendUvarint(b, uint64(nranges))
	b = append(b, insts...)
	return append(b, runes...), true
}

// progFirst is the set of the bytes a match can start with (prog.first).
type progFirst struct {
	on, wide bool
	ascii    [2]uint64
}

// progFirstBytes is the size of a progFirst in the table: a byte of flags
// (1 on, 2 wide), then the ASCII bits, little-endian.
const progFirstBytes = 17

// has reports whether a match can start at byte c.
func (f *progFirst) has(c byte) bool {
	if c >= utf8.RuneSelf {
		return f.wide // the rune there, or U+FFFD for a broken one
	}
	return f.ascii[c/64]&(1<<(c%64)) != 0
}

// appendFirst appends to b the progFirst of p, found by following its
// instructions from the start up to the runes they consume (an empty-width
// condition is taken as met): it is off when the match can be empty or
// can start with any rune.
func appendFirst(b []byte, p *syntax.Prog) []byte {
	f := progFirst{on: true}
	seen := make([]bool, len(p.Inst))
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] || !f.on {
			return
		}
		seen[pc] = true
		in := p.Inst[pc]
		switch in.Op {
		case syntax.InstAlt:
			walk(in.Out)
			walk(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			walk(in.Out)
		case syntax.InstFail:
		case syntax.InstRune, syntax.InstRune1:
			rs := runeRanges(in)
			for i := 0; i+1 < len(rs); i += 2 {
				for r := rs[i]; r <= rs[i+1] && r < utf8.RuneSelf; r++ {
					f.ascii[r/64] |= 1 << (r % 64)
				}
				f.wide = f.wide || rs[i+1] >= utf8.RuneSelf
			}
		default: // a match, any rune
			f.on = false
		}
	}
	walk(uint32(p.Start))
	var flags byte
	if f.on {
		flags = 1
		if f.wide {
			flags |= 2
		}
	} else {
		f.ascii = [2]uint64{}
	}
	b = append(b, flags)
	b = binary.LittleEndian.AppendUint64(b, f.ascii[0])
	return binary.LittleEndian.AppendUint64(b, f.ascii[1])
}

// readFirst reads a progFirst of appendFirst at the start of s.
func readFirst(s string) progFirst {
	le64 := func(i int) uint64 { return uint64(le32(s, i)) | uint64(le32(s, i+4))<<32 }
	return progFirst{on: s[0]&1 != 0, wide: s[0]&2 != 0, ascii: [2]uint64{le64(1), le64(9)}}
}

// decodeProg reads a value of encodeProg at the start of s, checking that
// its instructions stay within it; ok is false when it is broken.
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
	if nn := next(); nn <= len(s) {
		p.names = make([]string, nn)
	}
	for i := range p.names {
		n := next()
		if n > len(s) {
			return nil, false
		}
		p.names[i], s = s[:n], s[n:]
	}
	p.start, p.ncap = next(), next()
	if len(s) < progFirstBytes {
		return nil, false
	}
	p.first, s = readFirst(s), s[progFirstBytes:]
	n, nranges := next(), next()
	if !ok || p.names == nil || p.ncap > 2*len(p.names) ||
		n > len(s)/progInstBytes || nranges > (len(s)-n*progInstBytes)/8 || p.start >= n {
		return nil, false
	}
	p.inst, p.runes = make([]progInst, n), s[n*progInstBytes:n*progInstBytes+nranges*8]
	for i := range p.inst {
		b := s[i*progInstBytes : (i+1)*progInstBytes]
		in := progInst{op: syntax.InstOp(b[0]), n: b[1], out: uint16(le16(b, 2)), arg: uint16(le16(b, 4)), lo: uint16(le16(b, 6))}
		if int(in.out) >= n || in.op > syntax.InstRuneAnyNotNL || in.op == syntax.InstAlt && int(in.arg) >= n ||
			in.n > 0 && int(in.lo)+int(in.n) > nranges {
			return nil, false
		}
		p.inst[i] = in
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

// matchRune reports whether the rune instruction in matches r.
func (p *prog) matchRune(in *progInst, r rune) bool {
	if in.n == 0 {
		r0 := rune(in.lo)
		if r == r0 || in.arg == 0 {
			return r == r0
		}
		// as syntax.Inst.MatchRunePos: the runes of r0's fold orbit
		for r1 := unicode.SimpleFold(r0); r1 != r0; r1 = unicode.SimpleFold(r1) {
			if r == r1 {
				return true
			}
		}
		return false
	}
	rs := p.runes[8*int(in.lo) : 8*(int(in.lo)+int(in.n))]
	if len(rs) <= 32 {
		for j := 0; j < len(rs); j += 8 {
			if r < rune(le32(rs, j)) {
				return false
			}
			if r <= rune(le32(rs, j+4)) {
				return true
			}
		}
		return false
	}
	for len(rs) > 0 {
		m := len(rs) / 16 * 8
		if r < rune(le32(rs, m)) {
			rs = rs[:m]
		} else if r > rune(le32(rs, m+4)) {
			rs = rs[m+8:]
		} else {
			return true
		}
	}
	return false
}
