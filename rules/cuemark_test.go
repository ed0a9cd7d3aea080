package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestCueMarkLikeCueContent checks cueMarkHolds, the test of the mark
// that must follow a cue verb (the comma of SPEAKER said , CONTENT) asked
// before the matcher's set-up: the default rules that have one are the
// parenthetical ones; wherever it rejects a call of MatchNear that the
// extractor would make, cueContentHolds (the slow test it runs before)
// rejects it too and MatchFrom on a fresh window finds no match; and on
// a table of sentences it says what cueContentHolds says of the mark.
func TestCueMarkLikeCueContent(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id   string
		mark byte
	}{
		{"reported-parenthetical", ','},
		{"reported-parenthetical-short", ','},
		{"reported-speaker-cue", 0},         // (@speech_verbs | @tell_verbs …) … CONTENT
		{"reported-content-cue-speaker", 0}, // a tail: … SPEAKER ( , | $ )
		{"reported-according-to", 0},        // cue:@according_to SPEAKER , CONTENT
	} {
		r := findRule(rs, c.id)
		if r == nil {
			t.Fatalf("no %s in the defaults", c.id)
		}
		if rc := r.CueReach(); rc.mark != c.mark || c.mark != 0 && int(rc.markSpan) < 1 {
			t.Errorf("%s: mark %q span %d, want %q", c.id, rc.mark, rc.markSpan, c.mark)
		}
	}
	for _, c := range []struct {
		text  string
		holds bool
	}{
		{"The plan , Jane Doe said , had failed .", true},
		{"The plan , Jane Doe has said , had failed .", true},
		{"The plan , Jane Doe pointed out , had failed .", true},
		{"The plan , Jane Doe said on Friday , had failed .", true}, // (a comma within the longest entry's tokens)
		{"The plan , Jane Doe said on Friday morning , had failed .", false},
		{"The plan had failed , Jane Doe said .", false},
		{"Jane Doe said the plan had failed , and it had .", false},
		{"The plan , Jane Doe said", false},
	} {
		r := findRule(rs, "reported-parenthetical")
		reach := r.CueReach()
		toks, _ := sentence(strings.Fields(c.text)...)
		for i := range toks {
			rs.Classify(&toks[i])
		}
		cues := cuesAt(rs.NewListSet(r.CueLists()), toks)
		w := testWindow(rs, toks)
		if got := w.m.cueMarkHolds(newNear(cues, &reach)); got != c.holds {
			t.Errorf("%q: cueMarkHolds %v, want %v", c.text, got, c.holds)
		}
		if !c.holds && w.m.cueContentHolds(newNear(slices.Clone(cues), &reach)) {
			t.Errorf("%q: cueContentHolds true where cueMarkHolds is false", c.text)
		}
	}
	rejected, tried := 0, 0
	eachReportedCall(t, 47, func(c *reportedCall) {
		if c.reach.mark == 0 {
			return
		}
		tried++
		fresh := testWindow(c.w.rs, c.toks)
		if fresh.m.cueMarkHolds(newNear(slices.Clone(c.cues), c.reach)) {
			return
		}
		rejected++
		if testWindow(c.w.rs, c.toks).m.cueContentHolds(newNear(slices.Clone(c.cues), c.reach)) {
			t.Fatalf("rule %s on %v from %d: cueMarkHolds rejected it, cueContentHolds did not", c.r.ID, c.parts, c.lo)
		}
		if m, ok := c.w.rs.NewWindow(c.toks).MatchFrom(c.r, -1, c.lo, c.hi); ok {
			t.Fatalf("rule %s on %v from %d: cueMarkHolds rejected it, but MatchFrom matched %+v", c.r.ID, c.parts, c.lo, m)
		}
	})
	someOfBoth(t, rejected, tried)
	t.Logf("%d of %d calls rejected by the mark", rejected, tried)
}
