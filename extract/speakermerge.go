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
	// Documents is the number of documents that name the person; Docs
	// lists their ids in input order.
	Documents int      `json:"documents"`
	Docs      []string `json:"docs"`
}

// SpeakerMerge gathers the speakers of documents and merges one person
// across them: the same full name (case aside) is one person, and a name of
// one word ("Ushakov") joins the only fuller name that ends with it or has
// it as an alias ("Yury Ushakov") and whose titles agree with its own. A
// short name that fits several people stays apart. The zero value is ready
// to use; it is not safe for concurrent use.
type SpeakerMerge struct {
	byKey map[string]*mergeEntry
	order []*mergeEntry
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
		e.add(d.ID, s.Titles, s.Aliases, s.Quotes)
	}
}

func (e *mergeEntry) add(doc string, titles, aliases []string, quotes int) {
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
	if doc != "" && !e.docSet[doc] {
		e.docSet[doc] = true
		e.docs = append(e.docs, doc)
	}
}

// Speakers returns the merged speakers, the most quoted first (then the
// most documents, then by name).
func (m *SpeakerMerge) Speakers() []CorpusSpeaker {
	// index the fuller names by their last word and by their aliases
	byWord := map[string][]*mergeEntry{}
	for _, e := range m.order {
		if !strings.Contains(e.key, " ") {
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
	for _, e := range m.order {
		if strings.Contains(e.key, " ") {
			continue
		}
		var fit *mergeEntry
		n := 0
		for _, c := range byWord[e.key] {
			if titlesAgree(e, c) {
				fit = c
				n++
			}
		}
		if n == 1 {
			e.into = fit
		}
	}
	// the one-word names left over are one entry per name
	rest := map[string]*mergeEntry{}
	for _, e := range m.order {
		if e.into != nil || strings.Contains(e.key, " ") {
			continue
		}
		if r := rest[e.key]; r != nil {
			e.into = r
		} else {
			rest[e.key] = e
		}
	}
	for _, e := range m.order {
		if e.into == nil {
			continue
		}
		c := e.into
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
		for _, d := range e.docs {
			if !c.docSet[d] {
				c.docSet[d] = true
				c.docs = append(c.docs, d)
			}
		}
	}
	var out []CorpusSpeaker
	for _, e := range m.order {
		if e.into != nil {
			continue
		}
		titles := slices.Clone(e.titles)
		slices.SortStableFunc(titles, func(a, b string) int { return e.titleN[foldName(b)] - e.titleN[foldName(a)] })
		out = append(out, CorpusSpeaker{Name: e.name, Titles: nonNil(titles), Aliases: nonNil(slices.Clone(e.aliases)),
			Quotes: e.quotes, Documents: len(e.docs), Docs: nonNil(slices.Clone(e.docs))})
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

// titlesAgree reports whether a short name's titles fit a fuller name's:
// either has none, or one title of each is the same or contains the other.
func titlesAgree(short, full *mergeEntry) bool {
	if len(short.titleKey) == 0 || len(full.titleKey) == 0 {
		return true
	}
	for a := range short.titleKey {
		for b := range full.titleKey {
			if a == b || strings.Contains(a, b) || strings.Contains(b, a) {
				return true
			}
		}
	}
	return false
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
