package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCleanHTMLPage(t *testing.T) {
	page := filepath.Join("..", "..", "testdata", "html", "harbour.html")
	code, out, stderr := runCmd(t, "clean", page)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"# title: Harbour bridge to close", "# date: 2031-04-17", "# url: https://courier.example/", "said Tomas Berglund"} {
		if !strings.Contains(out, want) {
			t.Errorf("clean output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "<p>") || strings.Contains(out, "Privacy policy") {
		t.Errorf("markup or page furniture in the output:\n%s", out)
	}
	code, out, stderr = runCmd(t, "clean", "--format", "jsonl", page)
	var rec struct{ Title, URL, Byline, Text string }
	if code != 0 || json.Unmarshal([]byte(out), &rec) != nil || rec.Byline != "Petra Lindqvist" || !strings.Contains(rec.Text, "Ingrid Holm") {
		t.Errorf("clean --format jsonl: exit %d %s: %+v", code, stderr, rec)
	}
}

func TestExtractHTMLStdin(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "html", "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"extract", "-q", "--format", "jsonl", "--input", "html", "-"}, bytes.NewReader(page), &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), `"speaker":"Ingrid Holm"`) || !strings.Contains(out.String(), `"text":"`) {
		t.Errorf("extract --input html -: %s", out.String())
	}
}

// TestFolderWithoutMatch: a folder in which no file matches the globs is
// reported and the exit code is 1, not an empty result and 0.
func TestFolderWithoutMatch(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "style.css"), []byte("p {}"), 0o644)
	for _, cmd := range []string{"clean", "extract"} {
		code, _, stderr := runCmd(t, cmd, dir)
		if code != exitInputFailed || !strings.Contains(stderr, "no file in the folder matches") {
			t.Errorf("%s on a folder without a match: exit %d, stderr %q", cmd, code, stderr)
		}
	}
}

// TestExtractRescuedQuote: a quote box the content extractor drops comes
// back, with its speaker, and its offsets refer to the text in the output.
func TestExtractRescuedQuote(t *testing.T) {
	code, out, stderr := runCmd(t, "extract", "-q", "--format", "json", filepath.Join("..", "..", "testdata", "html", "harbour.html"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var docs []struct {
		Text   string
		Quotes []struct {
			Quote, Speaker string
			Start, End     int
		}
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil || len(docs) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	found := false
	runes := []rune(docs[0].Text)
	for _, q := range docs[0].Quotes {
		if q.Speaker == "Lars Ekdahl" {
			found = true
			if string(runes[q.Start:q.End]) != q.Quote {
				t.Errorf("offsets %d:%d give %q, not the quote %q", q.Start, q.End, string(runes[q.Start:q.End]), q.Quote)
			}
		}
	}
	if !found {
		t.Errorf("the quote box's quote is not in the output:\n%s", out)
	}
}
