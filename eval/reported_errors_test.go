package eval

import (
	"math"
	"strings"
	"testing"
)

// reportedText is the document of TestReportedErrors; the offsets in the
// cases are code points into it.
const reportedText = "Mayor Ana Ruiz said the dam would hold. She added that rain was coming. " +
	"Critics believe the plan is costly. Leo Park told reporters the vote was close. Officials warned of floods."

// att is a gold attribution of kind kind at start-end, with its source (""
// for none) at ss-se (ss < 0: no offsets) and its cue ("" for none).
func att(kind string, start, end int, speaker string, ss, se int, cue string, speech bool) GoldAttribution {
	a := GoldAttribution{Kind: kind, GoldSpan: GoldSpan{Start: start, End: end}, Speech: speech}
	if speaker != "" {
		a.Speaker = &speaker
		a.SpeakerIsPronoun = speaker == "She"
	}
	if ss >= 0 {
		a.SpeakerStart, a.SpeakerEnd = &ss, &se
	}
	if cue != "" {
		a.Cue = &cue
	}
	return a
}

// ind is a prediction of kind indirect at start-end, its speaker at ss-se
// (ss < 0: no offsets).
func ind(start, end int, speaker string, ss, se int) PredQuote {
	p := PredQuote{Start: start, End: end, Speaker: speaker, Kind: "indirect"}
	if ss >= 0 {
		p.SpeakerStart, p.SpeakerEnd = &ss, &se
	}
	return p
}

var reportedErrorCases = []struct {
	name string
	gold []GoldAttribution
	pred []PredQuote
	want []string
}{
	{"right statement and speaker",
		[]GoldAttribution{att("indirect", 20, 38, "Ana Ruiz", 6, 14, "said", true)},
		[]PredQuote{ind(20, 38, "Ruiz", -1, 0)}, nil},
	{"missed",
		[]GoldAttribution{att("indirect", 132, 150, "Leo Park", 108, 116, "told", true)},
		nil,
		[]string{"d\tmissed-statement\t132-150\t“the vote was close”\tgold: Leo Park, cue: told"}},
	{"missed without source or cue",
		[]GoldAttribution{att("indirect", 132, 150, "", -1, 0, "", true)},
		nil,
		[]string{"d\tmissed-statement\t132-150\t“the vote was close”\tgold: (none)"}},
	{"spurious",
		nil,
		[]PredQuote{ind(169, 178, "Officials", 152, 161)},
		[]string{"d\tspurious-statement\t169-178\t“of floods”\tpredicted: Officials"}},
	{"wrong named speaker",
		[]GoldAttribution{att("indirect", 132, 150, "Leo Park", 108, 116, "told", true)},
		[]PredQuote{ind(132, 150, "Ana Ruiz", 6, 14)},
		[]string{"d\tstatement-speaker\t132-150\t“the vote was close”\tgold: Leo Park, predicted: Ana Ruiz, cue: told"}},
	{"pronoun source judged by offsets: wrong",
		[]GoldAttribution{att("indirect", 50, 70, "She", 40, 43, "added", true)},
		[]PredQuote{ind(55, 70, "Ana Ruiz", -1, 0)},
		[]string{"d\tstatement-speaker\t50-70\t“that rain was coming”\tgold: She, predicted: Ana Ruiz (pronoun: by offsets), cue: added"}},
	{"pronoun source judged by offsets: right",
		[]GoldAttribution{att("indirect", 50, 70, "She", 40, 43, "added", true)},
		[]PredQuote{ind(55, 70, "Ana Ruiz", 40, 43)}, nil},
	{"source without a name is not judged",
		[]GoldAttribution{att("indirect", 132, 150, "", -1, 0, "told", true)},
		[]PredQuote{ind(132, 150, "Ana Ruiz", 6, 14)}, nil},
	{"belief: matched or not, no error",
		[]GoldAttribution{att("indirect", 88, 106, "Critics", 72, 79, "believe", false), att("indirect", 50, 70, "She", 40, 43, "added", false)},
		[]PredQuote{ind(88, 106, "Ana Ruiz", -1, 0)}, nil},
	{"mixed: matched or not, no error",
		[]GoldAttribution{att("mixed", 132, 150, "Leo Park", 108, 116, "told", true), att("mixed", 20, 38, "Ana Ruiz", 6, 14, "said", true)},
		[]PredQuote{ind(132, 150, "Ana Ruiz", -1, 0)}, nil},
	{"a direct attribution does not excuse a prediction",
		[]GoldAttribution{att("direct", 132, 150, "Leo Park", 108, 116, "told", true)},
		[]PredQuote{ind(132, 150, "Leo Park", 108, 116)},
		[]string{"d\tspurious-statement\t132-150\t“the vote was close”\tpredicted: Leo Park"}},
	{"predictions of other kinds are left out",
		[]GoldAttribution{att("indirect", 20, 38, "Ana Ruiz", 6, 14, "said", true)},
		[]PredQuote{{Start: 20, End: 38, Speaker: "Leo Park"}, {Start: 169, End: 178, Kind: "direct"}},
		[]string{"d\tmissed-statement\t20-38\t“the dam would hold”\tgold: Ana Ruiz, cue: said"}},
	{"overlap under half of the prediction: missed and spurious, by offset",
		[]GoldAttribution{att("indirect", 20, 38, "Ana Ruiz", 6, 14, "said", true)},
		[]PredQuote{ind(0, 38, "Ana Ruiz", 6, 14)},
		[]string{
			"d\tspurious-statement\t0-38\t“Mayor Ana Ruiz said the dam would hold”\tpredicted: Ana Ruiz",
			"d\tmissed-statement\t20-38\t“the dam would hold”\tgold: Ana Ruiz, cue: said",
		}},
	{"one to one: the better overlap is matched, the other spurious",
		[]GoldAttribution{att("indirect", 132, 150, "Leo Park", 108, 116, "told", true)},
		[]PredQuote{ind(122, 150, "Leo Park", -1, 0), ind(132, 150, "Leo Park", -1, 0)},
		[]string{"d\tspurious-statement\t122-150\t“reporters the vote was close”\tpredicted: Leo Park"}},
}

