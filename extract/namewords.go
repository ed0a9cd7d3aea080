package extract

import (
	"strings"

	"github.com/whosaid/whosaid/rules"
)

// nameWordsInto is nameWords with the words appended to buf[:0], so that
// the entity table's loop reuses one buffer for every mention instead of
// allocating the words of each (link copies them when an entity keeps
// them). It also returns the lower-case form of the first word, which the
// tokenizer made (the key of the first-names list), and the offsets of
// the first word's start and the last word's end (see joinWords).
func (x *Extractor) nameWordsInto(buf []string, toks []rules.Token, s rules.Span) (ws []string, key, gender, first string, from, to int) {
	hon, det := x.lists.hon, x.lists.det
	ws = buf[:0]
	fi, li := -1, -1 // the first and the last word kept (few values live across the calls)
	for i := s.Start; i < s.End; i++ {
		t := &toks[i]
		if t.Kind != rules.Word {
			continue
		}
		if drop, isHon := x.rules.NameWordDrop(hon, det, t, i == s.Start); drop {
			if isHon {
				if g := hon.Attr(t.Lower); g != "" {
					gender = g
				}
			}
			continue
		}
		if fi < 0 {
			fi = i
		}
		li = i
		ws = append(ws, t.Text)
	}
	if li < 0 {
		return ws, "", gender, "", 0, 0
	}
	first, from, to = toks[fi].Lower, int(toks[fi].Start), int(toks[li].End)
	key = toks[li].Lower // strings.ToLower(t.Text), made by the tokenizer
	if key != "" {
		key = x.rules.Language.NameKey(key)
	}
	return ws, key, gender, first, from, to
}

// joinWords returns ws joined by spaces, as strings.Join does: sliced from
// view[from:to] when the words stand so there (a name as written, the
// most of them), else joined afresh.
func joinWords(view string, from, to int, ws []string) string {
	if len(ws) == 1 {
		return ws[0]
	}
	if 0 <= from && from <= to && to <= len(view) {
		v, p := view[from:to], 0
		for k, w := range ws {
			if !strings.HasPrefix(v[p:], w) {
				break
			}
			p += len(w)
			if k == len(ws)-1 {
				if p == len(v) {
					return v
				}
				break
			}
			if p >= len(v) || v[p] != ' ' {
				break
			}
			p++
		}
	}
	return strings.Join(ws, " ")
}

// entityArena hands out the entities of one document, and the words they
// keep, from chunks: one allocation for several entities instead of one
// for each entity and one for its words. A chunk stays alive while one of
// its entities does, which is the document's entity table.
type entityArena struct {
	ents  []entity
	words []string
	ptrs  []*entity // the first entity of each key in byKey
	keys  []keyEntry
}

// Chunk sizes of entityArena: the first chunk of a document is small (most
// documents name a few dozen entities), each next one twice the last, up
// to the cap.
const (
	arenaFirst = 8
	arenaMax   = 128
)

// nextChunk returns the size of the chunk after one of capacity c.
func nextChunk(c int) int {
	return min(arenaMax, max(arenaFirst, 2*c))
}

// newEntity returns a zero entity.
func (ar *entityArena) newEntity() *entity {
	if len(ar.ents) == cap(ar.ents) {
		ar.ents = make([]entity, 0, nextChunk(cap(ar.ents)))
	}
	ar.ents = ar.ents[:len(ar.ents)+1]
	return &ar.ents[len(ar.ents)-1]
}

// newKey returns a zero key entry.
func (ar *entityArena) newKey() *keyEntry {
	if len(ar.keys) == cap(ar.keys) {
		ar.keys = make([]keyEntry, 0, nextChunk(cap(ar.keys)))
	}
	ar.keys = ar.keys[:len(ar.keys)+1]
	return &ar.keys[len(ar.keys)-1]
}

// keep returns a copy of ws that an entity may keep (ws may be a reused
// buffer), with no room to append into the next copy.
func (ar *entityArena) keep(ws []string) []string {
	n := len(ws)
	if cap(ar.words)-len(ar.words) < n {
		ar.words = make([]string, 0, max(n, nextChunk(cap(ar.words))))
	}
	k := len(ar.words)
	ar.words = append(ar.words, ws...)
	return ar.words[k : k+n : k+n]
}

// add returns es with e appended; the first entity of a key gets a slice
// of one from a chunk, with no room left, so that a second one is
// appended to a copy as before.
func (ar *entityArena) add(es []*entity, e *entity) []*entity {
	if len(es) > 0 {
		return append(es, e)
	}
	if len(ar.ptrs) == cap(ar.ptrs) {
		ar.ptrs = make([]*entity, 0, nextChunk(cap(ar.ptrs)))
	}
	k := len(ar.ptrs)
	ar.ptrs = append(ar.ptrs, e)
	return ar.ptrs[k : k+1 : k+1]
}
