package extract

import (
	"bufio"
	"encoding/json"
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
// the columns of Columns) and a speakers sheet (the speakers merged across
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
	numeric  []bool // per column of Columns: holds numbers
}

// xlsxWidths are the widths of the columns that are wider or narrower than
// the default, in characters.
var xlsxWidths = map[string]float64{
	"doc": 18, "id": 6, "quote": 70, "speaker": 22, "mention": 16, "title": 28, "cue": 12,
	"kind": 10, "status": 11, "rule": 24, "confidence": 11, "line": 6, "sentence": 60,
	"start": 8, "end": 8, "speaker_start": 8, "speaker_end": 8, "cue_start": 8, "cue_end": 8,
}

func newXLSXWriter(w io.Writer) (*xlsxWriter, error) {
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
	for i, c := range Columns {
		if wd, ok := xlsxWidths[c]; ok {
			if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
				return nil, fmt.Errorf("xlsx: %w", err)
			}
		}
	}
	head := make([]any, len(Columns))
	for i, c := range Columns {
		head[i] = excelize.Cell{StyleID: bold, Value: c}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return &xlsxWriter{w: w, f: f, sw: sw, wrap: wrap, row: 1, numeric: numericColumns()}, nil
}

func (w *xlsxWriter) WriteDoc(d *Document) error {
	w.speakers.Add(d)
	for i := range d.Quotes {
		cells, err := w.cells(&d.Quotes[i])
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

// cells returns the record's cells: the values of Row, in Columns order,
// as numbers in the numeric columns.
func (w *xlsxWriter) cells(r *Record) ([]any, error) {
	row := r.Row()
	out := make([]any, len(row))
	for i, v := range row {
		var c any
		switch {
		case i < len(w.numeric) && w.numeric[i] && v != "":
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
		if i < len(Columns) && (Columns[i] == "quote" || Columns[i] == "sentence") {
			c = excelize.Cell{StyleID: w.wrap, Value: c}
		}
		out[i] = c
	}
	return out, nil
}

// numericColumns tells which of Columns hold numbers: those whose field is
// a JSON number in a record with every optional offset set, so that a
// numeric field added to Record and Columns is a number in the sheet too.
func numericColumns() []bool {
	z := 0
	b, err := json.Marshal(&Record{SpeakerStart: &z, SpeakerEnd: &z, CueStart: &z, CueEnd: &z})
	var m map[string]json.RawMessage
	if err == nil {
		err = json.Unmarshal(b, &m)
	}
	out := make([]bool, len(Columns))
	if err != nil {
		return out
	}
	for i, c := range Columns {
		if v := m[c]; len(v) > 0 && (v[0] == '-' || '0' <= v[0] && v[0] <= '9') {
			out[i] = true
		}
	}
	return out
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
	last, _ := excelize.CoordinatesToCellName(len(Columns), max(w.row, 2))
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

// SpeakerColumns is the header of the speakers table of the xlsx and CSV
// outputs.
var SpeakerColumns = []string{"speaker", "titles", "aliases", "quotes", "documents"}

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
	head := make([]any, len(SpeakerColumns))
	for i, c := range SpeakerColumns {
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
	last, _ := excelize.CoordinatesToCellName(len(SpeakerColumns), max(len(sp)+1, 2))
	return f.AutoFilter(sheet, "A1:"+last, nil)
}
