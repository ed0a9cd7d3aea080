package extract

import (
	"strings"

	"github.com/whosaid/whosaid/rules"
)

// spanTextIn is spanText for tokens cut from view: the text of toks[s] as
// a slice of view when the two agree (every token's text is view's bytes
// at its offsets, and no more than one space stands between two tokens),
// else the tokens joined as spanText joins them. Titles and speakers are
// spelt out for most statements and quotations; a slice spares the string
// that a join makes.
func spanTextIn(view string, toks []rules.Token, s rules.Span) string {
	if s.Len() <= 1 {
		return spanText(toks, s)
	}
	for i := s.Start; i < s.End; i++ {
		t := &toks[i]
		st, en := int(t.Start), int(t.End)
		if i > s.Start {
			p := int(toks[i-1].End)
			if st != p && (st != p+1 || p >= len(view) || view[p] != ' ') {
				return spanText(toks, s)
			}
		}
		if st < 0 || en-st != len(t.Text) || en > len(view) || view[st:en] != t.Text {
			return spanText(toks, s)
		}
	}
	return view[toks[s.Start].Start:toks[s.End-1].End]
}

// holdsLower reports whether every word of mods is a word of the ASCII
// text t lowered (strings.ToLower), comparing the words in place:
// lowering ASCII keeps every byte's place and every space a space.
func holdsLower(t string, mods []string) bool {
	for _, m := range mods {
		found := false
		for w := range strings.FieldsSeq(t) {
			if found = equalLowered(w, m); found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// equalLowered reports whether the ASCII word w, lowered, is m.
func equalLowered(w, m string) bool {
	if len(w) != len(m) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != m[i] {
			return false
		}
	}
	return true
}
