package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"
)

// ReadGold reads a gold JSONL file, one document per line. Like score.py it
// reads UTF-8 only, splits lines at \n, \r\n and \r, and rejects blank
// lines; lines may be of any length. Errors name the line number.
func ReadGold(r io.Reader) ([]GoldDoc, error) {
	var docs []GoldDoc
	err := readLines(r, func(n int, line []byte) error {
		var d GoldDoc
		if err := json.Unmarshal(line, &d); err != nil {
			return fmt.Errorf("gold line %d: %w", n, err)
		}
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// ReadPred reads a predictions JSONL file: one {"id", "quotes"} object per
// line, other fields ignored, quotes of kind "indirect" skipped, a missing or null "quotes" meaning none. A
// later line with the same id replaces an earlier one, as in score.py.
func ReadPred(r io.Reader) (map[string][]PredQuote, error) { return readPred(r, false) }

// ReadPredAll is ReadPred keeping the quotes of kind "indirect": the
// predictions ScoreReported scores.
func ReadPredAll(r io.Reader) (map[string][]PredQuote, error) { return readPred(r, true) }

// readPred reads predictions, with or without the quotes of kind indirect.
func readPred(r io.Reader, indirect bool) (map[string][]PredQuote, error) {
	pred := map[string][]PredQuote{}
	err := readLines(r, func(n int, line []byte) error {
		o, err := decodeObject(line)
		if err != nil {
			return fmt.Errorf("pred line %d: %w", n, err)
		}
		f := fields{o: o}
		id := f.str("id", true)
		quotes := decodeList[PredQuote](&f, "quotes", false)
		if f.err != nil {
			return fmt.Errorf("pred line %d: %w", n, f.err)
		}
		if quotes == nil {
			quotes = []PredQuote{}
		}
		if !indirect {
			quotes = slices.DeleteFunc(quotes, func(q PredQuote) bool { return q.Kind == "indirect" })
		}
		pred[id] = quotes
		return nil
	})
	return pred, err
}

// readLines calls fn on each line of r, numbered from 1, splitting like
// Python's text mode (universal newlines).
func readLines(r io.Reader, fn func(n int, line []byte) error) error {
	br := bufio.NewReader(r)
	n := 0
	for {
		chunk, err := br.ReadBytes('\n')
		if len(chunk) > 0 {
			chunk = bytes.TrimSuffix(chunk, []byte("\n"))
			chunk = bytes.TrimSuffix(chunk, []byte("\r"))
			for _, line := range bytes.Split(chunk, []byte("\r")) {
				n++
				if !utf8.Valid(line) {
					return fmt.Errorf("line %d: invalid UTF-8", n)
				}
				if ferr := fn(n, line); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
	}
}

// object is a decoded JSON object whose keys are matched case-sensitively,
// as in Python (encoding/json alone matches struct fields ignoring case).
type object map[string]json.RawMessage

// decodeObject decodes a JSON object; null or another type is an error.
// decodeInto decodes the JSON object data into *dst with build, which
// reads the object's fields; the first problem of a field is the error, and
// *dst is then left as it was.
func decodeInto[T any](data []byte, dst *T, build func(f *fields) T) error {
	o, err := decodeObject(data)
	if err != nil {
		return err
	}
	f := fields{o: o}
	out := build(&f)
	if f.err != nil {
		return f.err
	}
	*dst = out
	return nil
}

func decodeObject(data []byte) (object, error) {
	var o object
	if err := json.Unmarshal(data, &o); err != nil {
		return nil, err
	}
	if o == nil {
		return nil, errors.New("expected a JSON object, got null")
	}
	return o, nil
}

// fields reads typed fields from an object, keeping the first error.
type fields struct {
	o   object
	err error
}

// present reports whether key is set and not null; if not and required,
// it records an error.
func (f *fields) present(key string, required bool) bool {
	raw, ok := f.o[key]
	if ok && !bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return true
	}
	if required && f.err == nil {
		f.err = fmt.Errorf("%q is missing or null", key)
	}
	return false
}

// decode unmarshals key into v if it is present.
func (f *fields) decode(key string, v any, required bool) {
	if f.err != nil || !f.present(key, required) {
		return
	}
	if err := json.Unmarshal(f.o[key], v); err != nil {
		f.err = fmt.Errorf("%q: %w", key, err)
	}
}

func (f *fields) integer(key string) int {
	var v int
	f.decode(key, &v, true)
	return v
}

func (f *fields) optInteger(key string) *int {
	var v *int
	f.decode(key, &v, false)
	return v
}

func (f *fields) str(key string, required bool) string {
	var v string
	f.decode(key, &v, required)
	return v
}

func (f *fields) optStr(key string) *string {
	var v *string
	f.decode(key, &v, false)
	return v
}

func (f *fields) boolean(key string) bool {
	var v bool
	f.decode(key, &v, false)
	return v
}

// decodeList decodes the list under key element by element, so that an
// error names the index.
func decodeList[T any](f *fields, key string, required bool) []T {
	var raws []json.RawMessage
	f.decode(key, &raws, required)
	if f.err != nil || raws == nil {
		return nil
	}
	out := make([]T, len(raws))
	for i, raw := range raws {
		if err := json.Unmarshal(raw, &out[i]); err != nil {
			f.err = fmt.Errorf("%s[%d]: %w", key, i, err)
			return nil
		}
	}
	return out
}

// goldSpan reads the fields of a GoldSpan, in the order of its
// declaration ("start" and "end" required); the caller checks the speaker
// offsets (checkSpeakerEnd) once it has read its own fields.
func (f *fields) goldSpan() GoldSpan {
	return GoldSpan{
		Start:            f.integer("start"),
		End:              f.integer("end"),
		Text:             f.str("text", false),
		Speaker:          f.optStr("speaker"),
		SpeakerOffsets:   f.speakerOffsets(),
		SpeakerIsPronoun: f.boolean("speaker_is_pronoun"),
	}
}

// speakerOffsets reads "speaker_start" and "speaker_end", both optional.
func (f *fields) speakerOffsets() SpeakerOffsets {
	return SpeakerOffsets{SpeakerStart: f.optInteger("speaker_start"), SpeakerEnd: f.optInteger("speaker_end")}
}

// checkSpeakerEnd requires speaker_end when speaker_start is set: score.py
// reads it whenever both speaker starts are set, and would crash.
func (f *fields) checkSpeakerEnd(m SpeakerOffsets) {
	if f.err == nil && m.SpeakerStart != nil && m.SpeakerEnd == nil {
		f.err = errors.New(`"speaker_start" is set but "speaker_end" is missing or null`)
	}
}

// UnmarshalJSON decodes a gold document; "id", "text" and "quotes" are
// required, as score.py reads them unconditionally ("quotes" not in a file
// of attributions, which score_reported.py reads).
func (d *GoldDoc) UnmarshalJSON(data []byte) error {
	return decodeInto(data, d, func(f *fields) GoldDoc {
		_, reported := f.o["attributions"] // a *-reported.jsonl file has no quotes
		out := GoldDoc{
			ID:           f.str("id", true),
			Text:         f.str("text", true),
			Quotes:       decodeList[GoldQuote](f, "quotes", !reported),
			Ignore:       decodeList[IgnoreSpan](f, "ignore", false),
			Attributions: decodeList[GoldAttribution](f, "attributions", false),
		}
		if out.Quotes == nil {
			out.Quotes = []GoldQuote{}
		}
		if raw, ok := f.o["meta"]; ok {
			out.Meta = slices.Clone(raw)
		}
		return out
	})
}

// UnmarshalJSON decodes a gold quote; "start" and "end" are required, and
// so is "speaker_end" when "speaker_start" is set.
func (q *GoldQuote) UnmarshalJSON(data []byte) error {
	return decodeInto(data, q, func(f *fields) GoldQuote {
		out := GoldQuote{
			GoldSpan:            f.goldSpan(),
			SpeakerAlternatives: decodeList[string](f, "speaker_alternatives", false),
			Cue:                 f.optStr("cue"),
			Kind:                f.str("kind", false),
			SpeakerTitle:        f.str("speaker_title", false),
		}
		f.checkSpeakerEnd(out.SpeakerOffsets)
		return out
	})
}

// UnmarshalJSON decodes an ignore region; "start" and "end" are required.
func (s *IgnoreSpan) UnmarshalJSON(data []byte) error {
	return decodeInto(data, s, func(f *fields) IgnoreSpan {
		out := IgnoreSpan{Start: f.integer("start"), End: f.integer("end"), Text: f.str("text", false)}
		return out
	})
}

// UnmarshalJSON decodes a predicted quote; "start" and "end" are required,
// a null speaker reads as "", and "speaker_end" is required when
// "speaker_start" is set.
func (p *PredQuote) UnmarshalJSON(data []byte) error {
	return decodeInto(data, p, func(f *fields) PredQuote {
		out := PredQuote{
			Start:          f.integer("start"),
			End:            f.integer("end"),
			Speaker:        f.str("speaker", false),
			SpeakerOffsets: f.speakerOffsets(),
			Title:          f.str("speaker_title", false),
			Kind:           f.str("kind", false),
		}
		if out.Title == "" {
			out.Title = f.str("title", false)
		}
		f.checkSpeakerEnd(out.SpeakerOffsets)
		return out
	})
}
