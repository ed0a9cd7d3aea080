package main

// The attacks of issue 18 (reliability, round two), each a case of the
// catalogue in docs/reliability.md: the exit code, the message, the other
// files of the batch written, no temporary file left, the input untouched.
// Devices are tested on named pipes and links made in t.TempDir(), never
// on the machine's own /dev/null or /dev/stdout (the tests run as root in
// CI); /dev/zero is only read.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain runs the command itself in a child process of TestSignals.
func TestMain(m *testing.M) {
	if os.Getenv("WHOSAID_CHILD") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// mkfifo makes a named pipe at path.
func mkfifo(t *testing.T, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	return path
}

// noTemp fails when dir holds a temporary output file.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// readFile returns the contents of path, or "" and fails.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestOutputNeverDestroys(t *testing.T) {
	bg := context.Background()
	t.Run("output equal to an input", func(t *testing.T) {
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "s.txt"), []byte(goodText))
		r := cli(bg, nil, "extract", "-o", in, in)
		if r.code != exitUsage {
			t.Errorf("exit code %d, want %d", r.code, exitUsage)
		}
		checkMessages(t, r.stderr, `^whosaid: -o .*s\.txt: is also an input \(.*s\.txt\): it would be overwritten$`)
		if readFile(t, in) != goodText {
			t.Error("the input changed")
		}
		noTemp(t, dir)
	})
	t.Run("output inside a folder input, matching its globs", func(t *testing.T) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "a.txt"), []byte(goodText))
		out := write(t, filepath.Join(dir, "out.txt"), []byte("old\n"))
		r := cli(bg, nil, "extract", "-o", out, dir)
		if r.code != exitUsage || readFile(t, out) != "old\n" {
			t.Errorf("exit code %d; stderr %s", r.code, r.stderr)
		}
		noTemp(t, dir)
	})
	t.Run("a page inside a folder input, which the default globs read", func(t *testing.T) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "a.txt"), []byte(goodText))
		out := write(t, filepath.Join(dir, "report.html"), []byte("<p>old</p>\n"))
		r := cli(bg, nil, "report", "-q", "-o", out, dir)
		if r.code != exitUsage {
			t.Errorf("exit code %d, want %d: the page is one of the folder's inputs", r.code, exitUsage)
		}
		checkMessages(t, r.stderr, `^whosaid: -o .*report\.html: is also an input `)
		if readFile(t, out) != "<p>old</p>\n" {
			t.Error("the page was replaced")
		}
		noTemp(t, dir)
	})
	t.Run("output onto a folder", func(t *testing.T) {
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "in", "s.txt"), []byte(goodText))
		r := cli(bg, nil, "extract", "-o", filepath.Join(dir, "in"), in)
		if r.code != exitUsage {
			t.Errorf("exit code %d", r.code)
		}
		checkMessages(t, r.stderr, `^whosaid: -o .*in: is a folder$`)
		noTemp(t, dir)
		noTemp(t, filepath.Join(dir, "in"))
	})
	t.Run("output into a missing folder", func(t *testing.T) {
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "s.txt"), []byte(goodText))
		r := cli(bg, nil, "extract", "-o", filepath.Join(dir, "nope", "out.jsonl"), in)
		if r.code != exitUsage {
			t.Errorf("exit code %d", r.code)
		}
		checkMessages(t, r.stderr, `does not exist$`)
	})
	t.Run("named pipe without a reader is refused, not replaced", func(t *testing.T) {
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "s.txt"), []byte(goodText))
		fifo := mkfifo(t, filepath.Join(dir, "out.fifo"))
		r := cli(bg, nil, "extract", "-o", fifo, in)
		if r.code != exitUsage {
			t.Errorf("exit code %d", r.code)
		}
		checkMessages(t, r.stderr, `^whosaid: -o .*out\.fifo: a named pipe that nobody reads$`)
		if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("the pipe was replaced: %v %v", st.Mode(), err)
		}
		noTemp(t, dir)
	})
	for _, viaLink := range []bool{false, true} {
		name := "named pipe with a reader is written through"
		if viaLink {
			name += ", also through a link (as /dev/stdout is)"
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			in := write(t, filepath.Join(dir, "s.txt"), []byte(goodText))
			fifo := mkfifo(t, filepath.Join(dir, "out.fifo"))
			out := fifo
			if viaLink {
				out = filepath.Join(dir, "link")
				if err := os.Symlink(fifo, out); err != nil {
					t.Fatal(err)
				}
			}
			got := make(chan string, 1)
			go func() {
				f, err := os.Open(fifo) // blocks until the writer opens it
				if err != nil {
					got <- err.Error()
					return
				}
				defer f.Close()
				var b strings.Builder
				buf := make([]byte, 4096)
				for {
					n, err := f.Read(buf)
					b.Write(buf[:n])
					if err != nil {
						break
					}
				}
				got <- b.String()
			}()
			var r cliResult
			deadline := time.Now().Add(5 * time.Second)
			for {
				// the reader may not have opened the pipe yet
				if r = cli(bg, nil, "extract", "-f", "jsonl", "-o", out, in); r.code == exitOK || time.Now().After(deadline) {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			if r.code != exitOK {
				t.Fatalf("exit code %d: %s", r.code, r.stderr)
			}
			if s := <-got; !strings.Contains(s, "We will win") {
				t.Errorf("the reader got %q", s)
			}
			if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
				t.Errorf("the pipe was replaced: %v", err)
			}
		})
	}
	t.Run("symbolic link: the target is written, the link stays", func(t *testing.T) {
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "s.txt"), []byte(goodText))
		target := write(t, filepath.Join(dir, "real.jsonl"), []byte("old\n"))
		os.Chmod(target, 0o640)
		link := filepath.Join(dir, "link.jsonl")
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		if r := cli(bg, nil, "extract", "-f", "jsonl", "-o", link, in); r.code != exitOK {
			t.Fatalf("exit code %d: %s", r.code, r.stderr)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced")
		}
		if !strings.Contains(readFile(t, target), "We will win") {
			t.Errorf("the target was not written")
		}
		if st, _ := os.Stat(target); st.Mode().Perm() != 0o640 {
			t.Errorf("mode %v, want the old file's 0640", st.Mode().Perm())
		}
		noTemp(t, dir)
	})
	t.Run("link that leads nowhere", func(t *testing.T) {
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "s.txt"), []byte(goodText))
		link := filepath.Join(dir, "dangling")
		os.Symlink(filepath.Join(dir, "missing", "x"), link)
		if r := cli(bg, nil, "extract", "-o", link, in); r.code != exitUsage {
			t.Errorf("exit code %d", r.code)
		}
		noTemp(t, dir)
	})
	t.Run("a new file gets 0666 minus the umask", func(t *testing.T) {
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "s.txt"), []byte(goodText))
		out := filepath.Join(dir, "new.jsonl")
		if r := cli(bg, nil, "extract", "-o", out, in); r.code != exitOK {
			t.Fatalf("exit code %d: %s", r.code, r.stderr)
		}
		mask := syscall.Umask(0)
		syscall.Umask(mask)
		if st, _ := os.Stat(out); st.Mode().Perm() != 0o666&^os.FileMode(mask) {
			t.Errorf("mode %v, umask %o", st.Mode().Perm(), mask)
		}
	})
	t.Run("the target is checked before the rules", func(t *testing.T) {
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "s.txt"), []byte(goodText))
		r := cli(bg, nil, "extract", "--rules", filepath.Join(dir, "missing.yaml"), "-o", dir, in)
		if r.code != exitUsage {
			t.Errorf("exit code %d, want the -o refusal first", r.code)
		}
	})
}

