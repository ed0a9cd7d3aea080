package eval

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

// RatedError is a row of the calibration that is wrong — a prediction that
// matches no gold quote (ErrSpurious) or one whose speaker is wrong
// (ErrSpeaker) — with the rule and the confidence the extractor gave it:
// what a low-confidence bucket is made of.
type RatedError struct {
	Error
	Rule       string  `json:"rule"`
	Confidence float64 `json:"confidence"`
}

// CalibrationErrors lists the rows that Calibrate counts as scored and not
// right, document by document (in gold order) and by offset. A row matched
// to a gold quote without a speaker is not scored, so not listed; a
// spurious row inside an ignore region is marked Ignored (it counts as
// wrong all the same).
func CalibrationErrors(gold []GoldDoc, pred map[string][]RatedQuote) []RatedError {
	var out []RatedError
	for _, d := range gold {
		RP := pred[d.ID]
		match := matchQuotes(d.Quotes, predQuotes(RP))
		t := newDocText(d)
		var errs []RatedError
		for j, q := range RP {
			p := q.PredQuote
			var e Error
			if i := match[j]; i >= 0 {
				g := d.Quotes[i]
				if scored, right := speakerRight(g, p); !scored || right {
					continue
				}
				e = t.speakerError(g, p)
			} else {
				e = t.spuriousError(p, d.ignores(p))
			}
			errs = append(errs, RatedError{Error: e, Rule: cmp.Or(q.Rule, "(none)"), Confidence: q.Confidence})
		}
		slices.SortStableFunc(errs, func(a, b RatedError) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		out = append(out, errs...)
	}
	return out
}

// String formats the row as one line: its rule and confidence, then the
// error as Error.String formats it.
func (e RatedError) String() string {
	return fmt.Sprintf("%s\t%s\t%s", e.Rule, strconv.FormatFloat(e.Confidence, 'f', 2, 64), e.Error.String())
}
