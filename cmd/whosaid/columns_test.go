package main

import (
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
)

// TestColumnsFlag checks --columns: the columns asked for in their order,
// a JSONL line's fields carried to its rows, and an unknown column refused
// with a usage error that names the allowed ones, before any output.
func TestColumnsFlag(t *testing.T) {
	ctx := context.Background()
	corpus := `{"id":"a1","text":"Maria Olsen, the harbour director, said: \"The ships will come back next spring.\"\n","outlet":"Harbour News","url":"https://example.org/a1"}` + "\n"
	r := cli(ctx, strings.NewReader(corpus), "extract", "-q", "--input", "jsonl", "-f", "csv", "--columns", "doc_outlet,quote,speaker,title,doc_url", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("%q %v", r.stdout, err)
	}
	if got := strings.Join(rows[0], ",") + "\n" + strings.Join(rows[1], ","); got != "doc_outlet,quote,speaker,title,doc_url\n"+
		"Harbour News,The ships will come back next spring.,Maria Olsen,harbour director,https://example.org/a1" {
		t.Errorf("got\n%s", got)
	}
	out := filepath.Join(t.TempDir(), "q.csv")
	r = cli(ctx, strings.NewReader(corpus), "extract", "-q", "--input", "jsonl", "--columns", "quote,speakr", "-o", out, "-")
	if r.code != exitUsage || !strings.Contains(r.stderr, `unknown column "speakr"`) || !strings.Contains(r.stderr, "speaker, mention") {
		t.Errorf("unknown column: exit %d: %s", r.code, r.stderr)
	}
}

// TestStdinIDInCSV checks that standard input's document id "-" is written
// as it is in CSV, not as a neutralised formula.
func TestStdinIDInCSV(t *testing.T) {
	r := cli(context.Background(), strings.NewReader(`He said: "We are here to stay."`+"\n"), "extract", "-q", "-f", "csv", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][0] != "-" {
		t.Errorf("rows %q %v, want the doc cell -", rows, err)
	}
}
