package extract

import (
	"slices"
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
// of Springfield → mayor): for each head, the indexes of the mentions
// whose entity has a title with that head, in order.
type headIndex struct {
	ids   map[string]int32 // a head → its number
	names []string         // by number, the heads
	lists [][]int          // by number, the mentions' indexes
}

// of returns the indexes of the mentions whose entity has a title with
// the head noun head, in order.
func (hx *headIndex) of(head string) []int {
	if n, ok := hx.ids[head]; ok {
		return hx.lists[n]
	}
	return nil
}

// newHeadIndex builds the headIndex of mentions, whose entities are ents
// (an entity of a mention that is not in ents gets its heads too). The
// heads are numbered once per title (headsOf), and each entity keeps its
// heads' numbers, so that a mention costs no look-up of its entity or its
// heads in a map; the lists share one array, sized by a first pass: grown
// by append, they made three times their size in garbage, late in the
// document when its heap is at its largest.
func newHeadIndex(mentions []nameMention, ents []*entity, prep func(string) bool) *headIndex {
	hx := &headIndex{}
	hx.headsOf(ents, prep)
	total := 0
	for _, m := range mentions {
		if !m.ent.headed {
			hx.headsOf([]*entity{m.ent}, prep) // an entity not in ents
		}
		total += len(m.ent.heads)
	}
	// the counts by head, then the lists, in one array
	buf := make([]int, len(hx.names)+total)
	counts, buf := buf[:len(hx.names)], buf[len(hx.names):]
	for _, m := range mentions {
		for _, h := range m.ent.heads {
			counts[h]++
		}
	}
	hx.lists = make([][]int, len(hx.names))
	for h, n := range counts {
		hx.lists[h], buf = buf[:0:n], buf[n:]
	}
	for i, m := range mentions {
		for _, h := range m.ent.heads {
			hx.lists[h] = append(hx.lists[h], i)
		}
	}
	return hx
}

// headsOf gives every entity of ents the numbers of the head nouns of its
// titles (see headWord), each once, in the order of the titles, numbering
// the heads not seen before. The titles are lowered into one string and
// the heads are slices of it, the entities' lists slices of one array:
// lowered one by one, with a list of its own for each entity, they made
// most of the garbage of the index.
func (hx *headIndex) headsOf(ents []*entity, prep func(string) bool) {
	n, titles, ascii := 0, 0, true
	for _, e := range ents {
		for _, t := range e.titles {
			n += len(t)
			titles++
			ascii = ascii && isASCII(t)
		}
	}
	if titles == 0 {
		for _, e := range ents {
			e.heads, e.headed = nil, true
		}
		return
	}
	if hx.ids == nil {
		hx.ids = make(map[string]int32, titles)
		hx.names = make([]string, 0, titles)
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
	all := make([]int32, 0, titles)
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
			if h == "" {
				continue
			}
			id, ok := hx.ids[h]
			if !ok {
				id = int32(len(hx.names))
				hx.ids[h] = id
				hx.names = append(hx.names, h)
			}
			if !slices.Contains(all[from:], id) {
				all = append(all, id)
			}
		}
		e.heads, e.headed = nil, true
		if len(all) > from {
			e.heads = all[from:len(all):len(all)]
		}
	}
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
	for j, i := range es.byHead.of(head) {
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
