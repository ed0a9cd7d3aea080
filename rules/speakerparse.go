package rules

import "slices"

// phraseClasses holds the classes of the tokens of a phrase's run by
// their offset from its start (speakersAt).
type phraseClasses [16]uint64

// of returns the classes of toks[k], for a run that starts at i.
func (cl *phraseClasses) of(i, k int) uint64 { return cl[(k-i)&15] }

// inC is rs.inBit(l, bit, t) for a token t of classes c.
func (rs *Ruleset) inC(l *List, bit, c uint64, t *Token) bool {
	return c&bit != 0 || bit == 0 && rs.InList(l, t)
}

// inW is rs.inC(f.list, bit, c, t), by f's words when it holds them.
func (rs *Ruleset) inW(f *fewWords, bit, c uint64, t *Token) bool {
	return c&bit != 0 || bit == 0 && f.has(rs, t)
}

// maxFewWords bounds the words of a fewWords that holds them.
const maxFewWords = 4

// fewWords is a list that the speaker parse asks of a token, with its
// words when it has no class bit and at most maxFewWords forms (few):
// has tells them by comparing the token's word with each, not by a
// look-up in the list's table (name_linkers and name_joiners, a word
// each, come after the lists that get a bit).
type fewWords struct {
	list  *List
	words []string
	few   bool
}

// newFewWords returns the fewWords of l, a list of rs.
func (rs *Ruleset) newFewWords(l *List) fewWords {
	f := fewWords{list: l}
	if l == nil {
		f.few = true
		return f
	}
	if l.owner == rs && l.bit != 0 {
		return f // (its bit tells)
	}
	forms := l.Forms()
	if len(forms) > maxFewWords {
		return f
	}
	for _, w := range forms {
		if l.Has(w) {
			f.words = append(f.words, w)
		}
	}
	f.few = true
	return f
}

// has reports whether t is in the list, as rs.InList(f.list, t) does.
func (f *fewWords) has(rs *Ruleset, t *Token) bool {
	if !f.few {
		return rs.InList(f.list, t)
	}
	for _, w := range f.words {
		if t.Lower == w {
			return true
		}
	}
	return false
}

