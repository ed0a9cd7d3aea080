package extract

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// quoteCase is one table case of the quote scanner. Each wanted quote is
// written as its content, then " [dD pP]" when nested, then " +U" (Unclosed),
// " +R" (Reopened), " +C" (ContinuesNext).
type quoteCase struct {
	name  string
	text  string
	opt   ScanOptions
	want  []string
	warns int // number of warnings; -1: not checked
}

var quoteCases = []quoteCase{
	// Basics and nesting.
	{"curly", "He said “hello there” today.", ScanOptions{}, []string{"hello there"}, 0},
	{"two curly", "“Yes,” she said. “No.”", ScanOptions{}, []string{"Yes,", "No."}, 0},
	{"nested single in double", "“He said ‘no’ to me,” she said.", ScanOptions{},
		[]string{"He said ‘no’ to me,", "no [d1 p0]"}, 0},
	{"nested three deep", "“a ‘b “c” d’ e”", ScanOptions{},
		[]string{"a ‘b “c” d’ e", "b “c” d [d1 p0]", "c [d2 p1]"}, 0},
	{"siblings nested", "“x ‘a’ y ‘b’ z” and ‘c’", ScanOptions{},
		[]string{"x ‘a’ y ‘b’ z", "a [d1 p0]", "b [d1 p0]", "c"}, 0},
	{"inner unclosed cut by outer", "“He said ‘no to me,” she said.", ScanOptions{},
		[]string{"He said ‘no to me,", "no to me, [d1 p0] +U"}, 1},
	{"spaced close after nested single", "\"Insulted with the term 'outreach,' \" he said. \"Yes.\"", ScanOptions{},
		[]string{"Insulted with the term 'outreach,'", "outreach, [d1 p0]", "Yes."}, 0},
	{"spaced close after nested curly single", "“He said ‘no,’ ” she said.", ScanOptions{},
		[]string{"He said ‘no,’", "no, [d1 p0]"}, 0},

	// Apostrophes, curly and straight.
	{"dont", "I don’t know.", ScanOptions{}, nil, 0},
	{"possessive", "Donald Trump’s special envoy", ScanOptions{}, nil, 0},
	{"plural possessive", "the Joneses’ house and the Jones’ dog", ScanOptions{}, nil, 0},
	{"decade", "back in the ’90s, and the ‘80s too", ScanOptions{}, nil, 0},
	{"rock n roll", "rock ’n’ roll and rock ‘n’ roll", ScanOptions{}, nil, 0},
	{"oclock", "at five o’clock", ScanOptions{}, nil, 0},
	{"straight dont", "I don't know, it's Trump's", ScanOptions{}, nil, 0},
	{"straight plural possessive", "the Joneses' house", ScanOptions{}, nil, 0},
	{"straight decade", "back in the '90s and '95", ScanOptions{}, nil, 0},
	{"straight rock n roll", "rock 'n' roll at five o'clock", ScanOptions{}, nil, 0},
	{"rock n roll inside quotes", `"a 'rock 'n' roll' moment" and ‘rock ’n’ roll’`, ScanOptions{},
		[]string{"a 'rock 'n' roll' moment", "rock 'n' roll [d1 p0]", "rock ’n’ roll"}, 0},
	{"elisions", "'Tis the season, let 'em eat cake 'cause why not", ScanOptions{}, nil, 0},
	{"apostrophe inside single quote", "‘We don’t know,’ he said", ScanOptions{},
		[]string{"We don’t know,"}, 0},
	{"straight apostrophe inside single quote", "'We don't know,' he said", ScanOptions{},
		[]string{"We don't know,"}, 0},
	{"headline scare quotes", "Putin-Witkoff talks ‘constructive’ – Russian presidential aide", ScanOptions{},
		[]string{"constructive"}, 0},
	{"possessive then quote", "Trump’s envoy called it ‘useful’.", ScanOptions{}, []string{"useful"}, 0},
	{"single quote closed after s", "‘the Joneses’ said it", ScanOptions{}, []string{"the Joneses"}, 0},
	{"apostrophe inside double", "“I left 'cause I don't care,” he said", ScanOptions{},
		[]string{"I left 'cause I don't care,"}, 0},

	// Straight double quotes by context.
	{"straight", `He said "yes" and "no".`, ScanOptions{}, []string{"yes", "no"}, 0},
	{"straight nested single", `"He said 'no' to me," she said.`, ScanOptions{},
		[]string{"He said 'no' to me,", "no [d1 p0]"}, 0},
	{"straight nested same char", `"I said "no" to him" ok`, ScanOptions{},
		[]string{`I said "no" to him`, "no [d1 p0]"}, 0},
	{"straight in brackets", `a ("quoted") word`, ScanOptions{}, []string{"quoted"}, 0},
	{"straight after slash", `"yes"/"no"`, ScanOptions{}, []string{"yes", "no"}, 0},
	{"straight after colon", `He said:"Hi there"`, ScanOptions{}, []string{"Hi there"}, 0},
	{"straight ending with dash", `"I was going to—" he said`, ScanOptions{}, []string{"I was going to—"}, 0},
	{"straight after dash", `aide —"very useful" talks`, ScanOptions{}, []string{"very useful"}, 0},
	{"straight inside curly", `“The “so-called "experts"” said”`, ScanOptions{},
		[]string{`The “so-called "experts"” said`, `so-called "experts" [d1 p0]`, "experts [d2 p1]"}, 0},
	{"stray inch mark", `a 5" screen is small`, ScanOptions{}, nil, 1},
	{"feet and inches", `he is 6'2" tall`, ScanOptions{}, nil, 1},
	{"straight unclosed", `She said "hello there`, ScanOptions{}, []string{"hello there +U"}, 1},
	// An outer quote left open at the paragraph end, with quotes of its own
	// opening mark inside it, was never closed: it ends before the first of
	// them, and they are top-level quotes.
	{"unclosed outer before quotes of its own mark", "A demo came in called “Harbour (“Home Again”). “It moved me,” he said. “It just fit.”", ScanOptions{},
		[]string{"Harbour ( +U", "Home Again", "It moved me,", "It just fit."}, 1},
	{"unclosed outer, straight marks", `"Absent a plan, he added, "this is how it ends."`, ScanOptions{},
		[]string{"Absent a plan, he added, +U", "this is how it ends."}, 1},
	{"unclosed outer with an inner pair only stays whole", "“He said ‘no’ and left", ScanOptions{},
		[]string{"He said ‘no’ and left +U", "no [d1 p0]"}, 1},
	{"unclosed outer, quote of its own mark still open", "“a “b c", ScanOptions{},
		[]string{"a “b c +U", "b c [d1 p0] +U"}, 2},
	{"straight not opening before space", `a " b " c`, ScanOptions{}, nil, 2},

	// Other languages.
	{"german low-high", "„Wir sind bereit“, sagte er.", ScanOptions{}, []string{"Wir sind bereit"}, 0},
	{"german low-right", "„Ja”, sagte sie.", ScanOptions{}, []string{"Ja"}, 0},
	{"german nested", "„Er sagte ‚nein‘ dazu“, hieß es.", ScanOptions{},
		[]string{"Er sagte ‚nein‘ dazu", "nein [d1 p0]"}, 0},
	{"french spaced", "Il a dit « bonjour » hier.", ScanOptions{}, []string{"bonjour"}, 0},
	{"french narrow nbsp", "Il a dit «\u202fbonjour\u202f».", ScanOptions{}, []string{"bonjour"}, 0},
	{"french tight", "«Salut», dit-il, ‹ou pas›.", ScanOptions{}, []string{"Salut", "ou pas"}, 0},
	{"swiss reversed", "Er sagte »Grüezi« und ging.", ScanOptions{}, []string{"Grüezi"}, 0},
	{"french then swiss", "«a» »b«", ScanOptions{}, []string{"a", "b"}, 0},
	{"cjk", "彼は「こんにちは『世界』」と言った。", ScanOptions{},
		[]string{"こんにちは『世界』", "世界 [d1 p0]"}, 0},
	{"custom swedish", "”Hej”, sa han, ’då’.", ScanOptions{Pairs: []MarkPair{{Open: '”', Close: '”'}, {Open: '’', Close: '’'}}},
		[]string{"Hej", "då"}, 0},
	{"custom table ignores bad runes", "<a> “b”", ScanOptions{Pairs: []MarkPair{{Open: '<', Close: '>'}, {Open: ' ', Close: 0}, {Open: utf8.RuneError, Close: '>'}}},
		[]string{"a"}, 0},

	// Trimming and empty quotes.
	{"trim inner whitespace", "“  padded\t”", ScanOptions{}, []string{"padded"}, 0},
	{"empty straight", `x "" y`, ScanOptions{}, nil, 1},
	{"empty curly", "x “ ” y ‘’", ScanOptions{}, nil, 2},

	// Paragraphs.
	{"unclosed at paragraph end", "He said “hello   \nNext “world” ok", ScanOptions{},
		[]string{"hello +U", "world"}, 1},
	{"unclosed then blank line", "“First para.\n\nHe said nothing.", ScanOptions{},
		[]string{"First para. +U"}, 1},
	{"multi-paragraph blank line", "“First para.\n\n“Second para,” he said.", ScanOptions{},
		[]string{"First para. +C", "Second para, +R"}, 0},
	{"multi-paragraph single newline", "“First.\n  “Second.\r\n“Third.”\nEnd.", ScanOptions{},
		[]string{"First. +C", "Second. +R +C", "Third. +R"}, 0},
	{"multi-paragraph CRLF blank lines", "“One.\r\n \r\n\r\n“Two.”", ScanOptions{},
		[]string{"One. +C", "Two. +R"}, 0},
	{"multi-paragraph straight", "\"First.\n\n\"Second.\"", ScanOptions{},
		[]string{"First. +C", "Second. +R"}, 0},
	{"multi-paragraph british", "‘First.\n\n‘Second,’ he said.", ScanOptions{},
		[]string{"First. +C", "Second, +R"}, 0},
	{"reopen with different mark", "“First.\n\n‘Second.’", ScanOptions{},
		[]string{"First. +U", "Second."}, 1},
	{"reopen not at paragraph start", "“First.\n\nHe said “second.”", ScanOptions{},
		[]string{"First. +U", "second."}, 1},
	{"reopened piece empty", "“First.\n\n“”", ScanOptions{},
		[]string{"First. +U"}, 2},
	{"inner unclosed at paragraph end", "“a ‘b\n\n“c”", ScanOptions{},
		[]string{"a ‘b +C", "b [d1 p0] +U", "c +R"}, 1},
	{"unclosed at end of text", "tail “", ScanOptions{}, nil, 1},

	// MaxLen.
	{"maxlen cut", "“0123456789abcdef” x", ScanOptions{MaxLen: 10},
		[]string{"0123456789 +U"}, 2},
	{"maxlen exact", "“0123456789” x", ScanOptions{MaxLen: 10}, []string{"0123456789"}, 0},
	{"maxlen cut with inner", "“ab ‘cd’ efghijklmnop ‘q” ‘r’", ScanOptions{MaxLen: 12},
		[]string{"ab ‘cd’ +U", "cd [d1 p0]", "q” ‘r’ +U", "r [d1 p2]"}, 3},
	{"maxlen cut inside inner mark", "“abcdefgh ‘xy’ z”", ScanOptions{MaxLen: 15},
		[]string{"abcdefgh ‘xy +U", "xy [d1 p0] +U"}, 3},
	{"maxlen rune boundary", "“ééééé” x", ScanOptions{MaxLen: 5}, []string{"éé +U"}, 2},
	{"maxlen paragraph end", "“0123456789abcdef\n“x”", ScanOptions{MaxLen: 10},
		[]string{"0123456789 +U", "x"}, 1},

	// Invalid UTF-8.
	{"invalid utf8 content", "“abc\xffdef” and \xe2\x80“x”", ScanOptions{}, []string{"abc\xffdef", "x"}, 0},
	{"invalid utf8 before mark", "\xe2\"a\"", ScanOptions{}, nil, -1},
}

