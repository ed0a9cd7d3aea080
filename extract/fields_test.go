package extract

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestFieldTableMatchesRecord checks that every field of Record has its
// entry in recordFields, in the order of its JSON, with its JSON name and
// omitempty, so that a field added to Record and not to the table fails.
func TestFieldTableMatchesRecord(t *testing.T) {
	rt := reflect.TypeOf(Record{})
	var names []string
	modes := map[string]jsonMode{}
	for i := range rt.NumField() {
		f := rt.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		mode := jsonAlways
		switch {
		case name == "-":
			name, mode = strings.ToLower(f.Name), jsonNever
		case strings.Contains(opts, "omitempty"):
			mode = jsonOmitEmpty
		}
		names = append(names, name)
		modes[name] = mode
	}
	var got []string
	for _, f := range recordFields {
		got = append(got, f.name)
		if m, ok := modes[f.name]; ok && m != f.json {
			t.Errorf("field %s: json mode %d, Record's tag says %d", f.name, f.json, m)
		}
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("recordFields\n %v\nRecord's fields\n %v", got, names)
	}
}

// fullRecord returns a record whose every field holds a value of its own.
func fullRecord() Record {
	a, b, c, d := 11, 12, 13, 14
	return Record{Doc: "docv", ID: "q7", Quote: "quotev", Start: 101, End: 102, Speaker: "speakerv", Mention: "mentionv",
		SpeakerStart: &a, SpeakerEnd: &b, Title: "titlev", Cue: "cuev", CueStart: &c, CueEnd: &d, Kind: "direct",
		Status: "statusv", Rule: "rulev", Confidence: 0.625, Line: 3, Sentence: "sentencev", Explain: []string{"explainv"}, DupOf: "dupv", Lang: "langv"}
}

// TestEveryFieldInEveryFormat writes one record whose fields all differ in
// each format and finds every field where that format carries it: the
// default columns in CSV, TSV and xlsx (header and cell), the JSON fields
// in JSON, JSONL and the review page's data.
func TestEveryFieldInEveryFormat(t *testing.T) {
	r := fullRecord()
	doc := &Document{ID: "docv", Lang: "langv", Quotes: []Record{r}}
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewWriter(format, &buf, WriterOptions{Width: 400})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.WriteDoc(doc); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for i := range recordFields {
				f := &recordFields[i]
				want := f.text(&r)
				switch format {
				case "csv", "tsv":
					if f.column != strings.Contains(out, f.name) || f.column && !strings.Contains(out, want) {
						t.Errorf("field %s (column %v): header or value %q wrong in\n%s", f.name, f.column, want, out)
					}
				case "xlsx":
					rows := xlsxRows(t, buf.Bytes())
					k := strings.Index(","+strings.Join(rows[0], ",")+",", ","+f.name+",")
					if f.column != (k >= 0) {
						t.Errorf("field %s: column %v, header %q", f.name, f.column, rows[0])
					}
				case "json", "jsonl", "html":
					key := `"` + f.name + `":`
					if f.json != jsonNever && !strings.Contains(out, key) {
						t.Errorf("field %s missing from %s output", f.name, format)
					}
				case "table":
					if slicesContains(tableColumns[:], f.name) && f.name != "id" && !strings.Contains(out, want) {
						t.Errorf("table misses field %s (%q):\n%s", f.name, want, out)
					}
				}
			}
		})
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func xlsxRows(t *testing.T, b []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(xlsxQuotesSheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("quotes sheet: %v %v", rows, err)
	}
	return rows
}

// TestColumnsOption checks that Columns picks and orders the columns of
// each format and carries document fields to the rows.
func TestColumnsOption(t *testing.T) {
	r := fullRecord()
	doc := &Document{ID: "docv", Title: "Found title", Date: "2024-05-06", Lang: "en", Quotes: []Record{r, r},
		Meta: map[string]string{"outlet": "Harbour News", "url": "https://example.org/x"}}
	cols := []string{"doc_title", "quote", "speaker", "doc_outlet", "confidence", "doc_url", "doc_date", "start"}
	want := []string{"Found title", "quotev", "speakerv", "Harbour News", "0.625", "https://example.org/x", "2024-05-06", "101"}
	write := func(format string) []byte {
		var buf bytes.Buffer
		w, err := NewWriter(format, &buf, WriterOptions{Columns: cols, Width: 300})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.WriteDoc(doc); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for _, format := range []string{"csv", "tsv", "xlsx"} {
		var rows [][]string
		if format == "xlsx" {
			rows = xlsxRows(t, write(format))
		} else {
			cr := csv.NewReader(bytes.NewReader(write(format)))
			if format == "tsv" {
				cr.Comma = '\t'
			}
			var err error
			if rows, err = cr.ReadAll(); err != nil {
				t.Fatal(err)
			}
		}
		if len(rows) != 3 || strings.Join(rows[0], ",") != strings.Join(cols, ",") || strings.Join(rows[1], "|") != strings.Join(want, "|") {
			t.Errorf("%s: rows %q", format, rows)
		}
	}
	for _, format := range []string{"json", "jsonl"} {
		var docs []struct {
			ID     string            `json:"id"`
			Quotes []json.RawMessage `json:"quotes"`
		}
		b := write(format)
		if format == "jsonl" {
			b = append(append([]byte("["), bytes.TrimSpace(b)...), ']')
		}
		if err := json.Unmarshal(b, &docs); err != nil || len(docs) != 1 || len(docs[0].Quotes) != 2 {
			t.Fatalf("%s: %v %s", format, err, b)
		}
		// the keys in the order asked for
		var keys []string
		dec := json.NewDecoder(bytes.NewReader(docs[0].Quotes[0]))
		dec.Token()
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			var v any
			dec.Decode(&v)
		}
		if strings.Join(keys, ",") != strings.Join(cols, ",") {
			t.Errorf("%s: record keys %v, want %v", format, keys, cols)
		}
	}
	table := string(write("table"))
	for _, c := range append(cols, want...) {
		if !strings.Contains(table, c) {
			t.Errorf("table misses %q:\n%s", c, table)
		}
	}
	page := string(write("html"))
	var lb bytes.Buffer
	lw, _ := NewWriter("html", &lb, WriterOptions{Columns: []string{"quote", "lang"}})
	lw.WriteDoc(doc)
	lw.Close()
	if !strings.Contains(lb.String(), `"lang":"langv"`) {
		t.Errorf("review page lacks the lang column asked for")
	}
	if !strings.Contains(page, `"columns":["doc_title","quote"`) || !strings.Contains(page, `"doc_outlet":"Harbour News"`) {
		t.Errorf("review page lacks the columns or the document fields")
	}
}

