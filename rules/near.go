package rules

import (
	"math/bits"
	"slices"
)

// MatchNear is MatchFrom for a rule of reported speech (no quotation)
// whose cue entries are known: cues are the sorted indexes of the tokens
// at which an entry of one of r.CueLists() starts (at least all of them
// from lo on), and reach is r.CueReach() (by pointer: it is not copied
// per call). The starts from which no match can reach a cue — one too far
// before every cue, or whose speaker phrases all end too far before every
// cue — are not tried; the result is that of
// MatchFrom(r, -1, lo, hi).
func (w *Window) MatchNear(r *AttrRule, lo, hi int, cues []int, reach *CueReach) (Match, bool) {
	var m Match
	ok := w.MatchNearTo(&m, r, lo, hi, cues, reach)
	return m, ok
}

// MatchNearTo is MatchNear into dst: it reports whether it found a match,
// and writes dst only then. The gates that read the cues, the tokens and
// the pivot alone are told before matchFrom's call (three in five calls
// end at them, and matchFrom's set-up and code are not paid for those);
// what they reject is not remembered (the memos cost more).
func (w *Window) MatchNearTo(dst *Match, r *AttrRule, lo, hi int, cues []int, reach *CueReach) bool {
	if len(cues) == 0 || cues[len(cues)-1] < max(lo, 0)+reach.minLead ||
		reach.content && cues[0] >= w.contentBefore() {
		return false
	}
	n := near{cues: cues, reach: reach}
	if reach.pivot != nil && !w.pivotHolds(&n) {
		return false
	}
	return w.matchFrom(dst, r, -1, lo, hi, &n)
}

// near is what MatchNear knows of the cues of a window.
type near struct {
	cues  []int
	reach *CueReach
}

// cueIn reports whether a cue stands at a token from a to b (inclusive):
// by a scan of the cues when there are a few (a rule has one to three in
// most sentences, and the scan inlines), else by a binary search.
func (n *near) cueIn(a, b int) bool {
	if len(n.cues) > 8 {
		return n.cueSearch(a, b)
	}
	for _, c := range n.cues {
		if c >= a {
			return c <= b
		}
	}
	return false
}

// cueSearch is cueIn by a binary search of the cues.
func (n *near) cueSearch(a, b int) bool {
	k, _ := slices.BinarySearch(n.cues, a)
	return k < len(n.cues) && n.cues[k] <= b
}

// reaches reports whether a match of the pattern items from start can
// reach a cue (see MatchNear): false only when none can. For a pattern
// that opens with SPEAKER, some speaker phrase at start must be followed
// by what the rest of the pattern can start with, and end close enough
// before a cue, with the tokens up to it tiled by the atoms between
// (reachesCue).
func (m *matcher) reaches(n *near, items []*item, start int) bool {
	rc := n.reach
	if rc.Gap < 0 {
		return rc.Lead < 0 || rc.Off < 0 || n.cueIn(start, start+rc.Lead+rc.Off)
	}
	// the phrases first: most starts have none (told by the memo)
	ps := m.phrasesAt(start)
	return len(ps) != 0 && m.reachesFrom(n, items, start, ps)
}

// reachesFrom is reaches for a pattern that opens with SPEAKER (a Gap),
// whose phrases at start, ps, are not empty (matchFrom's loop asks them
// before the call).
func (m *matcher) reachesFrom(n *near, items []*item, start int, ps []SpeakerPhrase) bool {
	rc := n.reach
	if rc.Lead >= 0 && rc.Off >= 0 && !n.cueIn(start, start+rc.Lead+rc.Off) {
		return false
	}
	it := items[0]
	for _, sp := range ps {
		if !it.admits(sp.Type) || it.subject && !m.rs.subjectAt(m.toks, start, sp.Type) {
			continue
		}
		e := sp.Span.End
		if n.cueIn(e, e+rc.Gap) && (rc.fill != nil || m.canStart(items[1:], e)) && m.reachesCueMemo(n, e) {
			return true
		}
	}
	return false
}

