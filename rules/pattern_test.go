package rules

import (
	"errors"
	"strings"
	"testing"
)

func TestParsePattern(t *testing.T) {
	tests := []struct {
		src       string
		items     int  // top-level items
		hasQuote  bool // QUOTE present
		errCol    int  // 0: no error
		errSubstr string
	}{
		{src: "QUOTE , SPEAKER said", items: 4, hasQuote: true},
		{src: "QUOTE ,? cue:(@cue_phrases | @aux{0,2} @cue_verbs) SPEAKER", items: 4, hasQuote: true},
		{src: "SPEAKER cue:(@aux{0,2} @cue_verbs) ANY{0,8} : QUOTE", items: 5, hasQuote: true},
		{src: "QUOTE ANY{0,4} cue:– SPEAKER $", items: 5, hasQuote: true},
		{src: `QUOTE "told reporters" SPEAKER`, items: 3, hasQuote: true},
		{src: "^ SPEAKER said : $", items: 5},
		{src: "QUOTE (ANY | OTHERQUOTE){0,30} OTHERQUOTE SPEAKER", items: 4, hasQuote: true},
		{src: "QUOTE CAP+ ANY* SPEAKER", items: 4, hasQuote: true},
		{src: "don't SPEAKER", items: 2},
		{src: "SPEAKER said ( CLAUSE | ANY ) ,", items: 4},
		{src: "", errCol: 1, errSubstr: "empty pattern"},
		{src: "QUOTE ( said", errCol: 7, errSubstr: "unclosed ("},
		{src: "QUOTE ( | said) SPEAKER", errCol: 9, errSubstr: "empty alternative"},
		{src: "QUOTE ) SPEAKER", errCol: 7, errSubstr: `unexpected ")"`},
		{src: "QUOTE ANY{3,1} SPEAKER", errCol: 10, errSubstr: "bad repetition"},
		{src: "QUOTE ANY{0,99} SPEAKER", errCol: 10, errSubstr: "too large"},
		{src: "QUOTE ANY{a,2} SPEAKER", errCol: 10, errSubstr: "bad repetition"},
		{src: "QUOTE ANY{0 SPEAKER", errCol: 10, errSubstr: "unclosed {"},
		{src: "QUOTE SPEEKER", errCol: 7, errSubstr: "unknown item SPEEKER"},
		{src: "QUOTE @ SPEAKER", errCol: 8, errSubstr: "@ must be followed"},
		{src: `QUOTE "told SPEAKER`, errCol: 8, errSubstr: `unclosed "`},
		{src: `QUOTE "" SPEAKER`, errCol: 9, errSubstr: "empty literal"},
		{src: "QUOTE ^* SPEAKER", errCol: 7, errSubstr: "cannot repeat"},
		{src: "QUOTE # SPEAKER", errCol: 7, errSubstr: "unexpected"},
		{src: "((((((((((QUOTE))))))))))", errCol: 10, errSubstr: "nested too deeply"},
	}
	for _, tc := range tests {
		p, err := ParsePattern(tc.src)
		if tc.errCol != 0 {
			var pe *PatternError
			if !errors.As(err, &pe) {
				t.Errorf("ParsePattern(%q) = %v, want a PatternError", tc.src, err)
				continue
			}
			if pe.Col != tc.errCol || !strings.Contains(pe.Msg, tc.errSubstr) {
				t.Errorf("ParsePattern(%q): error at col %d %q, want col %d %q", tc.src, pe.Col, pe.Msg, tc.errCol, tc.errSubstr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePattern(%q): %v", tc.src, err)
			continue
		}
		if len(p.items) != tc.items || p.HasQuote != tc.hasQuote {
			t.Errorf("ParsePattern(%q): %d items, HasQuote %v; want %d, %v", tc.src, len(p.items), p.HasQuote, tc.items, tc.hasQuote)
		}
	}
}

func TestParsePatternRepetition(t *testing.T) {
	p, err := ParsePattern("a? b* c+ d{2,5} e{3} name:f")
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{0, 1}, {0, 8}, {1, 8}, {2, 5}, {3, 3}, {1, 1}}
	for i, it := range p.items {
		if it.min != want[i][0] || it.max != want[i][1] {
			t.Errorf("item %d: {%d,%d}, want %v", i, it.min, it.max, want[i])
		}
	}
	if p.items[5].capture != "name" || p.items[5].lit[0] != "f" {
		t.Errorf("capture: %+v", p.items[5])
	}
	if p.items[1].col != 4 {
		t.Errorf("col of b = %d, want 4", p.items[1].col)
	}
}

func TestPatternListRefColumn(t *testing.T) {
	p, err := ParsePattern("QUOTE cue:@cue_verbs SPEAKER")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.lists) != 1 || p.lists[0].name != "cue_verbs" || p.lists[0].col != 11 {
		t.Errorf("lists = %+v, want cue_verbs at col 11 (the @)", p.lists)
	}
}
