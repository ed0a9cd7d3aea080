package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// TestReadBack writes a workbook of two sheets and reads it back with
// excelize, an independent reader: the text (escapes, white space, line
// breaks, characters XML forbids, cut text) and numbers come back as
// written, the cells have their types and styles, the header is frozen,
// the columns have their widths and each sheet its autofilter.
func TestReadBack(t *testing.T) {
	long := strings.Repeat("ab", MaxCellText)
	astral := strings.Repeat("😀", MaxCellText/2+5)
	texts := []struct{ in, want string }{
		{"plain", "plain"},
		{"=SUM(A1:A9)", "=SUM(A1:A9)"},
		{"  lead and trail\t", "  lead and trail\t"},
		{"line\nbreak\r\nand CR\r", "line\nbreak\r\nand CR\r"},
		{`a & b < c > d "e" 'f'`, `a & b < c > d "e" 'f'`},
		{"_x0041_ and _x005F_x0041_ and _x005F_ and _xZZZZ_ and _x12", "_x0041_ and _x005F_x0041_ and _x005F_ and _xZZZZ_ and _x12"},
		{"bell\a nul\x00 \uFFFE \uFFFF end", "bell\uFFFD nul\uFFFD \uFFFD \uFFFD end"},
		{"bad \xff\xfe utf-8", "bad \uFFFD\uFFFD utf-8"},
		{"«Привет» 你好 😀", "«Привет» 你好 😀"},
		{long, long[:MaxCellText-1] + "…"},
		{astral, strings.Repeat("😀", (MaxCellText-1)/2) + "…"},
	}
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := w.AddSheet(Sheet{Name: "data", Widths: []float64{30, 0, 12.5}, FreezeHeader: true, AutoFilter: true}); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteRow([]Cell{Text("text").In(Bold), Text("int").In(Bold), Text("float").In(Bold)}); err != nil {
		t.Fatal(err)
	}
	for i, tc := range texts {
		if err := w.WriteRow([]Cell{Text(tc.in).In(Wrapped), Int(int64(i) - 3), Float(float64(i) + 0.25)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.WriteRow([]Cell{{}, Int(math.MaxInt64), Float(0.1 + 0.2)}); err != nil {
		t.Fatal(err)
	}
	if err := w.AddSheet(Sheet{Name: "it's second"}); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteRow([]Cell{Text("only"), {}, Text("sparse")}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, buf.Bytes())

	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, "|") != "data|it's second" {
		t.Errorf("sheets %q", got)
	}
	rows, err := f.GetRows("data", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(texts)+2 {
		t.Fatalf("%d rows, want %d", len(rows), len(texts)+2)
	}
	for i, tc := range texts {
		row := rows[i+1]
		if row[0] != tc.want {
			t.Errorf("row %d: text %.80q (%d bytes), want %.80q (%d bytes)", i+2, row[0], len(row[0]), tc.want, len(tc.want))
		}
		if n := len(utf16.Encode([]rune(row[0]))); n > MaxCellText {
			t.Errorf("row %d: %d UTF-16 units", i+2, n)
		}
		if want := []string{itoa(i - 3), itoa(i) + ".25"}; row[1] != want[0] || row[2] != want[1] {
			t.Errorf("row %d: numbers %q, want %q", i+2, row[1:], want)
		}
	}
	if last := rows[len(rows)-1]; strings.Join(last, "|") != "|9223372036854775807|0.3" {
		t.Errorf("last row %q", last)
	}
	for cell, want := range map[string]excelize.CellType{"A2": excelize.CellTypeInlineString, "B2": excelize.CellTypeUnset, "C3": excelize.CellTypeUnset} {
		if typ, err := f.GetCellType("data", cell); err != nil || typ != want {
			t.Errorf("%s: type %v %v, want %v", cell, typ, err, want)
		}
	}
	for cell, want := range map[string]Style{"A1": Bold, "C1": Bold, "A2": Wrapped, "B2": Plain, "A12": Wrapped} {
		id, err := f.GetCellStyle("data", cell)
		if err != nil || id != int(want) {
			t.Errorf("%s: style %d %v, want %d", cell, id, err, want)
			continue
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		wrap := st.Alignment != nil && st.Alignment.WrapText
		bold := st.Font != nil && st.Font.Bold
		if wrap != (want == Wrapped) || bold != (want == Bold) {
			t.Errorf("%s: style %d wraps %v, bold %v", cell, id, wrap, bold)
		}
	}
	for col, want := range map[string]float64{"A": 30, "C": 12.5} {
		if got, err := f.GetColWidth("data", col); err != nil || got != want {
			t.Errorf("column %s: width %v %v, want %v", col, got, err, want)
		}
	}
	if p, err := f.GetPanes("data"); err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
		t.Errorf("data: header not frozen: %+v %v", p, err)
	}
	if p, err := f.GetPanes("it's second"); err != nil || p.Freeze {
		t.Errorf("second sheet frozen: %+v %v", p, err)
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].Name != "_xlnm._FilterDatabase" || names[0].RefersTo != "'data'!$A$1:$C$13" || names[0].Scope != "data" {
		t.Errorf("defined names %+v, want the filter of data", names)
	}
	if sheet := part(t, buf.Bytes(), "xl/worksheets/sheet1.xml"); !strings.HasSuffix(sheet, `</sheetData><autoFilter ref="A1:C13"/></worksheet>`) {
		t.Errorf("sheet1.xml has no autoFilter element after its rows: %q", sheet[max(0, len(sheet)-80):])
	}
	second, err := f.GetRows("it's second")
	if err != nil || len(second) != 1 || strings.Join(second[0], "|") != "only||sparse" {
		t.Errorf("second sheet: %q %v", second, err)
	}
}

func itoa(i int) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + itoa(i%10)
}

// part returns the named part of the workbook b.
func part(t *testing.T, b []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	r, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// checkWellFormed reads every part of the workbook with encoding/xml and
// checks the parts a spreadsheet needs are there.
func checkWellFormed(t *testing.T, b []byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]bool{}
	for _, f := range z.File {
		parts[f.Name] = true
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(r)
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s is not well-formed XML: %v", f.Name, err)
				break
			}
		}
		r.Close()
		if !f.Modified.IsZero() && f.Modified.Year() > 1980 {
			t.Errorf("%s has a time stamp: %v", f.Name, f.Modified)
		}
	}
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"} {
		if !parts[p] {
			t.Errorf("no part %s", p)
		}
	}
}