// TestReportedErrors checks each kind of ReportedErrors and its line
// format on documents written for it.
func TestReportedErrors(t *testing.T) {
	for _, tc := range reportedErrorCases {
		t.Run(tc.name, func(t *testing.T) {
			gold := []GoldDoc{{ID: "d", Text: reportedText, Attributions: tc.gold}}
			var got []string
			for _, e := range ReportedErrors(gold, map[string][]PredQuote{"d": tc.pred}) {
				got = append(got, e.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestReportedErrorsAgreeWithScore checks that ReportedErrors lists as many
// mistakes of each kind as ScoreReported counts, on the cases above taken
// together and on the scorer's test files: missed = gold statements less
// the recall-side matches, spurious = predictions less the matches, speaker
// = scored speakers less the right ones.
func TestReportedErrorsAgreeWithScore(t *testing.T) {
	var cases []GoldDoc
	casePred := map[string][]PredQuote{}
	for _, tc := range reportedErrorCases {
		cases = append(cases, GoldDoc{ID: tc.name, Text: reportedText, Attributions: tc.gold})
		casePred[tc.name] = tc.pred
	}
	gold, pred := readReported(t)
	for name, in := range map[string]struct {
		gold []GoldDoc
		pred map[string][]PredQuote
	}{"cases": {cases, casePred}, "testdata": {gold, pred}} {
		rep := ScoreReported(in.gold, in.pred)
		count := map[string]int{}
		for _, e := range ReportedErrors(in.gold, in.pred) {
			count[e.Kind]++
		}
		want := map[string]int{
			ErrMissedStatement:   rep.GoldReportedSpeech - int(math.Round(rep.Reported.R*float64(rep.GoldReportedSpeech))),
			ErrSpuriousStatement: rep.PredIndirect - int(math.Round(rep.Reported.P*float64(rep.PredIndirect))),
			ErrStatementSpeaker:  wrong(rep.SpeakerAccNamed) + wrong(rep.SpeakerAccPronounByOffset),
		}
		total := 0
		for k, n := range want {
			total += n
			if count[k] != n {
				t.Errorf("%s: %d %s errors, ScoreReported implies %d", name, count[k], k, n)
			}
		}
		if total == 0 || len(count) != len(want) {
			t.Errorf("%s: counts %v, want %v (and some of each)", name, count, want)
		}
	}
}
