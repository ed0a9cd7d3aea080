package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// speakerLists holds the lists the speaker phrase parser reads, looked up
// once when the ruleset is loaded.
type speakerLists struct {
	affiliation    *List
	aux            *List
	cueVerbs       *List
	determiners    *List
	expletiveAfter *List
	firstNames     *List
	honorifics     *List
	nameParticles  *List
	notNames       *List
	openers        *List
	personNouns    *List
	pronouns       *List
	relatives      *List
	speakerPreps   *List
	titleModifiers *List
	titleSuffixes  *List
	titles         *List
	possessives    *List
	nameLinkers    *List
	articles       *List
	nameJoiners    *List
	expletives     *List
	nameConnectors *List
	nounMarkers    *List
	adjectiveNames *List
	subordinators  *List
	objectPreps    *List
	definite       *List
	// clause: the lists of the CLAUSE and CONTENT items (done: bound)
	clause clauseLists
	// linkers and joiners: nameLinkers and nameJoiners, told by their
	// words when they have no class bit
	linkers, joiners fewWords
}

// bindLists looks up the lists of speakerLists.
func (rs *Ruleset) bindLists() {
	rs.speakerLists = speakerLists{
		affiliation:    rs.Lists[ListAffiliation],
		aux:            rs.Lists[ListAux],
		cueVerbs:       rs.Lists[ListCueVerbs],
		determiners:    rs.Lists[ListDeterminers],
		expletiveAfter: rs.Lists[ListExpletiveAfter],
		firstNames:     rs.Lists[ListFirstNames],
		honorifics:     rs.Lists[ListHonorifics],
		nameParticles:  rs.Lists[ListNameParticles],
		notNames:       rs.Lists[ListNotNames],
		openers:        rs.Lists[ListOpeners],
		personNouns:    rs.Lists[ListPersonNouns],
		pronouns:       rs.Lists[ListPronouns],
		relatives:      rs.Lists[ListRelatives],
		speakerPreps:   rs.Lists[ListSpeakerPreps],
		titleModifiers: rs.Lists[ListTitleModifiers],
		titleSuffixes:  rs.Lists[ListTitleSuffixes],
		titles:         rs.Lists[ListTitles],
		possessives:    rs.Lists[ListPossessives],
		nameLinkers:    rs.Lists[ListNameLinkers],
		articles:       rs.Lists[ListArticles],
		nameJoiners:    rs.Lists[ListNameJoiners],
		expletives:     rs.Lists[ListExpletives],
		nameConnectors: rs.Lists[ListNameConnectors],
		nounMarkers:    rs.Lists[ListNounMarkers],
		adjectiveNames: rs.Lists[ListAdjectiveNames],
		subordinators:  rs.Lists[ListSubordinators],
		objectPreps:    rs.Lists[ListObjectPreps],
		definite:       rs.Lists[ListDefinite],
		clause:         newClauseLists(rs.Lists[ListNotClauseOpeners], rs.Lists[ListClauseBreaks], rs.Lists[ListClauseStops]),
	}
	rs.bindClasses()
	rs.speakerLists.linkers = rs.newFewWords(rs.speakerLists.nameLinkers)
	rs.speakerLists.joiners = rs.newFewWords(rs.speakerLists.nameJoiners)
	bit := func(l *List) uint64 {
		if l == nil {
			return 0
		}
		return l.bit
	}
	rs.speakerBits = speakerBits{
		affiliation:    bit(rs.speakerLists.affiliation),
		aux:            bit(rs.speakerLists.aux),
		cueVerbs:       bit(rs.speakerLists.cueVerbs),
		determiners:    bit(rs.speakerLists.determiners),
		expletiveAfter: bit(rs.speakerLists.expletiveAfter),
		firstNames:     bit(rs.speakerLists.firstNames),
		honorifics:     bit(rs.speakerLists.honorifics),
		nameParticles:  bit(rs.speakerLists.nameParticles),
		notNames:       bit(rs.speakerLists.notNames),
		openers:        bit(rs.speakerLists.openers),
		personNouns:    bit(rs.speakerLists.personNouns),
		pronouns:       bit(rs.speakerLists.pronouns),
		relatives:      bit(rs.speakerLists.relatives),
		speakerPreps:   bit(rs.speakerLists.speakerPreps),
		titleModifiers: bit(rs.speakerLists.titleModifiers),
		titles:         bit(rs.speakerLists.titles),
		possessives:    bit(rs.speakerLists.possessives),
		nameLinkers:    bit(rs.speakerLists.nameLinkers),
		articles:       bit(rs.speakerLists.articles),
		nameJoiners:    bit(rs.speakerLists.nameJoiners),
	}
	b := &rs.speakerBits
	b.plainMask, b.plainWant = b.notNames|b.pronouns|b.determiners|b.titles|b.titleModifiers|classTitleSuffix|b.honorifics|b.personNouns, b.notNames
	if b.notNames == 0 {
		b.plainWant = classified // (never held: plainMask lacks the bit)
	}
	b.ends = b.pronouns | b.titles | b.titleModifiers | classTitleSuffix | b.honorifics | b.personNouns | b.firstNames
	b.capStops = b.notNames | b.pronouns
	b.capNouns, b.endsAny = rs.Language.CapitalisedNouns, rs.Language.GenitiveComplements
	if b := rs.speakerBits.determiners; b != 0 {
		rs.speakerBits.detTitle = b | rs.speakerBits.titles | rs.speakerBits.titleModifiers | classTitleSuffix
	}
}

