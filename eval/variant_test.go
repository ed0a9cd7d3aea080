package eval

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBritish(t *testing.T) {
	tests := []struct{ in, want string }{
		{`“We will win,” she said.`, `‘We will win,’ she said.`},
		{`"Plain," he said, "text."`, `'Plain,' he said, 'text.'`},
		{`“A ‘nested’ word,” and don’t`, `‘A ‘nested’ word,’ and don’t`},
		{`no marks`, `no marks`},
	}
	for _, tt := range tests {
		got := British(tt.in)
		if got != tt.want {
			t.Errorf("British(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(tt.in) {
			t.Errorf("British(%q) changed the length", tt.in)
		}
	}
}

func TestWrap(t *testing.T) {
	para := "The council met on a rainy Tuesday and voted, after a long debate that ran late into the night, to keep the library open."
	tests := []struct {
		name, in string
		width    int
		want     string
	}{
		{"short line kept", "Short line.", 72, "Short line."},
		{"broken at spaces", "aaa bbb ccc ddd", 7, "aaa bbb\nccc ddd"},
		{"long word alone", "a verylongword b", 5, "a\nverylongword\nb"},
		{"blank line added between paragraphs", "One.\nTwo.", 72, "One.\n\nTwo."},
		{"blank lines kept", "One.\n\nTwo.", 72, "One.\n\nTwo."},
		{"zero width is one", "a b", 0, "a\nb"},
		{"prose", para, 40, "The council met on a rainy Tuesday and\nvoted, after a long debate that ran late\ninto the night, to keep the library\nopen."},
	}
	for _, tt := range tests {
		got, _ := Wrap(tt.in, tt.width)
		if got != tt.want {
			t.Errorf("%s: Wrap = %q, want %q", tt.name, got, tt.want)
		}
		for _, l := range strings.Split(got, "\n") {
			if n := utf8.RuneCountInString(l); n > max(tt.width, 1) && strings.Contains(l, " ") {
				t.Errorf("%s: line %q is %d characters", tt.name, l, n)
			}
		}
	}
}

// TestWrapOffsets checks that every character of the text is found at its
// mapped offset, line breaks aside.
func TestWrapOffsets(t *testing.T) {
	in := "Héllo “wörld”, this is a paragraph of some length.\nSecond paragraph, also “quoted” here.\n\nThird one."
	got, move := Wrap(in, 12)
	src, dst := []rune(in), []rune(got)
	for i, r := range src {
		j := move(i)
		if j < 0 || j >= len(dst) {
			t.Fatalf("offset %d moved out of range to %d", i, j)
		}
		if dst[j] != r && !(r == ' ' && dst[j] == '\n') {
			t.Errorf("offset %d (%q) moved to %d (%q)", i, r, j, dst[j])
		}
	}
	if move(len(src)) != len(dst) {
		t.Errorf("end offset %d moved to %d, want %d", len(src), move(len(src)), len(dst))
	}
}

func TestApplyVariant(t *testing.T) {
	line := `{"id":"d1","text":"Intro line.\n“We will win the vote,” said the mayor.","quotes":[{"start":13,"end":33,"text":"We will win the vote","speaker":"the mayor","speaker_start":41,"speaker_end":50,"speaker_title":"x","kind":"direct"}],"ignore":[{"start":0,"end":5,"text":"Intro"}],"meta":{"k":1}}`
	tests := []struct {
		variant  string
		text     string
		start    int
		spkStart int
	}{
		{"british", "Intro line.\n‘We will win the vote,’ said the mayor.", 13, 41},
		{"wrap72", "Intro line.\n\n“We will win the vote,” said the mayor.", 14, 42},
	}
	for _, tt := range tests {
		out, err := ApplyVariant(tt.variant, []byte(line))
		if err != nil {
			t.Fatalf("%s: %v", tt.variant, err)
		}
		var g GoldDoc
		if err := json.Unmarshal(out, &g); err != nil {
			t.Fatalf("%s: the output does not read as gold: %v", tt.variant, err)
		}
		if g.Text != tt.text {
			t.Errorf("%s: text %q, want %q", tt.variant, g.Text, tt.text)
		}
		q := g.Quotes[0]
		if q.Start != tt.start || *q.SpeakerStart != tt.spkStart {
			t.Errorf("%s: quote at %d, speaker at %d; want %d, %d", tt.variant, q.Start, *q.SpeakerStart, tt.start, tt.spkStart)
		}
		if got := string([]rune(g.Text)[q.Start:q.End]); got != q.Text || q.Text != "We will win the vote" {
			t.Errorf("%s: quote text %q, span %q", tt.variant, q.Text, got)
		}
		if !bytes.Contains(out, []byte(`"speaker_title":"x"`)) || !bytes.Contains(out, []byte(`"meta":{"k":1}`)) {
			t.Errorf("%s: other fields lost: %s", tt.variant, out)
		}
	}
	if _, err := ApplyVariant("klingon", []byte(line)); err == nil {
		t.Error("an unknown variant gave no error")
	}
}

func TestWriteVariant(t *testing.T) {
	in := "{\"id\":\"a\",\"text\":\"“Yes,” he said.\",\"quotes\":[]}\n\n{\"id\":\"b\",\"text\":\"x\",\"quotes\":[]}\n"
	var out bytes.Buffer
	if err := WriteVariant("british", strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	gold, err := ReadGold(&out)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 2 || gold[0].Text != "‘Yes,’ he said." {
		t.Errorf("got %+v", gold)
	}
	if err := WriteVariant("nope", strings.NewReader(in), &out); err == nil {
		t.Error("an unknown variant gave no error")
	}
	if err := WriteVariant("wrap72", strings.NewReader("{not json\n"), &out); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad JSON: error %v, want one naming line 1", err)
	}
}
