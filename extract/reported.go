package extract

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/whosaid/whosaid/rules"
)

// statement is one statement of reported speech: the attribution of a rule
// of kind indirect in a sentence, and its content.
type statement struct {
	attrib
	explain []string
	content rules.Span // tokens of the sentence at.sent
	// rule is the index of the match's rule in the gates (gates.rules)
	rule int
	// match is the statement's match, held here and not on the heap:
	// report and the searches read it, and report points attrib.m to it
	// once the document's statements are found (its array grows no more)
	match rules.Match
}

// report runs the rules of kind indirect over every sentence (with
// Options.Reported): the first that matches a sentence, in the order of
// priority, gives its statement. A rule is tried only on sentences that hold
// one of its cues, and only from the tokens before a cue that its pattern
// can span (see gates).
func (x *Extractor) report(a *analysis) []statement {
	if !x.opts.Reported {
		return nil
	}
	g := x.gates()
	if len(g.rules) == 0 {
		return nil
	}
	rs := a.reportScratch()
	quoteCues := x.quoteCues(a, rs.quoteCues)
	labels := x.rules.Lists[listSpeakerLabels]
	var out []statement
	if a.sc != nil {
		out = a.sc.statements[:0] // (withReported gives the array back)
	}
	// (the cue scratch is the scratch's: a cueScratch of report's own
	// frame escaped to the heap, ~600 bytes a document)
	buf, cues := rs.hits[:0], &rs.cueScr
	cues.buf = rs.cues[:0]
	// the hits that the analysis found (findHits), if it did
	early := &rs.early
	if !early.ok || len(early.sents) != a.nsents {
		early = nil
	}
	// the typewriter marks: the analysis's, which its hits left out, or
	// found here
	var marks *typewriterIndex
	if early != nil {
		marks = early.tw
	} else {
		marks = x.typewriterMarks(a.view, &rs.typewriter)
	}
	var hits []cueHit
	// next and inner are written over by each search that finds one (not
	// zeroed per statement: every field that report reads is set)
	var next, inner statement
	// the first searches of the sentences, a batch at a time, rule by
	// rule (see firstSearches), when the analysis found the hits
	batched := early != nil && !x.opts.Explain && len(g.rules) <= 64 && !x.bySentence
	// (found: the sentences of the batch whose first search found a
	// statement, those left to visit; the others give none, and are not
	// visited; li: the next batch's first in early.live)
	batch, found, li := rs.firsts[:0], uint64(0), 0
	for si := 0; si < a.nsents; si++ {
		var toks []rules.Token
		var f *firstSearch
		if batched {
			for found == 0 && li < len(early.live) {
				batch, found = x.nextBatch(a, g, early, li, batch[:0])
				li += len(batch)
			}
			if found == 0 {
				break
			}
			f = &batch[bits.TrailingZeros64(found)]
			found &= found - 1
			si = f.si
			toks, hits = f.toks, f.hits
		} else if early != nil {
			sp := early.sents[si]
			if sp.lo < 0 {
				continue // (the same gates as below, told by findHits)
			}
			toks, hits = a.toks(si), early.all[sp.lo:sp.hi]
		} else {
			toks = a.toks(si)
			var ok bool
			if buf, ok = x.sentenceHits(g, a.view, toks, buf[:0], marks, a.paraStart(si)); !ok {
				continue
			}
			hits = buf
		}
		// the sentence's window: a batch's, lent by nextBatch (a window
		// stays its sentence's for maxWindows lends, far more than a
		// batch's), without a read of the sentence's record
		var w *rules.Window
		if f != nil {
			w = f.s.w
		} else {
			w = a.window(si)
		}
		// the leftmost statement, then the next one after its content: a
		// statement inside the content of another (X said A, while Y
		// argued B) ends that content
		pos, first := 0, len(out)
		// the rules that may match from pos on: those before the rule of a
		// statement found nothing from an earlier pos (see later)
		only := allRules
		for n := 0; n < maxStatements && pos < len(toks); n++ {
			// the statement: the first search's where it is (not copied),
			// else next
			st := &next
			if f != nil && n == 0 {
				if !f.ok {
					break
				}
				st = &f.st
			} else if g.noneFrom(hits, pos, only) || !x.reportIn(w, g, hits, cues, toks, pos, len(toks), len(toks), only, st) {
				break // (noneFrom: no cue from pos on, told without the call)
			}
			// the rules before st's found nothing from pos on: nor do they
			// inside st's content (a part of that search's starts and cues)
			later := allRules << st.rule
			if !x.opts.Explain { // (with explanations every rule says why)
				only = later
			}
			if st.match.Span.Start > pos { // (else st begins first: no call)
				x.leftmost(w, g, hits, cues, toks, pos, st)
			}
			st.sent = si
			c := st.content
			if x.innerSearch(w, g, hits, cues, toks, c, later, &inner) && inner.match.Span.Start > c.Start && x.opensClause(toks, inner.match.Span.Start) {
				st.content.End = x.trimConjunction(toks, c.Start, trimContent(toks, c.Start, inner.match.Span.Start))
			}
			if st.match.Rule.Scope == rules.ScopeTurn && !st.match.HasSpkr {
				// a continuation without a subject (…, saying B) has the
				// speaker of the statement or quotation before it
				if len(out) > first {
					inherit(&st.match, &out[len(out)-1].match)
				} else if qi := x.quoteBefore(a, si, st.match.Span.Start); qi >= 0 {
					inherit(&st.match, a.attrs[qi].m)
				} else {
					st.content = rules.Span{} // nobody to continue
				}
			}
			if st.content.Len() > 0 {
				// the filters of a statement, with its cue looked up once
				cue, hasCue := st.match.Captures.Get("cue")
				at := st.content.Start // (the cue's start, else the content's)
				if hasCue && cue.Len() > 0 {
					at = cue.Start
				}
				if !x.quotesCue(a, st, cue, hasCue, quoteCues) && !mostlyQuoted(toks, st, cue, hasCue) && (marks == nil || !x.typewriterQuoted(a, marks, si, int(toks[at].Start))) && !x.labelSpeaker(labels, toks, st) {
					out = append(out, *st)
				}
			}
			pos = max(st.content.End, pos+1)
		}
	}
	for i := range out {
		out[i].m = &out[i].match // (out grows no more)
	}
	rs.firsts = batch[:0]
	rs.keep(buf, cues.buf, quoteCues)
	rs.keepGaps(&a.gaps)
	return out
}

