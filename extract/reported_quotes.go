package extract

import (
	"cmp"
	"math"
	"slices"

	"github.com/whosaid/whosaid/rules"
)

// The filters of report's statements that read the quotations around them:
// a statement whose cue attributes a quotation outside its content, or
// whose content is mostly a quotation, is the quotation's row, not one of
// its own; a continuation without a subject takes the speaker of the
// quotation before it.

// mostlyQuoted reports whether statement st, of cue cue (when hasCue: the
// capture is bound), reports content before its cue that ends with a
// quotation and holds no more words outside quotation marks than inside:
// the paraphrase around a quotation with its cue after it (In particular,
// they discussed the “possibility of …,” he said), which the quotation's
// own row reports.
func mostlyQuoted(toks []rules.Token, st *statement, cue rules.Span, hasCue bool) bool {
	c := st.content
	if !hasCue || cue.Start < c.End || toks[c.End-1].Kind != rules.QuoteT {
		return false
	}
	out, in := 0, 0
	for i := c.Start; i < c.End; i++ {
		switch toks[i].Kind {
		case rules.Word:
			out++
		case rules.QuoteT:
			in += wordCount(toks[i].Text, math.MaxInt) // len(strings.Fields)
		}
	}
	return in >= out
}

// quoteCue is the cue of an attributed quotation: its byte offset, and
// the quotation's index.
type quoteCue struct{ off, qi int }

// quoteCues returns the cues of every attributed quotation, by byte offset
// (the quotations of one cue in their order), for quotesCue: one array for
// the document, not a map of slices; buf's when it has room.
func (x *Extractor) quoteCues(a *analysis, buf []quoteCue) []quoteCue {
	n := 0
	for qi := range a.attrs {
		if a.attrs[qi].ok {
			n++
		}
	}
	if n == 0 {
		return buf[:0]
	}
	cues := buf[:0]
	if cap(cues) < n {
		cues = make([]quoteCue, 0, n)
	}
	for qi := range a.attrs {
		at := &a.attrs[qi]
		if !at.ok {
			continue // no match (at.m is nil)
		}
		if c, ok := at.m.Captures.Get("cue"); ok && c.Len() > 0 {
			cues = append(cues, quoteCue{int(a.toks(at.sent)[c.Start].Start), qi})
		}
	}
	byOff := func(p, q quoteCue) int { return cmp.Compare(p.off, q.off) }
	if !slices.IsSortedFunc(cues, byOff) {
		slices.SortStableFunc(cues, byOff)
	}
	return cues
}

// quotesCue reports whether the cue c of statement st (when hasCue: the
// capture is bound) attributes a quotation outside its content: “…,”
// Trump told CNN’s Jake Tapper reports no statement “CNN’s Jake Tapper”.
func (x *Extractor) quotesCue(a *analysis, st *statement, c rules.Span, hasCue bool, cues []quoteCue) bool {
	if !hasCue || c.Len() == 0 || len(cues) == 0 {
		return false
	}
	toks := a.toks(st.sent)
	from, to := int(toks[st.content.Start].Start), int(toks[st.content.End-1].End)
	off := int(toks[c.Start].Start)
	for k := firstCueAt(cues, off); k < len(cues) && cues[k].off == off; k++ {
		if q := a.quotes[cues[k].qi]; q.Start < from || q.End > to {
			return true
		}
	}
	return false
}

// firstCueAt returns the index of the first of cues (sorted by offset) at
// offset off or after it: slices.BinarySearchFunc's, by a binary search
// written out (that one calls its comparison at each step).
func firstCueAt(cues []quoteCue, off int) int {
	lo, hi := 0, len(cues)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); cues[m].off < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// inherit gives m the speaker of the match prev in the same sentence.
func inherit(m, prev *rules.Match) {
	m.Speaker, m.HasSpkr = prev.Speaker, prev.HasSpkr
	if c, ok := prev.Captures.Get("speaker"); ok {
		m.Captures.Set("speaker", c)
	}
	if c, ok := prev.Captures.Get("mention"); ok {
		m.Captures.Set("mention", c)
	}
}

// quoteBefore returns the last quotation of sentence si before token tok
// that a match in the same sentence attributes, or -1 (looking at the
// sentence's tokens only, so that the cost stays linear).
func (x *Extractor) quoteBefore(a *analysis, si, tok int) int {
	toks := a.toks(si)
	for k := min(tok, len(toks)) - 1; k >= 0; k-- {
		if toks[k].Kind != rules.QuoteT {
			continue
		}
		qi := int(toks[k].Quote)
		if qi >= 0 && qi < len(a.attrs) && a.attrs[qi].ok && a.attrs[qi].sent == si && a.attrs[qi].m.HasSpkr {
			return qi
		}
	}
	return -1
}
