package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lists the SPEAKER item and speaker resolution read. A ruleset must
// define them (they may be empty).
const (
	ListPronouns       = "pronouns"             // he:m, she:f, they:p, ...
	ListTitles         = "titles"               // nouns: president, aide, envoy ...
	ListTitleModifiers = "title_modifiers"      // Kremlin, presidential, deputy, Russian ...
	ListHonorifics     = "honorifics"           // mr:m, mrs:f, sen, gov ...
	ListDeterminers    = "determiners"          // the, a, an, his, one, two ...
	ListNotNames       = "not_names"            // capitalised words that start no name
	ListPersonNouns    = "person_nouns"         // nouns: source, official, expert ...
	ListNameParticles  = "name_particles"       // de, van, bin ...
	ListCueVerbs       = "cue_verbs"            // say, tell, add ... (lemmas)
	ListAbbreviations  = "abbreviations"        // mr., u.s. ... (periods that end no sentence)
	ListAux            = "aux"                  // has, had, would ... (between speaker and cue)
	ListTitleSuffixes  = "title_suffixes"       // -writer, -ist ... (agent nouns that act as titles)
	ListRelatives      = "relative_pronouns"    // who, whose (a relative clause after a name)
	ListSpeakerPreps   = "speaker_prepositions" // of, for, at (a phrase after a descriptor)
	ListScareMarkers   = "scare_markers"        // so-called, dubbed (before a quote that is not speech)
	ListExpletiveAfter = "expletive_after"      // is, was, ’s (after "it" that names no speaker)
	ListFirstNames     = "first_names"          // mary:f, john:m (gender of a first name)
	ListCuePhrases     = "cue_phrases"          // told reporters … (optional: multi-word cues)
	ListTitleMarkers   = "title_markers"        // ’s (optional: before a title-case quote that names a work)
)

// RequiredLists names the lists every ruleset must have.
var RequiredLists = []string{ListPronouns, ListTitles, ListTitleModifiers, ListHonorifics,
	ListDeterminers, ListNotNames, ListPersonNouns, ListNameParticles, ListCueVerbs, ListAbbreviations, ListAux, ListTitleSuffixes, ListRelatives, ListSpeakerPreps, ListScareMarkers, ListExpletiveAfter, ListFirstNames}

// speakerLists holds the lists the speaker phrase parser reads, looked up
// once when the ruleset is loaded.
type speakerLists struct {
	aux            *List
	cueVerbs       *List
	determiners    *List
	expletiveAfter *List
	firstNames     *List
	honorifics     *List
	nameParticles  *List
	notNames       *List
	personNouns    *List
	pronouns       *List
	relatives      *List
	speakerPreps   *List
	titleModifiers *List
	titleSuffixes  *List
	titles         *List
}

// bindLists looks up the lists of speakerLists.
func (rs *Ruleset) bindLists() {
	rs.l = speakerLists{
		aux:            rs.Lists[ListAux],
		cueVerbs:       rs.Lists[ListCueVerbs],
		determiners:    rs.Lists[ListDeterminers],
		expletiveAfter: rs.Lists[ListExpletiveAfter],
		firstNames:     rs.Lists[ListFirstNames],
		honorifics:     rs.Lists[ListHonorifics],
		nameParticles:  rs.Lists[ListNameParticles],
		notNames:       rs.Lists[ListNotNames],
		personNouns:    rs.Lists[ListPersonNouns],
		pronouns:       rs.Lists[ListPronouns],
		relatives:      rs.Lists[ListRelatives],
		speakerPreps:   rs.Lists[ListSpeakerPreps],
		titleModifiers: rs.Lists[ListTitleModifiers],
		titleSuffixes:  rs.Lists[ListTitleSuffixes],
		titles:         rs.Lists[ListTitles],
	}
	rs.bindClasses()
	bit := func(l *List) uint64 {
		if l == nil {
			return 0
		}
		return l.bit
	}
	rs.b = speakerBits{
		aux:            bit(rs.l.aux),
		cueVerbs:       bit(rs.l.cueVerbs),
		determiners:    bit(rs.l.determiners),
		expletiveAfter: bit(rs.l.expletiveAfter),
		firstNames:     bit(rs.l.firstNames),
		honorifics:     bit(rs.l.honorifics),
		nameParticles:  bit(rs.l.nameParticles),
		notNames:       bit(rs.l.notNames),
		personNouns:    bit(rs.l.personNouns),
		pronouns:       bit(rs.l.pronouns),
		relatives:      bit(rs.l.relatives),
		speakerPreps:   bit(rs.l.speakerPreps),
		titleModifiers: bit(rs.l.titleModifiers),
		titles:         bit(rs.l.titles),
	}
}

