package extract

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/whosaid/whosaid/rules"
)

// statement is one statement of reported speech: the attribution of a rule
// of kind indirect in a sentence, and its content.
type statement struct {
	attrib
	content rules.Span // tokens of the sentence at.sent
}

// report runs the rules of kind indirect over every sentence (with
// Options.Reported): the first that matches a sentence, in the order of
// priority, gives its statement. Sentences without a word of any list that
// a rule needs are skipped by the matcher's own checks.
func (x *Extractor) report(a *analysis) []statement {
	if !x.opts.Reported {
		return nil
	}
	var rs []*rules.AttrRule
	for _, r := range x.rules.Attribution {
		if r.Reported() && r.Pattern != nil {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return nil
	}
	var out []statement
	for si := 0; si < a.nsents; si++ {
		if !x.mayReport(a.sents[si].toks) {
			continue
		}
		w := a.window(si)
		var explain []string
		for ri, r := range rs {
			m, ok := w.Match(r, -1)
			c, has := m.Captures["content"]
			if ok && has && c.Len() > 0 {
				if x.opts.Explain {
					explain = append(explain, fmt.Sprintf("%s (priority %d): %s", r.ID, r.Priority, x.matched(a.sents[si].toks, m)))
					if rest := len(rs) - 1 - ri; rest > 0 {
						explain = append(explain, fmt.Sprintf("%d lower rules not tried: %s matched first", rest, r.ID))
					}
				}
				out = append(out, statement{attrib: attrib{ok: true, m: m, sent: si, explain: explain}, content: c})
				break
			}
			if x.opts.Explain {
				explain = append(explain, fmt.Sprintf("%s (priority %d): %s", r.ID, r.Priority,
					x.miss("no match in the sentence", r, a.sents[si].toks, -1)))
			}
		}
	}
	return out
}

// mayReport reports whether a sentence can hold reported speech: it has
// words outside quotation marks (a sentence that is one quotation reports
// nothing).
func (x *Extractor) mayReport(toks []rules.Token) bool {
	n := 0
	for i := range toks {
		if toks[i].Kind == rules.Word {
			if n++; n > minStatementWords {
				return true
			}
		}
	}
	return false
}

// minStatementWords: a sentence of fewer words holds no speaker, cue and
// content.
const minStatementWords = 3

// withReported resolves the speakers of the statements, counts them in the
// entity table, and merges their records (ids r1, r2, … in text order)
// with the quote records, in text order.
func (x *Extractor) withReported(a *analysis, sts []statement, quotes []Record, id, text string) []Record {
	cp := newCPIndex(text)
	out := make([]Record, 0, len(quotes)+len(sts))
	out = append(out, quotes...)
	for i := range sts {
		st := &sts[i]
		at := &st.attrib
		at.status = "unresolved"
		if at.m.HasSpkr {
			x.resolveSpeaker(a, at, nil)
		}
		if at.ent != nil {
			at.ent.said++
			if len(at.ent.titles) > 0 {
				at.title = at.ent.titles[0]
			}
		}
		toks := a.sents[at.sent].toks
		bs, be := toks[st.content.Start].Start, toks[st.content.End-1].End
		r := Record{Doc: id, Quote: collapse(a.view[bs:be]), Start: cp.at(bs), End: cp.at(be), byteStart: bs, byteEnd: be,
			Kind: rules.KindIndirect, Status: at.status, Line: lineOf(a.c, bs),
			Sentence: sentenceText(a.view, toks, st.content.Start),
			Rule:     at.m.Rule.ID, Confidence: at.m.Rule.Confidence,
			Speaker: at.speaker, Title: at.title, Explain: at.explain}
		if at.m.HasSpkr {
			s := at.m.Speaker.Mention
			if c, ok := at.m.Captures["mention"]; ok && c.Len() > 0 {
				s = c
			}
			r.Mention = collapse(a.view[toks[s.Start].Start:toks[s.End-1].End])
			r.SpeakerStart, r.SpeakerEnd = intp(cp.at(toks[s.Start].Start)), intp(cp.at(toks[s.End-1].End))
		}
		if c, ok := at.m.Captures["cue"]; ok && c.Len() > 0 {
			r.Cue = collapse(a.view[toks[c.Start].Start:toks[c.End-1].End])
			r.CueStart, r.CueEnd = intp(cp.at(toks[c.Start].Start)), intp(cp.at(toks[c.End-1].End))
		}
		r.ID = "r" + strconv.Itoa(i+1)
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(p, q Record) int { return cmp.Compare(p.byteStart, q.byteStart) })
	return out
}