// speakersAt is SpeakersAt's full parse: it appends the phrases to
// buf[:0] (nil: a new array) and returns them, their capacity cut to
// their length.
func (rs *Ruleset) speakersAt(toks []Token, i int, buf []SpeakerPhrase) []SpeakerPhrase {
	buf = buf[:0]
	if i >= len(toks) || toks[i].Kind != Word {
		return nil
	}
	b := &rs.speakerBits
	// cl holds the classes of the run's tokens by their offset from i,
	// each read once (rs.cls), ahead of the tests: the tests read them as
	// bits, without the call of classOf that each test of a token would
	// carry in its code (the parse runs at most positions a window asks;
	// its code is what the I-cache must hold of it). The run spans at
	// most maxPhrase+2 tokens: toks[i+15] at most is read, after an
	// article at i+14.
	var cl phraseClasses
	cl[0] = rs.cls(&toks[i])
	if c := cl[0]; rs.inC(rs.speakerLists.possessives, b.possessives, c, &toks[i]) {
		return nil // (a phrase never starts at ’s)
	} else if c&b.pronouns != 0 {
		return rs.pronounPhrase(toks, i, buf)
	}
	names := nameMemo{at: i}
	j := i
	det := false
	if cl[0]&b.determiners != 0 {
		j++
		det = true
		if j < len(toks) {
			cl[1] = rs.cls(&toks[j])
		}
	}
	// Scan the run of title words, name words, particles and possessives.
	end := j
	possAt := -1
	for end < len(toks) && end-i < maxPhrase {
		if n := end + 1; n < len(toks) { // (the cases read toks[end+1] too)
			cl[(n-i)&15] = rs.cls(&toks[n])
		}
		t := &toks[end]
		c := cl[(end-i)&15] // (its bits, read once for the cases)
		switch {
		case t.Cap && names.isName(rs, toks, end) || t.Kind == Word && c&(b.titles|b.titleModifiers|classTitleSuffix) != 0: // (isTitleWord)
		case t.Kind == Word && c&b.honorifics != 0:
		case t.Kind == Punct && t.Text == "." && end > j && cl.of(i, end-1)&b.honorifics != 0:
		case end > j && toks[end-1].Cap && rs.inC(rs.speakerLists.possessives, b.possessives, c, t):
			if possAt < 0 {
				possAt = end
			}
		case end > j && end+1 < len(toks) && toks[end-1].Cap && toks[end+1].Cap && t.Kind == Word && rs.nameLinkedOn(toks, j, end, c, &names):
			// Charles de Gaulle, Board of Elections
		case end > j && end+1 < len(toks) && toks[end-1].Kind == Word && cl.of(i, end-1)&(b.titles|b.personNouns|classTitleSuffix) != 0 && rs.inW(&rs.speakerLists.linkers, b.nameLinkers, c, t) && (toks[end+1].Cap || rs.inC(rs.speakerLists.articles, b.articles, cl.of(i, end+1), &toks[end+1])):
			// secretary of State, head of the FBI
			if rs.inC(rs.speakerLists.articles, b.articles, cl.of(i, end+1), &toks[end+1]) {
				end++ // (the loop moves past it: the next token is read here)
				if n := end + 1; n < len(toks) {
					cl[(n-i)&15] = rs.cls(&toks[n])
				}
			}
		case t.Kind == Word && c&b.personNouns != 0:
			// a head noun: stop after it, unless a name follows (his nephew Michery el Soheil)
			if end+1 < len(toks) && ((toks[end+1].Cap && names.isName(rs, toks, end+1)) || toks[end+1].Kind == Word && cl.of(i, end+1)&(b.titles|b.personNouns|classTitleSuffix) != 0) {
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
	for end > j && !toks[end-1].Cap && cl.of(i, end-1)&b.titleModifiers != 0 && !(toks[end-1].Kind == Word && cl.of(i, end-1)&(b.titles|b.personNouns|classTitleSuffix) != 0) {
		end--
	}
	if end > j && rs.adjectiveName(toks, j, end, det) {
		// an adjective, no name (Liberal claims, a Canadian brochure),
		// but the modifier of a descriptor's head after it (Republican
		// county leaders)
		return rs.descriptorAlone(toks, i, end, j, buf)
	}
	if end == j {
		return rs.descriptorAlone(toks, i, j, j, buf)
	}
	// The name is the trailing run of name words (with particles/honorifics);
	// everything before it is the title.
	k := end
	for k > j {
		t := &toks[k-1]
		c := cl.of(i, k-1)
		// (the scan asked isName of the run's words: the memo's answer
		// is read inline)
		name := t.Cap && (names.held(k-1) == 2 || names.held(k-1) == 0 && names.isName(rs, toks, k-1))
		if name && !(t.Kind == Word && c&(b.titles|b.titleModifiers|classTitleSuffix) != 0) && c&b.honorifics == 0 {
			k--
			continue
		}
		// (nameGoesOn's tests need a word before, and the run's last
		// word or a capitalised word before: most runs end here)
		if k-2 < j || k < end && !toks[k-2].Cap || !rs.nameGoesOn(toks, i, j, k, end, name, &cl, &names) {
			break
		}
		k--
	}
	if k == end && toks[end-1].Cap { // (nameAtEnd's tests all need it)
		k = rs.nameAtEnd(toks, i, j, end, det, &cl, &names)
	}
	if end-k >= 3 { // (a name of three words or more: splitAtFirstName's first test)
		k = rs.splitAtFirstName(toks, k, end)
	}
	if k > j && k < end {
		k = rs.titleOrName(toks, i, j, k, end, &cl)
	}
	// Honorifics directly before the name belong to the mention (Mr. Trump).
	nameStart := k
	for nameStart > j {
		t := &toks[nameStart-1]
		if t.Kind == Punct && t.Text == "." && nameStart-2 >= j && cl.of(i, nameStart-2)&b.honorifics != 0 {
			nameStart -= 2
			continue
		}
		if t.Kind == Word && cl.of(i, nameStart-1)&b.honorifics != 0 {
			nameStart--
			continue
		}
		break
	}
	titleEnd := nameStart
	if nameStart < k { // (most names have no title: no call)
		titleEnd = rs.rankEnd(toks, nameStart, k)
	}
	if k < end && titleEnd <= j && rs.Language.CapitalisedNouns && rs.commonNoun(toks, i, j, nameStart, end) {
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
	if end+2 < len(toks) && toks[end+1].Cap && rs.inW(&rs.speakerLists.joiners, b.nameJoiners, cl.of(i, end), &toks[end]) && names.isName(rs, toks, end+1) {
		rev = rs.joinedName(toks, end, rev)
	}
	// (most names have no appositive: the first of appositives' tests,
	// here without its call)
	if e := rev[len(rev)-1].Span.End; e < len(toks) && (toks[e].Text == "," || toks[e].Text == "(" || toks[e].Kind == Word && rs.in(&toks[e], b.speakerPreps)) {
		return rs.appositives(toks, i, rev)
	}
	if len(rev) > 1 {
		slices.Reverse(rev)
	}
	return rev[:len(rev):len(rev)]
}

// nameLinkedOn reports whether toks[end], a word of classes c between two
// capitalised words in speakersAt's run toks[j:…] (names its memo), is a
// particle or linker inside a name: Charles de Gaulle, Board of Elections.
// Out of speakersAt's loop: its tests are rare.
//
//go:noinline
func (rs *Ruleset) nameLinkedOn(toks []Token, j, end int, c uint64, names *nameMemo) bool {
	b := &rs.speakerBits
	return (c&b.nameParticles != 0 || rs.inW(&rs.speakerLists.linkers, b.nameLinkers, c, &toks[end]) && !rs.affiliated(toks, j, end)) && names.isName(rs, toks, end+1) && !rs.nounAfterName(toks, end)
}

// nameGoesOn reports whether the trailing name of speakersAt's run
// toks[j:end] (from i; cl its classes, names its memo) goes on to
// toks[k-1], a word that is no plain name word (name tells whether it is a
// name word at all): a surname that is also a title, after a first name
// (Amy Pope), or after an agent noun (Politiker Müller), as the run's last
// word; a particle or linker inside the name (Charles de Gaulle). It is
// the rare part of the trailing name's loop, out of speakersAt's code.
//
//go:noinline
func (rs *Ruleset) nameGoesOn(toks []Token, i, j, k, end int, name bool, cl *phraseClasses, names *nameMemo) bool {
	b := &rs.speakerBits
	t := &toks[k-1]
	c := cl.of(i, k-1)
	if k == end && k-2 >= j && name && toks[k-2].Cap && cl.of(i, k-2)&b.firstNames != 0 {
		return true // a surname that is also a title: Amy Pope, Tom King
	}
	if k == end && k-2 >= j && rs.agentSurname(toks, j, k-1) {
		return true // Stürmer Jonas Krüger, Politiker Müller
	}
	return k < end && k-2 >= j && toks[k-2].Cap && t.Kind == Word && (c&b.nameParticles != 0 || rs.inW(&rs.speakerLists.linkers, b.nameLinkers, c, t)) && names.isName(rs, toks, k-2) && !(toks[k-2].Kind == Word && cl.of(i, k-2)&(b.titles|b.titleModifiers|classTitleSuffix) != 0)
}

// nameAtEnd is the start of the name in speakersAt's run toks[j:end]
// (from i, after a determiner if det; cl its classes, names its memo)
// when its trailing loop found none (end if there is none): a capitalised
// modifier ending the run, a surname that is also a title after a given
// name, a name with its title in an appositive after it. Out of
// speakersAt's code: most runs end in a name word.
//
//go:noinline
func (rs *Ruleset) nameAtEnd(toks []Token, i, j, end int, det bool, cl *phraseClasses, names *nameMemo) int {
	b := &rs.speakerBits
	if end > j && toks[end-1].Cap && toks[end-1].Kind == Word && cl.of(i, end-1)&(b.titles|b.personNouns|classTitleSuffix) == 0 &&
		names.isName(rs, toks, end-1) && (end == j+1 || toks[end-2].Cap) {
		// a capitalised modifier ending the run is a name: said Cuban
		// (isName holds of words only: the tests of titles and heads are one)
		return end - 1
	}
	if !det && end-j >= 2 && rs.plainName(toks, j, end-1) && (toks[end-1].Cap && names.isName(rs, toks, end-1)) {
		// a surname that is also a title, after a given name not in
		// first_names: Charlie King
		return j
	}
	if !det && end == j+1 && toks[j].Cap {
		if _, tt, ok := rs.appositive(toks, end, false, false); ok && tt.Len() > 0 {
			// a name that is also a title, with its title after it: Dean,
			// a medical doctor,
			return j
		}
	}
	return end
}

// titleOrName is the start k of the name in speakersAt's run toks[j:end]
// (from i; cl its classes) that a title toks[j:k] precedes, or end, or j,
// when the run is one phrase: a title and its phrase (the mayor of
// Springfield), or the name of an organisation (the Democratic National
// Committee, not Committee titled Democratic National). Out of
// speakersAt's code: most names have no title.
//
//go:noinline
func (rs *Ruleset) titleOrName(toks []Token, i, j, k, end int, cl *phraseClasses) int {
	b := &rs.speakerBits
	if cl.of(i, k-1)&b.speakerPreps != 0 && !rs.Language.GenitiveComplements {
		// a title and its phrase, not a title and a name: the mayor of
		// Springfield
		return end
	}
	// A run of capitalised words ending in an organisation's head noun is one
	// name: the Democratic National Committee, not Committee titled
	// Democratic National.
	if cl.of(i, end-1)&b.personNouns != 0 && cl.of(i, end-1)&b.titles == 0 {
		for m := j; m < k; m++ {
			if toks[m].Kind != Word || !toks[m].Cap || cl.of(i, m)&b.honorifics != 0 {
				return k
			}
		}
		return j
	}
	return k
}
