package main

import (
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid/extract"
)

// TestWorkers checks that a run over one document uses one worker (and
// reads it serially) and any other run the --jobs asked for.
func TestWorkers(t *testing.T) {
	dir := t.TempDir()
	txt := write(t, filepath.Join(dir, "a.txt"), []byte("text"))
	html := write(t, filepath.Join(dir, "a.html"), []byte("<p>text</p>"))
	gz := write(t, filepath.Join(dir, "a.txt.gz"), []byte("x"))
	jsonl := write(t, filepath.Join(dir, "a.jsonl"), []byte("{}\n"))
	jsonlGz := write(t, filepath.Join(dir, "a.jsonl.GZ"), []byte("x"))
	cases := []struct {
		name string
		jobs int
		args []string
		opt  extract.InputOptions
		want int
		one  bool
	}{
		{"one text file", 4, []string{txt}, extract.InputOptions{}, 1, true},
		{"one html file", 4, []string{html}, extract.InputOptions{}, 1, true},
		{"one compressed text file", 4, []string{gz}, extract.InputOptions{}, 1, true},
		{"-j 1", 1, []string{txt}, extract.InputOptions{}, 1, true},
		{"two files", 4, []string{txt, html}, extract.InputOptions{}, 4, false},
		{"jsonl", 4, []string{jsonl}, extract.InputOptions{}, 4, false},
		{"compressed jsonl", 4, []string{jsonlGz}, extract.InputOptions{}, 4, false},
		{"--input jsonl", 4, []string{txt}, extract.InputOptions{Format: "jsonl"}, 4, false},
		{"a folder", 4, []string{dir}, extract.InputOptions{}, 4, false},
		{"standard input", 4, []string{"-"}, extract.InputOptions{}, 4, false},
		{"missing file", 4, []string{filepath.Join(dir, "none.txt")}, extract.InputOptions{}, 4, false},
	}
	for _, c := range cases {
		f := tableFlags{jobs: c.jobs}
		if got := f.workers(c.args, c.opt); got != c.want {
			t.Errorf("%s: workers %d, want %d", c.name, got, c.want)
		}
		if got := oneDocument(c.args, c.opt); got != c.one {
			t.Errorf("%s: oneDocument %v, want %v", c.name, got, c.one)
		}
	}
}
