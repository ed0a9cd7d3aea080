package extract

import (
	"slices"
	"sort"
	"strings"
)

// maxTitleScans bounds the look-ups that byTitleScan makes in a
// document, each a pass over its entities (and over its mentions when
// one has a title of the head): the next look-up builds the head index,
// whose look-ups cost no pass, so that the work stays linear in the
// document's length.
const maxTitleScans = 8

// byTitleScan is byTitle without the head index (es.byHead, which it
// neither needs nor builds): the statements' speakers of a document whose
// quotes asked no descriptor ask two or three heads, and the index of
// every title's head cost ~13,000 instructions a document for them. The
// entities with a title of the head noun head are found among those of
// the table (titleHasHead), then their mentions in one pass, and the
// nearest is chosen among them as byTitle does. Every mention's entity is
// one of the table's (linkEntry makes them all).
func byTitleScan(es *entities, head string, at int, prep func(string) bool) *entity {
	var ebuf [8]*entity
	has := ebuf[:0] // (few: most entities have no title)
	for _, e := range es.list {
		if len(e.titles) > 0 && titleHasHead(e.titles, head, prep) {
			has = append(has, e)
		}
	}
	if len(has) == 0 {
		return nil
	}
	var buf [32]int
	idx := buf[:0] // what es.byHead.of(head) would hold
	for i := range es.mentions {
		if slices.Contains(has, es.mentions[i].ent) {
			idx = append(idx, i)
		}
	}
	return es.nearest(idx, at)
}

// nearest returns the entity of the mention of idx (indexes of es.mentions,
// in order) nearest before byte offset at, else the first after it, or nil.
func (es *entities) nearest(idx []int, at int) *entity {
	k := sort.Search(len(idx), func(j int) bool { return es.mentions[idx[j]].start >= at })
	if k > 0 {
		return es.mentions[idx[k-1]].ent
	}
	if k < len(idx) {
		return es.mentions[idx[k]].ent
	}
	return nil
}

// titleHasHead reports whether one of titles has the head noun head (the
// lower-case word that headsOf gives it, see headWord): an ASCII title
// that does not hold head, ignoring case, cannot (its head is one of its
// words, lowered byte by byte), and is not lowered.
func titleHasHead(titles []string, head string, prep func(string) bool) bool {
	for _, t := range titles {
		if isASCII(t) && !foldHolds(t, head) {
			continue
		}
		if headWord(strings.ToLower(t), prep) == head {
			return true
		}
	}
	return false
}

// foldHolds reports whether the ASCII string t holds the lower-case
// string w, with t's letters A to Z taken as lower-case: w's first byte is
// looked for in both cases (strings.IndexByte), the rest compared there.
func foldHolds(t, w string) bool {
	if len(w) == 0 {
		return true
	}
	c, u := w[0], w[0]
	if 'a' <= c && c <= 'z' {
		u = c - ('a' - 'A')
	}
	for i := 0; i+len(w) <= len(t); i++ {
		s := t[i : len(t)-len(w)+1] // (where w may start)
		k := strings.IndexByte(s, c)
		if u != c {
			if ku := strings.IndexByte(s, u); ku >= 0 && (k < 0 || ku < k) {
				k = ku
			}
		}
		if k < 0 {
			return false
		}
		i += k
		j := 1
		for j < len(w) && lowerByte(t[i+j]) == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// lowerByte returns c lowered if it is a letter A to Z.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
