package extract

import (
	"strings"
)

// keyEntry is the entity table's entry of one key (the key of the last
// word of a name, see nameWords): the entities of that key in the order
// made, and the entity of the latest mention noted with the key. latest
// stands for a scan back over all earlier mentions for every one-word
// name, which made entity resolution quadratic in a long document; kept
// in the entry, it costs no map look-up or assignment of its own.
type keyEntry struct {
	ents   []*entity
	latest *entity
}

// entry returns the entry of key, made empty if there is none.
func (es *entities) entry(key string) *keyEntry {
	ke := es.byKey[key]
	if ke == nil {
		ke = es.arena.newKey()
		es.byKey[key] = ke
	}
	return ke
}

// rebuildLatest indexes the mentions' latest entities afresh, by their
// entities' keys, after the mentions were reordered.
func (es *entities) rebuildLatest() {
	for _, ke := range es.byKey {
		ke.latest = nil
	}
	for _, m := range es.mentions {
		es.entry(m.ent.key).latest = m.ent
	}
}

// headIndex indexes mentions by the head nouns of their entity's titles
// (the last word before a word that opens a phrase, as prep tells: mayor
// of Springfield → mayor):
// for each head, the indexes of the mentions whose entity has a title with
// that head, in order. The lists share one array, sized by a first pass:
// grown by append, they made three times their size in garbage, late in
// the document when its heap is at its largest. The maps are sized by
// ents, the document's entities, and their titles (grown entry by entry,
// they cost a third of the index).
func headIndex(mentions []nameMention, ents []*entity, prep func(string) bool) map[string][]int {
	memo := lowHeads(ents, prep)
	count := make(map[string]int, len(memo))
	total := 0
	for _, m := range mentions {
		hs, ok := memo[m.ent]
		if !ok {
			hs = titleHeads(memo, m.ent, prep) // an entity not in ents
		}
		for _, h := range hs {
			count[h]++
			total++
		}
	}
	idx := make(map[string][]int, len(count))
	buf := make([]int, total)
	for h, n := range count {
		idx[h], buf = buf[:0:n], buf[n:]
	}
	for i, m := range mentions {
		for _, h := range memo[m.ent] {
			idx[h] = append(idx[h], i)
		}
	}
	return idx
}

// lowHeads returns the head nouns of the titles of every entity of ents,
// as titleHeads gives them, by entity. The titles are lowered into one
// string and the heads are slices of it, their lists slices of one array:
// lowered one by one, with a list of its own for each entity, they made
// most of the garbage of the index.
func lowHeads(ents []*entity, prep func(string) bool) map[*entity][]string {
	n, titles, ascii := 0, 0, true
	for _, e := range ents {
		for _, t := range e.titles {
			n += len(t)
			titles++
			ascii = ascii && isASCII(t)
		}
	}
	memo := make(map[*entity][]string, len(ents))
	if titles == 0 {
		return memo
	}
	// the lowered titles' ends, unless lowering keeps every length (ASCII)
	var ends []int
	if !ascii {
		ends = make([]int, 0, titles)
	}
	var b strings.Builder
	b.Grow(n)
	for _, e := range ents {
		for _, t := range e.titles {
			if isASCII(t) {
				for i := 0; i < len(t); i++ {
					c := t[i]
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					b.WriteByte(c)
				}
			} else {
				b.WriteString(strings.ToLower(t))
			}
			if ends != nil {
				ends = append(ends, b.Len())
			}
		}
	}
	low := b.String()
	all := make([]string, 0, titles)
	p, k := 0, 0
	for _, e := range ents {
		from := len(all)
		for _, t := range e.titles {
			end := p + len(t)
			if ends != nil {
				end = ends[k]
			}
			h := headWord(low[p:end], prep)
			p, k = end, k+1
			if h != "" && !containsString(all[from:], h) {
				all = append(all, h)
			}
		}
		if len(all) > from {
			memo[e] = all[from:len(all):len(all)]
		} else {
			memo[e] = nil
		}
	}
	return memo
}

// headWord returns the head noun of the lower-case title t: its last word
// before a word that opens a phrase (prep), or "".
func headWord(t string, prep func(string) bool) string {
	last, k := "", 0
	for w := range strings.FieldsSeq(t) {
		if k > 0 && prep(w) {
			break
		}
		last, k = w, k+1
	}
	return last
}

// titleHeads returns the head nouns (last words, lower case) of the titles
// of e, each once, in the order of the titles, memoised in memo: an entity
// has many mentions, and its titles are split once.
func titleHeads(memo map[*entity][]string, e *entity, prep func(string) bool) []string {
	if hs, ok := memo[e]; ok {
		return hs
	}
	var hs []string
	for _, t := range e.titles {
		if last := headWord(strings.ToLower(t), prep); last != "" && !containsString(hs, last) {
			hs = append(hs, last)
		}
	}
	memo[e] = hs
	return hs
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// holding returns the positions in es.byHead[head], in order, of the
// mentions whose entity has a title that holds every word of mods (see
// titleHolds), memoised by head and mods: a scan of the mentions back from
// every descriptor made resolution quadratic in a long document. The
// titles are complete when resolution asks (buildEntities gave them).
func (es *entities) holding(head string, mods []string) []int {
	key := head + "\x00" + strings.Join(mods, "\x00")
	if js, ok := es.holds[key]; ok {
		return js
	}
	if es.holds == nil {
		es.holds = map[string][]int{}
	}
	memo := map[*entity]bool{}
	var js []int
	for j, i := range es.byHead[head] {
		e := es.mentions[i].ent
		ok, seen := memo[e]
		if !seen {
			ok = titleHolds(e, mods)
			memo[e] = ok
		}
		if ok {
			js = append(js, j)
		}
	}
	es.holds[key] = js
	return js
}

// maxKeptKeys is the most keys an entity index may hold and still be kept
// for the next document: a larger one (a long document's) is dropped, so
// that clearing it does not cost every short document after it.
const maxKeptKeys = 4096

// entityIndex returns the scratch's index of entities by key (see
// entities.byKey), empty: a map reused from document to document, which
// spares each document the growth of its own. The entities of the last
// document it indexed are released here, not at release.
func (sc *scratch) entityIndex() map[string]*keyEntry {
	if sc.byKey == nil || len(sc.byKey) > maxKeptKeys {
		sc.byKey = map[string]*keyEntry{}
	} else {
		clear(sc.byKey)
	}
	return sc.byKey
}
