package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/whosaid/whosaid/rules"
)

// entity is one person or organisation of a document.
type entity struct {
	name    string // canonical: the longest name seen
	key     string // the key of its last word (see nameWords)
	words   []string
	titles  []string
	aliases []string
	gender  string
	quotes  int // quotes attributed during resolution
	rows    int // quotes output (records), for the speakers table
	said    int // statements of reported speech output, for the speakers table
	person  bool
	// headed: heads holds the numbers of its titles' head nouns in the
	// document's headIndex (see headsOf)
	headed bool
	heads  []int32
	// org: a word of one of its names is an organisation word (Manchester
	// United, City Council), so it is not a person whatever else says so.
	org     bool
	n       int // mentions
	best    int // index in titles of the fullest specific title, -1 if none
	bestVal int // its value (see titleValue)
}

// nameMention is a name found in the text, bound to its entity.
type nameMention struct {
	start, end int // byte offsets
	ent        *entity
}

// entities is the document's entity table.
type entities struct {
	list     []*entity
	byKey    map[string]*keyEntry // entity key → its entities and latest mention
	mentions []nameMention        // in text order
	byHead   *headIndex           // title head noun → indexes of mentions, made by byTitle
	// scanHeads: byTitle finds an entity by title without byHead while
	// it is not made (see byTitleScan), titleScans times so far: set for
	// the statements' speakers
	scanHeads  bool
	titleScans int
	holds      map[string][]int // see holding
	// lang keys the case forms of a name word (NameKey); nil when the
	// language declines no names, and names match as written.
	lang  *rules.Language
	arena entityArena // where the entities and their words are allocated
	// firsts has the bit firstBit of the first word of every entity of
	// two words or more (an entity's first word is fixed once it has two):
	// link looks back for a family name written first only when ws[0]'s
	// bit is set.
	firsts uint64
	// wordBuf holds the words of the mention that buildEntities, then
	// resolveSpeaker, resolves (the scratch's, kept between documents)
	wordBuf []string
}

// firstBit returns the bit of w in entities.firsts.
func firstBit(w string) uint64 {
	if w == "" {
		return 1
	}
	return 1 << ((uint(len(w)) + uint(w[0]) + 3*uint(w[len(w)-1])) & 63)
}

// sameWord reports whether a and b are forms of one name word: equal but
// for case, or, in a language that declines names, of one key.
func (es *entities) sameWord(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	return es.lang != nil && es.lang.NameKey(strings.ToLower(a)) == es.lang.NameKey(strings.ToLower(b))
}

// sameName reports whether the entity e is named by the words ws, whose
// joined form is full: equal but for case, or word by word of one key.
func (es *entities) sameName(e *entity, ws []string, full string) bool {
	if strings.EqualFold(e.name, full) {
		return true
	}
	if es.lang == nil || len(e.words) != len(ws) {
		return false
	}
	for i := range ws {
		if !es.sameWord(e.words[i], ws[i]) {
			return false
		}
	}
	return true
}

// atStart returns the entity of the name mention that starts at byte
// offset off (the last one found, when several do), or nil.
func (es *entities) atStart(off int) *entity {
	ms := es.mentions // sorted by start, stably: equal starts in the order found
	k := sort.Search(len(ms), func(i int) bool { return ms[i].start > off })
	if k > 0 && ms[k-1].start == off {
		return ms[k-1].ent
	}
	return nil
}

// title is a title as found in the text: its words and whether it names
// an office or occupation (a word of the titles list or an agent noun), not
// only a relation (son, friend).
type title struct {
	text   string
	office bool
	rank   bool // only honorifics of rank: Gov., Dr.
}

// titleValue orders titles: one that names an office before one that does
// not, then the fuller (more words) first.
func titleValue(t title) int {
	v := strings.Count(t.text, " ") + 1
	if t.rank {
		v = 0
	}
	if t.office {
		v += 1000
	}
	return v
}

func (e *entity) addTitle(t title) {
	if t.text == "" || strings.EqualFold(t.text, e.name) {
		return
	}
	if len(e.titles) == maxTitles {
		return // so that no document makes title work grow with its length squared
	}
	for _, x := range e.titles {
		if strings.EqualFold(x, t.text) {
			return
		}
	}
	e.titles = append(e.titles, t.text)
	if v := titleValue(t); e.best < 0 || v > e.bestVal {
		e.best, e.bestVal = len(e.titles)-1, v
	}
}

