package rules

// SpeakerType says what kind of phrase a speaker mention is.
type SpeakerType uint8

// Speaker phrase types.
const (
	NameMention       SpeakerType = iota + 1 // a proper name: Yury Ushakov, the Kremlin
	PronounMention                           // he, she, they
	DescriptorMention                        // the Russian presidential aide, officials
)

func (t SpeakerType) String() string {
	switch t {
	case NameMention:
		return "name"
	case PronounMention:
		return "pronoun"
	case DescriptorMention:
		return "descriptor"
	}
	return ""
}

// Span is a half-open token range [Start, End); Start == End means empty.
type Span struct{ Start, End int }

// Len is the number of tokens in the span.
func (s Span) Len() int { return s.End - s.Start }

// SpeakerPhrase is a speaker phrase matched by SPEAKER, in token indexes of
// the window.
type SpeakerPhrase struct {
	Span    Span        // the whole phrase, appositive included
	Mention Span        // the name, pronoun or descriptor
	Title   Span        // the title or role (pre-modifier or appositive); may be empty
	Type    SpeakerType // name, pronoun or descriptor
}

// Match is one match of an attribution rule: the rule, the tokens it
// spans, its named captures (a value: see Captures) and its speaker
// phrase, if it has one. Matches are comparable: two are == when they are
// equal.
type Match struct {
	Rule     *AttrRule
	Span     Span
	Captures Captures
	Speaker  SpeakerPhrase
	HasSpkr  bool
}

// maxSteps bounds the work of one pattern match (each attempt of an item at
// a position counts one step), so no rule can make matching superlinear.
const maxSteps = 20000

// capture is one binding of a named capture, by the number of its name
// (item.capIdx); the latest binding of a name is its value (the stack is
// unwound on backtracking).
type capture struct {
	name int32
	span Span
}

type matcher struct {
	*Window
	quote   int
	steps   int
	limit   int // maxSteps, or the window's limit
	caps    []capture
	speaker SpeakerPhrase
	hasSpk  bool
	// follow is the punctuation that must follow the CLAUSE or CONTENT item
	// about to be tried ("" when unknown), so that it tries only the ends
	// before it.
	follow string
}

// admits reports whether the SPEAKER item it takes a speaker phrase of
// type t: any, or only a pronoun for PRONOUN.
func (it *item) admits(t SpeakerType) bool {
	return !it.pronoun || t == PronounMention
}

// MatchRule finds the best match of rule r in the window toks, whose token
// quote (-1 for none) is the quotation being attributed. For patterns with a
// QUOTE item the match must cover that token. Among several matches the one
// whose speaker is nearest the quote wins (the first one at equal distance).
//
// Two checks skip work that cannot match, without changing the result: a
// pattern whose required items (a cue verb, a literal, a colon...) do not all
// occur in the window is not tried at all, and a start position at which the
// pattern's first item cannot match is skipped.
//
// MatchRule is NewWindow(toks).Match(r, quote); callers that try several
// rules on one sentence should make the Window once.
func (rs *Ruleset) MatchRule(r *AttrRule, toks []Token, quote int) (Match, bool) {
	return rs.NewWindow(toks).Match(r, quote)
}

// Match finds the best match of rule r in the window, as MatchRule does.
func (w *Window) Match(r *AttrRule, quote int) (Match, bool) {
	return w.MatchFrom(r, quote, 0, len(w.toks))
}

// MatchFrom is Match with the start of the match at a token from lo to hi
// (inclusive): a rule of reported speech is tried only around the cues
// it needs, and after the statements already found.
func (w *Window) MatchFrom(r *AttrRule, quote, lo, hi int) (Match, bool) {
	var m Match
	ok := w.matchFrom(&m, r, quote, lo, hi, nil)
	return m, ok
}

