package rules

import "slices"

// minClauseWords is the least number of words outside quotation marks that
// reported content holds (“he said so” reports nothing a reader can use).
const minClauseWords = 2

// clauseStart reports whether reported content can open at pos: a
// quotation other than the one being attributed, or a word — after another
// word (a cue: said in an interview) one that is not in the
// not_clause_openers list; at the start of the window or after punctuation
// any word (In particular, …).
func (m *matcher) clauseStart(pos int) bool {
	if pos >= len(m.toks) {
		return false
	}
	t := &m.toks[pos]
	switch t.Kind {
	case QuoteT:
		return pos != m.quote
	case Word:
		return pos == 0 || m.toks[pos-1].Kind != Word || !m.rs.InList(m.clauseLists().notOpeners, t)
	}
	return false
}

// clause matches the CLAUSE item (strict) or the CONTENT item at pos:
// reported content, a run of tokens that opens where clauseStart allows and
// ends with a word, a quotation or a closing bracket, not inside a name,
// and that holds at least minClauseWords words outside quotation marks. A
// strict clause also holds more words outside quotation marks than inside
// them — a paraphrase with a quoted fragment is a clause, a quotation with
// a few words around it is not.
//
// The longest run is tried first, so that the content runs over
// subordinate clauses to the end of the sentence; a run that reaches the
// trailing punctuation of the window consumes that punctuation too (the
// content, captured as "content", does not hold it). Each run tried counts
// one step of the match. When follow is not empty, the punctuation token
// follow must come right after the run (the next item of the pattern), and
// the runs it does not follow are not tried.
func (m *matcher) clause(strict bool, pos int, follow string, k func(int) bool) bool {
	toks := m.toks
	if !m.clauseStart(pos) {
		return false
	}
	// the end of the window without its trailing punctuation
	last := len(toks)
	for last > pos && toks[last-1].Kind == Punct && !isCloser(toks[last-1].Text) {
		last--
	}
	// the run that the content can span (to the first break), then its
	// possible ends, from the longest: an end after toks[j] with the
	// words counted from pos to j
	b, out, in := m.contentRun(pos, last, strict)
	for j := b - 1; j >= pos && out >= minClauseWords; j-- {
		t := &toks[j]
		ok := (!strict || out > in) && (t.Kind == Word || t.Kind == QuoteT || isCloser(t.Text)) && !inName(toks, j)
		switch t.Kind { // the counts of the run before toks[j], for the next end
		case Word:
			out--
		case QuoteT:
			if strict { // (only a strict clause reads in)
				in -= quoteWords(t.Text)
			}
		}
		if !ok {
			continue
		}
		end := j + 1
		next := end
		if end == last {
			next = len(toks) // the trailing punctuation goes with the clause
		}
		tryNext, tryEnd := true, next != end
		if follow != "" { // only the ends that the punctuation follows
			tryNext = next < len(toks) && toks[next].Kind == Punct && toks[next].Text == follow
			tryEnd = tryEnd && toks[end].Kind == Punct && toks[end].Text == follow
			if !tryNext && !tryEnd {
				continue
			}
		}
		if m.step() {
			return false
		}
		depth := len(m.caps)
		m.caps = append(m.caps, capture{contentCapture, Span{pos, end}})
		if tryNext && k(next) || tryEnd && k(end) {
			return true
		}
		m.caps = m.caps[:depth]
	}
	return false
}

// clauseLists are the lists that delimit reported content, looked up once
// per window.
type clauseLists struct {
	done                      bool
	notOpeners, breaks, stops *List
	// fronted is the fronted_subordinators list (nil: none), looked up
	// by name once: see frontedComma.
	fronted *List
	// seconds holds the stops' phrases by their second words (nil: none
	// told, ListAt decides): a word followed by none of them starts no
	// phrase of the list, and one followed by one of them starts a phrase
	// only if one of those goes on there — told without ListAt's scan of
	// the phrases of the first word.
	seconds *slotted[stopPhrase]
}