// maxTitles bounds the titles kept for one entity.
const maxTitles = 16

// bestTitle returns the fullest specific title of e, or "".
func (e *entity) bestTitle() string {
	if e.best < 0 {
		return ""
	}
	return e.titles[e.best]
}

func (e *entity) addAlias(a string) {
	if a == e.name {
		return
	}
	for _, x := range e.aliases {
		if x == a {
			return
		}
	}
	e.aliases = append(e.aliases, a)
}

// nameWords returns the words of a name mention without honorifics,
// determiners and possessives, the key of its last word (its lower-case
// form, or in a language that declines names the key that links its case
// forms, Language.NameKey; see link), and the gender its honorific gives.
func (x *Extractor) nameWords(toks []rules.Token, s rules.Span) ([]string, string, string) {
	ws, key, gender, _, _, _ := x.nameWordsInto(nil, toks, s)
	return ws, key, gender
}

// link finds or creates the entity of a name with the given words, whose
// last word has the key key; full is the words joined by spaces. A name in
// another case form (Ирины Волковой) links to the entity of its first
// form, whose name stays as the article introduced it.
func (es *entities) link(ws []string, key, full string) *entity {
	e, _ := es.linkEntry(ws, key, full)
	return e
}

// linkEntry is link that also returns the entry of key, where the caller
// notes the latest mention.
func (es *entities) linkEntry(ws []string, key, full string) (*entity, *keyEntry) {
	ke := es.entry(key)
	cands := ke.ents
	if len(ws) >= 2 {
		for _, e := range cands {
			if es.sameName(e, ws, full) {
				return e, ke
			}
		}
		// a single-word entity with this key gets the full name
		for _, e := range cands {
			if len(e.words) == 1 || es.sameWord(e.words[0], ws[0]) {
				if len(ws) > len(e.words) && strings.EqualFold(e.words[len(e.words)-1], ws[len(ws)-1]) {
					e.addAlias(e.name)
					e.name, e.words = full, es.arena.keep(ws)
					es.firsts |= firstBit(ws[0])
				}
				return e, ke
			}
		}
	} else if len(cands) > 0 {
		// the most recently mentioned entity with this last name
		if e := ke.latest; e != nil {
			return e, ke
		}
		return cands[0], ke
	} else if len(ws) == 1 && es.firsts&firstBit(ws[0]) != 0 {
		// a family name written first: Li for Li Jifeng, the person most
		// recently named with it as the first of several words
		for i := len(es.mentions) - 1; i >= 0 && i >= len(es.mentions)-maxAntecedents; i-- {
			if e := es.mentions[i].ent; e != nil && e.person && len(e.words) >= 2 && e.words[0] == ws[0] {
				return e, ke
			}
		}
	}
	e := es.arena.newEntity()
	*e = entity{name: full, key: key, words: es.arena.keep(ws), titles: []string{}, aliases: []string{}, best: -1}
	es.list = append(es.list, e)
	if len(ws) >= 2 {
		es.firsts |= firstBit(ws[0])
	}
	ke.ents = es.arena.add(cands, e)
	return e, ke
}

// title returns the title that span s of toks gives, without a leading
// determiner or function word (a, the, And, now), or an empty title when
// it is none: no word of it can head a title (Ukraine, further), its only
// heads are ages (17-year-old), or it ends in a possessive (Elon Musk’s).
// view is the text the tokens were cut from (see spanTextIn).
func (x *Extractor) title(view string, toks []rules.Token, s rules.Span) title {
	notNames := x.lists.notNames
	// an affiliation names no head: (Harry Bond,) of Raleigh
	affiliation := s.Len() > 1 && x.rules.InList(x.lists.affiliation, &toks[s.Start])
	for s.Len() > 0 {
		t := &toks[s.Start]
		if t.Kind == rules.Punct || x.rules.InList(x.lists.det, t) && !x.rules.IsTitleWord(*t) || !x.rules.IsHeadWord(t) && !x.rules.IsTitleWord(*t) && x.rules.InList(notNames, t) {
			s.Start++
			continue
		}
		break
	}
	for s.Len() > 0 && toks[s.End-1].Kind == rules.Punct {
		s.End--
	}
	if s.Len() == 0 || x.rules.IsPossessiveSuffix(&toks[s.End-1]) {
		return title{}
	}
	head, office, rank, other := affiliation, false, false, false
	for k := s.Start; k < s.End; k++ {
		t := &toks[k]
		if t.Kind == rules.Word && x.rules.InList(x.lists.hon, t) && x.lists.hon.Attr(t.Lower) == "" {
			rank = true // an honorific of rank: Gov., Lt. Gen.
			continue
		}
		other = other || t.Kind == rules.Word
		if isDigitStart(t.Text) || !x.rules.IsHeadWord(t) || x.rules.InList(x.lists.det, t) {
			continue
		}
		head = true
		office = office || x.rules.IsTitleNoun(t)
	}
	if !head && !rank {
		return title{}
	}
	return title{text: spanTextIn(view, toks, s), office: office || rank && other, rank: !other}
}

