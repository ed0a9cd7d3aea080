package extract

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/whosaid/whosaid/rules"
)

// TestLowerSameLength checks lowerSameLength against the plain definition,
// rune by rune, on text longer than its buffer, with invalid UTF-8.
func TestLowerSameLength(t *testing.T) {
	plain := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == n {
				b.WriteRune(l)
			} else {
				b.WriteString(s[i : i+n])
			}
			i += n
		}
		return b.String()
	}
	parts := []string{"a", "Z", " ", "É", "é", "İ", "K", "ẞ", "Ω", "Ж", "\xff", "\xe2\x80", "日本", "’", "ABC def"}
	rnd := rand.New(rand.NewSource(3))
	for range 2000 {
		s := randomText(rnd, parts, 400)
		if got, want := lowerSameLength(s), plain(s); got != want {
			t.Fatalf("lowerSameLength(%q) = %q, want %q", s, got, want)
		}
	}
}

// randomText joins up to max-1 pieces drawn from parts.
func randomText(rnd *rand.Rand, parts []string, max int) string {
	var b strings.Builder
	for range rnd.Intn(max) {
		b.WriteString(parts[rnd.Intn(len(parts))])
	}
	return b.String()
}

// TestTrimApostrophes checks trimApostrophes against strings.Trim.
func TestTrimApostrophes(t *testing.T) {
	for _, w := range []string{"", "'", "’", "''a", "a'", "’a’", "'’x'’", "don't", "\xe2\x80", "a\xe2\x80", "'\xff'"} {
		if got, want := trimApostrophes(w), strings.Trim(w, "'’"); got != want {
			t.Errorf("trimApostrophes(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestNormalize checks the view normalizeLower returns against its plain
// definition, rune by rune, on text with every character it blanks and with
// invalid UTF-8.
func TestNormalize(t *testing.T) {
	plain := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '\r', '\t', '\v', '\f', '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202f',
				'\u2009', '\u2007', '\u2002', '\u2003':
				b.WriteString(strings.Repeat(" ", n))
			default:
				b.WriteString(s[i : i+n])
			}
			i += n
		}
		return b.String()
	}
	parts := []string{"a", "Z", " ", "\n", "\r\n", "\t", "\v", "\f", "\x08", "\x0e", "\u00a0", "\ufeff", "\u2003", "é",
		"\xff", "\xc2", "plain text ", "12345678"}
	rnd := rand.New(rand.NewSource(4))
	for range 2000 {
		s := randomText(rnd, parts, 60)
		if got, _ := normalizeLower(s); got != plain(s) {
			t.Fatalf("normalizeLower(%q) view = %q, want %q", s, got, plain(s))
		}
	}
}

// TestNormalizeLower checks the lower case normalizeLower returns against
// lowerSameLength of its view, on text with every character it blanks,
// capitals and the letters whose lower case is longer, in runs of ASCII
// long enough for its eight-byte blocks, and with invalid UTF-8 (the view
// itself: TestNormalize).
func TestNormalizeLower(t *testing.T) {
	parts := []string{"a", "Z", " ", "\n", "\r\n", "\t", "\v", "\f", "\x08", "\x0e", "\x7f", "\u00a0", "\ufeff",
		"\u2003", "\u200d", "\u00ad", "é", "É", "İ", "K", "Ж", "’", "\xff", "\xc2", "Plain Text ", "12345678",
		"The Quick Brown Fox\n", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "@[`{"}
	rnd := rand.New(rand.NewSource(5))
	for range 5000 {
		s := randomText(rnd, parts, 60)
		view, low := normalizeLower(s)
		if want := lowerSameLength(view); low != want {
			t.Fatalf("normalizeLower(%q) low = %q, want %q", s, low, want)
		}
	}
}

// TestStopWordsSettled checks that counting a line's stop words only until
// its share settles every stop-word condition (features, lineNeeds) cleans
// as counting them all does: random documents of lines of 1 to 70 words,
// with the judgement's trace, some with no stop words in most of their long
// lines (stopwordsUnknown, which then counts the partial lines in full).
func TestStopWordsSettled(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	stop := []string{"the", "of", "and", "said", "to", "in", "a", "The", "It", "was", "for", "on"}
	other := []string{"Springfield", "Acme", "Corp.", "budget", "council", "Jane", "Doe", "reported", "2024", "12",
		"Home", "World", "Sports", "Share", "“Yes,”", "cookie", "Photo:", "©", "Next:", "JANE", "ex-post", "don’t"}
	rnd := rand.New(rand.NewSource(6))
	for doc := range 400 {
		var b strings.Builder
		share := rnd.Float64() * 0.6
		if doc%4 == 0 {
			// a long line of stop words, counted in part, and long lines with
			// almost none: stopwordsUnknown says yes until it counts that line
			share = 0.02
			for range 40 {
				b.WriteString(stop[rnd.Intn(len(stop))] + " ")
			}
			b.WriteString("\n")
		}
		for range 5 + rnd.Intn(40) {
			n := 1 + rnd.Intn(70)
			if rnd.Intn(3) == 0 {
				n = 1 + rnd.Intn(6)
			}
			for k := range n {
				if k > 0 {
					b.WriteByte(' ')
				}
				if rnd.Float64() < share {
					b.WriteString(stop[rnd.Intn(len(stop))])
				} else {
					b.WriteString(other[rnd.Intn(len(other))])
				}
			}
			if rnd.Intn(2) == 0 {
				b.WriteByte('.')
			}
			b.WriteString("\n\n"[:1+rnd.Intn(2)])
		}
		text := b.String()
		c, trace := x.CleanExplain(text)
		x.exactStopWords = true
		ce, tracee := x.CleanExplain(text)
		x.exactStopWords = false
		if !reflect.DeepEqual(c, ce) || !reflect.DeepEqual(trace, tracee) {
			t.Fatalf("document %d: cleaned differently with the stop words counted in full:\n%s", doc, text)
		}
	}
}

// TestGeneralPunct checks that the characters generalPunct takes are no
// letters and no digits, as features takes them, and have no lower case, as
// normalizeLower takes them.
func TestGeneralPunct(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		if generalPunct(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.ToLower(r) != r) {
			t.Errorf("%U is a letter or a digit, or has a lower case", r)
		}
	}
}

