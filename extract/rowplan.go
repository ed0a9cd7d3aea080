package extract

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/whosaid/whosaid/rules"
)

// byteSpan is a span of bytes of a document's view; start is -1 for none.
type byteSpan struct{ start, end int32 }

// noSpan is the byteSpan of nothing.
var noSpan = byteSpan{-1, -1}

// rowPlan is a row of the output that records decided on while the
// analysis was alive: what is needed to build the Record once the tokens,
// the sentences and the attributions are gone. Its strings are built again
// from the view the same way (collapse, sentenceString), so the row is the
// one records would have built at once.
type rowPlan struct {
	qs, qe int32    // the quotation's content, trimmed
	sent   byteSpan // the sentence context (noSpan for a nested quote)
	ment   byteSpan // the speaker's mention
	cue    byteSpan // the cue
	line   int32
	who    int32 // speaker, status and title: index in rowSet.who
	class  int32 // rule, kind and confidence: index in rowSet.classes
	cut    uint8 // where the sentence context was cut (cutBefore, cutAfter)
}

// offsets sets the code-point offsets of r, a row of plan p.
func (p *rowPlan) offsets(r *Record, cp *cpIndex) {
	r.Start, r.End = cp.at(int(p.qs)), cp.at(int(p.qe))
	if p.ment.start >= 0 {
		r.SpeakerStart, r.SpeakerEnd = intp(cp.at(int(p.ment.start))), intp(cp.at(int(p.ment.end)))
	}
	if p.cue.start >= 0 {
		r.CueStart, r.CueEnd = intp(cp.at(int(p.cue.start))), intp(cp.at(int(p.cue.end)))
	}
}

// rowWho is the speaker, status and title of rows.
type rowWho struct{ speaker, status, title string }

// rowClass is the rule (nil for an unattributed quote), kind and
// confidence of rows.
type rowClass struct {
	rule *rules.AttrRule
	kind string
	conf float64
}

// rowSet holds the rows of a document that records decided on: built at
// once (rows), or, for a document of more than minRowsSized possible rows,
// planned (plans) and built by build after the analysis is released. A
// Record is 336 bytes with its offsets, a plan 48: the rows of a long
// document of short quotes (one per 20 bytes of lone-CR lines) were as
// large as its tokens, sentences and attributions together, and all of
// them were alive at once. The few distinct speakers and rules of the rows
// are kept once (who, classes).
type rowSet struct {
	plan    bool
	rows    []Record
	plans   []rowPlan
	explain [][]string // per plan, when any has an explanation
	who     []rowWho
	whoIdx  map[rowWho]int32
	classes []rowClass
	clsIdx  map[rowClass]int32
	maxRows int
	id      string
	text    string // the document's text, for the code-point offsets
	view    string // the text the plans' byte offsets point into
	// cp is the text's code-point index when the rows are built at once
	// (nil when planned), for the statements' rows too
	cp *cpIndex
}

// add plans the row r, whose offsets p holds, of rule (nil for an
// unattributed quote).
func (rs *rowSet) add(p rowPlan, r *Record, rule *rules.AttrRule) {
	if rs.plans == nil {
		rs.plans = make([]rowPlan, 0, rs.maxRows)
		rs.whoIdx = map[rowWho]int32{}
		rs.clsIdx = map[rowClass]int32{}
	}
	w := rowWho{r.Speaker, r.Status, r.Title}
	i, ok := rs.whoIdx[w]
	if !ok {
		i = int32(len(rs.who))
		rs.who = append(rs.who, w)
		rs.whoIdx[w] = i
	}
	c := rowClass{rule, r.Kind, r.Confidence}
	k, ok := rs.clsIdx[c]
	if !ok {
		k = int32(len(rs.classes))
		rs.classes = append(rs.classes, c)
		rs.clsIdx[c] = k
	}
	p.who, p.class, p.line = i, k, int32(r.Line)
	if r.Explain != nil && rs.explain == nil {
		rs.explain = make([][]string, len(rs.plans), rs.maxRows)
	}
	if rs.explain != nil {
		rs.explain = append(rs.explain, r.Explain)
	}
	rs.plans = append(rs.plans, p)
}

// build returns the rows: those built at once, or the plans built into
// rows (ids q1, q2, … in order).
func (rs *rowSet) build() []Record {
	if !rs.plan || len(rs.plans) == 0 {
		return rs.rows
	}
	cp := newCheckedCPIndex(rs.text)
	out := make([]Record, len(rs.plans))
	for i := range rs.plans {
		p := &rs.plans[i]
		r := &out[i]
		w, c := rs.who[p.who], rs.classes[p.class]
		*r = Record{Doc: rs.id, ID: "q" + strconv.Itoa(i+1), Quote: collapse(rs.view[p.qs:p.qe]), byteStart: int(p.qs),
			Kind: c.kind, Status: w.status, Speaker: w.speaker, Title: w.title,
			Line: int(p.line), Confidence: c.conf}
		if p.sent.start >= 0 {
			r.Sentence = sentenceString(rs.view, p.sent, p.cut)
		}
		if c.rule != nil {
			r.Rule = c.rule.ID
		}
		if p.ment.start >= 0 {
			r.Mention = collapse(rs.view[p.ment.start:p.ment.end])
		}
		if p.cue.start >= 0 {
			r.Cue = collapse(rs.view[p.cue.start:p.cue.end])
		}
		if rs.explain != nil {
			r.Explain = rs.explain[i]
		}
		p.offsets(r, cp)
	}
	rs.plans, rs.explain = nil, nil
	return out
}

// mergeRows returns the quote rows and the rows of reported speech (each
// in text order) in text order, as withReported merges them.
func mergeRows(quotes, reported []Record) []Record {
	out := make([]Record, 0, len(quotes)+len(reported))
	out = append(out, quotes...)
	out = append(out, reported...)
	slices.SortStableFunc(out, func(p, q Record) int { return cmp.Compare(p.byteStart, q.byteStart) })
	return out
}
