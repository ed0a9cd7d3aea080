package eval

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestCalibrateAgreesWithScore checks, on the testdata sets, that the
// calibration counts the same scored and right speakers as Score, and a
// prediction as unmatched exactly when Score leaves it unmatched.
func TestCalibrateAgreesWithScore(t *testing.T) {
	for _, set := range testdataSets {
		gold, pred := readTestdata(t, filepath.Join("testdata", set.gold), filepath.Join("testdata", set.pred))
		rated := map[string][]RatedQuote{}
		n := 0 // predictions of gold documents: Score ignores the others
		for _, d := range gold {
			for k, p := range pred[d.ID] {
				id := d.ID
				rated[id] = append(rated[id], RatedQuote{PredQuote: p, Confidence: float64(k%11) / 10, Rule: "r" + string(rune('a'+k%3))})
				n++
			}
		}
		r := Score(gold, pred, false)
		for _, width := range []float64{0, 0.1, 0.25} {
			c := Calibrate(gold, rated, width)
			for _, tab := range [][]Bucket{c.Buckets, c.Rules} {
				rows, scored, right, unmatched := 0, 0, 0, 0
				for _, b := range tab {
					rows += b.Rows
					scored += b.Scored
					right += b.Right
					unmatched += b.Unmatched
				}
				wantScored := r.SpeakerAccNamed.N + r.SpeakerAccPronounByOffset.N
				wantRight := 0
				for _, a := range []Accuracy{r.SpeakerAccNamed, r.SpeakerAccPronounByOffset} {
					if a.Acc != nil {
						wantRight += int(*a.Acc*float64(a.N) + 0.5)
					}
				}
				matched := int(r.QuoteOverlap.P*float64(r.PredQuotesScored) + 0.5)
				if rows != n || scored != wantScored+unmatched || right != wantRight || unmatched != n-matched {
					t.Errorf("%s width %v: rows %d scored %d right %d unmatched %d; want %d %d %d %d",
						set.gold, width, rows, scored, right, unmatched, n, wantScored, wantRight, n-matched)
				}
			}
		}
	}
}

func TestBucketOf(t *testing.T) {
	tests := []struct {
		c, width float64
		label    string
	}{
		{0, 0.1, "0.00–0.10"},
		{0.5, 0.1, "0.50–0.60"},
		{0.95, 0.1, "0.90–1.00"},
		{1, 0.1, "0.90–1.00"},
		{0.7, 0.1, "0.70–0.80"}, // 0.7/0.1 is 6.999… in floating point
		{0.3, 0.25, "0.25–0.50"},
		{1, 0.25, "0.75–1.00"},
		{0.85, 0, "0.85"},
	}
	for _, tt := range tests {
		if got, _ := bucketOf(tt.c, tt.width); got != tt.label {
			t.Errorf("bucketOf(%v, %v) = %q, want %q", tt.c, tt.width, got, tt.label)
		}
	}
}

func TestCalibrateBuckets(t *testing.T) {
	sp := func(s string) *string { return &s }
	ip := func(i int) *int { return &i }
	gold := []GoldDoc{{ID: "d", Text: strings.Repeat("x", 100), Quotes: []GoldQuote{
		{GoldSpan: GoldSpan{Start: 0, End: 10, Speaker: sp("Jane Doe")}},
		{GoldSpan: GoldSpan{Start: 20, End: 30, Speaker: sp("he"), SpeakerIsPronoun: true, SpeakerOffsets: SpeakerOffsets{ip(40), ip(42)}}},
		{GoldSpan: GoldSpan{Start: 50, End: 60, Speaker: nil}},
	}}}
	pred := map[string][]RatedQuote{"d": {
		{PredQuote{Start: 0, End: 10, Speaker: "Doe"}, 0.9, "a"},                                                  // right by a word
		{PredQuote{Start: 20, End: 30, Speaker: "he", SpeakerOffsets: SpeakerOffsets{ip(45), ip(47)}}, 0.95, "a"}, // wrong offsets
		{PredQuote{Start: 50, End: 60, Speaker: "X"}, 0.5, "b"},                                                   // no gold speaker: not scored
		{PredQuote{Start: 70, End: 80, Speaker: "Y"}, 0.55, "b"},                                                  // unmatched
	}}
	c := Calibrate(gold, pred, 0.1)
	if len(c.Buckets) != 2 {
		t.Fatalf("buckets %+v", c.Buckets)
	}
	lo, hi := c.Buckets[0], c.Buckets[1]
	if lo.Label != "0.50–0.60" || lo.Rows != 2 || lo.Scored != 1 || lo.Unmatched != 1 || *lo.Accuracy != 0 || lo.SpeakerAccuracy != nil || lo.Confidence != 0.55 {
		t.Errorf("low bucket %+v", lo)
	}
	if hi.Label != "0.90–1.00" || hi.Rows != 2 || hi.Scored != 2 || hi.Right != 1 || *hi.Accuracy != 0.5 || *hi.SpeakerAccuracy != 0.5 || hi.Confidence != 0.925 {
		t.Errorf("high bucket %+v", hi)
	}
	if len(c.Rules) != 2 || c.Rules[0].Label != "a" || c.Rules[0].Right != 1 {
		t.Errorf("rules %+v", c.Rules)
	}
	if s := c.String(); !strings.Contains(s, "0.90–1.00") || !strings.Contains(s, "by rule") {
		t.Errorf("String:\n%s", s)
	}
}

