package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestNormSpan(t *testing.T) {
	text := []rune(`Ünïcode: “Hello, world.” ‘x’ «ok»;`)
	tests := []struct {
		name         string
		a, b         int
		wantA, wantB int
	}{
		{"marks trimmed", 9, 24, 10, 22}, // “Hello, world.” -> Hello, world
		{"inner span trailing dot", 10, 23, 10, 22},
		{"nothing to trim", 10, 15, 10, 15},               // Hello
		{"comma trimmed at the end only", 15, 17, 15, 15}, // ", "
		{"single quotes", 25, 28, 26, 27},
		{"guillemets and semicolon", 29, 34, 30, 32},
		{"empty span", 5, 5, 5, 5},
		{"negative start reads text[-1]", -1, 3, -1, 3}, // ';' is trimmed at the end only
		{"out of range stops trimming", 40, 50, 40, 50},
	}
	for _, tt := range tests {
		a, b := normSpan(text, tt.a, tt.b)
		if a != tt.wantA || b != tt.wantB {
			t.Errorf("%s: normSpan(%d, %d) = (%d, %d), want (%d, %d)", tt.name, tt.a, tt.b, a, b, tt.wantA, tt.wantB)
		}
	}
	// A negative index that lands on a quotation mark is trimmed, as in Python.
	q := []rune(`“a”`)
	if a, b := normSpan(q, -1, 2); a != 1 || b != 2 {
		t.Errorf("normSpan wrap = (%d, %d), want (1, 2)", a, b)
	}
}

