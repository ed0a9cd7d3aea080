package extract

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The sheets of the xlsx format.
const (
	xlsxQuotesSheet   = "quotes"
	xlsxSpeakersSheet = "speakers"
)

// xlsxMaxCell is the most characters a spreadsheet cell holds.
const xlsxMaxCell = 32767

// xlsxWriter writes an Excel workbook: a quotes sheet (one row per record,
// the columns of Columns(), or those asked for) and a speakers sheet (the speakers merged across
// the documents). Cells keep their type: offsets, lines and confidences are
// numbers, the rest text cells, never formulas, so a quote that begins with
// "=" is shown, not run. The workbook is written whole by Close.
type xlsxWriter struct {
	w        io.Writer
	f        *excelize.File
	sw       *excelize.StreamWriter
	wrap     int // style id of the wrapped quote cells
	row      int // the last row written
	speakers SpeakerMerge
	cols     []column
}

// xlsxDocWidth is the width of a document column.
const xlsxDocWidth = 24

func newXLSXWriter(w io.Writer, cols []column) (*xlsxWriter, error) {
	if cols == nil {
		cols, _ = resolveColumns(nil)
	}
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", xlsxQuotesSheet); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	sw, err := f.NewStreamWriter(xlsxQuotesSheet)
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	for i := range cols {
		wd := float64(xlsxDocWidth)
		if f := cols[i].field; f != nil {
			wd = f.width
		}
		if wd > 0 {
			if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
				return nil, fmt.Errorf("xlsx: %w", err)
			}
		}
	}
	head := make([]any, len(cols))
	for i := range cols {
		head[i] = excelize.Cell{StyleID: bold, Value: cols[i].name}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return &xlsxWriter{w: w, f: f, sw: sw, wrap: wrap, row: 1, cols: cols}, nil
}

func (w *xlsxWriter) WriteDoc(d *Document) error {
	w.speakers.Add(d)
	for i := range d.Quotes {
		cells, err := w.cells(d, &d.Quotes[i])
		if err != nil {
			return fmt.Errorf("xlsx: document %s: %w", d.ID, err)
		}
		w.row++
		cell, _ := excelize.CoordinatesToCellName(1, w.row)
		if err := w.sw.SetRow(cell, cells); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	return nil
}

// cells returns the record's cells in the order of the columns, as
// numbers in the numeric columns.
func (w *xlsxWriter) cells(d *Document, r *Record) ([]any, error) {
	out := make([]any, len(w.cols))
	for i := range w.cols {
		col := &w.cols[i]
		v := col.text(d, r)
		var c any
		switch {
		case col.numeric() && v != "":
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				c = n
			} else if f, err := strconv.ParseFloat(v, 64); err == nil {
				c = f
			} else {
				c = xlsxText(v)
			}
		case v != "":
			c = xlsxText(v)
		}
		if col.field != nil && col.field.wrap {
			c = excelize.Cell{StyleID: w.wrap, Value: c}
		}
		out[i] = c
	}
	return out, nil
}

// xlsxText makes s fit a cell: characters that XML cannot hold become
// U+FFFD, and the text is cut to the most a cell holds.
func xlsxText(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff {
			clean = false
			break
		}
	}
	if !clean {
		s = strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff {
				return utf8.RuneError
			}
			return r
		}, s)
	}
	if utf8.RuneCountInString(s) > xlsxMaxCell {
		s = string([]rune(s)[:xlsxMaxCell-1]) + "…"
	}
	return s
}

func (w *xlsxWriter) Close() error {
	defer w.f.Close()
	if err := w.sw.Flush(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	last, _ := excelize.CoordinatesToCellName(len(w.cols), max(w.row, 2))
	if err := w.f.AutoFilter(xlsxQuotesSheet, "A1:"+last, nil); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := writeSpeakerSheet(w.f, w.speakers.Speakers()); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	bw := bufio.NewWriterSize(w.w, 64<<10)
	if _, err := w.f.WriteTo(bw); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return bw.Flush()
}

// SpeakerColumns returns the header of the speakers table of the xlsx and
// CSV outputs, a new slice at each call.
func SpeakerColumns() []string {
	var out []string
	for _, c := range speakerColumns(false, false) {
		out = append(out, c.name)
	}
	return out
}

// WriteSpeakersXLSX writes a workbook of one sheet, the speakers.
func WriteSpeakersXLSX(w io.Writer, sp []CorpusSpeaker) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", xlsxSpeakersSheet); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := writeSpeakerSheet(f, sp); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := f.WriteTo(bw); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return bw.Flush()
}

// writeSpeakerSheet writes the speakers sheet of f (made when missing). It
// does not stream: excelize writes the streams of a workbook in map order,
// so one stream (the quotes) is the most that keeps the file's bytes the
// same from run to run.
func writeSpeakerSheet(f *excelize.File, sp []CorpusSpeaker) error {
	const sheet = xlsxSpeakersSheet
	if i, _ := f.GetSheetIndex(sheet); i < 0 {
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, wd := range []float64{28, 48, 32, 9, 11} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, wd); err != nil {
			return err
		}
	}
	cols := SpeakerColumns()
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = c
	}
	if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
		return err
	}
	for i, s := range sp {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{xlsxText(s.Name), xlsxText(strings.Join(s.Titles, "; ")), xlsxText(strings.Join(s.Aliases, "; ")), s.Quotes, s.Documents}
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), max(len(sp)+1, 2))
	return f.AutoFilter(sheet, "A1:"+last, nil)
}
