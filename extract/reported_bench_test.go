package extract_test

import (
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// BenchmarkExtractReported: end to end without and with reported speech
// (Options.Reported), in one run, so that the cost of the rules of kind
// indirect can be read as the ratio of the two throughputs.
//
//	go test ./extract -run '^$' -bench ExtractReported -benchtime 3x
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
	})
}
