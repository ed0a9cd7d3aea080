package hugeheap

import (
	"os"
	"runtime"
	"strings"
	"testing"
)

// TestResult checks that the heap was prepared where it can be: on Linux
// with transparent huge pages, init reports "ok" and a heap range of the
// process is marked for huge pages (the "hg" flag in /proc/self/smaps).
func TestResult(t *testing.T) {
	if runtime.GOOS != "linux" || (runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64") {
		if Result != "unsupported" {
			t.Fatalf("Result = %q on %s/%s", Result, runtime.GOOS, runtime.GOARCH)
		}
		return
	}
	if os.Getenv("WHOSAID_HUGEHEAP") == "0" {
		t.Skip("WHOSAID_HUGEHEAP=0")
	}
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skipf("no transparent huge pages: %v (Result %q)", err, Result)
	}
	if strings.HasPrefix(Result, "madvise: ") {
		t.Skipf("the kernel refused the advice: %s", Result) // a seccomp filter, say: the run goes on as without it
	}
	if Result != "ok" {
		t.Fatalf("Result = %q, want ok: has the runtime's page allocator changed?", Result)
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	for line := range strings.Lines(string(smaps)) {
		if strings.HasPrefix(line, "VmFlags:") && strings.Contains(line, " hg") {
			return
		}
	}
	t.Fatal("no range marked MADV_HUGEPAGE in /proc/self/smaps")
}