// buildEntities finds every name in the document and groups them.
func (x *Extractor) buildEntities(a *analysis) {
	es := &entities{byKey: a.sc.entityIndex(), mentions: a.sc.mentions[:0], wordBuf: a.sc.words[:0]}
	if len(x.rules.Language.NameInflections) > 0 {
		es.lang = &x.rules.Language
	}
	a.ents = es
	det := x.lists.det
	orgWords := x.lists.orgWords
	wordBuf := es.wordBuf // the words of each mention in turn (see nameWordsInto)
	// the phrases at each position in turn, where no window memoises them
	// (appositiveTitle, which asks for another position, makes its own)
	var phraseBuf []rules.SpeakerPhrase
	for si := range a.sents[:a.nsents] {
		st := &a.sents[si]
		toks := a.toks(si)
		for i := 0; ; {
			if i = x.rules.NextNameStart(det, toks, i); i >= len(toks) {
				break
			}
			sps := st.speakersInto(x.rules, toks, i, &phraseBuf)
			if len(sps) == 0 {
				i++
				continue
			}
			next := i + 1
			desc := -1 // end of a descriptor among the phrases
			for _, sp := range sps {
				if sp.Type == rules.DescriptorMention {
					desc = sp.Span.End
				}
			}
			for _, sp := range sps {
				if sp.Type != rules.NameMention || desc >= 0 && sp.Mention.Start >= desc {
					continue // an appositive name is handled with its descriptor below
				}
				ws, key, g, first, from, to := x.nameWordsInto(wordBuf, toks, sp.Mention)
				wordBuf = ws
				if len(ws) == 0 || isCoordinated(ws) {
					continue
				}
				full := joinWords(a.view, from, to, ws)
				e, ke := es.linkEntry(ws, key, full)
				if g == "" && len(ws) >= 2 {
					g = x.lists.firstNames.Attr(first)
				}
				if g != "" && e.gender == "" {
					e.gender = g
					e.person = true
				}
				if sp.Title.Len() > 0 {
					if tt := x.title(a.view, toks, sp.Title); tt.text != "" {
						e.addTitle(tt)
						e.person = true
					}
				}
				if len(ws) >= 2 {
					e.person = e.person || looksPersonal(ws)
				}
				if !e.org && orgShaped(orgWords, toks[sp.Mention.Start:sp.Mention.End]) {
					e.org = true
				}
				e.addAlias(full)
				e.n++
				es.mentions = append(es.mentions, nameMention{int(toks[sp.Mention.Start].Start), int(toks[sp.Mention.End-1].End), e})
				ke.latest = e // the latest mention of key
				if sp.Span.End > next {
					next = sp.Span.End
				}
			}
			// a descriptor followed by an appositive name: Trump’s special envoy, Steve Witkoff
			if desc >= 0 {
				joined := false // the name follows with no comma: envoy for Ukraine Kurt Volker
				for _, sp := range sps {
					joined = joined || sp.Type == rules.NameMention && sp.Mention.Start == desc
				}
				for _, sp := range sps {
					if sp.Type == rules.DescriptorMention {
						x.appositiveTitle(es, st, a.view, toks, sp, joined)
						next = max(next, sp.Span.End)
					}
				}
			}
			i = max(next, i+1)
		}
	}
	es.wordBuf = wordBuf
	// found in text order but for a few (a name inside a longer phrase)
	byStart := func(m, n nameMention) int { return cmp.Compare(m.start, n.start) }
	if !slices.IsSortedFunc(es.mentions, byStart) {
		slices.SortStableFunc(es.mentions, byStart)
		es.rebuildLatest()
	}
}

