package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Input is one document read from a file, a folder, standard input or a
// JSONL corpus. Err is set when the document could not be read; the batch
// goes on with the next one.
type Input struct {
	ID   string // the file path, "-" for standard input, or the JSONL id
	Text string
	Err  error
}

// InputOptions say how paths are read.
type InputOptions struct {
	// Globs select files inside folders (default *.txt and *.md).
	Globs []string
	// Format forces the input format: "" (by extension), "text" or "jsonl".
	Format string
	// Stdin is read for the path "-".
	Stdin io.Reader
}

// MaxLine bounds one JSONL line (256 MiB).
const MaxLine = 256 << 20

// ReadInputs streams the documents at paths to fn, one at a time, in order:
// files, folders (recursively, sorted, matching Globs), "-" for standard
// input, and JSONL corpora (one {"id", "text"} object per line). Errors of
// single documents are passed to fn in Input.Err; ReadInputs stops only
// when fn returns an error.
func ReadInputs(paths []string, opt InputOptions, fn func(Input) error) error {
	if len(opt.Globs) == 0 {
		opt.Globs = []string{"*.txt", "*.md"}
	}
	for _, p := range paths {
		if err := readPath(p, opt, fn); err != nil {
			return err
		}
	}
	return nil
}

func isJSONL(p string, opt InputOptions) bool {
	if opt.Format != "" {
		return opt.Format == "jsonl"
	}
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".jsonl" || ext == ".ndjson"
}

func readPath(p string, opt InputOptions, fn func(Input) error) error {
	if p == "-" {
		if opt.Stdin == nil {
			return fn(Input{ID: "-", Err: errors.New("no standard input")})
		}
		if opt.Format == "jsonl" {
			return readJSONL("-", opt.Stdin, fn)
		}
		data, err := io.ReadAll(opt.Stdin)
		if err != nil {
			return fn(Input{ID: "-", Err: err})
		}
		return fn(Input{ID: "-", Text: string(data)})
	}
	st, err := os.Stat(p)
	if err != nil {
		return fn(Input{ID: p, Err: ioError(err)})
	}
	if st.IsDir() {
		return walkDir(p, opt, fn)
	}
	return readFile(p, opt, fn)
}

func ioError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(p string, opt InputOptions, fn func(Input) error) error {
	f, err := os.Open(p)
	if err != nil {
		return fn(Input{ID: p, Err: ioError(err)})
	}
	defer f.Close()
	if isJSONL(p, opt) {
		return readJSONL(p, f, fn)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return fn(Input{ID: p, Err: ioError(err)})
	}
	return fn(Input{ID: p, Text: string(data)})
}

// walkDir reads the matching files of a folder tree in sorted order. It
// does not follow symbolic links to folders, so a link loop cannot trap it.
func walkDir(root string, opt InputOptions, fn func(Input) error) error {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, "\x00"+path+"\x00"+ioError(err).Error())
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
				files = append(files, path)
				break
			}
		}
		return nil
	})
	if err != nil {
		return fn(Input{ID: root, Err: err})
	}
	sort.Strings(files)
	for _, f := range files {
		if strings.HasPrefix(f, "\x00") {
			parts := strings.SplitN(f[1:], "\x00", 2)
			if err := fn(Input{ID: parts[0], Err: errors.New(parts[1])}); err != nil {
				return err
			}
			continue
		}
		if err := readFile(f, opt, fn); err != nil {
			return err
		}
	}
	return nil
}

// readJSONL streams a JSONL corpus line by line, with no line-length limit
// below MaxLine.
func readJSONL(name string, r io.Reader, fn func(Input) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	lineNo := 0
	for {
		line, err := readLine(br)
		if len(line) > 0 || err == nil {
			lineNo++
			if in, skip := parseJSONLine(name, lineNo, line); !skip {
				if ferr := fn(in); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fn(Input{ID: fmt.Sprintf("%s:%d", name, lineNo+1), Err: err})
		}
	}
}

func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > MaxLine {
			// skip the rest of the line
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			return nil, fmt.Errorf("line longer than %d MiB", MaxLine>>20)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return buf, err
	}
}

func parseJSONLine(name string, lineNo int, line []byte) (Input, bool) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return Input{}, true
	}
	var rec struct {
		ID   json.RawMessage `json:"id"`
		Text *string         `json:"text"`
	}
	where := fmt.Sprintf("%s:%d", name, lineNo)
	if err := json.Unmarshal(line, &rec); err != nil {
		return Input{ID: where, Err: fmt.Errorf("not a JSON object: %v", jsonErr(err))}, false
	}
	id := where
	if len(rec.ID) > 0 && string(rec.ID) != "null" {
		var s string
		if json.Unmarshal(rec.ID, &s) == nil {
			id = s
		} else {
			id = string(rec.ID)
		}
	}
	if rec.Text == nil {
		return Input{ID: id, Err: fmt.Errorf("%s: no \"text\" field", where)}, false
	}
	return Input{ID: id, Text: *rec.Text}, false
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	return err.Error()
}
