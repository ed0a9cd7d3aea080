// Package xlsx writes Office Open XML workbooks (.xlsx): sheets of text
// and number cells, column widths, a frozen header row, an autofilter and
// three cell styles. It is the part of a spreadsheet library that whosaid's
// output needs, and no more: no shared-strings table (text cells are inline
// strings), no formulas, no reading.
//
// A workbook is a zip of a few XML parts. The rows of each sheet are
// written to the zip as they come, so memory stays flat however many rows
// there are; the parts that depend on all the sheets (the workbook, its
// relationships, the content types) are written by Close. The bytes of a
// workbook depend on its content alone (no time stamps).
package xlsx

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Limits of a worksheet and of a cell, as Excel enforces them.
const (
	MaxRows     = 1 << 20 // rows of a sheet
	MaxCols     = 1 << 14 // columns of a sheet
	MaxCellText = 32767   // UTF-16 code units of a text cell
)

// Sheet describes a worksheet.
type Sheet struct {
	// Name is the sheet's tab: 1 to 31 characters, none of : \ / ? * [ ],
	// not beginning or ending with an apostrophe, unique in the workbook.
	Name string
	// Widths are the widths of the first columns in characters; 0 keeps a
	// column's default width.
	Widths []float64
	// FreezeHeader keeps the first row in view when the rows scroll.
	FreezeHeader bool
	// AutoFilter puts a filter on the first row over all the rows written
	// and over the columns of Widths or of the widest row, whichever is
	// more.
	AutoFilter bool
}

// Writer writes a workbook: AddSheet, then its rows, for each sheet, then
// Close. The first error sticks: later calls return it.
type Writer struct {
	bw     *bufio.Writer // over the destination
	zw     *zip.Writer
	sheets []sheetState
	part   *bufio.Writer // over the zip entry of the current sheet
	row    []byte        // scratch for one row
	err    error
	closed bool
}

// sheetState is a sheet being or having been written.
type sheetState struct {
	Sheet
	rows, cols int // rows written, the widest row
}

// NewWriter returns a Writer of a workbook to w.
func NewWriter(w io.Writer) *Writer {
	bw := bufio.NewWriterSize(w, 64<<10)
	return &Writer{bw: bw, zw: zip.NewWriter(bw)}
}

// AddSheet ends the current sheet, if any, and starts s: the rows written
// next are its rows.
func (w *Writer) AddSheet(s Sheet) error {
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return errors.New("xlsx: sheet added after Close")
	}
	if err := checkName(s.Name); err != nil {
		return w.fail(err)
	}
	for i := range w.sheets {
		if strings.EqualFold(w.sheets[i].Name, s.Name) {
			return w.fail(fmt.Errorf("xlsx: two sheets named %q", s.Name))
		}
	}
	if len(s.Widths) > MaxCols {
		return w.fail(fmt.Errorf("xlsx: sheet %q: %d column widths, at most %d columns", s.Name, len(s.Widths), MaxCols))
	}
	if err := w.endSheet(); err != nil {
		return err
	}
	w.sheets = append(w.sheets, sheetState{Sheet: s})
	n := len(w.sheets)
	f, err := w.zw.Create("xl/worksheets/sheet" + strconv.Itoa(n) + ".xml")
	if err != nil {
		return w.fail(fmt.Errorf("xlsx: sheet %q: %w", s.Name, err))
	}
	w.part = bufio.NewWriterSize(f, 32<<10)
	w.part.WriteString(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><sheetViews><sheetView`)
	if n == 1 {
		w.part.WriteString(` tabSelected="1"`)
	}
	w.part.WriteString(` workbookViewId="0">`)
	if s.FreezeHeader {
		w.part.WriteString(`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>`)
	}
	w.part.WriteString(`</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	b := w.row[:0]
	opened := false
	for i, wd := range s.Widths {
		if wd <= 0 {
			continue
		}
		if !opened {
			b = append(b, "<cols>"...)
			opened = true
		}
		b = append(b, `<col min="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" max="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" width="`...)
		b = strconv.AppendFloat(b, wd, 'f', -1, 64)
		b = append(b, `" customWidth="1"/>`...)
	}
	if opened {
		b = append(b, "</cols>"...)
	}
	b = append(b, "<sheetData>"...)
	w.row = b
	_, err = w.part.Write(b)
	return w.fail(err)
}

