package extract

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestWrappedLayouts decides per document whether it is hard-wrapped.
func TestWrappedLayouts(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	para := "The council met on Tuesday to vote on the new budget for the town library, which has been closed for repairs since the spring floods. "
	long := strings.Repeat(para, 3)
	wrap := func(s string, width int) string {
		var b strings.Builder
		n := 0
		for _, w := range strings.Fields(s) {
			if n > 0 && n+1+len(w) > width {
				b.WriteByte('\n')
				n = 0
			} else if n > 0 {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(w)
			n += len(w)
		}
		return b.String()
	}
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"e-mail at 72", wrap(long, 72) + "\n\n" + wrap(long, 72), true},
		{"wire copy at 65, CRLF", strings.ReplaceAll(wrap(long, 65)+"\n\n"+wrap(para, 65), "\n", "\r\n"), true},
		{"one paragraph per line", long + "\n" + long + "\n" + long, false},
		{"paragraphs with blank lines", long + "\n\n" + long, false},
		{"short lines: a menu", "Home\nNews\nSport\nWeather\nBusiness\nCulture", false},
		{"numbered list", "1. First item of the list\n2. Second item\n3. Third item here\n4. Fourth", false},
		{"short paragraphs, one per line", "The council met.\nIt voted for the budget of the library.\nThe mayor was pleased with the outcome.\nReaders will be glad.", false},
		{"too few lines", wrap(para, 72), false},
		{"a long link on a line of its own", wrap(long, 72) + "\nhttps://example.com/" + strings.Repeat("a-very-long-path/", 8) + "\n\n" + wrap(long, 72), true},
		{"wider than max_width", wrap(long, 120) + "\n\n" + wrap(long, 120), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := x.wrapped(tt.text); got != tt.want {
				t.Errorf("wrapped = %v, want %v for\n%s", got, tt.want, tt.text)
			}
		})
	}
}

// greedyWrap wraps each paragraph of paras at width, as e-mail does.
func greedyWrap(paras []string, width int) []string {
	out := make([]string, len(paras))
	for k, p := range paras {
		var b strings.Builder
		n := 0
		for i, w := range strings.Fields(p) {
			switch {
			case i == 0:
				b.WriteString(p[:len(p)-len(strings.TrimLeft(p, " "))]) // the indentation
				n = b.Len()
			case n+1+len(w) > width:
				b.WriteByte('\n')
				n = 0
			default:
				b.WriteByte(' ')
				n++
			}
			b.WriteString(w)
			n += len(w)
		}
		out[k] = b.String()
	}
	return out
}

// TestUnwrap joins the lines of a paragraph, byte for byte, and keeps
// paragraph breaks: blank lines, a short line (the next word would have fit
// on it), an indented line after one that is not.
func TestUnwrap(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	paras := []string{
		"The council met on Tuesday to vote on the new budget for the town library, which has been closed for repairs since the floods of last spring.",
		"“We have waited a long time for this budget, and it is a good one for the readers of the town,” said Jane Doe, the head librarian, after the vote.",
		"The mayor, John Smith, was less sure of the plan. “It costs more than we had hoped for, and we will have to find the money somewhere else,” he said.",
	}
	indented := make([]string, len(paras))
	for i, p := range paras {
		indented[i] = "   " + p
	}
	tests := []struct {
		name        string
		paras       []string
		sep, prefix string
	}{
		{"blank lines", paras, "\n\n", ""},
		{"no blank lines: short last lines end paragraphs", paras, "\n", ""},
		{"a heading line", paras, "\n\n", "Subject: the library\n"},
		{"indented paragraph openings", indented, "\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.prefix + strings.Join(greedyWrap(tt.paras, 72), tt.sep) + "\n"
			want := tt.prefix + strings.Join(tt.paras, tt.sep) + "\n"
			if got := x.unwrap(text, text); got != want {
				t.Errorf("unwrap:\n got %q\nwant %q", got, want)
			}
		})
	}
	if got := x.unwrap("Short.\nLines.\n", "Short.\nLines.\n"); got != "Short.\nLines.\n" {
		t.Errorf("text that is not wrapped changed: %q", got)
	}
}

// TestInnerOuter decides per document whether single marks are its outer
// quotation.
func TestInnerOuter(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	tests := []struct {
		name, text string
		want       bool
	}{
		{"british", "Vote tonight\n\n‘We will win the vote,’ said John Smith.\n\n‘It is ours to lose,’ he said.", true},
		{"british with a nested double", "Vote tonight\n\n‘He told me “never again” that day,’ she said.", true},
		{"american", "Vote tonight\n\n“We will win the vote,” said John Smith. He called it ‘a sure thing, really’.", false},
		{"american, single marks in the headline only", "Smith says plan ‘will not work at all’.\n\nSmith called it “a mess” on Monday.", false},
		{"short quotes only count when no long one", "Vote tonight\n\nHe called them 'lone wolves' and 'losers' today.", true},
		{"doubled singles type a double quotation", "Vote tonight\n\n''We are ready for the vote,'' said John Smith.", false},
		{"no quotations", "Vote tonight\n\nNobody said anything.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, _ := scanQuotes(tt.text, x.tableAll, 0)
			if got := x.innerOuter(tt.text, qs); got != tt.want {
				t.Errorf("innerOuter = %v, want %v (quotes %q)", got, tt.want, renderQuotes(tt.text, qs))
			}
		})
	}
}
