// Package eval scores quotation extraction and speaker attribution against
// gold JSONL files. It is a faithful Go port of the reference scorer score.py
// that comes with the evaluation data (format and rules: the README next to
// it): the same counts, the same greedy matching, the same tokenizer and the
// same rounding, so that Score gives the figures score.py prints, and
// json.MarshalIndent(report, "", "  ") gives its output byte for byte.
//
// All offsets are Unicode code points (Python string indices), end exclusive.
//
// The tokenizer (Python's str.lower and \w) was checked against Python 3.11
// for every code point: they agree on all characters assigned in Unicode 14,
// Python 3.11's version; characters added later are letters to Go only.
package eval

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// GoldDoc is one line of a gold JSONL file: a document with its gold quotes
// and its ignore regions (quoted text that belongs to no attribution).
type GoldDoc struct {
	ID     string       `json:"id"`
	Text   string       `json:"text"`
	Quotes []GoldQuote  `json:"quotes"`
	Ignore []IgnoreSpan `json:"ignore,omitempty"`
	// Attributions holds every attribution of a *-reported.jsonl gold file
	// (direct, mixed and indirect), scored by ScoreReported.
	Attributions []GoldAttribution `json:"attributions,omitempty"`
	// Meta is kept as read and not used for scoring.
	Meta json.RawMessage `json:"meta,omitempty"`
}

// GoldQuote is one gold quote. Start and End delimit the quoted text without
// its quotation marks. Speaker is nil when the quote has no annotated
// speaker; an empty speaker string is not the same thing (score.py scores it
// but leaves it out of the end-to-end denominator). SpeakerStart and
// SpeakerEnd are the speaker mention's offsets, nil when unknown.
type GoldQuote struct {
	GoldSpan
	SpeakerAlternatives []string `json:"speaker_alternatives,omitempty"`
	Cue                 *string  `json:"cue"`
	Kind                string   `json:"kind"`
	// SpeakerTitle is the speaker's title as the gold gives it, "" when
	// it gives none.
	SpeakerTitle string `json:"speaker_title,omitempty"`
}

// GoldSpan is what a gold quote and a gold attribution share: the
// annotated text with its offsets, and its speaker as the gold names it
// (nil when not annotated) with the offsets of the mention (nil when
// unknown) and whether that mention is a pronoun.
type GoldSpan struct {
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
	SpeakerOffsets
	SpeakerIsPronoun bool `json:"speaker_is_pronoun"`
}

// SpeakerOffsets are the code-point offsets of the mention of a quote's
// speaker in the text, gold or predicted: nil when unknown. The decoders
// require SpeakerEnd when SpeakerStart is set.
type SpeakerOffsets struct {
	SpeakerStart *int `json:"speaker_start"`
	SpeakerEnd   *int `json:"speaker_end"`
}

// overlaps is score.py's speaker test by offsets: both mentions are known
// and share at least one code point.
func (m SpeakerOffsets) overlaps(o SpeakerOffsets) bool {
	return m.SpeakerStart != nil && o.SpeakerStart != nil &&
		m.SpeakerEnd != nil && o.SpeakerEnd != nil &&
		min(*m.SpeakerEnd, *o.SpeakerEnd) > max(*m.SpeakerStart, *o.SpeakerStart)
}

// IgnoreSpan is a gold ignore region: a prediction lying at least half
// inside one, and matched to no gold quote, is a false positive in strict
// mode and not scored in lenient mode.
type IgnoreSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// ignores reports whether the prediction p lies at least half inside one
// of the document's ignore regions.
func (d *GoldDoc) ignores(p PredQuote) bool {
	for _, x := range d.Ignore {
		if overlap(x.Start, x.End, p.Start, p.End)*2 >= p.End-p.Start {
			return true
		}
	}
	return false
}

// PredQuote is one predicted quote. Speaker "" means no speaker (score.py
// treats null, a missing key and "" alike). SpeakerStart and SpeakerEnd are
// optional; the offset test needs both starts (gold and predicted) non-nil.
// Title is the speaker's title: score.py reads "speaker_title", else
// "title". ReadPred and Score skip quotes of kind "indirect" (reported
// speech, which ScoreReported scores), as score.py does.
type PredQuote struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Speaker string `json:"speaker"`
	SpeakerOffsets
	Title string `json:"title,omitempty"`
	Kind  string `json:"kind,omitempty"`
}

// PRF is a precision/recall/F1 triple, each rounded to 4 decimals.
type PRF struct {
	P  float64 `json:"P"`
	R  float64 `json:"R"`
	F1 float64 `json:"F1"`
}

