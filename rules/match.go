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

// Match is one match of an attribution rule.
type Match struct {
	Rule     *AttrRule
	Span     Span
	Captures map[string]Span
	Speaker  SpeakerPhrase
	HasSpkr  bool
}

// maxSteps bounds the work of one pattern match (each attempt of an item at
// a position counts one step), so no rule can make matching superlinear.
const maxSteps = 20000

type matcher struct {
	rs      *Ruleset
	toks    []Token
	quote   int
	steps   int
	caps    map[string]Span
	speaker SpeakerPhrase
	hasSpk  bool
	spkMemo map[int][]SpeakerPhrase
}

// MatchRule finds the best match of rule r in the window toks, whose token
// quote (-1 for none) is the quotation being attributed. For patterns with a
// QUOTE item the match must cover that token. Among several matches the one
// whose speaker is nearest the quote wins.
func (rs *Ruleset) MatchRule(r *AttrRule, toks []Token, quote int) (Match, bool) {
	m := &matcher{rs: rs, toks: toks, quote: quote, spkMemo: map[int][]SpeakerPhrase{}}
	var best Match
	found := false
	bestDist := 1 << 30
	for start := 0; start <= len(toks); start++ {
		if r.Pattern.HasQuote && start > quote {
			break
		}
		m.caps = map[string]Span{}
		m.hasSpk = false
		var got Match
		ok := m.seq(r.Pattern.items, 0, start, func(end int) bool {
			if r.Pattern.HasQuote && !(start <= quote && quote < end) {
				return false
			}
			caps := make(map[string]Span, len(m.caps))
			for k, v := range m.caps {
				caps[k] = v
			}
			got = Match{Rule: r, Span: Span{start, end}, Captures: caps, Speaker: m.speaker, HasSpkr: m.hasSpk}
			return true
		})
		if m.steps > maxSteps {
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
			best, bestDist, found = got, d, true
		}
	}
	return best, found
}

// seq matches items[i:] at token pos, calling k with the end position of
// each complete match until k returns true.
func (m *matcher) seq(items []*item, i, pos int, k func(int) bool) bool {
	if i == len(items) {
		return k(pos)
	}
	it := items[i]
	return m.rep(it, 0, pos, func(p int) bool { return m.seq(items, i+1, p, k) })
}

// rep matches item it repeated n..max times, greedily.
func (m *matcher) rep(it *item, n, pos int, k func(int) bool) bool {
	m.steps++
	if m.steps > maxSteps {
		return false
	}
	if n < it.max {
		if m.one(it, pos, func(p int) bool {
			if p == pos { // empty match: do not loop
				return n+1 >= it.min && k(p)
			}
			return m.rep(it, n+1, p, k)
		}) {
			return true
		}
	}
	if n >= it.min {
		return k(pos)
	}
	return false
}

// one matches a single occurrence of it at pos.
func (m *matcher) one(it *item, pos int, k func(int) bool) bool {
	if it.capture != "" {
		inner := k
		k = func(p int) bool {
			old, had := m.caps[it.capture]
			m.caps[it.capture] = Span{pos, p}
			if inner(p) {
				return true
			}
			if had {
				m.caps[it.capture] = old
			} else {
				delete(m.caps, it.capture)
			}
			return false
		}
	}
	toks := m.toks
	switch it.op {
	case opStart:
		if pos == 0 {
			return k(pos)
		}
		return false
	case opEnd:
		for j := pos; j < len(toks); j++ {
			if toks[j].Kind != Punct {
				return false
			}
		}
		return k(pos)
	case opGroup:
		for _, alt := range it.alts {
			if m.seq(alt, 0, pos, k) {
				return true
			}
		}
		return false
	case opSpeaker:
		for _, sp := range m.speakers(pos) {
			old, oldHas := m.speaker, m.hasSpk
			m.speaker, m.hasSpk = sp, true
			if k(sp.Span.End) {
				return true
			}
			m.speaker, m.hasSpk = old, oldHas
		}
		return false
	}
	if pos >= len(toks) {
		return false
	}
	t := &toks[pos]
	switch it.op {
	case opQuote:
		if t.Kind == QuoteT && pos == m.quote {
			return k(pos + 1)
		}
	case opOtherQuote:
		if t.Kind == QuoteT && pos != m.quote {
			return k(pos + 1)
		}
	case opAny:
		if t.Kind != QuoteT {
			return k(pos + 1)
		}
	case opCap:
		if t.Kind == Word && t.Cap {
			return k(pos + 1)
		}
	case opDash:
		if t.Kind == Dash {
			return k(pos + 1)
		}
	case opPunct:
		if t.Kind == Punct && t.Text == it.punct {
			return k(pos + 1)
		}
	case opLit:
		if pos+len(it.lit) > len(toks) {
			return false
		}
		for j, w := range it.lit {
			if toks[pos+j].Lower != w {
				return false
			}
		}
		return k(pos + len(it.lit))
	case opList:
		if n := it.list.MatchAt(toks, pos); n > 0 {
			return k(pos + n)
		}
	}
	return false
}

func (m *matcher) speakers(pos int) []SpeakerPhrase {
	if s, ok := m.spkMemo[pos]; ok {
		return s
	}
	s := m.rs.SpeakersAt(m.toks, pos)
	m.spkMemo[pos] = s
	return s
}
