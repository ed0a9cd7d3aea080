package rules

// The names of the lists the engine reads. A ruleset must define the ones
// up to ListFirstNames (see RequiredLists; they may be empty); the others are
// optional.
const (
	// the lists the SPEAKER item and speaker resolution read
	ListPronouns       = "pronouns"                 // he:m, she:f, they:p, ...
	ListTitles         = "titles"                   // nouns: president, aide, envoy ...
	ListTitleModifiers = "title_modifiers"          // Kremlin, presidential, deputy, Russian ...
	ListHonorifics     = "honorifics"               // mr:m, mrs:f, sen, gov ...
	ListDeterminers    = "determiners"              // the, a, an, his, one, two ...
	ListNotNames       = "not_names"                // capitalised words that start no name
	ListPersonNouns    = "person_nouns"             // nouns: source, official, expert ...
	ListNameParticles  = "name_particles"           // de, van, bin ...
	ListCueVerbs       = "cue_verbs"                // say, tell, add ... (lemmas)
	ListAbbreviations  = "abbreviations"            // mr., u.s. ... (periods that end no sentence)
	ListAux            = "aux"                      // has, had, would ... (between speaker and cue)
	ListTitleSuffixes  = "title_suffixes"           // -writer, -ist ... (agent nouns that act as titles)
	ListRelatives      = "relative_pronouns"        // who, whose (a relative clause after a name)
	ListSpeakerPreps   = "speaker_prepositions"     // of, for, at (a phrase after a descriptor)
	ListScareMarkers   = "scare_markers"            // so-called, dubbed (before a quote that is not speech)
	ListExpletiveAfter = "expletive_after"          // is, was, ’s (after "it" that names no speaker)
	ListFirstNames     = "first_names"              // mary:f, john:m (gender of a first name)
	ListCuePhrases     = "cue_phrases"              // told reporters … (optional: multi-word cues)
	ListTitleMarkers   = "title_markers"            // ’s (optional: before a title-case quote that names a work)
	ListAffiliation    = "affiliation_prepositions" // of (optional: Meenakshi Ganguly of Human Rights Watch)
	ListOpeners        = "sentence_openers"         // but, even, perhaps (optional: words before a sentence's subject)
	ListPossessives    = "possessives"              // ’s, ' (optional: the possessive endings the tokenizer splits off)
	ListNameLinkers    = "name_linkers"             // of (optional: Board of Elections, secretary of State)
	ListArticles       = "linked_articles"          // the (optional: head of the FBI, of the campaign)
	ListDefinite       = "definite_articles"        // the (optional: the articles of a definite descriptor that names someone spoken of, the mayor)
	ListNameJoiners    = "name_joiners"             // and (optional: two names joined, Dovere and Debenedetti)
	ListExpletives     = "expletives"               // it (optional: an empty subject before expletive_after)
	ListNameConnectors = "name_connectors"          // of, for, and, on (optional: inside a capitalised name in a phrase)
	ListPartyInitials  = "party_initials"           // r, d, i (optional: party–state labels, R-Ky.)
	ListNounMarkers    = "noun_markers"             // des, im, zum (optional: words after which one capitalised word is a noun, with capitalised_nouns)
	ListAdjectiveNames = "adjective_names"          // Republican, Canadian (optional: capitalised adjectives that alone before a noun are no speaker)
	ListSubordinators  = "subordinators"            // though, while (optional: words that open a subordinate clause, and no speaker phrase)
	ListObjectPreps    = "object_prepositions"      // by, on, in (optional: a SUBJECT item never follows one)

	// the lists of a language that capitalises its nouns (optional)
	ListNounSuffixes   = "noun_suffixes"        // -ung, -heit: capitalised words that are nouns, not names
	ListPersonSuffixes = "person_noun_suffixes" // -regierung, -polizei: compound nouns that can be speakers

	// the lists that bound reported content (optional)
	ListNotClauseOpeners = "not_clause_openers" // in, of: words that open no reported content (said in an interview, said of the plan); without it any word may
	ListClauseBreaks     = "clause_breaks"      // saying, according to, but: after a comma, reported content ends before them
	ListClauseStops      = "clause_stops"       // phrases before which reported content ends wherever they stand (… the idea and said that …)
)

// RequiredLists returns the names of the lists every ruleset must have.
func RequiredLists() []string {
	return []string{ListPronouns, ListTitles, ListTitleModifiers, ListHonorifics,
		ListDeterminers, ListNotNames, ListPersonNouns, ListNameParticles, ListCueVerbs, ListAbbreviations, ListAux, ListTitleSuffixes, ListRelatives, ListSpeakerPreps, ListScareMarkers, ListExpletiveAfter, ListFirstNames}
}
