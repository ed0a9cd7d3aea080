package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/whosaid/whosaid/internal/needle"
)

// Pattern is a compiled attribution pattern: a sequence of items over tokens.
//
// The pattern language:
//
//	QUOTE          the quotation being attributed
//	OTHERQUOTE     any other quotation
//	SPEAKER        a speaker phrase: a name, a pronoun, or a descriptor
//	PRONOUN        a speaker that is a pronoun (he, she, they): a subject
//	SUBJECT        a speaker phrase where a subject can stand: not right after
//	               a preposition or an article (object_prepositions,
//	               definite_articles) or inside a longer name (obtained by the
//	               Springfield Herald warns)
//	ANY            any token but a quotation
//	CAP            a capitalised word
//	UPPER          a word in capitals, two letters or more (PENCE, MR.)
//	CLAUSE         reported content: a clause, not a quotation (see matcher.clause)
//	CONTENT        reported content that may be mostly quoted (said the US “must act”)
//	@list          an entry of the named list (phrases span several tokens)
//	word, "a b"    literal words, case-insensitive
//	, : ; . – ( )  punctuation literals (– matches any dash)
//	^  $           the start and end of the window (the sentence)
//	( a b | c )    a group with alternatives
//	X? X* X+ X{m,n} repetition (* and + are bounded to 8)
//	name:X         capture the tokens matched by X as name (cue, title, ...);
//	               a speaker: capture is the speaker in a pattern without SPEAKER
//	not:X          one token that ANY matches and at which X does not match
//	               (not:@determiners, not:(who | which){1,12}); X captures nothing
type Pattern struct {
	Source   string
	items    []*item
	HasQuote bool
	// HasClause is true when the pattern holds CLAUSE: a rule of reported
	// speech, matched per sentence rather than per quotation.
	HasClause bool
	// anchored: the first item is ^ (see AttrRule.Anchored)
	anchored bool
	// lists holds the list items' names and columns, in the order of the
	// items (depth first, as the source has them)
	lists []listRef
	// lazy, when not nil, holds the items instead of items: read on
	// first use (see its)
	lazy *lazyItems
	// caps holds the names of the captures, numbered (see
	// numberCaptures): set with items, shared by the Captures of the
	// matches
	caps captureNames
}

type listRef struct {
	name string
	col  int
}

type op uint8

const (
	opQuote op = iota
	opOtherQuote
	opSpeaker
	opAny
	opCap
	opUpper
	opList
	opLit
	opPunct
	opDash
	opGroup
	opStart
	opEnd
	opClause
	opContent
	opNot // not:X — one token, no quotation, at which X (neg) does not match
)

type item struct {
	pronoun bool // opSpeaker: pronouns only (PRONOUN)
	subject bool // opSpeaker: where a subject can stand (SUBJECT)
	op      op
	// tok: the item matches one token per repetition and captures nothing
	// (see tokItem), which matcher.repTok repeats without recursion.
	tok bool
	// inPlace: the item is matched once at most and in place by seq (an
	// atom or a speaker phrase, X or X?: see seqInPlace)
	inPlace bool
	// named: the item has a capture name (capture != ""), told with the
	// fields above, in the line that the matcher reads anyway
	named bool
	// skips: the item has a skip guard (skip != nil), told with the
	// flags, so that seq does not read skip for the items without one
	skips bool
	// once: the item is a group matched once at most (X or X?) and not a
	// tok item, whose alternatives seq tries itself, and whether they are
	// each one atom (see onceOf); onceNot for the other items
	once     onceKind
	list     *List // resolved list
	min, max int
	// The fields that the matcher reads of every item it tries (the flags
	// and op, min and max, and the list that a guard tests) come first, in
	// 32 bytes: items stand 160 bytes apart, at 0 or 32 bytes into a cache
	// line, so those are read from one line; the guards and the atom's
	// own fields follow.

	// after: for a tok item, the atoms that the rest of its sequence
	// tries first, when a group leads it (see seqGuard); nil if none.
	after *seqGuard
	// skip: for a group, the atoms that its alternatives try first (see
	// skipGuard); nil if none.
	skip *seqGuard
	// capIdx: the number of capture among the names of the pattern
	// (Pattern.caps)
	capIdx int32
	// col: the column of the item itself, after any name: prefix. A list
	// item's name is in Pattern.lists and where its source starts is
	// startCol.
	col     int32
	punct   string
	lit     []string // literal words
	capture string
	alts    [][]*item
	neg     []*item // opNot: the item X of not:X, which must not match
}