// Accuracy is a speaker accuracy over N scored quotes, rounded to 4
// decimals; Acc is nil (JSON null) when N is 0.
type Accuracy struct {
	N   int      `json:"n"`
	Acc *float64 `json:"acc"`
}

// Report holds every figure score.py prints, under the same JSON keys.
type Report struct {
	// Mode is "strict" or "lenient".
	Mode string `json:"mode"`
	// GoldQuotes counts all gold quotes.
	GoldQuotes int `json:"gold_quotes"`
	// PredQuotesScored is the precision denominator: all predictions, less
	// the unmatched ones in ignore regions in lenient mode.
	PredQuotesScored int `json:"pred_quotes_scored"`
	// PredInIgnoreRegions counts unmatched predictions in ignore regions.
	PredInIgnoreRegions int `json:"pred_in_ignore_regions"`
	// QuoteExact scores equal boundaries after trimming marks and spaces.
	QuoteExact PRF `json:"quote_exact"`
	// QuoteOverlap scores the one-to-one overlap matching (>= 50%).
	QuoteOverlap PRF `json:"quote_overlap"`
	// SpeakerAccNamed is the speaker accuracy over matched quotes whose
	// gold speaker is not a pronoun (offsets overlap or a shared word).
	SpeakerAccNamed Accuracy `json:"speaker_acc_named"`
	// SpeakerAccPronounByOffset is the speaker accuracy over matched quotes
	// whose gold speaker is a pronoun, by offsets only.
	SpeakerAccPronounByOffset Accuracy `json:"speaker_acc_pronoun_by_offset"`
	// TitleAcc is the title accuracy over matched quotes whose gold
	// speaker is no pronoun and carries a title: the named speaker right
	// and the predicted title sharing a content word with the gold one.
	TitleAcc Accuracy `json:"title_acc"`
	// EndToEndNamedRecall is the number of correct named speakers over the
	// number of gold quotes with a non-empty, non-pronoun speaker.
	EndToEndNamedRecall float64 `json:"end_to_end_named_recall"`
}

// qm holds the characters norm_span trims on both sides of a span:
// quotation marks, apostrophes, space, tab and newline.
const qm = "\"\u201c\u201d\u201e\u00ab\u00bb'\u2018\u2019 \t\n"

// qmEnd is qm plus the punctuation norm_span also trims at the end.
const qmEnd = qm + ",.;:"

// stopWords are score.py's STOP words, never content words. (score.py also
// defines a PRON set but never uses it: pronoun speakers are told by the
// gold speaker_is_pronoun flag.)
func stopWords() map[string]bool { return stopSet.get() }

var stopSet = lazyWords{words: `a an the of and or in on at to for from by with mr mrs ms dr
sen rep gov president former said says he she they it his her their him them
we i you who that this his its one some others also er sie es ich wir der die
das den dem des ein eine und von im`}

// lazyWords is the set of the words of a list, made on first use, not at
// every start of the program: a package-level sync.OnceValue would be a
// call of the package's set-up, which every process runs; a lazyWords is
// static data.
type lazyWords struct {
	words string // space-separated
	mu    sync.Mutex
	set   atomic.Pointer[map[string]bool]
}

// get returns the set.
func (w *lazyWords) get() map[string]bool {
	if p := w.set.Load(); p != nil {
		return *p
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if p := w.set.Load(); p != nil {
		return *p
	}
	m := map[string]bool{}
	for _, x := range strings.Fields(w.words) {
		m[x] = true
	}
	w.set.Store(&m)
	return m
}

// runeAt returns text[i] with Python's indexing: a negative i counts from
// the end. Out of range it returns -1, which is in no character set (where
// Python would raise IndexError).
func runeAt(text []rune, i int) rune {
	if i < 0 {
		i += len(text)
	}
	if i < 0 || i >= len(text) {
		return -1
	}
	return text[i]
}

// normSpan is score.py's norm_span: it trims quotation marks, apostrophes
// and white space from both ends of [a, b), and also , . ; : from the end.
func normSpan(text []rune, a, b int) (int, int) {
	for a < b && strings.ContainsRune(qm, runeAt(text, a)) {
		a++
	}
	for b > a && strings.ContainsRune(qmEnd, runeAt(text, b-1)) {
		b--
	}
	return a, b
}

// isWordRune reports whether r matches Python's \w in a str pattern:
// str.isalnum() (letters Lu Ll Lt Lm Lo and numbers Nd Nl No) or '_'.
// Combining marks are not word characters in Python.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
}

