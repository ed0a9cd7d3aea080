package main

import (
	"context"
	"io"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// BenchmarkBeamOverhead measures, in one run, the cost per record of the
// plain library path (what whosaid extract -j 1 --format jsonl does: read,
// extract, encode) and of the Beam pipeline on in-process Prism on the same
// corpus (PolNeAR train when it is there, else a thousand generated
// records), and of the pipeline on one record (its fixed cost). Besides
// wall time it reports the process's CPU time per record (cpu-ns/rec),
// which Prism's parallel bundles do not hide:
//
//	go test -run '^$' -bench BeamOverhead -benchtime 1x
func BenchmarkBeamOverhead(b *testing.B) {
	corpus := evalFile("polnear-train.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		var recs []string
		for i := range 1000 {
			recs = append(recs, `{"id":"d`+strconv.Itoa(i)+`","text":"“Route `+strconv.Itoa(i)+` opens on time,” said Ann Lee, the transport director. “We are ready,” she added."}`)
		}
		corpus = writeCorpus(b, recs)
	}
	n := countRecords(b, corpus)
	one := writeCorpus(b, []string{`{"id":"one","text":"“Fine,” said Ann Lee."}`})
	b.Run("library", func(b *testing.B) {
		measure(b, n, func() { libraryRun(b, corpus) })
	})
	b.Run("beam-prism", func(b *testing.B) {
		measure(b, n, func() { benchPipeline(b, corpus) })
	})
	b.Run("beam-prism-one-record", func(b *testing.B) {
		measure(b, 1, func() { benchPipeline(b, one) })
	})
}

// measure runs fn b.N times and reports wall and CPU time per record.
func measure(b *testing.B, records int, fn func()) {
	cpu0 := cpuTime()
	t0 := time.Now()
	for b.Loop() {
		fn()
	}
	runs := float64(b.N) * float64(records)
	b.ReportMetric(float64(time.Since(t0).Nanoseconds())/runs, "wall-ns/rec")
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/runs, "cpu-ns/rec")
}

// cpuTime is the CPU time (user and system) of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// libraryRun is the CLI's path for JSONL output with one worker: Run
// over ReadInputs, documents deduplicated within themselves, written as
// JSONL.
func libraryRun(b *testing.B, corpus string) {
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(rs, extract.Options{})
	w, err := extract.NewWriter("jsonl", io.Discard, extract.WriterOptions{})
	if err != nil {
		b.Fatal(err)
	}
	read := func(fn func(extract.Input) error) error {
		return extract.ReadInputs([]string{corpus}, extract.InputOptions{Format: "jsonl", KeepLines: true}, fn)
	}
	err = extract.Run(context.Background(), read, x, extract.RunOptions{Workers: 1}, func(r extract.Result) error {
		if r.Err != nil {
			return extract.WriteError(w, r)
		}
		extract.NewDeduper().Mark(r.Doc, false)
		return w.WriteDoc(r.Doc)
	})
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		b.Fatal(err)
	}
}

func benchPipeline(b *testing.B, corpus string) {
	b.Helper()
	runPipeline(b, Config{Inputs: []string{corpus}, Shards: 4, Format: "jsonl"})
}

func countRecords(b *testing.B, path string) int {
	n := 0
	err := extract.ReadInputs([]string{path}, extract.InputOptions{Format: "jsonl", KeepLines: true}, func(extract.Input) error { n++; return nil })
	if err != nil {
		b.Fatal(err)
	}
	return n
}
