package rules

import "slices"

// pronounPhrase is speakersAt at a pronoun toks[i]: the pronoun, unless
// it is an expletive (It’s been common to …: no speaker).
func (rs *Ruleset) pronounPhrase(toks []Token, i int, buf []SpeakerPhrase) []SpeakerPhrase {
	if rs.InList(rs.speakerLists.expletives, &toks[i]) && i+1 < len(toks) && rs.in(&toks[i+1], rs.speakerBits.expletiveAfter) {
		return nil
	}
	return one(buf, SpeakerPhrase{Span: Span{i, i + 1}, Mention: Span{i, i + 1}, Type: PronounMention})
}

// descriptorAlone is speakersAt for a descriptor scanned from toks[from]
// (after a run that is no name) whose title starts at title: the
// descriptor alone, or none.
func (rs *Ruleset) descriptorAlone(toks []Token, i, from, title int, buf []SpeakerPhrase) []SpeakerPhrase {
	d, ok := rs.descriptor(toks, i, from, -1)
	if !ok {
		return nil
	}
	d.Title.Start = title
	return one(buf, d)
}

// rankEnd returns the end of a phrase's title before the name
// toks[nameStart:k]: after the honorifics of rank (no gender attribute)
// that begin it, and the period of the last (New Jersey Gov. Chris
// Christie, Retired Lt. Gen. Michael Flynn); nameStart if none.
func (rs *Ruleset) rankEnd(toks []Token, nameStart, k int) int {
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
	return titleEnd
}

// descriptorPhrases is speakersAt for a run toks[j:] that holds no name
// (possAt: its first possessive, -1 if none): the descriptor, with the
// name of its appositive or its own before it, and the possessor's name.
func (rs *Ruleset) descriptorPhrases(toks []Token, i, j, possAt int, buf []SpeakerPhrase) []SpeakerPhrase {
	d, ok := rs.descriptor(toks, i, j, possAt)
	if !ok {
		return nil
	}
	if cap(buf) < 2 {
		buf = make([]SpeakerPhrase, 0, 2)
	}
	out := append(buf, d)
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

// joinedName appends to rev, the phrases of a name ending at end, the
// name joined to it by toks[end] (a name joiner: Edward-Isaac Dovere and
// Gabriel Debenedetti), if the phrases at end+1 hold a plain name.
func (rs *Ruleset) joinedName(toks []Token, end int, rev []SpeakerPhrase) []SpeakerPhrase {
	for _, p := range rs.SpeakersAt(toks, end+1) {
		if p.Type == NameMention && p.Title.Len() == 0 && p.Span == p.Mention {
			both := rev[len(rev)-1]
			both.Span.End = p.Span.End
			both.Mention.End = p.Span.End
			rev = append(rev, both)
			break
		}
	}
	return rev
}

// appositives appends to rev, the phrases of a name starting at i, the
// longer phrases of the appositives, relative clauses, prepositional
// phrases and parentheticals after its last, and returns them longest
// first. The caller has told that the last is followed by a comma, a
// parenthesis or a word of speaker_prepositions (the loop's first test).
func (rs *Ruleset) appositives(toks []Token, i int, rev []SpeakerPhrase) []SpeakerPhrase {
	// Appositives and parentheticals after the name: Hugh Hill, a doctor, /
	// Haines, 44, / John Cornyn (R-Texas)
	base := rev[len(rev)-1]
	cur := base
	fromAppositive := false
	// after a cue (said Jane Doe, the mayor of Springfield.) an
	// appositive may end the sentence; elsewhere that is more often a
	// clause (the State Department, the candidate … appeared to show …)
	afterCue := i > 0 && toks[i-1].Kind == Word && rs.in(&toks[i-1], rs.speakerBits.cueVerbs)
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
		// (the first, speakersAt tells before its call)
		if e := cur.Span.End; n > 0 && !(at < len(toks) && toks[at].Text == ",") && !(e < len(toks) && (toks[e].Text == "(" || toks[e].Kind == Word && rs.in(&toks[e], rs.speakerBits.speakerPreps))) {
			break
		}
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
