package rules

// The phrases that may follow a speaker's name or head noun: appositives,
// relative clauses, prepositional phrases and parentheticals, and the name
// that may follow a descriptor.

import (
	"strings"
	"unicode/utf8"
)

// prepPhrase matches a short prepositional phrase after a head or name:
// "of state", "for the campaign", "of the University of Texas" — a
// preposition from the speaker_prepositions list, an optional determiner,
// and up to four words that are no cue verb, auxiliary or function word.
func (rs *Ruleset) prepPhrase(toks []Token, i int) (int, bool) {
	if i+1 >= len(toks) || toks[i].Kind != Word || !rs.in(&toks[i], rs.speakerBits.speakerPreps) {
		return 0, false
	}
	k := i + 1
	if rs.InList(rs.speakerLists.articles, &toks[k]) {
		k++
	}
	start := k
	if rs.Language.GenitiveComplements {
		start = i // the entry is the complement: a name may follow it at once (мэр города Дмитрий Козлов)
	}
	for k < len(toks) && k-start < 8 {
		t := &toks[k]
		// the first word may look like a verb: the secretary of state
		if t.Kind != Word || (k > start && rs.in(t, rs.speakerBits.cueVerbs)) || rs.in(t, rs.speakerBits.aux) || rs.in(t, rs.speakerBits.pronouns) {
			break
		}
		// (a capitalised noun opens a complement where nouns are
		// capitalised: der Universität)
		if rs.in(t, rs.speakerBits.notNames) && !(k == start && rs.capitalNoun(t)) && !(k > start && k+1 < len(toks) && toks[k-1].Cap && toks[k+1].Cap && rs.InList(rs.speakerLists.nameConnectors, t)) {
			break
		}
		if k > start && t.Cap && rs.in(t, rs.speakerBits.firstNames) && !rs.in(&toks[k-1], rs.speakerBits.firstNames) && k+1 < len(toks) && rs.IsNameWord(toks, k+1) {
			break // a person's name follows: envoy for Ukraine Kurt Volker
		}
		k++
	}
	if k == start {
		return 0, false
	}
	return k, true
}

// relativeClause matches ", who coined the word genocide," at i: a comma, a
// relative pronoun, up to 15 tokens without a quotation, and a comma.
func (rs *Ruleset) relativeClause(toks []Token, i int) (int, bool) {
	if i+2 >= len(toks) || toks[i].Text != "," || !rs.in(&toks[i+1], rs.speakerBits.relatives) {
		return 0, false
	}
	for k := i + 2; k < len(toks) && k <= i+17; k++ {
		switch {
		case toks[k].Kind == QuoteT:
			return 0, false
		case toks[k].Text == ",":
			return k + 1, true
		case toks[k].Text == "." || toks[k].Text == ";" || toks[k].Text == ":":
			return 0, false
		}
	}
	return 0, false
}

// appositiveName extends a descriptor by the name that follows it between
// commas: his wife, Gabriela Violeta Lazar, → the name is the mention.
func (rs *Ruleset) appositiveName(toks []Token, d SpeakerPhrase) (SpeakerPhrase, bool) {
	i := d.Span.End
	if i+2 >= len(toks) || toks[i].Text != "," || !rs.IsNameWord(toks, i+1) {
		return d, false
	}
	k := i + 1
	for k < len(toks) && k-i <= 5 && (rs.IsNameWord(toks, k) || toks[k].Kind == Word && rs.in(&toks[k], rs.speakerBits.nameParticles)) {
		k++
	}
	if k >= len(toks) || toks[k].Text != "," {
		return d, false
	}
	n := d
	n.Span.End = k + 1
	n.Mention = Span{i + 1, k}
	n.Title = d.Title
	n.Type = NameMention
	return n, true
}

