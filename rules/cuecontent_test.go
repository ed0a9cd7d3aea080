package rules

import (
	"strings"
	"testing"
)

// TestCueContent: the rules whose content follows their cue verb have
// what lies between told (cueContentOf), and a sentence whose cue verbs
// are followed by no token where content can open (said in a statement,
// told the paper .) is rejected by cueContentHolds, while one with
// content is not; the rules with no content after their cue have what
// follows the verb to the end of the pattern told (a tail), and a
// sentence where it does not match after any cue verb is rejected — with
// MatchNear giving what MatchFrom gives.
func TestCueContent(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id    string
		verbs int // 0: none told
	}{
		{"reported-speaker-cue", 2},         // (@speech_verbs | @tell_verbs (@addressees | SPEAKER)) … that? CONTENT
		{"reported-subject-cue", 1},         // @subject_cues @addressees? … that? CONTENT
		{"reported-passive", 1},             // cue:@speech_verbs that CLAUSE
		{"reported-content-cue-speaker", 2}, // a tail: (@speech_verbs | @tell_verbs) SPEAKER ( , | $ )
		{"reported-according-to-after", 1},  // a tail: @according_to SPEAKER
		{"reported-according-to", 1},        // cue:@according_to SPEAKER , CONTENT
	} {
		r := findRule(rs, c.id)
		if r == nil {
			t.Errorf("%s: no such rule in the defaults", c.id)
			continue
		}
		cc := r.CueReach().cueContent
		if got := 0; cc != nil && len(cc.verbs) != c.verbs || cc == nil && c.verbs != 0 {
			if cc != nil {
				got = len(cc.verbs)
			}
			t.Errorf("%s: %d cue verbs told, want %d", c.id, got, c.verbs)
		}
	}
	for _, c := range []struct {
		id, text string
		holds    bool
	}{
		{"reported-speaker-cue", "Jane Doe said in a statement on Friday .", false},
		{"reported-speaker-cue", "Jane Doe said at a meeting in Springfield .", false},
		{"reported-speaker-cue", "Jane Doe said the bridge would close .", true},
		{"reported-speaker-cue", "Jane Doe said on Friday that the bridge would close .", true},
		{"reported-content-cue-speaker", "The bridge will close , said Jane Doe .", true},
		{"reported-content-cue-speaker", "The bridge will close , said Jane Doe , the mayor .", true},
		{"reported-content-cue-speaker", "The bridge will close , said in a statement on Friday .", false},
	} {
		r := findRule(rs, c.id)
		if r == nil {
			t.Fatalf("no %s in the defaults", c.id)
		}
		reach := r.CueReach()
		toks, _ := sentence(strings.Fields(c.text)...)
		for i := range toks {
			rs.Classify(&toks[i])
		}
		cues := cuesAt(rs.NewListSet(r.CueLists()), toks)
		w := testWindow(rs, toks)
		if got := w.m.cueContentHolds(newNear(cues, &reach)); got != c.holds {
			t.Errorf("%q: cueContentHolds %v, want %v", c.text, got, c.holds)
		}
		want, wantOK := rs.NewWindow(toks).MatchFrom(r, -1, 0, len(toks)-1)
		got, gotOK := rs.NewWindow(toks).MatchNear(r, 0, len(toks)-1, cues, &reach)
		if gotOK != wantOK || gotOK && got.Span != want.Span {
			t.Errorf("%q: MatchNear %v %v, MatchFrom %v %v", c.text, gotOK, got.Span, wantOK, want.Span)
		}
	}
}

// TestContentBeforeCue pins which default rules of reported speech may
// capture content that begins before their cue: closingSpeaker asks only
// them first.
func TestContentBeforeCue(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"reported-speaker-cue":                false, // SPEAKER … cue:(…) … CONTENT
		"reported-speaker-cue-that":           false,
		"reported-subject-cue":                false,
		"reported-according-to":               false, // ^ ANY{0,4} ,? cue:… SPEAKER , CONTENT
		"reported-content-cue-speaker":        true,  // ^ CLAUSE , cue:… SPEAKER
		"reported-according-to-after":         true,
		"reported-parenthetical":              true, // content:(CLAUSE , SPEAKER cue:… , CONTENT)
		"reported-parenthetical-short":        true, // content:(…) holds the cue: asked too
		"reported-content-speaker-cue":        true,
		"reported-colon-lead":                 true, // no cue capture
		"reported-continued-participle":       false,
		"reported-content-breaks-cue-speaker": true,
	}
	seen := 0
	for _, r := range rs.Attribution {
		if w, ok := want[r.ID]; ok {
			seen++
			if got := r.ContentBeforeCue(); got != w {
				t.Errorf("%s: ContentBeforeCue() = %v, want %v", r.ID, got, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d rules found", seen, len(want))
	}
	for _, src := range []string{"SPEAKER cue:@speech_verbs CONTENT", "^ CLAUSE , cue:@speech_verbs SPEAKER", "( CLAUSE | SPEAKER ) cue:@speech_verbs CONTENT", "SPEAKER said CONTENT"} {
		p, err := ParsePattern(src)
		if err != nil {
			t.Fatal(err)
		}
		r := &AttrRule{ID: "t", Pattern: p}
		if got, w := r.ContentBeforeCue(), src != "SPEAKER cue:@speech_verbs CONTENT"; got != w { // no cue capture: true
			t.Errorf("%s: ContentBeforeCue() = %v, want %v", src, got, w)
		}
	}
}
