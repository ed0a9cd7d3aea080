package extract_test

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
)

// heapObjects is the runtime metric sampled for the peak heap: the bytes of
// heap objects, live or not yet swept (HeapAlloc in MemStats terms). Reading
// it does not stop the world.
const heapObjects = "/memory/classes/heap/objects:bytes"

// peakHeap runs reps copies of docs (each text a fresh allocation, as a
// reader makes them) through extract.Run with workers goroutines and the
// JSONL writer, and returns the peak of the heap sampled after every
// document, and the bytes of text processed.
func peakHeap(tb testing.TB, x *extract.Extractor, docs []extract.Input, reps, workers int) (peak uint64, size int64) {
	tb.Helper()
	runtime.GC()
	sample := []metrics.Sample{{Name: heapObjects}}
	read := func(fn func(extract.Input) error) error {
		for r := range reps {
			for i, d := range docs {
				size += int64(len(d.Text))
				if err := fn(extract.Input{ID: fmt.Sprintf("%d-%d", r, i), Text: strings.Clone(d.Text)}); err != nil {
					return err
				}
			}
		}
		return nil
	}
	w, _ := extract.NewWriter("jsonl", discard{}, extract.WriterOptions{})
	err := extract.Run(context.Background(), read, x, extract.RunOptions{Workers: workers}, func(r extract.Result) error {
		if r.Err != nil {
			return r.Err
		}
		metrics.Read(sample)
		peak = max(peak, sample[0].Value.Uint64())
		return w.WriteDoc(r.Doc)
	})
	if err != nil {
		tb.Fatal(err)
	}
	w.Close()
	return peak, size
}

// TestMemoryFlat: the peak heap of a batch does not grow with the number of
// documents: 20 times the documents peak at well under twice the heap.
func TestMemoryFlat(t *testing.T) {
	x := defaultExtractor(t)
	docs := repeatTo("shipped", shippedDocs(t), 32<<10).docs
	p1, s1 := peakHeap(t, x, docs, 1, 2)
	p20, s20 := peakHeap(t, x, docs, 20, 2)
	t.Logf("peak heap: %.1f MB for %.2f MB of text (1×), %.1f MB for %.2f MB (20×)",
		float64(p1)/1e6, float64(s1)/1e6, float64(p20)/1e6, float64(s20)/1e6)
	if float64(p20) > 2*float64(p1)+(4<<20) {
		t.Errorf("peak heap grows with the corpus: %d bytes for 1×, %d for 20×", p1, p20)
	}
}

// BenchmarkMemory reports the peak heap (peak-MB) for 1× and 20× the
// PolNeAR texts (about 3.9 MB and 78 MB) through extract.Run on 2 workers.
func BenchmarkMemory(b *testing.B) {
	x := benchExtractor(b)
	docs := polnear(b)
	for _, reps := range []int{1, 20} {
		b.Run(fmt.Sprintf("polnear-%dx", reps), func(b *testing.B) {
			var peak uint64
			var size int64
			for b.Loop() {
				peak, size = peakHeap(b, x, docs, reps, 2)
			}
			b.SetBytes(size)
			b.ReportMetric(float64(peak)/1e6, "peak-MB")
		})
	}
}

// TestMemoryPerByte: the peak heap of extracting one document of each
// pathological pattern, above the heap before, stays within maxHeapPerByte
// times its size under GOGC=100 (the command's setting for a document of
// more than 1 MiB; docs/reliability.md plans workers with 80 times the size
// in peak RSS). A third of that is live at the end of the analysis; the
// rest is the collector's headroom. The documents are 1 MB (256 KB with
// -short). Newlines only is one line per byte: a Line is 16 bytes and
// cleanup keeps the features of the non-blank lines only.
func TestMemoryPerByte(t *testing.T) {
	const maxHeapPerByte = 120
	x := defaultExtractor(t)
	size := 1 << 20
	if testing.Short() {
		size = 256 << 10
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, p := range pathologicalUnits {
		switch p.name {
		case "opening-marks-all":
			continue // bounded by its output (TestAllOnOpeningMarksBounded)
		}
		text := strings.Repeat(p.unit, size/len(p.unit))
		runtime.GC()
		s := []metrics.Sample{{Name: heapObjects}}
		metrics.Read(s)
		base := s[0].Value.Uint64()
		peak := peakDuring(func() {
			if _, err := x.Extract("p", text); err != nil {
				t.Fatal(err)
			}
		})
		perByte := float64(peak-min(peak, base)) / float64(len(text))
		t.Logf("%s: peak heap %.1f MB over %.1f MB before, %.0f bytes per byte", p.name, float64(peak)/1e6, float64(base)/1e6, perByte)
		if perByte > maxHeapPerByte {
			t.Errorf("%s: %.0f bytes of heap per byte of text at the peak, more than %d", p.name, perByte, maxHeapPerByte)
		}
	}
}
