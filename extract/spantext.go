package extract

import "github.com/whosaid/whosaid/rules"

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
