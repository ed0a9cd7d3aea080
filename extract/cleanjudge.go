package extract

import (
	"strconv"
	"strings"
)

// judgement weighs the lines no rule dropped: it finds the article, the run
// of lines with the greatest total score, and drops the lines outside it and
// the lines inside it that score below the judge's keep. It returns the
// article's first and last line (-1, -1 without a judge or article).
func (st *cleanState) judgement() (int, int) {
	if st.judge == nil {
		return -1, -1
	}
	j := st.judge.Judge
	n := len(st.lines)
	if j.MinDropped > 0 {
		dropped, short := 0, 0
		for i := range st.lines {
			if st.info(i).text == "" {
				continue
			}
			if st.lines[i].Dropped {
				dropped++
			}
			if st.info(i).words <= j.ShortWords {
				short++
			}
		}
		if dropped < j.MinDropped && (j.MinShort == 0 || short < j.MinShort) {
			return -1, -1
		}
	}
	final := st.scores
	if j.Neighbours != 0 && j.Window > 0 {
		final = make([]float64, n)
		var idx []int
		for i := range st.lines {
			if st.info(i).text != "" {
				idx = append(idx, i)
			}
		}
		val := func(i int) float64 {
			if st.lines[i].Dropped {
				return j.Dropped
			}
			return st.scores[i]
		}
		for p, i := range idx {
			if st.lines[i].Dropped {
				continue
			}
			sum, cnt := 0.0, 0
			for k := max(0, p-j.Window); k <= min(len(idx)-1, p+j.Window); k++ {
				if k != p {
					sum += val(idx[k])
					cnt++
				}
			}
			final[i] = st.scores[i]
			if cnt > 0 {
				final[i] += j.Neighbours * sum / float64(cnt)
			}
		}
	}
	v := grow(&st.bufs.v, n)
	for i := range st.lines {
		switch {
		case st.info(i).text == "":
		case st.lines[i].Dropped:
			v[i] = j.Dropped
		default:
			v[i] = min(j.Ceiling, max(j.Floor, final[i]+j.Offset))
		}
	}
	in := grow(&st.bufs.in, n)
	st.in = in
	core := -1 // the article's last line before it grew
	a, b, _ := maxRun(v, 0, n)
	if b < a {
		// no line scores above nothing: no article to tell apart
		return -1, -1
	} else {
		for k := a; k <= b; k++ {
			in[k] = true
		}
		core = b
		if j.HasExtend {
			b = st.extend(b, final)
			for k := a; k <= b; k++ {
				in[k] = true
			}
		}
		if j.Second > 0 || j.QuoteSecond > 0 {
			// only before the article: its opening paragraphs may stand apart
			// (a picture, a chart); what follows it is teasers and comments
			st.secondRuns(v, in, 0, a)
		}
	}
	for i := range st.lines {
		if st.trace != nil && st.info(i).text != "" {
			st.trace[i] = LineTrace{Score: final[i], Article: in[i]}
		}
		if st.info(i).text == "" || st.lines[i].Dropped {
			continue
		}
		switch {
		case !in[i]:
			st.lines[i].Dropped = true
			st.setRule(i, st.judge.ID)
		case final[i] < j.Keep && i <= core:
			st.lines[i].Dropped = true
			st.setRule(i, st.judge.ID)
			if st.worst[i] != "" {
				st.setRule(i, st.worst[i])
			}
		}
	}
	if st.trace != nil {
		st.traceRules()
	}
	return a, b
}

// extend grows the article that ends at line b over the lines after it
// (see Judge.Extend) and returns its new last line.
func (st *cleanState) extend(b int, final []float64) int {
	j := st.judge.Judge
	// next[p]: the place of the first line dropped by a rule at or after the
	// non-blank line p
	next := grow(&st.bufs.next, len(st.nb)+1)
	next[len(st.nb)] = len(st.nb) + j.Lookahead + 1
	for p := len(st.nb) - 1; p >= 0; p-- {
		next[p] = next[p+1]
		if st.lines[st.nb[p]].Dropped {
			next[p] = p
		}
	}
	for p := int(st.nbAt[b]) + 1; p < len(st.nb); p++ {
		i := st.nb[p]
		if st.lines[i].Dropped || final[i] < j.Extend || next[p]-p <= j.Lookahead {
			break
		}
		b = i
	}
	return b
}

// secondRuns marks further runs in [from, to) (before the article) whose
// total is at least Second, or at least QuoteSecond when they hold a line
// with a quotation mark.
func (st *cleanState) secondRuns(v []float64, in []bool, from, to int) {
	j := st.judge.Judge
	if to-from <= 0 {
		return
	}
	a, b, best := maxRun(v, from, to)
	low := j.Second
	if j.QuoteSecond > 0 && (low <= 0 || j.QuoteSecond < low) {
		low = j.QuoteSecond
	}
	if b < a || best < low {
		return
	}
	keep := j.Second > 0 && best >= j.Second
	for k := a; k <= b && !keep; k++ {
		keep = st.info(k).hasQuote && !st.lines[k].Dropped
	}
	if keep {
		for k := a; k <= b; k++ {
			in[k] = true
		}
	}
	st.secondRuns(v, in, from, a)
	st.secondRuns(v, in, b+1, to)
}

// maxRun returns the run [a, b] of v[from:to] with the greatest sum that
// starts and ends on a positive value (b < a when there is none).
func maxRun(v []float64, from, to int) (int, int, float64) {
	best, cur := 0.0, 0.0
	a, b, cs := 0, -1, from
	for i := from; i < to; i++ {
		if cur <= 0 {
			if v[i] <= 0 {
				continue
			}
			cur, cs = 0, i
		}
		cur += v[i]
		if cur > best {
			best, a, b = cur, cs, i
		}
	}
	return a, b, best
}

// traceRules fills the matched scored rules of the trace.
func (st *cleanState) traceRules() {
	for i := range st.lines {
		if st.info(i).text == "" {
			continue
		}
		for k, r := range st.x.rules.Cleanup {
			if !r.Scored {
				continue
			}
			if r.Score < 0 && r.Protect && st.info(i).hasQuote {
				continue
			}
			if st.holds(r, st.bufs.tests[k], k, i) {
				st.trace[i].Scored = append(st.trace[i].Scored, r.ID+"("+formatScore(r.Score)+")")
			}
		}
	}
}

func formatScore(f float64) string {
	s := strings.TrimRight(strings.TrimRight(strconv.FormatFloat(f, 'f', 2, 64), "0"), ".")
	if f > 0 {
		return "+" + s
	}
	return s
}
