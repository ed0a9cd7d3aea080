package rules

// mayEndPhrase reports whether a speaker phrase of speakersAt, from any
// start, may end right before toks[e] (toks[e-1] its last token): false
// only when none can. It follows the ends of speakersAt's grammar: a
// pronoun; a name or title word; a head noun; the last word of a
// prepositional phrase (no lower-case word of not_names but a connector
// before a capitalised word); a comma that closes an appositive or a
// relative clause opened by a comma at most maxAppositive tokens before;
// a closing parenthesis or quotation; and any token before the end of the
// sentence, a period or a possessive (an appositive that ends the
// sentence, the possessor of a descriptor). A particle, linker or article
// that ends a run of name words is allowed too (before a capitalised word,
// after a linker), though speakersAt then makes a descriptor of the run;
// a language with genitive complements (a phrase may end at its
// preposition) is not told. TestMayEndPhraseLikeSpeakersAt checks it
// against speakersAt.
func (rs *Ruleset) mayEndPhrase(toks []Token, e int) bool {
	if e <= 0 || e > len(toks) {
		return false
	}
	if e == len(toks) {
		return true
	}
	n, t := &toks[e], &toks[e-1]
	if t.Cap || t.Kind == QuoteT || n.Kind == Punct && n.Text == "." || rs.Language.GenitiveComplements {
		return true
	}
	sl, b := &rs.speakerLists, &rs.speakerBits
	if t.Kind == Word {
		c := rs.cls(t)
		if c&b.notNames == 0 || c&(b.pronouns|b.titles|b.titleModifiers|classTitleSuffix|b.honorifics|b.personNouns) != 0 {
			return true
		}
		if n.Cap && (c&b.nameParticles != 0 || rs.InList(sl.nameConnectors, t)) ||
			e >= 2 && rs.inBit(sl.articles, b.articles, t) && rs.inBit(sl.nameLinkers, b.nameLinkers, &toks[e-2]) {
			return true
		}
	} else {
		switch t.Text {
		case ".", ")":
			return true
		case ",":
			// the closing comma of an appositive, a relative clause or a
			// name after a descriptor: its opening comma two tokens
			// before or more
			for p := e - 3; p >= 0 && p >= e-1-maxAppositive; p-- {
				if toks[p].Text == "," {
					return true
				}
			}
		}
	}
	return n.Cap && rs.inBit(sl.nameLinkers, b.nameLinkers, t) || rs.inBit(sl.possessives, b.possessives, t) || rs.inBit(sl.possessives, b.possessives, n)
}