// TestCalibrationMerge checks that buckets are merged, lowest first, into
// ranges of at least the given scored rows, that a short last range joins
// the one before, that the bucket of confidence 0 stays apart, and that the
// counts, mean confidence and standard error are those of the range.
func TestCalibrationMerge(t *testing.T) {
	b := func(label string, scored, right int, conf float64) Bucket {
		x := Bucket{Label: label, BucketCounts: BucketCounts{Rows: scored, Scored: scored, Right: right}, confSum: conf * float64(scored)}
		x.finish()
		return x
	}
	tests := []struct {
		name    string
		buckets []Bucket
		min     int
		want    []string // label:scored:right
	}{
		{"merged up to the minimum",
			[]Bucket{b("0.00–0.10", 5, 0, 0), b("0.30–0.40", 10, 4, 0.35), b("0.50–0.60", 25, 13, 0.55), b("0.90–1.00", 40, 38, 0.95)},
			30, []string{"0.00–0.10:5:0", "0.30–0.60:35:17", "0.90–1.00:40:38"}},
		{"a short last range joins the one before",
			[]Bucket{b("0.30–0.40", 30, 10, 0.35), b("0.80–0.90", 40, 35, 0.85), b("0.90–1.00", 5, 5, 0.95)},
			30, []string{"0.30–0.40:30:10", "0.80–1.00:45:40"}},
		{"large buckets stay",
			[]Bucket{b("0.80–0.90", 40, 35, 0.85), b("0.90–1.00", 50, 48, 0.95)},
			30, []string{"0.80–0.90:40:35", "0.90–1.00:50:48"}},
		{"all short: one range",
			[]Bucket{b("0.30–0.40", 3, 1, 0.35), b("0.60–0.70", 4, 3, 0.65)},
			30, []string{"0.30–0.70:7:4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Calibration{Buckets: tt.buckets}
			c.Merge(tt.min)
			var got []string
			for _, m := range c.Merged {
				got = append(got, fmt.Sprintf("%s:%d:%d", m.Label, m.Scored, m.Right))
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("merged %v, want %v", got, tt.want)
			}
		})
	}
	c := Calibration{Buckets: []Bucket{b("0.30–0.40", 10, 4, 0.35), b("0.50–0.60", 30, 15, 0.55)}}
	c.Merge(30)
	m := c.Merged[0]
	if m.Confidence != 0.5 || *m.Accuracy != 0.475 || *m.StdErr != 0.079 {
		t.Errorf("merged bucket %+v: want confidence 0.5, accuracy 0.475, std err 0.079", m)
	}
	if s := c.String(); !strings.Contains(s, "merged into ranges of at least 30 scored rows") {
		t.Errorf("String:\n%s", s)
	}
}

// TestCalibrationErrors checks that the rows listed as wrong are exactly
// the scored rows that Calibrate does not count right, with their rule and
// confidence, on the testdata sets.
func TestCalibrationErrors(t *testing.T) {
	for _, set := range testdataSets {
		gold, pred := readTestdata(t, filepath.Join("testdata", set.gold), filepath.Join("testdata", set.pred))
		rated := map[string][]RatedQuote{}
		for _, d := range gold {
			for k, p := range pred[d.ID] {
				rated[d.ID] = append(rated[d.ID], RatedQuote{PredQuote: p, Confidence: float64(k%11) / 10, Rule: "r" + string(rune('a'+k%3))})
			}
		}
		c := Calibrate(gold, rated, 0.1)
		wrong := map[string]int{}
		for _, b := range c.Rules {
			wrong[b.Label] = b.Scored - b.Right
		}
		errs := CalibrationErrors(gold, rated)
		got := map[string]int{}
		for _, e := range errs {
			got[e.Rule]++
			if e.Kind != ErrSpurious && e.Kind != ErrSpeaker {
				t.Errorf("%s: kind %s, want spurious or speaker", set.gold, e.Kind)
			}
			if !strings.HasPrefix(e.String(), fmt.Sprintf("%s\t%.2f\t%s\t", e.Rule, e.Confidence, e.Doc)) {
				t.Errorf("%s: line %q does not open with the rule, the confidence and the document", set.gold, e.String())
			}
		}
		for rule, n := range wrong {
			if got[rule] != n {
				t.Errorf("%s: rule %s has %d wrong rows listed, want %d (scored less right)", set.gold, rule, got[rule], n)
			}
		}
		if len(errs) == 0 {
			t.Errorf("%s: no wrong rows listed; the test data should have some", set.gold)
		}
	}
}
