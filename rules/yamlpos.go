package rules

// The decoder's positions and the YAML parser's errors: every problem of a
// rule file is reported at its file:line:col.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

type decoder struct {
	file  string
	src   Source
	errs  *ErrorList
	lines []string // the source split into lines, on demand
	// fromStatic: the load has the static data (see static.go): read the
	// file's tree without its lists and rule tests, which the loader takes
	// from the data, and leave lists uncompiled
	fromStatic bool
	// cleanKeys, nestedKeys: the keys a cleanup rule and its prev: and
	// next: accept (cleanupKeys, nestedKeys), made at the file's first rule
	cleanKeys, nestedKeys []string
	// snap is the header of the embedded snapshot, shared by the decoders
	// of one load (nil: each reads it)
	snap *snapshotIndex
	// patterns holds the memory of the patterns of the load, shared by its
	// decoders (nil: each pattern its own)
	patterns *patternBlocks
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) errf(n *yaml.Node, format string, args ...any) {
	*d.errs = append(*d.errs, &Error{Pos: d.pos(n), Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) errAt(p Pos, format string, args ...any) {
	*d.errs = append(*d.errs, &Error{Pos: p, Msg: fmt.Sprintf(format, args...)})
}

// line returns the 1-based line i of the source, without its line ending.
func (d *decoder) line(i int) (string, bool) {
	if d.lines == nil {
		d.lines = yamlLines(string(d.src.Data))
	}
	if i < 1 || i > len(d.lines) {
		return "", false
	}
	return d.lines[i-1], true
}

// yamlLines splits s into lines at the line breaks of YAML: \n, \r\n, \r,
// and U+0085, U+2028, U+2029.
func yamlLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\r':
			if strings.HasPrefix(s[i+1:], "\n") {
				n++
			}
			fallthrough
		case '\n', '\u0085', '\u2028', '\u2029':
			out = append(out, s[start:i])
			start = i + n
		}
		i += n
	}
	return append(out, s[start:])
}

// valuePos returns the position in the file of byte off of the scalar n's
// value: exact for one-line plain, single- and double-quoted scalars and for
// literal blocks (|), and n's own position where the text was folded.
func (d *decoder) valuePos(n *yaml.Node, off int) Pos {
	p := d.pos(n)
	v := n.Value
	if off < 0 || off > len(v) {
		return p
	}
	line, ok := d.line(n.Line)
	if !ok {
		return p
	}
	rest := runeSuffix(line, n.Column-1)
	switch {
	case n.Style&yaml.LiteralStyle != 0:
		k := strings.Count(v[:off], "\n")
		ls := v[strings.LastIndexByte(v[:off], '\n')+1:]
		ls = ls[:strings.IndexByte(ls+"\n", '\n')]
		raw, ok := d.line(n.Line + 1 + k)
		if !ok {
			return p
		}
		indent := -1 // the block's indentation: that of its first non-blank line
		for i := n.Line + 1; indent < 0; i++ {
			l, ok := d.line(i)
			if !ok {
				return p
			}
			if strings.TrimSpace(l) != "" {
				indent = len(l) - len(strings.TrimLeft(l, " "))
			}
		}
		if indent > len(raw) || !strings.HasPrefix(raw[indent:], ls) {
			return p
		}
		col := off - (strings.LastIndexByte(v[:off], '\n') + 1)
		return Pos{File: d.file, Line: n.Line + 1 + k, Col: indent + 1 + utf8.RuneCountInString(ls[:col])}
	case n.Style&yaml.FoldedStyle != 0:
		return p
	case n.Style&yaml.SingleQuotedStyle != 0, n.Style&yaml.DoubleQuotedStyle != 0:
		if !strings.HasPrefix(rest, "'") && !strings.HasPrefix(rest, `"`) {
			return p
		}
		raw := rest[1:]
		ri, vi := 0, 0
		for vi < off {
			if ri >= len(raw) {
				return p // the scalar goes on over more lines
			}
			_, vn := utf8.DecodeRuneInString(v[vi:])
			switch {
			case n.Style&yaml.SingleQuotedStyle != 0 && strings.HasPrefix(raw[ri:], "''"):
				ri += 2
			case n.Style&yaml.SingleQuotedStyle != 0 && raw[ri] == '\'',
				n.Style&yaml.DoubleQuotedStyle != 0 && raw[ri] == '"':
				return p // closed before off: folded text
			case n.Style&yaml.DoubleQuotedStyle != 0 && raw[ri] == '\\':
				ri += escapeLen(raw[ri:])
			default:
				_, rn := utf8.DecodeRuneInString(raw[ri:])
				ri += rn
			}
			vi += vn
		}
		if ri > len(raw) {
			return p
		}
		return Pos{File: d.file, Line: n.Line, Col: n.Column + 1 + utf8.RuneCountInString(raw[:ri])}
	default:
		if !strings.HasPrefix(rest, v) {
			return p // a plain scalar over several lines
		}
		return Pos{File: d.file, Line: n.Line, Col: n.Column + utf8.RuneCountInString(v[:off])}
	}
}