// speakerBits holds the class bits of the lists of speakerLists (0 for a
// list without one).
type speakerBits struct {
	affiliation    uint64
	aux            uint64
	cueVerbs       uint64
	determiners    uint64
	expletiveAfter uint64
	firstNames     uint64
	honorifics     uint64
	nameParticles  uint64
	notNames       uint64
	openers        uint64
	personNouns    uint64
	pronouns       uint64
	relatives      uint64
	speakerPreps   uint64
	titleModifiers uint64
	titles         uint64
	possessives    uint64
	nameLinkers    uint64
	articles       uint64
	nameJoiners    uint64
	detTitle       uint64 // determiners, titles, title modifiers and agent nouns (0: determiners without a bit)
	// ends, capStops, capNouns and endsAny are mayEndPhrase's: the classes
	// of a word that may end a phrase, those that keep a capitalised word
	// from ending one as a name, and the language's capitalised nouns and
	// genitive complements (read with the bits, not from Language)
	ends, capStops    uint64
	capNouns, endsAny bool
	// plainMask and plainWant tell a word of notNames of none of the
	// classes that may start a phrase (pronouns, determiners, titles and
	// their modifiers, agent nouns, honorifics) by one test: its classes
	// masked by plainMask are plainWant (see plainNoSpeaker)
	plainMask, plainWant uint64
}

// maxPhrase bounds a speaker phrase in tokens.
const maxPhrase = 14

// PossessiveEndings returns the letters after the apostrophe of each entry
// of the possessives list that has some (’s → s), once each, for the
// tokenizer to split them off a word.
func (rs *Ruleset) PossessiveEndings() []string {
	var out []string
	l := rs.Lists[ListPossessives]
	if l == nil {
		return nil
	}
	for _, e := range l.Entries {
		rest := strings.TrimPrefix(strings.TrimPrefix(e, "'"), "’")
		if rest == e || rest == "" || slices.Contains(out, rest) {
			continue
		}
		out = append(out, rest)
	}
	return out
}

// isPossessive reports whether t is a possessive ending (the possessives
// list: ’s, and the bare ’ of a plural).
func (rs *Ruleset) isPossessive(t *Token) bool {
	return rs.InList(rs.speakerLists.possessives, t)
}

// IsNameWord reports whether toks[i] can be part of a proper name. A
// word that is not capitalised is told inline (the speaker parse asks it
// of every word of its runs); isNameCap tests the others.
func (rs *Ruleset) IsNameWord(toks []Token, i int) bool {
	return toks[i].Cap && rs.isNameCap(toks, i)
}

// isNameCap is IsNameWord for a capitalised token toks[i].
func (rs *Ruleset) isNameCap(toks []Token, i int) bool {
	t := &toks[i]
	if t.Kind != Word {
		return false
	}
	if t.First && rs.participleOpener(t.Lower) {
		return false // Reprising one of her lines, …
	}
	if t.First && len(t.Text) >= 4 && isUpper(t.Text) && i+1 < len(toks) && (toks[i+1].Kind == Dash || toks[i+1].Kind == Word && toks[i+1].Cap && isUpper(toks[i+1].Text)) {
		return false // a dateline or a headline in capitals: WASHINGTON ― …
	}
	if len(t.Text) >= 2 && isUpper(t.Text) && datelineAt(toks, i) {
		return false // PHILADELPHIA, July 25 (UPI) — …; NEW YORK - …
	}
	c := rs.cls(t)
	if t.First && c&rs.speakerBits.openers != 0 {
		return false // a sentence adverb before the subject: Perhaps young voters …
	}
	if k := strings.IndexByte(t.Lower, '-'); k > 0 && rs.speakerLists.notNames.Has(t.Lower[:k]) {
		return false // Twenty-two years ago
	}
	if c&rs.speakerBits.notNames != 0 && c&rs.speakerBits.firstNames != 0 && !t.First && i > 0 && i+1 < len(toks) && toks[i+1].Kind == Word && toks[i+1].Cap {
		// a first name that is also a function word, where a name is
		// due: said Will Doyle, ” Will Estrada (but: Trump Will Win)
		if p := &toks[i-1]; p.Kind == QuoteT || p.Text == "," || p.Kind == Word && rs.in(p, rs.speakerBits.cueVerbs) {
			return true
		}
	}
	return c&(rs.speakerBits.notNames|rs.speakerBits.pronouns) == 0
}