// clauseLists returns the window's clauseLists: the ruleset's, bound at
// load, or looked up in its lists.
func (m *matcher) clauseLists() *clauseLists {
	cl := &m.Window.clause
	if !cl.done {
		m.bindClauseLists(cl)
	}
	return cl
}

// bindClauseLists sets cl, the window's clauseLists, once a window: out
// of the code of clauseLists' callers, which inline the test.
//
//go:noinline
func (m *matcher) bindClauseLists(cl *clauseLists) {
	if b := &m.rs.speakerLists.clause; b.done {
		*cl = *b
	} else {
		ls := m.rs.Lists
		*cl = clauseLists{done: true, notOpeners: ls[ListNotClauseOpeners], breaks: ls[ListClauseBreaks], stops: ls[ListClauseStops]} // (no seconds: ListAt tells the stops)
	}
	cl.fronted = m.rs.Lists[listFrontedSubordinators]
}

// listFrontedSubordinators names the list of words that open a
// subordinate or relative clause at the start of a sentence or right after
// a comma (While X has said A, his party …; Trump, who has accused X of A,
// may …); the list is optional.
const listFrontedSubordinators = "fronted_subordinators"

// frontedComma reports whether the first comma of reported content from
// pos ends it because it closes the clause that the content begins in: the
// clause opens with a word of the fronted_subordinators list at the start
// of the window or right after its last comma between clauses
// (clauseComma) before pos, and the content begins after that word. It
// depends on pos alone, as contentRun's run does.
func (m *matcher) frontedComma(pos int) bool {
	l := m.clauseLists().fronted
	toks := m.toks
	if l == nil {
		return false
	}
	o := pos // the word that opens the clause of pos
	for o > 0 && !clauseComma(toks, o-1) {
		o--
	}
	return o < pos && toks[o].Kind == Word && m.rs.InList(l, &toks[o])
}

// clauseComma reports whether toks[j] is a comma between clauses: not one
// inside a number (2,400), which no space follows.
func clauseComma(toks []Token, j int) bool {
	t := &toks[j]
	return t.Kind == Punct && t.Text == "," && (j+1 == len(toks) || toks[j+1].Start > t.End)
}

// clauseBreakAt reports whether reported content that has reached toks[j]
// (j > 0) ends before it: clauseBreak, or an entry of the clause_stops
// list at j; remembered for the window.
func (m *matcher) clauseBreakAt(j int) bool {
	w := m.Window
	if len(w.brk) == 0 {
		w.brk = resetBytes(w.brk, len(w.toks))
	}
	if b := w.brk[j]; b != 0 {
		return b == 2
	}
	cl := m.clauseLists()
	yes := m.clauseBreak(cl.breaks, j) || m.stopAt(cl, j)
	w.brk[j] = 1
	if yes {
		w.brk[j] = 2
	}
	return yes
}

