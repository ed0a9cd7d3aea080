package eval

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
)

// RatedQuote is a predicted quote with the confidence and the rule that the
// extractor gave it, for calibration.
type RatedQuote struct {
	PredQuote
	Confidence float64
	Rule       string
}

// Bucket is one row of a calibration table: the predictions whose
// confidence (or rule) falls in it, and how often they are right. A row is
// right when it matches a gold quote and its speaker is right as score.py
// judges it (a named speaker by offsets or a shared content word, a pronoun
// by offsets); a row that matches no gold quote is wrong; a row matched to
// a gold quote without a speaker is not scored.
type Bucket struct {
	// Label names the bucket: a confidence range such as "0.80–0.90", a
	// confidence, or a rule id.
	Label string `json:"label"`
	BucketCounts
	// Accuracy is Right/Scored, nil when Scored is 0: how often a row of
	// the bucket is a quote with the right speaker.
	Accuracy *float64 `json:"accuracy"`
	// SpeakerAccuracy is Right/(Scored-Unmatched), nil when that is 0: the
	// speaker accuracy over the rows that are quotes, as score.py counts it.
	SpeakerAccuracy *float64 `json:"speaker_accuracy"`
	// Confidence is the mean confidence of the scored predictions (of all
	// of them when none is scored).
	Confidence float64 `json:"confidence"`
	// StdErr is the standard error of Accuracy, sqrt(a(1-a)/Scored), nil
	// when Scored is 0: a bucket's accuracy is a measurement, and one of
	// few rows is a rough one.
	StdErr *float64 `json:"std_err"`

	confSum float64 // the sum of the confidences of the scored predictions
}

// BucketCounts are what a calibration row counts; the figures of a Bucket
// are ratios of them.
type BucketCounts struct {
	// Rows counts the predictions in the bucket.
	Rows int `json:"rows"`
	// Unmatched counts the predictions matched to no gold quote (false
	// positives, in ignore regions or not).
	Unmatched int `json:"unmatched"`
	// Scored counts the unmatched predictions and those matched to a gold
	// quote that has a speaker: the accuracy denominator.
	Scored int `json:"scored"`
	// Right counts the matched predictions whose speaker is right.
	Right int `json:"right"`
}

// count counts a prediction, matched to a gold quote or not; scored and
// right are speakerRight's verdict on a matched one. It reports whether the
// prediction is scored.
func (c *BucketCounts) count(matched, scored, right bool) bool {
	c.Rows++
	if !matched {
		c.Unmatched++
	}
	if matched && !scored {
		return false
	}
	c.Scored++
	if right {
		c.Right++
	}
	return true
}

// add adds the counts of o to c.
func (c *BucketCounts) add(o BucketCounts) {
	c.Rows += o.Rows
	c.Unmatched += o.Unmatched
	c.Scored += o.Scored
	c.Right += o.Right
}

// Gap returns the bucket's accuracy less its mean confidence, 0 when
// nothing in it was scored.
func (b Bucket) Gap() float64 {
	if b.Accuracy == nil {
		return 0
	}
	return *b.Accuracy - b.Confidence
}

// Calibration holds the calibration tables of a set of predictions.
type Calibration struct {
	// Width is the confidence width of a bucket; 0 means a bucket per
	// distinct confidence.
	Width float64 `json:"width"`
	// Buckets are by confidence, lowest first.
	Buckets []Bucket `json:"buckets"`
	// Rules are by rule id, the rule of the most predictions first.
	Rules []Bucket `json:"rules"`
	// MinRows and Merged, set by Merge: the confidence buckets merged into
	// ranges of at least MinRows scored rows each.
	MinRows int      `json:"min_rows,omitempty"`
	Merged  []Bucket `json:"merged,omitempty"`
}

