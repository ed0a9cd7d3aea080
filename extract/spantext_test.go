package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestSpanTextInLikeSpanText compares spanTextIn, which slices the view,
// with spanText, which joins the tokens, on views where the slice serves
// and where it must not (line breaks, two spaces, a token whose text is
// not the view's, offsets out of the view).
func TestSpanTextInLikeSpanText(t *testing.T) {
	// tok makes a token of view[start:end] with the text text.
	tok := func(text string, start, end int) rules.Token {
		return rules.Token{Text: text, Start: int32(start), End: int32(end)}
	}
	view := "the chief executive,  of\nAcme’s board"
	cases := []struct {
		name string
		view string
		toks []rules.Token
		span rules.Span
		want string
	}{
		{"empty", view, []rules.Token{tok("the", 0, 3)}, rules.Span{Start: 0, End: 0}, ""},
		{"one", view, []rules.Token{tok("the", 0, 3)}, rules.Span{Start: 0, End: 1}, "the"},
		{"spaces", view, []rules.Token{tok("the", 0, 3), tok("chief", 4, 9), tok("executive", 10, 19)}, rules.Span{Start: 0, End: 3}, "the chief executive"},
		{"adjacent", view, []rules.Token{tok("executive", 10, 19), tok(",", 19, 20)}, rules.Span{Start: 0, End: 2}, "executive,"},
		{"two spaces", view, []rules.Token{tok(",", 19, 20), tok("of", 22, 24)}, rules.Span{Start: 0, End: 2}, ", of"},
		{"line break", view, []rules.Token{tok("of", 22, 24), tok("Acme", 25, 29)}, rules.Span{Start: 0, End: 2}, "of Acme"},
		{"other text", view, []rules.Token{tok("Acme", 25, 29), tok("'s", 29, 32), tok("board", 33, 38)}, rules.Span{Start: 0, End: 3}, "Acme's board"},
		{"same text", view, []rules.Token{tok("Acme", 25, 29), tok("’s", 29, 33), tok("board", 34, 39)}, rules.Span{Start: 0, End: 3}, "Acme’s board"},
		{"past the view", "the chief", []rules.Token{tok("the", 0, 3), tok("chiefs", 4, 10)}, rules.Span{Start: 0, End: 2}, "the chiefs"},
		{"before the view", view, []rules.Token{tok("x", -1, 0), tok("the", 0, 3)}, rules.Span{Start: 0, End: 2}, "xthe"},
		{"no view", "", []rules.Token{tok("the", 0, 3), tok("chief", 4, 9)}, rules.Span{Start: 0, End: 2}, "the chief"},
		{"inner span", view, []rules.Token{tok("the", 0, 3), tok("chief", 4, 9), tok("executive", 10, 19)}, rules.Span{Start: 1, End: 3}, "chief executive"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			slow := spanText(c.toks, c.span)
			if slow != c.want {
				t.Fatalf("spanText %q, want %q", slow, c.want)
			}
			if got := spanTextIn(c.view, c.toks, c.span); got != slow {
				t.Errorf("spanTextIn %q, spanText %q", got, slow)
			}
		})
	}
}

// TestHoldsLowerLikeFields compares holdsLower, which compares the words
// of an ASCII title in place, with the lowered title's fields.
func TestHoldsLowerLikeFields(t *testing.T) {
	cases := []struct {
		title string
		mods  []string
	}{
		{"Chief Executive of Acme", []string{"chief"}},
		{"Chief Executive of Acme", []string{"executive", "acme"}},
		{"Chief Executive of Acme", []string{"Chief"}},
		{"chief  executive\tof\nacme", []string{"of", "acme"}},
		{"Chief Executive", []string{"chief", "director"}},
		{"Chief Executive", nil},
		{"", []string{"chief"}},
		{"", nil},
		{"KEEPER", []string{"\u212aeeper"}},
		{"Chiefs", []string{"chief"}},
	}
	for _, c := range cases {
		slow := true
		ws := strings.Fields(strings.ToLower(c.title))
		for _, m := range c.mods {
			slow = slow && slices.Contains(ws, m)
		}
		if got := holdsLower(c.title, c.mods); got != slow {
			t.Errorf("holdsLower(%q, %q) = %v, the fields say %v", c.title, c.mods, got, slow)
		}
	}
}
