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

// speakersAt is SpeakersAt's full parse: it appends the phrases to
// buf[:0] (nil: a new array) and returns them, their capacity cut to
// their length.
func (rs *Ruleset) speakersAt(toks []Token, i int, buf []SpeakerPhrase) []SpeakerPhrase {
	buf = buf[:0]
	names := nameMemo{at: i}
	if i >= len(toks) || toks[i].Kind != Word || rs.inBit(rs.speakerLists.possessives, rs.speakerBits.possessives, &toks[i]) {
		return nil // (a phrase never starts at ’s)
	}
	if rs.in(&toks[i], rs.speakerBits.pronouns) {
		if rs.InList(rs.speakerLists.expletives, &toks[i]) && i+1 < len(toks) && rs.in(&toks[i+1], rs.speakerBits.expletiveAfter) {
			return nil // It’s been common to …: no speaker
		}
		return one(buf, SpeakerPhrase{Span: Span{i, i + 1}, Mention: Span{i, i + 1}, Type: PronounMention})
	}
	j := i
	det := false
	if rs.in(&toks[j], rs.speakerBits.determiners) {
		j++
		det = true
	}
	// Scan the run of title words, name words, particles and possessives.
	end := j
	possAt := -1
	for end < len(toks) && end-i < maxPhrase {
		t := &toks[end]
		c := rs.cls(t) // (its bits, read once for the cases)
		switch {
		case t.Cap && names.isName(rs, toks, end) || t.Kind == Word && c&(rs.speakerBits.titles|rs.speakerBits.titleModifiers|classTitleSuffix) != 0: // (isTitleWord)
		case t.Kind == Word && c&rs.speakerBits.honorifics != 0:
		case t.Kind == Punct && t.Text == "." && end > j && rs.in(&toks[end-1], rs.speakerBits.honorifics):
		case end > j && toks[end-1].Cap && rs.inBit(rs.speakerLists.possessives, rs.speakerBits.possessives, t):
			if possAt < 0 {
				possAt = end
			}
		case end > j && end+1 < len(toks) && toks[end-1].Cap && toks[end+1].Cap && t.Kind == Word && (c&rs.speakerBits.nameParticles != 0 || rs.inBit(rs.speakerLists.nameLinkers, rs.speakerBits.nameLinkers, t) && !rs.affiliated(toks, j, end)) && names.isName(rs, toks, end+1) && !rs.nounAfterName(toks, end):
			// Charles de Gaulle, Board of Elections
		case end > j && end+1 < len(toks) && toks[end-1].Kind == Word && rs.in(&toks[end-1], rs.speakerBits.titles|rs.speakerBits.personNouns|classTitleSuffix) && rs.inBit(rs.speakerLists.nameLinkers, rs.speakerBits.nameLinkers, t) && (toks[end+1].Cap || rs.inBit(rs.speakerLists.articles, rs.speakerBits.articles, &toks[end+1])):
			// secretary of State, head of the FBI
			if rs.inBit(rs.speakerLists.articles, rs.speakerBits.articles, &toks[end+1]) {
				end++
			}
		case t.Kind == Word && c&rs.speakerBits.personNouns != 0:
			// a head noun: stop after it, unless a name follows (his nephew Michery el Soheil)
			if end+1 < len(toks) && ((toks[end+1].Cap && names.isName(rs, toks, end+1)) || rs.isHead(&toks[end+1])) {
				break // his nephew Michery el Soheil; the editorial board
			}
			end++
			goto done
		case t.Kind == Word && !t.Cap && rs.titleAhead(toks, end):
			// lower-case modifiers before a title: super PAC spokeswoman
		default:
			goto done
		}
		end++
	}
done:
	// lower-case modifiers ending the run modify nothing: the Saudis state …
	for end > j && !toks[end-1].Cap && rs.in(&toks[end-1], rs.speakerBits.titleModifiers) && !rs.isHead(&toks[end-1]) {
		end--
	}
	if end > j && rs.adjectiveName(toks, j, end, det) {
		// an adjective, no name (Liberal claims, a Canadian brochure),
		// but the modifier of a descriptor's head after it (Republican
		// county leaders)
		d, ok := rs.descriptor(toks, i, end, -1)
		if !ok {
			return nil
		}
		d.Title.Start = j
		return one(buf, d)
	}
	if end == j {
		if d, ok := rs.descriptor(toks, i, j, -1); ok {
			return one(buf, d)
		}
		return nil
	}
	// The name is the trailing run of name words (with particles/honorifics);
	// everything before it is the title.
	k := end
	for k > j {
		t := &toks[k-1]
		if (toks[k-1].Cap && names.isName(rs, toks, k-1)) && !rs.isTitleWord(t) && !rs.in(t, rs.speakerBits.honorifics) {
			k--
			continue
		}
		if k == end && k-2 >= j && (toks[k-1].Cap && names.isName(rs, toks, k-1)) && toks[k-2].Cap && rs.in(&toks[k-2], rs.speakerBits.firstNames) {
			k-- // a surname that is also a title: Amy Pope, Tom King
			continue
		}
		if k == end && k-2 >= j && rs.agentSurname(toks, j, k-1) {
			k-- // Stürmer Jonas Krüger, Politiker Müller
			continue
		}
		if k < end && k-2 >= j && toks[k-2].Cap && t.Kind == Word && (rs.in(t, rs.speakerBits.nameParticles) || rs.inBit(rs.speakerLists.nameLinkers, rs.speakerBits.nameLinkers, t)) && names.isName(rs, toks, k-2) && !rs.isTitleWord(&toks[k-2]) {
			k--
			continue
		}
		break
	}
	if k == end && end > j && toks[end-1].Cap && !rs.in(&toks[end-1], rs.speakerBits.titles) && !rs.isHead(&toks[end-1]) &&
		(toks[end-1].Cap && names.isName(rs, toks, end-1)) && (end == j+1 || toks[end-2].Cap) {
		// a capitalised modifier ending the run is a name: said Cuban
		k = end - 1
	}
	if k == end && !det && end-j >= 2 && rs.plainName(toks, j, end-1) && (toks[end-1].Cap && names.isName(rs, toks, end-1)) {
		// a surname that is also a title, after a given name not in
		// first_names: Charlie King
		k = j
	}
	if k == end && !det && end == j+1 && toks[j].Cap {
		if _, tt, ok := rs.appositive(toks, end, false, false); ok && tt.Len() > 0 {
			// a name that is also a title, with its title after it: Dean,
			// a medical doctor,
			k = j
		}
	}
	k = rs.splitAtFirstName(toks, k, end)
	if k > j && k < end && rs.in(&toks[k-1], rs.speakerBits.speakerPreps) && !rs.Language.GenitiveComplements {
		// a title and its phrase, not a title and a name: the mayor of
		// Springfield
		k = end
	}
	// A run of capitalised words ending in an organisation's head noun is one
	// name: the Democratic National Committee, not Committee titled
	// Democratic National.
	if k > j && k < end && rs.in(&toks[end-1], rs.speakerBits.personNouns) && !rs.in(&toks[end-1], rs.speakerBits.titles) {
		whole := true
		for m := j; m < k; m++ {
			if toks[m].Kind != Word || !toks[m].Cap || rs.in(&toks[m], rs.speakerBits.honorifics) {
				whole = false
				break
			}
		}
		if whole {
			k = j
		}
	}
	// Honorifics directly before the name belong to the mention (Mr. Trump).
	nameStart := k
	for nameStart > j {
		t := &toks[nameStart-1]
		if t.Kind == Punct && t.Text == "." && nameStart-2 >= j && rs.in(&toks[nameStart-2], rs.speakerBits.honorifics) {
			nameStart -= 2
			continue
		}
		if t.Kind == Word && rs.in(t, rs.speakerBits.honorifics) {
			nameStart--
			continue
		}
		break
	}
	// Honorifics of rank (no gender attribute) end the title: New Jersey
	// Gov. Chris Christie, Retired Lt. Gen. Michael Flynn.
	titleEnd := nameStart
	for m := nameStart; m < k; m++ {
		t := &toks[m]
		if t.Kind == Word && rs.speakerLists.honorifics.Attr(t.Lower) == "" {
			titleEnd = m + 1
		} else if t.Kind == Word {
			break
		}
	}
	if titleEnd < k && titleEnd > nameStart && toks[titleEnd].Kind == Punct {
		titleEnd++ // Gov . → the period
	}
	var out []SpeakerPhrase
	if k < end && titleEnd <= j && rs.commonNoun(toks, i, j, nameStart, end) {
		return nil // im Etat, das System: a noun, not a name
	}
	if k >= end {
		d, ok := rs.descriptor(toks, i, j, possAt)
		if !ok {
			return nil
		}
		if cap(buf) < 2 {
			buf = make([]SpeakerPhrase, 0, 2)
		}
		out = append(buf, d)
		if withName, ok := rs.appositiveName(toks, d); ok {
			out = append(out, withName)
			out[0], out[1] = withName, d
		} else if withName, ok := rs.namedDescriptor(toks, d); ok {
			out = append(out, withName)
			out[0], out[1] = withName, d
		}
		if possAt > j {
			// the possessor on its own: US President Donald Trump
			for _, p := range rs.SpeakersAt(toks[:possAt], i) {
				if p.Type == NameMention {
					out = append(out, p)
				}
			}
		}
		return out[:len(out):len(out)]
	}
	sp := SpeakerPhrase{Span: Span{i, end}, Mention: Span{nameStart, end}, Type: NameMention}
	if titleEnd > j {
		sp.Title = Span{j, titleEnd}
	}
	if det && nameStart == j { // the Kremlin, The New York Post
		sp.Mention.Start = i
	}
	// The phrases of a name, longest first, are made shortest first: rev
	// holds them in reverse, and is turned round at the end (one array,
	// where putting each in front allocated a new one).
	if cap(buf) < 4 {
		buf = make([]SpeakerPhrase, 0, 4)
	}
	rev := append(buf, sp)
	// Two names joined by a name joiner (and): Edward-Isaac Dovere and Gabriel Debenedetti.
	if end+2 < len(toks) && toks[end+1].Cap && rs.inBit(rs.speakerLists.nameJoiners, rs.speakerBits.nameJoiners, &toks[end]) && names.isName(rs, toks, end+1) {
		for _, p := range rs.SpeakersAt(toks, end+1) {
			if p.Type == NameMention && p.Title.Len() == 0 && p.Span == p.Mention {
				both := rev[len(rev)-1]
				both.Span.End = p.Span.End
				both.Mention.End = p.Span.End
				rev = append(rev, both)
				break
			}
		}
	}
	// Appositives and parentheticals after the name: Hugh Hill, a doctor, /
	// Haines, 44, / John Cornyn (R-Texas)
	base := rev[len(rev)-1]
	cur := base
	fromAppositive := false
	for n := 0; n < maxAppositives; n++ {
		// a phrase that ended at a comma shares it with the next: Sara
		// Walker, 44, a home-care aide,
		at := cur.Span.End
		if at > base.Span.End && toks[at-1].Text == "," {
			at--
		}
		// each of the four below needs a comma at at, or a parenthesis or
		// a preposition of speaker_prepositions after the phrase: told
		// here without their calls (most names have none of them)
		if e := cur.Span.End; !(at < len(toks) && toks[at].Text == ",") && !(e < len(toks) && (toks[e].Text == "(" || toks[e].Kind == Word && rs.in(&toks[e], rs.speakerBits.speakerPreps))) {
			break
		}
		// after a cue (said Jane Doe, the mayor of Springfield.) an
		// appositive may end the sentence; elsewhere that is more often a
		// clause (the State Department, the candidate … appeared to show …)
		afterCue := i > 0 && toks[i-1].Kind == Word && rs.in(&toks[i-1], rs.speakerBits.cueVerbs)
		if ap, title, ok := rs.appositive(toks, at, fromAppositive, afterCue); ok {
			next := cur
			next.Span.End = ap.End
			// the first appositive title, if no shorter than a pre-modifier:
			// Jane Doe, the mayor of Springfield, a town of 5,000,
			if !fromAppositive && title.Len() > 0 && title.Len() >= cur.Title.Len() {
				next.Title = title
				fromAppositive = true
			}
			rev = append(rev, next)
			cur = next
			if ap.End == 0 || toks[ap.End-1].Text != "," {
				break // the appositive ended the sentence or the clause
			}
			continue
		}
		if pe, ok := rs.relativeClause(toks, at); ok {
			next := cur
			next.Span.End = pe
			rev = append(rev, next)
			cur = next
			continue
		}
		if pe, ok := rs.prepPhrase(toks, cur.Span.End); ok && (n == 0 || cur.Title.Len() == 0) && cur.Type == NameMention {
			next := cur
			next.Span.End = pe
			if cur.Title.Len() == 0 && rs.in(&toks[cur.Span.End], rs.speakerBits.affiliation) && pe < len(toks) && toks[cur.Span.End+1].Cap {
				// the organisation is the title: Meenakshi Ganguly of Human Rights Watch
				next.Title = Span{cur.Span.End, pe}
			}
			rev = append(rev, next)
			cur = next
			continue
		}
		if pe, ok := parenthetical(toks, cur.Span.End); ok {
			next := cur
			next.Span.End = pe
			rev = append(rev, next)
			cur = next
			continue
		}
		break
	}
	slices.Reverse(rev)
	return rev[:len(rev):len(rev)]
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
		if rs.in(&toks[p], rs.speakerBits.firstNames) && toks[p].Cap && prev.Kind == Word && !rs.in(prev, rs.speakerBits.firstNames|rs.speakerBits.nameParticles|rs.speakerBits.honorifics) && !rs.InList(rs.speakerLists.nameLinkers, prev) {
			return p
		}
	}
	return k
}
