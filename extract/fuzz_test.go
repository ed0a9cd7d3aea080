package extract_test

// Fuzz tests of cleanup, the whole extraction, decoding and input reading
// (the quote scanner has its own, quotes_fuzz_test.go). The seeds run as
// normal tests; docs/reliability.md says how to fuzz for longer.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/extract"
)

// fuzzSeeds are texts from testdata/ and the eval gold files, and short
// texts that stress the edges of the pipeline.
func fuzzSeeds(f *testing.F) []string {
	seeds := []string{
		"",
		"\n",
		"“We will win,” said John Smith.",
		"“Yes,” he said. “No.”\n\n“Maybe,” she added, “or not.”",
		"Kremlin aide Yury Ushakov has hailed “very useful” talks, according to\u00a0TASS.",
		"“A long quote\n\n“that goes on\n\n“and ends here,” said Ann Lee.",
		"“a ‘b “c” d’ e” – Russian presidential aide",
		"He said: «bonjour» and „guten Tag“ and 「こんにちは」.",
		"“x\u200b y\u00ad z\ufeff,”\r\n said Mr.\u2009Smith\u202f Jr.",
		"PENCE: We are here.\nHARRIS: “So are we.”",
		"‘’“”\"\"''«»",
		"“unclosed quote at the end",
		"“Yes” – Russian",
		"the ’90s, rock ’n’ roll, don’t — “Trump’s” envoy",
		"e\u0301 “cafe\u0301,” said Zoe\u0308 Smith 😀.",
		"\x00binary",
		"caf\xe9 “invalid,” said Bob",
	}
	var files []string
	for _, g := range []string{"../testdata/seed/*.txt", "../testdata/articles/*.txt", "testdata/*.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			seeds = append(seeds, string(data))
		}
	}
	// the texts of the eval gold files (a few, to keep the seed run short)
	golds, _ := filepath.Glob("../eval/testdata/*.jsonl")
	for _, p := range golds {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<24)
		for n := 0; sc.Scan() && n < 3; n++ {
			var d struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &d) == nil && d.Text != "" {
				seeds = append(seeds, d.Text)
			}
		}
	}
	return seeds
}

// isBlanked reports whether the cleanup view may have turned r into spaces:
// whitespace and invisible format characters (NBSP, zero-width, BOM, soft
// hyphen...).
func isBlanked(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }

func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	x := defaultExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		c, trace := x.CleanExplain(text)
		checkCleaned(t, text, c)
		if len(trace) != len(c.Lines) {
			t.Errorf("%d line traces for %d lines", len(trace), len(c.Lines))
		}
		if got := x.Clean(text); got.View != c.View || len(got.Lines) != len(c.Lines) {
			t.Errorf("Clean and CleanExplain differ")
		}
		out := c.Text()
		if utf8.ValidString(text) && !utf8.ValidString(out) {
			t.Errorf("cleaned text is not UTF-8: %q", out)
		}
	})
}

// checkCleaned checks the invariants of cleanup: the view has the input's
// length, keeps its newlines (but those inside paragraphs of hard-wrapped
// text), and differs only by spaces in place of whitespace, invisible
// characters and dropped lines; the lines tile the input.
func checkCleaned(t *testing.T, text string, c *extract.Cleaned) {
	t.Helper()
	if len(c.View) != len(text) {
		t.Fatalf("view of %d bytes for %d bytes of input", len(c.View), len(text))
	}
	if len(c.Lines) == 0 {
		t.Fatalf("no lines")
	}
	prev := -1
	for k, l := range c.Lines {
		if int(l.Start) != prev+1 || l.End < l.Start || int(l.End) > len(text) {
			t.Fatalf("line %d: [%d, %d) after a line ending at %d", k+1, l.Start, l.End, prev)
		}
		if int(l.End) < len(text) && text[l.End] != '\n' {
			t.Fatalf("line %d ends at %d, not at a newline", k+1, l.End)
		}
		if strings.IndexByte(c.View[l.Start:l.End], '\n') >= 0 {
			t.Fatalf("line %d holds a newline", k+1) // in the input it may: hard-wrapped text
		}
		if l.Dropped && c.LineRule(k) == "" {
			t.Errorf("line %d dropped by no rule", k+1)
		}
		if l.Dropped && strings.TrimLeft(c.View[l.Start:l.End], " ") != "" {
			t.Errorf("dropped line %d is not blank in the view", k+1)
		}
		prev = int(l.End)
	}
	if prev != len(text) {
		t.Fatalf("the lines end at %d, the input at %d", prev, len(text))
	}
	valid := utf8.ValidString(text)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if c.View[i:i+n] != text[i:i+n] {
			if c.View[i:i+n] != strings.Repeat(" ", n) {
				t.Fatalf("view byte %d: %q for %q", i, c.View[i:i+n], text[i:i+n])
			}
			if valid && !isBlanked(r) && !droppedAt(c, i) {
				t.Fatalf("view blanks %q at byte %d, in a line not dropped", r, i)
			}
		}
		i += n
	}
}