// wordBreakMid reports whether r has Word_Break MidLetter, MidNumLet or
// Single_Quote, which are case-ignorable.
func wordBreakMid(r rune) bool {
	switch r {
	case '\'', '.', ':', 0xB7, 0x387, 0x55F,
		0x5F4, 0x2018, 0x2019, 0x2024, 0x2027,
		0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E,
		0xFF1A:
		return true
	}
	return false
}

// caseIgnorable is Unicode's Case_Ignorable property.
func caseIgnorable(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) || wordBreakMid(r)
}

// cased is Unicode's Cased property.
func cased(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// finalSigma reports whether the capital sigma at s[i] lowercases to final
// sigma, with CPython's rule: a cased letter before it and none after it,
// skipping case-ignorable characters.
func finalSigma(s []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(s[j]) {
		j--
	}
	if j < 0 || !cased(s[j]) {
		return false
	}
	j = i + 1
	for j < len(s) && caseIgnorable(s[j]) {
		j++
	}
	return j == len(s) || !cased(s[j])
}

// pyLower is Python's str.lower: simple lowercase mappings, plus the one
// unconditional multi-character mapping (U+0130 to "i\u0307") and the
// final-sigma rule.
func pyLower(s string) []rune {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		switch r {
		case 0x130:
			out = append(out, 'i', 0x307)
		case 0x3A3:
			if finalSigma(rs, i) {
				out = append(out, 0x3C2)
			} else {
				out = append(out, 0x3C3)
			}
		default:
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

// titleStopWords are score.py's TITLE_STOP words, never content words of
// a title.
func titleStopWords() map[string]bool { return titleStopSet.get() }

var titleStopSet = lazyWords{words: `a an the of and or in on at to for from by with former now longtime
also then retired current new his her their its`}

// words is score.py's words(): the set of \w+ tokens of the lowercased
// string that are not stop words and are longer than one code point.
func words(s string) map[string]bool { return wordSet(s, stopWords()) }

// titleWords is score.py's title_words(): words() with the title stop
// words.
func titleWords(s string) map[string]bool { return wordSet(s, titleStopWords()) }

// wordSet returns the set of \w+ tokens of the lowercased string that are
// not in stop and are longer than one code point.
func wordSet(s string, stop map[string]bool) map[string]bool {
	set := map[string]bool{}
	rs := pyLower(s)
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isWordRune(rs[j]) {
			j++
		}
		if w := string(rs[i:j]); j-i > 1 && !stop[w] {
			set[w] = true
		}
		i = j
	}
	return set
}

// sharesWord reports whether the two word sets intersect.
func sharesWord(a, b map[string]bool) bool {
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}

// overlap is the length of the intersection of [a1, b1) and [a2, b2).
func overlap(a1, b1, a2, b2 int) int {
	return max(0, min(b1, b2)-max(a1, a2))
}

// round4 is Python's round(x, 4) on a float: the exact binary value rounded
// half to even at the 4th decimal, read back as the nearest double.
func round4(x float64) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	if err != nil {
		return x // NaN or Inf, which Score never produces
	}
	return v
}

// ratio is a/b, 0 when b is 0 (as the scorers' ratio).
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// newPRF is the precision tpP/nPred, the recall tpR/nGold and their F1,
// each rounded to 4 decimals.
func newPRF(tpP, nPred, tpR, nGold int) PRF {
	p, r := ratio(tpP, nPred), ratio(tpR, nGold)
	f := 0.0
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{round4(p), round4(r), round4(f)}
}

// newAccuracy is ok out of n, its accuracy nil when n is 0.
func newAccuracy(ok, n int) Accuracy {
	a := Accuracy{N: n}
	if n != 0 {
		v := round4(ratio(ok, n))
		a.Acc = &v
	}
	return a
}

// pyFloat formats x as Python's repr(float) does (shortest round-trip
// digits, ".0" on integral values, exponent form outside 1e-4 <= |x| < 1e16).
func pyFloat(x float64) string {
	if x == 0 {
		if 1/x < 0 {
			return "-0.0"
		}
		return "0.0"
	}
	e := strconv.FormatFloat(x, 'e', -1, 64) // like -1.2345e-05
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	decpt := exp + 1 // position of the decimal point in digits
	switch {
	case decpt <= -4 || decpt > 16:
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if exp < 0 {
			es, exp = "-", -exp
		}
		return fmt.Sprintf("%s%se%s%02d", sign, m, es, exp)
	case decpt <= 0:
		return sign + "0." + strings.Repeat("0", -decpt) + digits
	case decpt >= len(digits):
		return sign + digits + strings.Repeat("0", decpt-len(digits)) + ".0"
	default:
		return sign + digits[:decpt] + "." + digits[decpt:]
	}
}

// prfJSON and accJSON are PRF and Accuracy with the scorers' number
// formatting (see pyFloat).
type (
	prfJSON struct {
		P  json.Number `json:"P"`
		R  json.Number `json:"R"`
		F1 json.Number `json:"F1"`
	}
	accJSON struct {
		N   int          `json:"n"`
		Acc *json.Number `json:"acc"`
	}
	// speakerJSON is the speaker accuracy of both reports, in their order.
	speakerJSON struct {
		SpeakerAccNamed           accJSON `json:"speaker_acc_named"`
		SpeakerAccPronounByOffset accJSON `json:"speaker_acc_pronoun_by_offset"`
	}
)

// num formats x as Python's repr does.
func num(x float64) json.Number { return json.Number(pyFloat(x)) }

func mkPRF(p PRF) prfJSON { return prfJSON{num(p.P), num(p.R), num(p.F1)} }

func mkAcc(a Accuracy) accJSON {
	out := accJSON{N: a.N}
	if a.Acc != nil {
		n := num(*a.Acc)
		out.Acc = &n
	}
	return out
}

// MarshalJSON writes the report with score.py's number formatting (1.0,
// 0.0, 0.5), so that json.MarshalIndent(r, "", "  ") equals its output.
func (r Report) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Mode                string  `json:"mode"`
		GoldQuotes          int     `json:"gold_quotes"`
		PredQuotesScored    int     `json:"pred_quotes_scored"`
		PredInIgnoreRegions int     `json:"pred_in_ignore_regions"`
		QuoteExact          prfJSON `json:"quote_exact"`
		QuoteOverlap        prfJSON `json:"quote_overlap"`
		speakerJSON
		TitleAcc            accJSON     `json:"title_acc"`
		EndToEndNamedRecall json.Number `json:"end_to_end_named_recall"`
	}{
		r.Mode, r.GoldQuotes, r.PredQuotesScored, r.PredInIgnoreRegions,
		mkPRF(r.QuoteExact), mkPRF(r.QuoteOverlap),
		speakerJSON{mkAcc(r.SpeakerAccNamed), mkAcc(r.SpeakerAccPronounByOffset)},
		mkAcc(r.TitleAcc), num(r.EndToEndNamedRecall),
	})
}