// Calibrate measures, per confidence bucket and per rule, how often the
// speaker of a prediction is right, with score.py's matching of
// predictions to gold quotes and its judgement of speakers (the same as
// Score's). width is the width of a confidence bucket (0.1: 0.0–0.1, …,
// 0.9–1.0, with 1.0 in the last); 0 makes a bucket per distinct
// confidence.
func Calibrate(gold []GoldDoc, pred map[string][]RatedQuote, width float64) Calibration {
	type acc struct {
		b                Bucket
		confSum, allConf float64
		key              float64
	}
	byConf := map[string]*acc{}
	byRule := map[string]*acc{}
	add := func(m map[string]*acc, label string, key float64, q RatedQuote, scored, right, matched bool) {
		a := m[label]
		if a == nil {
			a = &acc{b: Bucket{Label: label}, key: key}
			m[label] = a
		}
		a.allConf += q.Confidence
		if a.b.count(matched, scored, right) {
			a.confSum += q.Confidence
		}
	}
	for _, d := range gold {
		RP := pred[d.ID]
		match := matchQuotes(d.Quotes, predQuotes(RP))
		for j, q := range RP {
			i := match[j]
			matched := i >= 0
			scored, right := false, false
			if matched {
				scored, right = speakerRight(d.Quotes[i], q.PredQuote)
			}
			label, key := bucketOf(q.Confidence, width)
			add(byConf, label, key, q, scored, right, matched)
			rule := q.Rule
			if rule == "" {
				rule = "(none)"
			}
			add(byRule, rule, 0, q, scored, right, matched)
		}
	}
	finish := func(m map[string]*acc) []Bucket {
		out := make([]Bucket, 0, len(m))
		for _, a := range m {
			a.b.Confidence = round4(a.allConf / float64(a.b.Rows))
			a.b.confSum = a.confSum
			a.b.finish()
			out = append(out, a.b)
		}
		return out
	}
	c := Calibration{Width: width, Buckets: finish(byConf), Rules: finish(byRule)}
	slices.SortFunc(c.Buckets, func(a, b Bucket) int {
		return cmp.Compare(byConf[a.Label].key, byConf[b.Label].key)
	})
	slices.SortFunc(c.Rules, func(a, b Bucket) int {
		return cmp.Or(cmp.Compare(b.Rows, a.Rows), cmp.Compare(a.Label, b.Label))
	})
	return c
}

// finish sets the accuracy, the speaker accuracy, the mean confidence and
// the standard error of b from its counts and confSum.
func (b *Bucket) finish() {
	if n := b.Scored - b.Unmatched; n > 0 {
		v := round4(float64(b.Right) / float64(n))
		b.SpeakerAccuracy = &v
	}
	if b.Scored == 0 {
		return
	}
	v := round4(float64(b.Right) / float64(b.Scored))
	b.Accuracy = &v
	b.Confidence = round4(b.confSum / float64(b.Scored))
	p := float64(b.Right) / float64(b.Scored)
	se := round4(math.Sqrt(p * (1 - p) / float64(b.Scored)))
	b.StdErr = &se
}

// Merge joins the confidence buckets, lowest first, into ranges that hold
// at least min scored rows each, and keeps them in c.Merged: adjacent
// buckets are joined until the range has min; a last range short of min
// joins the one before. A bucket whose rows all have confidence 0 (the
// unresolved rows, which name no speaker and so are never right) stays
// apart, as it cannot be off. The merged table is for reading accuracy
// where single buckets hold too few rows to measure; the buckets
// themselves stay in c.Buckets, so that a real miss is not hidden.
func (c *Calibration) Merge(min int) {
	c.MinRows, c.Merged = min, nil
	var cur *Bucket
	var lo string
	flush := func(last string) {
		if cur == nil {
			return
		}
		cur.Label = joinLabels(lo, last)
		cur.finish()
		c.Merged = append(c.Merged, *cur)
		cur = nil
	}
	prevLabel := ""
	for _, b := range c.Buckets {
		if b.Confidence == 0 && b.confSum == 0 {
			flush(prevLabel)
			c.Merged = append(c.Merged, b)
			prevLabel = b.Label
			continue
		}
		if cur == nil {
			cur, lo = &Bucket{}, b.Label
		}
		cur.add(b.BucketCounts)
		cur.confSum += b.confSum
		prevLabel = b.Label
		if cur.Scored >= min {
			flush(b.Label)
		}
	}
	if cur != nil && len(c.Merged) > 0 && c.Merged[len(c.Merged)-1].confSum > 0 {
		// too few rows left: they join the range before
		last := &c.Merged[len(c.Merged)-1]
		last.add(cur.BucketCounts)
		last.confSum += cur.confSum
		last.Label = joinLabels(last.Label, prevLabel)
		last.finish()
		cur = nil
	}
	flush(prevLabel)
}