// startCol returns the column where the item's source starts: that of
// its name: prefix, or of the not: of a negation (which keeps no capture).
func (it *item) startCol() int {
	switch {
	case it.capture != "":
		return int(it.col) - utf8.RuneCountInString(it.capture) - 1
	case it.op == opNot:
		return int(it.col) - utf8.RuneCountInString(negPrefix) - 1
	}
	return int(it.col)
}

// PatternError is a problem in a pattern at a column (1-based, in runes)
// of the pattern source.
type PatternError struct {
	Col int
	Msg string
}

func (e *PatternError) Error() string { return fmt.Sprintf("col %d: %s", e.Col, e.Msg) }

// ParsePattern parses a pattern. List references are resolved later by the
// ruleset (see Ruleset.resolve).
func ParsePattern(src string) (*Pattern, error) { return parsePattern(src, &patternBlocks{}) }

// parsePattern is ParsePattern with the items taken from blocks.
func parsePattern(src string, blocks *patternBlocks) (*Pattern, error) {
	p := &parser{src: src, blocks: blocks}
	items, err := p.seq(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		return nil, p.errf("unexpected %q", string(p.peek()))
	}
	if len(items) == 0 {
		return nil, &PatternError{Col: 1, Msg: "empty pattern"}
	}
	pat := &Pattern{Source: src, items: items, lists: p.lists}
	pat.scan()
	pat.numberCaptures()
	return pat, nil
}

// scan sets what a parse tells of pat's items besides the items
// themselves and their lists: each item's tok, HasQuote, HasClause and
// anchored.
func (pat *Pattern) scan() {
	pat.anchored = len(pat.items) > 0 && pat.items[0].op == opStart
	var walk func([]*item)
	walk = func(its []*item) {
		for _, it := range its {
			it.tok = tokItem(it)
			it.inPlace = seqInPlace(it)
			it.once = onceOf(it)
			it.named = it.capture != ""
		}
		setGuards(its)
		for _, it := range its {
			switch it.op {
			case opQuote:
				pat.HasQuote = true
			case opClause, opContent:
				pat.HasClause = true
			case opGroup:
				for _, a := range it.alts {
					walk(a)
				}
			case opNot:
				walk(it.neg)
			}
		}
	}
	walk(pat.items)
}

// tokItem reports whether one repetition of it matches exactly one token
// and captures nothing: a one-token atom, or a group of alternatives that
// are each one such atom (ANY or a not:, OTHERQUOTE, QUOTE) and that no
// token matches two of.
func tokItem(it *item) bool {
	if it.capture != "" {
		return false
	}
	switch it.op {
	case opAny, opCap, opUpper, opDash, opPunct, opQuote, opOtherQuote, opNot:
		return true
	case opGroup:
		var seen [opNot + 1]bool
		for _, alt := range it.alts {
			if len(alt) != 1 {
				return false
			}
			a := alt[0]
			if a.capture != "" || a.min != 1 || a.max != 1 || seen[a.op] {
				return false
			}
			switch a.op {
			case opAny, opNot: // no quotation: exclusive of the two below, not of each other
				if seen[opAny] || seen[opNot] {
					return false
				}
			case opOtherQuote, opQuote:
			default:
				return false
			}
			seen[a.op] = true
		}
		return len(it.alts) > 0
	}
	return false
}