// listClauseConjunctions names the list of words after which a statement
// inside the content of another may begin (X said A, while Y argued B); the
// list is optional.
const listClauseConjunctions = "clause_conjunctions"

// opensClause reports whether a statement inside reported content can
// begin at toks[i]: after punctuation, a dash or a quotation, or after a
// word of the clause_conjunctions list — not inside a noun phrase (the
// number of government requests it received).
func (x *Extractor) opensClause(toks []rules.Token, i int) bool {
	if i == 0 {
		return true
	}
	p := &toks[i-1]
	if p.Kind != rules.Word {
		return true
	}
	return x.rules.InList(x.lists.conj, p)
}

// trimConjunction returns the end of content toks[start:end] that a
// statement inside it ends, without a word of the clause_conjunctions list
// after punctuation before that statement: "A, and Jane Doe says B" gives
// the content A, not "A, and" (a conjunction inside the clause, "he was
// frustrated when …", stays: the clause after it belongs to the content).
func (x *Extractor) trimConjunction(toks []rules.Token, start, end int) int {
	l := x.lists.conj
	if end > start+2 && toks[end-2].Kind == rules.Punct && toks[end-1].Kind == rules.Word && x.rules.InList(l, &toks[end-1]) {
		return trimContent(toks, start, end-1)
	}
	return end
}

// listSpeakerLabels names the list of words that, alone or after a
// determiner, are a label and no speaker (Correction, Exclusive, The
// Latest — the kickers of headlines before a colon); the list is optional.
const listSpeakerLabels = "speaker_labels"

// labelSpeaker reports whether the speaker phrase of statement st is a word
// of l, the speaker_labels list, after determiners if any (The Latest: the
// bridge will close): such a statement has no speaker and is no statement.
func (x *Extractor) labelSpeaker(l *rules.List, toks []rules.Token, st *statement) bool {
	if l == nil || !st.match.HasSpkr {
		return false
	}
	s := st.match.Speaker.Span
	det := x.lists.det // (the ruleset's, looked up once: not a map read per statement)
	for s.Len() > 1 && x.rules.InList(det, &toks[s.Start]) {
		s.Start++
	}
	return s.Len() == 1 && x.rules.InList(l, &toks[s.Start])
}

// allRules is the mask of reportIn that tries every rule.
const allRules = ^uint64(0)

