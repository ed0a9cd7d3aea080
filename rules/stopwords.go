package rules

import (
	"slices"

	"github.com/whosaid/whosaid/internal/wordtab"
)

// StopWordTable holds the stop words of a ruleset's languages (Langs, in
// that order), by which a document's language is told: each word with the
// bit set of the languages that have it (bit i for Langs()[i]).
type StopWordTable struct {
	// Short maps the stop words of up to 16 bytes, packed (wordtab.Pack),
	// to their bit sets: a look-up neither hashes the word nor compares it.
	Short wordtab.Table
	// Long holds the same for the words that do not pack (nil when none).
	Long map[string]uint16
	// MaxLen is the length of the longest stop word, in bytes.
	MaxLen int
}

// maxStopLangs is the number of languages a StopWordTable can tell apart.
const maxStopLangs = 16

// StopWordTable returns the stop-word table of the ruleset's languages;
// ok is false when the ruleset's own language has no stop words or there
// are more than 16 languages. For the default rules it is read from the
// static data (made by go generate ./rules), not built.
func (rs *Ruleset) StopWordTable() (t StopWordTable, ok bool) {
	langs := rs.Langs()
	if rs.Language.NumStopWords() == 0 || len(langs) > maxStopLangs {
		return StopWordTable{}, false
	}
	if d := rs.stopWords; d != nil {
		return StopWordTable{Short: wordtab.FromSlots(d.Slots), MaxLen: d.MaxLen}, true
	}
	profiles := make([]*Language, len(langs))
	for i, code := range langs {
		profiles[i] = rs.LangProfile(code)
	}
	return buildStopWordTable(profiles), true
}

// buildStopWordTable returns the table of the stop words of profiles (at
// most 16), bit i for profiles[i].
func buildStopWordTable(profiles []*Language) StopWordTable {
	n := 0
	for _, p := range profiles {
		n += p.NumStopWords()
	}
	// made big enough at once (for n keys: a word in several languages
	// counts once for each), and no map of all the words: only words that
	// do not pack need one
	t := StopWordTable{Short: wordtab.New(n)}
	for i, p := range profiles {
		// in sorted order: the table's layout (the generator writes it)
		// depends on the order of insertion
		for _, w := range slices.Sorted(p.StopWordSeq()) {
			t.MaxLen = max(t.MaxLen, len(w))
			if a, b, ok := wordtab.Pack(w); ok {
				t.Short.Or(a, b, 1<<i)
				continue
			}
			if t.Long == nil {
				t.Long = map[string]uint16{}
			}
			t.Long[w] |= 1 << i
		}
	}
	return t
}

// staticStopWords is the stop-word table of the default rules and packs,
// made by go generate ./rules (see static.go).
type staticStopWords struct {
	// Codes are the languages, in the order of the bits.
	Codes []string
	// Slots are the table's (wordtab.Table.Slots); every stop word of the
	// defaults packs (the generator checks).
	Slots  []uint64
	MaxLen int
}

// staticStopWordsFor returns the static stop-word table for rs, loaded
// from the default base files with the static data (fromStatic): nil
// unless every pack's profile was read from the static data too and the
// languages are those the table was made for.
func staticStopWordsFor(rs *Ruleset, fromStatic bool) *staticStopWords {
	d := &staticDefaultData.StopWords
	if !fromStatic || len(d.Slots) == 0 {
		return nil
	}
	langs := rs.Langs()
	if len(langs) != len(d.Codes) {
		return nil
	}
	for i, code := range langs {
		if code != d.Codes[i] || i > 0 && !rs.LangProfile(code).fromStatic {
			return nil
		}
	}
	return d
}