func TestPathsOpenedWithChecks(t *testing.T) {
	bg := context.Background()
	dir := t.TempDir()
	good := write(t, filepath.Join(dir, "good.txt"), []byte(goodText))
	fifo := mkfifo(t, filepath.Join(dir, "rules.yaml"))
	withFIFO := filepath.Join(dir, "ruledir")
	write(t, filepath.Join(withFIFO, "a.yaml"), []byte("lists: {}\n"))
	mkfifo(t, filepath.Join(withFIFO, "b.yaml"))
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"rules path is a named pipe", []string{"extract", "--rules", fifo, good}, exitRules, `^whosaid: .*rules\.yaml: not a regular file \(p---------\)$`},
		{"rules folder holds a named pipe", []string{"extract", "--rules", withFIFO, good}, exitRules, `^whosaid: .*b\.yaml: not a regular file`},
		{"rules path is /dev/zero", []string{"extract", "--rules", "/dev/zero", good}, exitRules, `^whosaid: /dev/zero: not a regular file`},
		{"rules check of a named pipe", []string{"rules", "check", fifo}, exitInputFailed, `^whosaid: 1 problem$`},
		{"eval of /dev/zero", []string{"eval", "/dev/zero"}, exitInputFailed, `^whosaid: /dev/zero: not a regular file`},
		{"eval of a named pipe", []string{"eval", fifo}, exitInputFailed, `not a regular file`},
		{"a bad --glob", []string{"extract", "--glob", "[", dir}, exitUsage, `^whosaid: --glob "\[": syntax error in pattern$`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			done := make(chan cliResult, 1)
			go func() { done <- cli(bg, nil, c.args...) }()
			select {
			case r := <-done:
				if r.code != c.code {
					t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, c.code, r.stderr)
				}
				checkMessages(t, r.stderr, c.msg)
			case <-time.After(20 * time.Second):
				t.Fatal("blocked")
			}
		})
	}
}