// maxStatements bounds the statements found in one sentence.
const maxStatements = 4

// reportIn matches the rules of kind indirect in the sentence window w,
// with the start of the match from token from to token to and before token
// before (the cues that a match reaches may lie beyond it), and returns the
// statement of the first rule that matches in st (its match, content and
// explanations), which it writes over. A rule with cue lists is tried
// from the starts that can reach one of its cues (rules.Window.MatchNear);
// cues is scratch space for their positions.
func (x *Extractor) reportIn(w *rules.Window, g *gates, hits []cueHit, cues *cueScratch, toks []rules.Token, from, to, before int, only uint64, st *statement) bool {
	// the cue lists with an entry at a start from from to to: a rule with
	// none of them is not tried
	present := presentIn(hits, from, to)
	fast := !x.opts.Explain && len(g.rules) <= 64
	// only the rules whose cue lists occur (or that need none) are
	// visited, by their bits, less those that cannot start here and
	// those whose needs fail on a fact the window told already; a visit
	// that ends in rejection is a call of NeedsHold
	try := g.mayTry(present) & only
	if from > 0 {
		try &^= g.anchored // patterns from the start of the sentence
	}
	if fast && try == 0 {
		return false // (most searches after a statement: no cue after it)
	}
	cues.reset(hits, from, to)
	s := search{w: w, g: g, cues: cues, from: from, to: to, before: before}
	if !fast {
		return x.reportEach(&s, toks, only, present, st)
	}
	try &^= w.NeedsFail(g.needs)
	for try &^= w.CueMarksFail(g.marks, hits, try); try != 0; try &= try - 1 {
		ri := bits.TrailingZeros64(try)
		if !w.NeedsKnown(g.needs, ri) && !w.NeedsHold(g.needs, ri, g.rules[ri]) {
			continue // MatchNear would say so (with explanations, it does)
		}
		// (attempt sets the match only for a rule that MatchNear tries)
		if c, res := s.attempt(ri, true, &st.match); res == attemptMatched {
			st.found(toks, ri, c, nil)
			return true
		}
	}
	return false
}

// presentIn returns the cue lists with an entry in hits at a token from
// from to to (bit k: gates.lists[k]).
func presentIn(hits []cueHit, from, to int) uint64 {
	var present uint64
	for _, h := range hits {
		if h.Pos >= from && h.Pos < to {
			present |= h.Bits
		}
	}
	return present
}

// mayTry returns the rules that need none of the cue lists or one of
// present (bit i: g.rules[i]): the others have no cue to match.
func (g *gates) mayTry(present uint64) uint64 {
	try := g.always
	for b := present; b != 0; b &= b - 1 {
		try |= g.byList[bits.TrailingZeros64(b)]
	}
	return try
}

// reportEach is reportIn with explanations (or more than 64 rules): every
// rule asked for is visited in turn, and each says why it did not match.
func (x *Extractor) reportEach(s *search, toks []rules.Token, only, present uint64, st *statement) bool {
	g, from := s.g, s.from
	var explain []string
	noCue := func(r *rules.AttrRule) {
		if x.opts.Explain {
			explain = append(explain, fmt.Sprintf("%s (priority %d): no cue of the rule in the sentence", r.ID, r.Priority))
		}
	}
	for ri, r := range g.rules {
		if ri < 64 && only&(1<<ri) == 0 {
			continue // not asked for
		}
		if from > 0 && r.Anchored() {
			continue // a pattern from the start of the sentence
		}
		if need := g.need[ri]; need&present == 0 && need != 0 {
			noCue(r)
			continue
		}
		m := &st.match
		*m = rules.Match{}
		c, res := s.attempt(ri, false, m)
		switch {
		case res == attemptNoCue:
			noCue(r)
		case res == attemptMatched:
			if x.opts.Explain {
				explain = append(explain, fmt.Sprintf("%s (priority %d): %s", r.ID, r.Priority, x.matched(toks, *m)))
				if rest := len(g.rules) - 1 - ri; rest > 0 {
					explain = append(explain, fmt.Sprintf("%d lower rules not tried: %s matched first", rest, r.ID))
				}
			}
			st.found(toks, ri, c, explain)
			return true
		case x.opts.Explain:
			explain = append(explain, fmt.Sprintf("%s (priority %d): %s", r.ID, r.Priority,
				x.miss("no match in the sentence", r, toks, -1)))
		}
	}
	return false
}