// renderQuotes writes quotes in the quoteCase notation.
func renderQuotes(text string, qs []Quote) []string {
	var out []string
	for _, q := range qs {
		s := text[q.Start:q.End]
		if q.Depth > 0 {
			s += fmt.Sprintf(" [d%d p%d]", q.Depth, q.Parent)
		}
		if q.Unclosed {
			s += " +U"
		}
		if q.Reopened {
			s += " +R"
		}
		if q.ContinuesNext {
			s += " +C"
		}
		out = append(out, s)
	}
	return out
}

func TestScanQuotesTable(t *testing.T) {
	for _, tc := range quoteCases {
		t.Run(tc.name, func(t *testing.T) {
			qs, ws := ScanQuotes(tc.text, tc.opt)
			checkQuoteInvariants(t, tc.text, tc.opt, qs, ws)
			got := renderQuotes(tc.text, qs)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("ScanQuotes(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
			if tc.warns >= 0 && len(ws) != tc.warns {
				t.Errorf("ScanQuotes(%q): %d warnings, want %d: %v", tc.text, len(ws), tc.warns, ws)
			}
		})
	}
}

func TestScanQuotesMarksAndOffsets(t *testing.T) {
	text := "Il a dit « bonjour », puis „ja“."
	qs, _ := ScanQuotes(text, ScanOptions{})
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2", len(qs))
	}
	q := qs[0]
	open := strings.Index(text, "«")
	if q.OpenStart != open || q.Start != open+len("« ") || q.End != strings.Index(text, " »") ||
		q.CloseEnd != strings.Index(text, "»")+len("»") || q.Open != '«' || q.Close != '»' ||
		q.Parent != -1 || q.Depth != 0 || q.Unclosed {
		t.Errorf("quote 0 = %+v", q)
	}
	q = qs[1]
	if q.Open != '„' || q.Close != '“' || text[q.OpenStart:q.CloseEnd] != "„ja“" {
		t.Errorf("quote 1 = %+v", q)
	}

	// An unclosed piece: Close 0, CloseEnd == End; the warning names the mark.
	text = "He said “hello  \n"
	qs, ws := ScanQuotes(text, ScanOptions{})
	if len(qs) != 1 || qs[0].Close != 0 || qs[0].CloseEnd != qs[0].End || qs[0].End != strings.Index(text, "  ") {
		t.Errorf("unclosed: %+v", qs)
	}
	if len(ws) != 1 || ws[0].Offset != strings.Index(text, "“") || ws[0].Msg != "unclosed “ at end of paragraph" {
		t.Errorf("unclosed warnings: %+v", ws)
	}

	// A continued piece: not Unclosed, Close 0, no warning.
	text = "“One.\n\n“Two.”"
	qs, ws = ScanQuotes(text, ScanOptions{})
	if len(qs) != 2 || qs[0].Unclosed || qs[0].Close != 0 || !qs[0].ContinuesNext ||
		!qs[1].Reopened || qs[1].Close != '”' || len(ws) != 0 {
		t.Errorf("continued: %+v %+v", qs, ws)
	}
}