type parser struct {
	src string
	pos int
	// runes: the number of runes of src before byte at, counted by col
	// from the last position it was asked for (a parse goes forward)
	at, runes int
	// blocks holds the memory the parse takes its items and item lists
	// from, and its stack
	blocks *patternBlocks
	// lists holds the list items parsed so far (see Pattern.lists)
	lists []listRef
}

// patternBlocks are blocks of items and item lists that parses take their
// items from: one allocation for many (their allocations were a fifth of
// parsing the default patterns at every start). The patterns of one load
// share them, so that a block is left part empty once per load, not once
// per pattern.
type patternBlocks struct {
	items []item
	ptrs  []*item
	// stack holds the items of the sequences being parsed
	stack []*item
	// shared: the blocks serve many parses (blocks of a fixed size; else
	// sized by the one pattern's source)
	shared bool
	// the load's rules, patterns, regexes and their quick tests (see
	// slab), when shared
	attrs   slab[AttrRule]
	cleans  slab[CleanupRule]
	filters slab[needle.Filter]
	pats    slab[Pattern]
	lazies  slab[lazyItems]
	// lazy is what the load's patterns read on first use share
	lazy    *lazyShared
	regexps slab[Regexp]
	ats     slab[patternAt]
	// reader is the table's reader of the load's patterns, used by one at
	// a time
	reader patternReader
	parser parser
}

// newItem returns a new item of the parse that holds it.
func (p *parser) newItem(it item) *item {
	b := p.blocks
	if len(b.items) == cap(b.items) {
		n := slabBytes/int(unsafe.Sizeof(item{})) + 1 // a span of its own (see slab)
		if !b.shared {
			n = min(max(len(p.src)/8, 4), 64) // ~8 bytes of source an item
		}
		b.items = make([]item, 0, n)
	}
	b.items = append(b.items, it)
	return &b.items[len(b.items)-1]
}

// itemList returns a copy of its in a block of the parse, its capacity its
// length (an append to it copies).
func (p *parser) itemList(its []*item) []*item {
	if len(its) == 0 {
		return nil
	}
	out := p.reserve(len(its))
	copy(out, its)
	return out
}

// reserve returns a list of n nil items in a block of the parse, its
// capacity its length.
func (p *parser) reserve(n int) []*item {
	b := p.blocks
	if cap(b.ptrs)-len(b.ptrs) < n {
		size := 256
		if !b.shared {
			size = min(len(p.src)/6, 128)
		}
		b.ptrs = make([]*item, 0, max(n, size))
	}
	start := len(b.ptrs)
	b.ptrs = b.ptrs[:start+n]
	return b.ptrs[start : start+n : start+n]
}

// col returns the 1-based column, in runes, of the current position.
func (p *parser) col() int {
	if p.pos < p.at {
		p.at, p.runes = 0, 0
	}
	p.runes += utf8.RuneCountInString(p.src[p.at:p.pos])
	p.at = p.pos
	return p.runes + 1
}

func (p *parser) errf(format string, args ...any) error {
	return &PatternError{Col: p.col(), Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) peek() rune {
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	return r
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		r, n := utf8.DecodeRuneInString(p.src[p.pos:])
		if !unicode.IsSpace(r) {
			return
		}
		p.pos += n
	}
}

// seq parses items until | or ) or the end.
func (p *parser) seq(depth int) ([]*item, error) {
	if depth > 8 {
		return nil, p.errf("groups nested too deeply")
	}
	// the items so far are those of the stack from mark (a nested
	// sequence's are above them until it returns)
	b := p.blocks
	mark := len(b.stack)
	defer func() { b.stack = b.stack[:mark] }()
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return p.itemList(b.stack[mark:]), nil
		}
		r := p.peek()
		if r == '|' || r == ')' {
			return p.itemList(b.stack[mark:]), nil
		}
		it, err := p.item(depth)
		if err != nil {
			return nil, err
		}
		b.stack = append(b.stack, it)
		if len(b.stack)-mark > 64 {
			return nil, p.errf("pattern too long (more than 64 items)")
		}
	}
}

