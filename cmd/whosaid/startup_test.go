package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// startupArticle is the article of the start-up benchmark: one news
// article of about 3 KB.
const startupArticle = "../../testdata/seed/rt-putin-witkoff-2025-04-25.txt"

// BenchmarkStartup times one process from start to exit: whosaid
// extracting the quotations of one 3 KB article, `whosaid --version` (the
// binary and the package set-up alone, no rules), and a Go hello-world
// binary, all three built into a temporary folder in the same run, as the
// README builds whosaid (CGO_ENABLED=0: the build with cgo takes ~70 more
// page faults a run; docs/performance.md, start-up round eight). Each
// iteration runs them (and the copies below) one after the other, so that
// the load of the machine weighs on them alike. It reports the median wall clock of each
// (hello-ms, version-ms, extract-ms), the ratio of extract to hello-world
// (x-hello, the bar of issue 14 is 2.5) and that ratio in CPU time, user
// and system (cpu-x-hello).
//
// It also runs copies of the two binaries written in one write each
// (extract-copy-ms, x-hello-copy). The linker writes its output through a
// shared mapping, so the page cache holds the file in 4 KiB pages, and each
// page of code or data a run touches costs its own page-table entry; a file
// written in large blocks gets large page-cache folios where the kernel
// and the filesystem have them (ext4 on Linux 6.18 here), and the kernel
// maps its 2 MiB ones with one entry each: the same code, some 120 page
// faults fewer a run (docs/performance.md, start-up round nine).
// The ratio of the two is how much of a run is the page cache's state,
// not the program's. Run it with
//
//	go test ./cmd/whosaid -run '^$' -bench Startup -benchtime 50x
func BenchmarkStartup(b *testing.B) {
	if _, err := os.Stat(startupArticle); err != nil {
		b.Skipf("the article is missing: %v", err)
	}
	dir := b.TempDir()
	ws := filepath.Join(dir, "whosaid")
	goBuild(b, ".", ws)
	helloDir := filepath.Join(dir, "hello")
	if err := os.Mkdir(helloDir, 0o755); err != nil {
		b.Fatal(err)
	}
	for name, text := range map[string]string{
		"go.mod":  "module hello\n\ngo 1.21\n",
		"main.go": "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello, world\") }\n",
	} {
		if err := os.WriteFile(filepath.Join(helloDir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	hello := filepath.Join(dir, "hello-world")
	goBuild(b, helloDir, hello)
	wsCopy, helloCopy := ws+"-copy", hello+"-copy"
	rewrite(b, ws, wsCopy)
	rewrite(b, hello, helloCopy)

	runs := []struct {
		name string
		argv []string
	}{
		{"hello", []string{hello}},
		{"version", []string{ws, "--version"}},
		{"extract", []string{ws, "extract", "-q", "--format", "jsonl", startupArticle}},
		{"hello-copy", []string{helloCopy}},
		{"extract-copy", []string{wsCopy, "extract", "-q", "--format", "jsonl", startupArticle}},
	}
	wall := make([][]time.Duration, len(runs))
	cpu := make([][]time.Duration, len(runs))
	for _, r := range runs { // once each before timing: the page cache holds the binaries
		runOnce(b, r.argv)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, r := range runs {
			w, c := runOnce(b, r.argv)
			wall[k] = append(wall[k], w)
			cpu[k] = append(cpu[k], c)
		}
	}
	b.StopTimer()
	med := func(ds []time.Duration) float64 {
		s := slices.Clone(ds)
		slices.Sort(s)
		return float64(s[len(s)/2]) / float64(time.Millisecond)
	}
	for k, r := range runs {
		if r.name != "hello-copy" {
			b.ReportMetric(med(wall[k]), r.name+"-ms")
		}
	}
	b.ReportMetric(med(wall[2])/med(wall[0]), "x-hello")
	b.ReportMetric(med(cpu[2])/med(cpu[0]), "cpu-x-hello")
	b.ReportMetric(med(wall[4])/med(wall[3]), "x-hello-copy")
}

// rewrite writes a copy of the file src to dst in one write: a file so
// written gets large page-cache folios where the kernel and the filesystem
// have them, unlike the linker's output (BenchmarkStartup).
func rewrite(b *testing.B, src, dst string) {
	b.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o755); err != nil {
		b.Fatal(err)
	}
}

// goBuild builds the Go main package in dir into the binary out, as the
// README's install line does.
func goBuild(b *testing.B, dir, out string) {
	b.Helper()
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build in %s: %v\n%s", dir, err, msg)
	}
}

// runOnce runs argv to its end and returns its wall clock and its CPU
// time (user and system).
func runOnce(b *testing.B, argv []string) (wall, cpu time.Duration) {
	b.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%v: %v", argv, err)
	}
	wall = time.Since(start)
	return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}