// appositiveTitle gives the name after a descriptor the descriptor's title:
// Trump’s special envoy, Steve Witkoff → special envoy, Trump’s special envoy.
// With joined, the name follows the descriptor with no comma.
func (x *Extractor) appositiveTitle(es *entities, st *sentence, view string, toks []rules.Token, d rules.SpeakerPhrase, joined bool) {
	at := d.Span.End
	if !joined {
		if at+1 >= len(toks) || toks[at].Text != "," {
			return
		}
		at++
	}
	for _, sp := range st.speakers(x.rules, toks, at) {
		if sp.Type != rules.NameMention {
			continue
		}
		ws, key, _ := x.nameWords(toks, sp.Mention)
		if len(ws) == 0 {
			return
		}
		e := es.link(ws, key, strings.Join(ws, " "))
		if sp.Title.Len() > 0 {
			e.addTitle(x.title(view, toks, sp.Title)) // Steenburgen’s son, filmmaker Charlie McDowell
		}
		tt := x.title(view, toks, d.Title)
		e.addTitle(tt)
		if p := d.Title.Start - 1; tt.text != "" && p > d.Span.Start && x.rules.IsPossessiveSuffix(&toks[p]) {
			e.addTitle(title{text: toks[p-1].Text + toks[p].Text + " " + tt.text, office: tt.office})
		}
		e.person = true
		return
	}
}

// isCoordinated reports whether name words join two names with "and".
func isCoordinated(ws []string) bool {
	for _, w := range ws {
		if w == "and" {
			return true
		}
	}
	return false
}

// listOrganisationWords names the optional list of words that make a name
// an organisation's (United, City, FC, Council, Ministry).
const listOrganisationWords = "organisation_words"

// orgShaped reports whether a word of the name's tokens is in the list of
// organisation words.
func orgShaped(l *rules.List, toks []rules.Token) bool {
	if l == nil {
		return false
	}
	for i := range toks {
		if toks[i].Kind == rules.Word && l.Has(toks[i].Lower) {
			return true
		}
	}
	return false
}

// looksPersonal: a two- to four-word name of capitalised words reads as a
// person's name.
func looksPersonal(ws []string) bool {
	return len(ws) >= 2 && len(ws) <= 4
}

// resolve gives every attributed quote its canonical speaker.
func (x *Extractor) resolve(a *analysis) {
	x.buildEntities(a)
	var prevSpeakers []*entity // speakers of earlier quotes, nearest last
	for qi := range a.attrs {
		at := &a.attrs[qi]
		if !at.ok {
			// a reopened multi-paragraph piece continues the previous one
			if a.quotes[qi].Reopened && qi > 0 {
				for p := qi - 1; p >= 0; p-- {
					if a.quotes[p].Depth == 0 {
						if a.attrs[p].ok {
							*at = a.attrs[p]
							if a.explains != nil {
								a.explains[qi] = nil // the attribution is the previous quote's: no explanation
							}
						}
						break
					}
				}
			}
			continue
		}
		rank := x.resolveSpeaker(a, at, prevSpeakers)
		if at.ent != nil {
			at.ent.quotes++
			at.ent.person = at.ent.person || at.m.Speaker.Type == rules.PronounMention
			if best := at.ent.bestTitle(); at.title == "" || containsWords(best, at.title) {
				at.title = best // given at another mention, or fuller there
			}
			prevSpeakers = append(prevSpeakers, at.ent)
		}
		if at.title == "" {
			at.title = rank
		}
	}
}

