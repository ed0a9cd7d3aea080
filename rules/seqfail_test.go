package rules

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestGroupGuardLikeRep checks that matching with repTok, which does not
// call the rest of a pattern where seqFails tells that its group cannot
// start and counts the steps of the call instead, gives the matches and
// the step counts of the recursive rep, for every default rule, on random
// sentences of the words around a participle of speech (short ones, long
// ones and ones with a low limit of steps) and on the sentences of the
// evaluation texts when WHOSAID_EVAL names their folder.
func TestGroupGuardLikeRep(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Smith", "said", "he", "The", "the", "official", "left", "talks", "early", ",", ",", ",",
		"saying", "adding", "while", "by", "after", "when", "before", "and", "but", "–", "Q:quote", "that",
		"they", "had", "failed", ".", "as", "who", "told", "reporters", "according", "to"}
	rng := rand.New(rand.NewSource(13))
	sents := append(randomParts(rng, words, 1500, 30, 15, 200), evalSentences(t, 400)...)
	guards := 0
	for _, r := range rs.Attribution {
		if r.ID == "reported-participle" {
			for _, it := range r.Pattern.its() {
				if it.after != nil {
					guards++
				}
			}
		}
	}
	if guards == 0 {
		t.Fatal("reported-participle has no guard")
	}
	limited, guarded := 0, 0
	for n, parts := range sents {
		toks := testTokens(rs, parts)
		quote, limit := quoteAndLimit(rng, toks, n, 600) // (a low limit: reached inside the skipped calls)
		if limit > 0 {
			limited++
		}
		for _, r := range rs.Attribution {
			if r.Pattern == nil {
				continue
			}
			setTok(r.Pattern.its(), false)
			w := rs.NewWindow(toks)
			w.limit = limit
			want, wantOK := w.Match(r, quote)
			wantSteps, wantOver := w.m.steps, w.m.steps > w.m.limit
			setTok(r.Pattern.its(), true)
			w = rs.NewWindow(toks)
			w.limit = limit
			got, gotOK := w.Match(r, quote)
			over := w.m.steps > w.m.limit
			if gotOK != wantOK || !reflect.DeepEqual(got, want) || over != wantOver || !over && w.m.steps != wantSteps {
				t.Fatalf("rule %s on %v (quote %d, limit %d): repTok gave %v %+v in %d steps, rep %v %+v in %d steps",
					r.ID, parts, quote, limit, gotOK, got, w.m.steps, wantOK, want, wantSteps)
			}
			if r.ID == "reported-participle" && wantSteps > 0 {
				guarded++
			}
		}
		if n%10 == 0 {
			prefixLikeRep(t, rs, toks, parts, quote)
		}
	}
	if guarded == 0 {
		t.Fatal("reported-participle never tried")
	}
	t.Logf("%d sentences (%d with a low limit); reported-participle tried on %d", len(sents), limited, guarded)
}

// evalSentences returns up to n sentences of the PolNeAR texts in the
// folder that WHOSAID_EVAL names, split into words and punctuation
// roughly (a quotation mark is a quotation token), or none when it is not
// set.
func evalSentences(t *testing.T, n int) [][]string {
	dir := os.Getenv("WHOSAID_EVAL")
	if dir == "" {
		return nil
	}
	f, err := os.Open(filepath.Join(dir, "polnear-dev.jsonl"))
	if err != nil {
		t.Logf("%v: random sentences only", err)
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	var out [][]string
	for sc.Scan() && len(out) < n {
		var rec struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &rec) != nil {
			continue
		}
		var cur []string
		for _, w := range strings.Fields(rec.Text) {
			lead := strings.TrimLeft(w, "“\"")
			if lead != w {
				cur = append(cur, "Q:“")
			}
			core := strings.TrimRight(lead, ",.:;”\"")
			tail := lead[len(core):]
			if core != "" {
				cur = append(cur, core)
			}
			for _, c := range tail {
				switch c {
				case '”', '"':
					cur = append(cur, "Q:”")
				default:
					cur = append(cur, string(c))
				}
			}
			if strings.ContainsAny(tail, ".") && len(cur) > 3 {
				out = append(out, cur)
				cur = nil
			}
		}
	}
	return out
}

// prefixLikeRep is TestGroupGuardLikeRep's comparison on the patterns
// made of a first part of a default pattern's items, as explain makes
// them: a guard that reads items past the cut must not be asked.
func prefixLikeRep(t *testing.T, rs *Ruleset, toks []Token, parts []string, quote int) {
	for _, r := range rs.Attribution {
		if r.Pattern == nil {
			continue
		}
		its := r.Pattern.its()
		for k := 1; k < len(its); k++ {
			cut := &AttrRule{ID: r.ID, Pattern: &Pattern{Source: r.Pattern.Source, items: its[:k]}}
			setTok(its, false)
			w := rs.NewWindow(toks)
			want, wantOK := w.Match(cut, quote)
			wantSteps := w.m.steps
			setTok(its, true)
			w = rs.NewWindow(toks)
			got, gotOK := w.Match(cut, quote)
			if gotOK != wantOK || !reflect.DeepEqual(got, want) || w.m.steps != wantSteps && wantSteps <= w.m.limit {
				t.Fatalf("rule %s cut at %d on %v: repTok gave %v %+v in %d steps, rep %v %+v in %d steps",
					r.ID, k, parts, gotOK, got, w.m.steps, wantOK, want, wantSteps)
			}
		}
	}
}

// testTokens returns the tokens of sentence(parts...), dashes made Dash
// tokens, classified by rs.
func testTokens(rs *Ruleset, parts []string) []Token {
	toks, _ := sentence(parts...)
	for i := range toks {
		if toks[i].Text == "–" || toks[i].Text == "—" {
			toks[i].Kind = Dash
		}
		rs.Classify(&toks[i])
	}
	return toks
}