func TestScanQuotesLargeTable(t *testing.T) {
	// 100 pairs of distinct runes: the first 32 (64 runes) are used.
	var pairs []MarkPair
	for i := range 100 {
		pairs = append(pairs, MarkPair{Open: rune(0x2460 + 2*i), Close: rune(0x2461 + 2*i)})
	}
	text := "① a ② ⑨ b ⑩ " + string(rune(0x2460+2*40)) + " c " + string(rune(0x2461+2*40))
	qs, ws := ScanQuotes(text, ScanOptions{Pairs: pairs})
	checkQuoteInvariants(t, text, ScanOptions{}, qs, ws)
	if got := renderQuotes(text, qs); strings.Join(got, "|") != "a|b" || len(ws) != 0 {
		t.Errorf("got %q %v", got, ws)
	}
}

// seedSnippet is the start of the project's seed article.
const seedSnippet = `Putin-Witkoff talks ‘constructive’ – Russian presidential aide

The meeting has brought the positions of Moscow and Washington “closer,” Yury Ushakov has said
Kremlin aide Yury Ushakov has hailed “very useful” talks between Russian President Vladimir Putin and US President Donald Trump’s special envoy, Steve Witkoff, in Moscow on Friday.
The discussion, which lasted for around three hours, was “very useful,” and brought “the positions of Russia and the US closer not only on Ukraine, but also on a number of other international issues,” Ushakov told reporters.
`