// speakerBits holds the class bits of the lists of speakerLists (0 for a
// list without one).
type speakerBits struct {
	aux            uint64
	cueVerbs       uint64
	determiners    uint64
	expletiveAfter uint64
	firstNames     uint64
	honorifics     uint64
	nameParticles  uint64
	notNames       uint64
	personNouns    uint64
	pronouns       uint64
	relatives      uint64
	speakerPreps   uint64
	titleModifiers uint64
	titles         uint64
}

// maxPhrase bounds a speaker phrase in tokens.
const maxPhrase = 14

func isPossessive(t *Token) bool {
	return t.Lower == "’s" || t.Lower == "'s" || t.Lower == "’" || t.Lower == "'"
}

// IsNameWord reports whether toks[i] can be part of a proper name.
func (rs *Ruleset) IsNameWord(toks []Token, i int) bool {
	t := &toks[i]
	if t.Kind != Word || !t.Cap {
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
	if k := strings.IndexByte(t.Lower, '-'); k > 0 && rs.l.notNames.Has(t.Lower[:k]) {
		return false // Twenty-two years ago
	}
	return rs.cls(t)&(rs.b.notNames|rs.b.pronouns) == 0
}

// isUpper reports whether strings.ToUpper(s) == s, without making the upper
// case: every rune of s is its own upper case.
func isUpper(s string) bool {
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

func (rs *Ruleset) isTitleWord(t *Token) bool {
	if t.Kind != Word {
		return false
	}
	return rs.cls(t)&(rs.b.titles|rs.b.titleModifiers|classTitleSuffix) != 0
}

func (rs *Ruleset) isHead(t *Token) bool {
	return t.Kind == Word && rs.cls(t)&(rs.b.titles|rs.b.personNouns|classTitleSuffix) != 0
}

// SpeakersAt returns the speaker phrases that start at toks[i], longest
// first: a pronoun; a name with its pre-modifying title (Kremlin aide Yury
// Ushakov); a descriptor (the Russian presidential aide, officials); each
// optionally followed by an appositive (Hugh Hill, a doctor,).
func (rs *Ruleset) SpeakersAt(toks []Token, i int) []SpeakerPhrase {
	if i >= len(toks) || toks[i].Kind != Word {
		return nil
	}
	if rs.in(&toks[i], rs.b.pronouns) {
		if toks[i].Lower == "it" && i+1 < len(toks) && rs.in(&toks[i+1], rs.b.expletiveAfter) {
			return nil // It’s been common to …: no speaker
		}
		return []SpeakerPhrase{{Span: Span{i, i + 1}, Mention: Span{i, i + 1}, Type: PronounMention}}
	}
	j := i
	det := false
	if rs.in(&toks[j], rs.b.determiners) {
		j++
		det = true
	}
	// Scan the run of title words, name words, particles and possessives.
	end := j
	possAt := -1
	for end < len(toks) && end-i < maxPhrase {
		t := &toks[end]
		switch {
		case rs.IsNameWord(toks, end) || rs.isTitleWord(t):
		case t.Kind == Word && rs.in(t, rs.b.honorifics):
		case t.Kind == Punct && t.Text == "." && end > j && rs.in(&toks[end-1], rs.b.honorifics):
		case isPossessive(t) && end > j && toks[end-1].Cap:
			if possAt < 0 {
				possAt = end
			}
		case t.Kind == Word && (rs.in(t, rs.b.nameParticles) || t.Lower == "of") && end > j && end+1 < len(toks) && toks[end-1].Cap && rs.IsNameWord(toks, end+1):
			// Charles de Gaulle, Board of Elections
		case t.Lower == "of" && end > j && rs.isHead(&toks[end-1]) && end+1 < len(toks) && (toks[end+1].Cap || toks[end+1].Lower == "the"):
			// secretary of State, head of the FBI
			if toks[end+1].Lower == "the" {
				end++
			}
		case t.Kind == Word && rs.in(t, rs.b.personNouns):
			// a head noun: stop after it, unless a name follows (his nephew Michery el Soheil)
			if end+1 < len(toks) && (rs.IsNameWord(toks, end+1) || rs.isHead(&toks[end+1])) {
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
	for end > j && !toks[end-1].Cap && !rs.isHead(&toks[end-1]) && rs.in(&toks[end-1], rs.b.titleModifiers) {
		end--
	}
	if end == j {
		if d, ok := rs.descriptor(toks, i, j, -1); ok {
			return []SpeakerPhrase{d}
		}
		return nil
	}
	// The name is the trailing run of name words (with particles/honorifics);
	// everything before it is the title.
	k := end
	for k > j {
		t := &toks[k-1]
		if rs.IsNameWord(toks, k-1) && !rs.isTitleWord(t) {
			k--
			continue
		}
		if k == end && k-2 >= j && rs.IsNameWord(toks, k-1) && toks[k-2].Cap && rs.in(&toks[k-2], rs.b.firstNames) {
			k-- // a surname that is also a title: Amy Pope, Tom King
			continue
		}
		if t.Kind == Word && (rs.in(t, rs.b.nameParticles) || t.Lower == "of") && k < end && k-2 >= j && rs.IsNameWord(toks, k-2) && !rs.isTitleWord(&toks[k-2]) {
			k--
			continue
		}
		break
	}
	if k == end && end > j && toks[end-1].Cap && !rs.in(&toks[end-1], rs.b.titles) && !rs.isHead(&toks[end-1]) &&
		rs.IsNameWord(toks, end-1) && (end == j+1 || toks[end-2].Cap) {
		// a capitalised modifier ending the run is a name: said Cuban
		k = end - 1
	}
	// A run of capitalised words ending in an organisation's head noun is one
	// name: the Democratic National Committee, not Committee titled
	// Democratic National.
	if k > j && k < end && rs.in(&toks[end-1], rs.b.personNouns) && !rs.in(&toks[end-1], rs.b.titles) {
		whole := true
		for m := j; m < k; m++ {
			if toks[m].Kind != Word || !toks[m].Cap || rs.in(&toks[m], rs.b.honorifics) {
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
		if t.Kind == Punct && t.Text == "." && nameStart-2 >= j && rs.in(&toks[nameStart-2], rs.b.honorifics) {
			nameStart -= 2
			continue
		}
		if t.Kind == Word && rs.in(t, rs.b.honorifics) {
			nameStart--
			continue
		}
		break
	}
	var out []SpeakerPhrase
	if k < end {
		sp := SpeakerPhrase{Span: Span{i, end}, Mention: Span{nameStart, end}, Type: NameMention}
		if nameStart > j {
			sp.Title = Span{j, nameStart}
		}
		if det && nameStart == j { // the Kremlin, The New York Post
			sp.Mention.Start = i
		}
		out = append(out, sp)
	} else {
		d, ok := rs.descriptor(toks, i, j, possAt)
		if !ok {
			return nil
		}
		out = append(out, d)
		if withName, ok := rs.appositiveName(toks, d); ok {
			out = append([]SpeakerPhrase{withName}, out...)
		}
		if possAt > j {
			// the possessor on its own: US President Donald Trump
			for _, p := range rs.SpeakersAt(toks[:possAt], i) {
				if p.Type == NameMention {
					out = append(out, p)
				}
			}
		}
		return out
	}
	// Two names joined by "and": Edward-Isaac Dovere and Gabriel Debenedetti.
	if k < end && end+2 < len(toks) && toks[end].Lower == "and" && rs.IsNameWord(toks, end+1) {
		for _, p := range rs.SpeakersAt(toks, end+1) {
			if p.Type == NameMention && p.Title.Len() == 0 && p.Span == p.Mention {
				both := out[0]
				both.Span.End = p.Span.End
				both.Mention.End = p.Span.End
				out = append([]SpeakerPhrase{both}, out...)
				break
			}
		}
	}
	// Appositives and parentheticals after the name: Hugh Hill, a doctor, /
	// Haines, 44, / John Cornyn (R-Texas)
	base := out[0]
	cur := base
	for n := 0; n < 3; n++ {
		if ap, ok := rs.appositive(toks, cur.Span.End); ok {
			next := cur
			next.Span.End = ap.End
			if rs.hasHead(toks, Span{ap.Start, ap.End - 1}) {
				next.Title = Span{ap.Start, ap.End - 1}
			}
			out = append([]SpeakerPhrase{next}, out...)
			cur = next
			continue
		}
		if pe, ok := rs.relativeClause(toks, cur.Span.End); ok {
			next := cur
			next.Span.End = pe
			out = append([]SpeakerPhrase{next}, out...)
			cur = next
			continue
		}
		if pe, ok := rs.prepPhrase(toks, cur.Span.End); ok && n == 0 && cur.Type == NameMention {
			next := cur
			next.Span.End = pe
			out = append([]SpeakerPhrase{next}, out...)
			cur = next
			continue
		}
		if pe, ok := parenthetical(toks, cur.Span.End); ok {
			next := cur
			next.Span.End = pe
			out = append([]SpeakerPhrase{next}, out...)
			cur = next
			continue
		}
		break
	}
	return out
}

// descriptor matches a descriptor starting at i (j after the determiner):
// up to six modifiers ending in a head noun — the Russian presidential aide,
// a former senior law enforcement official, officials.
func (rs *Ruleset) descriptor(toks []Token, i, j, possAt int) (SpeakerPhrase, bool) {
	last := -1
	for k := j; k < len(toks) && k-j < 7; k++ {
		t := &toks[k]
		if isPossessive(t) && k > j {
			continue
		}
		if t.Kind != Word || rs.in(t, rs.b.pronouns) || rs.in(t, rs.b.determiners) && k > j {
			break
		}
		if rs.isHead(t) {
			last = k
			continue
		}
		if rs.in(t, rs.b.cueVerbs) || (rs.in(t, rs.b.notNames) && !t.Cap) || rs.in(t, rs.b.aux) {
			break
		}
	}
	if last < 0 {
		return SpeakerPhrase{}, false
	}
	end := last + 1
	if pe, ok := rs.prepPhrase(toks, end); ok {
		end = pe // the secretary of state, a spokesman for the campaign
	}
	sp := SpeakerPhrase{Span: Span{i, end}, Mention: Span{i, end}, Title: Span{j, last + 1}, Type: DescriptorMention}
	if possAt >= j && possAt < last {
		sp.Title.Start = possAt + 1 // Trump’s special envoy → special envoy
	}
	return sp, true
}

// titleAhead reports whether a title word follows toks[i] within three
// tokens, with only plain words between (super PAC spokeswoman).
func (rs *Ruleset) titleAhead(toks []Token, i int) bool {
	for k := i; k < len(toks) && k <= i+3; k++ {
		t := &toks[k]
		if t.Kind != Word || rs.in(t, rs.b.cueVerbs) || rs.in(t, rs.b.notNames) || rs.in(t, rs.b.determiners) {
			return false
		}
		if rs.in(t, rs.b.titles) || rs.capitalTitle(t) {
			return true
		}
	}
	return false
}

func (rs *Ruleset) hasHead(toks []Token, s Span) bool {
	for k := s.Start; k < s.End; k++ {
		if rs.isHead(&toks[k]) {
			return true
		}
	}
	return false
}

// prepPhrase matches a short prepositional phrase after a head or name:
// "of state", "for the campaign", "of the University of Texas" — a
// preposition from the speaker_prepositions list, an optional determiner,
// and up to four words that are no cue verb, auxiliary or function word.
func (rs *Ruleset) prepPhrase(toks []Token, i int) (int, bool) {
	if i+1 >= len(toks) || toks[i].Kind != Word || !rs.in(&toks[i], rs.b.speakerPreps) {
		return 0, false
	}
	k := i + 1
	if toks[k].Lower == "the" {
		k++
	}
	start := k
	for k < len(toks) && k-start < 8 {
		t := &toks[k]
		// the first word may look like a verb: the secretary of state
		if t.Kind != Word || (k > start && rs.in(t, rs.b.cueVerbs)) || rs.in(t, rs.b.aux) || rs.in(t, rs.b.pronouns) {
			break
		}
		if rs.in(t, rs.b.notNames) && !(k > start && k+1 < len(toks) && toks[k-1].Cap && toks[k+1].Cap && (t.Lower == "of" || t.Lower == "for" || t.Lower == "and" || t.Lower == "on")) {
			break
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
	if i+2 >= len(toks) || toks[i].Text != "," || !rs.in(&toks[i+1], rs.b.relatives) {
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
	for k < len(toks) && k-i <= 5 && (rs.IsNameWord(toks, k) || toks[k].Kind == Word && rs.in(&toks[k], rs.b.nameParticles)) {
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
// comma. It holds no quotation, no cue verb and no relative pronoun, and
// is a number (an age) or holds a title or person noun.
func (rs *Ruleset) appositive(toks []Token, i int) (Span, bool) {
	if i+2 >= len(toks) || toks[i].Text != "," {
		return Span{}, false
	}
	start := i + 1
	head := false
	j := start
	for ; j < len(toks) && j-start < 14; j++ {
		t := &toks[j]
		if t.Kind == Punct && t.Text == "," {
			break
		}
		if t.Kind == QuoteT || t.Kind == Punct && (t.Text == "." || t.Text == ":" || t.Text == ";") {
			return Span{}, false
		}
		// a word after a preposition is a noun, even one that may be a cue
		// verb: assistant secretary of state
		afterPrep := j > start && rs.in(&toks[j-1], rs.b.speakerPreps)
		if t.Kind == Word && (rs.in(t, rs.b.cueVerbs) && !afterPrep || t.Lower == "who" || t.Lower == "which" || t.Lower == "that" || rs.in(t, rs.b.pronouns)) {
			return Span{}, false
		}
		if rs.isHead(t) {
			head = true
		}
	}
	if j >= len(toks) || toks[j].Text != "," || j == start {
		return Span{}, false
	}
	if !head && !(j == start+1 && (isDigitWord(toks[start].Text) || IsPartyLabel(toks[start].Text))) {
		return Span{}, false
	}
	return Span{start, j + 1}, true
}

// IsPartyLabel reports whether w is a party–state label of US news, R-Ky.
// or D-Calif. (a party initial, a hyphen and a capitalised abbreviation,
// with or without its period): an appositive of a name, whose period ends
// no sentence.
func IsPartyLabel(w string) bool {
	if len(w) < 4 || len(w) > 9 || w[1] != '-' || !strings.ContainsRune("RDI", rune(w[0])) || w[2] < 'A' || w[2] > 'Z' {
		return false
	}
	for i := 3; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.') {
			return false
		}
	}
	return true
}

func isDigitWord(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
