package extract

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/internal/xlsx"
)

// The sheets of the xlsx format.
const (
	xlsxQuotesSheet   = "quotes"
	xlsxSpeakersSheet = "speakers"
)

// xlsxWriter writes an Excel workbook: a quotes sheet (one row per record,
// the columns of Columns(), or those asked for) and a speakers sheet (the speakers merged across
// the documents). Cells keep their type: offsets, lines and confidences are
// numbers, the rest text cells, never formulas, so a quote that begins with
// "=" is shown, not run. The quotes are written as they come; the speakers
// sheet and the parts that describe the workbook by Close.
type xlsxWriter struct {
	x        *xlsx.Writer
	speakers SpeakerMerge
	cols     []column
	row      []xlsx.Cell // scratch for one row
}

// xlsxDocWidth is the width of a document column.
const xlsxDocWidth = 24

func newXLSXWriter(w io.Writer, cols []column) (*xlsxWriter, error) {
	if cols == nil {
		cols, _ = resolveColumns(nil)
	}
	widths := make([]float64, len(cols))
	head := make([]xlsx.Cell, len(cols))
	for i := range cols {
		widths[i] = xlsxDocWidth
		if f := cols[i].field; f != nil {
			widths[i] = f.width
		}
		head[i] = xlsx.Text(cols[i].name).In(xlsx.Bold)
	}
	x := xlsx.NewWriter(w)
	if err := x.AddSheet(xlsx.Sheet{Name: xlsxQuotesSheet, Widths: widths, FreezeHeader: true, AutoFilter: true}); err != nil {
		return nil, err
	}
	if err := x.WriteRow(head); err != nil {
		return nil, err
	}
	return &xlsxWriter{x: x, cols: cols, row: head}, nil
}

func (w *xlsxWriter) WriteDoc(d *Document) error {
	w.speakers.Add(d)
	for i := range d.Quotes {
		if err := w.x.WriteRow(w.cells(d, &d.Quotes[i])); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
	}
	return nil
}

// cells returns the record's cells in the order of the columns, as
// numbers in the numeric columns, in w.row.
func (w *xlsxWriter) cells(d *Document, r *Record) []xlsx.Cell {
	out := w.row[:0]
	for i := range w.cols {
		col := &w.cols[i]
		v := col.text(d, r)
		var c xlsx.Cell
		switch {
		case col.numeric() && v != "":
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				c = xlsx.Int(n)
			} else if f, err := strconv.ParseFloat(v, 64); err == nil {
				c = xlsx.Float(f)
			} else {
				c = xlsx.Text(v)
			}
		default:
			c = xlsx.Text(v)
		}
		if col.field != nil && col.field.wrap {
			c = c.In(xlsx.Wrapped)
		}
		out = append(out, c)
	}
	w.row = out
	return out
}

func (w *xlsxWriter) Close() error {
	if err := writeSpeakerSheet(w.x, w.speakers.Speakers()); err != nil {
		w.x.Close()
		return err
	}
	return w.x.Close()
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
	x := xlsx.NewWriter(w)
	if err := writeSpeakerSheet(x, sp); err != nil {
		x.Close()
		return err
	}
	return x.Close()
}

// writeSpeakerSheet adds the speakers sheet to x.
func writeSpeakerSheet(x *xlsx.Writer, sp []CorpusSpeaker) error {
	cols := SpeakerColumns()
	s := xlsx.Sheet{Name: xlsxSpeakersSheet, Widths: []float64{28, 48, 32, 9, 11}, FreezeHeader: true, AutoFilter: true}
	if err := x.AddSheet(s); err != nil {
		return err
	}
	row := make([]xlsx.Cell, len(cols))
	for i, c := range cols {
		row[i] = xlsx.Text(c)
	}
	if err := x.WriteRow(row); err != nil {
		return err
	}
	for i := range sp {
		s := &sp[i]
		row = append(row[:0], xlsx.Text(s.Name), xlsx.Text(strings.Join(s.Titles, "; ")), xlsx.Text(strings.Join(s.Aliases, "; ")),
			xlsx.Int(int64(s.Quotes)), xlsx.Int(int64(s.Documents)))
		if err := x.WriteRow(row); err != nil {
			return err
		}
	}
	return nil
}