// found makes st the statement of its match, of rule ri of the gates,
// with content c.
func (st *statement) found(toks []rules.Token, ri int, c rules.Span, explain []string) {
	st.ok, st.explain, st.rule = true, explain, ri
	st.content = rules.Span{Start: c.Start, End: trimContent(toks, c.Start, c.End)}
}

// The outcomes of attempt.
const (
	attemptMissed  = iota // no match with content
	attemptNoCue          // no cue of the rule from the first start on
	attemptMatched        // a match with content
)

// search is what the attempts of one search of reportIn share: the
// window, the gates, the cue hits in their scratch space, and the range
// of starts (see reportIn). Its attempts take it by pointer, so that a
// visit of a rule passes a few registers.
type search struct {
	w                *rules.Window
	g                *gates
	cues             *cueScratch // (with the hits)
	from, to, before int
}

// attempt matches rule ri of s.g as reportIn does (fast: without
// explanations, skipping what MatchNear would reject), sets m to the
// match when it finds one (else m may be as it was), and returns its
// content and the outcome.
func (s *search) attempt(ri int, fast bool, m *rules.Match) (rules.Span, int) {
	e := &s.g.each[ri]
	var ok bool
	if e.need != 0 {
		// the cues of the rule from the first start on, and the first
		// and last before to
		set := s.cues.of(e.cueSet, e.need)
		cs, f := set.cs, set.f
		if f < 0 {
			return rules.Span{}, attemptNoCue
		}
		hi := min(set.l, s.before-1)
		// the first start, at most e.lead tokens before the first cue
		// (see gateRule.lead), told without a branch on the rule's kind;
		// an anchored rule's only start is 0, so that a later first
		// start means no start at all (MatchNear tries none): told with
		// the last start, by one branch
		lo, maxLo := e.firstStart(s.from, f, fast)
		if lo > min(hi, maxLo) {
			return rules.Span{}, attemptMissed
		}
		ok = s.w.MatchNearTo(m, e.r, lo, hi, cs, e.reach)
	} else {
		ok = s.matchAlways(e.r, s.from, s.to, m)
	}
	if !ok {
		return rules.Span{}, attemptMissed
	}
	if c, has := m.Captures.Get("content"); has && c.Len() > 0 {
		return c, attemptMatched
	}
	return rules.Span{}, attemptMissed
}

// matchAlways is attempt's match of a rule that needs no cue, from the
// starts lo to hi: out of attempt's code (such rules are few, and their
// match is copied whole).
//
//go:noinline
func (s *search) matchAlways(r *rules.AttrRule, lo, hi int, m *rules.Match) bool {
	var ok bool
	*m, ok = s.w.MatchFrom(r, -1, lo, min(hi, s.before-1))
	return ok
}

// cueHit is a token of a sentence at which an entry of some cue lists
// starts: bit k for gates.lists[k].
type cueHit = rules.ListHit

// hits appends to buf the tokens of toks at which an entry of the cue
// lists starts, in order.
func (g *gates) hits(toks []rules.Token, buf []cueHit) []cueHit {
	return g.set.Hits(toks, buf)
}

// any reports whether some rule can be tried on a sentence with these
// hits: one that needs no cue, or one whose cue occurs.
func (g *gates) any(hits []cueHit) bool {
	if g.anyAlways {
		return true
	}
	var all uint64
	for _, h := range hits {
		all |= h.Bits
	}
	return all&g.anyNeed != 0
}

// mentionAt returns the entity of the name mention that starts at byte
// offset off, and the mention's end, or nil.
func (es *entities) mentionAt(off int) (*entity, int) {
	ms := es.mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].start > off })
	if k > 0 && ms[k-1].start == off {
		return ms[k-1].ent, ms[k-1].end
	}
	return nil, 0
}