// String renders the report as a short table.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "mode %s: %d gold quotes, %d predictions scored, %d in ignore regions\n",
		r.Mode, r.GoldQuotes, r.PredQuotesScored, r.PredInIgnoreRegions)
	fmt.Fprintf(&b, "%-24s %7s %7s %7s\n", "quotes", "P", "R", "F1")
	for _, row := range []struct {
		name string
		prf  PRF
	}{{"exact", r.QuoteExact}, {"overlap >= 50%", r.QuoteOverlap}} {
		fmt.Fprintf(&b, "%-24s %7.4f %7.4f %7.4f\n", row.name, row.prf.P, row.prf.R, row.prf.F1)
	}
	writeSpeakerRows(&b, []accRow{{"named", r.SpeakerAccNamed}, {"pronoun by offset", r.SpeakerAccPronounByOffset}, {"title", r.TitleAcc}},
		r.EndToEndNamedRecall)
	return b.String()
}

// accRow is a row of the speaker table of a report.
type accRow struct {
	name string
	acc  Accuracy
}

// writeSpeakerRows writes the speaker table of a report (an accuracy per
// row, "-" when there is nothing to score) and the end-to-end named recall.
func writeSpeakerRows(b *strings.Builder, rows []accRow, endToEnd float64) {
	fmt.Fprintf(b, "%-24s %7s %7s\n", "speaker accuracy", "n", "acc")
	for _, row := range rows {
		acc := "-"
		if row.acc.Acc != nil {
			acc = fmt.Sprintf("%.4f", *row.acc.Acc)
		}
		fmt.Fprintf(b, "%-24s %7d %7s\n", row.name, row.acc.N, acc)
	}
	fmt.Fprintf(b, "%-24s %7.4f\n", "end-to-end named recall", endToEnd)
}

// candidate is a possible gold/prediction pair with its overlap ratio.
type candidate struct {
	r    float64
	i, j int
}