// resetBytes returns b with n zero bytes, reusing its memory.
func resetBytes(b []uint8, n int) []uint8 {
	if cap(b) < n {
		return make([]uint8, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// mayList reports whether an entry of l can start at toks[p]: false when
// the token's classes (if it has them) tell ListAt's answer, 0, without
// the call; it inlines.
func (m *matcher) mayList(l *List, p int) bool {
	if l.owner != m.rs || uint(p) >= uint(len(m.toks)) {
		return true
	}
	c := m.toks[p].class
	return c == 0 || c&(l.bit|classPhraseStart) != 0
}

// entryLen returns the length of the longest entry of list l at token
// p, as a list item matches, or 0: mayList first, then ListAt.
func (m *matcher) entryLen(l *List, p int) int {
	if !m.mayList(l, p) {
		return 0
	}
	return m.rs.ListAt(l, m.toks, p)
}

// clauseBreak reports whether reported content that has reached toks[j]
// ends before it: at a comma followed by a word of the clause_breaks list
// (…, saying), after a period, or after a quotation that ends its sentence inside the marks
// and is followed by a capitalised word (“… so well.” He touted).
func (m *matcher) clauseBreak(breaks *List, j int) bool {
	toks := m.toks
	t, prev := &toks[j], &toks[j-1]
	if t.Kind == Punct && t.Text == "," && j+1 < len(toks) && breaks != nil && m.mayList(breaks, j+1) && m.rs.ListAt(breaks, toks, j+1) > 0 {
		return true
	}
	if prev.Kind == Punct && (prev.Text == "." || prev.Text == "?" || prev.Text == "!") {
		return true // a sentence end that the splitter kept (before a quotation)
	}
	if prev.Kind == QuoteT && t.Kind == Word && t.Cap && len(prev.Text) > 1 {
		s := prev.Text
		k := len(s) - 1
		for k > 0 && s[k]&0xC0 == 0x80 { // back to the start of the closing mark
			k--
		}
		if k > 0 && (s[k-1] == '.' || s[k-1] == '?' || s[k-1] == '!') {
			return true
		}
	}
	return false
}

// inName reports whether toks[j] and the token after it are capitalised
// words: a clause does not end inside a name (… closer,” Yury | Ushakov said).
func inName(toks []Token, j int) bool {
	return j+1 < len(toks) && toks[j].Kind == Word && toks[j].Cap && toks[j+1].Kind == Word && toks[j+1].Cap
}

// isCloser reports whether a punctuation token closes a bracket.
func isCloser(s string) bool { return s == ")" || s == "]" }

// quoteWords counts the words of a quotation token's text: the bytes that
// are not a space, tab or line break after one that is (or at the start),
// told without a branch per byte (a quotation runs to hundreds of bytes,
// and a test per byte mispredicts at every word's ends), a byte's space
// read from quoteSpaces (a table: a third of the instructions of a bit
// mask's shifts and its test of the bytes above 63).
func quoteWords(s string) int {
	n, prev := 0, uint8(1) // prev: the byte before is a space (1) or not
	for i := 0; i < len(s); i++ {
		sp := quoteSpaces[s[i]]
		n += int(prev &^ sp)
		prev = sp
	}
	return n
}

// quoteSpaces is 1 at the bytes that quoteWords takes for spaces, 0 at
// the others; it is only read.
var quoteSpaces = [256]uint8{' ': 1, '\n': 1, '\t': 1, '\r': 1}

// CueLists returns lists of which an entry must occur where the `cue:`
// capture of the rule's pattern matches (for each alternative of the cue,
// one list that it requires), each once: a sentence in which no entry of
// any of them occurs cannot match the rule. It returns nil for a rule
// without a cue capture, or with one that can match without a list.
func (r *AttrRule) CueLists() []*List {
	if r.Pattern == nil {
		return nil
	}
	var cue *item
	var walk func(its []*item)
	walk = func(its []*item) {
		for _, it := range its {
			if cue != nil {
				return
			}
			if it.capture == "cue" && it.min > 0 {
				cue = it
				return
			}
			if it.op == opGroup && len(it.alts) == 1 && it.min > 0 {
				walk(it.alts[0])
			}
		}
	}
	walk(r.Pattern.its())
	if cue == nil {
		return nil
	}
	var out []*List
	if !requiredLists([]*item{cue}, &out) {
		return nil
	}
	return out
}

// requiredLists adds to out, for the sequence its, the list of its first
// required list item, or for its first required group the lists that each
// alternative requires; it reports false when the sequence can match
// without an entry of a list.
func requiredLists(its []*item, out *[]*List) bool {
	for _, it := range its {
		if it.min == 0 {
			continue
		}
		switch it.op {
		case opList:
			if it.list == nil {
				return false
			}
			if !slices.Contains(*out, it.list) {
				*out = append(*out, it.list)
			}
			return true
		case opGroup:
			if len(it.alts) == 0 {
				return false
			}
			all := true
			var mine []*List
			for _, alt := range it.alts {
				if !requiredLists(alt, &mine) {
					all = false
					break
				}
			}
			if all {
				for _, l := range mine {
					if !slices.Contains(*out, l) {
						*out = append(*out, l)
					}
				}
				return true
			}
		}
	}
	return false
}

// maxSpeakerSpan bounds the tokens that a SPEAKER item is taken to span
// before a cue, for CueLead (a longer speaker phrase directly before its
// cue is rare: on PolNeAR the statements found are the same as without a
// bound).
const maxSpeakerSpan = maxPhrase

// CueLead returns the most tokens that the items of the rule's pattern
// before its `cue:` capture can span, so that a match starts at most that
// many tokens before a cue (`^` spans none: a rule anchored at the start
// of the sentence is not tried when its first cue stands further on); -1
// when it is not bounded (a CLAUSE before the cue, no cue capture at the
// top level of the pattern).
func (r *AttrRule) CueLead() int {
	if r.Pattern == nil {
		return -1
	}
	lead := 0
	for _, it := range r.Pattern.its() {
		if it.capture == "cue" {
			return lead
		}
		if it.op == opStart {
			continue
		}
		n := span(it)
		if n < 0 {
			return -1
		}
		lead += n
	}
	return -1
}

// span returns the most tokens item it can match, or -1 when unbounded.
func span(it *item) int {
	one := 0
	switch it.op {
	case opSpeaker:
		one = maxSpeakerSpan
	case opLit:
		one = len(it.lit)
	case opList:
		one = 1
		if it.list != nil {
			one = max(1, it.list.maxLen)
		}
	case opGroup:
		for _, alt := range it.alts {
			n := 0
			for _, a := range alt {
				k := span(a)
				if k < 0 {
					return -1
				}
				n += k
			}
			one = max(one, n)
		}
	case opClause, opContent, opStart:
		return -1
	case opEnd:
		one = 0
	default:
		one = 1
	}
	return one * it.max
}

// ListsAt returns a bit mask of the lists ls (bit k for ls[k], at most 64)
// that have an entry starting at toks[i], looking the token's classes up
// once.
func (rs *Ruleset) ListsAt(ls []*List, toks []Token, i int) uint64 {
	if i >= len(toks) {
		return 0
	}
	c := rs.cls(&toks[i])
	var bits uint64
	for k, l := range ls {
		if k >= 64 || l == nil {
			break
		}
		switch {
		case l.owner != rs:
			if l.MatchAt(toks, i) > 0 {
				bits |= 1 << k
			}
		case c&l.bit != 0:
			bits |= 1 << k
		case c&classPhraseStart != 0 && l.maxLen > 1 && l.longestPhrase(toks, i, 0) > 0:
			bits |= 1 << k
		}
	}
	return bits
}

// Anchored reports whether the rule's pattern starts with ^: it matches
// only from the start of the window.
func (r *AttrRule) Anchored() bool {
	return r.Pattern != nil && r.Pattern.anchored
}

// CueReach bounds where the cue of a rule of reported speech stands
// relative to the start of a match, so that a match need only be tried
// from the starts that can reach an entry of the rule's cue lists
// (Window.MatchNear). A field of -1 is unbounded.
type CueReach struct {
	// (the fields that the first gates of a visit read come first: one
	// cache line)

	// minLead is the fewest tokens before the cue capture (minLeadOf).
	minLead int
	// content is whether reported content (CONTENT or CLAUSE) follows
	// the cue capture (contentAfterOf).
	content bool
	// mark and markSpan are the cueContent's mark and span (see
	// cueContent.markOf; mark 0: none), for CueMarks.
	mark     byte
	markSpan uint8
	// pivot is what must stand right before the cue (pivotOf), or nil.
	pivot *pivot
	// cueContent is what a match reads from its cue verb to its content
	// (cueContentOf), or nil.
	cueContent *cueContent
	// Lead is CueLead: the most tokens before the `cue:` capture.
	Lead int
	// Off is the most tokens from the start of the `cue:` capture to the
	// start of the entry of one of CueLists that it holds.
	Off int
	// Gap is, for a pattern that starts with one SPEAKER, the most tokens
	// from the end of the speaker phrase to that entry; else -1.
	Gap int
	// fill, when Gap is not -1 and it is not nil, holds the atoms that
	// the items from the end of the speaker phrase to that entry are made
	// of (one-token atoms, literals and lists): a match has the tokens
	// between them tiled by matches of these atoms (see reachesCue).
	fill []*item
	// fillStart is startFilterOf(fill)
	fillStart startFilter
}

// CueReach returns the rule's CueReach.
func (r *AttrRule) CueReach() CueReach {
	cr := CueReach{Lead: r.CueLead(), Off: -1, Gap: -1}
	if r.Pattern != nil && len(r.CueLists()) > 0 {
		its := r.Pattern.its()
		cr.pivot = pivotOf(its)
		cr.minLead = minLeadOf(its)
		cr.content = contentAfterOf(its)
		cr.cueContent = cueContentOf(its)
		cr.mark, cr.markSpan = cr.cueContent.markOf()
	}
	if cr.Lead < 0 || len(r.CueLists()) == 0 {
		return cr
	}
	its := r.Pattern.its()
	ci := slices.IndexFunc(its, func(it *item) bool { return it.capture == "cue" })
	if ci < 0 {
		return cr
	}
	cr.Off = listOffset(its[ci : ci+1])
	if cr.Off < 0 || ci == 0 || its[0].op != opSpeaker || its[0].min != 1 || its[0].max != 1 {
		return cr
	}
	gap := cr.Off
	for _, it := range its[1:ci] {
		n := span(it)
		if n < 0 {
			return cr
		}
		gap += n
	}
	cr.Gap = gap
	var fill []*item
	if atomsOf(its[1:ci], &fill) && leadAtoms(its[ci:ci+1], &fill) {
		cr.fill, cr.fillStart = fill, startFilterOf(fill)
	}
	return cr
}

// atomsOf adds to out the atoms of the items its, those inside groups
// included; it reports false when one is not a one-token atom, a literal
// or a list (SPEAKER, ANY, CLAUSE: no tiling can be told).
func atomsOf(its []*item, out *[]*item) bool {
	for _, it := range its {
		switch it.op {
		case opGroup:
			for _, alt := range it.alts {
				if !atomsOf(alt, out) {
					return false
				}
			}
		case opList, opLit, opPunct, opDash, opCap, opUpper:
			if it.op == opList && it.list == nil {
				return false
			}
			*out = append(*out, it)
		default:
			return false
		}
	}
	return true
}

// leadAtoms adds to out the atoms of the items of its that can come
// before the entry of the list that requiredLists finds in it (the first
// required list, or in each alternative of the first required group); it
// reports false when that cannot be told.
func leadAtoms(its []*item, out *[]*item) bool {
	for _, it := range its {
		if it.min > 0 {
			switch it.op {
			case opList:
				return it.list != nil
			case opGroup:
				for _, alt := range it.alts {
					if !leadAtoms(alt, out) {
						return false
					}
				}
				return len(it.alts) > 0
			}
		}
		if !atomsOf([]*item{it}, out) {
			return false
		}
	}
	return false
}

// listOffset returns the most tokens that the sequence its can match
// before the start of the list entry that requiredLists finds in it, or -1
// when unbounded or when there is none.
func listOffset(its []*item) int {
	acc := 0
	for _, it := range its {
		if it.min > 0 {
			switch it.op {
			case opList:
				if it.list == nil {
					return -1
				}
				return acc
			case opGroup:
				if len(it.alts) == 0 {
					return -1
				}
				best, all := 0, true
				for _, alt := range it.alts {
					var ls []*List
					if !requiredLists(alt, &ls) {
						all = false
						break
					}
					o := listOffset(alt)
					if o < 0 {
						return -1
					}
					best = max(best, o)
				}
				if all {
					return acc + best
				}
			}
		}
		n := span(it)
		if n < 0 {
			return -1
		}
		acc += n
	}
	return -1
}
