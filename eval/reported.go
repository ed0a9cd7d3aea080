package eval

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// GoldAttribution is one attribution of a *-reported.jsonl gold file:
// Kind is "direct", "mixed" or "indirect"; Start and End delimit the
// annotated content; Speech is true when the cue is one of communication
// (said, told, according to) rather than of belief or evidence.
type GoldAttribution struct {
	Kind string `json:"kind"`
	GoldSpan
	Cue      *string `json:"cue"`
	CueStart *int    `json:"cue_start"`
	CueEnd   *int    `json:"cue_end"`
	Speech   bool    `json:"speech"`
}

// UnmarshalJSON decodes a gold attribution; "kind", "start" and "end" are
// required, as score_reported.py reads them unconditionally.
func (a *GoldAttribution) UnmarshalJSON(data []byte) error {
	return decodeInto(data, a, func(f *fields) GoldAttribution {
		out := GoldAttribution{
			Kind:     f.str("kind", true),
			GoldSpan: f.goldSpan(),
			Cue:      f.optStr("cue"),
			CueStart: f.optInteger("cue_start"),
			CueEnd:   f.optInteger("cue_end"),
			Speech:   f.boolean("speech"),
		}
		f.checkSpeakerEnd(out.SpeakerOffsets)
		return out
	})
}

// ReportedReport holds every figure score_reported.py prints, under the
// same JSON keys.
type ReportedReport struct {
	// GoldReportedSpeech counts the gold indirect attributions with a cue
	// of communication: the recall denominator.
	GoldReportedSpeech int `json:"gold_reported_speech"`
	// PredIndirect counts the predictions of kind indirect.
	PredIndirect int `json:"pred_indirect"`
	// Reported scores the predictions: recall over reported speech,
	// precision against any indirect or mixed attribution.
	Reported PRF `json:"reported"`
	// SpeakerAccNamed and SpeakerAccPronounByOffset are as in Report, over
	// the recall-side matches with a gold source.
	SpeakerAccNamed           Accuracy `json:"speaker_acc_named"`
	SpeakerAccPronounByOffset Accuracy `json:"speaker_acc_pronoun_by_offset"`
	// EndToEndNamedRecall is the number of right named speakers over the
	// gold reported speech with a named source.
	EndToEndNamedRecall float64 `json:"end_to_end_named_recall"`
}

// HasAttributions reports whether some gold document carries attributions
// (a *-reported.jsonl file), so that ScoreReported applies.
func HasAttributions(gold []GoldDoc) bool {
	for _, d := range gold {
		if len(d.Attributions) > 0 {
			return true
		}
	}
	return false
}

// HasQuotes reports whether some gold document carries quotes, so that
// Score applies.
func HasQuotes(gold []GoldDoc) bool {
	for _, d := range gold {
		if len(d.Quotes) > 0 {
			return true
		}
	}
	return false
}

// direct returns the predictions that are not of kind indirect.
func direct(ps []PredQuote) []PredQuote {
	for _, p := range ps {
		if p.Kind == "indirect" {
			return slices.DeleteFunc(slices.Clone(ps), func(p PredQuote) bool { return p.Kind == "indirect" })
		}
	}
	return ps
}

// isPronoun reports whether a gold speaker string is one of
// score_reported.py's pronouns (score.py's PRON set).
func isPronoun(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "er", "sie", "es", "ich", "wir":
		return true
	}
	return false
}

// alnumCount counts the letters and digits (Python's str.isalnum) of
// text[max(a, lo):min(b, hi)].
func alnumCount(text []rune, a, b, lo, hi int) int {
	x, y := max(a, lo, 0), min(b, hi, len(text))
	n := 0
	for i := x; i < y; i++ {
		if unicode.IsLetter(text[i]) || unicode.IsNumber(text[i]) {
			n++
		}
	}
	return n
}

// ScoreReported scores the predictions of kind indirect against the
// attributions of the gold documents exactly as score_reported.py does: a
// prediction and an indirect or mixed attribution match when their letters
// and digits overlap by at least half of each (one to one, greedy by
// overlap); recall counts the indirect attributions with a cue of
// communication, precision any match; speakers are scored as by Score, over
// the recall-side matches with a gold source.
func ScoreReported(gold []GoldDoc, pred map[string][]PredQuote) ReportedReport {
	var nGold, nPred, tpP, tpR, spkN, spkOK, proN, proOK, named int
	for _, d := range gold {
		for _, a := range d.Attributions {
			if a.Kind == "indirect" && a.Speech && a.Speaker != nil && *a.Speaker != "" && !a.SpeakerIsPronoun {
				named++
			}
		}
		m := matchReported(d, pred[d.ID])
		for _, g := range m.isG {
			if g {
				nGold++
			}
		}
		nPred += len(m.P)
		for _, ij := range m.pairs {
			tpP++
			if !m.isG[ij[0]] {
				continue
			}
			tpR++
			scored, pronoun, right := reportedSpeaker(m.A[ij[0]], m.P[ij[1]])
			switch {
			case !scored:
			case pronoun:
				proN++
				if right {
					proOK++
				}
			default:
				spkN++
				if right {
					spkOK++
				}
			}
		}
	}
	return ReportedReport{
		GoldReportedSpeech:        nGold,
		PredIndirect:              nPred,
		Reported:                  newPRF(tpP, nPred, tpR, nGold),
		SpeakerAccNamed:           newAccuracy(spkOK, spkN),
		SpeakerAccPronounByOffset: newAccuracy(proOK, proN),
		EndToEndNamedRecall:       round4(ratio(spkOK, max(1, named))),
	}
}

