package extract

// reportScratch holds the buffers of report that the next document reuses:
// the cue hits of a sentence, the positions of the cues of a search (see
// cueScratch), the cues of the quotations (quoteCues) and the index of the
// typewriter marks, which were new arrays per document.
type reportScratch struct {
	hits       []cueHit
	cues       []int
	quoteCues  []quoteCue
	typewriter typewriterIndex
}

// maxKeptReportBuf bounds the elements of each array of report that the
// scratch keeps for the next document (a long document's are not kept).
const maxKeptReportBuf = 1 << 12

// reportScratch returns the buffers of report that a's scratch holds (new
// ones without a scratch).
func (a *analysis) reportScratch() *reportScratch {
	if a.sc == nil {
		return new(reportScratch)
	}
	return &a.sc.report
}

// keep gives report's buffers back to rs, for the next document, when they
// are small.
func (rs *reportScratch) keep(hits []cueHit, cues []int, quoteCues []quoteCue) {
	rs.hits, rs.cues, rs.quoteCues = small(hits), small(cues), small(quoteCues)
	// the index's slices point into buf (or arrays of their own): only
	// buf and the array of marks are reused, from their starts
	tw := &rs.typewriter
	clear(tw.marks)
	tw.marks, tw.breaks, tw.buf = tw.marks[:0], nil, small(tw.buf)
}

// small returns s emptied when its array is small enough to keep, else nil.
func small[T any](s []T) []T {
	if cap(s) > maxKeptReportBuf {
		return nil
	}
	return s[:0]
}
