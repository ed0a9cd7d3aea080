package rules

// The lists the SPEAKER item and speaker resolution read. A ruleset must
// define them (they may be empty).
const (
	ListPronouns       = "pronouns"        // he:m, she:f, they:p, ...
	ListTitles         = "titles"          // nouns: president, aide, envoy ...
	ListTitleModifiers = "title_modifiers" // Kremlin, presidential, deputy, Russian ...
	ListHonorifics     = "honorifics"      // mr:m, mrs:f, sen, gov ...
	ListDeterminers    = "determiners"     // the, a, an, his, one, two ...
	ListNotNames       = "not_names"       // capitalised words that start no name
	ListPersonNouns    = "person_nouns"    // nouns: source, official, expert ...
	ListNameParticles  = "name_particles"  // de, van, bin ...
	ListCueVerbs       = "cue_verbs"       // say, tell, add ... (lemmas)
	ListAbbreviations  = "abbreviations"   // mr., u.s. ... (periods that end no sentence)
	ListAux            = "aux"             // has, had, would ... (between speaker and cue)
)

// RequiredLists names the lists every ruleset must have.
var RequiredLists = []string{ListPronouns, ListTitles, ListTitleModifiers, ListHonorifics,
	ListDeterminers, ListNotNames, ListPersonNouns, ListNameParticles, ListCueVerbs, ListAbbreviations, ListAux}

// maxPhrase bounds a speaker phrase in tokens.
const maxPhrase = 14

func isPossessive(t Token) bool {
	return t.Lower == "’s" || t.Lower == "'s" || t.Lower == "’" || t.Lower == "'"
}

// IsNameWord reports whether toks[i] can be part of a proper name.
func (rs *Ruleset) IsNameWord(toks []Token, i int) bool {
	t := toks[i]
	if t.Kind != Word || !t.Cap {
		return false
	}
	return !rs.Lists[ListNotNames].Has(t.Lower) && !rs.Lists[ListPronouns].Has(t.Lower)
}

func (rs *Ruleset) isTitleWord(t Token) bool {
	if t.Kind != Word {
		return false
	}
	return rs.Lists[ListTitles].Has(t.Lower) || rs.Lists[ListTitleModifiers].Has(t.Lower)
}

func (rs *Ruleset) isHead(t Token) bool {
	return t.Kind == Word && (rs.Lists[ListTitles].Has(t.Lower) || rs.Lists[ListPersonNouns].Has(t.Lower))
}

// SpeakersAt returns the speaker phrases that start at toks[i], longest
// first: a pronoun; a name with its pre-modifying title (Kremlin aide Yury
// Ushakov); a descriptor (the Russian presidential aide, officials); each
// optionally followed by an appositive (Hugh Hill, a doctor,).
func (rs *Ruleset) SpeakersAt(toks []Token, i int) []SpeakerPhrase {
	if i >= len(toks) || toks[i].Kind != Word {
		return nil
	}
	if rs.Lists[ListPronouns].Has(toks[i].Lower) {
		return []SpeakerPhrase{{Span: Span{i, i + 1}, Mention: Span{i, i + 1}, Type: PronounMention}}
	}
	j := i
	det := false
	if rs.Lists[ListDeterminers].Has(toks[j].Lower) {
		j++
		det = true
	}
	// Scan the run of title words, name words, particles and possessives.
	end := j
	possAt := -1
	for end < len(toks) && end-i < maxPhrase {
		t := toks[end]
		switch {
		case rs.IsNameWord(toks, end) || rs.isTitleWord(t):
		case t.Kind == Word && rs.Lists[ListHonorifics].Has(t.Lower):
		case t.Kind == Punct && t.Text == "." && end > j && rs.Lists[ListHonorifics].Has(toks[end-1].Lower):
		case isPossessive(t) && end > j && toks[end-1].Cap:
			if possAt < 0 {
				possAt = end
			}
		case t.Kind == Word && rs.Lists[ListNameParticles].Has(t.Lower) && end > j && end+1 < len(toks) && toks[end-1].Cap && rs.IsNameWord(toks, end+1):
		case t.Lower == "of" && end > j && rs.isHead(toks[end-1]) && end+1 < len(toks) && (toks[end+1].Cap || toks[end+1].Lower == "the"):
			// secretary of State, head of the FBI
			if toks[end+1].Lower == "the" {
				end++
			}
		case t.Kind == Word && rs.Lists[ListPersonNouns].Has(t.Lower):
			// a head noun: stop after it
			end++
			goto done
		default:
			goto done
		}
		end++
	}
done:
	if end == j {
		return nil
	}
	// The name is the trailing run of name words (with particles/honorifics);
	// everything before it is the title.
	k := end
	for k > j {
		t := toks[k-1]
		if rs.IsNameWord(toks, k-1) && !rs.isTitleWord(t) {
			k--
			continue
		}
		if t.Kind == Word && rs.Lists[ListNameParticles].Has(t.Lower) && k < end {
			k--
			continue
		}
		break
	}
	// Honorifics directly before the name belong to the mention (Mr. Trump).
	nameStart := k
	for nameStart > j {
		t := toks[nameStart-1]
		if t.Kind == Punct && t.Text == "." && nameStart-2 >= j && rs.Lists[ListHonorifics].Has(toks[nameStart-2].Lower) {
			nameStart -= 2
			continue
		}
		if t.Kind == Word && rs.Lists[ListHonorifics].Has(t.Lower) {
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
	cue := rs.Lists[ListCueVerbs]
	stop := rs.Lists[ListNotNames]
	for k := j; k < len(toks) && k-j < 7; k++ {
		t := toks[k]
		if isPossessive(t) && k > j {
			continue
		}
		if t.Kind != Word || rs.Lists[ListPronouns].Has(t.Lower) || rs.Lists[ListDeterminers].Has(t.Lower) && k > j {
			break
		}
		if rs.isHead(t) {
			last = k
			continue
		}
		if cue.Has(t.Lower) || (stop.Has(t.Lower) && !t.Cap) || rs.Lists[ListAux].Has(t.Lower) {
			break
		}
	}
	if last < 0 {
		return SpeakerPhrase{}, false
	}
	sp := SpeakerPhrase{Span: Span{i, last + 1}, Mention: Span{i, last + 1}, Title: Span{j, last + 1}, Type: DescriptorMention}
	if possAt >= j && possAt < last {
		sp.Title.Start = possAt + 1 // Trump’s special envoy → special envoy
	}
	return sp, true
}

func (rs *Ruleset) hasHead(toks []Token, s Span) bool {
	for k := s.Start; k < s.End; k++ {
		if rs.isHead(toks[k]) {
			return true
		}
	}
	return false
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
	cue := rs.Lists[ListCueVerbs]
	head := false
	j := start
	for ; j < len(toks) && j-start < 14; j++ {
		t := toks[j]
		if t.Kind == Punct && t.Text == "," {
			break
		}
		if t.Kind == QuoteT || t.Kind == Punct && (t.Text == "." || t.Text == ":" || t.Text == ";") {
			return Span{}, false
		}
		if t.Kind == Word && (cue.Has(t.Lower) || t.Lower == "who" || t.Lower == "which" || t.Lower == "that" || rs.Lists[ListPronouns].Has(t.Lower)) {
			return Span{}, false
		}
		if rs.isHead(t) {
			head = true
		}
	}
	if j >= len(toks) || toks[j].Text != "," || j == start {
		return Span{}, false
	}
	if !head && !(j == start+1 && isDigitWord(toks[start].Text)) {
		return Span{}, false
	}
	return Span{start, j + 1}, true
}

func isDigitWord(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