// namedDescriptor extends a descriptor whose phrase ends before a
// person's name by that name, as its title: U.S. special envoy for Ukraine
// Kurt Volker.
func (rs *Ruleset) namedDescriptor(toks []Token, d SpeakerPhrase) (SpeakerPhrase, bool) {
	i := d.Span.End
	if i+1 >= len(toks) || !toks[i].Cap || !rs.in(&toks[i], rs.speakerBits.firstNames) || !rs.IsNameWord(toks, i+1) || toks[i-1].Kind != Word || rs.in(&toks[i-1], rs.speakerBits.notNames) && !rs.capitalNoun(&toks[i-1]) {
		return d, false // (the reports of Michael Horowitz and John Durham)
	}
	office := false
	for k := d.Title.Start; k < i; k++ {
		office = office || rs.IsTitleNoun(&toks[k])
	}
	if !office {
		return d, false
	}
	for _, p := range rs.SpeakersAt(toks, i) {
		if p.Type == NameMention && p.Title.Len() == 0 && p.Mention.Start == i {
			n := d
			n.Span.End = p.Span.End
			n.Mention = p.Mention
			n.Type = NameMention
			return n, true
		}
	}
	return d, false
}

// articleNoun reports whether toks[j], a relative pronoun that is also an
// entry of speaker_prepositions, is an article before a noun in a language
// that capitalises its nouns: Sprecher der Staatsanwaltschaft, not a
// relative clause (which would follow a comma).
func (rs *Ruleset) articleNoun(toks []Token, j int) bool {
	return rs.Language.CapitalisedNouns && rs.in(&toks[j], rs.speakerBits.speakerPreps) && j > 0 && toks[j-1].Kind == Word && j+1 < len(toks) && toks[j+1].Cap
}

// capitalNoun reports whether t, in not_names, is a capitalised noun of a
// language that capitalises its nouns (capitalised_nouns): not_names takes
// in the words of six letters or more that end in a noun suffix
// (Universität), which may end a title's complement as an English proper
// noun does.
func (rs *Ruleset) capitalNoun(t *Token) bool {
	return rs.Language.CapitalisedNouns && t.Cap && !t.First && utf8.RuneCountInString(t.Lower) >= 6
}

// parenthetical matches "(R-Texas)" at i and returns the end after ")".
func parenthetical(toks []Token, i int) (int, bool) {
	if i >= len(toks) || toks[i].Text != "(" {
		return 0, false
	}
	for k := i + 1; k < len(toks) && k <= i+7; k++ {
		if toks[k].Kind == QuoteT {
			return 0, false
		}
		if toks[k].Text == ")" {
			return k + 1, true
		}
	}
	return 0, false
}