func TestScanQuotesSeedSnippet(t *testing.T) {
	text := seedSnippet
	qs, ws := ScanQuotes(text, ScanOptions{})
	checkQuoteInvariants(t, text, ScanOptions{}, qs, ws)
	if len(ws) != 0 {
		t.Errorf("warnings: %v", ws)
	}
	type want struct {
		content     string
		open, close rune
	}
	wants := []want{
		{"constructive", '‘', '’'},
		{"closer,", '“', '”'},
		{"very useful", '“', '”'},
		{"very useful,", '“', '”'},
		{"the positions of Russia and the US closer not only on Ukraine, but also on a number of other international issues,", '“', '”'},
	}
	if len(qs) != len(wants) {
		t.Fatalf("got %d quotes %q, want %d", len(qs), renderQuotes(text, qs), len(wants))
	}
	from := 0
	for i, w := range wants {
		at := strings.Index(text[from:], string(w.open)+w.content+string(w.close))
		if at < 0 {
			t.Fatalf("test bug: %q not in text", w.content)
		}
		open := from + at
		start := open + utf8.RuneLen(w.open)
		end := start + len(w.content)
		q := qs[i]
		if q.OpenStart != open || q.Start != start || q.End != end || q.CloseEnd != end+utf8.RuneLen(w.close) ||
			q.Open != w.open || q.Close != w.close || q.Depth != 0 || q.Parent != -1 ||
			q.Unclosed || q.Reopened || q.ContinuesNext {
			t.Errorf("quote %d = %+v, want %q at %d..%d", i, q, w.content, start, end)
		}
		from = end
	}
}

