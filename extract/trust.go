package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/rules"
)

// Lists of the trust rules (optional: a ruleset without them has no such
// rule).
const (
	// listReaderPronouns names the pronouns that address the reader (you):
	// an unattributed quotation shortly after one (readerWindow) is what
	// the reader might say or think (you will wonder, “What if …?”), not
	// anybody's speech.
	listReaderPronouns = "reader_pronouns"
	// listTitleLinks names the words between a noun of works and the
	// work's name: a song like “Harbour”.
	listTitleLinks = "title_links"
	// listMentionVerbs names the verbs that, right after a short quotation
	// that opens its sentence, make it a mention of the words: “Non-paper”
	// is a diplomatic term; “Become a leader” sounds hard.
	listMentionVerbs = "mention_verbs"
	// listNamingParticiples names the words that, after a determiner and a
	// noun, give the name a thing goes by: the technique called “…”.
	listNamingParticiples = "naming_participles"
	// listNamingAgents names the words after such a quotation that name
	// who gave the name: a plan called “reckless” by the mayor.
	listNamingAgents = "naming_agents"
)

// readerWindow is how many tokens before a quotation readerVoice looks
// at: the clause that introduces it (you will always wonder, “…”), not a
// generic you earlier in the sentence (You have to go back years to see
// the administration defend the idea that “…”).
const readerWindow = 6

// readerVoice reports whether the readerWindow tokens before the quote qi,
// in its sentence and outside quotation marks, hold a word of the
// reader_pronouns list: the quotation is a hypothetical of the reader's.
func (x *Extractor) readerVoice(a *analysis, qi int) bool {
	l := x.rules.Lists[listReaderPronouns]
	loc := a.qloc[qi]
	if l == nil || loc.sent < 0 {
		return false
	}
	toks := a.toks(loc.sent)
	for k := max(0, loc.tok-readerWindow); k < loc.tok && k < len(toks); k++ {
		if toks[k].Kind == rules.Word && x.rules.InList(l, &toks[k]) {
			return true
		}
	}
	return false
}

// exclaimModifier reports whether the quote qi is an exclamation or a
// question of at most two words that modifies the noun after it, between a
// determiner (or a possessive) and a lower-case word: that “a-ha!” moment,
// our “eureka!” moments. Such a quotation names a kind of thing; whoever the
// sentence names, it is not their speech.
func (x *Extractor) exclaimModifier(a *analysis, qi int, content string) bool {
	loc := a.qloc[qi]
	if loc.sent < 0 || loc.tok == 0 || wordCount(content, 2) > 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(content)
	if last != '!' && last != '?' {
		return false
	}
	toks := a.toks(loc.sent)
	if loc.tok+1 >= len(toks) {
		return false
	}
	before, after := &toks[loc.tok-1], &toks[loc.tok+1]
	if !x.rules.InList(x.rules.Lists[rules.ListDeterminers], before) && !x.rules.InList(x.rules.Lists[rules.ListPossessives], before) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after.Text)
	return after.Kind == rules.Word && unicode.IsLower(r)
}

