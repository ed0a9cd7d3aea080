package fileio

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWhole(t *testing.T) {
	tests := []struct {
		name     string
		existing bool
		perm     fs.FileMode
		commit   bool
		want     string // the target's content afterwards; "" = absent
	}{
		{"new file committed", false, 0, true, "new"},
		{"new file aborted", false, 0, false, ""},
		{"existing replaced, mode kept", true, 0o640, true, "new"},
		{"existing kept on abort", true, 0o640, false, "old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "out.csv")
			if tt.existing {
				if err := os.WriteFile(target, []byte("old"), tt.perm); err != nil {
					t.Fatal(err)
				}
			}
			w, err := CreateWhole(target, tt.perm)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.WriteString("new"); err != nil {
				t.Fatal(err)
			}
			if tt.commit {
				if err := w.Commit(); err != nil {
					t.Fatal(err)
				}
			} else {
				w.Abort()
			}
			got, err := os.ReadFile(target)
			switch {
			case tt.want == "" && !errors.Is(err, fs.ErrNotExist):
				t.Errorf("target exists (%q, %v), want none", got, err)
			case tt.want != "" && string(got) != tt.want:
				t.Errorf("target = %q (%v), want %q", got, err, tt.want)
			}
			if tt.existing && tt.commit {
				st, err := os.Stat(target)
				if err != nil || st.Mode().Perm() != tt.perm {
					t.Errorf("mode = %v (%v), want %v", st.Mode().Perm(), err, tt.perm)
				}
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "out.csv" {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
}

func TestCommitFailureRemovesTemp(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out")
	w, err := CreateWhole(target, 0)
	if err != nil {
		t.Fatal(err)
	}
	// a folder in the target's place makes the rename fail
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err = w.Commit()
	if err == nil {
		t.Fatal("Commit over a non-empty folder succeeded")
	}
	var pe *fs.PathError
	var le *os.LinkError
	if errors.As(err, &pe) || errors.As(err, &le) {
		t.Errorf("error names the temporary file: %v", err)
	}
	if _, err := os.Stat(w.Name()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("temporary file left: %v", err)
	}
}
