package extract

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DedupeMinWords is the fewest words a quotation needs to be matched with
// another one: a short phrase (“very useful”, a scare-quoted word) recurs
// in unrelated articles, a sentence of three words or more seldom does.
const DedupeMinWords = 3

// Deduper finds repeated quotations: a pull quote or a repeated headline
// inside a document, and the copies of a syndicated article across
// documents. Two records repeat each other when their quotations are the
// same once normalised (letters and digits only, lower-cased, one space
// between words) and hold at least DedupeMinWords words.
//
// Feed it the documents in output order (Run's emit gives them in input
// order whatever the number of workers): the first occurrence is the one
// seen first, so the result is the same for any number of workers. Its
// state is, per distinct quotation, a hash and where it was first seen
// (about 100 bytes, the document id shared by its quotations), never the
// text. A Deduper is not safe for concurrent use.
type Deduper struct {
	first map[[16]byte]dupSite // hash of the normalised quotation → its first occurrence
	// seeds of the two 64-bit halves of the hash (see key): random, as
	// only equal hashes matter, never their values
	seeds [2]maphash.Seed
	// buf, keys and local are scratch space of Mark
	buf   []byte
	keys  []dupKey
	local map[[16]byte]int
}

// dupKey is the hash of a record's normalised quotation; ok is false when
// the quotation is too short to be matched.
type dupKey struct {
	key [16]byte
	ok  bool
}

// dupSite is where a quotation was first seen: its document's id and its
// record's id.
type dupSite struct{ doc, id string }