// TestAlnumPrefix checks alnumPrefix against isAlnumASCII byte by byte.
func TestAlnumPrefix(t *testing.T) {
	pick := []byte{'/', '0', '9', ':', '@', 'A', 'Z', '[', '`', 'a', 'z', '{', ' ', '.', 0x7f, 0x80, 0xc3, 0xe2, 0xff}
	rng := rand.New(rand.NewSource(4))
	var b [8]byte
	for n := 0; n < 200000; n++ {
		for i := range b {
			b[i] = 'a' + byte(rng.Intn(26))
			if rng.Intn(3) == 0 {
				b[i] = pick[rng.Intn(len(pick))]
			}
		}
		want := 0
		for want < 8 && isAlnumASCII(b[want]) {
			want++
		}
		if got := alnumPrefix(load64(string(b[:]), 0)); got != want {
			t.Fatalf("alnumPrefix(%q) = %d, want %d", b[:], got, want)
		}
	}
}

// TestShapeTestsCoverConditions checks that cleanup has a test for every
// condition the rules package may list (rules.CleanupRule.Conditions): on a
// rule whose every field is set away from its neutral value, it lists them
// all.
func TestShapeTestsCoverConditions(t *testing.T) {
	r := &rules.CleanupRule{}
	v := reflect.ValueOf(r).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if !f.CanSet() {
			continue
		}
		switch f.Kind() {
		case reflect.Int, reflect.Int8:
			f.SetInt(1) // (a Tri: Yes)
		case reflect.Float64:
			f.SetFloat(0.5)
		case reflect.Bool:
			f.SetBool(true)
		}
	}
	r.Prev, r.Next = &rules.CleanupRule{}, &rules.CleanupRule{}
	keys := r.Conditions()
	if len(keys) < 20 {
		t.Fatalf("Conditions() = %v: fewer than the conditions cleanup knows", keys)
	}
	for _, key := range keys {
		if shapeTestOf(r, key) == nil {
			t.Errorf("condition %q has no shape test", key)
		}
	}
}

// TestIsASCII checks isASCII, which reads eight bytes at a time, with a
// byte from 0x80 up at every place of strings of every length to 20.
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 20; n++ {
		plain := strings.Repeat("a", n)
		if !isASCII(plain) {
			t.Errorf("isASCII(%q) = false", plain)
		}
		for at := 0; at < n; at++ {
			b := []byte(plain)
			b[at] = 0x80
			if isASCII(string(b)) {
				t.Errorf("isASCII(%q) = true", b)
			}
		}
	}
}

// TestLineCompact: a Line stays 16 bytes (a document of newlines alone has
// one per byte), the ids of the dropping rules come back through the
// document's table, and blank lines share the zero features, unwritten.
func TestLineCompact(t *testing.T) {
	if n := unsafe.Sizeof(Line{}); n != 16 {
		t.Errorf("a Line is %d bytes, want 16", n)
	}
	for _, c := range []struct {
		m    LineMeta
		want string
	}{{MetaNone, ""}, {MetaTitle, "title"}, {MetaDate, "date"}} {
		if got := c.m.String(); got != c.want {
			t.Errorf("LineMeta(%d).String() = %q, want %q", c.m, got, c.want)
		}
	}
	st := &cleanState{lines: make([]Line, 4)}
	for i, id := range []string{"a", "b", "a", ""} {
		st.setRule(i, id)
	}
	c := &Cleaned{Lines: st.lines, ruleIDs: st.ruleIDs}
	for i, want := range []string{"a", "b", "a", ""} {
		if got := c.LineRule(i); got != want || st.ruleOf(i) != want {
			t.Errorf("line %d: rule %q (state %q), want %q", i, got, st.ruleOf(i), want)
		}
	}
	if len(st.ruleIDs) != 2 {
		t.Errorf("rule table %q, want each id once", st.ruleIDs)
	}
	x := defaultExtractor(t)
	text := "Harbour news\n\n\n\nThe ferry returned to the harbour on Monday, officials said.\n\n\nShare this article\n\n"
	cl := x.Clean(text)
	dropped := 0
	for i, l := range cl.Lines {
		if l.Dropped != (cl.LineRule(i) != "") {
			t.Errorf("line %d: dropped %v, rule %q", i+1, l.Dropped, cl.LineRule(i))
		}
		if l.Dropped {
			dropped++
		}
	}
	if dropped == 0 || cl.Lines[0].Meta != MetaTitle {
		t.Errorf("%d lines dropped, first line's meta %q: want a dropped line and the title", dropped, cl.Lines[0].Meta)
	}
}