// lastEnd returns the last token e, after first and at most at the last
// cue, at which a phrase of the pattern's SPEAKER may end (mayEndPhrase)
// and still reach a cue through the fill (reachesCue: the tokens from e
// to a cue at most Gap on tiled by the fill's atoms); 0 if there is none.
// No start at or after it reaches a cue, and with none no start does. For
// a pattern with a fill (CueReach.fill not nil), called before any
// reachesCueMemo of the match: it tells the tilings from the last cue
// down, each from those after it (the fewest tokens to a cue, 2 more, in
// the window's cueSeen), and leaves them there for the start loop.
func (m *matcher) lastEnd(n *near, first int) int {
	rc, seen, b := n.reach, m.Window.cueSeen, &m.rs.speakerBits
	gap, last := rc.Gap, n.cues[len(n.cues)-1]
	if gap >= 64 || last >= len(seen) || last >= len(m.toks) {
		return last // (reachesCue tells no such gap: no bound)
	}
	k := len(n.cues) - 1
	run := 0 // the positions in a row from p on from which no cue is reached
	for p := last; p > first; p-- {
		cue := false
		for k >= 0 && n.cues[k] >= p {
			cue = cue || n.cues[k] == p
			k--
		}
		d := gap + 1
		if cue {
			d = 0
		} else {
			for ks := m.fillSteps(rc.fill, &rc.fillStart, p); ks != 0; ks &= ks - 1 {
				s := bits.TrailingZeros64(ks)
				if q := p + s; q < len(seen) && seen[q] >= 2 {
					d = min(d, s+int(seen[q])-2)
				}
			}
		}
		if d > gap {
			seen[p] = 1
			// a run as long as the longest atom: no tiling crosses it,
			// and the tokens down to the next cue reach none
			if run++; run >= rc.fillStart.maxLen {
				if k < 0 {
					break
				}
				p = n.cues[k] + 1 // (the loop's step lands on the cue)
			}
			continue
		}
		seen[p], run = byte(2+d), 0
		// (mayEndPhrase's first test inline: a name or a head before)
		if t := &m.toks[p-1]; t.Kind == Word {
			if c := m.rs.cls(t); c&b.ends != 0 || t.Cap && c&b.capStops == 0 {
				return p
			}
		}
		if m.rs.mayEndPhrase(m.toks, p) {
			return p
		}
	}
	return 0
}

// reachesCueMemo is reachesCue, remembered by e for the match (the
// speaker phrases from several starts end at the same token: Yury
// Ushakov and Ushakov before said).
func (m *matcher) reachesCueMemo(n *near, e int) bool {
	w := m.Window
	if n.reach.fill == nil || uint(e) >= uint(len(w.cueSeen)) {
		return m.reachesCue(n, e)
	}
	if w.cueSeen[e] == 0 {
		w.cueSeen[e] = 1
		if m.reachesCue(n, e) {
			w.cueSeen[e] = 2
		}
	}
	return w.cueSeen[e] >= 2 // (lastEnd writes 2 and the tokens to the cue)
}

// reachesCue reports whether the tokens from e up to a cue (at most
// CueReach.Gap tokens on) are tiled by matches of the atoms of
// CueReach.fill, as they are in every match whose speaker phrase ends at
// e: false only when no match can. Each atom matches as the matcher's
// items do (a list its longest entry).
func (m *matcher) reachesCue(n *near, e int) bool {
	return m.tiles(n, n.reach.fill, &n.reach.fillStart, n.reach.Gap, e)
}

// tiles reports whether the tokens from e up to a cue of n (at most gap
// tokens on) are tiled by matches of the atoms fill (true when fill is nil
// or gap too large to tell); f is startFilterOf(fill). The offsets from e
// that the tiling reaches are the bits of a mask, taken from the lowest
// (each atom's match ends after its start).
func (m *matcher) tiles(n *near, fill []*item, f *startFilter, gap, e int) bool {
	if fill == nil || gap >= 64 {
		return true
	}
	if len(fill) == 0 {
		return n.cueIn(e, e) // (a capture that opens with its entry)
	}
	upTo := ^uint64(0) >> uint(63-gap) // (the offsets 0 to gap)
	for at := uint64(1); at != 0; at &= at - 1 {
		d := bits.TrailingZeros64(at)
		p := e + d
		if n.cueIn(p, p) {
			return true
		}
		at |= m.fillSteps(fill, f, p) << uint(d) & upTo
	}
	return false
}

// fillSteps returns the lengths of the matches of the atoms fill at token
// p as the bits of a mask (bit k: a match of k tokens, below 64), 0 when
// none matches; f is startFilterOf(fill). Each atom matches as the
// matcher's items do (a list its longest entry). A fill of one-token
// atoms and lists (startFilter.short) is told here, at a classified token
// of a window of f.owner, not atom by atom (eachSteps, through
// otherSteps): f.mayStart's test first (a short filter has no dash); a
// list without phrases, a word or a mark matches one token, so their
// matches are one test of the classes and a comparison of the words; a
// list with phrases (phrased) is asked only where the joined filters of
// its phrases' first words let the token through, else its entry there
// is one word or none, told by the classes too.
func (m *matcher) fillSteps(fill []*item, f *startFilter, p int) uint64 {
	toks, rs := m.toks, m.rs
	if !f.short || p >= len(toks) || toks[p].class == 0 || rs != f.owner {
		return m.otherSteps(fill, f, p)
	}
	t := &toks[p]
	c := t.class
	fb := firstBit(t.Lower)
	if c&f.lists == 0 && (t.Kind != Punct || f.puncts&firstBit(t.Text) == 0) && (t.Kind == Punct || t.Kind == Dash || f.words&fb == 0) {
		return 0 // (mayStart's test: no atom matches there)
	}
	one := c&f.ones != 0
	if f.words&fb != 0 {
		for _, w := range f.lits {
			if t.Lower == w {
				one = true
			}
		}
	}
	if t.Kind == Punct {
		for _, w := range f.marks {
			if t.Text == w {
				one = true
			}
		}
	}
	ks := b2u(one) << 1
	// (ListAt's filters of the phrases' first words, joined: where none
	// passes, each list's entry there is one word or none)
	if k, b := phraseKeyBit(c); c&classPhraseStart == 0 || f.phraseKeys[k]&b == 0 || f.phraseFirsts&fb == 0 {
		return ks | b2u(c&f.phrasedBits != 0)<<1
	}
	for _, l := range f.phrased {
		if k := rs.ListAt(l, toks, p); k > 0 && k < 64 {
			ks |= 1 << uint(k)
		}
	}
	return ks
}

