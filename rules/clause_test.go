package rules

import (
	"strings"
	"testing"
)

// TestIndirectRuleChecks checks the loader's checks of rules of kind
// indirect, on top of the default rules.
func TestIndirectRuleChecks(t *testing.T) {
	tests := []struct {
		name, rule, want string // want "" for no error
	}{
		{"clause", `{id: r, kind: indirect, pattern: 'SPEAKER cue:@speech_verbs CLAUSE'}`, ""},
		{"no speaker", `{id: r, kind: indirect, pattern: 'it was cue:@speech_verbs that CONTENT'}`, ""},
		{"turn", `{id: r, kind: indirect, scope: turn, pattern: ', cue:@speech_participles CONTENT'}`, ""},
		{"no clause", `{id: r, kind: indirect, pattern: 'SPEAKER cue:@speech_verbs'}`, "needs a CLAUSE item"},
		{"clause in a quote rule", `{id: r, pattern: 'QUOTE SPEAKER said CLAUSE'}`, "only rules of kind indirect"},
		{"quote in an indirect rule", `{id: r, kind: indirect, pattern: 'SPEAKER said QUOTE CLAUSE'}`, "cannot hold QUOTE"},
		{"scope next", `{id: r, kind: indirect, scope: next, pattern: 'SPEAKER said CLAUSE'}`, "scope sentence or turn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := Source{Name: "mine.yaml", Data: []byte("version: 1\nattribution:\n  - " + tt.rule + "\n")}
			_, err := Load(append(DefaultSources(), src))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
		})
	}
}

// TestCueListsAndLead checks what the extractor's gates read of a rule:
// the lists its cue requires and how far before the cue a match can start.
func TestCueListsAndLead(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rule := func(id string) *AttrRule {
		for _, r := range rs.Attribution {
			if r.ID == id {
				return r
			}
		}
		t.Fatalf("no rule %s", id)
		return nil
	}
	names := func(ls []*List) string {
		var s []string
		for _, l := range ls {
			s = append(s, l.Name)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		id, lists string
		lead      int // -1: unbounded
		anchored  bool
	}{
		{"reported-speaker-cue", "speech_verbs tell_verbs", maxSpeakerSpan + 1 + 3, false},
		{"reported-according-to", "according_to", 4 + 1, true}, // ^ spans none
		{"reported-parenthetical", "speech_verbs", -1, true},
		{"reported-colon-lead", "", -1, true},
		{"quote-cue-speaker", "cue_phrases cue_verbs cue_verbs_de", 1 + 1, false},
	}
	for _, tt := range tests {
		r := rule(tt.id)
		if got := names(r.CueLists()); got != tt.lists {
			t.Errorf("%s: CueLists %q, want %q", tt.id, got, tt.lists)
		}
		if got := r.CueLead(); got != tt.lead {
			t.Errorf("%s: CueLead %d, want %d", tt.id, got, tt.lead)
		}
		if got := r.Anchored(); got != tt.anchored {
			t.Errorf("%s: Anchored %v, want %v", tt.id, got, tt.anchored)
		}
	}
}

// TestClauseItem checks the CLAUSE and CONTENT items on token windows: the
// content they capture, without the final period.
func TestClauseItem(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, pattern string
		toks          []Token
		want          string // the content, "" for no match
	}{
		{"to the end", "SPEAKER cue:said CONTENT", words("Jane Doe said the bridge would close ."), "the bridge would close"},
		{"break at a participle", "SPEAKER cue:said CONTENT", words("Jane Doe said the bridge would close , saying it was old ."), "the bridge would close"},
		{"one word is too little", "SPEAKER cue:said CONTENT", words("Jane Doe said no ."), ""},
		{"not after a preposition", "SPEAKER cue:said CONTENT", words("Jane Doe said in an interview ."), ""},
		{"strict clause before its cue", "^ CLAUSE , SPEAKER said", words("The bridge would close , Jane Doe said ."), "The bridge would close"},
		{"a fronted subordinate clause ends at its comma", "SPEAKER cue:said CONTENT", words("While Jane Doe said the bridge would close , the council voted to keep it ."), "the bridge would close"},
		{"a comma before the content", "SPEAKER cue:said CONTENT", words("While in Paris , Jane Doe said the bridge would close , the council voted ."), "the bridge would close , the council voted"},
		{"no fronted subordinate clause", "SPEAKER cue:said CONTENT", words("Jane Doe said the bridge would close , the council voted ."), "the bridge would close , the council voted"},
		{"a subordinate clause after a comma", "SPEAKER cue:said CONTENT", words("The council voted , while Jane Doe said the bridge would close , to keep it ."), "the bridge would close"},
		{"content right after a comma opens its own clause", "SPEAKER cue:said , CONTENT", words("While Jane Doe said , the bridge would close , the council voted ."), "the bridge would close , the council voted"},
		{"a relative clause", "who cue:said CONTENT", words("The mayor , who said the bridge would close , voted to keep it ."), "the bridge would close"},
		{"a comma inside a number", "SPEAKER cue:said CONTENT", joined(words("While Jane Doe said the bridge cost 2 , 400 dollars , the council voted ."), 7, 9), "the bridge cost 2,400 dollars"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePattern(tt.pattern)
			if err != nil {
				t.Fatal(err)
			}
			r := &AttrRule{ID: "t", Kind: KindIndirect, Pattern: p} // literals only: no list to bind
			for i := range tt.toks {
				rs.Classify(&tt.toks[i])
			}
			m, ok := rs.MatchRule(r, tt.toks, -1)
			got := ""
			if c, has := m.Captures.Get("content"); ok && has {
				got = windowText(tt.toks, c)
				for strings.HasSuffix(got, " .") {
					got = strings.TrimSuffix(got, " .")
				}
			}
			if got != tt.want {
				t.Errorf("content %q, want %q", got, tt.want)
			}
		})
	}
}

// words makes tokens of space-separated words and punctuation.
func words(s string) []Token {
	var toks []Token
	var off int32
	for _, w := range strings.Fields(s) {
		k := Word
		if len(w) == 1 && strings.ContainsAny(w, ".,:;") {
			k = Punct
		}
		toks = append(toks, Token{Text: w, Lower: strings.ToLower(w), Start: off, End: off + int32(len(w)), Kind: k, Quote: -1,
			Cap: w[0] >= 'A' && w[0] <= 'Z'})
		off += int32(len(w)) + 1
	}
	return toks
}

// joined returns toks with the tokens from i to j (inclusive) written
// without spaces between them (2,400).
func joined(toks []Token, i, j int) []Token {
	for k := i + 1; k <= j; k++ {
		d := toks[k].Start - toks[k-1].End
		for n := k; n < len(toks); n++ {
			toks[n].Start -= d
			toks[n].End -= d
		}
	}
	return toks
}