// resolveSpeaker gives the attribution at its speaker, status and title:
// the entity of its mention (a name, a definite descriptor, a pronoun's
// antecedent, or for I, we, they the last of prevSpeakers, the speakers of
// the quotes before it). It returns a title of honorifics only, for want
// of a better one.
func (x *Extractor) resolveSpeaker(a *analysis, at *attrib, prevSpeakers []*entity) string {
	det, defArt, pron := x.lists.det, x.lists.defArt, x.lists.pron
	sp := at.m.Speaker
	toks := a.toks(at.sent)
	rank := "" // a title of honorifics only, if nothing better
	switch sp.Type {
	case rules.NameMention:
		// the words in the table's buffer (link keeps a copy), joined
		// once, as written when they stand so in the text
		ws, key, _, _, from, to := x.nameWordsInto(a.ents.wordBuf, toks, sp.Mention)
		a.ents.wordBuf = ws
		e := a.ents.atStart(int(toks[sp.Mention.Start].Start))
		full := ""
		if isCoordinated(ws) {
			e = nil // two speakers: Dovere and Debenedetti
		} else if e == nil && len(ws) > 0 {
			full = joinWords(a.view, from, to, ws)
			e = a.ents.link(ws, key, full)
		}
		if sp.Title.Len() > 0 {
			if tt := x.title(a.view, toks, sp.Title); !tt.rank {
				at.title = tt.text // this mention's own title
			} else {
				rank = tt.text // unless another mention gives more: Dr.
			}
		}
		if e != nil {
			at.ent = e
			at.speaker = e.name
			at.status = "attributed"
			if full == "" {
				full = joinWords(a.view, from, to, ws)
			}
			if !strings.EqualFold(full, e.name) {
				at.status = "resolved"
			}
		} else {
			at.speaker, at.status = spanTextIn(a.view, toks, sp.Mention), "attributed"
		}
	case rules.DescriptorMention:
		first := toks[sp.Mention.Start].Lower
		plural := x.isPlural(toks[sp.Mention.End-1].Lower)
		definite := !plural && (defArt.Has(first) || !det.Has(first))
		// the descriptor's own words only when it resolves to no entity
		// (spelt out first, they were garbage whenever it did)
		at.speaker, at.status = "", "attributed"
		resolved := false
		if definite {
			head := x.headOf(toks, sp.Mention)
			if e := x.byTitleMods(a, toks, sp.Mention, head); e != nil {
				at.ent, at.speaker, at.status = e, e.name, "resolved"
				resolved = true
			} else if e := x.ageAntecedent(a, head, int(toks[sp.Mention.Start].Start)); e != nil {
				// an age names the person last spoken of: the 56-year-old
				at.ent, at.speaker, at.status = e, e.name, "resolved"
				resolved = true
			} else if defArt.Has(first) {
				at.status = "unresolved"
			}
		}
		if !resolved {
			at.speaker = spanTextIn(a.view, toks, sp.Mention)
		}
		if at.ent == nil {
			at.title = x.title(a.view, toks, sp.Title).text
		}
	case rules.PronounMention:
		g := pron.Attr(toks[sp.Mention.Start].Lower)
		at.speaker, at.status = "", "unresolved"
		if g == "m" || g == "f" {
			if e := x.antecedent(a, int(toks[sp.Mention.Start].Start), g, false); e != nil {
				at.ent, at.speaker, at.status = e, e.name, "resolved"
				if e.gender == "" {
					e.gender = g
				}
			}
		} else if g != "n" && len(prevSpeakers) > 0 {
			// I, we, they: only the speaker of the previous quote
			e := prevSpeakers[len(prevSpeakers)-1]
			at.ent, at.speaker, at.status = e, e.name, "resolved"
		}
	}
	return rank
}

func (x *Extractor) isPlural(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && x.rules.Lists[rules.ListPersonNouns].Has(w) &&
		!x.rules.Lists[rules.ListPersonNouns].Has(strings.TrimSuffix(w, "s")+"ss")
}

// byTitleMods is byTitle for the descriptor toks[m] with the head noun
// head: of the entities with that head noun, the nearest whose title also
// holds the descriptor's other words (The US president → US President, not
// Russian President), else the nearest.
func (x *Extractor) byTitleMods(a *analysis, toks []rules.Token, m rules.Span, head string) *entity {
	at := int(toks[m.Start].Start)
	e := x.byTitle(a, head, at)
	var mods []string
	for i := m.Start; i < m.End; i++ {
		if t := &toks[i]; t.Kind == rules.Word && t.Lower != head && !x.rules.InList(x.lists.det, t) {
			mods = append(mods, t.Lower)
		}
	}
	if e == nil || len(mods) == 0 || titleHolds(e, mods) {
		return e
	}
	es := a.ents
	idx := x.headIndex(es).of(head)
	k := sort.Search(len(idx), func(j int) bool { return es.mentions[idx[j]].start >= at })
	// the nearest before at, else the first after it, of the mentions
	// whose entity has a title holding mods
	js := es.holding(head, mods)
	p := sort.SearchInts(js, k)
	if p > 0 {
		return es.mentions[idx[js[p-1]]].ent
	}
	if p < len(js) {
		return es.mentions[idx[js[p]]].ent
	}
	return e
}