func TestJSONLIDs(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("x", 2000)
	corpus := write(t, filepath.Join(dir, "c.jsonl"), []byte("\ufeff"+
		`{"id": "first", "text": "“Yes,” said Ann Lee."}`+"\n"+
		`{"id": "", "text": "“Yes,” said Ann Lee."}`+"\n"+
		`{"id": "   ", "text": "“Yes,” said Ann Lee."}`+"\n"+
		`{"id": "`+long+`", "text": "“Yes,” said Ann Lee."}`+"\n"+
		`{"id": "last", "text": "“Yes,” said Ann Lee."}`+"\n"))
	r := cli(context.Background(), nil, "extract", "-f", "jsonl", corpus)
	if r.code != exitInputFailed {
		t.Errorf("exit code %d", r.code)
	}
	checkMessages(t, r.stderr, `^whosaid: .*c\.jsonl:4: id of 2000 bytes, more than 1024 bytes$`)
	ids, _ := docIDs(t, r.stdout)
	want := []string{"first", corpus + ":2", corpus + ":3", "last"}
	if strings.Join(ids, "|") != strings.Join(want, "|") {
		t.Errorf("ids %q, want %q", ids, want)
	}
}

func TestAllOnOpeningMarksBounded(t *testing.T) {
	size := 1 << 20
	if testing.Short() {
		size = 64 << 10
	}
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "marks.txt"), []byte(strings.Repeat("“", size/3)))
	out := filepath.Join(dir, "out.jsonl")
	r := cli(context.Background(), nil, "extract", "--all", "-o", out, in)
	if r.code != exitOK {
		t.Fatalf("exit code %d: %s", r.code, r.stderr)
	}
	st, _ := os.Stat(out)
	if ratio := float64(st.Size()) / float64(size); ratio > 64 {
		t.Errorf("%d bytes of output for %d of input: %.0f per byte, more than 64", st.Size(), size, ratio)
	}
}

func TestNamesEscapedOnStderr(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "evil\u202etxt.exe.txt")
	write(t, name, []byte("bad \xff byte"))
	r := cli(context.Background(), nil, "extract", name)
	if strings.Contains(r.stderr, "\u202e") {
		t.Errorf("raw bidi override on stderr: %q", r.stderr)
	}
	checkMessages(t, r.stderr, `evil\\u202etxt`)
}

