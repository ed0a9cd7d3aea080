package extract

// The JSONL output's error record: a document that could not be read or
// extracted still gets its line, {"id":…,"error":…}, so that the output
// has one line per input document — per input line for a JSONL corpus
// read with InputOptions.KeepLines — in order (docs/scale-out.md).

// errorRecorder is a Writer that writes a line for a failed document.
type errorRecorder interface {
	writeError(r Result) error
}

// WriteError writes the error record of a result whose Err is set, when
// the format has one (JSONL); it writes nothing for the other formats,
// which leave a failed document out, and for a result without an error.
func WriteError(w Writer, r Result) error {
	er, ok := w.(errorRecorder)
	if !ok || r.Err == nil {
		return nil
	}
	return er.writeError(r)
}

// writeError writes r's error record as one JSON line.
func (w *jsonlWriter) writeError(r Result) error {
	_, err := w.bw.Write(appendErrorJSON(nil, r))
	return err
}

// appendErrorJSON appends the error record of r and a newline. Its id is
// the document's id, but for a JSONL line that failed it is the record's
// own id, or null when the line had none: never the file and line that
// Input.ID then holds, so that the record does not depend on where the
// line stands — a corpus cut into chunks (GNU parallel --pipe, Hadoop
// splits) gives the same records as the whole.
func appendErrorJSON(dst []byte, r Result) []byte {
	dst = append(dst, `{"id":`...)
	switch in := r.Input; {
	case in.Line > 0 && in.Err != nil && in.RecordID == "":
		dst = append(dst, "null"...)
	case in.Line > 0 && in.Err != nil:
		dst = appendJSONString(dst, in.RecordID)
	default:
		dst = appendJSONString(dst, in.ID)
	}
	dst = append(dst, `,"error":`...)
	dst = appendJSONString(dst, r.Err.Error())
	return append(dst, "}\n"...)
}