// trimOpeners drops from a captured speaker name the words that start no
// name (not_names, and openers that begin the sentence): a capture of
// capitalised words may take them in, While Sanders, But Podliska.
func (rs *Ruleset) trimOpeners(toks []Token, s Span) Span {
	for s.Len() > 1 && toks[s.Start].Cap && toks[s.Start+1].Cap && (rs.in(&toks[s.Start], rs.speakerBits.notNames) || toks[s.Start].First && rs.in(&toks[s.Start], rs.speakerBits.openers)) {
		s.Start++
	}
	return s
}

// isUpper reports whether strings.ToUpper(s) == s, without making the upper
// case: every rune of s is its own upper case.
func isUpper(s string) bool {
	// most capitalised words: a lower-case ASCII letter second (a byte
	// below 0x80 is a rune of its own)
	if len(s) >= 2 && 'a' <= s[1] && s[1] <= 'z' {
		return false
	}
	return isUpperRunes(s)
}

// isUpperRunes is isUpper, rune by rune.
func isUpperRunes(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				return false
			}
			continue
		}
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// datelineAt reports whether toks[i] lies in a run of words in capitals
// that opens its sentence and is followed by a comma, a parenthesis or a
// dash: the dateline of a news agency.
func datelineAt(toks []Token, i int) bool {
	k := i
	for k > 0 && !toks[k].First && toks[k-1].Kind == Word && isUpper(toks[k-1].Text) {
		k--
	}
	if !toks[k].First {
		return false
	}
	j := i + 1
	for j < len(toks) && toks[j].Kind == Word && isUpper(toks[j].Text) && j-k < 4 {
		j++
	}
	return j < len(toks) && (toks[j].Kind == Dash || toks[j].Text == "," || toks[j].Text == "(")
}

// IsTitleWord reports whether t is a title, a title modifier or an agent
// noun (the words that may precede a name as its title).
func (rs *Ruleset) IsTitleWord(t Token) bool { return rs.isTitleWord(&t) }

// InListOrTitleWord is rs.InList(l, t) || rs.IsTitleWord(*t) in one test
// of t's class bits when l is one of rs's lists (the entity table asks it
// of every word that is not capitalised).
func (rs *Ruleset) InListOrTitleWord(l *List, t *Token) bool {
	if m := rs.speakerBits.detTitle; m != 0 && l == rs.speakerLists.determiners && t.class != 0 && t.Kind == Word {
		return t.class&m != 0 // (the entity table's case: one mask, made once)
	}
	if l == nil || l.owner != rs || t.Kind != Word {
		return rs.InList(l, t) || rs.isTitleWord(t)
	}
	return rs.cls(t)&(l.bit|rs.speakerBits.titles|rs.speakerBits.titleModifiers|classTitleSuffix) != 0
}

func (rs *Ruleset) isTitleWord(t *Token) bool {
	if t.Kind != Word {
		return false
	}
	return rs.cls(t)&(rs.speakerBits.titles|rs.speakerBits.titleModifiers|classTitleSuffix) != 0
}

// IsHeadWord reports whether t can head a speaker descriptor or a title:
// a title, a person noun or an agent noun.
func (rs *Ruleset) IsHeadWord(t *Token) bool { return rs.isHead(t) }

// IsTitleNoun reports whether t names an office or occupation: a word of
// the titles list or an agent noun, not only a person noun (son, crowd).
func (rs *Ruleset) IsTitleNoun(t *Token) bool {
	return t.Kind == Word && rs.cls(t)&(rs.speakerBits.titles|classTitleSuffix) != 0
}

func (rs *Ruleset) isHead(t *Token) bool {
	return t.Kind == Word && rs.cls(t)&(rs.speakerBits.titles|rs.speakerBits.personNouns|classTitleSuffix) != 0
}