// titleHolds reports whether one of e's titles holds every word of mods.
func titleHolds(e *entity, mods []string) bool {
	for _, t := range e.titles {
		if isASCII(t) {
			// the words compared in place (see holdsLower)
			if holdsLower(t, mods) {
				return true
			}
			continue
		}
		ws := strings.Fields(strings.ToLower(t))
		all := true
		for _, m := range mods {
			if !slices.Contains(ws, m) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// byTitle finds the entity one of whose titles has the head noun head,
// nearest before offset at, else the first after it.
func (x *Extractor) byTitle(a *analysis, head string, at int) *entity {
	es := a.ents
	if es.byHead == nil && es.scanHeads && es.titleScans < maxTitleScans {
		es.titleScans++
		return byTitleScan(es, head, at, x.rules.Lists[rules.ListSpeakerPreps].Has)
	}
	return es.nearest(x.headIndex(es).of(head), at)
}

// headIndex returns es.byHead, made if it is not: the mentions indexed
// by the head nouns of their entity's titles, once.
func (x *Extractor) headIndex(es *entities) *headIndex {
	if es.byHead == nil {
		es.byHead = newHeadIndex(es.mentions, es.list, x.rules.Lists[rules.ListSpeakerPreps].Has)
	}
	return es.byHead
}

// containsWords reports whether every word of b is a word of a, ignoring
// case: the law professor at West Virginia University / law professor.
func containsWords(a, b string) bool {
	if isASCII(a) && isASCII(b) {
		// the words compared in place: in ASCII, equal lower-case forms
		// are equal under EqualFold
		for w := range strings.FieldsSeq(b) {
			found := false
			for v := range strings.FieldsSeq(a) {
				if found = strings.EqualFold(v, w); found {
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	ws := strings.Fields(strings.ToLower(a))
	for _, w := range strings.Fields(strings.ToLower(b)) {
		if !slices.Contains(ws, w) {
			return false
		}
	}
	return true
}

// headOf returns the lower-case head noun of a descriptor: its last word
// before a phrase (the mayor of Springfield → mayor).
func (x *Extractor) headOf(toks []rules.Token, s rules.Span) string {
	preps := x.rules.Lists[rules.ListSpeakerPreps]
	end := s.End
	for k := s.Start + 1; k < s.End; k++ {
		if x.rules.InList(preps, &toks[k]) {
			end = k
			break
		}
	}
	return toks[end-1].Lower
}

// ageAntecedent returns, for a descriptor whose head is an age (the
// 56-year-old), the person last spoken of before offset at, else nil.
func (x *Extractor) ageAntecedent(a *analysis, head string, at int) *entity {
	if !isDigitStart(head) {
		return nil
	}
	return x.antecedent(a, at, "", true)
}

// maxAntecedents bounds how many earlier names a pronoun looks back at.
const maxAntecedents = 200

// antecedent finds the nearest person before offset at compatible with
// gender g ("" for any): a person named in the text, or, unless
// personOnly, the speaker of a quote whose name could be a person's. An
// organisation (see orgShaped) is never one.
func (x *Extractor) antecedent(a *analysis, at int, g string, personOnly bool) *entity {
	ms := a.ents.mentions
	last := sort.Search(len(ms), func(i int) bool { return ms[i].start >= at })
	// look back at most maxAntecedents names, so that resolving a pronoun
	// costs no more in a long document
	for i := last - 1; i >= 0 && i >= last-maxAntecedents; i-- {
		m := ms[i]
		e := m.ent
		if e.org || !e.person && (personOnly || e.quotes == 0) {
			continue
		}
		if g != "" && e.gender != "" && e.gender != g {
			continue
		}
		return e
	}
	return nil
}

// speakerTable lists the entities that spoke or carry a title.
func (a *analysis) speakerTable() []Speaker {
	if a.ents == nil {
		return nil
	}
	keep := func(e *entity) bool { return e.rows > 0 || e.said > 0 || len(e.titles) > 0 }
	n := 0 // the table sized once, not grown
	for _, e := range a.ents.list {
		if keep(e) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Speaker, 0, n)
	for _, e := range a.ents.list {
		if !keep(e) {
			continue
		}
		out = append(out, Speaker{Name: e.name, Titles: e.titles, Aliases: e.aliases, Quotes: e.rows, Gender: e.gender, Mentions: e.n, Reported: e.said})
	}
	return out
}