func droppedAt(c *extract.Cleaned, off int) bool {
	for _, l := range c.Lines {
		if int(l.Start) <= off && off < int(l.End) {
			return l.Dropped
		}
	}
	return false
}

func FuzzExtract(f *testing.F) {
	fuzzExtraction(f, defaultExtractor(f), nil)
}

// fuzzExtraction fuzzes x.Extract from fuzzSeeds and seeds: invalid input
// gets ErrBinary or ErrInvalidUTF8 (and CheckText refuses it), valid input
// a document that checkDocument accepts.
func fuzzExtraction(f *testing.F, x *extract.Extractor, seeds []string) {
	for _, s := range append(fuzzSeeds(f), seeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := x.Extract("fuzz", text)
		if err != nil {
			if !errors.Is(err, extract.ErrBinary) && !errors.Is(err, extract.ErrInvalidUTF8) {
				t.Fatalf("unexpected error: %v", err)
			}
			if extract.CheckText(text) == nil {
				t.Fatalf("error %v for text that CheckText accepts", err)
			}
			return
		}
		checkDocument(t, text, doc)
	})
}

// FuzzExtractReported is FuzzExtract with reported speech (Options.Reported):
// the statement rows are checked as the quote rows are. Its seeds add
// statements in the layouts of the reported rules and typewriter marks.
func FuzzExtractReported(f *testing.F) {
	fuzzExtraction(f, reportedExtractor(f), []string{
		"Jane Doe said the bridge would close, while John Roe argued that it would not.",
		"On Friday, the mayor told reporters that the talks had been useful, according to the council.",
		"The bridge will close in May, Jane Doe said. ''We never said it would stay open,'' she added.",
		"Jane Doe said the bridge would close in May. ''The cost is high,'' she said, adding that it was old.",
		"Asked whether the bridge would close, the mayor said no. It was announced that talks would resume.",
		"The plan failed, for the city, said Jane Doe, who, as the paper reported, had warned of it.",
	})
}