// blankOrOneRune reports whether s, trimmed of white space, is empty or one
// character: the rest of a two-character mark (’’).
func blankOrOneRune(s string) bool {
	return utf8.RuneCountInString(strings.TrimSpace(s)) <= 1
}

// checkQuoteInvariants checks what must hold for any input.
func checkQuoteInvariants(t *testing.T, text string, opt ScanOptions, qs []Quote, ws []ScanWarning) {
	t.Helper()
	maxLen := opt.MaxLen
	if maxLen <= 0 {
		maxLen = DefaultMaxQuoteLen
	}
	valid := utf8.ValidString(text)
	// lines[i] counts the newlines in text[:i], to test spans in O(1).
	lines := make([]int32, len(text)+1)
	for i := 0; i < len(text); i++ {
		lines[i+1] = lines[i]
		if text[i] == '\n' {
			lines[i+1]++
		}
	}
	onBoundary := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
	for i, q := range qs {
		if !(0 <= q.OpenStart && q.OpenStart < q.Start && q.Start < q.End && q.End <= q.CloseEnd && q.CloseEnd <= len(text)) {
			t.Fatalf("quote %d: bad offsets %+v (len %d)", i, q, len(text))
		}
		if i > 0 && qs[i-1].Start > q.Start {
			t.Fatalf("quote %d: not sorted by Start: %+v after %+v", i, q, qs[i-1])
		}
		if valid && !(onBoundary(q.OpenStart) && onBoundary(q.Start) && onBoundary(q.End) && onBoundary(q.CloseEnd)) {
			t.Fatalf("quote %d: offsets not on rune boundaries: %+v", i, q)
		}
		if lines[q.OpenStart] != lines[q.CloseEnd] {
			t.Fatalf("quote %d: contains a newline: %+v", i, q)
		}
		if q.End-q.Start > maxLen {
			t.Fatalf("quote %d: content longer than %d: %+v", i, maxLen, q)
		}
		if r, size := utf8.DecodeRuneInString(text[q.OpenStart:]); r != q.Open ||
			!blankOrOneRune(text[q.OpenStart+size:q.Start]) {
			t.Fatalf("quote %d: open mark %q not at %d: %+v", i, q.Open, q.OpenStart, q)
		}
		if q.Close == 0 {
			if q.CloseEnd != q.End || !q.Unclosed && !q.ContinuesNext {
				t.Fatalf("quote %d: no closing mark but %+v", i, q)
			}
		} else {
			mark := strings.TrimSpace(text[q.End:q.CloseEnd]) // one or two characters
			r, size := utf8.DecodeRuneInString(mark)
			if r != q.Close || utf8.RuneCountInString(mark) > 2 || q.Unclosed || q.ContinuesNext ||
				!strings.HasSuffix(text[:q.CloseEnd], mark[size:]) {
				t.Fatalf("quote %d: close mark %q not before %d: %+v", i, q.Close, q.CloseEnd, q)
			}
		}
		first, _ := utf8.DecodeRuneInString(text[q.Start:])
		last, _ := utf8.DecodeLastRuneInString(text[:q.End])
		if valid && (unicode.IsSpace(first) || unicode.IsSpace(last)) {
			t.Fatalf("quote %d: content not trimmed: %q", i, text[q.Start:q.End])
		}
		if q.Parent == -1 {
			if q.Depth != 0 {
				t.Fatalf("quote %d: top level with depth %d", i, q.Depth)
			}
		} else {
			if q.Parent < 0 || q.Parent >= i {
				t.Fatalf("quote %d: parent %d", i, q.Parent)
			}
			p := qs[q.Parent]
			if q.Depth != p.Depth+1 || p.Start > q.OpenStart || q.CloseEnd > p.End {
				t.Fatalf("quote %d %+v not inside its parent %+v", i, q, p)
			}
		}
		if q.Reopened && (i == 0 || q.Depth != 0) {
			t.Fatalf("quote %d: reopened %+v", i, q)
		}
		if q.ContinuesNext {
			next := -1
			for j := i + 1; j < len(qs); j++ {
				if qs[j].Reopened && qs[j].OpenStart > q.CloseEnd {
					next = j
					break
				}
			}
			if next < 0 || qs[next].Open != q.Open || strings.TrimSpace(text[q.End:qs[next].OpenStart]) != "" ||
				strings.Count(text[q.End:qs[next].OpenStart], "\n") == 0 {
				t.Fatalf("quote %d continues but no reopened piece follows it: %+v", i, q)
			}
		}
	}
	for i, w := range ws {
		if w.Offset < 0 || w.Offset >= len(text) || w.Msg == "" {
			t.Fatalf("warning %d: %+v", i, w)
		}
		if i > 0 && ws[i-1].Offset >= w.Offset {
			t.Fatalf("warnings not sorted or two for one mark: %+v", ws)
		}
	}
}

