package extract

import (
	"crypto/sha256"
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
	buf   []byte
}

// dupSite is where a quotation was first seen: its document's id and its
// record's id.
type dupSite struct{ doc, id string }

// NewDeduper returns a Deduper that has seen nothing.
func NewDeduper() *Deduper {
	return &Deduper{first: map[[16]byte]dupSite{}}
}

// DupRef is the reference that a record's DupOf holds: the document's id
// and the record's id joined by '#' (the record id never holds one, so
// the last '#' splits it).
func DupRef(doc, id string) string { return doc + "#" + id }

// Mark sets the DupOf of each record of doc that repeats an earlier one
// (of this document or of a document passed before) to that first
// occurrence's DupRef, and remembers the others. With drop, the repeated
// records are removed from doc.Quotes instead, and the quote counts of
// their speakers lowered to match. It returns the number of repeats.
func (d *Deduper) Mark(doc *Document, drop bool) int {
	if doc == nil {
		return 0
	}
	n := 0
	docID := "" // doc.ID, cloned once so as not to hold on to a larger input
	kept := doc.Quotes[:0]
	for i := range doc.Quotes {
		r := &doc.Quotes[i]
		r.DupOf = ""
		key, ok := d.key(r.Quote)
		if ok {
			if site, seen := d.first[key]; seen {
				n++
				if drop {
					uncount(doc, r)
					continue
				}
				r.DupOf = DupRef(site.doc, site.id)
			} else {
				if docID == "" {
					docID = strings.Clone(doc.ID)
				}
				d.first[key] = dupSite{docID, strings.Clone(r.ID)}
			}
		}
		kept = append(kept, *r)
	}
	if drop {
		clear(doc.Quotes[len(kept):])
		doc.Quotes = kept
	}
	return n
}

// key returns the hash of the normalised quotation, and false when it is
// too short to be matched.
func (d *Deduper) key(quote string) (k [16]byte, ok bool) {
	b := d.buf[:0]
	words := 0
	space := true // at the start of a word
	for _, r := range quote {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space {
			if words > 0 {
				b = append(b, ' ')
			}
			words++
			space = false
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	d.buf = b
	if words < DedupeMinWords {
		return k, false
	}
	sum := sha256.Sum256(b)
	copy(k[:], sum[:16])
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