// TestColumnsErrors checks the names ParseColumns refuses.
func TestColumnsErrors(t *testing.T) {
	for _, tc := range []struct {
		spec, err string
	}{
		{"", ""},
		{" quote , speaker ", ""},
		{"doc_outlet,quote", ""},
		{"quote,bogus", `unknown column "bogus"`},
		{"quote,", `unknown column ""`},
		{"doc_", `unknown column "doc_"`},
		{"quote,quote", "given twice"},
	} {
		_, err := ParseColumns(tc.spec)
		if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("ParseColumns(%q): %v, want %q", tc.spec, err, tc.err)
		}
		if tc.err == "unknown column \"bogus\"" && !strings.Contains(err.Error(), "speaker_start") {
			t.Errorf("the error does not name the allowed columns: %v", err)
		}
	}
	if _, err := NewWriter("csv", &bytes.Buffer{}, WriterOptions{Columns: []string{"nope"}}); err == nil {
		t.Error("NewWriter took an unknown column")
	}
}

// TestStdinIDNotNeutralised checks that the document id "-" of standard
// input stays "-" in CSV, while a cell that starts a formula with "-" is
// still neutralised.
func TestStdinIDNotNeutralised(t *testing.T) {
	r := fullRecord()
	r.Doc, r.Quote = "-", "-1+2"
	var buf bytes.Buffer
	w, _ := NewWriter("csv", &buf, WriterOptions{})
	w.WriteDoc(&Document{ID: "-", Quotes: []Record{r}})
	w.Close()
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatal(rows, err)
	}
	if rows[1][0] != "-" || rows[1][2] != "'-1+2" {
		t.Errorf("doc %q quote %q, want - and '-1+2", rows[1][0], rows[1][2])
	}
}

// TestCarriedJSONLFields checks that the other fields of a JSONL line
// reach the document (Meta) and its rows through doc_KEY columns, and that
// the JSONL line's title wins over the one cleanup finds.
func TestCarriedJSONLFields(t *testing.T) {
	corpus := `{"id":"a","text":"Ships return\n\nMaria Olsen, the harbour director, said: \"The ships will come back next spring.\"\n","url":"https://example.org/a","outlet":"Harbour News","n":3,"tags":["x"],"gone":null}` + "\n" +
		`{"id":"b","text":"Plain text, nothing else."}` + "\n"
	var ins []Input
	read := func(keep bool) []Input {
		var ins []Input
		err := ReadInputs([]string{"-"}, InputOptions{Format: "jsonl", Stdin: strings.NewReader(corpus), KeepMeta: keep}, func(in Input) error {
			ins = append(ins, in)
			return nil
		})
		if err != nil || len(ins) != 2 {
			t.Fatal(ins, err)
		}
		return ins
	}
	if ins := read(false); ins[0].Meta != nil {
		t.Errorf("Meta %q without KeepMeta, want nil (the line is not decoded twice)", ins[0].Meta)
	}
	ins = read(true)
	want := map[string]string{"url": "https://example.org/a", "outlet": "Harbour News", "n": "3", "tags": `["x"]`}
	if !reflect.DeepEqual(ins[0].Meta, want) || ins[1].Meta != nil {
		t.Fatalf("Meta %q and %q, want %q and nil", ins[0].Meta, ins[1].Meta, want)
	}
	doc := &Document{ID: "a", Title: "Ships return", Meta: ins[0].Meta, Quotes: []Record{fullRecord()}}
	for _, tc := range []struct{ key, want string }{
		{"url", "https://example.org/a"}, {"outlet", "Harbour News"}, {"title", "Ships return"},
		{"n", "3"}, {"missing", ""}, {"gone", ""},
	} {
		c := column{name: DocColumnPrefix + tc.key, docKey: tc.key}
		if got := c.text(doc, &doc.Quotes[0]); got != tc.want {
			t.Errorf("doc_%s = %q, want %q", tc.key, got, tc.want)
		}
	}
	doc.Meta = map[string]string{"title": "Given title"}
	if got := docValue(doc, "title"); got != "Given title" {
		t.Errorf("doc_title = %q, want the JSONL line's", got)
	}
}
