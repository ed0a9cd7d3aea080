package eval

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The kinds of an Error.
const (
	ErrMissed   = "missed"   // a gold quote that no prediction matches
	ErrSpurious = "spurious" // a prediction that matches no gold quote
	ErrSpeaker  = "speaker"  // a matched quote with the wrong speaker
)

// Error is one mistake of the predictions against the gold, as Score
// counts it: a gold quote missed, a prediction that is not a quote, or a
// quote attributed to the wrong speaker. Offsets are code points.
type Error struct {
	Doc   string `json:"doc"`
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Quote string `json:"quote"`
	// Gold is the gold speaker (missed, speaker), Pred the predicted one
	// (spurious, speaker); "" when there is none.
	Gold string `json:"gold_speaker,omitempty"`
	Pred string `json:"pred_speaker,omitempty"`
	// Pronoun is set when the gold speaker is a pronoun, judged by the
	// offsets of the mention only.
	Pronoun bool `json:"pronoun,omitempty"`
	// Ignored is set for a spurious prediction inside a gold ignore
	// region (not counted with lenient).
	Ignored bool `json:"ignored,omitempty"`
	// Cue is the gold cue of a statement of reported speech (kinds
	// missed-statement and statement-speaker), "" when the gold gives none.
	Cue string `json:"cue,omitempty"`
}

// Errors lists every mistake that Score counts, document by document (in
// gold order) and by offset: each missed gold quote, each spurious
// prediction (in strict mode also those in ignore regions, marked Ignored)
// and each matched quote whose speaker is wrong. Predictions of kind
// indirect are not scored, as in Score.
func Errors(gold []GoldDoc, pred map[string][]PredQuote, lenient bool) []Error {
	var out []Error
	for _, d := range gold {
		G, P := d.Quotes, direct(pred[d.ID])
		match := matchQuotes(G, P)
		t := newDocText(d)
		var errs []Error
		matched := make([]bool, len(G))
		for j, p := range P {
			if i := match[j]; i >= 0 {
				matched[i] = true
				g := G[i]
				if scored, right := speakerRight(g, p); scored && !right {
					errs = append(errs, t.speakerError(g, p))
				}
				continue
			}
			ignored := d.ignores(p)
			if ignored && lenient {
				continue
			}
			errs = append(errs, t.spuriousError(p, ignored))
		}
		for i, g := range G {
			if matched[i] {
				continue
			}
			e := Error{Doc: d.ID, Kind: ErrMissed, Start: g.Start, End: g.End, Quote: t.goldText(g), Pronoun: g.SpeakerIsPronoun}
			if g.Speaker != nil {
				e.Gold = *g.Speaker
			}
			errs = append(errs, e)
		}
		slices.SortStableFunc(errs, func(a, b Error) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Kind, b.Kind))
		})
		out = append(out, errs...)
	}
	return out
}

// docText is a gold document with its text as code points, which the
// error lists cut quotations from.
type docText struct {
	id   string
	text []rune
}

func newDocText(d GoldDoc) docText { return docText{d.ID, []rune(d.Text)} }

// span is the text from code point a to b, cut to the document.
func (t docText) span(a, b int) string {
	a, b = max(a, 0), min(b, len(t.text))
	if a >= b {
		return ""
	}
	return string(t.text[a:b])
}

// goldText is the text of gold quote g: its text field, else its span.
func (t docText) goldText(g GoldQuote) string { return t.spanText(g.GoldSpan) }

// spanText is the text of a gold quote or attribution: its text field,
// else its span.
func (t docText) spanText(g GoldSpan) string {
	if g.Text != "" {
		return g.Text
	}
	return t.span(g.Start, g.End)
}

// speakerError is the error of prediction p matched to gold quote g (which
// has a speaker) with the wrong speaker.
func (t docText) speakerError(g GoldQuote, p PredQuote) Error {
	return Error{Doc: t.id, Kind: ErrSpeaker, Start: g.Start, End: g.End, Quote: t.goldText(g),
		Gold: *g.Speaker, Pred: p.Speaker, Pronoun: g.SpeakerIsPronoun}
}

// spuriousError is the error of prediction p that matches no gold quote.
func (t docText) spuriousError(p PredQuote, ignored bool) Error {
	return Error{Doc: t.id, Kind: ErrSpurious, Start: p.Start, End: p.End, Quote: t.span(p.Start, p.End),
		Pred: p.Speaker, Ignored: ignored}
}

// String formats the error as one line: document, kind, offsets, the
// quotation or statement (cut at 80 characters), the speakers and the gold
// cue of a statement.
func (e Error) String() string {
	q := []rune(strings.Join(strings.Fields(e.Quote), " "))
	if len(q) > 80 {
		q = append(q[:79], '…')
	}
	var who string
	switch e.Kind {
	case ErrMissed, ErrMissedStatement:
		who = "gold: " + orNone(e.Gold)
	case ErrSpurious, ErrSpuriousStatement:
		who = "predicted: " + orNone(e.Pred)
		if e.Ignored {
			who += " (in an ignore region)"
		}
	default:
		who = "gold: " + orNone(e.Gold) + ", predicted: " + orNone(e.Pred)
	}
	if e.Pronoun {
		who += " (pronoun: by offsets)"
	}
	if e.Cue != "" {
		who += ", cue: " + e.Cue
	}
	return fmt.Sprintf("%s\t%s\t%d-%d\t“%s”\t%s", e.Doc, e.Kind, e.Start, e.End, string(q), who)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
