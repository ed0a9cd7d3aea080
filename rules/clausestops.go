package rules

// newClauseLists returns the clauseLists of these lists, with the stops'
// phrases by the slot of their second words (none when a phrase has one
// word only: ListAt tells those).
func newClauseLists(notOpeners, breaks, stops *List) clauseLists {
	cl := clauseLists{done: true, notOpeners: notOpeners, breaks: breaks, stops: stops}
	if stops == nil {
		return cl
	}
	var ps []stopPhrase
	for w, row := range stops.phraseRows() {
		for k := range row.len() {
			p := row.at(k)
			if len(p) < 2 {
				return cl
			}
			ps = append(ps, stopPhrase{w, p})
		}
	}
	if len(ps) > 0 {
		cl.seconds = newSlotted(ps, func(p stopPhrase) string { return p.words[1] })
	}
	return cl
}

// stopPhrase is a phrase of the clause stops (its words) with the first
// word of the list's phrases that it is found under.
type stopPhrase struct {
	first string
	words []string
}

// stopAt reports whether an entry of the stops of cl starts at toks[j],
// as ListAt tells: by the token's class bits, the list's filters of first
// and second words, then the phrases of the next word as their second
// (cl.seconds, by its slot), not the scan of the phrases that start with the word
// (clause_stops has many that start with and, and the filter of second
// words lets through a word in four).
func (m *matcher) stopAt(cl *clauseLists, j int) bool {
	l, toks := cl.stops, m.toks
	if l == nil {
		return false
	}
	t := &toks[j]
	c := t.class
	if c == 0 || l.owner != m.rs || cl.seconds == nil {
		return m.rs.ListAt(l, toks, j) > 0
	}
	if c&l.bit != 0 {
		return true
	}
	if c&classPhraseStart == 0 || j+1 >= len(toks) || l.firsts&firstBit(t.Lower) == 0 {
		return false
	}
	next := toks[j+1].Lower
	s := phraseSlot(next)
	if l.seconds[s>>6]&(1<<(s&63)) == 0 {
		return false
	}
	// the phrases of the first word that go on with next, as
	// longestPhrase tries them (their words after the second)
	for _, p := range cl.seconds.at(s) {
		if p.first != t.Lower || p.words[1] != next || j+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k := 2; k < len(p.words); k++ {
			if toks[j+k].Lower != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// contentRun returns the run of tokens that reported content from pos
// (before last) can span: it ends at b, the first token from pos+1 on
// before which the content breaks (clauseBreakAt), the quotation being
// attributed, or last; out and in are the words of the run outside and
// inside quotation marks, in counted only when strict asks for it (-1
// otherwise: only a strict clause reads it, and a quotation's words are
// counted byte by byte). Without a quotation it is remembered for the
// window, for every rule that tries content at pos (a token's breaks do
// not depend on where the content opens). A word after a word breaks the
// content only where an entry of the clause stops starts: when its
// classes tell that none does, clauseBreakAt is not asked.
func (m *matcher) contentRun(pos, last int, strict bool) (b, out, in int) {
	w := m.Window
	if m.quote < 0 {
		for i := range w.ends {
			if e := &w.ends[i]; e.pos == pos {
				if strict && e.in < 0 {
					e.in = m.runQuoteWords(pos, e.b)
				}
				return e.b, e.out, e.in
			}
		}
	}
	toks := m.toks
	cl := m.clauseLists()
	// the class of a word of the stops and the filter of their phrases'
	// first words, as stopAt tells them (all bits: the classes tell
	// nothing, ListAt does; none: no stops)
	stopBit, firsts := ^uint64(0), ^uint64(0)
	// and the filter of the classes of their phrases' first words, its
	// four words in one (all bits: every class passes, and the test after
	// it tells)
	keys := ^uint64(0)
	if l := cl.stops; l == nil {
		stopBit, firsts, keys = 0, 0, 0
	} else if l.owner == m.rs && cl.seconds != nil {
		k := &l.phraseKeys
		stopBit, firsts, keys = l.bit, l.firsts, k[0]|k[1]|k[2]|k[3]
	}
	b = last
	quotes := false // a quotation in the run, its words not counted
	comma := false  // a comma between clauses in the run (the first is asked of frontedComma)
	// the first token (no break before it), then the others: a word
	// after a word that starts no stop is counted without a call
	j := pos
	if j < last {
		if t := &toks[j]; t.Kind == Word {
			out++
		} else if t.Kind == QuoteT {
			if j == m.quote {
				b, last = j, j // the quotation being attributed is no reported content
			} else {
				quotes = true
			}
		}
		j++
	}
	for ; j < last; j++ {
		t := &toks[j]
		if t.Kind == Word {
			// the filter of the classes of the stops' phrases' first
			// words before classPhraseStart and firsts, as ListAt asks
			// it: classPhraseStart is set for one word in three, and
			// foretold by no predictor; the filter turns most away
			c := t.class
			_, kb := phraseKeyBit(c)
			if c != 0 && c&stopBit == 0 && toks[j-1].Kind == Word && (keys&kb == 0 || c&classPhraseStart == 0 || firsts&firstBit(t.Lower) == 0) || !m.clauseBreakAt(j) {
				out++
				continue
			}
			b = j
			break
		}
		if m.clauseBreakAt(j) {
			b = j
			break
		}
		if t.Kind == Punct && !comma && clauseComma(toks, j) {
			comma = true
			if m.frontedComma(pos) {
				b = j
				break
			}
		}
		if t.Kind == QuoteT {
			if j == m.quote {
				b = j // the quotation being attributed is no reported content
				break
			}
			quotes = true
		}
	}
	in = -1
	if !quotes {
		in = 0
	} else if strict {
		in = m.runQuoteWords(pos, b)
	}
	if m.quote < 0 {
		w.ends = append(w.ends, contentRunSeen{pos, b, out, in})
	}
	return b, out, in
}

// runQuoteWords returns the words of the quotations from toks[pos] to
// toks[b-1] (in of contentRun's run from pos, which ends at b: the
// quotation being attributed is not in it).
func (m *matcher) runQuoteWords(pos, b int) int {
	in := 0
	for j := pos; j < b; j++ {
		if t := &m.toks[j]; t.Kind == QuoteT {
			in += quoteWords(t.Text)
		}
	}
	return in
}

// contentRunSeen is contentRun from pos, remembered for the window (in
// is -1 until a strict clause asks for it).
type contentRunSeen struct {
	pos, b, out, in int
}
