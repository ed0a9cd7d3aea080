package extract

import (
	"cmp"
	"slices"
	"strings"
)

// CorpusSpeaker is one person or organisation across the documents of a
// folder or corpus: the per-document speakers that name the same person,
// merged.
type CorpusSpeaker struct {
	Name    string   `json:"name"`
	Titles  []string `json:"titles"`
	Aliases []string `json:"aliases"`
	// Quotes is the number of quotations attributed to the person.
	Quotes int `json:"quotes"`
	// Reported is the number of statements of reported speech (kind
	// indirect) attributed to the person.
	Reported int `json:"reported,omitempty"`
	// Documents is the number of documents that name the person; Docs
	// lists their ids in input order.
	Documents int      `json:"documents"`
	Docs      []string `json:"docs"`
}

// SpeakerMerge gathers the speakers of documents and merges one person
// across them: the same full name (case aside) is one person, and a name of
// one word ("Ushakov") joins the fuller name that ends with it or has it as
// an alias ("Yury Ushakov") and whose titles agree best with its own: a
// shared title beats a title that contains another, and a name without
// titles fits any. A short name that fits several people equally well
// stays apart. The zero value is ready to use; it is not safe for
// concurrent use.
type SpeakerMerge struct {
	byKey  map[string]*mergeEntry
	order  []*mergeEntry
	merged bool
}

type mergeEntry struct {
	name     string
	key      string
	titles   []string
	titleN   map[string]int // folded title → count, for the order of titles
	titleKey map[string]string
	aliases  []string
	aliasSet map[string]bool
	quotes   int
	reported int
	docs     []string
	docSet   map[string]bool
	into     *mergeEntry // set when merged into a fuller name
}

// Add adds the speakers of one document.
func (m *SpeakerMerge) Add(d *Document) {
	if m.byKey == nil {
		m.byKey = map[string]*mergeEntry{}
	}
	for i := range d.Speakers {
		s := &d.Speakers[i]
		key := foldName(s.Name)
		if key == "" {
			continue
		}
		// a one-word name is held per document until Speakers decides
		// whom it names: "Trump" may be one person here, another there
		mk := key
		if !strings.Contains(key, " ") {
			mk = key + "\x00" + d.ID
		}
		e := m.byKey[mk]
		if e == nil {
			e = &mergeEntry{name: s.Name, key: key, titleN: map[string]int{}, titleKey: map[string]string{},
				aliasSet: map[string]bool{}, docSet: map[string]bool{}}
			m.byKey[mk] = e
			m.order = append(m.order, e)
		}
		e.add(d.ID, s.Titles, s.Aliases, s.Quotes, s.Reported)
	}
}

func (e *mergeEntry) add(doc string, titles, aliases []string, quotes, reported int) {
	for _, t := range titles {
		k := foldName(t)
		if k == "" {
			continue
		}
		if _, ok := e.titleKey[k]; !ok {
			e.titleKey[k] = t
			e.titles = append(e.titles, t)
		}
		e.titleN[k]++
	}
	for _, a := range aliases {
		k := foldName(a)
		if k == "" || k == e.key || e.aliasSet[k] {
			continue
		}
		e.aliasSet[k] = true
		e.aliases = append(e.aliases, a)
	}
	e.quotes += quotes
	e.reported += reported
	if doc != "" && !e.docSet[doc] {
		e.docSet[doc] = true
		e.docs = append(e.docs, doc)
	}
}

