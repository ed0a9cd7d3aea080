package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// speakersAtRef is speakersAt as it was before it read the run's classes
// once each (phraseClasses) and left its rare shapes to functions of their
// own: the slow path that TestSpeakersAtLikeRef compares it with.
func (rs *Ruleset) speakersAtRef(toks []Token, i int, buf []SpeakerPhrase) []SpeakerPhrase {
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
	titleEnd := nameStart
	if nameStart < k { // (most names have no title: no call)
		titleEnd = rs.rankEnd(toks, nameStart, k)
	}
	if k < end && titleEnd <= j && rs.commonNoun(toks, i, j, nameStart, end) {
		return nil // im Etat, das System: a noun, not a name
	}
	if k >= end {
		return rs.descriptorPhrases(toks, i, j, possAt, buf)
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
		rev = rs.joinedName(toks, end, rev)
	}
	if e := rev[len(rev)-1].Span.End; e < len(toks) && (toks[e].Text == "," || toks[e].Text == "(" || toks[e].Kind == Word && rs.in(&toks[e], rs.speakerBits.speakerPreps)) {
		return rs.appositives(toks, i, rev)
	}
	slices.Reverse(rev)
	return rev[:len(rev):len(rev)]
}

// langWords is the vocabulary of a language's random sentences.
type langWords struct {
	lang  string
	words []string
}

// TestSpeakersAtLikeRef checks that speakersAt gives the phrases of
// speakersAtRef at every position of random sentences of speaker words
// (names, titles, honorifics, particles, linkers, joiners, possessives,
// appositives' commas and parentheses), classified, unclassified or in
// part, in English and in a language that capitalises its nouns.
func TestSpeakersAtLikeRef(t *testing.T) {
	all, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []langWords{
		{"en", strings.Fields("the The a his that their some one state former senior new political " +
			"president President mayor senator Sen. spokesman official officials aide envoy nephew board super PAC spokeswoman " +
			"secretary head Board Elections Department State FBI University Texas Human Rights Watch " +
			"Mr. Dr. Gov. Lt. Gen. Retired New Jersey But It it He he She They Perhaps Will Tom King Amy Pope Jane Doe Smith " +
			"Charles de Gaulle Edward-Isaac Dovere Gabriel Kremlin Committee Democratic National Republican Cuban Liberal Dean " +
			"said told says is was has who of for and in at from ’s ' , , , . ( ) R-Texas — 44 WASHINGTON")},
		{"de", strings.Fields("der die Die das ein eine sein Der Sprecher Polizei Bürgermeister Stadt Präsidentin Universität " +
			"Sabine Vogel Jonas Krüger Stürmer CDU-Politiker Politiker Müller Georg Krämer von zur Nachrichtenagentur dpa " +
			"Polizeisprecher Berliner im Etat System sagte sagt ist hat er sie und , . ( ) —")},
	}
	// the shapes of the run's rarer steps, at every position
	for _, text := range []string{
		"the head of the president 's office said",
		"the secretary of the president said",
		"a spokesman for the mayor of the city said",
		"said the secretary of State Mike Pompeo , the top diplomat , on Monday",
		"Edward-Isaac Dovere and Gabriel Debenedetti of Politico wrote",
		"New Jersey Gov. Chris Christie ( R-N.J. ) said",
		"the Democratic National Committee said",
		"Retired Lt. Gen. Michael Flynn , who spoke , said",
		"said Dean , a medical doctor .",
		"US President Donald Trump 's special envoy said",
	} {
		rs := all.ForLang("en")
		toks, _ := sentence(strings.Fields(text)...)
		for n := 0; n < 2; n++ {
			for i := range toks {
				r, _ := utf8.DecodeRuneInString(toks[i].Text)
				toks[i].Cap = unicode.IsUpper(r)
				toks[i].class = 0
				if n == 1 {
					rs.Classify(&toks[i])
				}
			}
			for i := 0; i <= len(toks); i++ {
				if got, want := rs.speakersAt(toks, i, nil), rs.speakersAtRef(toks, i, nil); !slices.Equal(got, want) {
					t.Errorf("speakersAt(%q, %d) = %v, want %v", text, i, got, want)
				}
			}
		}
	}
	for _, c := range cases {
		rs := all.ForLang(c.lang)
		rng := rand.New(rand.NewSource(15))
		found := 0
		for n := 0; n < 20000; n++ {
			toks, parts := randomSentence(rs, rng, c.words, 1+rng.Intn(20))
			for i := range toks {
				r, _ := utf8.DecodeRuneInString(toks[i].Text)
				toks[i].Cap = unicode.IsUpper(r)
				toks[i].First = i == 0 || toks[i-1].Text == "."
				toks[i].class = 0
				// a quarter unclassified, a quarter in part: looked up by the lists
				if n%4 == 1 || n%4 >= 2 && (n%4 == 2 || rng.Intn(3) > 0) {
					rs.Classify(&toks[i])
				}
			}
			for i := 0; i <= len(toks); i++ {
				got, want := rs.speakersAt(toks, i, nil), rs.speakersAtRef(toks, i, nil)
				if !slices.Equal(got, want) {
					t.Fatalf("%s: speakersAt(%q, %d) = %v, want %v", c.lang, strings.Join(parts, " "), i, got, want)
				}
				found += len(got)
			}
		}
		if found < 20000 {
			t.Errorf("%s: %d phrases found, want 20000 or more", c.lang, found)
		}
	}
}
