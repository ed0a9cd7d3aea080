package rules

import "unicode/utf8"

// minClauseWords is the least number of words outside quotation marks that
// reported content holds (“he said no” reports nothing a reader can use).
const minClauseWords = 2

// clause matches the CLAUSE item at pos: reported content, a run of tokens
// that opens with a word (or a quotation) and ends with a word, a
// quotation or a closing bracket, and that holds at least minClauseWords
// words outside quotation marks and more such words than words inside
// them — a paraphrase with a quoted fragment is a clause, a quotation with
// a few words around it is not. The longest such run is tried first, so
// that the content runs over subordinate clauses to the end of the
// sentence; a run that reaches the trailing punctuation of the window
// consumes that punctuation too (the content, captured as "content", does
// not hold it). Each run tried counts one step of the match.
func (m *matcher) clause(pos int, k func(int) bool) bool {
	toks := m.toks
	if pos >= len(toks) || !m.atomAt(&item{op: opClause}, pos) {
		return false
	}
	// the end of the window without its trailing punctuation
	last := len(toks)
	for last > pos && toks[last-1].Kind == Punct && !isCloser(toks[last-1].Text) {
		last--
	}
	// words outside and inside quotation marks of toks[pos:end], for every
	// end, counted forward once; the runs are then tried from the longest
	base := len(m.clauseBuf) // a stack: a CLAUSE later in the pattern pushes on it
	out, in := 0, 0
	for j := pos; j < last; j++ {
		t := &toks[j]
		switch t.Kind {
		case Word:
			out++
		case QuoteT:
			if j == m.quote {
				m.clauseBuf = m.clauseBuf[:base]
				return false // the quotation being attributed is no reported content
			}
			in += quoteWords(t.Text)
		}
		if out >= minClauseWords && out > in && (t.Kind == Word || t.Kind == QuoteT || isCloser(t.Text)) && !inName(toks, j) {
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
	for _, r := range s {
		space := r == ' ' || r == '\n' || r == '\t' || r == utf8.RuneError
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
