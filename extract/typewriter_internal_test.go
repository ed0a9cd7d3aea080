package extract

import (
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// scanTypewriterQuote is inTypewriterQuote as it was first written: it
// counts the marks of its paragraph by a scan back to the paragraph's
// start, per statement — quadratic on a long paragraph of many statements.
// TestTypewriterIndexLikeScan keeps the index that replaced it equal to it.
func scanTypewriterQuote(text string, end int, marks []string) bool {
	para := text[strings.LastIndexByte(text[:end], '\n')+1 : end]
	for _, mark := range marks {
		if strings.Count(para, mark)%2 == 0 {
			continue
		}
		if k := strings.LastIndex(para, mark); k == 0 || para[k-1] == ' ' || para[k-1] == '\t' || para[k-1] == '(' {
			return true
		}
	}
	return false
}

// TestTypewriterIndexLikeScan checks inTypewriterQuote, which looks up the
// marks indexed once a document (typewriterMarks), against the scan of the
// statement's paragraph at every offset of random texts of marks (also
// overlapping runs: ”' and ””), apostrophes, spaces, parentheses and
// line breaks.
func TestTypewriterIndexLikeScan(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{Reported: true})
	l := rs.Lists[listTypewriterQuotes]
	if l == nil || len(l.Entries) == 0 {
		t.Skip("no typewriter_quotes list")
	}
	rng := rand.New(rand.NewSource(1))
	var buf typewriterIndex // reused from text to text, as report's scratch does
	for n := 0; n < 2000; n++ {
		text := typewriterText(rng)
		ix := x.typewriterMarks(text, &buf)
		for end := 0; end <= len(text); end++ {
			para := strings.LastIndexByte(text[:end], '\n') + 1
			if got, want := inTypewriterQuote(text, para, end, ix), scanTypewriterQuote(text, end, l.Entries); got != want {
				t.Fatalf("%q at %d: index says %v, the scan %v", text, end, got, want)
			}
		}
	}
}

// typewriterText returns a random text of typewriter marks (also
// overlapping runs), apostrophes, spaces, parentheses, words and line
// breaks.
func typewriterText(rng *rand.Rand) string {
	pieces := []string{"''", "'", "'''", " ", "(", "\n", "a", "said", "\t", "x ''"}
	var b strings.Builder
	for k := rng.Intn(30); k >= 0; k-- {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

// TestFirstAtLikeSearchInts compares firstAt with sort.SearchInts on
// random sorted arrays of ints and of int64s, at every value from below the
// first to above the last.
func TestFirstAtLikeSearchInts(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	for range 2000 {
		xs := make([]int, rng.Intn(40))
		for i := range xs {
			xs[i] = rng.Intn(100)
		}
		sort.Ints(xs)
		for v := -2; v <= 102; v++ {
			if got, want := firstAt(xs, v), sort.SearchInts(xs, v); got != want {
				t.Fatalf("firstAt(%v, %d) = %d, want %d", xs, v, got, want)
			}
			xs64 := make([]int64, len(xs))
			for i, x := range xs {
				xs64[i] = int64(x) << 32
			}
			if got, want := firstAt(xs64, int64(v)<<32), sort.SearchInts(xs, v); got != want {
				t.Fatalf("firstAt(%v, %d) = %d, want %d", xs64, v, got, want)
			}
		}
	}
}

// TestHitsOutsideTypewriterQuotes checks that the cue hits of a sentence
// leave out those inside a quotation in typewriter marks, and only those:
// each hit that the analysis keeps, and each it leaves out, is told by
// inTypewriterQuote at its token, as the statement filter tells it
// (typewriterQuoted); and that a statement of a cue inside such marks is
// made no more, while the statement around them is.
func TestHitsOutsideTypewriterQuotes(t *testing.T) {
	x := New(defaultExtractor(t).rules, Options{Reported: true})
	g := x.gates()
	text := "Bridge news\n\nJane Doe said on Friday that the bridge would close, adding, ''The council said the repairs would take a year.''\n\n" +
		"''The mayor told us the plan was sound,'' John Roe said.\n"
	c, _, low := x.clean(text, false)
	a := x.analyze(c, low)
	defer x.release(a)
	e := &a.sc.report.early
	if !e.ok || e.tw == nil {
		t.Fatalf("no early hits (%v) or no typewriter marks (%v)", e.ok, e.tw != nil)
	}
	kept, left := 0, 0
	for si := 0; si < a.nsents; si++ {
		toks := a.toks(si)
		all, _ := x.sentenceHits(g, a.view, toks, nil, nil, 0)
		var got []cueHit
		if sp := e.sents[si]; sp.lo >= 0 {
			got = e.all[sp.lo:sp.hi]
		}
		k := 0
		for _, h := range all {
			inside := x.typewriterQuoted(a, e.tw, si, int(toks[h.Pos].Start))
			if kept := k < len(got) && got[k] == h; kept == inside {
				t.Fatalf("sentence %d, hit at %q: inside the marks %v, kept %v", si, toks[h.Pos].Text, inside, kept)
			}
			if inside {
				left++
			} else {
				k++
				kept++
			}
		}
		if k != len(got) {
			t.Fatalf("sentence %d: %d hits kept, %d expected", si, len(got), k)
		}
	}
	if kept == 0 || left < 2 {
		t.Fatalf("%d hits kept, %d left out: want some of each", kept, left)
	}
	doc, err := x.Extract("t", text)
	if err != nil {
		t.Fatal(err)
	}
	var speakers []string
	for _, q := range doc.Quotes {
		speakers = append(speakers, q.Speaker)
		if q.Speaker == "The council" || q.Speaker == "The mayor" {
			t.Errorf("a statement of the quoted speaker %q: %q", q.Speaker, q.Quote)
		}
	}
	if len(speakers) == 0 || speakers[0] != "Jane Doe" {
		t.Errorf("speakers %q, want Jane Doe's statement first", speakers)
	}
}

// TestAnyInLikeIndex checks anyIn, the test of a sentence's hits by the
// marks before its last one, on random texts: whether a mark starts in
// text[para:end) with room before end, asked paragraph by paragraph in
// order as findHits asks (each from the paragraph's start to a later
// offset) and now and then for an earlier paragraph; and that where it
// says none, inTypewriterQuote says false at every offset up to end.
func TestAnyInLikeIndex(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{Reported: true})
	rng := rand.New(rand.NewSource(22))
	var buf typewriterIndex
	for n := 0; n < 2000; n++ {
		text := typewriterText(rng)
		ix := x.typewriterMarks(text, &buf)
		if ix == nil {
			continue
		}
		for end := 0; end <= len(text); end++ {
			para := strings.LastIndexByte(text[:end], '\n') + 1
			if rng.Intn(8) == 0 {
				para = strings.LastIndexByte(text[:para], '\n') + 1 // (an earlier paragraph's start, or this one)
			}
			want := false
			for _, tm := range ix.marks {
				for _, at := range tm.at {
					want = want || at >= para && at+tm.size <= end
				}
			}
			if got := ix.anyIn(para, end); got != want {
				t.Fatalf("%q from %d to %d: anyIn %v, want %v", text, para, end, got, want)
			}
			for e := para; !want && e <= end; e++ {
				if inTypewriterQuote(text, para, e, ix) {
					t.Fatalf("%q from %d to %d: no mark, but inside the marks at %d", text, para, end, e)
				}
			}
		}
	}
}
