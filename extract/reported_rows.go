package extract

import (
	"cmp"
	"slices"
	"strconv"
	"unsafe"

	"github.com/whosaid/whosaid/rules"
)

// withReported resolves the speakers of the statements, counts them in the
// entity table, and merges their records (ids r1, r2, … in text order)
// with the quote records, in text order: into quotes' array when it has
// room for them (records leaves it), else a new one. cp is the text's
// code-point index that the quote records used, or nil.
func (x *Extractor) withReported(a *analysis, sts []statement, quotes []Record, id, text string, cp *cpIndex) []Record {
	if cp == nil {
		cp = newCheckedCPIndex(text)
	}
	// the statements' records, kept in the scratch between documents, until
	// the merge copies them in
	var out []Record
	if a.sc != nil {
		out = a.sc.reps[:0]
	}
	// the offsets of speakers and cues (at most four a record) in one
	// array, not one allocation each
	offs := make(offsets, 0, 4*len(sts))
	// the rows' ids (r1, r2, …) in one array, not a string made for each
	ids := make(rowIDs, 0, len(sts)*(1+len(strconv.Itoa(len(sts)))))
	if len(sts) > 0 {
		a.ents.scanHeads = true // (the quote path builds the head index)
	}
	for i := range sts {
		st := &sts[i]
		at := &st.attrib
		at.status = "unresolved"
		rank := ""
		if c, ok := at.m.Captures.Get("speaker"); ok && c == at.m.Speaker.Span {
			// a subject that is no speaker phrase (The magazine, Some): as
			// written, without the auxiliaries it took from the cue, or the
			// entity of a name that is the whole of it
			toks := a.toks(at.sent)
			for c.Len() > 1 && x.rules.InList(x.rules.Lists[rules.ListAux], &toks[c.End-1]) {
				c.End--
			}
			at.m.Speaker = rules.SpeakerPhrase{Span: c, Mention: c, Type: rules.NameMention}
			at.speaker, at.status = a.collapsedRun(toks[c.Start].Start, toks[c.End-1].End), "attributed"
			if e, end := a.ents.mentionAt(int(toks[c.Start].Start)); e != nil && end == int(toks[c.End-1].End) {
				at.ent, at.speaker = e, e.name
			}
		} else if at.m.HasSpkr {
			rank = x.resolveSpeaker(a, at, nil)
		}
		if at.ent != nil {
			at.ent.said++
			if best := at.ent.bestTitle(); at.title == "" || best == at.title || containsWords(best, at.title) {
				at.title = best // given at another mention, or fuller there
			}
		}
		if at.title == "" {
			at.title = rank
		}
	}
	if len(sts) > 0 {
		a.ents.scanHeads = false
	}
	// the rows of the statements kept (by confidence), in text order as
	// they come (a statement's content starts after the last one's), are
	// made in place in quotes' array, merged from the back with the quote
	// rows, which are moved once: no array of their own that is copied in
	n, inOrder, last := 0, true, -1
	for i := range sts {
		st := &sts[i]
		if st.m.Rule.Confidence < x.opts.MinConfidence {
			continue
		}
		bs := int(a.toks(st.sent)[st.content.Start].Start)
		inOrder = inOrder && bs >= last
		last = bs
		n++
	}
	if inOrder && !x.mergeRows && sortedByStart(quotes) {
		if cap(quotes)-len(quotes) < n {
			quotes = slices.Grow(quotes, n)
		}
		merged := quotes[:len(quotes)+n]
		q, k := len(quotes)-1, len(merged)-1
		for i := len(sts) - 1; i >= 0; i-- {
			st := &sts[i]
			if st.m.Rule.Confidence < x.opts.MinConfidence {
				continue
			}
			bs := int(a.toks(st.sent)[st.content.Start].Start)
			for ; q >= 0 && quotes[q].byteStart > bs; q, k = q-1, k-1 {
				merged[k] = quotes[q] // (k > q: no quote is written over before it is read)
			}
			x.statementRow(&merged[k], a, st, i, id, cp, &offs, &ids)
			k--
		}
		x.keepStatements(a, sts)
		return merged
	}
	for i := range sts {
		st := &sts[i]
		if st.m.Rule.Confidence < x.opts.MinConfidence {
			continue
		}
		out = append(out, Record{})
		x.statementRow(&out[len(out)-1], a, st, i, id, cp, &offs, &ids)
	}
	if cap(quotes)-len(quotes) < len(out) {
		quotes = slices.Grow(quotes, len(out))
	}
	merged := mergeRecords(quotes, out)
	if a.sc != nil {
		clear(out) // (their strings are the rows')
		a.sc.reps = out[:0]
	}
	x.keepStatements(a, sts)
	return merged
}

