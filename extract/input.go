package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/whosaid/whosaid/internal/fileio"
)

// Input is one document read from a file, a folder, standard input or a
// JSONL corpus. Err is set when the document could not be read; the batch
// goes on with the next one.
type Input struct {
	ID   string // the file path, "-" for standard input, or the JSONL id
	Text string
	Err  error
	// Page is set for an HTML page: its metadata and the paragraphs the
	// content extractor left out; Text is then the extracted article.
	Page *Page
	// Meta holds the other fields of a JSONL line than id and text (see
	// Document.Meta).
	Meta map[string]string
	// Line is the line of the JSONL corpus the document came from
	// (counted from 1; 0 for other inputs).
	Line int
	// RecordID is, when Err is set on a JSONL line, the record's own id
	// ("" when the line has none that could be read). Unlike ID, which
	// then names the file and line, it does not depend on where the line
	// stands in the corpus: the JSONL output's error record carries it.
	RecordID string
	// checked is Text as it passed CheckText when it was read: ExtractInput
	// does not check it again while Text is that same string (its bytes
	// and length; a string's bytes do not change).
	checked string
}

// InputOptions say how paths are read.
type InputOptions struct {
	// Globs select files inside folders (default DefaultGlobs).
	Globs []string
	// Format forces the input format: "" (by extension), "text" or "jsonl".
	Format string
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Encoding is the text encoding of the inputs, one of Encodings ("" is
	// auto: UTF-8, or UTF-16 with a byte-order mark).
	Encoding string
	// MaxBytes bounds one document: a file, standard input or a JSONL line
	// (0: DefaultMaxBytes; negative: no bound). A larger one is reported
	// in Input.Err, unread, and the batch goes on.
	MaxBytes int64
	// HTTPClient fetches http(s) URLs (nil: NewHTTPClient(0)).
	HTTPClient *http.Client
	// Context stops the reading between documents when it is done;
	// ReadInputs then returns its error. Nil means never.
	Context context.Context
	// KeepLines makes every line of a JSONL corpus a document: a blank
	// line is reported (Err is ErrBlankLine) instead of skipped, so that
	// a JSONL output can have exactly one line per input line
	// (docs/scale-out.md).
	KeepLines bool
	// KeepMeta keeps the other fields of a JSONL line in Input.Meta, for
	// the doc_… columns (WriterOptions.Columns). Off, a line with other
	// fields is not decoded a second time for them.
	KeepMeta bool
	// BeforeRead, when set, is called with the size of a regular file
	// that is read whole as one document, before it is read (the command
	// lays out the heap for a big document there, so that its read buffer
	// is in the same huge pages as the rest).
	BeforeRead func(size int64)
}

// DefaultMaxBytes is the default bound on one document (4 MiB): a news
// article is a few KiB, and extracting a document takes up to some 200
// times its size in memory on pathological text (docs/reliability.md), so
// that a worker stays under a gigabyte.
const DefaultMaxBytes = 4 << 20

// ReadInputs streams the documents at paths to fn, one at a time, in order:
// files, folders (recursively, sorted, matching Globs), "-" for standard
// input, and JSONL corpora (one {"id", "text"} object per line). The text
// of a document is decoded (Encoding) and checked (CheckText). Errors of
// single documents — a missing or unreadable file, binary data, invalid
// UTF-8, a document over MaxBytes, a JSONL line that is not an object with
// a "text", a blank JSONL line with KeepLines — are passed to fn in
// Input.Err, with the ID naming the file (and line); ReadInputs stops only
// when fn returns an error or the Context is done.
func ReadInputs(paths []string, opt InputOptions, fn func(Input) error) error {
	if len(opt.Globs) == 0 {
		opt.Globs = DefaultGlobs()
	}
	enc, err := NormEncoding(opt.Encoding)
	if err != nil {
		return err
	}
	opt.Encoding = enc
	if opt.MaxBytes == 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	inner := fn
	fn = func(in Input) error {
		if opt.Context != nil {
			if err := opt.Context.Err(); err != nil {
				return err
			}
		}
		if in.Err != nil {
			in.ID = messageID(in.ID)
		}
		return inner(in)
	}
	for _, p := range paths {
		if err := readPath(p, opt, fn); err != nil {
			return err
		}
	}
	return nil
}

// messageID returns the id of a document that failed as it can stand in a
// one-line message (SafeName).
func messageID(id string) string { return SafeName(id) }

// SafeName returns a name (a file name, a document id) as it can stand in
// a one-line message on a terminal: Go-quoted when it holds a character
// that is not printable — control characters (a newline, an escape
// sequence), bidirectional overrides and other format characters that
// would reorder the line — or invalid UTF-8; as it is otherwise.
func SafeName(id string) string { return fileio.SafeName(id) }

// ErrTooLarge is reported for a document over InputOptions.MaxBytes.
var ErrTooLarge = errors.New("document too large")

func tooLarge(size, limit int64) error {
	if size < 0 {
		return fmt.Errorf("%w: more than %s (raise the bound with --max-size)", ErrTooLarge, sizeString(limit))
	}
	return fmt.Errorf("%w: %s, more than %s (raise the bound with --max-size)", ErrTooLarge, sizeString(size), sizeString(limit))
}

func sizeString(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// readAll reads r to the end, but at most limit bytes (limit < 0: no
// bound); size is the expected size, or -1.
func readAll(r io.Reader, limit, size int64) ([]byte, error) {
	if limit >= 0 {
		r = io.LimitReader(r, limit+1)
	}
	var buf []byte
	if size >= 0 {
		if limit >= 0 {
			size = min(size, limit)
		}
		buf = make([]byte, 0, size+1)
	}
	buf, err := readInto(buf, r)
	if err != nil {
		return nil, err
	}
	if limit >= 0 && int64(len(buf)) > limit {
		return nil, tooLarge(-1, limit)
	}
	return buf, nil
}

func readInto(buf []byte, r io.Reader) ([]byte, error) {
	if cap(buf) == 0 {
		buf = make([]byte, 0, 512)
	}
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// textInput decodes data and checks that it is text.
// data is the reader's own buffer, not used again: UTF-8 text is that
// buffer, not a copy (Decode's copy was 16 MB of fresh pages for a 16 MB
// document).
func textInput(id string, data []byte, opt InputOptions) Input {
	var text string
	var err error
	if name, nerr := NormEncoding(opt.Encoding); nerr == nil && asIs(name, data) {
		text = unsafe.String(unsafe.SliceData(data), len(data))
	} else {
		text, err = Decode(data, opt.Encoding)
	}
	if err == nil {
		err = checkDecoded(text, data, opt.Encoding)
	}
	if err != nil {
		return Input{ID: id, Err: err}
	}
	return Input{ID: id, Text: text}
}

// checkDecoded is CheckText with a hint at the encoding to use.
func checkDecoded(text string, raw []byte, enc string) error {
	err := CheckText(text)
	if err == nil || (enc != "auto" && enc != "utf-8") {
		return err
	}
	switch {
	case errors.Is(err, ErrInvalidUTF8):
		return fmt.Errorf("%w; if it is Latin-1 or Windows-1252 text, read it with --encoding windows-1252", err)
	case errors.Is(err, ErrBinary) && looksUTF16(raw):
		return fmt.Errorf("%w; if it is UTF-16 text without a byte-order mark, read it with --encoding utf-16le (or utf-16be)", err)
	}
	return err
}

// looksUTF16 reports whether data reads as UTF-16 of mostly ASCII text: a
// NUL in one of every two bytes.
func looksUTF16(data []byte) bool {
	data = data[:min(len(data), 4096)&^1]
	if len(data) < 4 {
		return false
	}
	var nul [2]int
	for i, b := range data {
		if b == 0 {
			nul[i&1]++
		}
	}
	half := len(data) / 2
	return nul[0] >= half*3/4 && nul[1] == 0 || nul[1] >= half*3/4 && nul[0] == 0
}

func isJSONL(p string, opt InputOptions) bool {
	if opt.Format != "" {
		return opt.Format == "jsonl"
	}
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".jsonl" || ext == ".ndjson"
}

func readPath(p string, opt InputOptions, fn func(Input) error) error {
	if isURL(p) {
		return readURL(p, opt, fn)
	}
	if p == "-" {
		if opt.Stdin == nil {
			return fn(Input{ID: "-", Err: errors.New("no standard input")})
		}
		if opt.Format != "" && opt.Format != "text" && opt.Format != "jsonl" {
			return readStdinAs(opt, fn)
		}
		if opt.Format == "jsonl" {
			return readJSONL("-", opt.Stdin, opt, fn)
		}
		data, err := readAll(opt.Stdin, opt.MaxBytes, -1)
		if err != nil {
			return fn(Input{ID: "-", Err: err})
		}
		return fn(textInput("-", data, opt))
	}
	st, err := os.Stat(p)
	if err != nil {
		return fn(Input{ID: p, Err: fileio.BareError(err)})
	}
	if st.IsDir() {
		return walkDir(p, opt, fn)
	}
	return readFile(p, st, opt, fn)
}

// readFile reads the file p; st is its os.Stat (nil when unknown).
func readFile(p string, st fs.FileInfo, opt InputOptions, fn func(Input) error) error {
	if ownFormat(p, opt) {
		return readFormatted(p, st, opt, fn)
	}
	size := int64(-1)
	if st != nil && st.Mode().IsRegular() {
		size = st.Size()
		if opt.MaxBytes >= 0 && size > opt.MaxBytes && !isJSONL(p, opt) {
			return fn(Input{ID: p, Err: tooLarge(size, opt.MaxBytes)})
		}
	}
	f, err := os.Open(p)
	if err != nil {
		return fn(Input{ID: p, Err: fileio.BareError(err)})
	}
	defer f.Close()
	if st != nil && !st.Mode().IsRegular() && opt.Context != nil {
		// a pipe or device named on the command line: a cancellation
		// ends a read blocked on it
		stop := context.AfterFunc(opt.Context, func() { f.SetReadDeadline(time.Unix(1, 0)) })
		defer stop()
	}
	if isJSONL(p, opt) {
		return readJSONL(p, f, opt, fn)
	}
	if opt.BeforeRead != nil && size >= 0 {
		opt.BeforeRead(size)
	}
	data, err := readAll(f, opt.MaxBytes, size)
	if err != nil {
		return fn(Input{ID: p, Err: fileio.BareError(err)})
	}
	return fn(textInput(p, data, opt))
}

// walkDir reads the matching files of a folder tree in sorted order. It
// does not follow symbolic links to folders, so a link loop cannot trap it
// (a link to a file is read); files that are not regular files (named
// pipes, devices) are reported, not opened, so that none can block it.
func walkDir(root string, opt InputOptions, fn func(Input) error) error {
	type entry struct {
		path string
		err  error
	}
	var files []entry
	start := root
	if lst, err := os.Lstat(root); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		start = root + string(filepath.Separator) // walk the folder a link names
	}
	err := filepath.WalkDir(start, func(path string, d fs.DirEntry, err error) error {
		if opt.Context != nil && opt.Context.Err() != nil {
			return opt.Context.Err()
		}
		if err != nil {
			files = append(files, entry{path, fileio.BareError(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		name := d.Name()
		for _, g := range opt.Globs {
			if ok, _ := filepath.Match(g, name); ok {
				files = append(files, entry{path, irregular(path, d)})
				break
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fn(Input{ID: root, Err: noMatch(opt.Globs)})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	for _, f := range files {
		if f.err != nil {
			if err := fn(Input{ID: f.path, Err: f.err}); err != nil {
				return err
			}
			continue
		}
		if err := readFile(f.path, nil, opt, fn); err != nil {
			return err
		}
	}
	return nil
}

// errNoMatch is reported for a folder in which no file matched the globs.
var errNoMatch = errors.New("no file in the folder matches")

// noMatch returns errNoMatch for the folder patterns globs.
func noMatch(globs []string) error {
	return fmt.Errorf("%w %s (choose others with --glob)", errNoMatch, strings.Join(globs, " "))
}

// irregular returns an error for a folder entry that is not a regular file
// (or a link to one).
func irregular(path string, d fs.DirEntry) error {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		st, err := os.Stat(path)
		if err != nil {
			return fileio.BareError(err)
		}
		mode = st.Mode().Type()
		if st.IsDir() {
			return errors.New("a link to a folder, not followed")
		}
	}
	if mode&fs.ModeType != 0 {
		return fmt.Errorf("not a regular file (%v)", mode.Type())
	}
	return nil
}

// readJSONL streams a JSONL corpus line by line (ScanLines, ReadLine); a
// line is bounded by MaxBytes like a document, and a blank line is skipped
// unless KeepLines asks for its ErrBlankLine.
func readJSONL(name string, r io.Reader, opt InputOptions, fn func(Input) error) error {
	last := 0
	var fnErr error
	err := ScanLines(newDecodeReader(r, opt.Encoding), opt.MaxBytes, func(lineNo int, data []byte, size int64) error {
		last = lineNo
		in := ReadLine(name, lineNo, data, size, opt)
		if errors.Is(in.Err, ErrBlankLine) && !opt.KeepLines {
			return nil
		}
		fnErr = fn(in)
		return fnErr
	})
	if err == nil || err == fnErr {
		return err
	}
	// a read or decoding error: the line is cut or corrupt, and the error
	// stands in its place
	return fn(Input{ID: fmt.Sprintf("%s:%d", name, last+1), Err: fileio.BareError(err), Line: last + 1})
}

// ErrBlankLine is reported for a blank line of a JSONL corpus when
// InputOptions.KeepLines is set.
var ErrBlankLine = errors.New("blank line, no JSON record")

func parseJSONLine(name string, lineNo int, line []byte, keepMeta bool) (Input, bool) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return Input{}, true
	}
	if id, text, ok := quickJSONLine(line, !keepMeta); ok {
		where := func() string { return fmt.Sprintf("%s:%d", name, lineNo) }
		own := "" // the record's own id
		if id == nil || isBlank(*id) {
			w := where()
			id = &w
		} else {
			own = *id
		}
		if len(*id) > MaxIDBytes {
			return Input{ID: where(), Err: longID(len(*id))}, false
		}
		// quickJSONString decodes only valid UTF-8 (a raw byte is read by
		// utf8.DecodeRune, an escape gives a rune that is no surrogate):
		// the size and the NUL bytes are what is left to check
		if err := checkSizeNUL(text); err != nil {
			return Input{ID: where(), Err: fmt.Errorf("%w (id %s)", err, strconv.Quote(*id)), RecordID: own}, false
		}
		return Input{ID: *id, Text: text, checked: text}, false
	}
	return decodeJSONLine(name, lineNo, line, keepMeta), false
}

// MaxIDBytes bounds a JSONL document id: the id is repeated on every row
// of the output, so a long one would multiply the output.
const MaxIDBytes = 1024

func longID(n int) error {
	return fmt.Errorf("id of %s, more than %d bytes", sizeString(int64(n)), MaxIDBytes)
}

// isBlank reports whether s is empty or only white space: such a JSONL id
// is no id, and the document is named by its file and line instead.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// decodeJSONLine decodes a JSONL line (not blank) with encoding/json.
func decodeJSONLine(name string, lineNo int, line []byte, keepMeta bool) Input {
	var rec struct {
		ID   json.RawMessage `json:"id"`
		Text *string         `json:"text"`
	}
	where := fmt.Sprintf("%s:%d", name, lineNo)
	if err := json.Unmarshal(line, &rec); err != nil {
		return Input{ID: where, Err: errors.New(jsonErr(err))}
	}
	id := where
	if len(rec.ID) > 0 && string(rec.ID) != "null" {
		var s string
		if json.Unmarshal(rec.ID, &s) == nil {
			id = s
		} else {
			id = string(rec.ID)
		}
		if isBlank(id) {
			id = where
		}
	}
	if len(id) > MaxIDBytes {
		return Input{ID: where, Err: longID(len(id))}
	}
	own := "" // the record's own id
	if id != where {
		own = id
	}
	if rec.Text == nil {
		if in, ok := jsonlHTML(id, line); ok {
			if keepMeta {
				in.Meta = jsonlMeta(line)
			}
			if in.Err != nil {
				in.RecordID = own
			}
			return in
		}
		msg := `no "text" field`
		if own != "" {
			msg += fmt.Sprintf(" (id %s)", strconv.Quote(id))
		}
		return Input{ID: where, Err: errors.New(msg), RecordID: own}
	}
	if err := CheckText(*rec.Text); err != nil {
		return Input{ID: where, Err: fmt.Errorf("%w (id %s)", err, strconv.Quote(id)), RecordID: own}
	}
	in := Input{ID: id, Text: *rec.Text}
	if keepMeta {
		in.Meta = jsonlMeta(line)
	}
	return in
}

// jsonlMeta returns the fields of a JSONL line other than id and text:
// strings as they are, null left out, other values as their JSON text.
func jsonlMeta(line []byte) map[string]string {
	var all map[string]json.RawMessage
	if json.Unmarshal(line, &all) != nil {
		return nil
	}
	var meta map[string]string
	for k, v := range all {
		if k == "id" || k == "text" || k == "html" || string(v) == "null" {
			continue
		}
		s := string(v)
		if len(v) > 0 && v[0] == '"' {
			json.Unmarshal(v, &s)
		}
		if meta == nil {
			meta = make(map[string]string, len(all))
		}
		meta[k] = s
	}
	return meta
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("not JSON: %v (at byte %d)", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return "a JSON " + te.Value + `, not an object {"id": ..., "text": ...}`
		}
		return fmt.Sprintf("%q is a JSON %s, not a string", te.Field, te.Value)
	}
	return "not a JSON object: " + err.Error()
}
