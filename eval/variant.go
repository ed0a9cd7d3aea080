package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Variants returns the names that ApplyVariant knows, in the order help texts
// give them.
func Variants() []string { return []string{"british", "wrap72"} }

// British rewrites text in the British convention: “ becomes ‘, ” becomes ’
// and the straight " becomes '. Every other character, and so every
// code-point offset, stays as it was.
func British(text string) string {
	return strings.NewReplacer("“", "‘", "”", "’", `"`, "'").Replace(text)
}

// Wrap hard-wraps text as e-mail, wire copy and text taken out of a PDF
// are: every paragraph (line of text) is broken into lines of at most width
// characters, at spaces (a word longer than width keeps a line of its own),
// and paragraphs are separated by one blank line. It returns the wrapped
// text and a function that maps a code-point offset of text to the
// code-point offset of the same character in the wrapped text (an offset
// equal to the text's length maps to the wrapped text's length). A width
// below 1 is 1.
func Wrap(text string, width int) (string, func(int) int) {
	width = max(width, 1)
	src := []rune(text)
	out := make([]rune, 0, len(src)+len(src)/width+16)
	// inserted[k] is the number of characters inserted before src[k]
	inserted := make([]int, len(src)+1)
	added := 0
	col := 0        // characters on the current output line
	lastSpace := -1 // index in out of the last space on the current line
	for i, r := range src {
		inserted[i] = added
		if r == '\n' {
			// a paragraph end: make sure a blank line follows a line of text
			blankBefore := len(out) == 0 || out[len(out)-1] == '\n'
			next := i+1 < len(src) && src[i+1] == '\n'
			out = append(out, '\n')
			if !blankBefore && !next && i+1 < len(src) {
				out = append(out, '\n')
				added++
			}
			col, lastSpace = 0, -1
			continue
		}
		out = append(out, r)
		col++
		if r == ' ' {
			lastSpace = len(out) - 1
		}
		if col > width && lastSpace >= 0 && lastSpace > len(out)-1-col {
			// break the line at its last space: the space becomes the line
			// break, so no offset moves
			out[lastSpace] = '\n'
			col = len(out) - 1 - lastSpace
			lastSpace = -1
			for k := len(out) - col; k < len(out); k++ {
				if out[k] == ' ' {
					lastSpace = k
				}
			}
		}
	}
	inserted[len(src)] = added
	return string(out), func(off int) int {
		if off < 0 {
			return off
		}
		if off > len(src) {
			return off + added
		}
		return off + inserted[off]
	}
}

// ApplyVariant transforms one gold document, a JSON object as a line of a
// gold file holds it, by the named variant: "british" (see British) or
// "wrap72" (see Wrap, at 72 columns). The text is replaced; every offset
// field ("start", "end" and the fields ending in "_start" or "_end") of the
// objects in "quotes", "ignore" and "attributions" is moved with the text,
// and their "text" fields are taken again from the new text. Other fields
// are kept as they are.
func ApplyVariant(name string, line []byte) ([]byte, error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(line, &doc); err != nil {
		return nil, fmt.Errorf("variant %s: %w", name, err)
	}
	var text string
	if err := json.Unmarshal(doc["text"], &text); err != nil {
		return nil, fmt.Errorf("variant %s: the text: %w", name, err)
	}
	var newText string
	move := func(off int) int { return off }
	switch name {
	case "british":
		newText = British(text)
	case "wrap72":
		newText, move = Wrap(text, 72)
	default:
		return nil, fmt.Errorf("unknown variant %q (known: %s)", name, strings.Join(Variants(), ", "))
	}
	runes := []rune(newText)
	raw, err := marshalNoEscape(newText)
	if err != nil {
		return nil, err
	}
	doc["text"] = raw
	for _, key := range []string{"quotes", "ignore", "attributions"} {
		if doc[key] == nil {
			continue
		}
		var items []map[string]json.RawMessage
		if err := json.Unmarshal(doc[key], &items); err != nil {
			continue // not a list of objects: left as it is
		}
		for _, it := range items {
			if err := moveOffsets(it, move, runes); err != nil {
				return nil, fmt.Errorf("variant %s: %s: %w", name, key, err)
			}
		}
		if doc[key], err = marshalNoEscape(items); err != nil {
			return nil, err
		}
	}
	return marshalNoEscape(doc)
}

// moveOffsets moves the offset fields of one annotation and takes its
// "text" again from the new text (runes).
func moveOffsets(it map[string]json.RawMessage, move func(int) int, runes []rune) error {
	for k, v := range it {
		if k != "start" && k != "end" && !strings.HasSuffix(k, "_start") && !strings.HasSuffix(k, "_end") {
			continue
		}
		var off *int
		if err := json.Unmarshal(v, &off); err != nil || off == nil {
			continue // null or not a number: nothing to move
		}
		b, err := json.Marshal(move(*off))
		if err != nil {
			return err
		}
		it[k] = b
	}
	if _, ok := it["text"]; !ok {
		return nil
	}
	var s, e int
	if json.Unmarshal(it["start"], &s) != nil || json.Unmarshal(it["end"], &e) != nil || s < 0 || e > len(runes) || s > e {
		return nil
	}
	b, err := marshalNoEscape(string(runes[s:e]))
	if err != nil {
		return err
	}
	it["text"] = b
	return nil
}

// marshalNoEscape is json.Marshal without the escaping of <, > and &, and
// without a trailing newline, so that a rewritten file reads like the
// original.
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// WriteVariant reads a gold JSONL file from r and writes it to w with
// every document transformed by the named variant (see ApplyVariant).
// Blank lines are kept out.
func WriteVariant(name string, r io.Reader, w io.Writer) error {
	if !slices.Contains(Variants(), name) {
		return fmt.Errorf("unknown variant %q (known: %s)", name, strings.Join(Variants(), ", "))
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	bw := bufio.NewWriter(w)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		out, err := ApplyVariant(name, line)
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		bw.Write(out)
		bw.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", n+1, err)
	}
	return bw.Flush()
}