// keepStatements gives the array of statements sts back to a's scratch,
// for the next document, when it is small enough.
func (x *Extractor) keepStatements(a *analysis, sts []statement) {
	if a.sc != nil && cap(sts) <= maxKeptStatements {
		clear(sts)
		a.sc.statements = sts[:0]
	}
}

// statementRow writes in r the row of statement st, the i-th of the
// document's (resolved), with its code points from cp and its offsets and
// id kept in offs and ids.
func (x *Extractor) statementRow(dst *Record, a *analysis, st *statement, i int, id string, cp *cpIndex, offs *offsets, ids *rowIDs) {
	at := &st.attrib
	toks := a.toks(at.sent)
	bs, be := int(toks[st.content.Start].Start), int(toks[st.content.End-1].End)
	ss, cut := sentenceSpan(toks, st.content.Start)
	sent, plain := sentenceCollapsed(a.view, ss, cut, a.plainRun(ss.start, ss.end))
	quote := a.view[bs:be]
	if !plain || be > int(ss.end) {
		quote = a.collapsedRun(int32(bs), int32(be)) // else a run of the sentence's tokens, collapsed too
	}
	// (made on the stack, and copied once: a row's fields written one by
	// one into the array would each pass the write barrier's test)
	r := Record{Doc: id, Quote: quote, byteStart: bs,
		Kind: rules.KindIndirect, Status: at.status, Line: a.lineAt(at.sent, bs),
		Sentence: sent,
		Rule:     at.m.Rule.ID, Confidence: at.m.Rule.Confidence,
		Speaker: at.speaker, Title: at.title, Explain: st.explain}
	if at.m.HasSpkr {
		s := at.m.Speaker.Mention
		if c, ok := at.m.Captures.Get("mention"); ok && c.Len() > 0 {
			s = c
		}
		r.Mention = a.inSentence(toks[s.Start].Start, toks[s.End-1].End, ss, plain)
		r.SpeakerStart, r.SpeakerEnd = offs.pair(cp.at(int(toks[s.Start].Start)), cp.at(int(toks[s.End-1].End)))
	}
	if c, ok := at.m.Captures.Get("cue"); ok && c.Len() > 0 {
		r.Cue = a.inSentence(toks[c.Start].Start, toks[c.End-1].End, ss, plain)
		r.CueStart, r.CueEnd = offs.pair(cp.at(int(toks[c.Start].Start)), cp.at(int(toks[c.End-1].End)))
	}
	r.ID = ids.next('r', i+1)
	r.Start, r.End = cp.at(bs), cp.at(be)
	*dst = r
}

// lineAt is lineOf(a.c, off) for an offset in sentence si: the line of its
// paragraph when the view's lines are the input's (a.c has no lineStarts:
// they are the view's lines split at each newline, so the line that holds
// off is the paragraph's), else by lineOf's search.
func (a *analysis) lineAt(si, off int) int {
	if a.c.lineStarts == nil {
		return a.sents[si].para + 1
	}
	return lineOf(a.c, off)
}

// inSentence returns a.view[start:end], a run of tokens, collapsed: as it
// is when it lies in the sentence span ss whose bytes are collapsed
// already (plain; a run of its tokens starts and ends with no space, as
// the statement's content does), else by collapsedRun.
func (a *analysis) inSentence(start, end int32, ss byteSpan, plain bool) string {
	if plain && start >= ss.start && end <= ss.end {
		return a.view[start:end]
	}
	return a.collapsedRun(start, end)
}

// collapsedRun is collapse(a.view[start:end]) for a run of a sentence's
// tokens: the bytes as they are when a.gaps tells that they are collapsed.
func (a *analysis) collapsedRun(start, end int32) string {
	if a.plainRun(start, end) {
		return a.view[start:end]
	}
	return collapse(a.view[start:end])
}

// maxKeptStatements bounds the statements whose array the scratch keeps
// for the next document.
const maxKeptStatements = 1 << 12

