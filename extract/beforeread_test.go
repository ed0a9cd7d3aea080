package extract_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/whosaid/whosaid/extract"
)

// TestBeforeRead: InputOptions.BeforeRead is told the size of a text file
// before it is read, and not called for a JSONL file (read line by line).
func TestBeforeRead(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "a.txt")
	lines := filepath.Join(dir, "b.jsonl")
	if err := os.WriteFile(text, []byte("Jane Doe said \u201cHello, Springfield.\u201d\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lines, []byte(`{"id":"x","text":"Acme Corp. said so."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var sizes []int64
	opt := extract.InputOptions{BeforeRead: func(n int64) { sizes = append(sizes, n) }}
	err := extract.ReadInputs([]string{text, lines}, opt, func(in extract.Input) error {
		if in.Err != nil {
			t.Errorf("%s: %v", in.ID, in.Err)
		}
		if len(sizes) == 0 {
			t.Errorf("%s read before BeforeRead", in.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(text)
	if want := []int64{st.Size()}; !slices.Equal(sizes, want) {
		t.Errorf("BeforeRead got %v, want %v", sizes, want)
	}
}
