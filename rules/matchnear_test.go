package rules

import (
	"math/rand"
	"reflect"
	"testing"
)

// TestMatchNearLikeMatchFrom checks that MatchNear, which tries only the
// starts that can reach a cue and remembers the rules that failed in a
// window, gives what MatchFrom gives on a fresh window, for every rule of
// reported speech, on random sentences of the words those rules look for
// and on start ranges like those of the extractor (from the start, then
// from inside a statement).
func TestMatchNearLikeMatchFrom(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"said", "says", "told", "reporters", "he", "she", "The", "the", "official", "President",
		"Trump", "Smith", "spokesman", "according", "to", "as", "who", "has", "had", "also", "on", "Friday",
		"that", "it", "was", "announced", "and", "but", "saying", "warned", "the", "talks", "were", "useful",
		"plan", "would", "fail", ",", ",", ",", ":", ".", "Q:quote", "–", "(", ")",
		"last", "week", "Monday", "repeatedly", "will", "which", "wants", "CNN"}
	var reported []*AttrRule
	for _, r := range rs.Attribution {
		if r.Reported() && r.Pattern != nil && len(r.CueLists()) > 0 {
			reported = append(reported, r)
		}
	}
	if len(reported) == 0 {
		t.Skip("no rules of reported speech with cue lists in the defaults")
	}
	rng := rand.New(rand.NewSource(7))
	matched := 0
	for n := 0; n < 2000; n++ {
		size := 3 + rng.Intn(25)
		if n%20 == 0 {
			size = 80 + rng.Intn(120)
		}
		toks, parts := randomSentence(rs, rng, words, size)
		near := rs.NewWindow(toks) // one window for all rules and ranges, as the extractor has
		from := []int{0, rng.Intn(len(toks)), rng.Intn(len(toks))}
		for _, r := range reported {
			set := rs.NewListSet(r.CueLists())
			var cues []int
			for i := range toks {
				if set.At(toks, i) != 0 {
					cues = append(cues, i)
				}
			}
			for _, lo := range from {
				hi := len(toks) - 1 - rng.Intn(3)
				if len(cues) == 0 || hi < lo {
					continue
				}
				var cs []int
				for _, c := range cues {
					if c >= lo {
						cs = append(cs, c)
					}
				}
				want, wantOK := rs.NewWindow(toks).MatchFrom(r, -1, lo, hi)
				reach := r.CueReach()
				got, gotOK := near.MatchNear(r, lo, hi, cs, &reach)
				if gotOK != wantOK || !reflect.DeepEqual(got, want) {
					t.Fatalf("rule %s on %v from %d to %d: MatchNear gave %v %+v, MatchFrom %v %+v",
						r.ID, parts, lo, hi, gotOK, got, wantOK, want)
				}
				if gotOK {
					matched++
				}
				// the starts before the match, asked again (as the search
				// for the leftmost statement does) on the same window,
				// whose memo of failures the match above filled
				if gotOK && got.Span.Start > lo {
					want, wantOK := rs.NewWindow(toks).MatchFrom(r, -1, lo, got.Span.Start-1)
					again, againOK := near.MatchNear(r, lo, got.Span.Start-1, cs, &reach)
					if againOK != wantOK || !reflect.DeepEqual(again, want) {
						t.Fatalf("rule %s on %v from %d to %d, after a match at %d: MatchNear gave %v %+v, MatchFrom %v %+v",
							r.ID, parts, lo, got.Span.Start-1, got.Span.Start, againOK, again, wantOK, want)
					}
				}
			}
		}
	}
	if matched == 0 {
		t.Fatal("no rule matched: the sentences do not exercise the rules")
	}
	t.Logf("%d matches", matched)
}

// TestListSetLikeListsAt checks ListSet.At against Ruleset.ListsAt.
func TestListSetLikeListsAt(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var ls []*List
	for _, name := range []string{"speech_verbs", "tell_verbs", "according_to", "subject_cues", "speech_participles", "aux"} {
		if l := rs.Lists[name]; l != nil {
			ls = append(ls, l)
		}
	}
	toks, _ := sentence("According", "to", "the", "minister", ",", "he", "has", "said", "that", "they", "pointed", "out", "the", "risk", "Q:q", "saying", "told")
	for i := range toks {
		rs.Classify(&toks[i])
	}
	set := rs.NewListSet(ls)
	for i := range toks {
		if got, want := set.At(toks, i), rs.ListsAt(ls, toks, i); got != want {
			t.Errorf("token %d %q: ListSet.At %b, ListsAt %b", i, toks[i].Text, got, want)
		}
	}
}

