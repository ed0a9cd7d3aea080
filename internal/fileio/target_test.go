package fileio

import (
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// targets makes a folder of the kinds of output target: a regular file
// (mode 0640), a link to it, a link that leads nowhere and a named pipe.
func targets(t *testing.T) (dir string) {
	t.Helper()
	dir = t.TempDir()
	file := filepath.Join(dir, "file.csv")
	if err := os.WriteFile(file, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{"link.csv": file, "dangling": filepath.Join(dir, "none")} {
		if err := os.Symlink(to, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestCheckTarget checks what CheckTarget refuses, and which file it
// says is written.
func TestCheckTarget(t *testing.T) {
	dir := targets(t)
	file := filepath.Join(dir, "file.csv")
	sock := filepath.Join(dir, "sock")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	} else {
		sock = "" // no Unix sockets here: that case is skipped
	}
	tests := []struct {
		name     string
		path     string
		wantPath string // the file written, "" for path
		wantErr  string
		replaced bool
	}{
		{"new file", filepath.Join(dir, "new.csv"), "", "", false},
		{"regular file", file, "", "", true},
		{"link to a file: the file", filepath.Join(dir, "link.csv"), file, "", true},
		{"folder", dir, "", "is a folder", false},
		{"missing folder", filepath.Join(dir, "none", "q.csv"), "", "its folder " + filepath.Join(dir, "none") + " does not exist", false},
		{"missing folder, unprintable name", filepath.Join(dir, "a\x1b", "q.csv"), "", "its folder " + `"` + dir + `/a\x1b"` + " does not exist", false},
		{"link that leads nowhere", filepath.Join(dir, "dangling"), "", "a symbolic link that leads nowhere (no such file or directory)", false},
		{"named pipe", filepath.Join(dir, "fifo"), "", "", false},
		{"device", os.DevNull, "", "", false},
		{"socket", sock, "", "is a socket", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.path == "" {
				t.Skip("cannot create a Unix socket here")
			}
			got, err := CheckTarget(tt.path)
			if gotErr := errString(err); gotErr != tt.wantErr {
				t.Fatalf("error %q, want %q", gotErr, tt.wantErr)
			}
			if err != nil {
				return
			}
			want := tt.wantPath
			if want == "" {
				want = tt.path
			}
			if got.Path != want {
				t.Errorf("Path %q, want %q", got.Path, want)
			}
			if got.Replaced() != tt.replaced {
				t.Errorf("Replaced() = %v, want %v", got.Replaced(), tt.replaced)
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestOpen checks how Open writes each kind of target.
func TestOpen(t *testing.T) {
	dir := targets(t)
	fifo, file, link := filepath.Join(dir, "fifo"), filepath.Join(dir, "file.csv"), filepath.Join(dir, "link.csv")
	t.Run("pipe that nobody reads", func(t *testing.T) {
		tg, err := CheckTarget(fifo)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tg.Open(); errString(err) != "a named pipe that nobody reads" {
			t.Errorf("Open: %v, want a refusal", err)
		}
	})
	t.Run("device written through", func(t *testing.T) {
		tg, err := CheckTarget(os.DevNull)
		if err != nil {
			t.Fatal(err)
		}
		out, err := tg.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := out.(*Whole); ok {
			t.Error("a device is replaced, want it written through")
		}
		if _, err := out.Write([]byte("x")); err != nil {
			t.Error(err)
		}
		if err := out.Commit(); err != nil {
			t.Error(err)
		}
	})
	t.Run("link: its file replaced, mode kept, link stays", func(t *testing.T) {
		tg, err := CheckTarget(link)
		if err != nil {
			t.Fatal(err)
		}
		out, err := tg.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := out.(*Whole); !ok {
			t.Fatalf("Open gave %T, want *Whole", out)
		}
		if _, err := out.Write([]byte("new")); err != nil {
			t.Fatal(err)
		}
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(file); err != nil || string(got) != "new" {
			t.Errorf("file: %q %v, want %q", got, err, "new")
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link is gone (%v)", err)
		}
		if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o640 {
			t.Errorf("mode %v (%v), want 0640", st.Mode().Perm(), err)
		}
	})
}