// matchFrom is MatchFrom into dst, trying only the starts that reach a
// cue when nr is not nil: it reports whether it found a match, and writes
// dst only then (a rejected rule costs no copy of a Match).
func (w *Window) matchFrom(dst *Match, r *AttrRule, quote, lo, hi int, nr *near) bool {
	toks := w.toks
	m := &w.m
	// the matcher set up anew, field by field (a composite literal
	// stores every word of it, with write barriers for its pointers)
	if m.Window != w {
		m.Window = w
	}
	// (MatchNear told the gates of the cues, the tokens and the pivot
	// before the call)
	m.quote = quote
	m.steps, m.limit, m.caps = 0, maxSteps, m.caps[:0]
	m.speaker, m.hasSpk = SpeakerPhrase{}, false
	if m.follow != "" {
		m.follow = ""
	}
	if w.limit > 0 {
		m.limit = w.limit
	}
	// (a rule of reported speech is not asked: its cues, pivot and
	// content gates reject what possible would, and NeedsHold told the
	// rest before the search)
	if nr == nil && !w.possibleMemo(m, r) {
		return false
	}
	if nr != nil && !m.cueContentHolds(nr) {
		return false
	}
	if nr != nil && nr.reach.fill != nil {
		w.cueSeen = resetBytes(w.cueSeen, len(toks)+1)
	}
	found := false
	bestDist := 1 << 30
	last := min(hi, len(toks))
	if r.Anchored() {
		last = min(last, 0) // canStart allows no other start
	}
	its := r.Pattern.its()
	first := max(lo, 0)
	hasQuote := r.Pattern.HasQuote
	// (a pattern without a QUOTE item, such as every rule's of reported
	// speech, does not read its first item for this)
	if hasQuote && len(its) > 0 && its[0].op == opQuote && its[0].min > 0 {
		first = max(first, quote) // QUOTE first: no other start (canStart)
	}
	// with a Gap, the pattern opens with one SPEAKER and reaches asks all
	// that canStart does (an admitted phrase at start) and more
	spk := nr != nil && nr.reach.Gap >= 0
	if spk {
		// a phrase from start ends after it, before a cue: no start at
		// or after the last cue reaches one
		last = min(last, nr.cues[len(nr.cues)-1]-1)
		// nor at or after the last token where a phrase may end and
		// reach one through the fill (none: no start, no phrase parsed);
		// a pivot's rule has the phrases before its cues parsed by then
		if rc := nr.reach; rc.fill != nil && rc.pivot == nil && last-first >= 10 {
			last = min(last, m.lastEnd(nr, first)-1)
		}
	}
	for start := first; start <= last; start++ {
		if hasQuote && start > quote {
			break
		}
		if spk {
			// (reaches, its phrases asked here: most starts have none)
			if ps := m.phrasesAt(start); len(ps) == 0 || !m.reachesFrom(nr, its, start, ps) {
				continue
			}
		} else if !m.canStart(its, start) || nr != nil && !m.reaches(nr, its, start) {
			continue
		}
		m.caps = m.caps[:0]
		m.hasSpk = false
		var got Match
		ok := m.seq(its, 0, start, func(end int) bool {
			if hasQuote && !(start <= quote && quote < end) {
				return false
			}
			got = Match{Rule: r, Span: Span{start, end}, Captures: m.captures(&r.Pattern.caps), Speaker: m.speaker, HasSpkr: m.hasSpk}
			if !got.HasSpkr {
				w.speakerCapture(&got)
			}
			return true
		})
		if m.steps > m.limit {
			break
		}
		if !ok {
			continue
		}
		d := 0
		if got.HasSpkr && quote >= 0 {
			s := got.Speaker.Mention
			if s.Start > quote {
				d = s.Start - quote
			} else {
				d = quote - s.End
			}
		} else if quote < 0 {
			d = len(toks) - got.Span.End // nearest the end of the window
		}
		if !found || d < bestDist {
			*dst, bestDist, found = got, d, true
		}
		if r.Pattern.HasClause {
			break // reported content: the leftmost match, the outermost statement
		}
		if bestDist <= 0 {
			break // no later start can be nearer
		}
	}
	return found
}

// speakerCapture gives a match without a SPEAKER phrase the speaker of
// its capture "speaker", if it has one that is not empty, as a name
// (its openers trimmed). Apart from matchFrom: few rules have one.
//
//go:noinline
func (w *Window) speakerCapture(got *Match) {
	if s, ok := got.Captures.Get("speaker"); ok && s.Len() > 0 {
		s = w.rs.trimOpeners(w.toks, s)
		got.Speaker = SpeakerPhrase{Span: s, Mention: s, Type: NameMention}
		got.HasSpkr = true
	}
}