// appositive matches ", a doctor," / ", Trump’s special envoy," / ", 44," at
// i and returns the span from after the first comma to after the closing
// comma, and the title in it. The appositive may also end its sentence
// (said Jane Doe, the mayor of Springfield.), and a relative clause may
// follow its title (, a lawyer who has worked on the case,), which the
// title leaves out. With last false, the appositive must close with a
// comma. Before any relative pronoun it holds no quotation but the title
// of a work after its head (author of “…”, which may hold the closing
// comma), no
// cue verb and no pronoun; it is a number (an age), a party label, or
// holds a title or person noun — or, with more, after an appositive that
// gave the title, any such phrase (, one of the states suing the EPA,).
func (rs *Ruleset) appositive(toks []Token, i int, more, last bool) (Span, Span, bool) {
	if i+2 >= len(toks) || toks[i].Text != "," {
		return Span{}, Span{}, false
	}
	start := i + 1
	head := false
	rel := -1 // index of a relative pronoun after the title
	prep := false
	inQuote := false // the closing comma is inside a quotation: (of the show) “The Apprentice,”
	j := start
	for ; j < len(toks) && j-start < maxAppositive; j++ {
		t := &toks[j]
		if t.Kind == Punct && t.Text == "," {
			break
		}
		if t.Kind == QuoteT && head && rel < 0 && rs.namesWork(toks, j) {
			// the title of a work in a role: author of “The Bitter Pill,”
			if quoteEndsInComma(t.Text) {
				inQuote = true
				j++
				break
			}
			continue
		}
		if t.Kind == QuoteT || t.Kind == Punct && (t.Text == ":" || t.Text == ";") {
			return Span{}, Span{}, false
		}
		if t.Kind == Punct && t.Text == "." {
			if !last {
				return Span{}, Span{}, false
			}
			break // the end of the sentence
		}
		if rel >= 0 {
			continue
		}
		if t.Kind == Word && rs.in(t, rs.speakerBits.relatives) && j > start && head && !rs.articleNoun(toks, j) {
			rel = j
			continue
		}
		if j-start >= maxTitle {
			return Span{}, Span{}, false
		}
		// a word after a preposition is a noun, even one that may be a cue
		// verb: assistant secretary of state, editor for the Cook Political
		// Report; and so is a title modifier (press secretary)
		if t.Kind == Word && rs.in(t, rs.speakerBits.speakerPreps) {
			prep = true
		}
		if t.Kind == Word && (rs.in(t, rs.speakerBits.cueVerbs) && !prep && !rs.isTitleWord(t) && !rs.headNext(toks, j) || rs.in(t, rs.speakerBits.relatives) && !rs.articleNoun(toks, j) || rs.in(t, rs.speakerBits.pronouns) || j == start && rs.auxClause(toks, j)) {
			return Span{}, Span{}, false
		}
		if t.Kind == Word && !t.Cap && j > start && rs.clauseWord(toks, j, start, head, prep) {
			return Span{}, Span{}, false
		}
		if rs.isHead(t) && !rs.in(t, rs.speakerBits.determiners) { // two years: no head
			head = true
		}
	}
	if j == start || j-start >= maxAppositive {
		return Span{}, Span{}, false
	}
	if j > start+1 && isDigitStart(toks[start].Text) {
		return Span{}, Span{}, false // an age is a phrase of its own: , 44,
	}
	if f := &toks[start]; j > start+1 && f.Cap && !rs.isTitleWord(f) && !rs.isHead(f) && !rs.in(f, rs.speakerBits.determiners) {
		// a name and a plain word start a clause, not an appositive:
		// Jeb Bush, Rubio collide in scramble for voters
		if n := &toks[start+1]; n.Kind == Word && !n.Cap && !rs.isPossessive(n) && !rs.isHead(n) && !rs.isTitleWord(n) && !rs.titleAhead(toks, start+1) {
			return Span{}, Span{}, false
		}
	}
	end := j // the sentence's end: the period stays out
	if inQuote {
		// closed by the comma inside the quotation
	} else if j < len(toks) && toks[j].Text == "," {
		end = j + 1
	} else if !last {
		return Span{}, Span{}, false
	}
	title := Span{start, j}
	if rel >= 0 {
		title.End = rel
	}

	if !head {
		// an age, a party label, a degree (Ph.D.), or after the title a
		// phrase with a determiner: one of the states suing the EPA
		one := j == start+1 && (isDigitWord(toks[start].Text) || rs.IsPartyLabel(toks[start].Text))
		if one || abbreviations(toks[start:j]) || more && rel < 0 && rs.in(&toks[start], rs.speakerBits.determiners) {
			return Span{start, end}, Span{}, true
		}
		return Span{}, Span{}, false
	}
	return Span{start, end}, title, true
}

// namesWork reports whether the quotation toks[j] follows a preposition or
// a noun of the title_markers list: the title of a work inside a role
// (author of “…”, host of the show “…”).
func (rs *Ruleset) namesWork(toks []Token, j int) bool {
	p := &toks[j-1]
	return p.Kind == Word && (rs.in(p, rs.speakerBits.speakerPreps) || rs.InList(rs.Lists[ListTitleMarkers], p) && !rs.isPossessive(p))
}

// quoteEndsInComma reports whether a quotation's text ends with a comma
// before its closing mark (“The Apprentice,”).
func quoteEndsInComma(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune("\"'”’»", r) })
	return strings.HasSuffix(s, ",")
}

// abbreviations reports whether toks are at most three capitalised words
// with periods: a degree after a name (Ph.D., M.D.).
func abbreviations(toks []Token) bool {
	if len(toks) == 0 || len(toks) > 3 {
		return false
	}
	for k := range toks {
		if toks[k].Kind != Word || !toks[k].Cap || !strings.Contains(toks[k].Text, ".") {
			return false
		}
	}
	return true
}