// NewDeduper returns a Deduper that has seen nothing.
func NewDeduper() *Deduper {
	return &Deduper{first: map[[16]byte]dupSite{}, seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
}

// DupRef is the reference that a record's DupOf holds: the document's id
// and the record's id joined by '#' (the record id never holds one, so
// the last '#' splits it).
func DupRef(doc, id string) string { return doc + "#" + id }

// Mark sets the DupOf of each record of doc that repeats another one to
// the DupRef of the occurrence that stands for it, and remembers the
// others. A quotation seen in an earlier document stands for its repeats
// in the later ones; inside a document, the occurrence with the surest
// speaker (a speaker at all, then the highest confidence, then the
// first) stands for the others, so that a pull quote printed before the
// attributed passage points to that passage rather than the other way
// round. With drop, the repeats are removed from doc.Quotes instead, and
// the quote counts of their speakers lowered to match. It returns the
// number of repeats.
func (d *Deduper) Mark(doc *Document, drop bool) int {
	if doc == nil || len(doc.Quotes) == 0 {
		return 0
	}
	// the key of each record, and the record that stands for each key
	// first seen in this document
	d.keys = d.keys[:0]
	if d.local == nil {
		d.local = map[[16]byte]int{}
	}
	clear(d.local)
	for i := range doc.Quotes {
		r := &doc.Quotes[i]
		key, ok := d.key(r.Quote)
		d.keys = append(d.keys, dupKey{key, ok})
		if !ok {
			continue
		}
		if _, seen := d.first[key]; seen {
			continue
		}
		if j, ok := d.local[key]; !ok || surer(r, &doc.Quotes[j]) {
			d.local[key] = i
		}
	}
	n := 0
	docID := "" // doc.ID, cloned once so as not to hold on to a larger input
	kept := doc.Quotes[:0]
	for i := range doc.Quotes {
		r := &doc.Quotes[i]
		r.DupOf = ""
		if k := d.keys[i]; k.ok {
			site, seen := d.first[k.key]
			j := d.local[k.key]
			if !seen && j == i { // it stands for its repeats
				if docID == "" {
					docID = strings.Clone(doc.ID)
				}
				d.first[k.key] = dupSite{docID, strings.Clone(r.ID)}
				if drop {
					kept = append(kept, *r)
				}
				continue
			}
			n++
			if drop {
				uncount(doc, r)
				continue
			}
			if !seen { // nothing dropped: j is where it was
				site = dupSite{doc.ID, doc.Quotes[j].ID}
			}
			r.DupOf = DupRef(site.doc, site.id)
		}
		if drop { // else every record stays where it is
			kept = append(kept, *r)
		}
	}
	if drop {
		clear(doc.Quotes[len(kept):])
		doc.Quotes = kept
	}
	return n
}

// surer reports whether record a has a surer speaker than b: a speaker
// where b has none, else a higher confidence.
func surer(a, b *Record) bool {
	if (a.Speaker != "") != (b.Speaker != "") {
		return a.Speaker != ""
	}
	return a.Confidence > b.Confidence
}

// key returns the hash of the normalised quotation, and false when it is
// too short to be matched.
func (d *Deduper) key(quote string) (k [16]byte, ok bool) {
	b := d.buf[:0]
	words := 0
	space := true // at the start of a word
	for i := 0; i < len(quote); {
		if i+8 <= len(quote) {
			// a run of ASCII letters and digits, up to eight at a time,
			// lowered at once
			x := load64(quote, i)
			if x&high64 == 0 {
				// eight ASCII bytes of words apart by single separators:
				// lowered, the separators as spaces, at once
				al := alnum64(x)
				sep := ^al & high64
				if sep&(sep<<8) == 0 && (sep&0x80 == 0 || !space) {
					starts := al &^ (al << 8) // the words that start in the block
					if !space {
						starts &^= 0x80 // its first byte goes on with a word
					} else if al&0x80 != 0 && words > 0 {
						b = append(b, ' ')
					}
					words += bits.OnesCount64(starts)
					y := (x|inRange64(x, 'A', 'Z')>>2)&^((sep>>7)*0xff) | sep>>2
					n := 8
					if space = sep>>63 != 0; space {
						n = 7 // the space of a trailing separator waits for the next word
					}
					b = binary.LittleEndian.AppendUint64(b, y)
					b = b[:len(b)-8+n]
					i += 8
					continue
				}
			}
			if n := alnumPrefix(x); n > 0 {
				if space {
					if words > 0 {
						b = append(b, ' ')
					}
					words++
					space = false
				}
				b = binary.LittleEndian.AppendUint64(b, x|inRange64(x&(^uint64(0)>>(64-8*n)), 'A', 'Z')>>2)
				b = b[:len(b)-8+n]
				i += n
				continue
			}
		}
		if quote[i] == 0xE2 && i+2 < len(quote) && quote[i+1] == 0x80 && quote[i+2]&0xC0 == 0x80 {
			// U+2000 to U+203F (’ “ ” – … •): no letter, digit or mark, a
			// separator, told without the tables
			space = true
			i += 3
			continue
		}
		r, size := rune(quote[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(quote[i:])
		}
		i += size
		if r < utf8.RuneSelf {
			// ASCII: what the tests below give, without the tables
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			default:
				space = true
				continue
			}
		} else {
			if unicode.Is(unicode.Mn, r) {
				continue // a combining accent belongs to its letter's word
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				space = true
				continue
			}
			r = unicode.ToLower(r)
		}
		if space {
			if words > 0 {
				b = append(b, ' ')
			}
			words++
			space = false
		}
		b = utf8.AppendRune(b, r)
	}
	d.buf = b
	if words < DedupeMinWords {
		return k, false
	}
	// 128 bits of two seeded hashes: as unlikely to collide as the
	// truncated SHA-256 it replaces, at a tenth of the cost
	binary.LittleEndian.PutUint64(k[:8], maphash.Bytes(d.seeds[0], b))
	binary.LittleEndian.PutUint64(k[8:], maphash.Bytes(d.seeds[1], b))
	return k, true
}

// uncount lowers the count of r in its speaker's entry of doc.Speakers.
func uncount(doc *Document, r *Record) {
	if r.Speaker == "" {
		return
	}
	for i := range doc.Speakers {
		s := &doc.Speakers[i]
		if !strings.EqualFold(s.Name, r.Speaker) {
			continue
		}
		if r.Kind == "indirect" {
			if s.Reported > 0 {
				s.Reported--
			}
		} else if s.Quotes > 0 {
			s.Quotes--
		}
		return
	}
}
