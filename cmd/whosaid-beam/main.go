// Command whosaid-beam runs whosaid's extraction as an Apache Beam
// pipeline, on Dataflow, Flink or locally (docs/scale-out.md): it reads
// JSONL corpora or text documents (local paths or gs://), extracts the
// quotations of each record with the library, and writes the quote rows and
// a speakers summary in shards, with the records that could not be
// processed in a dead-letter output of JSONL error records.
//
//	whosaid-beam --input 'corpus/*.jsonl' --output out/run1 --shards 4
//
// It is a module of its own, so that whosaid itself does not depend on
// Beam.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// flags are the command's own flags; Beam's (--runner, --project, …) are
// registered by its packages on the same flag set.
type flags struct {
	inputs, rules listFlag
	maxSize       int64
	cfg           Config
}

func (f *flags) register(fs *flag.FlagSet) {
	fs.Var(&f.inputs, "input", "a file pattern of JSONL corpora or text documents, local or gs:// (repeatable)")
	fs.StringVar(&f.cfg.InputFormat, "input_format", "", "the format of every input: text or jsonl (default: by extension, .jsonl/.ndjson are JSONL)")
	fs.StringVar(&f.cfg.Output, "output", "", "the prefix of the output files, local or gs:// (PREFIX-quotes-00000-of-00004.jsonl, …)")
	fs.IntVar(&f.cfg.Shards, "shards", 4, "the number of quote and speaker files")
	fs.StringVar(&f.cfg.Format, "format", "jsonl", "the format of the quote rows and speakers: "+strings.Join(Formats(), ", "))
	fs.Var(&f.rules, "rules", "a rule file or folder that extends the default rules, read when the job is submitted (repeatable)")
	fs.BoolVar(&f.cfg.NoDefaultRules, "no_default_rules", false, "use only the --rules files, not the embedded defaults")
	fs.BoolVar(&f.cfg.Reported, "reported", false, "also report reported speech without quotation marks (rows of kind indirect)")
	fs.BoolVar(&f.cfg.All, "all", false, "also output quotations that are not attributed speech (scare quotes, titles)")
	fs.Float64Var(&f.cfg.MinConfidence, "min_confidence", 0, "leave out rows whose confidence is below this (0 to 1)")
	fs.StringVar(&f.cfg.Lang, "lang", "", "the language of every document instead of detecting it per document")
	fs.BoolVar(&f.cfg.Dedupe, "dedupe", false, "keep the first occurrence of a quotation repeated within a document only")
	fs.Int64Var(&f.maxSize, "max_size", extract.DefaultMaxBytes, "the largest record (JSONL line or document) in bytes; 0 for no bound")
}

// config returns the configuration with the rule files read.
func (f *flags) config() (Config, error) {
	cfg := f.cfg
	cfg.Inputs = f.inputs
	cfg.MaxBytes = f.maxSize
	if f.maxSize == 0 {
		cfg.MaxBytes = -1 // no bound, as the CLI's --max-size 0
	}
	if len(f.rules) > 0 {
		srcs, err := rules.ReadSources(f.rules)
		if err != nil {
			return cfg, fmt.Errorf("--rules: %w", err)
		}
		cfg.Rules = srcs
	}
	return cfg, nil
}

func main() {
	var f flags
	f.register(flag.CommandLine)
	flag.Parse()
	beam.Init()
	if err := run(context.Background(), &f); err != nil {
		fmt.Fprintln(os.Stderr, "whosaid-beam:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, f *flags) error {
	cfg, err := f.config()
	if err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, cfg); err != nil {
		return err
	}
	if err := beamx.Run(ctx, p); err != nil {
		return fmt.Errorf("running the pipeline: %w", err)
	}
	return nil
}
