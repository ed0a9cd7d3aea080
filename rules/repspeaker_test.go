package rules

import (
	"fmt"
	"maps"
	"strings"
	"testing"
)

// TestRepSpeakerLikeInPlace checks rep's path for a repeated SPEAKER item
// (repSpeaker, out of rep's hot code: no default pattern repeats one)
// against the same pattern written with speaker items that seq matches in
// place: SPEAKER{1,2} is SPEAKER SPEAKER?, tried in the same order (the
// longest first), so the matches, their speakers and captures are equal
// (the patterns' names aside).
func TestRepSpeakerLikeInPlace(t *testing.T) {
	pairs := [][2]string{
		{`SPEAKER{1,2} cue:@speech_verbs CLAUSE`, `SPEAKER SPEAKER? cue:@speech_verbs CLAUSE`},
		{`speaker:(SPEAKER{1,2}) said CLAUSE`, `speaker:(SPEAKER SPEAKER?) said CLAUSE`},
		{`^ SPEAKER{0,2} said CLAUSE`, `^ SPEAKER? SPEAKER? said CLAUSE`},
	}
	yaml := "version: 1\nattribution:\n"
	for k, p := range pairs {
		for j, src := range p {
			yaml += fmt.Sprintf("  - {id: rep-%d-%d, kind: indirect, pattern: '%s'}\n", k, j, src)
		}
	}
	rs, err := Load(append(DefaultSources(), Source{Name: "rep.yaml", Data: []byte(yaml)}))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*AttrRule{}
	for _, r := range rs.Attribution {
		byID[r.ID] = r
	}
	sents := []string{
		"Yury Ushakov said the talks went well .",
		"The Kremlin aide Yury Ushakov said on Monday that talks would go on .",
		"He said nothing of note to them .",
		"Officials , he said , expect a deal soon .",
		"The minister told reporters that the plan was dead .",
		"Moscow officials said the aide Ushakov said the talks went well .",
	}
	matched := 0
	for k := range pairs {
		ra, rb := byID[fmt.Sprintf("rep-%d-0", k)], byID[fmt.Sprintf("rep-%d-1", k)]
		if ra == nil || rb == nil {
			t.Fatalf("pair %d not loaded", k)
		}
		for _, s := range sents {
			toks := classifiedSentence(rs, strings.Fields(s))
			ma, oka := rs.NewWindow(toks).Match(ra, -1)
			mb, okb := rs.NewWindow(toks).Match(rb, -1)
			if oka != okb || ma.Span != mb.Span || ma.Speaker != mb.Speaker || ma.HasSpkr != mb.HasSpkr ||
				!maps.Equal(maps.Collect(ma.Captures.All()), maps.Collect(mb.Captures.All())) {
				t.Errorf("%q on %q: %v %+v, want %v %+v (%q)", pairs[k][0], s, oka, ma, okb, mb, pairs[k][1])
			}
			if oka {
				matched++
			}
		}
	}
	if matched < 6 {
		t.Errorf("%d matches: the test tries too little", matched)
	}
}
