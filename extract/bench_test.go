package extract_test

// Benchmarks of the pipeline's stages over real news text, in MB/s of input
// (b.SetBytes), with the naive prose pipeline as the baseline in the same run.
//
//	go test ./extract -run '^$' -bench . -benchtime 3x
//
// Corpora (sub-benchmarks):
//
//	shipped      the articles the repository ships (testdata/seed, testdata/articles,
//	             testdata/pages), repeated to about 4 MB
//	polnear      the texts of ../shared/eval/polnear-train.jsonl (about 3.9 MB),
//	             next to the module root, or in the folder $WHOSAID_EVAL names;
//	             skipped when the file is absent
//	polnear-head the first 128 KB of those texts: the same text for us and for prose
//
// See docs/performance.md for the figures.

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// A benchCorpus is a list of documents processed once per benchmark op.
type benchCorpus struct {
	name string
	docs []extract.Input
	size int64
}

func (c *benchCorpus) add(in extract.Input) {
	c.docs = append(c.docs, in)
	c.size += int64(len(in.Text))
}

// shippedDocs returns the articles the repository ships, once each.
func shippedDocs(tb testing.TB) []extract.Input {
	tb.Helper()
	var docs []extract.Input
	for _, dir := range []string{"seed", "articles", "pages"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			docs = append(docs, extract.Input{ID: filepath.ToSlash(f), Text: string(data)})
		}
	}
	if len(docs) == 0 {
		tb.Fatal("no articles in testdata/")
	}
	return docs
}

// repeatTo repeats docs until the corpus holds at least n bytes.
func repeatTo(name string, docs []extract.Input, n int64) *benchCorpus {
	c := &benchCorpus{name: name}
	for c.size < n {
		for _, d := range docs {
			c.add(d)
		}
	}
	return c
}

// evalPath returns NAME in the folder that $WHOSAID_EVAL names, else
// ../shared/eval/NAME relative to the module root (the folder with go.mod
// above the working directory), or "" when absent.
func evalPath(name string) string {
	if d := os.Getenv("WHOSAID_EVAL"); d != "" {
		p := filepath.Join(d, name)
		if _, err := os.Stat(p); err != nil {
			return ""
		}
		return p
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "eval", name)
			if _, err := os.Stat(p); err != nil {
				return ""
			}
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

var (
	polnearOnce sync.Once
	polnearDocs []extract.Input
	polnearErr  error
)

// polnear returns the texts of polnear-train.jsonl (read once), or skips.
func polnear(tb testing.TB) []extract.Input {
	tb.Helper()
	polnearOnce.Do(func() {
		p := evalPath("polnear-train.jsonl")
		if p == "" {
			polnearErr = errors.New("../shared/eval/polnear-train.jsonl not found")
			return
		}
		polnearErr = extract.ReadInputs([]string{p}, extract.InputOptions{}, func(in extract.Input) error {
			if in.Err != nil {
				return in.Err
			}
			polnearDocs = append(polnearDocs, extract.Input{ID: in.ID, Text: in.Text})
			return nil
		})
	})
	if polnearErr != nil {
		tb.Skip(polnearErr)
	}
	return polnearDocs
}

// head returns the first documents of docs up to n bytes (at least one).
func head(name string, docs []extract.Input, n int64) *benchCorpus {
	c := &benchCorpus{name: name}
	for _, d := range docs {
		if c.size >= n && len(c.docs) > 0 {
			break
		}
		c.add(d)
	}
	return c
}

// corpora returns the benchmark corpora; polnear ones are skipped (as
// sub-benchmarks) when the file is absent.
func forCorpora(b *testing.B, small bool, fn func(b *testing.B, c *benchCorpus)) {
	b.Run("shipped", func(b *testing.B) {
		docs := shippedDocs(b)
		if small {
			fn(b, repeatTo("shipped", docs, 1)) // each article once
			return
		}
		fn(b, repeatTo("shipped", docs, 4<<20))
	})
	if !small {
		b.Run("polnear", func(b *testing.B) {
			docs := polnear(b)
			fn(b, head("polnear", docs, 1<<62))
		})
	}
	b.Run("polnear-head", func(b *testing.B) {
		docs := polnear(b)
		fn(b, head("polnear-head", docs, 128<<10))
	})
}

func benchExtractor(b *testing.B) *extract.Extractor {
	b.Helper()
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	return extract.New(rs, extract.Options{})
}

// BenchmarkScanQuotes: the quote scanner alone, on the raw text.
func BenchmarkScanQuotes(b *testing.B) {
	x := benchExtractor(b)
	var pairs []extract.MarkPair
	for _, m := range x.Rules().QuoteMarks {
		pairs = append(pairs, extract.MarkPair{Open: m.Open, Close: m.Close, OpenNext: m.OpenNext, CloseNext: m.CloseNext, Inner: m.Inner})
	}
	forCorpora(b, false, func(b *testing.B, c *benchCorpus) {
		b.SetBytes(c.size)
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range c.docs {
				extract.ScanQuotes(d.Text, extract.ScanOptions{Pairs: pairs})
			}
		}
	})
}