// clauseWord reports whether the lower-case word toks[j] of an appositive
// starting at start shows a clause rather than a title: before the head
// (head false) a determiner that follows no preposition or function word
// (making the country …) or an auxiliary (MacBook Pro is a lot of
// computer), but not an adverb after a determiner (the only ally); right after a head, an auxiliary (the agency is …).
func (rs *Ruleset) clauseWord(toks []Token, j, start int, head, prep bool) bool {
	t := &toks[j]
	p := &toks[j-1]
	if !head {
		// (now a consultant: an adverb may come first; and after a
		// determiner or possessive it modifies the head: its only ally)
		if rs.in(t, rs.speakerBits.aux) && !rs.in(p, rs.speakerBits.determiners) && !rs.isPossessive(p) || rs.in(t, rs.speakerBits.determiners) && !rs.isTitleWord(t) && !prep && !rs.in(p, rs.speakerBits.determiners) && !rs.in(p, rs.speakerBits.notNames) {
			return true
		}
		// a plain word, then a preposition with a name or determiner after
		// it: referring to Clinton’s successor, watched by his father (but:
		// fierce and uncompromising)
		if j == start+1 && !p.Cap && !rs.isTitleWord(p) && !rs.isHead(p) && !rs.in(p, rs.speakerBits.notNames) &&
			rs.in(t, rs.speakerBits.notNames) && !rs.in(t, rs.speakerBits.speakerPreps) && !rs.in(t, rs.speakerBits.determiners) && j+1 < len(toks) {
			n := &toks[j+1]
			return n.Kind == Word && (n.Cap || rs.in(n, rs.speakerBits.determiners) && !rs.isTitleWord(n))
		}
		return false
	}
	return !prep && p.Kind == Word && rs.isHead(p) && rs.in(t, rs.speakerBits.aux)
}

// headNext reports whether a head noun or title word follows toks[j]: a
// word that may be a verb is then a noun modifier (a creative writing
// professor).
func (rs *Ruleset) headNext(toks []Token, j int) bool {
	return j+1 < len(toks) && toks[j+1].Kind == Word && (rs.isHead(&toks[j+1]) || rs.isTitleWord(&toks[j+1]))
}

// auxClause reports whether toks[i] is an auxiliary or adverb that, with
// no title after it, opens a clause rather than an appositive: Parata,
// 75, has now overseen … (but: Tatum, then senior pastor,).
func (rs *Ruleset) auxClause(toks []Token, i int) bool {
	if toks[i].Cap || !rs.in(&toks[i], rs.speakerBits.aux) {
		return false
	}
	return i+1 >= len(toks) || !(rs.isTitleWord(&toks[i+1]) || rs.isHead(&toks[i+1]) || rs.in(&toks[i+1], rs.speakerBits.determiners))
}

func isDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// maxAppositives bounds the phrases after a name: appositives, relative
// clauses, prepositional phrases and parentheticals (Harry Bond, 30, of
// Raleigh, N.C., who was polled,).
const maxAppositives = 5

// maxAppositive bounds an appositive with its relative clause, and
// maxTitle the title in it, in tokens.
const (
	maxAppositive = 40
	maxTitle      = 24
)

// affiliated reports whether "of" at toks[at] ties the person named by
// toks[from:at] to an organisation (Meenakshi Ganguly of Human Rights
// Watch) rather than joining one name (Board of Elections, Bank of
// America): the words before it are two or more plain name words, of
// which the last heads nothing.
func (rs *Ruleset) affiliated(toks []Token, from, at int) bool {
	if at <= from || !rs.in(&toks[at], rs.speakerBits.affiliation) || rs.isHead(&toks[at-1]) {
		return false
	}
	k := at
	for k > from && rs.plainName(toks, k-1, k) {
		k--
	}
	return at-k >= 2
}

// IsPartyLabel reports whether w is a party–state label, R-Ky. or D-Calif.
// in US news: a capitalised party initial of the party_initials list, a
// hyphen and a capitalised abbreviation of two to seven letters and periods.
// It is an appositive of a name, whose period ends no sentence. Without the
// list no word is one.
func (rs *Ruleset) IsPartyLabel(w string) bool {
	h := strings.IndexByte(w, '-')
	if h < 1 || len(w)-h-1 < 2 || len(w)-h-1 > 7 || w[0] < 'A' || w[0] > 'Z' || w[h+1] < 'A' || w[h+1] > 'Z' {
		return false
	}
	for i := h + 2; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.') {
			return false
		}
	}
	l := rs.Lists[ListPartyInitials]
	return l != nil && l.Has(strings.ToLower(w[:h]))
}

func isDigitWord(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