// checkDocument checks the quote table against the original text: offsets
// in code points, in range and sorted; the text at the offsets, with
// whitespace and invisible characters as spaces and whitespace collapsed, is
// the reported quote, mention and cue; lines are right; the writers work.
func checkDocument(t *testing.T, text string, doc *extract.Document) {
	t.Helper()
	// byteAt[k] is the byte offset of code point k
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	n := len(byteAt) - 1
	view := doc.Clean.View
	// at returns the text of code points [s, e) as the pipeline reads it
	at := func(what string, s, e int) (string, bool) {
		if s < 0 || s > e || e > n {
			t.Errorf("%s: offsets [%d, %d) out of range [0, %d]", what, s, e, n)
			return "", false
		}
		bs, be := byteAt[s], byteAt[e]
		var b strings.Builder
		for i, r := range text[bs:be] {
			w := utf8.RuneLen(r)
			if v := view[bs+i : bs+i+w]; v != text[bs+i:bs+i+w] && r != ' ' {
				if !isBlanked(r) {
					t.Errorf("%s: the view has %q for %q", what, v, r)
				}
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(r)
		}
		return strings.Join(strings.Fields(b.String()), " "), true
	}
	collapse := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	prevStart := -1
	ids := map[string]bool{}
	for i, q := range doc.Quotes {
		what := q.ID + " «" + q.Quote + "»"
		if ids[q.ID] || q.ID == "" {
			t.Errorf("%s: id not unique", what)
		}
		ids[q.ID] = true
		if q.Start < prevStart {
			t.Errorf("%s: quote %d starts at %d, before the previous one (%d)", what, i+1, q.Start, prevStart)
		}
		prevStart = q.Start
		if got, ok := at(what, q.Start, q.End); ok {
			if got != q.Quote {
				t.Errorf("%s: the text at [%d, %d) is %q", what, q.Start, q.End, got)
			}
			if want := strings.Count(text[:byteAt[q.Start]], "\n") + 1; q.Line != want {
				t.Errorf("%s: line %d, want %d", what, q.Line, want)
			}
		}
		if q.Quote == "" {
			t.Errorf("quote %s is empty", q.ID)
		}
		if (q.SpeakerStart == nil) != (q.SpeakerEnd == nil) || (q.CueStart == nil) != (q.CueEnd == nil) {
			t.Errorf("%s: half an offset pair", what)
		}
		if q.SpeakerStart != nil {
			if got, ok := at(what+" speaker", *q.SpeakerStart, *q.SpeakerEnd); ok && got != collapse(q.Mention) {
				t.Errorf("%s: the text at the speaker offsets [%d, %d) is %q, the mention %q", what, *q.SpeakerStart, *q.SpeakerEnd, got, q.Mention)
			}
		}
		if q.CueStart != nil {
			if got, ok := at(what+" cue", *q.CueStart, *q.CueEnd); ok && got != collapse(q.Cue) {
				t.Errorf("%s: the text at the cue offsets [%d, %d) is %q, the cue %q", what, *q.CueStart, *q.CueEnd, got, q.Cue)
			}
		}
		if q.Confidence < 0 || q.Confidence > 1 {
			t.Errorf("%s: confidence %v", what, q.Confidence)
		}
	}
	for _, format := range extract.Formats() {
		w, err := extract.NewWriter(format, &countWriter{}, extract.WriterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.WriteDoc(doc); err != nil {
			t.Errorf("%s writer: %v", format, err)
		}
		if err := w.Close(); err != nil {
			t.Errorf("%s writer: %v", format, err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain"), uint8(0))
	f.Add([]byte("caf\xe9 \x93x\x94"), uint8(3))
	f.Add(le16("“Hi” 😀", true), uint8(0))
	f.Add(be16("“Hi” 😀", true), uint8(4))
	f.Add([]byte{0x3D, 0xD8, 0x3D, 0xD8, 0x00}, uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, enc uint8) {
		name := extract.Encodings()[int(enc)%len(extract.Encodings())]
		out, err := extract.Decode(data, name)
		if err != nil {
			if !errors.Is(err, extract.ErrOddUTF16) || len(data)%2 == 0 {
				t.Fatalf("%s: %v", name, err)
			}
			return
		}
		switch name {
		case "auto", "utf-8":
			if (name == "utf-8" || len(data) < 2 || data[0] != 0xFF && data[0] != 0xFE) && out != string(data) {
				t.Fatalf("%s changed the bytes", name)
			}
		case "latin-1", "windows-1252":
			if !utf8.ValidString(out) || utf8.RuneCountInString(out) != len(data) {
				t.Fatalf("%s: %d code points for %d bytes", name, utf8.RuneCountInString(out), len(data))
			}
		default:
			if !utf8.ValidString(out) || utf8.RuneCountInString(out) > len(data)/2 {
				t.Fatalf("%s: %d code points for %d bytes", name, utf8.RuneCountInString(out), len(data))
			}
		}
		if name != "auto" && name != "utf-8" && !utf8.ValidString(out) {
			t.Fatalf("%s: not UTF-8", name)
		}
	})
}

func FuzzReadInputs(f *testing.F) {
	f.Add([]byte("{\"id\": \"a\", \"text\": \"“Yes,” said Ann.\"}\nnot json\n{\"text\": 1}\n"), true, uint8(0))
	f.Add([]byte("“Yes,” said Ann."), false, uint8(0))
	f.Add(le16("{\"text\": \"x\"}\n", true), true, uint8(0))
	f.Add([]byte("\x93x\x94\n"), false, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, jsonl bool, enc uint8) {
		opt := extract.InputOptions{Stdin: bytes.NewReader(data), Encoding: extract.Encodings()[int(enc)%len(extract.Encodings())], MaxBytes: 1 << 10}
		if jsonl {
			opt.Format = "jsonl"
		}
		docs := 0
		err := extract.ReadInputs([]string{"-"}, opt, func(in extract.Input) error {
			docs++
			if strings.TrimSpace(in.ID) == "" {
				t.Errorf("a document without an id: %q", in.ID)
			}
			if in.Err == nil && len(in.ID) > extract.MaxIDBytes {
				t.Errorf("an id of %d bytes", len(in.ID))
			}
			if in.Err == nil {
				if err := extract.CheckText(in.Text); err != nil {
					t.Errorf("%s: text that is not text: %v", in.ID, err)
				}
			} else if in.Text != "" {
				t.Errorf("%s: text and an error", in.ID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !jsonl && docs != 1 {
			t.Errorf("%d documents from one text", docs)
		}
		if !jsonl {
			return
		}
		// with KeepLines, every line is a document: the k-th has Line k
		// (the JSONL output's one line per input line, docs/scale-out.md)
		opt.Stdin, opt.KeepLines = bytes.NewReader(data), true
		k := 0
		err = extract.ReadInputs([]string{"-"}, opt, func(in extract.Input) error {
			k++
			if in.Line != k {
				t.Errorf("document %d (%s, %v) has Line %d", k, in.ID, in.Err, in.Line)
			}
			if len(in.RecordID) > extract.MaxIDBytes || in.RecordID != "" && in.Err == nil {
				t.Errorf("document %d: RecordID of %d bytes, error %v", k, len(in.RecordID), in.Err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if k < docs {
			t.Errorf("%d documents with KeepLines, %d without", k, docs)
		}
	})
}
