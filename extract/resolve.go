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
	words   []string
	titles  []string
	aliases []string
	gender  string
	quotes  int
	said    int // statements of reported speech
	person  bool
	n       int // mentions
}

// nameMention is a name found in the text, bound to its entity.
type nameMention struct {
	start, end int // byte offsets
	ent        *entity
}

// entities is the document's entity table.
type entities struct {
	list     []*entity
	byKey    map[string][]*entity
	mentions []nameMention    // in text order
	byHead   map[string][]int // title head noun → indexes of mentions, made by byTitle
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

func (e *entity) addTitle(t string) {
	t = strings.TrimSpace(strings.Trim(t, ", "))
	if t == "" {
		return
	}
	for _, x := range e.titles {
		if strings.EqualFold(x, t) {
			return
		}
	}
	e.titles = append(e.titles, t)
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
// determiners and possessives, the lower-case form of its last word (the
// entity key, see link), and the gender its honorific gives.
func (x *Extractor) nameWords(toks []rules.Token, s rules.Span) ([]string, string, string) {
	hon, det := x.l.hon, x.l.det
	var ws []string
	key, gender := "", ""
	for i := s.Start; i < s.End; i++ {
		t := &toks[i]
		if t.Kind != rules.Word {
			continue
		}
		if x.rules.InList(hon, t) {
			if g := hon.Attrs[t.Lower]; g != "" {
				gender = g
			}
			continue
		}
		if i == s.Start && x.rules.InList(det, t) {
			continue
		}
		if t.Lower == "’s" || t.Lower == "'s" {
			continue
		}
		ws = append(ws, t.Text)
		key = t.Lower // strings.ToLower(t.Text), made by the tokenizer
	}
	return ws, key, gender
}

// link finds or creates the entity of a name with the given words, whose
// last word has the lower-case form key; full is the words joined by
// spaces.
func (es *entities) link(ws []string, key, full string) *entity {
	cands := es.byKey[key]
	if len(ws) >= 2 {
		for _, e := range cands {
			if strings.EqualFold(e.name, full) {
				return e
			}
		}
		// a single-word entity with this key gets the full name
		for _, e := range cands {
			if len(e.words) == 1 || strings.EqualFold(e.words[0], ws[0]) {
				if len(ws) > len(e.words) {
					e.addAlias(e.name)
					e.name, e.words = full, ws
				}
				return e
			}
		}
	} else if len(cands) > 0 {
		// the most recently mentioned entity with this last name
		best := cands[0]
		for i := len(es.mentions) - 1; i >= 0; i-- {
			m := es.mentions[i]
			if m.ent != nil && strings.EqualFold(m.ent.words[len(m.ent.words)-1], ws[0]) {
				best = m.ent
				break
			}
		}
		return best
	}
	e := &entity{name: full, words: ws, titles: []string{}, aliases: []string{}}
	es.list = append(es.list, e)
	es.byKey[key] = append(es.byKey[key], e)
	return e
}

func (x *Extractor) titleText(toks []rules.Token, s rules.Span) string {
	for s.Len() > 0 && (x.rules.InList(x.l.det, &toks[s.Start]) || toks[s.Start].Kind == rules.Punct) {
		s.Start++
	}
	for s.Len() > 0 && toks[s.End-1].Kind == rules.Punct {
		s.End--
	}
	return spanText(toks, s)
}

// buildEntities finds every name in the document and groups them.
func (x *Extractor) buildEntities(a *analysis) {
	es := &entities{byKey: map[string][]*entity{}, mentions: a.sc.mentions[:0]}
	a.ents = es
	det := x.l.det
	for si := range a.sents[:a.nsents] {
		st := &a.sents[si]
		toks := st.toks
		for i := 0; i < len(toks); {
			t := &toks[i]
			if t.Kind != rules.Word || !(t.Cap || x.rules.InList(det, t) || x.rules.IsTitleWord(*t)) {
				i++
				continue
			}
			sps := st.speakers(x.rules, i)
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
				ws, key, g := x.nameWords(toks, sp.Mention)
				if len(ws) == 0 || isCoordinated(ws) {
					continue
				}
				full := strings.Join(ws, " ")
				e := es.link(ws, key, full)
				if g == "" && len(ws) >= 2 {
					g = x.rules.Lists[rules.ListFirstNames].Attrs[strings.ToLower(ws[0])]
				}
				if g != "" && e.gender == "" {
					e.gender = g
					e.person = true
				}
				if sp.Title.Len() > 0 {
					if tt := x.titleText(toks, sp.Title); tt != "" {
						e.addTitle(tt)
						e.person = true
					}
				}
				if len(ws) >= 2 {
					e.person = e.person || looksPersonal(ws)
				}
				e.addAlias(full)
				e.n++
				es.mentions = append(es.mentions, nameMention{toks[sp.Mention.Start].Start, toks[sp.Mention.End-1].End, e})
				if sp.Span.End > next {
					next = sp.Span.End
				}
			}
			// a descriptor followed by an appositive name: Trump’s special envoy, Steve Witkoff
			if desc >= 0 {
				for _, sp := range sps {
					if sp.Type == rules.DescriptorMention {
						x.appositiveTitle(es, st, sp)
						next = max(next, sp.Span.End)
					}
				}
			}
			i = max(next, i+1)
		}
	}
	// found in text order but for a few (a name inside a longer phrase)
	byStart := func(m, n nameMention) int { return cmp.Compare(m.start, n.start) }
	if !slices.IsSortedFunc(es.mentions, byStart) {
		slices.SortStableFunc(es.mentions, byStart)
	}
}

// appositiveTitle gives the name after a descriptor the descriptor's title:
// Trump’s special envoy, Steve Witkoff → special envoy, Trump’s special envoy.
func (x *Extractor) appositiveTitle(es *entities, st *sentence, d rules.SpeakerPhrase) {
	toks := st.toks
	if d.Span.End+1 >= len(toks) || toks[d.Span.End].Text != "," {
		return
	}
	for _, sp := range st.speakers(x.rules, d.Span.End+1) {
		if sp.Type != rules.NameMention {
			continue
		}
		ws, key, _ := x.nameWords(toks, sp.Mention)
		if len(ws) == 0 {
			return
		}
		e := es.link(ws, key, strings.Join(ws, " "))
		tt := x.titleText(toks, d.Title)
		e.addTitle(tt)
		if p := d.Title.Start - 1; p > d.Span.Start && isPossessiveTok(toks[p]) {
			e.addTitle(toks[p-1].Text + toks[p].Text + " " + tt)
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

func isPossessiveTok(t rules.Token) bool {
	return t.Lower == "’s" || t.Lower == "'s"
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
							at.explain = nil
						}
						break
					}
				}
			}
			continue
		}
		x.resolveSpeaker(a, at, prevSpeakers)
		if at.ent != nil {
			at.ent.quotes++
			at.ent.person = at.ent.person || at.m.Speaker.Type == rules.PronounMention
			if len(at.ent.titles) > 0 {
				at.title = at.ent.titles[0]
			}
			prevSpeakers = append(prevSpeakers, at.ent)
		}
	}
}

