package extract_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/internal/htmlpage"
)

func harbourPage(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "html", "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readAllInputs returns the documents ReadInputs gives for paths.
func readAllInputs(t *testing.T, paths []string, opt extract.InputOptions) []extract.Input {
	t.Helper()
	var got []extract.Input
	if err := extract.ReadInputs(paths, opt, func(in extract.Input) error { got = append(got, in); return nil }); err != nil {
		t.Fatal(err)
	}
	return got
}

// TestReadInputsFormats covers the decoder table: by extension, with
// gzip, and in a folder read with the default globs.
func TestReadInputsFormats(t *testing.T) {
	dir := t.TempDir()
	page := harbourPage(t)
	text := "“We open on Monday,” said the manager, Olga Petrova.\n"
	jsonl := `{"id":"j1","text":"Plain text of a record."}` + "\n" + `{"id":"j2","html":"<html><body><article><p>` +
		strings.Repeat("A long enough paragraph of the article in a record. ", 8) + `</p></article></body></html>","url":"https://site.example/j2"}` + "\n"
	files := map[string][]byte{
		"a.html":     page,
		"b.htm.gz":   gzipped(t, page),
		"c.txt.gz":   gzipped(t, []byte(text)),
		"d.jsonl.gz": gzipped(t, []byte(jsonl)),
		"e.md":       []byte(text),
		"skip.css":   []byte("body { color: red }"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := readAllInputs(t, []string{dir, filepath.Join(dir, "d.jsonl.gz")}, extract.InputOptions{})
	type row struct {
		id   string
		page bool
		has  string
	}
	want := []row{
		{filepath.Join(dir, "a.html"), true, "Tomas Berglund"},
		{filepath.Join(dir, "b.htm"), true, "Tomas Berglund"},
		{filepath.Join(dir, "c.txt"), false, "Olga Petrova"},
		{filepath.Join(dir, "e.md"), false, "Olga Petrova"},
		{"j1", false, "Plain text"},
		{"j2", true, "A long enough paragraph"},
	}
	if len(got) != len(want) {
		for _, in := range got {
			t.Logf("%s err=%v", in.ID, in.Err)
		}
		t.Fatalf("%d documents, want %d", len(got), len(want))
	}
	for i, w := range want {
		in := got[i]
		if in.Err != nil {
			t.Errorf("%s: %v", in.ID, in.Err)
			continue
		}
		if in.ID != w.id || (in.Page != nil) != w.page || !strings.Contains(in.Text, w.has) {
			t.Errorf("document %d = %s (page %v) %.60q, want %s (page %v) with %q", i, in.ID, in.Page != nil, in.Text, w.id, w.page, w.has)
		}
		if strings.Contains(in.Text, "<") {
			t.Errorf("%s: markup in the text: %.80q", in.ID, in.Text)
		}
	}
	if p := got[5].Page; p != nil && p.URL != "https://site.example/j2" {
		t.Errorf("JSONL record's url = %q", p.URL)
	}
	if p := got[0].Page; p.Title == "" || p.Date != "2031-04-17" {
		t.Errorf("page metadata = %+v", p)
	}
}

func TestReadInputsFolderWithoutMatch(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.css"), []byte("x"), 0o644)
	got := readAllInputs(t, []string{dir}, extract.InputOptions{})
	if len(got) != 1 || got[0].Err == nil || !strings.Contains(got[0].Err.Error(), "no file in the folder matches") {
		t.Fatalf("folder without a matching file: %+v, want one error", got)
	}
	if got := readAllInputs(t, []string{dir}, extract.InputOptions{Globs: []string{"*.css"}}); len(got) != 1 || got[0].Err != nil {
		t.Errorf("--glob *.css: %+v", got)
	}
}

func TestReadInputsBadGzip(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.txt.gz")
	os.WriteFile(p, []byte("not gzip at all"), 0o644)
	got := readAllInputs(t, []string{p}, extract.InputOptions{})
	if len(got) != 1 || got[0].Err == nil {
		t.Fatalf("a .gz that is not gzip: %+v", got)
	}
	// a gzip bomb stops at MaxBytes
	big := filepath.Join(t.TempDir(), "big.txt.gz")
	os.WriteFile(big, gzipped(t, bytes.Repeat([]byte("a "), 1<<20)), 0o644)
	got = readAllInputs(t, []string{big}, extract.InputOptions{MaxBytes: 1 << 16})
	if len(got) != 1 || !errors.Is(got[0].Err, extract.ErrTooLarge) {
		t.Fatalf("decompressed over MaxBytes: %+v", got[0].Err)
	}
}

func TestReadInputsURL(t *testing.T) {
	page := harbourPage(t)
	var mu sync.Mutex // the handlers run on the server's goroutines
	var agents []string
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/page", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("“We open on Monday,” said the manager, Olga Petrova."))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write(bytes.Repeat([]byte("word "), 1<<16))
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	tests := []struct {
		path, has, err string
	}{
		{"/page", "Tomas Berglund", ""},
		{"/moved", "Tomas Berglund", ""},
		{"/text", "Olga Petrova", ""},
		{"/loop", "", "redirects"},
		{"/missing", "", "404"},
		{"/big", "", "too large"},
		{"/image", "", "image/png"},
		{"/slow", "", "timed out"},
	}
	opt := extract.InputOptions{HTTPClient: extract.NewHTTPClient(300 * time.Millisecond), MaxBytes: 1 << 16, Context: context.Background()}
	for _, tt := range tests {
		got := readAllInputs(t, []string{srv.URL + tt.path}, opt)
		if len(got) != 1 {
			t.Fatalf("%s: %d documents", tt.path, len(got))
		}
		in := got[0]
		switch {
		case tt.err != "" && (in.Err == nil || !strings.Contains(in.Err.Error(), tt.err)):
			t.Errorf("%s: err %v, want one with %q", tt.path, in.Err, tt.err)
		case tt.err == "" && in.Err != nil:
			t.Errorf("%s: %v", tt.path, in.Err)
		case !strings.Contains(in.Text, tt.has):
			t.Errorf("%s: text %.80q lacks %q", tt.path, in.Text, tt.has)
		case in.ID != srv.URL+tt.path:
			t.Errorf("%s: id %q", tt.path, in.ID)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(agents) == 0 || agents[0] != extract.UserAgent {
		t.Errorf("User-Agent %q, want %q", agents, extract.UserAgent)
	}
}

// TestPageTextRescue puts back a dropped paragraph with an attributed
// quotation, where it stood, and leaves out one without a speaker.
func TestPageTextRescue(t *testing.T) {
	x := defaultExtractor(t)
	text := "The council met on Tuesday.\n\nThe vote was close."
	said := "“The bridge will not survive another winter,” said Tomas Berglund, the chief engineer."
	unattributed := "The so-called “summer of detours” begins in June for everyone near the harbour."
	in := extract.Input{ID: "p", Text: text, Page: &extract.Page{Dropped: []extract.DroppedParagraph{
		{At: strings.Index(text, "The vote"), Text: said},
		{At: len(text), Text: unattributed},
	}}}
	got := x.PageText(in)
	want := "The council met on Tuesday.\n\n" + said + "\n\nThe vote was close."
	if got != want {
		t.Errorf("PageText = %q, want %q", got, want)
	}
	if got := x.PageText(extract.Input{Text: text}); got != text {
		t.Errorf("PageText of a text = %q", got)
	}
}

// TestExtractPageJSON: a page's JSON output holds its article text, the
// page's metadata, and offsets into that text.
func TestExtractPageJSON(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "harbour.html")
	os.WriteFile(p, harbourPage(t), 0o644)
	ins := readAllInputs(t, []string{p}, extract.InputOptions{})
	x := defaultExtractor(t)
	ins[0].ID = "harbour.html" // no temporary path in the golden file
	doc, err := x.ExtractInput(ins[0])
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w, err := extract.NewWriter("jsonl", &b, extract.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w.WriteDoc(doc)
	w.Close()
	var rec struct {
		Title, Date, URL, Byline, Text string
		Quotes                         []struct {
			Quote      string
			Start, End int
		}
	}
	if err := json.Unmarshal(b.Bytes(), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Title == "" || rec.Date != "2031-04-17" || rec.URL == "" || rec.Byline != "Petra Lindqvist" || rec.Text == "" {
		t.Errorf("page fields: %+v", rec)
	}
	if len(rec.Quotes) < 3 {
		t.Fatalf("%d quotes from the page, want at least 3", len(rec.Quotes))
	}
	runes := []rune(rec.Text)
	for _, q := range rec.Quotes {
		if q.End > len(runes) || string(runes[q.Start:q.End]) != q.Quote {
			t.Errorf("quote %q at %d:%d is not text[start:end]", q.Quote, q.Start, q.End)
		}
	}
	if htmlpage.Extractor == "go-readability" { // the golden output is the default build's
		golden(t, filepath.Join("..", "testdata", "html", "harbour.golden.jsonl"), b.Bytes())
	}
}
