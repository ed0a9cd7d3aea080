package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// goldFlags choose how eval reads its gold file: as it is, or transformed
// into a variant first (--variant), which --write-gold also writes out
// for score.py.
type goldFlags struct {
	variant string
	write   string
}

func (f *goldFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.variant, "variant", "", "transform the gold documents first: "+strings.Join(eval.Variants(), " or ")+
		" (British quotation marks; hard-wrapped at 72 columns)")
	enumFlag(cmd, "variant", eval.Variants)
	cmd.Flags().StringVar(&f.write, "write-gold", "", "also write the transformed gold as JSONL to this file (with --variant), for score.py")
}

// read reads the gold file at goldPath, transformed by --variant when it
// is set, and writes the transformed gold to --write-gold when that is
// set.
func (f *goldFlags) read(a *app, goldPath string) ([]eval.GoldDoc, error) {
	if f.write != "" && f.variant == "" {
		return nil, &exitError{exitUsage, fmt.Errorf("--write-gold needs --variant")}
	}
	if f.variant != "" && !slices.Contains(eval.Variants(), f.variant) {
		return nil, &exitError{exitUsage, fmt.Errorf("--variant %q: want %s", f.variant, strings.Join(eval.Variants(), " or "))}
	}
	file, err := openGold(goldPath)
	if err != nil {
		return nil, &exitError{exitInputFailed, err}
	}
	defer file.Close()
	var r io.Reader = io.LimitReader(file, maxGoldBytes)
	if f.variant != "" {
		var b bytes.Buffer
		if err := eval.WriteVariant(f.variant, r, &b); err != nil {
			return nil, &exitError{exitInputFailed, fmt.Errorf("%s: %w", goldPath, err)}
		}
		if f.write != "" {
			if err := writeGold(a, f.write, goldPath, b.Bytes()); err != nil {
				return nil, err
			}
		}
		r = &b
	}
	gold, err := eval.ReadGold(r)
	if err != nil {
		return nil, &exitError{exitInputFailed, fmt.Errorf("%s: %w", goldPath, err)}
	}
	return gold, nil
}

// maxGoldBytes bounds a gold file (1 GiB): eval holds it in memory.
const maxGoldBytes = 1 << 30

// openGold opens a gold file: a regular file (not a device or pipe, which
// could be endless or block) of at most maxGoldBytes.
func openGold(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%v)", extract.SafeName(path), st.Mode().Type())
	}
	if st.Size() > maxGoldBytes {
		return nil, fmt.Errorf("%s: gold file too large: more than 1 GiB", extract.SafeName(path))
	}
	return os.Open(path)
}

// writeGold writes the transformed gold file b to path (--write-gold),
// whole or not at all.
func writeGold(a *app, path, goldPath string, b []byte) error {
	w, err := createOutput(a, path, []string{goldPath}, nil)
	if err != nil {
		return err
	}
	defer w.discard()
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return w.keep()
}
