package rules

// The tokens a speaker phrase can end on: a fact of speakersAt's grammar
// that lets the start loop of a rule that opens with SPEAKER know, before
// any phrase is parsed, that no phrase can reach a cue.

// mayEndPhrase reports whether a phrase of speakersAt, from any start, may
// end right before toks[e] (toks[e-1] its last token): false only when
// none can. The ends of the grammar, by the part of the parse that makes
// them:
//
//   - a pronoun (pronounPhrase); a title word, title modifier, agent noun,
//     honorific or person noun (the run of a name, a descriptor's head); a
//     capitalised word that isNameCap can take for a name (not a word of
//     not_names or pronouns but a first name that is one: Will) — the
//     last word of a name, or of a joined or appositive name;
//   - the last word of a prepositional phrase (prepPhrase, after a head,
//     a name or an appositive): a word that is no auxiliary, pronoun or
//     lower-case word of not_names (a connector between capitalised words
//     is), at most eight words after an entry of speaker_prepositions and
//     its article (prepEnd);
//   - the closing comma of an appositive, a relative clause or a
//     descriptor's name: its opening comma is the comma before it, two to
//     maxAppositive tokens back, with no period, semicolon or colon
//     between; a parenthetical's ")"; a quotation that closes an
//     appositive (namesWork: author of “The Bitter Pill,”);
//   - any token before the end of the tokens, a period or a possessive
//     (an appositive that ends the sentence after a cue, the possessor of
//     a descriptor parsed on the tokens before its possessive).
//
// A language with genitive complements (a prepositional phrase may end at
// its preposition) or capitalised nouns (a capitalised noun of not_names
// ends a complement) is told less: every end there, or every capitalised
// word. TestMayEndPhraseLikeSpeakersAt checks it against speakersAt.
func (rs *Ruleset) mayEndPhrase(toks []Token, e int) bool {
	b := &rs.speakerBits
	if e <= 0 || e > len(toks) {
		return false
	}
	if e == len(toks) || b.endsAny {
		return true
	}
	t := &toks[e-1]
	if t.Kind == Word {
		// (most ends asked: a word's classes tell)
		c := rs.cls(t)
		if c&b.ends != 0 || t.Cap && (c&b.capStops == 0 || b.capNouns) {
			return true
		}
	}
	if n := &toks[e]; n.Kind == Punct && n.Text == "." || rs.inBit(rs.speakerLists.possessives, b.possessives, n) {
		return true
	}
	switch t.Kind {
	case Word:
		return rs.prepEnd(toks, e-1)
	case QuoteT:
		return e >= 2 && rs.namesWork(toks, e-1)
	case Punct:
		return t.Text == ")" || t.Text == "." || t.Text == "," && closingComma(toks, e-1)
	}
	return false
}

// closingComma reports whether the comma toks[j] may close an appositive,
// a relative clause or a name after a descriptor: the comma before it
// stands two to maxAppositive tokens back, with no period, semicolon or
// colon between (each of the three stops at the first comma after its
// opening one, and fails at those marks).
func closingComma(toks []Token, j int) bool {
	for p := j - 1; p >= 0 && p >= j-maxAppositive; p-- {
		switch toks[p].Text {
		case ",":
			return p <= j-2
		case ".", ";", ":":
			return false
		}
	}
	return false
}

// prepEnd reports whether the word toks[k] may be the last of a
// prepositional phrase (prepPhrase): it and the words before it back to
// the phrase's first are words that do not stop the phrase, at most
// eight, right after an entry of speaker_prepositions or after one and
// an article. The stops a word of the phrase's first position escapes (a
// cue verb) or that need its preposition's place (a first name before a
// name) are not told: false only when no phrase ends at k.
func (rs *Ruleset) prepEnd(toks []Token, k int) bool {
	for m := k; m >= 1 && k-m < 8 && rs.prepWord(toks, m); m-- {
		p := &toks[m-1]
		if p.Kind == Word && rs.in(p, rs.speakerBits.speakerPreps) {
			return true
		}
		if m >= 2 && p.Kind == Word && rs.InList(rs.speakerLists.articles, p) && toks[m-2].Kind == Word && rs.in(&toks[m-2], rs.speakerBits.speakerPreps) {
			return true
		}
	}
	return false
}

// prepWord reports whether toks[m] may stand in a prepositional phrase
// (prepPhrase's loop does not stop at it): a word that is no auxiliary or
// pronoun, and no word of not_names but a capitalised noun of a language
// that capitalises them or a connector between capitalised words.
func (rs *Ruleset) prepWord(toks []Token, m int) bool {
	t := &toks[m]
	if t.Kind != Word {
		return false
	}
	b := &rs.speakerBits
	c := rs.cls(t)
	if c&(b.aux|b.pronouns) != 0 {
		return false
	}
	return c&b.notNames == 0 || t.Cap && b.capNouns ||
		m > 0 && m+1 < len(toks) && toks[m-1].Cap && toks[m+1].Cap && rs.InList(rs.speakerLists.nameConnectors, t)
}
