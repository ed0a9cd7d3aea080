package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestOutputFormat checks how --format and -o's extension decide the
// output format.
func TestOutputFormat(t *testing.T) {
	all := []string{"table", "csv", "tsv", "json", "jsonl", "xlsx", "html"}
	tests := []struct {
		format, out, want string
		usage             bool
	}{
		{"", "", "jsonl", false},
		{"", "quotes.csv", "csv", false},
		{"", "Quotes.XLSX", "xlsx", false},
		{"", "review.html", "html", false},
		{"", "out.tsv", "tsv", false},
		{"", "out.json", "json", false},
		{"", "out.txt", "jsonl", false},
		{"CSV", "", "csv", false},
		{"csv", "quotes.csv", "csv", false},
		{"csv", "quotes.xlsx", "", true},
		{"jsonl", "quotes.json", "", true},
		{"tsv", "quotes.dat", "tsv", false},
		{"yaml", "", "", true},
		{"", "-", "jsonl", false},
	}
	for _, tt := range tests {
		got, err := outputFormat(tt.format, tt.out, "jsonl", all)
		if tt.usage {
			ee, ok := err.(*exitError)
			if !ok || ee.code != exitUsage {
				t.Errorf("--format %q -o %q: err %v, want a usage error", tt.format, tt.out, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("--format %q -o %q: %q %v, want %q", tt.format, tt.out, got, err, tt.want)
		}
	}
}

// analystDocs writes two articles of the same people to a folder.
func analystDocs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	docs := map[string]string{
		"a.txt": "Harbour plan divides the council\n\n“We will rebuild the pier before winter,” said Maria Olsen, the mayor of Lindby.\n\n" +
			"“The money is not there,” said Tomas Berg, a councillor.\n",
		"b.txt": "Ferry service to resume\n\n“The ferry will run again in May,” Olsen told reporters on Tuesday.\n",
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestAnalystOutputs runs the analyst's loop through the command line: the
// format follows -o, a contradiction is a usage error, --bom, the review
// page and the workbook.
func TestAnalystOutputs(t *testing.T) {
	in := analystDocs(t)
	out := t.TempDir()
	ctx := context.Background()
	csvPath := filepath.Join(out, "quotes.csv")
	if r := cli(ctx, nil, "extract", "-q", "--bom", "-o", csvPath, in); r.code != 0 {
		t.Fatalf("csv: exit %d: %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(csvPath)
	if !strings.HasPrefix(string(data), "\ufeffdoc,id,quote,") {
		t.Errorf("-o quotes.csv --bom: %.40q", data)
	}
	xlsxPath := filepath.Join(out, "quotes.xlsx")
	if r := cli(ctx, nil, "extract", "-q", "-o", xlsxPath, in); r.code != 0 {
		t.Fatalf("xlsx: exit %d: %s", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(xlsxPath); !strings.HasPrefix(string(data), "PK") {
		t.Errorf("-o quotes.xlsx is not a zip: %.20q", data)
	}
	bad := filepath.Join(out, "bad.xlsx")
	r := cli(ctx, nil, "extract", "-q", "-f", "csv", "-o", bad, in)
	if r.code != exitUsage || !strings.Contains(r.stderr, "contradicts") {
		t.Errorf("-f csv -o bad.xlsx: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Errorf("bad.xlsx written after a usage error")
	}
	page := filepath.Join(out, "review.html")
	if r := cli(ctx, nil, "report", "-q", "-o", page, in); r.code != 0 {
		t.Fatalf("report: exit %d: %s", r.code, r.stderr)
	}
	html, _ := os.ReadFile(page)
	for _, want := range []string{"<!DOCTYPE html>", `<mark class="q k-direct" data-q="0"`, `id="quotetable"`, "Maria Olsen"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("review page lacks %q", want)
		}
	}
	for _, bad := range []string{"http://", "https://", "<link", "src="} {
		if strings.Contains(string(html), bad) {
			t.Errorf("review page refers outside itself: %q", bad)
		}
	}
	if r := cli(ctx, nil, "report", "-q", "-o", "-", in); r.code != 0 || !strings.Contains(r.stdout, "<mark") {
		t.Errorf("report -o -: exit %d: %s", r.code, r.stderr)
	}
}

// TestSpeakersCorpus merges one person across documents and takes the
// output flags of extract.
func TestSpeakersCorpus(t *testing.T) {
	in := analystDocs(t)
	ctx := context.Background()
	r := cli(ctx, nil, "speakers", "-q", "-j", "1", "--format", "jsonl", in)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	people := map[string]map[string]any{}
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		people[m["name"].(string)] = m
	}
	o := people["Maria Olsen"]
	if o == nil || o["quotes"] != 2.0 || o["documents"] != 2.0 {
		t.Errorf("Maria Olsen across the documents: %v\n%s", o, r.stdout)
	}
	if _, ok := people["Olsen"]; ok {
		t.Errorf("Olsen not merged into Maria Olsen:\n%s", r.stdout)
	}
	if r2 := cli(ctx, nil, "speakers", "-q", "-j", "2", "--format", "jsonl", in); r2.stdout != r.stdout {
		t.Errorf("-j 2 gives another output:\n%s\nvs\n%s", r2.stdout, r.stdout)
	}
	path := filepath.Join(t.TempDir(), "speakers.csv")
	if r := cli(ctx, nil, "speakers", "-q", "-o", path, in); r.code != 0 {
		t.Fatalf("-o speakers.csv: exit %d: %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), "speaker,titles,aliases,quotes,documents\n") || !strings.Contains(string(data), "Maria Olsen,") {
		t.Errorf("speakers.csv:\n%s", data)
	}
	xlsx := filepath.Join(t.TempDir(), "speakers.xlsx")
	if r := cli(ctx, nil, "speakers", "-q", "-o", xlsx, in); r.code != 0 {
		t.Errorf("speakers -o speakers.xlsx: exit %d: %s", r.code, r.stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatalf("speakers.xlsx: %v", err)
	}
	defer f.Close()
	rows, _ := f.GetRows("speakers")
	if len(rows) < 2 || strings.Join(rows[1], ",") != "Maria Olsen,mayor of Lindby,Olsen,2,2" && rows[1][0] != "Maria Olsen" {
		t.Errorf("speakers.xlsx: %q", rows)
	}
	if r := cli(ctx, nil, "speakers", "-q", "--by-doc", "-f", "xlsx", in); r.code != exitUsage {
		t.Errorf("speakers --by-doc -f xlsx: exit %d, want a usage error", r.code)
	}
	if r := cli(ctx, nil, "speakers", "-q", "-f", "JSON", in); r.code != 0 || !strings.HasPrefix(r.stdout, "[") {
		t.Errorf("speakers -f JSON: exit %d: %s", r.code, r.stdout)
	}
}
