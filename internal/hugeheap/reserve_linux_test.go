package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// thpMode is the kernel's transparent huge page setting ("always",
// "madvise", "never"), or "" where the kernel has none.
func thpMode(t *testing.T) string {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		return ""
	}
	s := string(b)
	if i := strings.IndexByte(s, '['); i >= 0 {
		if j := strings.IndexByte(s[i:], ']'); j > 0 {
			return s[i+1 : i+j]
		}
	}
	return ""
}

// advised reports whether the mapping that holds addr carries the kernel's
// "hg" flag (madvise MADV_HUGEPAGE) in /proc/self/smaps.
func advised(addr uintptr) (bool, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return false, err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x", &lo, &hi); n == 2 && strings.Contains(line, " ") {
			in = lo <= addr && addr < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			for _, fl := range strings.Fields(line[len("VmFlags:"):]) {
				if fl == "hg" {
					return true, nil
				}
			}
			return false, nil
		}
	}
	return false, sc.Err()
}

func TestReserve(t *testing.T) {
	mode := thpMode(t)
	if mode == "" || mode == "never" {
		t.Skipf("the kernel gives no transparent huge pages (setting %q)", mode)
	}
	r, err := Reserve(16 << 20)
	if err != nil {
		t.Fatalf("Reserve: %v", err)
	}
	if r.Len() < 12<<20 || r.Lo%hugePage != 0 || r.Hi%hugePage != 0 {
		t.Fatalf("Reserve(16 MiB) advised %#x-%#x (%d bytes): want whole huge pages, at least 12 MiB", r.Lo, r.Hi, r.Len())
	}
	for _, a := range []uintptr{r.Lo, r.Hi - 1} {
		ok, err := advised(a)
		if err != nil {
			t.Skipf("no /proc/self/smaps: %v", err)
		}
		if !ok {
			t.Errorf("the mapping at %#x is not advised for huge pages after Reserve", a)
		}
	}
}

func TestReserveTooSmall(t *testing.T) {
	if _, err := Reserve(hugePage); err == nil {
		t.Error("Reserve(2 MiB): no error, but no whole huge page fits a block that may start anywhere")
	}
}
