package rules

import (
	"fmt"
	"maps"
	"math/rand"
	"slices"
	"testing"
)

// capturesMap is what a match's captures were before Captures: a map of
// each name to its latest binding on the stack.
func capturesMap(caps []capture, names []string) map[string]Span {
	m := map[string]Span{}
	for _, c := range caps {
		m[names[c.name]] = c.span
	}
	return m
}

// sameCaptures reports how c differs from the map want ("" when it does
// not): by Get of every name of names and of one no pattern has, by All
// and by Len.
func sameCaptures(c *Captures, want map[string]Span, names []string) string {
	for _, n := range slices.Concat(names, []string{"\x00none"}) {
		s, ok := c.Get(n)
		w, wok := want[n]
		if s != w || ok != wok {
			return "Get(" + n + ")"
		}
	}
	if got := maps.Collect(c.All()); !maps.Equal(got, want) {
		return "All"
	}
	if c.Len() != len(want) {
		return "Len"
	}
	return ""
}

// TestCapturesNumbered: every capture of every default pattern is numbered
// by its name among the pattern's names, and content is the first name of
// a pattern that holds reported content (the number the clause binds).
func TestCapturesNumbered(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var walk func(r *AttrRule, its []*item)
	walk = func(r *AttrRule, its []*item) {
		for _, it := range its {
			if it.capture != "" && (int(it.capIdx) >= len(r.Pattern.caps.names) || r.Pattern.caps.names[it.capIdx] != it.capture) {
				t.Errorf("%s: capture %s: number %d of %v", r.ID, it.capture, it.capIdx, r.Pattern.caps.names)
			}
			for _, a := range it.alts {
				walk(r, a)
			}
			walk(r, it.neg)
		}
	}
	for _, r := range rs.Attribution {
		if r.Pattern == nil {
			continue
		}
		walk(r, r.Pattern.its())
		if r.Pattern.HasClause && (len(r.Pattern.caps.names) == 0 || r.Pattern.caps.names[contentCapture] != contentName) {
			t.Errorf("%s: reported content without %s first: %v", r.ID, contentName, r.Pattern.caps.names)
		}
	}
}

// TestCapturesLikeMap: at every complete match that the matcher reaches
// (every start, every way the pattern matches, within a bound of steps),
// the Captures it makes hold what the map of the bindings held, for every
// default rule on random sentences and for patterns of more names than
// are held in place.
func TestCapturesLikeMap(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "says", "told", "reporters", "he", "she", "The", "the", "official", "President",
		"Trump", "Smith", "spokesman", "according", "to", "as", "who", "that", "it", "was", "announced",
		"and", "saying", "warned", "plan", "would", "fail", ",", ",", ":", ".", "Q:quote", "Q:quote", "–",
		"a", "b", "c", "d", "e", "f"}
	pats := []*AttrRule{}
	for _, src := range []string{
		"a:a b:b c:c d:d e:e f:f",
		"a:ANY? b:ANY? c:ANY? d:ANY? e:ANY? b:ANY f:ANY?",
		"a:a b:(b c:c)? a:(d | e:e) f:f? CLAUSE",
		"x:(a | b | c)+ y:ANY{1,3} z:SPEAKER w:d v:e? u:f",
		"cue:said speaker:SPEAKER content:CLAUSE",
	} {
		p, err := ParsePattern(src)
		if err != nil {
			t.Fatal(src, err)
		}
		pats = append(pats, &AttrRule{ID: src, Pattern: p})
	}
	rng := rand.New(rand.NewSource(13))
	checked, wide := 0, 0
	for n := 0; n < 150; n++ {
		toks, _ := randomSentence(rs, rng, words, 4+rng.Intn(20))
		quote := -1
		for i, tk := range toks {
			if tk.Kind == QuoteT {
				quote = i
				break
			}
		}
		w := rs.NewWindow(toks)
		for _, r := range append(pats, rs.Attribution...) {
			if r.Pattern == nil {
				continue
			}
			its := r.Pattern.its()
			names := &r.Pattern.caps
			for start := range toks {
				m := &w.m
				m.Window, m.quote, m.steps, m.limit, m.caps = w, quote, 0, 3000, m.caps[:0]
				m.speaker, m.hasSpk, m.follow = SpeakerPhrase{}, false, ""
				m.seq(its, 0, start, func(int) bool {
					got := m.captures(names)
					if d := sameCaptures(&got, capturesMap(m.caps, names.names), names.names); d != "" {
						t.Errorf("%s at %d of %v: %s differs from the map", r.ID, start, toks, d)
					}
					checked++
					if len(m.caps) > 0 && int(m.caps[len(m.caps)-1].name) >= inlineCaptures {
						wide++
					}
					return false // every way the pattern matches
				})
			}
		}
	}
	if checked < 1000 || wide == 0 {
		t.Errorf("%d matches checked, %d with names past those in place: too few", checked, wide)
	}
}

// TestCapturesSet: Set binds a name as a later binding in the match
// would (in place, past the names held in place, a span that 32 bits do
// not hold, a name the pattern has not), and leaves the copies of a
// Captures and the pattern's names as they were.
func TestCapturesSet(t *testing.T) {
	pat := captureNames{names: []string{"content", "cue", "a", "b", "c", "d"}}
	m := &matcher{caps: []capture{{1, Span{1, 2}}, {4, Span{5, 6}}, {1, Span{2, 3}}}}
	base := m.captures(&pat)
	orig := map[string]Span{"cue": {2, 3}, "c": {5, 6}}
	all := slices.Concat(pat.names, []string{"speaker", "mention"})
	for _, tc := range []struct {
		name string
		set  []string // name, then the span's start and end
	}{
		{"none", nil},
		{"again", []string{"cue 3 4"}},
		{"in place", []string{"content 0 9"}},
		{"past those in place", []string{"d 7 8", "c 6 7"}},
		{"new names", []string{"speaker 0 1", "mention 0 0"}},
		{"not in 32 bits", []string{"cue -1 4", "a 0 5000000000"}},
		{"not in 32 bits, then in", []string{"cue -1 4", "cue 1 4", "speaker -2 -1", "speaker 1 1"}},
	} {
		c := base
		want := maps.Clone(orig)
		for _, b := range tc.set {
			var n string
			var sp Span
			if _, err := fmt.Sscan(b, &n, &sp.Start, &sp.End); err != nil {
				t.Fatal(err)
			}
			c.Set(n, sp)
			want[n] = sp
		}
		if d := sameCaptures(&c, want, all); d != "" {
			t.Errorf("%s: %s differs", tc.name, d)
		}
		if d := sameCaptures(&base, orig, all); d != "" {
			t.Errorf("%s: the copy set changed the original: %s", tc.name, d)
		}
	}
	if len(pat.names) != 6 || pat.more != nil {
		t.Errorf("Set changed the pattern's names: %+v", pat)
	}
	var zero Captures
	if d := sameCaptures(&zero, map[string]Span{}, all); d != "" {
		t.Errorf("zero value: %s", d)
	}
	zero.Set("cue", Span{1, 2})
	if d := sameCaptures(&zero, map[string]Span{"cue": {1, 2}}, all); d != "" {
		t.Errorf("zero value set: %s", d)
	}
}
