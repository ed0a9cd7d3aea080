package extract_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func defaultExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	rs, err := rules.Default()
	if err != nil {
		t.Fatalf("default rules: %v", err)
	}
	return extract.New(rs, extract.Options{})
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; got:\n%s", path, got)
	}
}

// TestGoldenArticles runs every article of testdata/articles (and the seed)
// and compares the JSONL output with its .golden.jsonl file.
func TestGoldenArticles(t *testing.T) {
	x := defaultExtractor(t)
	files, _ := filepath.Glob("../testdata/seed/*.txt")
	more, _ := filepath.Glob("../testdata/articles/*.txt")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no test articles")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := x.Extract(filepath.Base(f), string(data))
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			w, _ := extract.NewWriter("json", &buf, extract.WriterOptions{})
			if err := w.WriteDoc(doc); err != nil {
				t.Fatal(err)
			}
			w.Close()
			golden(t, f[:len(f)-len(".txt")]+".golden.json", buf.Bytes())
		})
	}
}

// TestSeedTable checks the seed article's quote table field by field
// against the table in the project's brief, independent of the golden file.
func TestSeedTable(t *testing.T) {
	x := defaultExtractor(t)
	data, err := os.ReadFile("../testdata/seed/rt-putin-witkoff-2025-04-25.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Extract("seed", string(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		start, end          int
		quote, mention, cue string
	}{
		{593, 605, "constructive", "Russian presidential aide", "–"},
		{700, 706, "closer", "Yury Ushakov", "has said"},
		{833, 844, "very useful", "Yury Ushakov", "hailed"},
		{1069, 1075, "closer", "Ushakov", "According to"},
		{1185, 1196, "very useful", "Ushakov", "told reporters"},
		{1212, 1325, "the positions of Russia and the US closer not only on Ukraine, but also on a number of other international issues", "Ushakov", "told reporters"},
		{1401, 1490, "possibility of resuming direct negotiations between representatives of Russia and Ukraine", "Ushakov", "said"},
	}
	if len(doc.Quotes) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(doc.Quotes), len(want), doc.Quotes)
	}
	runes := []rune(string(data))
	for i, w := range want {
		q := doc.Quotes[i]
		if q.Start != w.start || q.End != w.end || q.Quote != w.quote {
			t.Errorf("quote %d: got %d–%d %q, want %d–%d %q", i+1, q.Start, q.End, q.Quote, w.start, w.end, w.quote)
		}
		if string(runes[q.Start:q.End]) != q.Quote {
			t.Errorf("quote %d: offsets do not slice the input to the quote", i+1)
		}
		if q.Speaker != "Yury Ushakov" || q.Title != "Kremlin aide" {
			t.Errorf("quote %d: speaker %q title %q, want Yury Ushakov, Kremlin aide", i+1, q.Speaker, q.Title)
		}
		if q.Mention != w.mention || q.Cue != w.cue {
			t.Errorf("quote %d: mention %q cue %q, want %q %q", i+1, q.Mention, q.Cue, w.mention, w.cue)
		}
		if q.SpeakerStart == nil || string(runes[*q.SpeakerStart:*q.SpeakerEnd]) != q.Mention {
			t.Errorf("quote %d: speaker offsets do not slice the input to the mention", i+1)
		}
	}
	if doc.Title != "Putin-Witkoff talks ‘constructive’ – Russian presidential aide" {
		t.Errorf("title %q", doc.Title)
	}
	if doc.Date != "2025-04-25T15:12" {
		t.Errorf("date %q", doc.Date)
	}
	titles := map[string]string{}
	for _, s := range doc.Speakers {
		if len(s.Titles) > 0 {
			titles[s.Name] = s.Titles[0]
		}
	}
	for name, title := range map[string]string{"Vladimir Putin": "Russian President", "Donald Trump": "US President", "Steve Witkoff": "special envoy"} {
		if titles[name] != title {
			t.Errorf("speakers table: %s has title %q, want %q", name, titles[name], title)
		}
	}
}
