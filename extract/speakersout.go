package extract

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// SpeakerFormats returns the output formats of the speakers table.
func SpeakerFormats() []string { return []string{"table", "csv", "tsv", "json", "jsonl", "xlsx"} }

// SpeakerWriterOptions tune a SpeakerWriter.
type SpeakerWriterOptions struct {
	// ByDoc writes the speakers of each document apart: rows start with
	// the document's id and have no documents column.
	ByDoc bool
	// BOM starts CSV and TSV output with a UTF-8 byte-order mark.
	BOM bool
	// Reported adds a column of statements of reported speech.
	Reported bool
}

// SpeakerWriter writes speaker rows in one format.
type SpeakerWriter interface {
	// WriteSpeaker writes one speaker; doc is the document's id with
	// ByDoc, else "".
	WriteSpeaker(doc string, s CorpusSpeaker) error
	// Close writes what is pending.
	Close() error
}

// speakerColumn is one column of the speakers table.
type speakerColumn struct {
	name string
	text func(doc string, s *CorpusSpeaker) string
}

// speakerColumns returns the columns of the speakers table: the corpus
// columns (SpeakerColumns), or with byDoc the document's id first and no
// documents count; with reported, a last column of reported statements.
func speakerColumns(byDoc, reported bool) []speakerColumn {
	name := speakerColumn{"speaker", func(_ string, s *CorpusSpeaker) string { return s.Name }}
	titles := speakerColumn{"titles", func(_ string, s *CorpusSpeaker) string { return strings.Join(s.Titles, "; ") }}
	aliases := speakerColumn{"aliases", func(_ string, s *CorpusSpeaker) string { return strings.Join(s.Aliases, "; ") }}
	quotes := speakerColumn{"quotes", func(_ string, s *CorpusSpeaker) string { return strconv.Itoa(s.Quotes) }}
	cols := []speakerColumn{name, titles, aliases, quotes,
		{"documents", func(_ string, s *CorpusSpeaker) string { return strconv.Itoa(s.Documents) }}}
	if byDoc {
		cols = []speakerColumn{{"doc", func(doc string, _ *CorpusSpeaker) string { return doc }}, name, titles, aliases, quotes}
	}
	if reported {
		cols = append(cols, speakerColumn{"reported", func(_ string, s *CorpusSpeaker) string { return strconv.Itoa(s.Reported) }})
	}
	return cols
}

// NewSpeakerWriter returns a SpeakerWriter for format (one of
// SpeakerFormats). The xlsx format holds the speakers merged across
// documents only (not ByDoc), written by Close.
func NewSpeakerWriter(format string, w io.Writer, opt SpeakerWriterOptions) (SpeakerWriter, error) {
	bw := bufio.NewWriter(w)
	s := &speakerWriter{format: format, byDoc: opt.ByDoc, bw: bw, cols: speakerColumns(opt.ByDoc, opt.Reported)}
	head := make([]string, len(s.cols))
	for i := range s.cols {
		head[i] = s.cols[i].name
	}
	switch format {
	case "csv", "tsv":
		comma := ','
		if format == "tsv" {
			comma = '\t'
		}
		s.cw = newCSV(bw, comma, opt.BOM)
		s.cw.Write(head)
	case "table":
		s.tw = tabwriter.NewWriter(bw, 2, 4, 2, ' ', 0)
		fmt.Fprintln(s.tw, strings.Join(head, "\t"))
	case "json":
		bw.WriteString("[")
	case "jsonl":
	case "xlsx":
		if opt.ByDoc {
			return nil, fmt.Errorf("xlsx lists the speakers merged across documents, not by document")
		}
		return &speakerXLSX{w: w}, nil
	default:
		return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(SpeakerFormats(), ", "))
	}
	return s, nil
}

// speakerWriter writes the text formats of the speakers table.
type speakerWriter struct {
	format string
	byDoc  bool
	cols   []speakerColumn
	bw     *bufio.Writer
	cw     *csv.Writer
	tw     *tabwriter.Writer
	n      int
	err    error
}

// speakerDocJSON is a speaker of one document in JSON.
type speakerDocJSON struct {
	Doc      string   `json:"doc"`
	Name     string   `json:"name"`
	Titles   []string `json:"titles"`
	Aliases  []string `json:"aliases"`
	Quotes   int      `json:"quotes"`
	Reported int      `json:"reported,omitempty"`
}

func (s *speakerWriter) WriteSpeaker(doc string, sp CorpusSpeaker) error {
	if s.err != nil {
		return s.err
	}
	s.n++
	switch s.format {
	case "json", "jsonl":
		var v any = sp
		if s.byDoc {
			v = speakerDocJSON{doc, sp.Name, sp.Titles, sp.Aliases, sp.Quotes, sp.Reported}
		}
		b, err := json.Marshal(v)
		if err != nil {
			s.err = err
			return err
		}
		if s.format == "json" {
			if s.n > 1 {
				s.bw.WriteString(",")
			}
			s.bw.WriteString("\n  ")
		}
		s.bw.Write(b)
		if s.format == "jsonl" {
			s.bw.WriteString("\n")
		}
		return nil
	}
	row := make([]string, len(s.cols))
	for i := range s.cols {
		row[i] = s.cols[i].text(doc, &sp)
	}
	if s.cw != nil {
		for i := range row {
			row[i] = SafeCell(row[i])
		}
		s.err = s.cw.Write(row)
		return s.err
	}
	for i := range row {
		row[i] = TermSafe(row[i])
	}
	fmt.Fprintln(s.tw, strings.Join(row, "\t"))
	return nil
}

func (s *speakerWriter) Close() error {
	if s.err != nil {
		return s.err
	}
	switch {
	case s.cw != nil:
		s.cw.Flush()
		if err := s.cw.Error(); err != nil {
			return err
		}
	case s.tw != nil:
		if err := s.tw.Flush(); err != nil {
			return err
		}
	case s.format == "json":
		s.bw.WriteString("\n]\n")
	}
	return s.bw.Flush()
}

// speakerXLSX holds the speakers until Close writes the workbook.
type speakerXLSX struct {
	w  io.Writer
	sp []CorpusSpeaker
}

func (x *speakerXLSX) WriteSpeaker(_ string, s CorpusSpeaker) error {
	x.sp = append(x.sp, s)
	return nil
}

func (x *speakerXLSX) Close() error { return WriteSpeakersXLSX(x.w, x.sp) }