// canStart reports whether the sequence items can begin to match at pos:
// false only when its first required item cannot match there (after
// optional items that cannot either).
func (m *matcher) canStart(items []*item, pos int) bool {
	for _, it := range items {
		switch it.op {
		case opStart:
			if pos != 0 {
				return false
			}
			continue // zero-width: the next item decides
		case opEnd:
			return true
		case opGroup:
			// canStart of an alternative that can match nothing is true,
			// but for a ^ it holds: (^ | ,) starts at 0 or a comma only
			for _, alt := range it.alts {
				if m.canStart(alt, pos) {
					return true
				}
			}
		case opSpeaker:
			for _, sp := range m.phrasesAt(pos) {
				if it.admits(sp.Type) && (!it.subject || m.rs.subjectAt(m.toks, pos, sp.Type)) {
					return true
				}
			}
		default:
			if m.atomAt(it, pos) {
				return true
			}
		}
		if it.min > 0 {
			return false
		}
	}
	return true
}

// seq matches items[i:] at token pos, calling k with the end position of
// each complete match until k returns true.
//
// An item matched once at most (an atom or a speaker phrase, X or X?) is
// matched in place, as rep would, and the rest of the sequence after it
// by a call, without a closure (in the loop, after a required atom that
// captures nothing); an optional one that gives no match goes
// on in the loop; a group that its skip guard tells cannot start at pos
// is passed over in the loop too, or fails the sequence if it is required.
func (m *matcher) seq(items []*item, i, pos int, k func(int) bool) bool {
	for ; i < len(items); i++ {
		it := items[i]
		if !it.inPlace {
			// a group that its skip guard tells cannot start at pos:
			// where none of the guard's atoms matches, rep would fail
			// the group after the guard's steps and go on at pos if it
			// is optional, or fail, which the loop does without rep's
			// and one's calls (unless the steps reach the limit: rep
			// tells that)
			if it.skips {
				g := it.skip
				if m.steps+g.steps <= m.limit && g.fails(m, pos) {
					m.steps += g.steps
					if it.min > 0 {
						return false
					}
					continue
				}
			}
			if it.once == onceNot {
				break
			}
			// a group matched once at most: its alternatives, then, for
			// an optional one, the rest at pos (as rep's k(pos))
			m.steps++ // rep(it, 0, pos, next)
			if m.steps > m.limit {
				return false
			}
			if m.seqGroup(items, i, pos, k) {
				return true
			}
			if it.min > 0 {
				return false
			}
			continue
		}
		m.steps++ // rep(it, 0, pos, next)
		if m.steps > m.limit {
			return false
		}
		if it.op == opSpeaker {
			for _, sp := range m.phrasesAt(pos) {
				if !it.admits(sp.Type) || it.subject && !m.rs.subjectAt(m.toks, pos, sp.Type) {
					continue
				}
				old, oldHas := m.speaker, m.hasSpk
				m.speaker, m.hasSpk = sp, true
				if m.seqNext(items, i, pos, sp.Span.End, k) {
					return true
				}
				m.speaker, m.hasSpk = old, oldHas
			}
		} else if e := m.atomEnd(it, pos); it.min > 0 && !it.named {
			// a required atom that captures nothing: one end at most,
			// and nothing else to try when the rest fails from it, so
			// the loop goes on from its end (seqNext without the call)
			if e < 0 {
				return false
			}
			if e != pos { // rep(it, 1, e, next)
				m.steps++
				if m.steps > m.limit {
					return false
				}
			}
			pos = e
			continue
		} else if e >= 0 && m.seqNext(items, i, pos, e, k) {
			return true
		}
		if it.min > 0 {
			return false
		}
	}
	if i == len(items) {
		return k(pos)
	}
	it := items[i]
	next := k // the last item: seq(items, len(items), p, k) is k(p)
	if i+1 < len(items) {
		next = func(p int) bool { return m.seq(items, i+1, p, k) }
	}
	if it.tok {
		var guard *item
		if i+1 < len(items) {
			if g := items[i+1]; g.op == opPunct && g.tok && g.min > 0 {
				guard = g
			}
		}
		after := it.after
		if after != nil && after.end > len(items) {
			after = nil // a sequence cut before what the guard reads
		}
		return m.repTok(it, pos, guard, after, next)
	}
	if (it.op == opClause || it.op == opContent) && it.max == 1 && i+1 < len(items) {
		if f := items[i+1]; f.op == opPunct && f.min > 0 {
			m.follow = f.punct // read by the clause that rep tries first
		}
	}
	return m.rep(it, 0, pos, next)
}