// resolveSpeaker gives the attribution at its speaker, status and title:
// the entity of its mention (a name, a definite descriptor, a pronoun's
// antecedent, or for I, we, they the last of prevSpeakers, the speakers of
// the quotes before it).
func (x *Extractor) resolveSpeaker(a *analysis, at *attrib, prevSpeakers []*entity) {
	det := x.rules.Lists[rules.ListDeterminers]
	pron := x.rules.Lists[rules.ListPronouns]
	sp := at.m.Speaker
	toks := a.sents[at.sent].toks
	mention := spanText(toks, sp.Mention)
	switch sp.Type {
	case rules.NameMention:
		ws, key, _ := x.nameWords(toks, sp.Mention)
		e := a.ents.atStart(toks[sp.Mention.Start].Start)
		if isCoordinated(ws) {
			e = nil // two speakers: Dovere and Debenedetti
		} else if e == nil && len(ws) > 0 {
			e = a.ents.link(ws, key, strings.Join(ws, " "))
		}
		if e != nil {
			at.ent = e
			at.speaker = e.name
			at.status = "attributed"
			if !strings.EqualFold(strings.Join(ws, " "), e.name) {
				at.status = "resolved"
			}
		} else {
			at.speaker, at.status = mention, "attributed"
		}
	case rules.DescriptorMention:
		first := toks[sp.Mention.Start].Lower
		plural := x.isPlural(toks[sp.Mention.End-1].Lower)
		definite := !plural && (first == "the" || !det.Has(first))
		at.speaker, at.status = mention, "attributed"
		if definite {
			if e := x.byTitleMods(a, toks, sp.Mention); e != nil {
				at.ent, at.speaker, at.status = e, e.name, "resolved"
			} else if first == "the" {
				at.status = "unresolved"
			}
		}
		if at.ent == nil {
			at.title = x.titleText(toks, sp.Title)
		}
	case rules.PronounMention:
		g := pron.Attrs[toks[sp.Mention.Start].Lower]
		at.speaker, at.status = "", "unresolved"
		if g == "m" || g == "f" {
			if e := x.antecedent(a, toks[sp.Mention.Start].Start, g); e != nil {
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
}

func (x *Extractor) isPlural(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && x.rules.Lists[rules.ListPersonNouns].Has(w) &&
		!x.rules.Lists[rules.ListPersonNouns].Has(strings.TrimSuffix(w, "s")+"ss")
}

// byTitleMods is byTitle for the descriptor toks[m]: of the entities with
// its head noun, the nearest whose title also holds the descriptor's other
// words (The US president → US President, not Russian President), else the
// nearest.
func (x *Extractor) byTitleMods(a *analysis, toks []rules.Token, m rules.Span) *entity {
	head, at := toks[m.End-1].Lower, toks[m.Start].Start
	e := x.byTitle(a, head, at)
	var mods []string
	for i := m.Start; i < m.End-1; i++ {
		if t := &toks[i]; t.Kind == rules.Word && !x.rules.InList(x.l.det, t) {
			mods = append(mods, t.Lower)
		}
	}
	if e == nil || len(mods) == 0 || titleHolds(e, mods) {
		return e
	}
	idx := a.ents.byHead[head]
	k := sort.Search(len(idx), func(j int) bool { return a.ents.mentions[idx[j]].start >= at })
	for j := k - 1; j >= 0; j-- {
		if c := a.ents.mentions[idx[j]].ent; titleHolds(c, mods) {
			return c
		}
	}
	for j := k; j < len(idx); j++ {
		if c := a.ents.mentions[idx[j]].ent; titleHolds(c, mods) {
			return c
		}
	}
	return e
}

// titleHolds reports whether one of e's titles holds every word of mods.
func titleHolds(e *entity, mods []string) bool {
	for _, t := range e.titles {
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
	if es.byHead == nil {
		// index the mentions by the head nouns of their entity's titles, once
		es.byHead = map[string][]int{}
		for i, m := range es.mentions {
			seen := map[string]bool{}
			for _, t := range m.ent.titles {
				ws := strings.Fields(strings.ToLower(t))
				if len(ws) > 0 && !seen[ws[len(ws)-1]] {
					seen[ws[len(ws)-1]] = true
					es.byHead[ws[len(ws)-1]] = append(es.byHead[ws[len(ws)-1]], i)
				}
			}
		}
	}
	idx := es.byHead[head]
	k := sort.Search(len(idx), func(j int) bool { return es.mentions[idx[j]].start >= at })
	if k > 0 {
		return es.mentions[idx[k-1]].ent
	}
	if k < len(idx) {
		return es.mentions[idx[k]].ent
	}
	return nil
}

// maxAntecedents bounds how many earlier names a pronoun looks back at.
const maxAntecedents = 200

// antecedent finds the nearest person before offset at compatible with
// gender g: a person named in the text, or the speaker of a quote.
func (x *Extractor) antecedent(a *analysis, at int, g string) *entity {
	ms := a.ents.mentions
	last := sort.Search(len(ms), func(i int) bool { return ms[i].start >= at })
	// look back at most maxAntecedents names, so that resolving a pronoun
	// costs no more in a long document
	for i := last - 1; i >= 0 && i >= last-maxAntecedents; i-- {
		m := ms[i]
		e := m.ent
		if !e.person && e.quotes == 0 {
			continue
		}
		if e.gender != "" && e.gender != g {
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
	var out []Speaker
	for _, e := range a.ents.list {
		if e.quotes == 0 && e.said == 0 && len(e.titles) == 0 {
			continue
		}
		out = append(out, Speaker{Name: e.name, Titles: e.titles, Aliases: e.aliases, Quotes: e.quotes, Reported: e.said, Gender: e.gender, Mentions: e.n})
	}
	return out
}