// one returns the phrase p alone, in buf when it has room.
func one(buf []SpeakerPhrase, p SpeakerPhrase) []SpeakerPhrase {
	if cap(buf) == 0 {
		return []SpeakerPhrase{p}
	}
	return append(buf, p)[:1:1]
}

// agentSurname reports whether toks[at], the last word of a run, is a
// surname that only looks like an agent noun: in a language that
// capitalises its nouns, a capitalised word that ends in an entry of
// title_suffixes (-er, -in) but is no entry of titles, after a title
// (Politiker Müller), after a given name (Georg Krämer) or after a name
// word that follows a title (Stürmer Jonas Krüger).
func (rs *Ruleset) agentSurname(toks []Token, j, at int) bool {
	t := &toks[at]
	if !rs.capitalTitle(t) || rs.in(t, rs.speakerBits.titles) || !rs.IsNameWord(toks, at) || at-1 < j {
		return false
	}
	p := &toks[at-1]
	if rs.isTitleWord(p) && p.Cap || p.Cap && rs.in(p, rs.speakerBits.firstNames) {
		return true // Politiker Müller, Georg Krämer
	}
	return at-2 >= j && p.Cap && rs.IsNameWord(toks, at-1) && !rs.isTitleWord(p) && toks[at-2].Cap && rs.isTitleWord(&toks[at-2])
}

// nounAfterName reports whether the name particle toks[k], after a name
// word, is an entry of noun_markers in a language that capitalises its
// nouns (a preposition fused with an article: Georg Krämer zur
// Nachrichtenagentur): it opens a phrase, not the rest of the name. After
// another particle it stays in the name (Karl von zur Mühlen).
func (rs *Ruleset) nounAfterName(toks []Token, k int) bool {
	if !rs.Language.CapitalisedNouns || !rs.InList(rs.speakerLists.nounMarkers, &toks[k]) || k == 0 {
		return false
	}
	return !rs.in(&toks[k-1], rs.speakerBits.nameParticles)
}

// commonNoun reports whether the name toks[from:end] of a phrase starting
// at i (j after its determiner) is a common noun of a language that
// capitalises nouns (capitalised_nouns): one word, neither in first_names
// nor in capitals, after an entry of noun_markers (an article or a
// preposition fused with one: das System, im Bericht). A name needs a
// given name, a title before it or no such word before it.
func (rs *Ruleset) commonNoun(toks []Token, i, j, from, end int) bool {
	if !rs.Language.CapitalisedNouns || rs.speakerLists.nounMarkers == nil || end-from != 1 || from != j {
		return false
	}
	t := &toks[from]
	if isUpper(t.Text) || rs.in(t, rs.speakerBits.firstNames) {
		return false // die CDU, der NDR: an organisation's initials
	}
	// (a phrase with its own determiner, die Firma, is a descriptor's
	// subject and stays)
	return j == i && i > 0 && toks[i-1].Kind == Word && rs.InList(rs.speakerLists.nounMarkers, &toks[i-1])
}

// descriptor matches a descriptor starting at i (j after the determiner):
// up to six modifiers ending in a head noun — the Russian presidential aide,
// a former senior law enforcement official, officials.
func (rs *Ruleset) descriptor(toks []Token, i, j, possAt int) (SpeakerPhrase, bool) {
	last := -1
	b := &rs.speakerBits
	for k := j; k < len(toks) && k-j < 7; k++ {
		t := &toks[k]
		if k > j && rs.inBit(rs.speakerLists.possessives, rs.speakerBits.possessives, t) {
			continue
		}
		if t.Kind != Word {
			break
		}
		c := rs.cls(t) // (the tests below, of its bits once read)
		if c&b.pronouns != 0 || c&b.determiners != 0 && k > j || t.First && c&b.openers != 0 {
			break
		}
		if k == j && t.Cap && rs.InList(rs.speakerLists.subordinators, t) {
			break // a fronted clause is no descriptor: Though club rules allow proxies, …
		}
		if c&(b.titles|b.personNouns|classTitleSuffix) != 0 { // isHead
			last = k
			continue
		}
		if c&b.cueVerbs != 0 && !(k+1 < len(toks) && rs.inBit(rs.speakerLists.possessives, b.possessives, &toks[k+1])) || (c&b.notNames != 0 && !t.Cap) || c&b.aux != 0 {
			break // (a verb with a possessive is a noun: the state’s attorney general)
		}
	}
	if last < 0 {
		return SpeakerPhrase{}, false
	}
	end := last + 1
	if pe, ok := rs.prepPhrase(toks, end); ok {
		end = pe // the secretary of state, a spokesman for the campaign
	}
	// the title is the fullest phrase: spokesman for the campaign
	sp := SpeakerPhrase{Span: Span{i, end}, Mention: Span{i, end}, Title: Span{j, end}, Type: DescriptorMention}
	if possAt >= j && possAt < last {
		sp.Title.Start = possAt + 1 // Trump’s special envoy → special envoy
	}
	return sp, true
}