// TestSameBytes: the same content gives the same bytes.
func TestSameBytes(t *testing.T) {
	write := func() []byte {
		var buf bytes.Buffer
		w := NewWriter(&buf)
		w.AddSheet(Sheet{Name: "a", Widths: []float64{10}, FreezeHeader: true, AutoFilter: true})
		w.WriteRow([]Cell{Text("x"), Float(1.5)})
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if a, b := write(), write(); !bytes.Equal(a, b) {
		t.Errorf("two writes differ")
	}
}

// TestEmptySheetFilter: a sheet of a header alone still gets a filter of
// two rows (a filter of one row is not one).
func TestEmptySheetFilter(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.AddSheet(Sheet{Name: "q", Widths: []float64{5, 5, 5, 5}, AutoFilter: true})
	w.WriteRow([]Cell{Text("h")})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := f.GetDefinedName(); len(n) != 1 || n[0].RefersTo != "'q'!$A$1:$D$2" {
		t.Errorf("defined names %+v", n)
	}
}

func TestCellText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"tab\tLF\nCR\r", "tab\tLF\nCR\r"},
		{"\x01\x1f\x7f\u0085", "\uFFFD\uFFFD\x7f\u0085"},
		{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"}, // an encoded surrogate is three bad bytes
		{strings.Repeat("é", MaxCellText), strings.Repeat("é", MaxCellText)},
		{strings.Repeat("é", MaxCellText+1), strings.Repeat("é", MaxCellText-1) + "…"},
		{strings.Repeat("x", MaxCellText-1) + "😀", strings.Repeat("x", MaxCellText-1) + "…"},
		{"😀" + strings.Repeat("x", MaxCellText-2), "😀" + strings.Repeat("x", MaxCellText-2)},
		{strings.Repeat("\x00", MaxCellText+3), strings.Repeat("\uFFFD", MaxCellText-1) + "…"},
	} {
		got := CellText(tc.in)
		if got != tc.want {
			t.Errorf("CellText(%.40q…, %d bytes) = %.40q… (%d bytes), want %d bytes", tc.in, len(tc.in), got, len(got), len(tc.want))
		}
		if !utf8.ValidString(got) {
			t.Errorf("CellText(%.40q) is not UTF-8", tc.in)
		}
	}
}