// TestScanQuotesLinear runs the scanner on inputs that would take quadratic
// time (and not finish) with a naive stack or trimming; it checks the output
// size, not the clock.
func TestScanQuotesLinear(t *testing.T) {
	const mb = 1 << 20
	t.Run("100k unclosed paragraphs", func(t *testing.T) {
		text := strings.Repeat("He said “hello\n", 100_000)
		qs, ws := ScanQuotes(text, ScanOptions{})
		if len(qs) != 100_000 || len(ws) != 100_000 {
			t.Fatalf("%d quotes, %d warnings", len(qs), len(ws))
		}
	})
	t.Run("100k unclosed in one line", func(t *testing.T) {
		text := strings.Repeat("“a ", 100_000)
		for _, maxLen := range []int{0, 1 << 30} {
			opt := ScanOptions{MaxLen: maxLen}
			qs, ws := ScanQuotes(text, opt)
			// At most qsMaxDepth quotes are open at once: the other marks
			// are stray, and each cut (every 5000 bytes) ends the open ones.
			if len(qs) == 0 || len(qs) > qsMaxDepth*(len(text)/5000+1) || len(ws) != 100_000 {
				t.Fatalf("MaxLen %d: %d quotes, %d warnings", maxLen, len(qs), len(ws))
			}
			checkQuoteInvariants(t, text, opt, qs, ws)
		}
	})
	t.Run("lines of nothing but marks", func(t *testing.T) {
		// 1 MB lines for a few patterns, 64 KB lines for the others (a
		// quadratic scan would not finish on either).
		units := []string{"“", `"`, `"'`, "«»»«", "“x’",
			"”", "‘", "’", "'", "«", "»", "„", "‚", "「", "』", "“‘", "„”", "‘’", `""`,
			"「『", "“ ", " ”", "„‘", "“„‚‘"}
		for i, u := range units {
			size := mb
			if i >= 5 {
				size = 64 << 10
			}
			text := strings.Repeat(u, size/len(u))
			for _, maxLen := range []int{0, 1 << 30} {
				opt := ScanOptions{MaxLen: maxLen}
				qs, ws := ScanQuotes(text, opt)
				checkQuoteInvariants(t, text, opt, qs, ws)
				if len(qs)+len(ws) > 2*len(text) {
					t.Fatalf("%q MaxLen %d: %d quotes, %d warnings", u, maxLen, len(qs), len(ws))
				}
			}
		}
	})
	t.Run("deep stack then many non-closing marks", func(t *testing.T) {
		// An open ' at the bottom, 100k “ above it, then 100k apostrophes that
		// may not close it: each must not search the stack.
		text := "'x " + strings.Repeat("“", 100_000) + strings.Repeat("a'b ", 100_000) + "”"
		opt := ScanOptions{MaxLen: 1 << 30}
		qs, ws := ScanQuotes(text, opt)
		checkQuoteInvariants(t, text, opt, qs, ws)
		if len(qs) != qsMaxDepth { // the ' and 7 “, the other marks stray
			t.Fatalf("%d quotes", len(qs))
		}
	})
	t.Run("long whitespace in nested unclosed quotes", func(t *testing.T) {
		text := strings.Repeat("“x", 50_000) + strings.Repeat(" ", mb) + "\n" + strings.Repeat("“ ", 50_000) + strings.Repeat(" ", mb)
		opt := ScanOptions{MaxLen: 1 << 30}
		qs, ws := ScanQuotes(text, opt)
		checkQuoteInvariants(t, text, opt, qs, ws)
		if len(qs) != 2*qsMaxDepth { // each run opens qsMaxDepth
			t.Fatalf("%d quotes", len(qs))
		}
	})
}

