package eval

import (
	"cmp"
	"slices"
)

// The kinds of an Error of reported speech, listed by ReportedErrors.
const (
	ErrMissedStatement   = "missed-statement"   // a gold statement of reported speech that no prediction matches
	ErrSpuriousStatement = "spurious-statement" // a prediction of kind indirect that matches no indirect or mixed attribution
	ErrStatementSpeaker  = "statement-speaker"  // a matched statement with the wrong speaker
)

// ReportedErrors lists every mistake that ScoreReported counts against the
// predictions of kind indirect, document by document (in gold order) and by
// offset: each gold statement on the recall side (an indirect attribution
// with a cue of communication) that no prediction matches, each prediction
// of kind indirect that matches no indirect or mixed attribution, and each
// matched statement whose speaker is wrong by score_reported.py's rule (a
// pronoun source by offsets only, marked Pronoun). A gold statement's cue,
// when the gold gives it, is in Cue. Predictions of other kinds are left
// out, as in ScoreReported.
func ReportedErrors(gold []GoldDoc, pred map[string][]PredQuote) []Error {
	var out []Error
	for _, d := range gold {
		m := matchReported(d, pred[d.ID])
		t := newDocText(d)
		var errs []Error
		matchedG := make([]bool, len(m.A))
		matchedP := make([]bool, len(m.P))
		for _, ij := range m.pairs {
			matchedG[ij[0]], matchedP[ij[1]] = true, true
			g, p := m.A[ij[0]], m.P[ij[1]]
			if !m.isG[ij[0]] {
				continue
			}
			if scored, _, right := reportedSpeaker(g, p); scored && !right {
				e := t.statementError(ErrStatementSpeaker, g)
				e.Pred = p.Speaker
				errs = append(errs, e)
			}
		}
		for i, g := range m.A {
			if m.isG[i] && !matchedG[i] {
				errs = append(errs, t.statementError(ErrMissedStatement, g))
			}
		}
		for j, p := range m.P {
			if !matchedP[j] {
				e := t.spuriousError(p, false)
				e.Kind = ErrSpuriousStatement
				errs = append(errs, e)
			}
		}
		slices.SortStableFunc(errs, func(a, b Error) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Kind, b.Kind))
		})
		out = append(out, errs...)
	}
	return out
}

// statementError is an error of kind kind at gold attribution a: its
// offsets, text, source and cue. Pronoun is set when the source is judged
// by offsets only (marked a pronoun, or one of the pronouns).
func (t docText) statementError(kind string, a GoldAttribution) Error {
	e := Error{Doc: t.id, Kind: kind, Start: a.Start, End: a.End, Quote: t.spanText(a.GoldSpan)}
	if a.Speaker != nil {
		e.Gold = *a.Speaker
		e.Pronoun = a.SpeakerIsPronoun || isPronoun(*a.Speaker)
	}
	if a.Cue != nil {
		e.Cue = *a.Cue
	}
	return e
}