// reportedMatch is one document's statements as ScoreReported pairs them:
// A the gold attributions of kind indirect or mixed, isG which of them are
// on the recall side (indirect with a cue of communication), P the
// predictions of kind indirect, and pairs the matched (index in A, index
// in P), in the order taken.
type reportedMatch struct {
	A     []GoldAttribution
	isG   []bool
	P     []PredQuote
	pairs [][2]int
}

// matchReported pairs the predictions of kind indirect of document d with
// its indirect and mixed attributions as score_reported.py does: letters
// and digits overlapping by at least half of each, one to one, greedy by
// overlap.
func matchReported(d GoldDoc, preds []PredQuote) reportedMatch {
	var m reportedMatch
	for _, a := range d.Attributions {
		if a.Kind == "indirect" || a.Kind == "mixed" {
			m.A = append(m.A, a)
			m.isG = append(m.isG, a.Kind == "indirect" && a.Speech)
		}
	}
	for _, p := range preds {
		if p.Kind == "indirect" {
			m.P = append(m.P, p)
		}
	}
	if len(m.A) == 0 || len(m.P) == 0 {
		return m
	}
	text := []rune(d.Text)
	psize := make([]int, len(m.P))
	for j, p := range m.P {
		psize[j] = alnumCount(text, p.Start, p.End, 0, len(text))
	}
	var cands []candidate
	for i, a := range m.A {
		ga := alnumCount(text, a.Start, a.End, 0, len(text))
		for j, p := range m.P {
			ov := alnumCount(text, a.Start, a.End, p.Start, p.End)
			if ga > 0 && psize[j] > 0 && ov*2 >= ga && ov*2 >= psize[j] {
				cands = append(cands, candidate{float64(ov) / float64(max(ga, psize[j])), i, j})
			}
		}
	}
	sortCandidates(cands)
	m.pairs, _ = greedyPairs(cands, len(m.A), len(m.P), 0)
	return m
}

// reportedSpeaker judges the speaker of prediction p matched to the
// recall-side attribution g as score_reported.py does: not scored when g
// has no source; a pronoun source (marked so, or one of the pronouns) is
// right by offsets only; a named one by offsets or a shared content word.
func reportedSpeaker(g GoldAttribution, p PredQuote) (scored, pronoun, right bool) {
	if g.Speaker == nil || *g.Speaker == "" {
		return false, false, false
	}
	byOff := g.SpeakerOffsets.overlaps(p.SpeakerOffsets)
	if g.SpeakerIsPronoun || isPronoun(*g.Speaker) {
		return true, true, byOff
	}
	return true, false, byOff || sharesWord(words(*g.Speaker), words(p.Speaker))
}

// MarshalJSON writes the report with score_reported.py's number formatting,
// so that json.MarshalIndent(r, "", "  ") equals its output.
func (r ReportedReport) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		GoldReportedSpeech int     `json:"gold_reported_speech"`
		PredIndirect       int     `json:"pred_indirect"`
		Reported           prfJSON `json:"reported"`
		speakerJSON
		EndToEndNamedRecall json.Number `json:"end_to_end_named_recall"`
	}{
		r.GoldReportedSpeech, r.PredIndirect,
		mkPRF(r.Reported),
		speakerJSON{mkAcc(r.SpeakerAccNamed), mkAcc(r.SpeakerAccPronounByOffset)},
		num(r.EndToEndNamedRecall),
	})
}

// String renders the report as a short table.
func (r ReportedReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "reported speech: %d gold statements (cues of communication), %d predictions of kind indirect\n",
		r.GoldReportedSpeech, r.PredIndirect)
	fmt.Fprintf(&b, "%-24s %7s %7s %7s\n", "statements", "P", "R", "F1")
	fmt.Fprintf(&b, "%-24s %7.4f %7.4f %7.4f\n", "overlap >= 50% (alnum)", r.Reported.P, r.Reported.R, r.Reported.F1)
	writeSpeakerRows(&b, []accRow{{"named", r.SpeakerAccNamed}, {"pronoun by offset", r.SpeakerAccPronounByOffset}},
		r.EndToEndNamedRecall)
	return b.String()
}