// escapeLen is the length of the YAML double-quoted escape at the start of s.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case 'x':
		return min(4, len(s))
	case 'u':
		return min(6, len(s))
	case 'U':
		return min(10, len(s))
	}
	_, n := utf8.DecodeRuneInString(s[1:])
	return 1 + n
}

// runeSuffix returns s without its first n runes.
func runeSuffix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[i:]
		}
		n--
	}
	return ""
}

// runeOffset returns the byte offset of the 1-based rune column col of s.
func runeOffset(s string, col int) int {
	k := 1
	for i := range s {
		if k == col {
			return i
		}
		k++
	}
	return len(s)
}

// yamlLineRE reads the line of a YAML parser message; compiled on first
// use (an error path), not at every start.
var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// parse reads the one YAML document of the file; it returns nil after
// reporting a problem.
func (d *decoder) parse() (root *yaml.Node) {
	if d.fromStatic {
		// the lists and rule tests come from the static data: the tree
		// without them, laid out by the linker (static_trees.go)
		if root := staticTreeRoot(d.src.Name); root != nil {
			return root
		}
	}
	if root := snapshotRoot(d.src, d.snap); root != nil {
		return root // an embedded default file, parsed when it was built
	}
	defer func() {
		if r := recover(); r != nil {
			d.errAt(Pos{File: d.file}, "YAML syntax: the parser failed: %v", r)
			root = nil
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(d.src.Data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errAt(Pos{File: d.file}, "empty rule file (want at least `version: %d`)", Version)
			return nil
		}
		d.syntaxError(err)
		return nil
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		d.errf(&next, "a rule file holds one YAML document; this is a second one (remove the `---` line or split the file)")
	case !errors.Is(err, io.EOF):
		d.syntaxError(err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null" {
		d.errAt(Pos{File: d.file}, "empty rule file (want at least `version: %d`)", Version)
		return nil
	}
	return doc.Content[0]
}

func (d *decoder) syntaxError(err error) {
	msg, line := splitYAMLError(err)
	if l := d.firstFailingLine(msg); l > 0 {
		line = l
	}
	d.errAt(Pos{File: d.file, Line: line}, "YAML syntax: %s", msg)
}

// splitYAMLError splits a yaml.v3 error into its message and line (0 when
// it names none).
func splitYAMLError(err error) (string, int) {
	msg := err.Error()
	if m := yamlLineRE().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return m[2], line
	}
	return strings.TrimPrefix(msg, "yaml: "), 0
}

// firstFailingLine returns the first line L such that the file's first L
// lines fail to parse with the message msg, or 0. yaml.v3 reports parser
// errors at the line before the construct they concern (it gives a
// 0-based context line), not where the problem is; the shortest failing
// prefix ends on the line where the problem is (or, for a bracket or quote
// that is never closed, where it opens). It is found by bisection, taking
// "fails with msg" to hold for every prefix longer than the first that does.
func (d *decoder) firstFailingLine(msg string) int {
	data := d.src.Data
	var ends []int // ends[i]: the end of line i+1, its line break included
	end := 0
	for _, l := range yamlLines(string(data)) {
		end += len(l)
		if end < len(data) {
			_, n := utf8.DecodeRune(data[end:])
			if data[end] == '\r' && end+1 < len(data) && data[end+1] == '\n' {
				n = 2
			}
			end += n
		}
		ends = append(ends, end)
	}
	fails := func(i int) bool {
		err := tryParse(data[:ends[i]])
		if err == nil {
			return false
		}
		m, _ := splitYAMLError(err)
		return m == msg
	}
	lo, hi := 0, len(ends)-1 // the answer is in [lo, hi]
	if !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo + 1
}

// tryParse parses YAML data (all its documents), turning a panic of the
// parser into an error.
func tryParse(data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the parser failed: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// patternAt maps a 1-based column of a rule's pattern source to its file
// position: the pattern node's position and style, not the node (152 bytes
// a rule, and the tree's memory is reused by the next file:
// snapshotIndex).
type patternAt struct {
	d            *decoder
	src          string
	kind         yaml.Kind
	style        yaml.Style
	line, column int
}

// pos returns the file position of column col of the pattern.
func (a *patternAt) pos(col int) Pos {
	at := yaml.Node{Kind: a.kind, Style: a.style, Value: a.src, Line: a.line, Column: a.column}
	return a.d.valuePos(&at, runeOffset(a.src, col))
}