func TestRulesTryEscapes(t *testing.T) {
	r := cli(context.Background(), nil, "rules", "try", "--all", "--text", "“Run \x1b[31mnow\x1b]0;pwned\x07,” said Ann Lee.")
	if strings.ContainsAny(r.stdout, "\x1b\x07") {
		t.Errorf("raw control characters in rules try output: %q", r.stdout)
	}
	if !strings.Contains(r.stdout, "␛") {
		t.Errorf("ESC not shown as ␛: %q", r.stdout)
	}
}

// TestSignals runs the command in a child process reading a named pipe that
// nobody writes (a blocked reader), sends it a signal and checks that it
// stops at once with 128 + the signal, a message, and no temporary file.
// With -o the handlers are in place once the temporary file exists; on
// standard output, once signalDelay has passed (signalGuard).
func TestSignals(t *testing.T) {
	cases := []struct {
		sig    syscall.Signal
		code   int
		msg    string
		cmd    string
		stdout bool // no -o: the output goes to standard output
	}{
		{syscall.SIGINT, 130, "whosaid: interrupted", "extract", true},
		{syscall.SIGTERM, 143, "whosaid: terminated", "extract", true},
		{syscall.SIGINT, 130, "whosaid: interrupted", "extract", false},
		{syscall.SIGTERM, 143, "whosaid: terminated", "extract", false},
		{syscall.SIGHUP, 129, "whosaid: hangup", "extract", false},
		// clean reads on the command's own goroutine, stuck opening the
		// pipe: run gives up on it after stopGrace
		{syscall.SIGINT, 130, "whosaid: interrupted", "clean", false},
	}
	for _, c := range cases {
		name := c.cmd + "/" + c.sig.String()
		if c.stdout {
			name += "/stdout"
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			good := write(t, filepath.Join(dir, "good.txt"), []byte(goodText))
			fifo := mkfifo(t, filepath.Join(dir, "in.txt"))
			out := write(t, filepath.Join(dir, "out", "q.jsonl"), []byte("old\n"))
			args := []string{c.cmd, "-q", "-j", "2", "-o", out, good, fifo}
			if c.cmd == "clean" {
				args = []string{c.cmd, "-o", out, good, fifo}
			}
			if c.stdout {
				args = []string{c.cmd, "-q", "-j", "2", good, fifo}
			}
			cmd := exec.Command(os.Args[0], args...)
			cmd.Env = append(os.Environ(), "WHOSAID_CHILD=1")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// wait for the temporary output file: the run has started (up
			// to 10 s: under -race on a busy machine the program's start,
			// with the HTML extractor's tables, takes seconds)
			for i := 0; i < 1000 && !c.stdout; i++ {
				ents, _ := os.ReadDir(filepath.Dir(out))
				if len(ents) > 1 {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			if c.stdout {
				// wait for the run to reach the pipe: a writer opened
				// without blocking finds its reader (up to 10 s, as
				// above); the write end, held open, keeps the reader
				// blocked in read; then for signalDelay, with a margin
				// for a timer late on a busy machine
				for i := 0; i < 1000; i++ {
					fd, err := syscall.Open(fifo, syscall.O_WRONLY|syscall.O_NONBLOCK, 0)
					if err == nil {
						defer syscall.Close(fd)
						break
					}
					time.Sleep(10 * time.Millisecond)
				}
				time.Sleep(4 * signalDelay)
			}
			time.Sleep(100 * time.Millisecond)
			cmd.Process.Signal(c.sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatal("did not stop")
			}
			if code := cmd.ProcessState.ExitCode(); code != c.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, c.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), c.msg) {
				t.Errorf("stderr %q, want %q", stderr.String(), c.msg)
			}
			if readFile(t, out) != "old\n" {
				t.Error("the output file changed")
			}
			noTemp(t, filepath.Join(dir, "out"))
		})
	}
}