// rowIDs holds the bytes of rows' ids, made in one array.
type rowIDs []byte

// next returns the id of prefix and n (r12), kept in ids (in its array
// while it has room; the bytes of an id are never written again).
func (ids *rowIDs) next(prefix byte, n int) string {
	start := len(*ids)
	*ids = strconv.AppendInt(append(*ids, prefix), int64(n), 10)
	return unsafe.String(&(*ids)[start], len(*ids)-start)
}

// offsets holds ints that records point to, made in one array.
type offsets []int

// pair returns pointers to v and w, kept in o (in its array while it has
// room).
func (o *offsets) pair(v, w int) (*int, *int) {
	*o = append(*o, v, w)
	k := len(*o) - 2
	return &(*o)[k], &(*o)[k+1]
}

// mergeRecords puts the records of quotes and of reps (the statements')
// in quotes' array, which has room for reps after them, in text order (by
// byteStart, those of quotes first at equal offsets), and returns them: a
// merge from the back when both are in that order already, as they come,
// else a stable sort.
func mergeRecords(quotes, reps []Record) []Record {
	out := quotes[:len(quotes)+len(reps)]
	if !sortedByStart(quotes) || !sortedByStart(reps) {
		copy(out[len(quotes):], reps)
		slices.SortStableFunc(out, func(p, q Record) int { return cmp.Compare(p.byteStart, q.byteStart) })
		return out
	}
	i, k := len(quotes)-1, len(out)-1
	for j := len(reps) - 1; j >= 0; k-- {
		if i >= 0 && quotes[i].byteStart > reps[j].byteStart {
			out[k] = quotes[i] // (k > i: no quote is written over before it is read)
			i--
		} else {
			out[k] = reps[j]
			j--
		}
	}
	return out
}

// sortedByStart reports whether rs is in the order of byteStart.
func sortedByStart(rs []Record) bool {
	for i := 1; i < len(rs); i++ {
		if rs[i].byteStart < rs[i-1].byteStart {
			return false
		}
	}
	return true
}

// tokenGaps is what the tokenizer tells of the bytes between the tokens of
// a document's paragraphs, in text order: the offsets of the quotations
// made tokens, and of the bytes between tokens that are not one plain
// space after a token (white space other than it, a second space, a space
// after a stray mark). A run of a sentence's tokens that holds none of the
// latter, and only collapsed quotations, is collapsed (its other tokens
// hold no white space), which the rows then need not scan for.
type tokenGaps struct {
	// at holds per gap its offset in the high 32 bits and in the low ones
	// its quotation's index, or -1 (all ones) for a gap: ordered by offset
	at   []int64
	made bool // noted by the tokenizer (see Extractor.gapsOf)
}

// note adds the offset off, of quotation qi or of a gap (qi -1).
func (g *tokenGaps) note(off, qi int) {
	g.at = append(g.at, int64(off)<<32|int64(uint32(qi)))
}

// gapsOf returns where the tokenizer is to note the gaps of a's paragraphs
// (in the array that a's scratch keeps): a.gaps with Options.Reported,
// whose rows read them, else nil.
func (x *Extractor) gapsOf(a *analysis) *tokenGaps {
	if !x.opts.Reported {
		return nil
	}
	g := &a.gaps
	if !g.made {
		g.made = true
		if a.sc != nil {
			g.at = a.sc.report.gaps.at[:0]
		}
	}
	return g
}

// plainRun reports whether view[start:end], the bytes of a run of a
// sentence's tokens, is known to be collapsed (isCollapsed) by a.gaps: it
// holds no gap, and each quotation that it holds as a token is collapsed.
// False when the tokenizer noted no gaps; isCollapsed may hold then.
func (a *analysis) plainRun(start, end int32) bool {
	g := &a.gaps
	if !g.made {
		return false
	}
	lo := int64(start) << 32
	if n := len(g.at); n == 0 || g.at[n-1] < lo {
		return true
	}
	for _, e := range g.at[firstAt(g.at, lo):] {
		if int32(e>>32) >= end {
			break
		}
		qi := int32(e)
		if qi < 0 {
			return false
		}
		q := &a.quotes[qi]
		if int32(q.CloseEnd) > end || !isCollapsed(a.view[q.OpenStart:q.CloseEnd]) {
			return false
		}
	}
	return true
}
