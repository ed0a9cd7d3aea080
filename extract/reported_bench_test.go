package extract_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// BenchmarkExtractReported: end to end without and with reported speech
// (Options.Reported), in one run, so that the cost of the rules of kind
// indirect can be read as the ratio of the two throughputs. The
// sub-benchmark "alternate" runs the corpus without then with in each
// iteration and reports the best time of each (MB/s-without,
// MB/s-with) and their ratio (with/without, the throughput with
// reported speech as a share of that without): on a loaded machine the
// best of alternate runs is what load disturbs least. Each timed pass
// starts after a collection (runtime.GC, outside the time), so that the
// two sides meet the collector alike: a pass allocates about half the
// heap's goal, and without it the collections fall in step with the
// alternation, into the passes of one side in one process and of the
// other in the next (docs/performance.md, "The collector's phase").
//
//	go test ./extract -run '^$' -bench ExtractReported -benchtime 5x
func BenchmarkExtractReported(b *testing.B) {
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	plain := extract.New(rs, extract.Options{})
	reported := extract.New(rs, extract.Options{Reported: true})
	forCorpora(b, false, func(b *testing.B, c *benchCorpus) {
		b.Run("without", func(b *testing.B) { benchExtract(b, plain, c) })
		b.Run("with", func(b *testing.B) { benchExtract(b, reported, c) })
		b.Run("alternate", func(b *testing.B) {
			best := [2]time.Duration{}
			for b.Loop() {
				for k, x := range []*extract.Extractor{plain, reported} {
					runtime.GC()
					t0 := time.Now()
					for _, d := range c.docs {
						if _, err := x.Extract(d.ID, d.Text); err != nil {
							b.Fatal(err)
						}
					}
					if d := time.Since(t0); best[k] == 0 || d < best[k] {
						best[k] = d
					}
				}
			}
			mb := float64(c.size) / 1e6
			b.ReportMetric(mb/best[0].Seconds(), "MB/s-without")
			b.ReportMetric(mb/best[1].Seconds(), "MB/s-with")
			b.ReportMetric(best[0].Seconds()/best[1].Seconds(), "with/without")
		})
	})
}

// BenchmarkExtractReportedCount runs the first 300 texts of the polnear
// corpus through Extract once per iteration, without or with reported
// speech, for instruction counts that the load of the machine does not
// disturb; "load" does the same setup (the rules, the extractors, the
// texts) and nothing else, the part to subtract. See docs/performance.md:
//
//	GOGC=off GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind \
//	    ./extract.test -test.run '^$' -test.bench 'ExtractReportedCount/with$' -test.benchtime 1x
func BenchmarkExtractReportedCount(b *testing.B) {
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := polnear(b)
	docs = docs[:min(len(docs), 300)]
	for _, c := range []struct {
		name string
		x    *extract.Extractor
	}{{"load", nil}, {"without", extract.New(rs, extract.Options{})}, {"with", extract.New(rs, extract.Options{Reported: true})}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if c.x == nil {
					continue
				}
				for _, d := range docs {
					if _, err := c.x.Extract(d.ID, d.Text); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
