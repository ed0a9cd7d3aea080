package extract

// reportScratch holds the buffers of report that the next document reuses:
// the cue hits of a sentence and the positions of the cues of a search (see
// cueScratch), which were a new array per document, grown per sentence.
type reportScratch struct {
	hits []cueHit
	cues []int
}

// maxKeptCueHits bounds the hits and cue positions whose arrays the
// scratch keeps for the next document (a sentence of many cues is not
// kept).
const maxKeptCueHits = 1 << 10

// reportBufs returns the buffers of report that a's scratch holds, empty
// (none without a scratch).
func (a *analysis) reportBufs() ([]cueHit, []int) {
	if a.sc == nil {
		return nil, nil
	}
	return a.sc.report.hits[:0], a.sc.report.cues[:0]
}

// keepReportBufs gives the buffers of report back to a's scratch, for the
// next document, when they are small.
func (a *analysis) keepReportBufs(hits []cueHit, cues []int) {
	if a.sc == nil {
		return
	}
	if cap(hits) <= maxKeptCueHits {
		a.sc.report.hits = hits[:0]
	}
	if cap(cues) <= maxKeptCueHits {
		a.sc.report.cues = cues[:0]
	}
}
