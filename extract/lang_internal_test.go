package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// BenchmarkDetect: language detection alone on an English page.
func BenchmarkDetect(b *testing.B) {
	data, err := os.ReadFile("../testdata/pages/harbor-bridge-vote.txt")
	if err != nil {
		b.Skipf("no page to detect: %v", err)
	}
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	d := newDetector(rs)
	text := strings.Repeat(string(data), 2)
	b.SetBytes(int64(min(len(text), detectBytes)))
	for b.Loop() {
		if d.detect(text) != 0 {
			b.Fatal("not detected as the base language")
		}
	}
}
