package rules

// SpeakersAt returns the speaker phrases that start at toks[i], longest
// first: a pronoun; a name with its pre-modifying title (Kremlin aide Yury
// Ushakov); a descriptor (the Russian presidential aide, officials); each
// optionally followed by an appositive (Hugh Hill, a doctor,). Positions
// where noSpeakerAt tells cheaply that there is none (the plain words of
// most sentences: the 14 days, But in the end) skip the full parse,
// speakersAt.
func (rs *Ruleset) SpeakersAt(toks []Token, i int) []SpeakerPhrase {
	return rs.SpeakersAtInto(toks, i, nil)
}

// SpeakersAtInto is SpeakersAt with the phrases written into buf's array
// when it has room (a new array else): they are valid until buf is used
// again, for a caller that reads them before the next position.
func (rs *Ruleset) SpeakersAtInto(toks []Token, i int, buf []SpeakerPhrase) []SpeakerPhrase {
	if rs.noSpeakerAt(toks, i) {
		return nil
	}
	return rs.speakersAt(toks, i, buf)
}

// noSpeakerAt reports that speakersAt(toks, i) is empty, by the few tests
// that decide it for most words: a word (after a determiner, if it is one)
// that starts no run of name or title words, and no head noun in the
// descriptor's reach after it. It follows speakersAt's first steps and
// descriptor's scan; false means only that the full parse must tell (a
// capitalised word after a determiner, a cue verb in the scan, …).
// TestNoSpeakerAt checks it against speakersAt.
//
// The end of the tokens, a token that is no word and a possessive ending
// are told at once, as speakersAt's first test tells them (a window's
// rules ask at every punctuation mark and ’s too).
func (rs *Ruleset) noSpeakerAt(toks []Token, i int) bool {
	if i < 0 {
		return false
	}
	if i >= len(toks) {
		return true
	}
	t := &toks[i]
	if t.Kind != Word {
		return true
	}
	b := &rs.speakerBits
	c := rs.cls(t)
	if rs.inBit(rs.speakerLists.possessives, rs.speakerBits.possessives, t) {
		return true // (a phrase never starts at ’s)
	}
	if c&b.pronouns != 0 {
		return false
	}
	j := i
	if c&b.determiners != 0 {
		j++
	}
	// the run of name and title words ends at j at once (the cases of
	// speakersAt's loop that need a word before j cannot hold)
	lower := false // a lower-case word at j: titleAhead(toks, j) may start the run
	if j < len(toks) {
		u := &toks[j]
		cu := rs.cls(u)
		// a capitalised word whose classes make IsNameWord false on its
		// own: a function word that is no first name, an opener of the
		// sentence (anything else may be a name: the full parse tells)
		nameless := cu&(b.notNames|b.pronouns) != 0 && cu&b.firstNames == 0 || u.First && cu&b.openers != 0
		if u.Kind == Word && (u.Cap && (j > i || !nameless) ||
			cu&(b.titles|b.titleModifiers|classTitleSuffix|b.honorifics|b.personNouns) != 0) {
			return false
		}
		lower = u.Kind == Word && !u.Cap
	}
	// descriptor(toks, i, j, -1) finds no head: its scan, stopping where
	// it stops (or later, which only makes the answer false more often).
	// Where it stops, titleAhead(toks, j) is asked only if it can hold: a
	// title in its reach is a head, which the scan meets first, unless it
	// stands at or after the stop, past a stop word that does not stop
	// titleAhead (or is a possessive the scan skipped)
	skipped := false
	for k := j; k < len(toks) && k-j < 7; k++ {
		u := &toks[k]
		if k > j && rs.inBit(rs.speakerLists.possessives, rs.speakerBits.possessives, u) {
			skipped = true
			continue
		}
		if u.Kind != Word {
			return !(lower && skipped && rs.titleAhead(toks, j))
		}
		c := rs.cls(u)
		if c&b.pronouns != 0 || k > j && c&b.determiners != 0 ||
			c&(b.titles|b.personNouns|classTitleSuffix) == 0 && (c&b.aux != 0 || c&b.notNames != 0 && !u.Cap) {
			return !(lower && (skipped || k-j <= 3 && c&(b.cueVerbs|b.notNames|b.determiners) == 0) && rs.titleAhead(toks, j))
		}
		if c&(b.titles|b.personNouns|classTitleSuffix) != 0 {
			return false // a head: the descriptor may hold
		}
	}
	return !(lower && skipped && rs.titleAhead(toks, j))
}

// plainNoSpeaker reports that noSpeakerAt(toks, i) holds by the test
// that tells most of the positions a window's rules ask (inline, without
// noSpeakerAt's call): a classified lower-case word of notNames of none
// of the classes that may start a phrase (noSpeakerAt's scan stops at it
// at once, and it is a stop where titleAhead is not asked; a token that
// is no word has no phrase either). False tells nothing.
// TestPlainNoSpeakerLikeNoSpeakerAt checks it.
func (rs *Ruleset) plainNoSpeaker(toks []Token, i int) bool {
	if uint(i) < uint(len(toks)) {
		t := &toks[i]
		return t.class&rs.speakerBits.plainMask == rs.speakerBits.plainWant && !t.Cap
	}
	return false
}

// inBit is rs.InList(l, t) for a list of speakerLists whose class bit is
// bit (0 without one): a classified token is told inline, without InList's
// call (the speaker parse asks it of most words it reads).
func (rs *Ruleset) inBit(l *List, bit uint64, t *Token) bool {
	return t.class&bit != 0 || (bit == 0 || t.class == 0) && rs.InList(l, t)
}

// nameMemo holds isNameCap of the tokens up to 31 after a phrase's start
// at, once asked: speakersAt's run, its trailing name and its look-aheads
// ask it of the same words again.
type nameMemo struct {
	at          int
	known, name uint32
}

// held returns isName(rs, toks, k) as the memo holds it: 2 for a name,
// 1 for none, 0 if it was not asked (or k is outside the memo).
func (m *nameMemo) held(k int) uint32 {
	o := uint(k - m.at)
	return m.known>>o&1 + m.name>>o&1
}

// isName is IsNameWord(toks, k) of a capitalised toks[k], remembered.
func (m *nameMemo) isName(rs *Ruleset, toks []Token, k int) bool {
	o := uint(k - m.at)
	if o >= 32 {
		return rs.isNameCap(toks, k)
	}
	if m.known&(1<<o) == 0 {
		m.known |= 1 << o
		if rs.isNameCap(toks, k) {
			m.name |= 1 << o
		}
	}
	return m.name&(1<<o) != 0
}
