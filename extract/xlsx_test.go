package extract_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/xuri/excelize/v2"
)

// TestXLSXMatchesCSV writes the same documents as CSV and as xlsx and
// reads the workbook back: the quotes sheet has the CSV's rows, offsets and
// confidences are numbers, no cell is a formula (a quote that begins with
// "=" stays text), the header is frozen and filtered, and the speakers
// sheet has the people merged across the documents.
func TestXLSXMatchesCSV(t *testing.T) {
	x := defaultExtractor(t)
	seed, err := os.ReadFile("../testdata/seed/rt-putin-witkoff-2025-04-25.txt")
	if err != nil {
		t.Fatal(err)
	}
	inputs := append([]struct{ id, text string }{{"seed.txt", string(seed)},
		{"sum.txt", "“=SUM(A1:A9) is how the tally was made,” said Ada Novak, the treasurer.\n"}}, reviewDocs...)
	var csvOut, xlsxOut bytes.Buffer
	cw, err := extract.NewWriter("csv", &csvOut, extract.WriterOptions{CSVRaw: true})
	if err != nil {
		t.Fatal(err)
	}
	xw, err := extract.NewWriter("xlsx", &xlsxOut, extract.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		doc, err := x.Extract(in.id, in.text)
		if err != nil {
			t.Fatal(err)
		}
		if err := cw.WriteDoc(doc); err != nil {
			t.Fatal(err)
		}
		if err := xw.WriteDoc(doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := cw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := xw.Close(); err != nil {
		t.Fatal(err)
	}
	want, err := csv.NewReader(&csvOut).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xlsxOut)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	got, err := f.GetRows("quotes", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows in the quotes sheet, %d in the CSV", len(got), len(want))
	}
	formula := false
	for i := range want {
		row := got[i]
		for len(row) < len(want[i]) {
			row = append(row, "") // GetRows drops empty trailing cells
		}
		if strings.Join(row, "\x1f") != strings.Join(want[i], "\x1f") {
			t.Errorf("row %d:\nxlsx %q\ncsv  %q", i+1, row, want[i])
		}
		if strings.HasPrefix(want[i][2], "=") {
			formula = true
		}
	}
	if !formula {
		t.Errorf("no quote begins with '=': the test lost its formula case")
	}
	cols, _ := f.GetCols("quotes")
	for c := range cols {
		for r := 1; r <= len(want); r++ {
			name, _ := excelize.CoordinatesToCellName(c+1, r)
			if fm, _ := f.GetCellFormula("quotes", name); fm != "" {
				t.Errorf("%s is a formula: %q", name, fm)
			}
		}
	}
	for i, c := range extract.Columns() {
		name, _ := excelize.CoordinatesToCellName(i+1, 2)
		typ, err := f.GetCellType("quotes", name)
		if err != nil {
			t.Fatal(err)
		}
		isNum := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
		if numeric := strings.HasSuffix(c, "start") || strings.HasSuffix(c, "end") || c == "confidence" || c == "line"; numeric != isNum && want[1][i] != "" {
			t.Errorf("column %s: cell type %v", c, typ)
		}
	}
	panes, err := f.GetPanes("quotes")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	filtered := false
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" && strings.Contains(d.RefersTo, "quotes") {
			filtered = true
		}
	}
	if !filtered {
		t.Errorf("no autofilter on the quotes sheet: %+v", f.GetDefinedName())
	}
	sp, err := f.GetRows("speakers")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range sp[1:] {
		if r[0] == "Maria Olsen" {
			found = true
			if len(r) < 5 || r[3] != "3" || r[4] != "2" {
				t.Errorf("Maria Olsen's row: %q, want 3 quotes in 2 documents", r)
			}
		}
	}
	if strings.Join(sp[0], ",") != strings.Join(extract.SpeakerColumns(), ",") || !found {
		t.Errorf("speakers sheet: %q", sp)
	}
}