// TestCueReachFill: the rules that open with a speaker phrase followed by
// atoms up to their cue get the atoms (so that MatchNear checks that the
// tokens between are tiled by them); one with ANY or a second SPEAKER
// before its cue does not.
func TestCueReachFill(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id   string
		fill bool
	}{
		{"reported-speaker-cue", true},
		{"reported-speaker-cue-that", true},
		{"reported-relative", true},
		{"reported-speaker-aside-cue", false}, // SPEAKER , ANY{1,14} , cue
		{"reported-according-to", false},      // no speaker phrase first
	} {
		r := findRule(rs, c.id)
		if r == nil {
			t.Errorf("%s: no such rule in the defaults", c.id)
			continue
		}
		if got := r.CueReach().fill != nil; got != c.fill {
			t.Errorf("%s: fill %v, want %v", c.id, got, c.fill)
		}
	}
}

// TestCueReachPivot: the rules with a comma, a dash or a literal right
// before their cue, or before a speaker phrase right before it, get a
// pivot (which MatchNear checks before matching); those with optional
// items or ANY there do not, but get a leadOnly one when no SPEAKER
// stands before the cue.
func TestCueReachPivot(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id            string
		pivot         bool
		speaker, lead bool
	}{
		{"reported-content-speaker-cue", true, true, false},  // ^ CLAUSE , SPEAKER cue
		{"reported-parenthetical", true, true, false},        // ^ content:(CLAUSE , SPEAKER cue …)
		{"reported-content-cue-speaker", true, false, false}, // ^ CLAUSE , cue SPEAKER
		{"reported-according-to-inside", true, false, false}, // ( , | – ) cue
		{"reported-speaker-cue", false, false, false},        // SPEAKER ,? (…)? cue
		{"reported-according-to", false, false, true},        // ^ ANY{0,4} ,? cue
		{"reported-subject-cue", false, false, true},         // ^ (…)? speaker:(CAP ANY{0,5}) cue
		{"reported-subject-and-cue", true, false, false},     // ^ (…)? SPEAKER ANY{1,25} ,? ( and | but ) cue
	} {
		r := findRule(rs, c.id)
		if r == nil {
			t.Errorf("%s: no such rule in the defaults", c.id)
			continue
		}
		pv := r.CueReach().pivot
		if got := pv != nil && pv.leadOnly(); got != c.lead {
			t.Errorf("%s: leadOnly pivot %v, want %v", c.id, got, c.lead)
		}
		if pv != nil && pv.leadOnly() {
			pv = nil
		}
		if got := pv != nil; got != c.pivot {
			t.Errorf("%s: pivot %v, want %v", c.id, got, c.pivot)
			continue
		}
		if pv != nil && (pv.speaker != nil) != c.speaker {
			t.Errorf("%s: pivot with a speaker %v, want %v", c.id, pv.speaker != nil, c.speaker)
		}
	}
}

// TestMinLead: the fewest tokens before a cue capture, which MatchNear
// asks of the last cue from the first start on.
func TestMinLead(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    int
	}{
		{"SPEAKER cue:said CONTENT", 1},
		{"^ (opener ,?)? speaker:((CAP | the) ANY{6,11}) cue:said CONTENT", 7},
		{"^ CLAUSE , cue:said SPEAKER", 3}, // (a clause holds two words or more)
		{"^ content:(OTHERQUOTE CLAUSE | CONTENT) , SPEAKER cue:said", 4},
		{"( was | were ) cue:asked", 1},
		{"it is cue:said", 2},
		{"CONTENT , he said", 0}, // no cue capture
	} {
		p, err := ParsePattern(c.pattern)
		if err != nil {
			t.Fatalf("%s: %v", c.pattern, err)
		}
		if got := minLeadOf(p.items); got != c.want {
			t.Errorf("%s: minLeadOf %d, want %d", c.pattern, got, c.want)
		}
	}
}

// TestContentAfter: the rules whose content follows their cue, which
// MatchNear does not try when fewer than two words follow the first cue.
func TestContentAfter(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    bool
	}{
		{"SPEAKER cue:said that? CONTENT", true},
		{"^ content:(CLAUSE , SPEAKER cue:said , CONTENT)", true}, // a one-alternative group is read as its items
		{"( when | after ) cue:asked content:(( that | about ) CLAUSE)", true},
		{"^ CLAUSE , cue:said SPEAKER", false},
		{"SPEAKER cue:said CONTENT?", false},
		{"CONTENT , he said", false}, // no cue capture
	} {
		p, err := ParsePattern(c.pattern)
		if err != nil {
			t.Fatalf("%s: %v", c.pattern, err)
		}
		if got := contentAfterOf(p.items); got != c.want {
			t.Errorf("%s: contentAfterOf %v, want %v", c.pattern, got, c.want)
		}
	}
}