// endsInTitleNoun reports whether the title-case quotation content ends
// with a word of the title_nouns list: the “Master Builder Series”, “The
// Late Show” name a work or a show, whoever the sentence names.
func (x *Extractor) endsInTitleNoun(content string) bool {
	if !x.titleCaseText(content) {
		return false
	}
	w := strings.TrimRightFunc(content, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if i := strings.LastIndexFunc(w, unicode.IsSpace); i >= 0 {
		w = w[i+1:]
	}
	return x.rules.Lists[listTitleNouns].Has(strings.ToLower(w))
}

// possessiveTerm reports whether the quotation content is one word that
// ends in a possessive of the possessives list: the “whistleblower’s”
// identity quotes a word inside a noun phrase, it is nobody's speech.
func (x *Extractor) possessiveTerm(content string) bool {
	if wordCount(content, 1) != 1 {
		return false
	}
	w := strings.ToLower(strings.TrimSpace(content))
	l := x.rules.Lists[rules.ListPossessives]
	if l == nil {
		return false
	}
	for _, p := range l.Entries {
		if len(w) > len(p) && strings.HasSuffix(w, p) {
			return true
		}
	}
	return false
}

// ruleConfidence returns the confidence of a row that the attribution at
// gives the quote at loc, whose text is content: the rule's
// confidence_across when the speaker was found in an earlier paragraph,
// else its confidence_single when the speaker is a one-word name
// (singleName), else its confidence_term when the quotation has at most
// scare_max_words words and follows a determiner or a possessive
// (termPosition), else its confidence_short when the quotation has at most
// scare_max_words words, else its confidence_resolved when the speaker
// mention was resolved to a person named before, else its confidence. (A
// guess lowers it further; records does that.)
func (x *Extractor) ruleConfidence(a *analysis, at attrib, loc qloc, content string) float64 {
	r := at.m.Rule
	short := wordCount(content, x.rules.Speech.ScareMaxWords+1) <= x.rules.Speech.ScareMaxWords
	switch {
	case r.ConfidenceAcross > 0 && loc.sent >= 0 && a.sents[at.sent].para != a.sents[loc.sent].para:
		return r.ConfidenceAcross
	case r.ConfidenceSingle > 0 && singleName(at.speaker):
		return r.ConfidenceSingle
	case r.ConfidenceTerm > 0 && short && x.termPosition(a, loc):
		return r.ConfidenceTerm
	case r.ConfidenceShort > 0 && short:
		return r.ConfidenceShort
	case r.ConfidenceResolved > 0 && at.status == "resolved":
		return r.ConfidenceResolved
	}
	return r.Confidence
}

// termPosition reports whether the quote at loc follows a word of the
// determiners list or a possessive in its sentence: a short quotation there
// is a term inside a noun phrase (the party’s “establishment” candidate, a
// “virtual tie”) more often than speech of the sentence's subject.
func (x *Extractor) termPosition(a *analysis, loc qloc) bool {
	if loc.sent < 0 || loc.tok == 0 {
		return false
	}
	before := &a.toks(loc.sent)[loc.tok-1]
	return x.rules.InList(x.rules.Lists[rules.ListDeterminers], before) || x.rules.InList(x.rules.Lists[rules.ListPossessives], before)
}

// singleName reports whether the speaker, as the row gives it (the fullest
// name of its entity), is one word that begins with a capital letter: a
// name the document never gives in full (Politifact, Phoenix, or a word
// that opens the sentence and is no name at all), not a person introduced
// by first and last name.
func singleName(speaker string) bool {
	r, _ := utf8.DecodeRuneInString(speaker)
	return unicode.IsUpper(r) && wordCount(speaker, 1) == 1
}

// mentionSubject reports whether the quote qi, of at most scare_max_words
// words, opens its sentence and a word of the mention_verbs list follows it
// right away: the quotation is the subject the sentence talks about (“Top
// secret” is a classification), a mention of the words, not speech.
func (x *Extractor) mentionSubject(a *analysis, qi int, content string) bool {
	l := x.rules.Lists[listMentionVerbs]
	loc := a.qloc[qi]
	if l == nil || loc.sent < 0 || loc.tok != 0 || wordCount(content, x.rules.Speech.ScareMaxWords) > x.rules.Speech.ScareMaxWords {
		return false
	}
	toks := a.toks(loc.sent)
	return len(toks) > 1 && toks[1].Kind == rules.Word && x.rules.InList(l, &toks[1])
}

// namedTerm reports whether the quote qi is a coined term: at most
// scare_max_words words that begin in lower case, right after an entry of
// the naming_participles list that follows a word of the determiners list
// and one lower-case word (the technique called “mental arithmetic”, a
// condition known as “brain fog”). The quotation is the name the thing goes
// by, not anybody's speech; a verb of naming with a subject (critics called
// it “reckless”, which he dubbed “…”, what the inspectors called “…”: the noun
// is of the person_nouns or titles list) does not match, nor does a quotation
// that a word of the naming_agents list follows (a plan called “reckless” by
// the mayor: the mayor's word).
func (x *Extractor) namedTerm(a *analysis, qi int, content string) bool {
	loc := a.qloc[qi]
	if loc.sent < 0 || loc.tok < 3 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(content); !unicode.IsLower(r) {
		return false
	}
	l := x.rules.Lists[listNamingParticiples]
	if l == nil || wordCount(content, x.rules.Speech.ScareMaxWords+1) > x.rules.Speech.ScareMaxWords {
		return false
	}
	toks := a.toks(loc.sent)
	if next := loc.tok + 1; next < len(toks) && x.rules.InList(x.rules.Lists[listNamingAgents], &toks[next]) {
		return false
	}
	for k := max(2, loc.tok-3); k < loc.tok; k++ {
		if l.MatchAt(toks, k) != loc.tok-k {
			continue
		}
		noun := &toks[k-1]
		r, _ := utf8.DecodeRuneInString(noun.Text)
		return noun.Kind == rules.Word && unicode.IsLower(r) && x.rules.InList(x.rules.Lists[rules.ListDeterminers], &toks[k-2]) &&
			!x.rules.InList(x.rules.Lists[rules.ListPersonNouns], noun) && !x.rules.InList(x.rules.Lists[rules.ListTitles], noun)
	}
	return false
}

// maxPronounLen bounds the bytes of a word that pronounMention looks up: a
// longer quotation is no single pronoun of any language pack, and most
// quotations are turned away without a look-up.
const maxPronounLen = 16

// pronounMention reports whether the quote qi is one word of the pronouns
// list (with at most a final period), inside its sentence rather than
// opening it: the trademark of the word “We”, because “she” is a candidate.
// The word is mentioned, not spoken; an answer (“Me.”) opens its sentence,
// and a split quotation (“That,” he added, “…”) keeps its comma.
func (x *Extractor) pronounMention(a *analysis, qi int, content string) bool {
	loc := a.qloc[qi]
	w := strings.TrimSuffix(content, ".")
	if len(w) > maxPronounLen || loc.sent < 0 || loc.tok == 0 || w == "" || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return false
	}
	return x.rules.Lists[rules.ListPronouns].Has(strings.ToLower(w))
}