// otherSteps is fillSteps where it does not tell the atoms by a short
// filter.
func (m *matcher) otherSteps(fill []*item, f *startFilter, p int) uint64 {
	if p >= len(m.toks) || !f.mayStart(m.rs, &m.toks[p]) {
		return 0 // no atom matches there
	}
	return m.eachSteps(fill, p)
}

// eachSteps is fillSteps at a token that f.mayStart lets through, atom by
// atom: the reference that fillSteps' short filters are compared with.
func (m *matcher) eachSteps(fill []*item, p int) uint64 {
	toks, rs := m.toks, m.rs
	c := toks[p].class // (mayList's test, the token read once)
	var ks uint64
	for _, a := range fill {
		k := 0
		switch a.op {
		case opList:
			if l := a.list; l != nil && (l.owner != rs || c == 0 || c&(l.bit|classPhraseStart) != 0) {
				k = rs.ListAt(l, toks, p)
			}
		case opLit:
			if m.atomAt(a, p) {
				k = len(a.lit)
			}
		default:
			if m.atomAt(a, p) {
				k = 1
			}
		}
		if k > 0 && k < 64 {
			ks |= 1 << uint(k)
		}
	}
	return ks
}

// startFilter tells, without a look at each atom, the tokens at which
// none of some atoms (lists, literals, punctuation marks, dashes) can
// match: a list's by the token's classes (lists, of one owner), a
// literal's by the firstBit of its first word (words), a mark's by the
// firstBit of its text (puncts); any when an atom is not told so.
type startFilter struct {
	// (what mayStart and fillSteps read first: one cache line)
	lists, words, puncts uint64
	// ones, phrasedBits, phraseFirsts: see short
	ones, phrasedBits, phraseFirsts uint64
	owner                           *Ruleset
	dash, any                       bool
	// short is whether every atom is a list of owner with a class bit, a
	// literal of one word or a punctuation mark (fillSteps tells them):
	// ones are the bits of its lists without phrases, phrased (and
	// phrasedBits) its lists with phrases, lits its words and marks its
	// marks; phraseKeys and phraseFirsts join the filters of the phrases'
	// first words of the lists of phrased
	short bool
	// maxLen is the most tokens a match of one of the atoms spans
	maxLen      int
	lits, marks []string
	phrased     []*List
	phraseKeys  [4]uint64
}

// startFilterOf returns the startFilter of atoms.
func startFilterOf(atoms []*item) startFilter {
	var f startFilter
	f.short = len(atoms) > 0
	for _, a := range atoms {
		f.maxLen = max(f.maxLen, 1)
		switch a.op {
		case opList:
			if a.list != nil {
				f.maxLen = max(f.maxLen, a.list.maxLen)
			}
			if l := a.list; l != nil && l.bit != 0 && l.owner != nil && (f.owner == nil || f.owner == l.owner) {
				f.lists |= l.bit | classPhraseStart
				f.owner = l.owner
				if l.maxLen > 1 {
					f.phrasedBits |= l.bit
					f.phrased = append(f.phrased, l)
					for k, b := range l.phraseKeys {
						f.phraseKeys[k] |= b
					}
					f.phraseFirsts |= l.firsts
				} else {
					f.ones |= l.bit
				}
			} else {
				f.any, f.short = true, false
			}
		case opLit:
			f.maxLen = max(f.maxLen, len(a.lit))
			if len(a.lit) == 0 {
				f.any, f.short = true, false
			} else {
				f.words |= firstBit(a.lit[0])
				f.short = f.short && len(a.lit) == 1
				f.lits = append(f.lits, a.lit[0])
			}
		case opPunct:
			f.puncts |= firstBit(a.punct)
			f.marks = append(f.marks, a.punct)
		case opDash:
			f.dash, f.short = true, false
		default:
			f.any, f.short = true, false
		}
	}
	f.short = f.short && f.owner != nil
	return f
}

// mayStart reports whether one of the atoms of f may match at token t of
// a window of rs: false only when none does (see mayList and atomAt).
func (f *startFilter) mayStart(rs *Ruleset, t *Token) bool {
	c := t.class
	if f.any || c == 0 || f.lists != 0 && (rs != f.owner || c&f.lists != 0) {
		return true
	}
	switch t.Kind {
	case Punct:
		return f.puncts&firstBit(t.Text) != 0
	case Dash:
		return f.dash
	}
	return f.words&firstBit(t.Lower) != 0
}