// quoteCandidates returns the pairs of a gold and a predicted quote that
// overlap, with the overlap's share of the longer one, sorted as score.py
// sorts them (see sortCandidates).
func quoteCandidates(G []GoldQuote, P []PredQuote) []candidate {
	var cands []candidate
	for i, g := range G {
		for j, p := range P {
			if ov := overlap(g.Start, g.End, p.Start, p.End); ov > 0 {
				den := max(g.End-g.Start, p.End-p.Start, 1)
				cands = append(cands, candidate{float64(ov) / float64(den), i, j})
			}
		}
	}
	sortCandidates(cands)
	return cands
}

// sortCandidates sorts as Python's cand.sort(reverse=True): descending by
// (r, i, j).
func sortCandidates(cands []candidate) {
	slices.SortFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.r, a.r), cmp.Compare(b.i, a.i), cmp.Compare(b.j, a.j))
	})
}

// greedyPairs takes the sorted candidates in order, each whose ratio is at
// least minR and whose gold item (of nG) and prediction (of nP) are both
// still free, as the scorers do. It returns the pairs taken, in order, and
// which predictions they took.
func greedyPairs(cands []candidate, nG, nP int, minR float64) (pairs [][2]int, usedP []bool) {
	usedG := make([]bool, nG)
	usedP = make([]bool, nP)
	for _, c := range cands {
		if c.r >= minR && !usedG[c.i] && !usedP[c.j] {
			usedG[c.i], usedP[c.j] = true, true
			pairs = append(pairs, [2]int{c.i, c.j})
		}
	}
	return pairs, usedP
}

// Score scores predictions (by document id; ids missing from pred are
// documents with no predictions) against gold exactly as score.py does.
// lenient is score.py's --lenient: unmatched predictions in ignore regions
// are then not counted as false positives.
//
// Where score.py would crash on inconsistent input, Score goes on: text
// offsets out of range stop the trimming of norm_span, and a speaker offset
// test with a nil SpeakerEnd fails.
func Score(gold []GoldDoc, pred map[string][]PredQuote, lenient bool) Report {
	var (
		nGold, nPred, tpExact, tpOverlap, ignored int
		spkN, spkOK, proN, proOK, titleN, titleOK int
	)
	for _, d := range gold {
		G, P := d.Quotes, direct(pred[d.ID])
		nGold += len(G)
		pairs, usedP := greedyPairs(quoteCandidates(G, P), len(G), len(P), 0.5)
		for j, p := range P {
			if usedP[j] {
				continue
			}
			if d.ignores(p) {
				ignored++
				if !lenient {
					nPred++
				}
			} else {
				nPred++
			}
		}
		nPred += len(pairs)
		var text []rune
		if len(pairs) > 0 {
			text = []rune(d.Text)
		}
		for _, ij := range pairs {
			g, p := G[ij[0]], P[ij[1]]
			tpOverlap++
			ga, gb := normSpan(text, g.Start, g.End)
			pa, pb := normSpan(text, p.Start, p.End)
			if ga == pa && gb == pb {
				tpExact++
			}
			if g.Speaker == nil {
				continue
			}
			byOff := g.SpeakerOffsets.overlaps(p.SpeakerOffsets)
			if g.SpeakerIsPronoun {
				proN++
				if byOff {
					proOK++
				}
				continue
			}
			spkN++
			ok := byOff
			if !ok {
				pw := words(p.Speaker)
				for _, s := range append([]string{*g.Speaker}, g.SpeakerAlternatives...) {
					if sharesWord(words(s), pw) {
						ok = true
						break
					}
				}
			}
			if ok {
				spkOK++
			}
			if g.SpeakerTitle != "" {
				titleN++
				if ok && sharesWord(titleWords(g.SpeakerTitle), titleWords(p.Title)) {
					titleOK++
				}
			}
		}
	}

	prf := func(tp int) PRF { return newPRF(tp, nPred, tp, nGold) }
	named := 0
	for _, d := range gold {
		for _, q := range d.Quotes {
			if q.Speaker != nil && *q.Speaker != "" && !q.SpeakerIsPronoun {
				named++
			}
		}
	}
	mode := "strict"
	if lenient {
		mode = "lenient"
	}
	return Report{
		Mode:                      mode,
		GoldQuotes:                nGold,
		PredQuotesScored:          nPred,
		PredInIgnoreRegions:       ignored,
		QuoteExact:                prf(tpExact),
		QuoteOverlap:              prf(tpOverlap),
		SpeakerAccNamed:           newAccuracy(spkOK, spkN),
		SpeakerAccPronounByOffset: newAccuracy(proOK, proN),
		TitleAcc:                  newAccuracy(titleOK, titleN),
		EndToEndNamedRecall:       round4(ratio(spkOK, max(1, named))),
	}
}