// subjectAt reports whether a speaker phrase of type t at toks[pos] stands
// where a subject can (the SUBJECT item): a pronoun, or a phrase that
// follows no word of object_prepositions or definite_articles (obtained
// by the Springfield Herald, a note from Springfield) and no name word of
// which it would be the end (the Springfield Herald → Herald).
func (rs *Ruleset) subjectAt(toks []Token, pos int, t SpeakerType) bool {
	if pos == 0 || t == PronounMention {
		return true
	}
	p := &toks[pos-1]
	if p.Kind != Word {
		return true
	}
	if rs.InList(rs.speakerLists.objectPreps, p) || rs.InList(rs.speakerLists.definite, p) {
		return false
	}
	return !p.Cap || !rs.IsNameWord(toks, pos-1)
}

// adjectiveName reports whether the run toks[j:end] of a name is one
// capitalised adjective of party or nationality (adjective_names), after
// plain lower-case words only (rated Republican), that is no speaker:
// without a determiner (a singular noun of that kind needs one, so
// Liberal claims is an adjective and its noun), or after one before a
// plain lower-case word, its noun (a Canadian brochure; not the Republican
// said, the Republican who …), unless it is a noun too (a title or a person
// noun: one Republican close to the mayor).
func (rs *Ruleset) adjectiveName(toks []Token, j, end int, det bool) bool {
	t := &toks[end-1]
	if !t.Cap || rs.speakerLists.adjectiveNames == nil || !rs.InList(rs.speakerLists.adjectiveNames, t) {
		return false
	}
	for m := j; m < end-1; m++ {
		if toks[m].Cap || rs.isTitleWord(&toks[m]) {
			return false
		}
	}
	if !det {
		return true
	}
	if end >= len(toks) || rs.isHead(t) {
		return false // a noun too: one Republican close to the mayor
	}
	n := &toks[end]
	b := &rs.speakerBits
	return n.Kind == Word && !n.Cap && rs.cls(n)&(b.cueVerbs|b.aux|b.notNames|b.relatives|b.pronouns) == 0
}

// titleAhead reports whether a title word follows toks[i] within three
// tokens, with only plain words between (super PAC spokeswoman).
func (rs *Ruleset) titleAhead(toks []Token, i int) bool {
	for k := i; k < len(toks) && k <= i+3; k++ {
		t := &toks[k]
		if t.Kind != Word {
			return false
		}
		c := rs.cls(t)
		if c&(rs.speakerBits.cueVerbs|rs.speakerBits.notNames|rs.speakerBits.determiners) != 0 {
			return false
		}
		if c&rs.speakerBits.titles != 0 || c&classTitleSuffix != 0 && t.Cap && rs.Language.CapitalisedNouns { // (capitalTitle)
			return true
		}
	}
	return false
}

// plainName reports whether toks[from:to] are capitalised name words that
// are no title words or honorifics: the given names before a surname.
func (rs *Ruleset) plainName(toks []Token, from, to int) bool {
	if from >= to {
		return false
	}
	for m := from; m < to; m++ {
		t := &toks[m]
		if !rs.IsNameWord(toks, m) || rs.isTitleWord(t) || rs.in(t, rs.speakerBits.honorifics) || rs.in(t, rs.speakerBits.nameParticles) {
			return false
		}
	}
	return true
}

// splitAtFirstName moves the start k of a name of three words or more to a
// first name inside it that follows a word that is none, so that a place
// or organisation before the name is no part of it: Ukraine Kurt Volker,
// Fox News Chris Wallace.
func (rs *Ruleset) splitAtFirstName(toks []Token, k, end int) int {
	if end-k < 3 {
		return k
	}
	if rs.in(&toks[end-1], rs.speakerBits.personNouns) {
		return k // an organisation: West Virginia University
	}
	for p := k + 1; p < end-1; p++ {
		prev := &toks[p-1]
		if rs.in(&toks[p], rs.speakerBits.firstNames) && toks[p].Cap && prev.Kind == Word && !rs.in(prev, rs.speakerBits.firstNames|rs.speakerBits.nameParticles|rs.speakerBits.honorifics) && !rs.speakerLists.linkers.has(rs, prev) {
			return p
		}
	}
	return k
}