// gates are the rules of kind indirect with, for each, the lists of its
// cue (see rules.AttrRule.CueLists) as bits: a rule is tried on a window
// only when an entry of one of them occurs there, which a pass over the
// tokens tells for all rules at once.
type gates struct {
	rules []*rules.AttrRule
	lists []*rules.List  // the cue lists of all rules, at most 64
	set   *rules.ListSet // lists, looked up at once
	need  []uint64       // per rule, the bits of its cue lists; 0: always tried
	// cueSet is, per rule, the index of its need among the distinct
	// needs (maxCueSets or more: one of too many, found for each rule)
	cueSet []uint8
	reach  []rules.CueReach
	needs  *rules.Needs // what each rule needs in a window, told at once
	// marks: the marks that must stand next to a rule's cues, told at
	// once from the hits
	marks *rules.CueMarks
	// each holds, per rule, what an attempt reads of it (its rule, need,
	// cue set, reach and anchoring), so that an attempt indexes once
	each []gateRule
	// mask tells the cheap gates of a first search by cue set (nearMask)
	mask nearMask
	// byList[k] has bit ri for the rules whose cue lists include lists[k];
	// always those with no cue lists (both for the first 64 rules)
	byList [64]uint64
	always uint64
	// anchored has bit ri for the rules whose pattern starts at the
	// start of the sentence (rules.AttrRule.Anchored)
	anchored uint64
	// closing has bit ri for the rules whose content may begin before
	// their cue (rules.AttrRule.ContentBeforeCue): only a statement of
	// one of them can be closingSpeaker's
	closing uint64
	// leftmost has bit ri for the rules whose pattern holds CLAUSE
	// (rules.Pattern.HasClause): the match of such a rule is the first of
	// its starts that matches, so that none before it does (see leftmost)
	leftmost uint64
	// anyAlways: some rule needs no cue; anyNeed joins the cue lists of
	// the others (any's answer in one test)
	anyAlways bool
	anyNeed   uint64
	// alwaysPunct holds, per rule that needs no cue, the punctuation
	// marks that it needs (rules.Needs.PunctNeeds)
	alwaysPunct []rules.PunctSet
}

// gateRule is what an attempt reads of one rule of the gates: the rule,
// its need and cue set (gates.need, gates.cueSet), its reach (in
// gates.reach), and what the reach tells of the first start, read here
// so that an attempt neither loads the reach nor branches on the rule's
// kind before it matches.
type gateRule struct {
	r     *rules.AttrRule
	reach *rules.CueReach
	need  uint64
	// lead is the most tokens that a match starts before its first cue:
	// a match starts at most Lead tokens before its cue, whose entry
	// lies at most Off tokens into it, so Lead + Off for a rule anchored
	// at the start of the sentence; Lead for the others, as they always
	// have been tried, which leaves out a long speaker phrase before a
	// cue with an auxiliary (Lead + Off would find it, and change rows);
	// noLead when the reach does not bound it
	lead int
	// maxLo is the last first start with which an attempt that may pass
	// over what MatchNear would reject tries the rule: 0 for a rule
	// anchored at the start of the sentence with a bounded Lead, whose
	// first cue then stands too far on (MatchNear tries no start), else
	// math.MaxInt
	maxLo  int
	cueSet uint8
}

// noLead is gateRule.lead for a reach that does not bound the tokens
// before a cue: the first start is then the first of the search (a
// token's index less noLead is below any).
const noLead = 1 << 40

// newGateRule returns the gateRule of rule r with its need, cue set and
// reach.
// (anchored: r's pattern starts at the start of the sentence).
func newGateRule(r *rules.AttrRule, need uint64, cueSet uint8, rc *rules.CueReach, anchored bool) gateRule {
	e := gateRule{r: r, reach: rc, need: need, cueSet: cueSet, lead: noLead, maxLo: math.MaxInt}
	switch {
	case rc.Lead >= 0 && anchored:
		e.maxLo = 0
		if rc.Off >= 0 {
			e.lead = rc.Lead + rc.Off
		}
	case rc.Lead >= 0:
		e.lead = rc.Lead
	}
	e.lead = min(e.lead, noLead)
	return e
}

// firstStart returns the first start of an attempt of e's rule from
// token from with its first cue at token f, and the last first start
// with which the rule has one (fast: an attempt that passes over what
// MatchNear would reject; else math.MaxInt), told without branches.
func (e *gateRule) firstStart(from, f int, fast bool) (lo, maxLo int) {
	lo, maxLo = max(from, f-e.lead), e.maxLo
	if !fast {
		maxLo = math.MaxInt
	}
	return lo, maxLo
}