// seqGroup matches the group items[i], matched once at most (see seq),
// at pos, once seq has counted rep's step: each alternative, going on
// with the rest of the sequence by seqNext, as rep and one would do
// (seqNext is the body of rep's closure then), without their calls and
// closures. (Apart from seq's loop: a closure made in the loop would
// escape.)
func (m *matcher) seqGroup(items []*item, i, pos int, k func(int) bool) bool {
	it := items[i]
	if it.once == onceAtoms {
		// each alternative one required atom: seq's trial of it, in
		// place (its step, its end, the step of its repetition), then
		// its k, seqNext (past the limit, the alternatives left fail at
		// their first step)
		for _, alt := range it.alts {
			m.steps++
			if m.steps > m.limit {
				return false
			}
			e := m.atomEnd(alt[0], pos)
			if e < 0 {
				continue
			}
			if e != pos {
				m.steps++
				if m.steps > m.limit {
					return false
				}
			}
			if m.seqNext(items, i, pos, e, k) {
				return true
			}
		}
		return false
	}
	next := func(p int) bool { return m.seqNext(items, i, pos, p, k) }
	for _, alt := range it.alts {
		if m.seq(alt, 0, pos, next) {
			return true
		}
	}
	return false
}

// onceKind says how seq matches a group matched once at most (X or X?)
// that is not a tok item: by seqGroup, which tries its alternatives.
type onceKind uint8

// The kinds of items for seq.
const (
	onceNot   onceKind = iota // any other item
	onceAlts                  // a group: each alternative by seq
	onceAtoms                 // a group whose alternatives are each one required atom that captures nothing (not a speaker phrase): each in place
)

// onceOf returns how seq matches the item it (see onceKind).
func onceOf(it *item) onceKind {
	if it.op != opGroup || it.tok || it.max != 1 || it.min > 1 {
		return onceNot
	}
	for _, alt := range it.alts {
		if len(alt) != 1 {
			return onceAlts
		}
		switch a := alt[0]; {
		case a.min != 1 || a.max != 1 || a.capture != "":
			return onceAlts
		case a.op == opGroup || a.op == opClause || a.op == opContent || a.op == opSpeaker:
			return onceAlts
		}
	}
	return onceAtoms
}

// inPlaceItem reports whether seq matches the item it in place: one not
// repeated by repTok, matched once at most, and not a group or reported
// content. (An item made without it, false, goes through rep, which
// counts the same steps.)
func inPlaceItem(it *item) bool {
	return !it.tok && it.max == 1 && it.min <= 1 && it.op != opGroup && it.op != opClause && it.op != opContent
}

// seqInPlace reports whether seq matches the item it in place (the
// item's inPlace): one that inPlaceItem admits, or a tok atom matched once
// at most (, or ,?), which repTok would match with the same steps in the
// same order (the longest first: the token, then none) but through a
// closure for the rest of the sequence and a call.
func seqInPlace(it *item) bool {
	return inPlaceItem(it) || it.tok && it.max == 1 && it.op != opGroup
}

// seqNext goes on after the item items[i], matched once at most (see
// seq; an atom, a speaker phrase or a group), which matched from pos to end: as repNext does, then the rest of
// the sequence from end.
func (m *matcher) seqNext(items []*item, i, pos, end int, k func(int) bool) bool {
	it := items[i]
	depth := len(m.caps)
	if it.named {
		m.caps = append(m.caps, capture{it.capIdx, Span{pos, end}})
	}
	var ok bool
	if end == pos { // empty match
		ok = m.seq(items, i+1, end, k)
	} else { // rep(it, 1, end, next)
		m.steps++
		ok = m.steps <= m.limit && m.seq(items, i+1, end, k)
	}
	if !ok {
		m.caps = m.caps[:depth]
	}
	return ok
}

// step counts one step of the match; it reports whether the match has gone
// over maxSteps, after which Match drops what the start position gives.
func (m *matcher) step() bool {
	m.steps++
	return m.steps > m.limit
}

// repTok is rep(it, 0, pos, k) for an item of one token per repetition
// (item.tok), without recursion or closures: it takes the longest run of
// repetitions, then tries k from the longest down, counting the steps that
// rep counts in the same order (when the count goes over maxSteps it gives
// up, as Match drops the result then). When guard is not nil, it is the
// required punctuation item that k matches first: where that punctuation
// is not, k is not called and the one step it would count is counted
// (ANY{1,12} , calls k at the commas in reach only). When after is not
// nil (the item's own, it.after: the atoms that the rest of the sequence
// tries first, where a group leads it), k is not called where none of
// them matches, and the steps k would count are counted.
func (m *matcher) repTok(it *item, pos int, guard *item, after *seqGuard, k func(int) bool) bool {
	n := 0
	for {
		if m.step() { // rep(it, n, …)
			return false
		}
		if n >= it.max {
			break
		}
		ok, over := m.tokAt(it, pos+n)
		if over {
			return false
		}
		if !ok {
			break
		}
		n++
	}
	for j := n; j >= 0; j-- {
		if j < n && it.op == opGroup && m.tokRest(it, pos+j) {
			return false // over maxSteps
		}
		if j < it.min {
			continue
		}
		if guard != nil && !m.isPunct(guard.punct, pos+j) {
			if m.step() { // the one step k would count: the guard's rep
				return false
			}
			continue
		}
		if after != nil && after.fails(m, pos+j) {
			if m.steps += after.steps; m.steps > m.limit { // the steps k would count
				return false
			}
			continue
		}
		if k(pos + j) {
			return true
		}
	}
	return false
}

