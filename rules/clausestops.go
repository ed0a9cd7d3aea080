package rules

// newClauseLists returns the clauseLists of these lists, with the second
// words of the stops' phrases.
func newClauseLists(notOpeners, breaks, stops *List) clauseLists {
	cl := clauseLists{done: true, notOpeners: notOpeners, breaks: breaks, stops: stops}
	if stops == nil {
		return cl
	}
	for _, ps := range stops.phraseRows() {
		for k := range ps.len() {
			if p := ps.at(k); len(p) > 1 {
				if cl.seconds == nil {
					cl.seconds = map[string]bool{}
				}
				cl.seconds[p[1]] = true
			}
		}
	}
	return cl
}

// stopAt reports whether an entry of the stops of cl starts at toks[j],
// as ListAt tells: by the token's class bits, the list's filters of first
// and second words, and the set of its phrases' second words, before the
// scan of the phrases that start with the word (clause_stops has many
// that start with and, and the filter of second words lets through a
// word in four).
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
	if k, b := phraseBit(next); l.seconds[k]&b == 0 || !cl.seconds[next] {
		return false
	}
	return l.longestPhrase(toks, j, 0) > 0
}
