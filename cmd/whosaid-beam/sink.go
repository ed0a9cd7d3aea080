package main

// The sharded sink: the rows are grouped by shard, and each shard's files
// are written whole by the worker that holds the group, under a temporary
// name renamed into place once complete. Unlike textio.Write, which funnels
// every line through one writer, the shards are written in parallel; a
// retried bundle writes the same bytes again (the rows of a shard are
// sorted, so a shard's files do not depend on the order the runner gives).

import (
	"bytes"
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/whosaid/whosaid/extract"
)

// ShardName returns the name of shard i of n of a kind of output (quotes,
// speakers, errors) under the prefix: PREFIX-quotes-00003-of-00008.jsonl.
func ShardName(prefix, kind string, i, n int, ext string) string {
	return fmt.Sprintf("%s-%s-%05d-of-%05d.%s", prefix, kind, i, n, ext)
}

// writeRowsFn writes one shard's quote rows and its speakers summary.
type writeRowsFn struct {
	Output   string
	Shards   int
	Format   string
	Reported bool
}

func (f *writeRowsFn) ProcessElement(ctx context.Context, shard int, docs func(*DocRows) bool) error {
	var all []DocRows
	var d DocRows
	for docs(&d) {
		if d.ID != "" || len(d.Rows) > 0 {
			all = append(all, d)
		}
		d = DocRows{}
	}
	slices.SortFunc(all, func(a, b DocRows) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), bytes.Compare(a.Rows, b.Rows))
	})
	header, err := Header(f.Format)
	if err != nil {
		return err
	}
	rows := ShardName(f.Output, "quotes", shard, f.Shards, f.Format)
	err = writeWhole(ctx, rows, func(w io.Writer) error {
		if _, err := w.Write(header); err != nil {
			return err
		}
		for i := range all {
			if _, err := w.Write(all[i].Rows); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var m extract.SpeakerMerge
	for i := range all {
		m.Add(&extract.Document{ID: all[i].ID, Speakers: all[i].Speakers})
	}
	sf := f.Format // jsonl, csv and tsv are formats of the speakers table too
	return writeWhole(ctx, ShardName(f.Output, "speakers", shard, f.Shards, sf), func(w io.Writer) error {
		sw, err := extract.NewSpeakerWriter(sf, w, extract.SpeakerWriterOptions{Reported: f.Reported})
		if err != nil {
			return err
		}
		for _, sp := range m.Speakers() {
			if err := sw.WriteSpeaker("", sp); err != nil {
				return err
			}
		}
		return sw.Close()
	})
}

// writeErrorsFn writes one shard of the dead letters: the JSONL error
// records of the records that could not be processed. Only shards that
// have some are written.
type writeErrorsFn struct {
	Output string
	Shards int
}

func (f *writeErrorsFn) ProcessElement(ctx context.Context, shard int, recs func(*[]byte) bool) error {
	var all [][]byte
	var r []byte
	for recs(&r) {
		all = append(all, r)
		r = nil
	}
	slices.SortFunc(all, bytes.Compare)
	return writeWhole(ctx, ShardName(f.Output, "errors", shard, f.Shards, "jsonl"), func(w io.Writer) error {
		for _, r := range all {
			if _, err := w.Write(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeWhole writes the file path with fill: to a temporary name beside
// it, renamed to path once written and closed, so that path is either
// absent or complete. The filesystem is Beam's for the path's scheme
// (local, gs://).
func writeWhole(ctx context.Context, path string, fill func(io.Writer) error) (err error) {
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer fsys.Close()
	var nonce [8]byte
	rand.Read(nonce[:])
	tmp := path + ".tmp-" + hex.EncodeToString(nonce[:])
	w, err := fsys.OpenWrite(ctx, tmp)
	if err != nil {
		return fmt.Errorf("creating %s: %w", tmp, err)
	}
	defer func() {
		if err != nil {
			if rm, ok := fsys.(filesystem.Remover); ok {
				rm.Remove(ctx, tmp)
			}
		}
	}()
	if err := fill(w); err != nil {
		w.Close()
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := filesystem.Rename(ctx, fsys, tmp, path); err != nil {
		return fmt.Errorf("renaming %s to %s: %w", tmp, path, err)
	}
	return nil
}