// WriteRow writes the next row of the current sheet, its cells from
// column A on.
func (w *Writer) WriteRow(cells []Cell) error {
	if w.err != nil {
		return w.err
	}
	if w.part == nil {
		return w.fail(errors.New("xlsx: a row before the first sheet"))
	}
	s := &w.sheets[len(w.sheets)-1]
	if s.rows >= MaxRows {
		return w.fail(fmt.Errorf("xlsx: sheet %q: more than %d rows", s.Name, MaxRows))
	}
	if len(cells) > MaxCols {
		return w.fail(fmt.Errorf("xlsx: sheet %q: a row of %d cells, at most %d columns", s.Name, len(cells), MaxCols))
	}
	s.rows++
	s.cols = max(s.cols, len(cells))
	r := strconv.Itoa(s.rows)
	b := append(w.row[:0], `<row r="`...)
	b = append(b, r...)
	b = append(b, `">`...)
	for i := range cells {
		c := &cells[i]
		if c.kind == kindEmpty && c.style == Plain {
			continue
		}
		b = append(b, `<c r="`...)
		b = appendColumn(b, i)
		b = append(b, r...)
		b = append(b, '"')
		if c.style != Plain {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(c.style), 10)
			b = append(b, '"')
		}
		switch c.kind {
		case kindEmpty:
			b = append(b, "/>"...)
		case kindNumber:
			b = append(b, "><v>"...)
			b = append(b, c.v...)
			b = append(b, "</v></c>"...)
		case kindText:
			b = append(b, ` t="inlineStr"><is><t`...)
			b = appendText(b, c.v)
			b = append(b, "</t></is></c>"...)
		}
	}
	b = append(b, "</row>"...)
	w.row = b
	_, err := w.part.Write(b)
	return w.fail(err)
}

// endSheet closes the XML of the current sheet, if any.
func (w *Writer) endSheet() error {
	if w.part == nil {
		return nil
	}
	s := &w.sheets[len(w.sheets)-1]
	w.part.WriteString("</sheetData>")
	if s.AutoFilter {
		w.part.WriteString(`<autoFilter ref="` + filterRange(s, false) + `"/>`)
	}
	w.part.WriteString("</worksheet>")
	err := w.part.Flush()
	w.part = nil
	if err != nil {
		return w.fail(fmt.Errorf("xlsx: sheet %q: %w", s.Name, err))
	}
	return nil
}

// Close ends the last sheet, writes the parts that describe the workbook
// and flushes the zip to the destination. A workbook needs a sheet.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	if len(w.sheets) == 0 {
		return w.fail(errors.New("xlsx: a workbook without sheets"))
	}
	if err := w.endSheet(); err != nil {
		return err
	}
	for _, p := range [...]struct{ name, body string }{
		{"xl/workbook.xml", w.workbook()},
		{"xl/_rels/workbook.xml.rels", w.workbookRels()},
		{"xl/styles.xml", styles},
		{"_rels/.rels", packageRels},
		{"[Content_Types].xml", w.contentTypes()},
	} {
		f, err := w.zw.Create(p.name)
		if err != nil {
			return w.fail(fmt.Errorf("xlsx: %s: %w", p.name, err))
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return w.fail(fmt.Errorf("xlsx: %s: %w", p.name, err))
		}
	}
	if err := w.zw.Close(); err != nil {
		return w.fail(fmt.Errorf("xlsx: %w", err))
	}
	if err := w.bw.Flush(); err != nil {
		return w.fail(fmt.Errorf("xlsx: %w", err))
	}
	return nil
}

// fail records err, the first error, and returns it.
func (w *Writer) fail(err error) error {
	if err != nil && w.err == nil {
		if !strings.HasPrefix(err.Error(), "xlsx:") {
			err = fmt.Errorf("xlsx: %w", err)
		}
		w.err = err
	}
	return err
}

// filterRange is the range of a sheet's autofilter: the header row and
// the rows below it (at least one), over its columns. Absolute gives the
// $A$1:$B$2 form of a defined name.
func filterRange(s *sheetState, absolute bool) string {
	cols := max(len(s.Widths), s.cols, 1)
	rows := strconv.Itoa(max(s.rows, 2))
	last := string(appendColumn(nil, cols-1))
	if absolute {
		return "$A$1:$" + last + "$" + rows
	}
	return "A1:" + last + rows
}

// appendColumn appends the letters of the column of index i (0: A).
func appendColumn(b []byte, i int) []byte {
	var buf [4]byte
	k := len(buf)
	for i++; i > 0; i = (i - 1) / 26 {
		k--
		buf[k] = byte('A' + (i-1)%26)
	}
	return append(b, buf[k:]...)
}
