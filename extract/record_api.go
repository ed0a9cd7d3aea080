package extract

// One record in, one Input out: the reading of ReadInputs cut at the
// record, for engines that read the files themselves and spread their
// records over workers (the Beam pipeline, cmd/whosaid-beam). A reader
// splits a JSONL file into lines with ScanLines; any worker turns a line
// into the Input that ReadInputs would have given for it with ReadLine.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// ScanLines calls fn with each line of the JSONL stream r, as ReadInputs
// cuts a JSONL file: line numbers count from 1, data is the line without
// its newline, size its length with it. A line over maxBytes (0:
// DefaultMaxBytes, negative: no bound) is not kept: fn gets data nil and
// the line's size, which ReadLine turns into the error ReadInputs gives.
// ScanLines returns the first error of reading r or of fn.
func ScanLines(r io.Reader, maxBytes int64, fn func(line int, data []byte, size int64) error) error {
	if maxBytes == 0 {
		maxBytes = DefaultMaxBytes
	}
	br := bufio.NewReaderSize(r, 1<<16)
	var buf []byte
	for lineNo := 1; ; lineNo++ {
		buf = buf[:0]
		var n int64
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			n += int64(len(chunk))
			if maxBytes < 0 || n <= maxBytes+1 { // +1: the newline
				buf = append(buf, chunk...)
			} else {
				buf = nil
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return err
		}
		if n > 0 || err == nil {
			data := buf
			if data != nil {
				data = bytes.TrimSuffix(data, []byte("\n"))
			}
			if ferr := fn(lineNo, data, n); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// ReadLine returns the Input of line lineNo (from 1) of the JSONL file
// name, as ReadInputs gives it with KeepLines: the record's id, or
// "name:LINE" when it has none; an error in Input.Err for a line that is
// not a record (not JSON, no text, binary or invalid text, an id over
// MaxIDBytes, blank: ErrBlankLine) or whose size is over opt.MaxBytes.
// data is the line without its newline and size its length with it
// (ScanLines gives both); data is nil for a line over the bound. The text is UTF-8
// (opt.Encoding is not applied: decode the stream before cutting it).
func ReadLine(name string, lineNo int, data []byte, size int64, opt InputOptions) Input {
	limit := opt.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	where := func() string { return fmt.Sprintf("%s:%d", name, lineNo) }
	size = max(size, int64(len(data)))
	if limit >= 0 && size > limit+1 {
		return Input{ID: messageID(where()), Err: fmt.Errorf("line of %s: %w", sizeString(size), tooLarge(-1, limit)), Line: lineNo}
	}
	if lineNo == 1 {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark is no part of the record
	}
	in, skip := parseJSONLine(name, lineNo, data, opt.KeepMeta)
	if skip {
		in = Input{ID: where(), Err: ErrBlankLine}
	}
	in.Line = lineNo
	if in.Err != nil {
		in.ID = messageID(in.ID)
	}
	return in
}

// ReadDocument returns the Input of a whole document read from the file
// name, as ReadInputs gives it for a file of that name: decoded by its
// format (text or HTML by name's extension or opt.Format; opt.Encoding),
// checked, bounded by opt.MaxBytes. size is the file's size, which may be
// more than len(data) when the reader stopped past the bound (0 or less:
// len(data)). A JSONL file is no one document: its lines go through
// ReadLine.
func ReadDocument(name string, data []byte, size int64, opt InputOptions) Input {
	limit := opt.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	enc, err := NormEncoding(opt.Encoding)
	if err != nil {
		return Input{ID: messageID(name), Err: err}
	}
	opt.Encoding = enc
	f, _ := formatOf(name, opt)
	var in Input
	switch {
	case f.whole == nil:
		in = Input{ID: name, Err: fmt.Errorf("a %s file holds records, not one document", f.name)}
	case limit >= 0 && max(size, int64(len(data))) > limit:
		in = Input{ID: name, Err: tooLarge(max(size, int64(len(data))), limit)}
	default:
		in = f.whole(name, data, opt)
	}
	if in.Err != nil {
		in.ID = messageID(in.ID)
	}
	return in
}
