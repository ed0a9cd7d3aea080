package extract

import (
	"cmp"
	"slices"
	"testing"
)

// TestMergeRecords checks that the records of statements merged into the
// quotes' array come in the order of a stable sort by byte offset, the quotes
// first at equal offsets, whether both come sorted (the merge) or not (the
// sort it falls back to).
func TestMergeRecords(t *testing.T) {
	for _, c := range []struct {
		name          string
		quotes, stmts []int // byte offsets; the ID says where a record came from
	}{
		{"none", nil, nil},
		{"quotes only", []int{1, 5, 9}, nil},
		{"statements only", nil, []int{2, 4}},
		{"interleaved", []int{1, 5, 9}, []int{0, 5, 7, 12}},
		{"statements first", []int{10, 20}, []int{1, 2}},
		{"statements last", []int{1, 2}, []int{10, 20}},
		{"equal offsets", []int{3, 3}, []int{3}},
		{"quotes out of order", []int{9, 1}, []int{5}},
		{"statements out of order", []int{4}, []int{8, 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var quotes, all []Record
			for i, off := range c.quotes {
				quotes = append(quotes, Record{ID: "q" + string(rune('0'+i)), byteStart: off})
			}
			var reps []Record
			for i, off := range c.stmts {
				reps = append(reps, Record{ID: "r" + string(rune('0'+i)), byteStart: off})
			}
			all = append(append(all, quotes...), reps...)
			slices.SortStableFunc(all, func(p, q Record) int { return cmp.Compare(p.byteStart, q.byteStart) })
			got := mergeRecords(slices.Grow(quotes, len(reps)), reps)
			if len(got) != len(all) {
				t.Fatalf("%d records, want %d", len(got), len(all))
			}
			for i := range all {
				if got[i].ID != all[i].ID || got[i].byteStart != all[i].byteStart {
					t.Fatalf("record %d: %s at %d, want %s at %d", i, got[i].ID, got[i].byteStart, all[i].ID, all[i].byteStart)
				}
			}
		})
	}
}