func isNameRune(r rune) bool {
	return r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (p *parser) ident() string {
	start := p.pos
	for p.pos < len(p.src) {
		if c := p.src[p.pos]; c < utf8.RuneSelf {
			// ASCII, most of every pattern: isNameRune or an apostrophe
			if c == '_' || c == '-' || c == '\'' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				p.pos++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(p.src[p.pos:])
		if !isNameRune(r) && !(r == '\'' || r == '’') {
			break
		}
		p.pos += n
	}
	return p.src[start:p.pos]
}

func (p *parser) item(depth int) (*item, error) {
	col := p.col()
	capture := ""
	// name: prefix
	save := p.pos
	if id := p.ident(); id != "" && p.pos < len(p.src) && p.src[p.pos] == ':' && p.pos+1 < len(p.src) && !unicode.IsSpace(rune(p.src[p.pos+1])) {
		capture = id
		p.pos++
	} else {
		p.pos = save
	}
	acol := p.col()
	it, err := p.atom(depth)
	if err != nil {
		return nil, err
	}
	if capture == negPrefix {
		if it, err = negation(it, acol); err != nil {
			return nil, err
		}
		capture = ""
	}
	it.col = int32(acol) // the item itself, after any name: prefix
	it.capture = capture
	it.min, it.max = 1, 1
	if p.pos < len(p.src) {
		switch p.src[p.pos] {
		case '?':
			it.min, it.max = 0, 1
			p.pos++
		case '*':
			it.min, it.max = 0, 8
			p.pos++
		case '+':
			it.min, it.max = 1, 8
			p.pos++
		case '{':
			end := strings.IndexByte(p.src[p.pos:], '}')
			if end < 0 {
				return nil, p.errf("unclosed {")
			}
			body := p.src[p.pos+1 : p.pos+end]
			lo, hi, ok := strings.Cut(body, ",")
			m, err1 := strconv.Atoi(strings.TrimSpace(lo))
			n := m
			var err2 error
			if ok {
				n, err2 = strconv.Atoi(strings.TrimSpace(hi))
			}
			if err1 != nil || err2 != nil || m < 0 || n < m {
				return nil, p.errf("bad repetition {%s}: want {m,n} with 0 <= m <= n", body)
			}
			if n > 60 {
				return nil, p.errf("repetition {%s} too large: at most 60", body)
			}
			it.min, it.max = m, n
			p.pos += end + 1
		}
	}
	if it.op == opStart || it.op == opEnd {
		if it.min != 1 || it.max != 1 {
			return nil, &PatternError{Col: col, Msg: "^ and $ cannot repeat"}
		}
	}
	return it, nil
}

func (p *parser) atom(depth int) (*item, error) {
	if p.pos >= len(p.src) {
		return nil, p.errf("missing item at end of pattern")
	}
	r, n := utf8.DecodeRuneInString(p.src[p.pos:])
	switch {
	case r == '(':
		open := p.col()
		p.pos += n
		g := p.newItem(item{op: opGroup})
		for {
			alt, err := p.seq(depth + 1)
			if err != nil {
				return nil, err
			}
			if len(alt) == 0 {
				return nil, p.errf("empty alternative in group")
			}
			g.alts = append(g.alts, alt)
			p.skipSpace()
			if p.pos >= len(p.src) {
				return nil, &PatternError{Col: open, Msg: "unclosed ( (no ) before the end of the pattern)"}
			}
			if p.src[p.pos] == '|' {
				p.pos++
				continue
			}
			p.pos++ // ')'
			return g, nil
		}
	case r == '@':
		col := p.col()
		p.pos += n
		name := p.ident()
		if name == "" {
			return nil, p.errf("@ must be followed by a list name")
		}
		p.lists = append(p.lists, listRef{name, col})
		return p.newItem(item{op: opList}), nil
	case r == '"':
		p.pos += n
		end := strings.IndexByte(p.src[p.pos:], '"')
		if end < 0 {
			return nil, p.errf("unclosed \"")
		}
		words := strings.Fields(strings.ToLower(p.src[p.pos : p.pos+end]))
		p.pos += end + 1
		if len(words) == 0 {
			return nil, p.errf("empty literal")
		}
		return p.newItem(item{op: opLit, lit: words}), nil
	case r == '^':
		p.pos += n
		return p.newItem(item{op: opStart}), nil
	case r == '$':
		p.pos += n
		return p.newItem(item{op: opEnd}), nil
	case r == '–' || r == '—' || r == '―':
		p.pos += n
		return p.newItem(item{op: opDash}), nil
	case r == ',' || r == ':' || r == ';' || r == '.' || r == '!':
		p.pos += n
		return p.newItem(item{op: opPunct, punct: string(r)}), nil
	case isNameRune(r):
		id := p.ident()
		switch id {
		case "QUOTE":
			return p.newItem(item{op: opQuote}), nil
		case "OTHERQUOTE":
			return p.newItem(item{op: opOtherQuote}), nil
		case "SPEAKER":
			return p.newItem(item{op: opSpeaker}), nil
		case "PRONOUN":
			return p.newItem(item{op: opSpeaker, pronoun: true}), nil
		case "SUBJECT":
			return p.newItem(item{op: opSpeaker, subject: true}), nil
		case "ANY":
			return p.newItem(item{op: opAny}), nil
		case "CAP":
			return p.newItem(item{op: opCap}), nil
		case "UPPER":
			return p.newItem(item{op: opUpper}), nil
		case "CLAUSE":
			return p.newItem(item{op: opClause}), nil
		case "CONTENT":
			return p.newItem(item{op: opContent}), nil
		}
		if strings.ToUpper(id) == id && strings.ToLower(id) != id {
			return nil, &PatternError{Col: p.col() - utf8.RuneCountInString(id), Msg: fmt.Sprintf("unknown item %s (want QUOTE, OTHERQUOTE, SPEAKER, PRONOUN, SUBJECT, ANY, CAP, UPPER, CLAUSE, CONTENT, @list or a literal)", id)}
		}
		return p.newItem(item{op: opLit, lit: []string{strings.ToLower(id)}}), nil
	}
	return nil, p.errf("unexpected %q", string(r))
}

// negPrefix is the prefix of a negated item, not:X, which is no capture.
const negPrefix = "not"

// negation returns the item not:X for the item X parsed at column col: one
// token that ANY matches and at which X does not match. X may be any item
// that matches tokens (a literal, a list, CAP, SPEAKER, a group of them,
// repeated or not) but may capture nothing, nor be ^, $, CLAUSE or
// CONTENT or another not:.
func negation(x *item, col int) (*item, error) {
	x.min, x.max = 1, 1 // X's own repetition applies to not:X, as for a capture
	var check func([]*item) error
	check = func(its []*item) error {
		for _, it := range its {
			switch {
			case it.capture != "":
				return &PatternError{Col: it.startCol(), Msg: fmt.Sprintf("not: cannot hold a capture (%s:)", it.capture)}
			case it.op == opStart || it.op == opEnd || it.op == opClause || it.op == opContent || it.op == opNot:
				return &PatternError{Col: it.startCol(), Msg: "not: takes an item that matches tokens, not ^, $, CLAUSE, CONTENT or another not:"}
			}
			for _, a := range it.alts {
				if err := check(a); err != nil {
					return err
				}
			}
		}
		return nil
	}
	x.col = int32(col)
	if err := check([]*item{x}); err != nil {
		return nil, err
	}
	return &item{op: opNot, neg: []*item{x}}, nil
}
