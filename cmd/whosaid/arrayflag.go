package main

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/spf13/cobra"
)

// stringArray is the value of a repeatable string flag: pflag's
// StringArray (the same type name, parsing and String), but for the String
// of an empty array. pflag asks a flag for its default's String when the
// flag is defined, and its StringArray writes even an empty one through a
// CSV writer with a 4 KiB buffer: two of them for every run of extract, the
// only objects of their size class in a run on one article, whose second
// span costs the runtime a fresh block of its span sets
// (docs/performance.md, start-up round ten).
type stringArray struct {
	value   *[]string
	changed bool
}

// stringArrayVar defines the repeatable flag name of cmd, stored in p.
func stringArrayVar(cmd *cobra.Command, p *[]string, name, usage string) {
	cmd.Flags().Var(&stringArray{value: p}, name, usage)
	// the help shows no default for an empty array, as for pflag's own:
	// it knows "[]" as empty for its own type only
	cmd.Flags().Lookup(name).DefValue = ""
}

// Set appends val, or replaces the default with it at the first Set.
func (s *stringArray) Set(val string) error {
	if !s.changed {
		*s.value = []string{val}
		s.changed = true
	} else {
		*s.value = append(*s.value, val)
	}
	return nil
}

// Append appends val (pflag.SliceValue).
func (s *stringArray) Append(val string) error {
	*s.value = append(*s.value, val)
	return nil
}

// Replace replaces the values with a copy of val (pflag.SliceValue).
func (s *stringArray) Replace(val []string) error {
	*s.value = append([]string(nil), val...)
	return nil
}

// GetSlice returns a copy of the values (pflag.SliceValue).
func (s *stringArray) GetSlice() []string {
	return append(make([]string, 0, len(*s.value)), *s.value...)
}

// Type is pflag's name of the type.
func (s *stringArray) Type() string { return "stringArray" }

// String writes the values as one CSV record in brackets, as pflag does.
func (s *stringArray) String() string {
	if len(*s.value) == 0 {
		return "[]"
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(*s.value)
	w.Flush()
	return "[" + strings.TrimSuffix(b.String(), "\n") + "]"
}
