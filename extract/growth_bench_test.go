package extract_test

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/whosaid/whosaid/extract"
)

// BenchmarkJoinedGrowth extracts the same articles as separate documents
// and joined into one document (paragraphs apart), at 1, 4 and 16 MB. It
// reports the time of the joined document over that of the separate ones
// (joined/separate; docs/performance.md asks at most 1.5) and the peak heap
// while extracting the joined document (peak-MB). The articles are the
// PolNeAR texts when ../shared/eval/polnear-train.jsonl is there, else the
// shipped ones. The figures in docs/performance.md come from
//
//	go test ./extract -run '^$' -bench JoinedGrowth -benchtime 1x
func BenchmarkJoinedGrowth(b *testing.B) {
	x := benchExtractor(b)
	var arts []extract.Input
	if evalPath("polnear-train.jsonl") != "" {
		arts = polnear(b)
	} else {
		arts = shippedDocs(b)
	}
	for _, mb := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			var sep []extract.Input
			var texts []string
			for n, i := 0, 0; n < mb<<20; i++ {
				d := arts[i%len(arts)]
				sep = append(sep, extract.Input{ID: fmt.Sprint(i), Text: d.Text})
				texts = append(texts, d.Text)
				n += len(d.Text) + 2
			}
			joined := strings.Join(texts, "\n\n")
			b.SetBytes(int64(len(joined)))
			var tSep, tJoined time.Duration
			var peak uint64
			for b.Loop() {
				t0 := time.Now()
				for _, d := range sep {
					if _, err := x.Extract(d.ID, d.Text); err != nil {
						b.Fatal(err)
					}
				}
				t1 := time.Now()
				p := peakDuring(func() {
					if _, err := x.Extract("joined", joined); err != nil {
						b.Fatal(err)
					}
				})
				tSep += t1.Sub(t0)
				tJoined += time.Since(t1)
				peak = max(peak, p)
			}
			b.ReportMetric(float64(tJoined)/float64(tSep), "joined/separate")
			b.ReportMetric(float64(peak)/1e6, "peak-MB")
		})
	}
}

// peakDuring runs fn and returns the peak of the heap (the bytes of heap
// objects, live or not yet swept) sampled every millisecond meanwhile.
func peakDuring(fn func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	sample := func() {
		s := []metrics.Sample{{Name: heapObjects}}
		metrics.Read(s)
		if v := s[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
	}
	go func() {
		defer close(stopped)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	fn()
	close(done)
	<-stopped
	sample()
	return peak.Load()
}