// rep matches item it repeated n..max times, greedily. An atom or a
// speaker phrase is matched in place (atomEnd, the phrases at pos) and goes
// on through repNext; a group or reported content through one, with
// closures (the last repetition's rep, its step and k, done in place, as
// repNext does).
func (m *matcher) rep(it *item, n, pos int, k func(int) bool) bool {
	m.steps++
	if m.steps > m.limit {
		return false
	}
	if n < it.max {
		switch it.op {
		case opGroup, opClause, opContent:
			if m.one(it, pos, func(p int) bool {
				// the capture bound here, not by a closure of one's; the
				// body is repNext's, in place (a call of it cost more)
				depth := len(m.caps)
				if it.named {
					m.caps = append(m.caps, capture{it.capIdx, Span{pos, p}})
				}
				var ok bool
				switch {
				case p == pos: // empty match: do not loop
					ok = n+1 >= it.min && k(p)
				case n+1 >= it.max && n+1 >= it.min: // rep(it, n+1, p, k) in place
					m.steps++
					ok = m.steps <= m.limit && k(p)
				default:
					ok = m.rep(it, n+1, p, k)
				}
				if !ok {
					m.caps = m.caps[:depth]
				}
				return ok
			}) {
				return true
			}
		case opSpeaker:
			if m.repSpeaker(it, n, pos, k) {
				return true
			}
		default:
			if e := m.atomEnd(it, pos); e >= 0 && m.repNext(it, n, pos, e, k) {
				return true
			}
		}
	}
	if n >= it.min {
		return k(pos)
	}
	return false
}

// repSpeaker is rep's repetition of a SPEAKER item at pos: each admitted
// phrase there, then repNext. Apart from rep: seq matches a speaker
// phrase in place, and no default pattern repeats one.
//
//go:noinline
func (m *matcher) repSpeaker(it *item, n, pos int, k func(int) bool) bool {
	for _, sp := range m.phrasesAt(pos) {
		if !it.admits(sp.Type) || it.subject && !m.rs.subjectAt(m.toks, pos, sp.Type) {
			continue
		}
		old, oldHas := m.speaker, m.hasSpk
		m.speaker, m.hasSpk = sp, true
		if m.repNext(it, n, pos, sp.Span.End, k) {
			return true
		}
		m.speaker, m.hasSpk = old, oldHas
	}
	return false
}

// repNext goes on after the (n+1)th repetition of it, which matched from
// pos to end: it binds the item's capture, then matches the next
// repetition (rep(it, n+1, end, k)) or, for an empty match, calls k; the
// capture is unbound when that fails. The last repetition's rep, which
// counts its step and calls k, is done in place.
func (m *matcher) repNext(it *item, n, pos, end int, k func(int) bool) bool {
	depth := len(m.caps)
	if it.named {
		m.caps = append(m.caps, capture{it.capIdx, Span{pos, end}})
	}
	var ok bool
	switch {
	case end == pos: // empty match: do not loop
		ok = n+1 >= it.min && k(end)
	case n+1 >= it.max && n+1 >= it.min: // rep(it, n+1, end, k)
		m.steps++
		ok = m.steps <= m.limit && k(end)
	default:
		ok = m.rep(it, n+1, end, k)
	}
	if !ok {
		m.caps = m.caps[:depth]
	}
	return ok
}

// one matches a single occurrence of the group or reported content it at
// pos (rep's k binds its capture).
func (m *matcher) one(it *item, pos int, k func(int) bool) bool {
	if it.op == opGroup {
		for _, alt := range it.alts {
			if m.seq(alt, 0, pos, k) {
				return true
			}
		}
		return false
	}
	follow := m.follow
	m.follow = ""
	return m.clause(it.op == opClause, pos, follow, k)
}