// alwaysMay reports whether a rule that needs no cue — the only ones
// tried in a sentence without a cue — can match in the sentence toks:
// false when each lacks a punctuation mark that it needs (the colon of
// SPEAKER : CLAUSE), told from the tokens without the window that
// NeedsHold would make and summarise for it.
func (g *gates) alwaysMay(view string, toks []rules.Token) bool {
	if len(g.alwaysPunct) == 0 {
		return false
	}
	if len(toks) > 0 && !g.marksMayOccur(view[toks[0].Start:toks[len(toks)-1].End]) {
		return false
	}
	have := rules.PunctOf(toks)
	for _, want := range g.alwaysPunct {
		if have.Holds(want) {
			return true
		}
	}
	return false
}

// marksMayOccur reports whether each mark of some set of alwaysPunct is
// a byte of text, the bytes of a sentence: a mark's token is its byte of
// the text (its Text is the view's), so a set with a mark that is no byte
// of the sentence is one its tokens lack — told by a search of the bytes
// (strings.IndexByte), without a pass over the tokens.
func (g *gates) marksMayOccur(text string) bool {
	for _, want := range g.alwaysPunct {
		all := true
		for half, w := range want {
			for ; w != 0 && all; w &= w - 1 {
				all = strings.IndexByte(text, byte(half<<6|bits.TrailingZeros64(w))) >= 0
			}
		}
		if all {
			return true
		}
	}
	return false
}

// gates returns the extractor's rules of kind indirect and their cue lists.
func (x *Extractor) gates() *gates {
	x.gateOnce.Do(func() {
		g := &gates{}
		for _, r := range x.rules.Attribution {
			if !r.Reported() || r.Pattern == nil {
				continue
			}
			var need uint64
			for _, l := range r.CueLists() {
				k := slices.Index(g.lists, l)
				if k < 0 && len(g.lists) < 64 {
					k = len(g.lists)
					g.lists = append(g.lists, l)
				}
				if k < 0 {
					need = 0 // too many lists to tell: always tried
					break
				}
				need |= 1 << k
			}
			if ri := len(g.rules); ri < 64 {
				if need == 0 {
					g.always |= 1 << ri
				}
				if r.ContentBeforeCue() {
					g.closing |= 1 << ri
				}
				if r.Anchored() {
					g.anchored |= 1 << ri
				}
				if r.Pattern.HasClause {
					g.leftmost |= 1 << ri
				}
				for b := need; b != 0; b &= b - 1 {
					g.byList[bits.TrailingZeros64(b)] |= 1 << ri
				}
			}
			g.rules = append(g.rules, r)
			g.need = append(g.need, need)
			g.anyAlways = g.anyAlways || need == 0
			g.anyNeed |= need
			g.reach = append(g.reach, r.CueReach())
		}
		var sets []uint64
		for _, need := range g.need {
			k := slices.Index(sets, need)
			if k < 0 {
				k = len(sets)
				sets = append(sets, need)
			}
			g.cueSet = append(g.cueSet, uint8(min(k, maxCueSets)))
		}
		g.set = x.rules.NewListSet(g.lists)
		g.needs = rules.NewNeeds(g.rules)
		for ri, need := range g.need {
			if need == 0 {
				g.alwaysPunct = append(g.alwaysPunct, g.needs.PunctNeeds(ri))
			}
		}
		g.marks = rules.NewCueMarks(g.reach, g.need)
		for ri, r := range g.rules {
			g.each = append(g.each, newGateRule(r, g.need[ri], g.cueSet[ri], &g.reach[ri], r.Anchored()))
		}
		g.mask = newNearMask(g.each)
		x.gate = g
	})
	return x.gate
}

// trimContent returns the end of content toks[start:end] without its
// trailing punctuation.
func trimContent(toks []rules.Token, start, end int) int {
	for end > start && toks[end-1].Kind == rules.Punct && toks[end-1].Text != ")" && toks[end-1].Text != "]" {
		end--
	}
	return end
}

// mayReport reports whether a sentence can hold reported speech: it has
// words outside quotation marks (a sentence that is one quotation reports
// nothing).
func (x *Extractor) mayReport(toks []rules.Token) bool {
	n := 0
	for i := range toks {
		// (counted without a branch on the kind: words and other tokens
		// alternate unpredictably)
		n += int(wordKind(toks[i].Kind))
		if n > minStatementWords {
			return true
		}
	}
	return false
}

// wordKind is 1 for a word's kind, else 0, told without a branch.
func wordKind(k rules.TokenKind) uint8 {
	d := uint8(k) ^ uint8(rules.Word)
	return uint8((uint16(d) - 1) >> 15)
}

// minStatementWords: a sentence of fewer words holds no speaker, cue and
// content.
const minStatementWords = 3