// Speakers returns the merged speakers, the most quoted first (then the
// most documents, then by name). Add after Speakers is not supported.
func (m *SpeakerMerge) Speakers() []CorpusSpeaker {
	if !m.merged {
		m.merge()
		m.merged = true
	}
	var out []CorpusSpeaker
	for _, e := range m.order {
		if e.into != nil {
			continue
		}
		titles := slices.Clone(e.titles)
		slices.SortStableFunc(titles, func(a, b string) int { return e.titleN[foldName(b)] - e.titleN[foldName(a)] })
		out = append(out, CorpusSpeaker{Name: e.name, Titles: nonNil(titles), Aliases: nonNil(slices.Clone(e.aliases)),
			Quotes: e.quotes, Reported: e.reported, Documents: len(e.docs), Docs: nonNil(slices.Clone(e.docs))})
	}
	slices.SortStableFunc(out, func(a, b CorpusSpeaker) int {
		if c := cmp.Compare(b.Quotes, a.Quotes); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Documents, a.Documents); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// merge decides which entries name the same person and folds them into
// one: a full name with middle names or initials into the same first and
// last name ("Donald J. Trump" into "Donald Trump"), then one-word names
// into the fuller name they fit.
func (m *SpeakerMerge) merge() {
	for _, e := range m.order {
		if r := firstLast(e.key); r != e.key {
			if c := m.byKey[r]; c != nil && c.into == nil {
				absorb(c, e)
			}
		}
	}
	// index the fuller names by their last word and by their aliases
	byWord := map[string][]*mergeEntry{}
	for _, e := range m.order {
		if e.into != nil || !strings.Contains(e.key, " ") {
			continue
		}
		last := e.key[strings.LastIndexByte(e.key, ' ')+1:]
		byWord[last] = append(byWord[last], e)
		for a := range e.aliasSet {
			if !strings.Contains(a, " ") && a != last {
				byWord[a] = append(byWord[a], e)
			}
		}
	}
	// decide every one-word name against the fuller names as they are,
	// then fold: the order of the documents does not change a decision
	into := map[*mergeEntry]*mergeEntry{}
	for _, e := range m.order {
		if e.into != nil || strings.Contains(e.key, " ") {
			continue
		}
		if c := bestFit(e, byWord[e.key]); c != nil {
			into[e] = c
		}
	}
	rest := map[string]*mergeEntry{}
	for _, e := range m.order {
		if e.into != nil || strings.Contains(e.key, " ") {
			continue
		}
		if c := into[e]; c != nil {
			absorb(c, e)
		} else if r := rest[e.key]; r != nil {
			// the one-word names left over are one entry per name
			absorb(r, e)
		} else {
			rest[e.key] = e
		}
	}
}

// bestFit returns the candidate whose titles agree best with the short
// name's: the only one at the best level of agreement; at the level of a
// shared title, the one that carries the shared titles at least twice as
// often as any other; when no title decides, the one named in at least
// five times as many documents as any other. It returns nil when none
// stands out.
func bestFit(short *mergeEntry, cands []*mergeEntry) *mergeEntry {
	var fit *mergeEntry
	best, weight, n, second := 0, 0, 0, 0
	for _, c := range cands {
		level, w := titleAgreement(short, c)
		switch {
		case level == 0 || c == fit:
		case level > best:
			fit, best, weight, n, second = c, level, w, 1, 0
		case level == best && w > weight:
			second = weight
			fit, weight = c, w
			n++
		case level == best:
			second = max(second, w)
			n++
		}
	}
	switch {
	case n == 1:
		return fit
	case n > 1 && best == 2 && weight >= 2*second:
		return fit
	case n > 1 && best == 1:
		// no title decides: a bare surname that no document spelt out
		// is, in news, the far better known of the people it fits
		var top *mergeEntry
		most, next := 0, 0
		for _, c := range cands {
			if l, _ := titleAgreement(short, c); l != 1 {
				continue
			}
			if d := len(c.docs); d > most {
				top, most, next = c, d, most
			} else {
				next = max(next, d)
			}
		}
		if most >= 5*next {
			return top
		}
	}
	return nil
}

// absorb folds entry e into c.
func absorb(c, e *mergeEntry) {
	e.into = c
	for _, t := range e.titles {
		k := foldName(t)
		if _, ok := c.titleKey[k]; !ok {
			c.titleKey[k] = t
			c.titles = append(c.titles, t)
		}
		c.titleN[k] += e.titleN[k]
	}
	if e.key != c.key && !c.aliasSet[e.key] {
		c.aliasSet[e.key] = true
		c.aliases = append(c.aliases, e.name)
	}
	for _, a := range e.aliases {
		if k := foldName(a); k != c.key && !c.aliasSet[k] {
			c.aliasSet[k] = true
			c.aliases = append(c.aliases, a)
		}
	}
	c.quotes += e.quotes
	c.reported += e.reported
	for _, d := range e.docs {
		if !c.docSet[d] {
			c.docSet[d] = true
			c.docs = append(c.docs, d)
		}
	}
}

// firstLast is a folded full name of three words or more reduced to its
// first and last ("donald j. trump", "hillary rodham clinton" → "donald
// trump", "hillary clinton"); other keys are returned as they are.
func firstLast(key string) string {
	w := strings.Fields(key)
	if len(w) < 3 {
		return key
	}
	return w[0] + " " + w[len(w)-1]
}

// titleAgreement tells how well a short name's titles fit a fuller
// name's: level 2 when they share titles (weight: how often the fuller name
// carries them), 1 when either has none or a title of one contains a title
// of the other, 0 when they disagree.
func titleAgreement(short, full *mergeEntry) (level, weight int) {
	if len(short.titleKey) == 0 || len(full.titleKey) == 0 {
		return 1, 0
	}
	for a := range short.titleKey {
		if _, ok := full.titleKey[a]; ok {
			weight += full.titleN[a]
		}
	}
	if weight > 0 {
		return 2, weight
	}
	for a := range short.titleKey {
		for b := range full.titleKey {
			if strings.Contains(a, b) || strings.Contains(b, a) {
				return 1, 0
			}
		}
	}
	return 0, 0
}

// Canonical returns the merged name of the speaker called name in
// document doc, or name itself when it is not known. It is meant for after
// Speakers, which decides the merges.
func (m *SpeakerMerge) Canonical(doc, name string) string {
	key := foldName(name)
	e := m.byKey[key]
	if !strings.Contains(key, " ") {
		e = m.byKey[key+"\x00"+doc]
	}
	if e == nil {
		return name
	}
	for e.into != nil {
		e = e.into
	}
	return e.name
}

// foldName is a name or title compared without case and with its spaces
// collapsed.
func foldName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