// joinLabels returns the label of the range from bucket label a to bucket
// label b: 0.30–0.40 and 0.60–0.70 give 0.30–0.70.
func joinLabels(a, b string) string {
	lo, _, ok1 := strings.Cut(a, "–")
	_, hi, ok2 := strings.Cut(b, "–")
	if !ok1 || !ok2 {
		if a == b {
			return a
		}
		return a + "–" + b
	}
	return lo + "–" + hi
}

// bucketOf returns the label and sort key of the bucket of confidence c.
func bucketOf(c, width float64) (string, float64) {
	if width <= 0 {
		return fmt.Sprintf("%.2f", c), c
	}
	n := int(math.Ceil(1/width - 1e-9)) // buckets in 0..1
	k := min(int(math.Floor(c/width+1e-9)), n-1)
	lo, hi := float64(k)*width, math.Min(float64(k+1)*width, 1)
	return fmt.Sprintf("%.2f–%.2f", lo, hi), lo
}

// matchQuotes pairs predictions with gold quotes as score.py does: the
// candidate pairs of overlap ratio >= 0.5, greedily from the highest ratio
// (ties: the higher gold index, then the higher prediction index). It
// returns, per prediction, the index of its gold quote or -1.
func matchQuotes(G []GoldQuote, P []PredQuote) []int {
	pairs, _ := greedyPairs(quoteCandidates(G, P), len(G), len(P), 0.5)
	match := make([]int, len(P))
	for j := range match {
		match[j] = -1
	}
	for _, ij := range pairs {
		match[ij[1]] = ij[0]
	}
	return match
}

// speakerRight judges the speaker of prediction p matched to gold quote g
// as score.py does: scored is false when g has no speaker; a pronoun gold
// speaker is right by overlapping offsets only, a named one also by a
// content word shared with the gold speaker or one of its alternatives.
func speakerRight(g GoldQuote, p PredQuote) (scored, right bool) {
	if g.Speaker == nil {
		return false, false
	}
	byOff := g.SpeakerOffsets.overlaps(p.SpeakerOffsets)
	if byOff || g.SpeakerIsPronoun {
		return true, byOff
	}
	pw := words(p.Speaker)
	for _, s := range append([]string{*g.Speaker}, g.SpeakerAlternatives...) {
		if sharesWord(words(s), pw) {
			return true, true
		}
	}
	return true, false
}

// String formats the calibration as two tables: by confidence bucket and by
// rule.
func (c Calibration) String() string {
	var b strings.Builder
	table := func(head string, bs []Bucket) {
		w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintf(w, "%s\trows\tunmatched\tscored\tright\taccuracy\tstd err\tconfidence\tgap\tspeaker accuracy\n", head)
		for _, x := range bs {
			a, se, gap, sa := "-", "-", "-", "-"
			if x.Accuracy != nil {
				a, gap = fmt.Sprintf("%.3f", *x.Accuracy), fmt.Sprintf("%+.3f", x.Gap())
			}
			if x.StdErr != nil {
				se = fmt.Sprintf("%.3f", *x.StdErr)
			}
			if x.SpeakerAccuracy != nil {
				sa = fmt.Sprintf("%.3f", *x.SpeakerAccuracy)
			}
			fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%s\t%s\t%.3f\t%s\t%s\n", x.Label, x.Rows, x.Unmatched, x.Scored, x.Right, a, se, x.Confidence, gap, sa)
		}
		w.Flush()
	}
	b.WriteString("accuracy by confidence: right rows / scored rows (unmatched rows are wrong; rows matched to a gold quote without a speaker are not scored); gap: accuracy - mean confidence; speaker accuracy: over matched rows only\n")
	table("confidence", c.Buckets)
	if c.Merged != nil {
		fmt.Fprintf(&b, "\nmerged into ranges of at least %d scored rows\n", c.MinRows)
		table("confidence", c.Merged)
	}
	b.WriteString("\nby rule\n")
	table("rule", c.Rules)
	return strings.TrimRight(b.String(), "\n")
}

// predQuotes returns the predictions of rated rows rq.
func predQuotes(rq []RatedQuote) []PredQuote {
	P := make([]PredQuote, len(rq))
	for j, q := range rq {
		P[j] = q.PredQuote
	}
	return P
}
