package rules

// ListNotClauseOpeners names the list of words that open no reported
// content (prepositions: said in an interview, said of the plan). The list
// is optional; without it any word may open a clause.
const ListNotClauseOpeners = "not_clause_openers"

// ListClauseBreaks names the list of words before which, after a comma,
// reported content ends (…, saying; …, according to; …, but). The list is
// optional.
const ListClauseBreaks = "clause_breaks"

// ListClauseStops names the list of phrases before which reported content
// ends wherever they stand (… the idea and said that …). The list is
// optional.
const ListClauseStops = "clause_stops"

// minClauseWords is the least number of words outside quotation marks that
// reported content holds (“he said it was” reports nothing a reader can use).
const minClauseWords = 3

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
		return pos == 0 || m.toks[pos-1].Kind != Word || !m.rs.InList(m.rs.Lists[ListNotClauseOpeners], t)
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
// one step of the match.
func (m *matcher) clause(strict bool, pos int, k func(int) bool) bool {
	toks := m.toks
	if !m.clauseStart(pos) {
		return false
	}
	// the end of the window without its trailing punctuation
	last := len(toks)
	for last > pos && toks[last-1].Kind == Punct && !isCloser(toks[last-1].Text) {
		last--
	}
	// the possible ends, found in one pass and then tried from the longest;
	// clauseBuf is a stack, on which a later CLAUSE of the pattern pushes
	base := len(m.clauseBuf)
	out, in := 0, 0
	breaks, stops := m.rs.Lists[ListClauseBreaks], m.rs.Lists[ListClauseStops]
	for j := pos; j < last; j++ {
		t := &toks[j]
		if j > pos && (m.clauseBreak(breaks, j) || stops != nil && stops.MatchAt(toks, j) > 0) {
			break
		}
		switch t.Kind {
		case Word:
			out++
		case QuoteT:
			if j == m.quote {
				j = last // the quotation being attributed is no reported content
				continue
			}
			in += quoteWords(t.Text)
		}
		if out >= minClauseWords && (!strict || out > in) && (t.Kind == Word || t.Kind == QuoteT || isCloser(t.Text)) && !inName(toks, j) {
			m.clauseBuf = append(m.clauseBuf, j+1)
		}
	}
	n := len(m.clauseBuf) - base
	defer func() { m.clauseBuf = m.clauseBuf[:base] }()
	for i := n - 1; i >= 0; i-- {
		if m.step() {
			return false
		}
		m.clauseBuf = m.clauseBuf[:base+n]
		end := m.clauseBuf[base+i]
		depth := len(m.caps)
		m.caps = append(m.caps, capture{"content", Span{pos, end}})
		next := end
		if end == last {
			next = len(toks) // the trailing punctuation goes with the clause
		}
		if k(next) || next != end && k(end) {
			return true
		}
		m.caps = m.caps[:depth]
	}
	return false
}

// clauseBreak reports whether reported content that has reached toks[j]
// ends before it: at a comma followed by a word of the clause_breaks list
// (…, saying), after a period, or after a quotation that ends its sentence inside the marks
// and is followed by a capitalised word (“… so well.” He touted).
func (m *matcher) clauseBreak(breaks *List, j int) bool {
	toks := m.toks
	t, prev := &toks[j], &toks[j-1]
	if t.Kind == Punct && t.Text == "," && j+1 < len(toks) && breaks != nil && breaks.MatchAt(toks, j+1) > 0 {
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

// quoteWords counts the words of a quotation token's text.
func quoteWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', '\t', '\r':
			in = false
		default:
			if !in {
				in = true
				n++
			}
		}
	}
	return n
}
