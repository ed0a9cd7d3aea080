package extract

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestWordKindLikeCompare checks wordKind, mayReport's count without a
// branch, against comparing the kind, for every kind's byte.
func TestWordKindLikeCompare(t *testing.T) {
	for k := 0; k < 256; k++ {
		want := uint8(0)
		if rules.TokenKind(k) == rules.Word {
			want = 1
		}
		if got := wordKind(rules.TokenKind(k)); got != want {
			t.Errorf("wordKind(%d) = %d, want %d", k, got, want)
		}
	}
}

// firstStartRef is attempt's first start as it was told before gateRule
// held the lead: from the reach and the anchoring, by branches.
func firstStartRef(rc *rules.CueReach, anchored bool, from, f int, fast bool) (int, bool) {
	lo := from
	if rc.Lead >= 0 && anchored {
		if rc.Off >= 0 {
			lo = max(from, f-rc.Lead-rc.Off)
		}
		if fast && lo > 0 {
			return lo, true
		}
	} else if rc.Lead >= 0 {
		lo = max(from, f-rc.Lead)
	}
	return lo, false
}

// TestFirstStartLikeRef compares gateRule.firstStart with the branches it
// replaces, for reaches bounded and not, anchored and not, every first
// start and first cue of a sentence, with and without the fast path.
func TestFirstStartLikeRef(t *testing.T) {
	for _, lead := range []int{-1, 0, 1, 3, 18, 1 << 41} {
		for _, off := range []int{-1, 0, 2, 5} {
			for _, anchored := range []bool{false, true} {
				rc := &rules.CueReach{Lead: lead, Off: off}
				e := newGateRule(nil, 1, 0, rc, anchored)
				for from := 0; from < 8; from++ {
					for f := from; f < 40; f++ {
						for _, fast := range []bool{false, true} {
							lo, maxLo := e.firstStart(from, f, fast)
							none := lo > maxLo
							wantLo, wantNone := firstStartRef(rc, anchored, from, f, fast)
							if none != wantNone || !none && lo != wantLo {
								t.Fatalf("lead %d off %d anchored %v from %d f %d fast %v: (%d, %v), want (%d, %v)",
									lead, off, anchored, from, f, fast, lo, none, wantLo, wantNone)
							}
						}
					}
				}
			}
		}
	}
}

// TestRowsInPlaceLikeMerge compares the documents of an extractor that
// makes the statements' rows in place in the quote rows' array with those
// of one that makes them apart and merges them (mergeRecords), on the
// seed's texts and PolNeAR's (with WHOSAID_EVAL), with and without
// explanations and every quotation.
func TestRowsInPlaceLikeMerge(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Jane Doe said the bridge would close, while John Roe argued that it should stay open.",
		"“We will build it,” the mayor said. The council said the vote was delayed. Mary Major told reporters that the plan had failed, “and nobody cared,” she added.",
	}
	texts = append(texts, rowsCorpus(t)...)
	for _, opts := range []Options{{Reported: true}, {Reported: true, All: true, Explain: true}, {Reported: true, MinConfidence: 0.7}} {
		x, y := New(rs, opts), New(rs, opts)
		y.mergeRows = true
		sameDocuments(t, x, y, texts, fmt.Sprintf("%+v: rows made in place differ from the merged ones", opts))
	}
}

// sameDocuments checks that x and y extract the same documents from
// texts, saying what differs when they do not, and returns x's.
func sameDocuments(t *testing.T, x, y *Extractor, texts []string, what string) []*Document {
	t.Helper()
	var docs []*Document
	for i, text := range texts {
		got, err := x.Extract("d", text)
		if err != nil {
			t.Fatal(err)
		}
		want, err := y.Extract("d", text)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d: %s", i, what)
		}
		docs = append(docs, got)
	}
	return docs
}

// rowsCorpus returns the seed's texts and, when WHOSAID_EVAL names the
// folder of the evaluation data, the first 100 texts of PolNeAR's train set.
func rowsCorpus(t *testing.T) []string {
	t.Helper()
	var texts []string
	files, _ := filepath.Glob("../testdata/seed/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	if d := os.Getenv("WHOSAID_EVAL"); d != "" {
		p := filepath.Join(d, "polnear-train.jsonl")
		if _, err := os.Stat(p); err == nil {
			n := 0
			err := ReadInputs([]string{p}, InputOptions{}, func(in Input) error {
				if n++; n <= 100 && in.Err == nil {
					texts = append(texts, in.Text)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	return texts
}

// TestFirstCueAtLikeBinarySearch compares firstCueAt with
// slices.BinarySearchFunc on sorted cues with repeated offsets, at every
// offset around them.
func TestFirstCueAtLikeBinarySearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 11))
	for n := 0; n < 40; n++ {
		var cues []quoteCue
		v := 0
		for range n {
			v += rng.IntN(3)
			cues = append(cues, quoteCue{off: v, qi: len(cues)})
		}
		for x := -1; x <= v+1; x++ {
			want, _ := slices.BinarySearchFunc(cues, x, func(q quoteCue, x int) int { return cmp.Compare(q.off, x) })
			if got := firstCueAt(cues, x); got != want {
				t.Fatalf("firstCueAt(%v, %d) = %d, want %d", cues, x, got, want)
			}
		}
	}
}