func TestAppendText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a", ">a"},
		{" a", ` xml:space="preserve"> a`},
		{"a\n", ` xml:space="preserve">a` + "\n"},
		{"a&b<c>d\re", ">a&amp;b&lt;c&gt;d&#13;e"},
		{"_x0041_", ">_x005F_x0041_"},
		{"_x005F_x0041_", ">_x005F_x005F_x005F_x0041_"},
		{"_x00G1_ _x41_ _x0041", ">_x00G1_ _x41_ _x0041"},
	} {
		if got := string(appendText(nil, tc.in)); got != tc.want {
			t.Errorf("appendText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormatFloat(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{0.97, "0.97"},
		{-2.5, "-2.5"},
		{0.1 + 0.2, "0.3"},
		{1e21, "1000000000000000000000"},
		{1234567890123456789, "1234567890123450000"}, // cut, not rounded, as excelize did,
		{1.0 / 3, "0.333333333333333"},
		{123456.78901234567, "123456.789012345"},
		{1e-7, "0.0000001"},
	} {
		if got := formatFloat(tc.in); got != tc.want {
			t.Errorf("formatFloat(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		in   float64
		want string
	}{{math.NaN(), "NaN"}, {math.Inf(1), "+Inf"}, {math.Inf(-1), "-Inf"}} {
		if c := Float(tc.in); c.kind != kindText || c.v != tc.want {
			t.Errorf("Float(%v) = %+v, want the text %q", tc.in, c, tc.want)
		}
	}
}

func TestAppendColumn(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", MaxCols - 1: "XFD"} {
		if got := string(appendColumn(nil, i)); got != want {
			t.Errorf("column %d: %q, want %q", i, got, want)
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		run  func(w *Writer) error
		want string
	}{
		{"no sheet", func(w *Writer) error { return w.Close() }, "without sheets"},
		{"row first", func(w *Writer) error { return w.WriteRow([]Cell{Text("x")}) }, "before the first sheet"},
		{"bad name", func(w *Writer) error { return w.AddSheet(Sheet{Name: "a/b"}) }, "not allowed"},
		{"long name", func(w *Writer) error { return w.AddSheet(Sheet{Name: strings.Repeat("n", 32)}) }, "1 to 31"},
		{"empty name", func(w *Writer) error { return w.AddSheet(Sheet{}) }, "1 to 31"},
		{"apostrophe", func(w *Writer) error { return w.AddSheet(Sheet{Name: "'a"}) }, "apostrophe"},
		{"twice", func(w *Writer) error {
			w.AddSheet(Sheet{Name: "Quotes"})
			return w.AddSheet(Sheet{Name: "quotes"})
		}, "two sheets"},
		{"wide row", func(w *Writer) error {
			w.AddSheet(Sheet{Name: "a"})
			return w.WriteRow(make([]Cell, MaxCols+1))
		}, "at most"},
		{"too many rows", func(w *Writer) error {
			w.AddSheet(Sheet{Name: "a"})
			w.sheets[0].rows = MaxRows
			return w.WriteRow(nil)
		}, "more than"},
		{"sticky", func(w *Writer) error {
			w.AddSheet(Sheet{Name: "a:b"})
			w.AddSheet(Sheet{Name: "ok"})
			return w.Close()
		}, "not allowed"},
	}
	for _, tc := range tests {
		err := tc.run(NewWriter(io.Discard))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "xlsx: ") {
			t.Errorf("%s: error %v, want one with %q", tc.name, err, tc.want)
		}
	}
	w := NewWriter(failWriter{})
	w.AddSheet(Sheet{Name: "a"})
	for range 1000 {
		w.WriteRow([]Cell{Text(strings.Repeat("x", 1000))})
	}
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("a failing destination: %v", err)
	}
}
