package main

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"reflect"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// Config is what the pipeline does: the flags of the command, resolved.
type Config struct {
	// Inputs are file patterns (local or gs://) of JSONL corpora or text
	// documents.
	Inputs []string
	// InputFormat forces the input format ("", "text" or "jsonl"): with
	// "", a file's extension decides, as for the CLI.
	InputFormat string
	// Output is the prefix of the output files (local or gs://).
	Output string
	// Shards is the number of quote and speaker files.
	Shards int
	// Format is the format of the quote rows: jsonl, csv or tsv.
	Format string
	// Rules are the user rule files, read when the pipeline is built, so
	// that the workers need no copy of them; NoDefaultRules leaves out the
	// embedded defaults (the CLI's --rules and --no-default-rules).
	Rules          []rules.Source
	NoDefaultRules bool
	// Reported, All, MinConfidence, Lang and Dedupe are the CLI's
	// --reported, --all, --min-confidence, --lang and --dedupe.
	Reported      bool
	All           bool
	MinConfidence float64
	Lang          string
	Dedupe        bool
	// MaxBytes bounds a record (0: extract.DefaultMaxBytes), as --max-size.
	MaxBytes int64
}

// Formats returns the quote row formats of the pipeline: those that hold
// a document's rows in lines of their own, so that a shard file is the
// concatenation of its documents' rows (after a header).
func Formats() []string { return []string{"jsonl", "csv", "tsv"} }

// RawRecord is one record as read from a file, before any decoding: a
// line of a JSONL corpus, or a whole text document.
type RawRecord struct {
	Name string // the file
	Line int    // the line of a JSONL file (from 1); 0 for a whole document
	Data []byte // the line without its newline, or the document; nil for a line over the bound
	Size int64  // the line's length with its newline (extract.ScanLines), or the document's
}

// DocRows are the output of one document: its quote rows, encoded in the
// output format, and its speakers, for the summary of its shard.
type DocRows struct {
	ID       string
	Rows     []byte
	Speakers []extract.Speaker
}

func init() {
	beam.RegisterType(reflect.TypeOf((*RawRecord)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*DocRows)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*extract.Speaker)(nil)).Elem())
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(RawRecord), error](&splitFn{})
	register.Emitter1[RawRecord]()
	register.DoFn3x0[RawRecord, func(int, DocRows), func(int, []byte)](&extractFn{})
	register.Emitter2[int, DocRows]()
	register.Emitter2[int, []byte]()
	register.Function1x2[int, int, DocRows](shardMark)
	register.DoFn3x1[context.Context, int, func(*DocRows) bool, error](&writeRowsFn{})
	register.Iter1[DocRows]()
	register.DoFn3x1[context.Context, int, func(*[]byte) bool, error](&writeErrorsFn{})
	register.Iter1[[]byte]()
}

// Build adds the pipeline to s: read, extract, and write the sharded quote
// rows, the speakers of each shard and the dead letters (records that
// could not be processed, as JSONL error records).
func Build(s beam.Scope, cfg Config) error {
	if err := cfg.check(); err != nil {
		return err
	}
	var files []beam.PCollection
	for _, in := range cfg.Inputs {
		files = append(files, fileio.MatchFiles(s, in))
	}
	matched := beam.Flatten(s, files...)
	readable := fileio.ReadMatches(s, matched, fileio.ReadAutoCompression(), fileio.ReadDirectorySkip())
	raw := beam.ParDo(s, &splitFn{Format: cfg.InputFormat, MaxBytes: cfg.MaxBytes}, readable)
	// the lines of one file are read by one worker; a reshuffle spreads
	// them over all workers before the costly step
	raw = beam.Reshuffle(s, raw)
	rows, dead := beam.ParDo2(s, &extractFn{Cfg: cfg}, raw)
	// every shard gets its files, even when no document hashed to it
	marks := beam.ParDo(s, shardMark, beam.CreateList(s, shardList(cfg.Shards)))
	byShard := beam.GroupByKey(s, beam.Flatten(s, rows, marks))
	beam.ParDo0(s, &writeRowsFn{Output: cfg.Output, Shards: cfg.Shards, Format: cfg.Format, Reported: cfg.Reported}, byShard)
	beam.ParDo0(s, &writeErrorsFn{Output: cfg.Output, Shards: cfg.Shards}, beam.GroupByKey(s, dead))
	return nil
}

