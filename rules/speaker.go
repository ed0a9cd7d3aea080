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
)

// RequiredLists names the lists every ruleset must have.
var RequiredLists = []string{ListPronouns, ListTitles, ListTitleModifiers, ListHonorifics,
	ListDeterminers, ListNotNames, ListPersonNouns, ListNameParticles, ListCueVerbs, ListAbbreviations}

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
		// A descriptor: must end in a head noun.
		last := end
		for last > j && !rs.isHead(toks[last-1]) {
			last--
		}
		if last == j || last <= j {
			return nil
		}
		if !rs.isHead(toks[last-1]) {
			return nil
		}
		sp := SpeakerPhrase{Span: Span{i, last}, Mention: Span{i, last}, Title: Span{j, last}, Type: DescriptorMention}
		if possAt >= j && possAt < last {
			sp.Title.Start = possAt + 1 // Trump’s special envoy → special envoy
		}
		out = append(out, sp)
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
	// Appositive: , (det)? title-words ... ,
	base := out[0]
	if base.Type == NameMention {
		if ap, ok := rs.appositive(toks, base.Span.End); ok {
			withAp := base
			withAp.Span.End = ap.End
			withAp.Title = Span{ap.Start, ap.End - 1}
			out = append([]SpeakerPhrase{withAp}, out...)
		}
	}
	return out
}

// appositive matches ", a doctor," / ", Trump’s special envoy," at i and
// returns the span from after the first comma to after the closing comma.
func (rs *Ruleset) appositive(toks []Token, i int) (Span, bool) {
	if i+2 >= len(toks) || toks[i].Text != "," {
		return Span{}, false
	}
	j := i + 1
	start := j
	if rs.Lists[ListDeterminers].Has(toks[j].Lower) {
		j++
	}
	head := false
	for j < len(toks) && j-start < 10 {
		t := toks[j]
		if t.Kind == Punct && t.Text == "," {
			break
		}
		if rs.isHead(t) {
			head = true
		} else if !(t.Kind == Word && (t.Cap || rs.isTitleWord(t) || t.Lower == "of" || t.Lower == "the" || t.Lower == "for" || t.Lower == "and")) && !isPossessive(t) {
			return Span{}, false
		}
		j++
	}
	if !head || j >= len(toks) || toks[j].Text != "," {
		return Span{}, false
	}
	return Span{start, j + 1}, true
}