// benchArticle is a made-up news article, written for this benchmark.
const benchArticle = `Harbour bridge vote ‘a turning point’ – mayor

Councillors back the £48m crossing after a four-hour debate, but residents say “the fight isn’t over”
LOWER MARSTON, Tuesday — The town council has approved plans for a second bridge over the harbour, a decision the mayor, Helen Okafor, called “a turning point for everyone who’s ever sat in that queue on the quay road.”
The vote, 14 to 9, came late on Monday after what one councillor described as “the longest evening of my political life.” Opponents had argued that the project’s budget, now put at £48 million, was “built on hope rather than numbers.”
“We’ve listened, we’ve redrawn the plans three times, and we’ve cut the cost by a fifth,” Okafor told reporters outside the town hall. “People said it couldn’t be done. Well, tonight it was done.”
Not everyone shared her enthusiasm. Graham Pike, who chairs the Quayside Residents’ Association, said the group would “look very carefully” at a legal challenge. “They keep calling it a ‘gateway’,” he said. “For the forty families on Ferry Lane, it’s a wall.”
The bridge, designed by the engineering firm Castell & Rowe, would carry two lanes of traffic and a separate cycle path. Its chief engineer, Priya Desai, said the design was “deliberately modest,” adding: “Nobody wants a monument. They want to get to work.”
Work is expected to begin in the spring of ’27 if the regional authority signs off on the funding. A spokesperson for the authority said it had “received the council’s application” and would respond “in due course.”
“I have lived here since the ’70s,” said Margaret Hale, 81, who watched the debate from the public gallery. “My late husband used to say they’d build that bridge the day pigs flew.
“Well, I’m going to go home and look out of the window, because something’s flying tonight.”
At the meeting, the opposition leader, Tom Brannigan, warned that the council was “betting the town’s finances on a single roll of the dice.” He said his group would not “stand in the way of the will of the chamber,” but would hold the administration “to every penny” of the estimate.
The local business federation welcomed the vote. Its regional director, Anil Mehta, said shops on the quay had lost trade for years because of the congestion: “You can’t run a café when your customers are stuck in a queue for forty minutes. This is good news, full stop.”
Environmental groups were more cautious. A statement from Harbour Watch said the group was “not opposed in principle” but wanted “binding guarantees” for the salt marsh on the eastern bank, home to wading birds that “don’t appear anywhere else in the county.”
Okafor said the council would publish the full environmental assessment next month. Asked whether she expected a legal fight, she smiled. “Let them try,” she said. “We’ve done this properly.”
`

func BenchmarkScanQuotes(b *testing.B) {
	run := func(b *testing.B, text string) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			ScanQuotes(text, ScanOptions{})
		}
	}
	b.Run("article", func(b *testing.B) { run(b, benchArticle) })
	b.Run("article-x64", func(b *testing.B) { run(b, strings.Repeat(benchArticle, 64)) })
	// Baseline: counting the runes of the same text, the least any scan
	// that decodes it could do.
	b.Run("baseline-runecount-x64", func(b *testing.B) {
		text := strings.Repeat(benchArticle, 64)
		b.SetBytes(int64(len(text)))
		n := 0
		for b.Loop() {
			n += utf8.RuneCountInString(text)
		}
		_ = n
	})
}