// shardMark returns an empty DocRows for shard i: the mark that makes the
// shard's files exist.
func shardMark(i int) (int, DocRows) { return i, DocRows{} }

func shardList(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func (cfg *Config) check() error {
	switch {
	case len(cfg.Inputs) == 0:
		return fmt.Errorf("no input: give --input")
	case cfg.Output == "":
		return fmt.Errorf("no output prefix: give --output")
	case cfg.Shards < 1:
		return fmt.Errorf("--shards must be at least 1, got %d", cfg.Shards)
	case cfg.InputFormat != "" && cfg.InputFormat != "text" && cfg.InputFormat != "jsonl":
		return fmt.Errorf("--input_format %q: want text or jsonl", cfg.InputFormat)
	case cfg.MinConfidence < 0 || cfg.MinConfidence > 1:
		return fmt.Errorf("--min_confidence must be between 0 and 1, got %v", cfg.MinConfidence)
	}
	for _, f := range Formats() {
		if f == cfg.Format {
			_, err := cfg.ruleset() // the rules fail here, not on every worker
			return err
		}
	}
	return fmt.Errorf("--format %q: want one of %s", cfg.Format, strings.Join(Formats(), ", "))
}

// ruleset loads the rules of the configuration.
func (cfg *Config) ruleset() (*rules.Ruleset, error) {
	var srcs []rules.Source
	if !cfg.NoDefaultRules {
		srcs = rules.DefaultSources()
	} else if len(cfg.Rules) == 0 {
		return nil, fmt.Errorf("--no_default_rules needs at least one --rules file")
	}
	rs, err := rules.Load(append(srcs, cfg.Rules...))
	if err != nil {
		return nil, fmt.Errorf("loading the rules: %w", err)
	}
	if err := extract.CheckLang(rs, cfg.Lang); err != nil {
		return nil, fmt.Errorf("--lang: %w", err)
	}
	return rs, nil
}

// splitFn cuts a file into records: the lines of a JSONL corpus, or the
// file as one document.
type splitFn struct {
	Format   string
	MaxBytes int64
}

func (f *splitFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(RawRecord)) error {
	name := file.Metadata.Path
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("opening %s: %w", name, err)
	}
	defer rc.Close()
	if !isJSONL(name, f.Format) {
		limit := f.MaxBytes
		if limit == 0 {
			limit = extract.DefaultMaxBytes
		}
		size := file.Metadata.Size
		if limit >= 0 && size > limit && !strings.HasSuffix(strings.ToLower(name), ".gz") {
			emit(RawRecord{Name: name, Size: size}) // ReadDocument reports it as too large, unread
			return nil
		}
		r := io.Reader(rc)
		if limit >= 0 {
			r = io.LimitReader(rc, limit+1)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		emit(RawRecord{Name: name, Data: data, Size: int64(len(data))})
		return nil
	}
	err = extract.ScanLines(rc, f.MaxBytes, func(line int, data []byte, size int64) error {
		emit(RawRecord{Name: name, Line: line, Data: bytes.Clone(data), Size: size})
		return nil
	})
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	return nil
}

// isJSONL reports whether the file name is read as a JSONL corpus: by the
// forced format, else by its extension (a .gz taken off).
func isJSONL(name, format string) bool {
	if format != "" {
		return format == "jsonl"
	}
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	return strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".ndjson")
}

// extractFn extracts the quotations of a record: its rows go to the first
// output, keyed by shard; a record that cannot be processed goes to the
// second, as its JSONL error record (the dead letters), and the job goes
// on.
type extractFn struct {
	Cfg Config

	x   *extract.Extractor
	enc *rowEncoder
	dl  *rowEncoder // the dead letters: JSONL error records

	records, failed, quotes beam.Counter
}

// Setup loads the ruleset, once per worker instance of the DoFn.
func (f *extractFn) Setup() error {
	rs, err := f.Cfg.ruleset()
	if err != nil {
		return err
	}
	f.x = extract.New(rs, extract.Options{All: f.Cfg.All, MinConfidence: f.Cfg.MinConfidence, Lang: f.Cfg.Lang, Reported: f.Cfg.Reported})
	if f.enc, err = newRowEncoder(f.Cfg.Format); err != nil {
		return err
	}
	if f.dl, err = newRowEncoder("jsonl"); err != nil {
		return err
	}
	f.records = beam.NewCounter("whosaid", "records")
	f.failed = beam.NewCounter("whosaid", "dead_letters")
	f.quotes = beam.NewCounter("whosaid", "quote_rows")
	return nil
}