// BenchmarkClean: cleanup alone (normalise, line features, cleanup rules,
// title and date) with the default rules.
func BenchmarkClean(b *testing.B) {
	x := benchExtractor(b)
	forCorpora(b, false, func(b *testing.B, c *benchCorpus) {
		b.SetBytes(c.size)
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range c.docs {
				x.Clean(d.Text)
			}
		}
	})
}

// BenchmarkExtractNoAttrRules: the whole pipeline with the default ruleset
// minus its attribution rules (cleanup, quote scanning, tokens, sentences,
// the entity table, records). The public API does not expose attribution on
// its own; its cost is BenchmarkExtract's time less this one's.
func BenchmarkExtractNoAttrRules(b *testing.B) {
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	bare := *rs
	bare.Attribution = nil
	x := extract.New(&bare, extract.Options{})
	forCorpora(b, false, func(b *testing.B, c *benchCorpus) {
		benchExtract(b, x, c)
	})
}

// BenchmarkExtract: end to end with the default rules (clean → quote
// records), one document at a time on one goroutine.
func BenchmarkExtract(b *testing.B) {
	x := benchExtractor(b)
	forCorpora(b, false, func(b *testing.B, c *benchCorpus) {
		benchExtract(b, x, c)
	})
}

func benchExtract(b *testing.B, x *extract.Extractor, c *benchCorpus) {
	b.SetBytes(c.size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range c.docs {
			if _, err := x.Extract(d.ID, d.Text); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRun: end to end through the parallel pipeline (extract.Run)
// with the JSONL writer, on all CPUs.
func BenchmarkRun(b *testing.B) {
	x := benchExtractor(b)
	forCorpora(b, false, func(b *testing.B, c *benchCorpus) {
		b.SetBytes(c.size)
		b.ReportAllocs()
		for b.Loop() {
			w, _ := extract.NewWriter("jsonl", discard{}, extract.WriterOptions{})
			read := func(fn func(extract.Input) error) error {
				for _, d := range c.docs {
					if err := fn(d); err != nil {
						return err
					}
				}
				return nil
			}
			err := extract.Run(context.Background(), read, x, extract.RunOptions{}, func(r extract.Result) error {
				if r.Err != nil {
					return r.Err
				}
				return w.WriteDoc(r.Doc)
			})
			if err != nil {
				b.Fatal(err)
			}
			w.Close()
		}
	})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

var (
	proseOnce  sync.Once
	proseModel *prose.Model
)

// BenchmarkProseBaseline: the naive prose pipeline (tokenize, segment, tag,
// NER) with its model loaded once (outside the timer), one NewDocument per
// document. It is slow, so it runs on the small corpora only: each shipped
// article once, and polnear-head.
func BenchmarkProseBaseline(b *testing.B) {
	proseOnce.Do(func() { proseModel = prose.ModelFromData("en") })
	forCorpora(b, true, func(b *testing.B, c *benchCorpus) {
		b.SetBytes(c.size)
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range c.docs {
				if _, err := prose.NewDocument(d.Text, prose.UsingModel(proseModel)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