func TestWords(t *testing.T) {
	// Expected sets are what score.py's words() returns (Python 3.11).
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Renée Müller", []string{"müller", "renée"}},
		{"the harbour chief", []string{"chief", "harbour"}},
		{"Dr. Jane O'Neil-Smith", []string{"jane", "neil", "smith"}},
		{"Mr. X", nil},
		{"He said", nil},
		{"Sen. President Former", nil},
		{"der Sprecher und die Ministerin", []string{"ministerin", "sprecher"}},
		{"ΟΔΥΣΣΕΑΣ ΠΑΠΑΣ", []string{"οδυσσεας", "παπας"}}, // final sigma
		{"ΣΑΣ", []string{"σας"}},
		{"ᾼΣ", []string{"ᾳς"}},
		{"İlker", []string{"lker"}}, // İ lowercases to i + U+0307, which is no word character
		{"Ilker", []string{"ilker"}},
		{"Jose\u0301", []string{"jose"}}, // combining marks split words
		{"agent_007 AGENT_007", []string{"agent_007"}},
		{"ǅemal 2nd ½ x²", []string{"2nd", "x²", "ǆemal"}},
		{"Ⅻ pound", []string{"pound"}},
	}
	for _, tt := range tests {
		got := slices.Sorted(func(yield func(string) bool) {
			for w := range words(tt.in) {
				if !yield(w) {
					return
				}
			}
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRound4(t *testing.T) {
	// Expected values are Python's round(x, 4).
	tests := []struct{ in, want float64 }{
		{0.03125, 0.0312}, // exact tie: half to even
		{0.09375, 0.0938},
		{0.00005, 0.0001},
		{0.00015, 0.0001},
		{0.12345, 0.1235},
		{0.00025, 0.0003},
		{0.00035, 0.0003},
		{0.31255, 0.3125},
		{0.6665, 0.6665},
		{1.0 / 3, 0.3333},
		{2.0 / 3, 0.6667},
		{0.99995, 1.0},
		{0.1 + 0.2, 0.3},
		{1.0 / 7, 0.1429},
		{0, 0},
		{1, 1},
	}
	for _, tt := range tests {
		if got := round4(tt.in); got != tt.want {
			t.Errorf("round4(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestPyFloat(t *testing.T) {
	// Expected strings are Python's repr().
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0"}, {1, "1.0"}, {0.5, "0.5"}, {0.6667, "0.6667"}, {0.0001, "0.0001"},
		{0.05, "0.05"}, {12.5, "12.5"}, {1e-05, "1e-05"}, {1.5e-05, "1.5e-05"},
		{1e16, "1e+16"}, {123456789012345678, "1.2345678901234568e+17"}, {-0.25, "-0.25"},
	}
	for _, tt := range tests {
		if got := pyFloat(tt.in); got != tt.want {
			t.Errorf("pyFloat(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func intp(i int) *int { return &i }

func strp(s string) *string { return &s }

func TestScoreMatching(t *testing.T) {
	text := strings.Repeat("x", 40)
	gold := []GoldDoc{{ID: "d", Text: text, Quotes: []GoldQuote{
		{GoldSpan: GoldSpan{Start: 0, End: 10, Speaker: strp("Alpha")}},
		{GoldSpan: GoldSpan{Start: 10, End: 20, Speaker: strp("Beta")}},
		{GoldSpan: GoldSpan{Start: 20, End: 30, Speaker: strp("Gamma")}},
		{GoldSpan: GoldSpan{Start: 30, End: 40, Speaker: strp("Delta")}},
	}}}
	tests := []struct {
		name    string
		pred    []PredQuote
		overlap int // matched pairs
		spkOK   float64
	}{
		// Ratio 0.5 with gold 0 and gold 1: the larger gold index wins.
		{"tie goes to larger gold index", []PredQuote{{Start: 5, End: 15, Speaker: "Beta"}}, 1, 1},
		// Same span twice: the larger prediction index wins.
		{"tie goes to larger pred index", []PredQuote{
			{Start: 30, End: 40, Speaker: "Wrong"}, {Start: 30, End: 40, Speaker: "Delta"}}, 1, 1},
		// Higher ratio first, whatever the indices.
		{"higher ratio first", []PredQuote{
			{Start: 22, End: 30, Speaker: "Gamma"}, {Start: 20, End: 30, Speaker: "Nope"}}, 1, 0},
		{"below half no match", []PredQuote{{Start: 0, End: 4, Speaker: "Alpha"}}, 0, 0},
		{"exactly half matches", []PredQuote{{Start: 0, End: 5, Speaker: "Alpha"}}, 1, 1},
		{"one to one", []PredQuote{
			{Start: 0, End: 10, Speaker: "Alpha"}, {Start: 0, End: 9, Speaker: "Nope"}}, 1, 1},
	}
	for _, tt := range tests {
		r := Score(gold, map[string][]PredQuote{"d": tt.pred}, false)
		if got := int(r.QuoteOverlap.R * 4); got != tt.overlap {
			t.Errorf("%s: %d matched, want %d", tt.name, got, tt.overlap)
		}
		if tt.overlap > 0 && *r.SpeakerAccNamed.Acc != tt.spkOK {
			t.Errorf("%s: named accuracy %v, want %v", tt.name, *r.SpeakerAccNamed.Acc, tt.spkOK)
		}
	}
}

func TestScoreSpeakers(t *testing.T) {
	text := "Jane Okafor spoke. “Yes,” she said."
	quote := GoldQuote{GoldSpan: GoldSpan{Start: 20, End: 24}}
	named := quote
	named.Speaker, named.SpeakerStart, named.SpeakerEnd = strp("Jane Okafor"), intp(0), intp(11)
	pron := quote
	pron.Speaker, pron.SpeakerStart, pron.SpeakerEnd, pron.SpeakerIsPronoun = strp("she"), intp(26), intp(29), true
	alt := named
	alt.Speaker, alt.SpeakerStart, alt.SpeakerEnd, alt.SpeakerAlternatives = strp("the mayor"), nil, nil, []string{"", "Okafor"}
	empty := named
	empty.Speaker = strp("")
	tests := []struct {
		name  string
		gold  GoldQuote
		pred  PredQuote
		named *float64 // nil: not scored as named
		pron  *float64
		e2e   float64
	}{
		{"named by offsets", named, PredQuote{Start: 20, End: 24, Speaker: "Mayor", SpeakerOffsets: SpeakerOffsets{intp(5), intp(6)}}, fp(1), nil, 1},
		{"named by word", named, PredQuote{Start: 20, End: 24, Speaker: "OKAFOR"}, fp(1), nil, 1},
		{"named wrong", named, PredQuote{Start: 20, End: 24, Speaker: "an aide", SpeakerOffsets: SpeakerOffsets{intp(26), intp(29)}}, fp(0), nil, 0},
		{"named touching offsets do not overlap", named, PredQuote{Start: 20, End: 24, Speaker: "x", SpeakerOffsets: SpeakerOffsets{intp(11), intp(12)}}, fp(0), nil, 0},
		{"pronoun by offsets", pron, PredQuote{Start: 20, End: 24, Speaker: "Jane Okafor", SpeakerOffsets: SpeakerOffsets{intp(27), intp(28)}}, nil, fp(1), 0},
		{"pronoun not by word", pron, PredQuote{Start: 20, End: 24, Speaker: "she"}, nil, fp(0), 0},
		{"alternatives", alt, PredQuote{Start: 20, End: 24, Speaker: "Jane Okafor"}, fp(1), nil, 1},
		{"empty speaker scored, not in end-to-end", empty, PredQuote{Start: 20, End: 24, Speaker: "x", SpeakerOffsets: SpeakerOffsets{intp(0), intp(4)}}, fp(1), nil, 1},
		{"null speaker not scored", quote, PredQuote{Start: 20, End: 24, Speaker: "Jane"}, nil, nil, 0},
	}
	for _, tt := range tests {
		gold := []GoldDoc{{ID: "d", Text: text, Quotes: []GoldQuote{tt.gold}}}
		r := Score(gold, map[string][]PredQuote{"d": {tt.pred}}, false)
		check := func(what string, a Accuracy, want *float64) {
			switch {
			case want == nil && (a.N != 0 || a.Acc != nil):
				t.Errorf("%s: %s = %+v, want n=0 acc=nil", tt.name, what, a)
			case want != nil && (a.N != 1 || a.Acc == nil || *a.Acc != *want):
				t.Errorf("%s: %s = n %d acc %v, want n=1 acc=%v", tt.name, what, a.N, a.Acc, *want)
			}
		}
		check("named", r.SpeakerAccNamed, tt.named)
		check("pronoun", r.SpeakerAccPronounByOffset, tt.pron)
		if r.EndToEndNamedRecall != tt.e2e {
			t.Errorf("%s: end-to-end %v, want %v", tt.name, r.EndToEndNamedRecall, tt.e2e)
		}
	}
}

func fp(f float64) *float64 { return &f }

func TestScoreIgnoreRegions(t *testing.T) {
	gold := []GoldDoc{{ID: "d", Text: strings.Repeat("x", 60),
		Quotes: []GoldQuote{{GoldSpan: GoldSpan{Start: 0, End: 10}}},
		Ignore: []IgnoreSpan{{Start: 20, End: 30}}}}
	pred := map[string][]PredQuote{"d": {
		{Start: 0, End: 10},  // matched
		{Start: 25, End: 35}, // exactly half inside: ignored
		{Start: 26, End: 36}, // less than half: false positive
		{Start: 50, End: 50}, // zero length: "inside" any region, as in score.py
	}}
	strict := Score(gold, pred, false)
	lenient := Score(gold, pred, true)
	if strict.PredQuotesScored != 4 || strict.PredInIgnoreRegions != 2 || strict.Mode != "strict" {
		t.Errorf("strict: %+v", strict)
	}
	if lenient.PredQuotesScored != 2 || lenient.PredInIgnoreRegions != 2 || lenient.Mode != "lenient" {
		t.Errorf("lenient: %+v", lenient)
	}
	// A matched prediction inside an ignore region is a true positive.
	gold[0].Ignore = []IgnoreSpan{{Start: 0, End: 10}}
	if r := Score(gold, map[string][]PredQuote{"d": {{Start: 0, End: 10}}}, false); r.PredInIgnoreRegions != 0 || r.QuoteExact.P != 1 {
		t.Errorf("matched in ignore region: %+v", r)
	}
}

func TestScoreEmpty(t *testing.T) {
	r := Score(nil, nil, false)
	want := Report{Mode: "strict"}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("Score(nil) = %+v, want %+v", r, want)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	const wantJSON = `{"mode":"strict","gold_quotes":0,"pred_quotes_scored":0,"pred_in_ignore_regions":0,` +
		`"quote_exact":{"P":0.0,"R":0.0,"F1":0.0},"quote_overlap":{"P":0.0,"R":0.0,"F1":0.0},` +
		`"speaker_acc_named":{"n":0,"acc":null},"speaker_acc_pronoun_by_offset":{"n":0,"acc":null},` +
		`"title_acc":{"n":0,"acc":null},` +
		`"end_to_end_named_recall":0.0}`
	if string(b) != wantJSON {
		t.Errorf("JSON:\n%s\nwant\n%s", b, wantJSON)
	}
}

func TestReadGold(t *testing.T) {
	long := strings.Repeat("é", 200000) // a line far longer than bufio.Scanner's default limit
	in := `{"id": "a", "text": "` + long + `", "quotes": [{"start": 1, "end": 3, "speaker": null, "Speaker": "X", "speaker_alternatives": ["B", null]}], "ignore": [{"start": 0, "end": 1}], "meta": {"k": 1}}` + "\r\n" +
		`{"id": "b", "text": "", "quotes": []}` + "\r" +
		`{"id": "c", "text": "t", "quotes": [{"start": 0, "end": 1, "speaker": "", "speaker_start": 0, "speaker_end": 1, "speaker_is_pronoun": true, "cue": null, "kind": "direct"}]}`
	docs, err := ReadGold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 || docs[0].ID != "a" || docs[1].ID != "b" || docs[2].ID != "c" {
		t.Fatalf("docs: %d", len(docs))
	}
	q := docs[0].Quotes[0]
	if q.Start != 1 || q.End != 3 || q.Speaker != nil || !slices.Equal(q.SpeakerAlternatives, []string{"B", ""}) {
		t.Errorf("quote a: %+v", q)
	}
	if len(docs[0].Text) != 400000 || string(docs[0].Meta) != `{"k": 1}` || docs[0].Ignore[0].End != 1 {
		t.Errorf("doc a: text %d, meta %s, ignore %+v", len(docs[0].Text), docs[0].Meta, docs[0].Ignore)
	}
	q = docs[2].Quotes[0]
	if q.Speaker == nil || *q.Speaker != "" || *q.SpeakerEnd != 1 || !q.SpeakerIsPronoun || q.Cue != nil || q.Kind != "direct" {
		t.Errorf("quote c: %+v", q)
	}

	bad := []struct{ in, want string }{
		{`{"id": "a", "text": "", "quotes": []}` + "\n\n", "gold line 2"},
		{`{"id": "a", "text": "", "quotes": []}` + "\n" + `{"id": "b", "quotes": []}`, `gold line 2: "text" is missing`},
		{`{"id": "a", "text": ""}`, `"quotes" is missing`},
		{`{"id": "a", "text": "", "quotes": [{"start": 0, "end": 1}, {"Start": 0, "end": 1}]}`, `quotes[1]: "start" is missing`},
		{`{"id": "a", "text": "", "quotes": [{"start": 0.5, "end": 1}]}`, `quotes[0]: "start"`},
		{`{"id": "a", "text": "", "quotes": [{"start": 0, "end": 1, "speaker_start": 0}]}`, `"speaker_end" is missing`},
		{`{"id": "a", "text": "", "quotes": [], "ignore": [{"start": 0}]}`, `ignore[0]: "end" is missing`},
		{`{"id": 5, "text": "", "quotes": []}`, `"id"`},
		{`null`, "expected a JSON object"},
		{"{\"id\": \"a\", \"text\": \"\xff\", \"quotes\": []}", "line 1: invalid UTF-8"},
	}
	for _, tt := range bad {
		_, err := ReadGold(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadGold(%.40q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestReadPred(t *testing.T) {
	in := `{"id": "a", "quotes": [{"start": 0, "end": 4}]}` + "\n" +
		`{"id": "b", "quotes": [{"start": 1, "end": 2, "speaker": null, "confidence": 0.3}], "model": "x"}` + "\n" +
		`{"id": "a", "quotes": [{"start": 5, "end": 9, "speaker": "Bo", "speaker_start": 1, "speaker_end": 3}]}` + "\n" +
		`{"id": "c"}` + "\n"
	pred, err := ReadPred(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]PredQuote{
		"a": {{Start: 5, End: 9, Speaker: "Bo", SpeakerOffsets: SpeakerOffsets{intp(1), intp(3)}}},
		"b": {{Start: 1, End: 2}},
		"c": {},
	}
	if !reflect.DeepEqual(pred, want) {
		t.Errorf("ReadPred = %+v, want %+v", pred, want)
	}
	bad := []struct{ in, want string }{
		{`{"quotes": []}`, `pred line 1: "id" is missing`},
		{`{"id": "a"}` + "\n" + `{"id": "b", "quotes": [{"end": 1}]}`, `pred line 2: quotes[0]: "start" is missing`},
		{`{"id": "a", "quotes": [{"start": 0, "end": 1, "speaker_start": 0, "speaker_end": null}]}`, `"speaker_end" is missing`},
		{`{"id": "a", "quotes": [{"start": 0, "end": 1, "speaker": 3}]}`, `"speaker"`},
		{`{"id": "a", "quotes": {}}`, `"quotes"`},
		{`{"id": "a"`, "pred line 1"},
	}
	for _, tt := range bad {
		_, err := ReadPred(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadPred(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

// readTestdata reads a gold and a predictions file.
func readTestdata(t *testing.T, goldPath, predPath string) ([]GoldDoc, map[string][]PredQuote) {
	t.Helper()
	gf, err := os.Open(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer gf.Close()
	gold, err := ReadGold(gf)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := os.Open(predPath)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	pred, err := ReadPred(pf)
	if err != nil {
		t.Fatal(err)
	}
	return gold, pred
}

// scoreJSON returns Score's report formatted as score.py prints it.
func scoreJSON(t *testing.T, goldPath, predPath string, lenient bool) []byte {
	t.Helper()
	gold, pred := readTestdata(t, goldPath, predPath)
	b, err := json.MarshalIndent(Score(gold, pred, lenient), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// testdataSets are the testdata gold/prediction pairs with score.py's
// output for them in strict and lenient mode.
var testdataSets = []struct{ gold, pred, strict, lenient string }{
	{"gold.jsonl", "pred.jsonl", "score_expected.json", "score_expected_lenient.json"},
	{"edge-gold.jsonl", "edge-pred.jsonl", "edge_expected.json", "edge_expected_lenient.json"},
}

// TestGolden compares Score with score.py's output, recorded by running it
// on the testdata files.
func TestGolden(t *testing.T) {
	for _, set := range testdataSets {
		for _, lenient := range []bool{false, true} {
			expected := set.strict
			if lenient {
				expected = set.lenient
			}
			want, err := os.ReadFile(filepath.Join("testdata", expected))
			if err != nil {
				t.Fatal(err)
			}
			got := scoreJSON(t, filepath.Join("testdata", set.gold), filepath.Join("testdata", set.pred), lenient)
			if !bytes.Equal(got, want) {
				t.Errorf("%s: Score gives\n%s\nscore.py gave\n%s", expected, got, want)
			}
			// The JSON keys also read back into a Report.
			var r Report
			if err := json.Unmarshal(want, &r); err != nil {
				t.Fatal(err)
			}
			gold, pred := readTestdata(t, filepath.Join("testdata", set.gold), filepath.Join("testdata", set.pred))
			if s := Score(gold, pred, lenient); !reflect.DeepEqual(s, r) {
				t.Errorf("%s: Score = %+v, decoded %+v", expected, s, r)
			}
		}
	}
}

// TestTestdataGold checks that the offsets in testdata/gold.jsonl point at
// the quote and speaker texts.
func TestTestdataGold(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		text := []rune(d.Text)
		for i, q := range d.Quotes {
			if got := string(text[q.Start:q.End]); got != q.Text {
				t.Errorf("%s quote %d: text[%d:%d] = %q, want %q", d.ID, i, q.Start, q.End, got, q.Text)
			}
			if q.SpeakerStart != nil {
				if got := string(text[*q.SpeakerStart:*q.SpeakerEnd]); got != *q.Speaker {
					t.Errorf("%s quote %d: speaker text %q, want %q", d.ID, i, got, *q.Speaker)
				}
			}
		}
		for i, x := range d.Ignore {
			if got := string(text[x.Start:x.End]); got != x.Text {
				t.Errorf("%s ignore %d: %q, want %q", d.ID, i, got, x.Text)
			}
		}
	}
}

func TestReportString(t *testing.T) {
	r := Report{Mode: "strict", GoldQuotes: 12, PredQuotesScored: 11,
		QuoteExact:      PRF{0.5, 0.25, 0.3333},
		SpeakerAccNamed: Accuracy{N: 6, Acc: fp(0.8333)}, EndToEndNamedRecall: 0.625}
	s := r.String()
	for _, want := range []string{"strict", "12 gold", "0.5000", "0.3333", "0.8333", "0.6250", "pronoun by offset"} {
		if !strings.Contains(s, want) {
			t.Errorf("String() lacks %q:\n%s", want, s)
		}
	}
	if !strings.Contains(s, "      0       -") {
		t.Errorf("String() should show - for an accuracy over no quotes:\n%s", s)
	}
}

// TestAgainstScorePy runs the reference score.py, when WHOSAID_SCORE_PY
// names it, on the testdata files and compares its output with Score's.
// WHOSAID_SCORE_PAIRS may add comma-separated GOLD=PRED file pairs (for
// example real evaluation data with throwaway predictions).
func TestAgainstScorePy(t *testing.T) {
	script := os.Getenv("WHOSAID_SCORE_PY")
	if script == "" {
		t.Skip("WHOSAID_SCORE_PY is not set")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	type pair struct{ gold, pred string }
	var pairs []pair
	for _, set := range testdataSets {
		pairs = append(pairs, pair{filepath.Join("testdata", set.gold), filepath.Join("testdata", set.pred)})
	}
	for _, p := range strings.Split(os.Getenv("WHOSAID_SCORE_PAIRS"), ",") {
		if p = strings.TrimSpace(p); p != "" {
			gold, pred, ok := strings.Cut(p, "=")
			if !ok {
				t.Fatalf("WHOSAID_SCORE_PAIRS: %q is not GOLD=PRED", p)
			}
			pairs = append(pairs, pair{gold, pred})
		}
	}
	for _, p := range pairs {
		for _, lenient := range []bool{false, true} {
			args := []string{script, p.gold, p.pred}
			if lenient {
				args = []string{script, "--lenient", p.gold, p.pred}
			}
			want, err := exec.Command(python, args...).Output()
			if err != nil {
				t.Fatalf("%s %v: %v", python, args, err)
			}
			if got := scoreJSON(t, p.gold, p.pred, lenient); !bytes.Equal(got, want) {
				t.Errorf("%s %s lenient=%v: Score gives\n%s\nscore.py gives\n%s", p.gold, p.pred, lenient, got, want)
			} else {
				t.Logf("%s %s lenient=%v: identical", p.gold, p.pred, lenient)
			}
		}
	}
}