func (f *extractFn) ProcessElement(r RawRecord, emit func(int, DocRows), dead func(int, []byte)) {
	ctx := context.Background()
	f.records.Inc(ctx, 1)
	opt := extract.InputOptions{Format: f.Cfg.InputFormat, MaxBytes: f.Cfg.MaxBytes, KeepLines: true}
	var in extract.Input
	if r.Line > 0 {
		in = extract.ReadLine(r.Name, r.Line, r.Data, r.Size, opt)
	} else {
		in = extract.ReadDocument(r.Name, r.Data, r.Size, opt)
	}
	res := extract.Result{Input: in, Err: in.Err}
	if res.Err == nil {
		res.Doc, res.Err = f.extractOne(in)
	}
	if res.Err != nil {
		f.failed.Inc(ctx, 1)
		dead(shardOf(fmt.Sprintf("%s:%d", r.Name, r.Line), f.Cfg.Shards), f.dl.errorRecord(res))
		return
	}
	extract.NewDeduper().Mark(res.Doc, f.Cfg.Dedupe) // repeats within the document, as --dup-scope document
	rows, err := f.enc.rows(res.Doc)
	if err != nil {
		f.failed.Inc(ctx, 1)
		res.Doc, res.Err = nil, err
		dead(shardOf(in.ID, f.Cfg.Shards), f.dl.errorRecord(res))
		return
	}
	f.quotes.Inc(ctx, int64(len(res.Doc.Quotes)))
	emit(shardOf(in.ID, f.Cfg.Shards), DocRows{ID: in.ID, Rows: rows, Speakers: res.Doc.Speakers})
}

// extractOne extracts one document; a panic (a bug) becomes its error, as
// in extract.Run, so that one record cannot fail the job.
func (f *extractFn) extractOne(in extract.Input) (doc *extract.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	return f.x.ExtractInput(in)
}

// shardOf returns the shard of a document id: a hash, so that a document
// goes to the same shard on every run and every runner.
func shardOf(id string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(shards))
}

// rowEncoder encodes documents one at a time with the library's Writer of
// a format, so that the rows are byte for byte those of the CLI.
type rowEncoder struct {
	buf    bytes.Buffer
	w      extract.Writer
	header []byte // what the format writes before any document
}

func newRowEncoder(format string) (*rowEncoder, error) {
	e := &rowEncoder{}
	w, err := extract.NewWriter(format, &e.buf, extract.WriterOptions{})
	if err != nil {
		return nil, err
	}
	// jsonl, csv and tsv flush on Close and can go on writing after it:
	// their Close writes no trailer (Formats lists only such formats)
	if err := w.Close(); err != nil {
		return nil, err
	}
	e.w, e.header = w, bytes.Clone(e.buf.Bytes())
	e.buf.Reset()
	return e, nil
}

// Header returns what the format writes before the rows (CSV's header).
func Header(format string) ([]byte, error) {
	e, err := newRowEncoder(format)
	if err != nil {
		return nil, err
	}
	return e.header, nil
}

// rows returns the encoded rows of d.
func (e *rowEncoder) rows(d *extract.Document) ([]byte, error) {
	e.buf.Reset()
	if err := e.w.WriteDoc(d); err != nil {
		return nil, fmt.Errorf("encoding %s: %w", d.ID, err)
	}
	if err := e.w.Close(); err != nil {
		return nil, fmt.Errorf("encoding %s: %w", d.ID, err)
	}
	return bytes.Clone(e.buf.Bytes()), nil
}

// errorRecord returns the JSONL error record of a failed result.
func (e *rowEncoder) errorRecord(r extract.Result) []byte {
	e.buf.Reset()
	if extract.WriteError(e.w, r) != nil || e.w.Close() != nil {
		return []byte(`{"id":null,"error":"the error record could not be written"}` + "\n")
	}
	return bytes.Clone(e.buf.Bytes())
}
