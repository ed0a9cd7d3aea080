package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/xuri/excelize/v2"
)

// TestXLSXReadsAsCSV runs `whosaid extract -o quotes.xlsx` on the seed
// article and on the scraped evaluation pages (in the folder $WHOSAID_EVAL
// names, else next to the module; skipped when absent) and reads the workbook back with excelize, a reader independent
// of the writer: the quotes sheet has the rows of `--format csv
// --csv-raw`, the speakers sheet those of `whosaid speakers --format csv`
// (whose cells are neutralised, so the workbook's are too before the
// comparison).
func TestXLSXReadsAsCSV(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ name, path string }{
		{"seed", startupArticle},
		{"scraped-dev", evalData("scraped-dev.jsonl")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.path); err != nil {
				t.Skipf("no input: %v", err)
			}
			if tc.name != "seed" && testing.Short() {
				t.Skip("-short: the evaluation pages take a while")
			}
			book := filepath.Join(t.TempDir(), "quotes.xlsx")
			if r := cli(ctx, nil, "extract", "-q", "-o", book, tc.path); r.code != 0 {
				t.Fatalf("extract -o quotes.xlsx: exit %d: %s", r.code, r.stderr)
			}
			r := cli(ctx, nil, "extract", "-q", "--format", "csv", "--csv-raw", tc.path)
			if r.code != 0 {
				t.Fatalf("extract --format csv: exit %d: %s", r.code, r.stderr)
			}
			quotes := readCSV(t, r.stdout)
			r = cli(ctx, nil, "speakers", "-q", "--format", "csv", tc.path)
			if r.code != 0 {
				t.Fatalf("speakers --format csv: exit %d: %s", r.code, r.stderr)
			}
			speakers := readCSV(t, r.stdout)
			if len(quotes) < 5 || len(speakers) < 3 {
				t.Fatalf("%d quote rows and %d speaker rows: too few for a test", len(quotes), len(speakers))
			}
			f, err := excelize.OpenFile(book)
			if err != nil {
				t.Fatalf("the workbook does not open: %v", err)
			}
			defer f.Close()
			if got := f.GetSheetList(); strings.Join(got, ",") != "quotes,speakers" {
				t.Errorf("sheets %q", got)
			}
			sameRows(t, f, "quotes", quotes, func(s string) string { return s })
			sameRows(t, f, "speakers", speakers, extract.SafeCell)
		})
	}
}

// evalData returns NAME in the folder $WHOSAID_EVAL names, else evalFile's.
func evalData(name string) string {
	if d := os.Getenv("WHOSAID_EVAL"); d != "" {
		return filepath.Join(d, name)
	}
	return evalFile(name)
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read: %v", err)
	}
	return rows
}

// sameRows checks that the sheet's rows, each cell passed through cell,
// are want.
func sameRows(t *testing.T, f *excelize.File, sheet string, want [][]string, cell func(string) string) {
	t.Helper()
	got, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d rows in the workbook, %d in the CSV", sheet, len(got), len(want))
	}
	bad := 0
	for i := range min(len(got), len(want)) {
		row := got[i]
		for len(row) < len(want[i]) {
			row = append(row, "") // GetRows drops empty trailing cells
		}
		for k := range row {
			row[k] = cell(row[k])
		}
		if strings.Join(row, "\x1f") != strings.Join(want[i], "\x1f") {
			if bad++; bad <= 5 {
				t.Errorf("%s row %d:\nxlsx %q\ncsv  %q", sheet, i+1, row, want[i])
			}
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d rows differ", sheet, bad)
	}
}
