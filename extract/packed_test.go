package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestPackedLikeWhole extracts documents with their tokens packed (see
// packTokensAbove) and whole, and wants the same documents: the shipped
// articles, a long document of invented paragraphs (of more than
// maxUnpacked sentences, so that unpacked sentences are taken back and
// unpacked again), the same with a paragraph too long to pack among them,
// and the texts of the language tests and invented ones with words whose
// lower case is no slice of the view.
func TestPackedLikeWhole(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, g := range []string{"../testdata/seed/*.txt", "../testdata/articles/*.txt", "../testdata/pages/*.txt"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	docs := append([]string{}, texts...)
	// a long document of invented paragraphs: names, titles, pronouns,
	// quotes before and after their speakers, reported speech
	var long []string
	first := strings.Fields("Jane John Maria Carlos Anna Tom Ada Omar")
	last := strings.Fields("Doe Roe Lopez Berg Hale Costa Reed Stone Vance Pike Moss")
	roles := []string{"the mayor of Springfield", "a spokesman for Acme Corp.", "the city's chief engineer", "Senator", "the council's treasurer"}
	for k := range 600 {
		f, l, r := first[k%len(first)], last[k%len(last)], roles[k%len(roles)]
		switch k % 5 {
		case 0:
			long = append(long, fmt.Sprintf("\u201cThe bridge on Route %d will open in spring,\u201d said %s %s, %s. \u201cWe are ready.\u201d", k, f, l, r))
		case 1:
			long = append(long, fmt.Sprintf("%s told reporters on day %d that the budget was tight. \u201cNobody wants higher taxes,\u201d he said.", l, k))
		case 2:
			long = append(long, fmt.Sprintf("According to %s %s, the plan for district %d \u201cneeds more work.\u201d %s said the vote would wait.", r, l, k, f))
		case 3:
			long = append(long, fmt.Sprintf("\u201cWe disagree,\u201d %s %s said in a statement on item %d. She added: \u201cThe numbers do not add up.\u201d", f, l, k))
		default:
			long = append(long, fmt.Sprintf("Residents of Springfield met on night %d. \u201cIt is too loud,\u201d one of them said, while %s %s argued that the park was safe.", k, f, l))
		}
	}
	docs = append(docs, strings.Join(long, "\n\n"))
	// a paragraph too long to pack between paragraphs packed
	para := strings.Repeat(strings.Join(long, " ")+" ", maxPackedPara/len(strings.Join(long, " "))+1)
	docs = append(docs, strings.Join(long[:300], "\n\n")+"\n\n"+para+"\n\n"+strings.Join(long[300:600], "\n\n"))
	// words whose lower case is no slice of the view or of its lowered copy
	var odd []string
	for k := range 40 {
		odd = append(odd, fmt.Sprintf("Über Élysée, ÖSTERREICH and İstanbul officials said on day %d that \u201cwe know little.\u201d \u201cIt is far,\u201d Jane Doe added.", k))
	}
	docs = append(docs, strings.Join(odd, "\n\n"))
	langs, _ := filepath.Glob("../testdata/lang/*.gold.jsonl")
	for _, f := range langs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var joined []string
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var in struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
				t.Fatal(err)
			}
			joined = append(joined, in.Text)
		}
		docs = append(docs, strings.Join(joined, "\n\n"))
	}
	if len(texts) == 0 || len(langs) == 0 {
		t.Fatal("no test texts")
	}
	// (explanations only for the short ones: they take ten times longer)
	var whole, packed [2]*Extractor
	for k, opts := range []Options{{All: true, Explain: true, Reported: true}, {All: true, Reported: true}} {
		whole[k], packed[k] = New(rs, opts), New(rs, opts)
		packed[k].packTokensAbove = 0
		for _, p := range packed[k].packs {
			if y := p.get(); y != nil {
				y.packTokensAbove = 0
			}
		}
	}
	for i, text := range docs {
		k := 0
		if len(text) > 64<<10 {
			k = 1
		}
		want, err := whole[k].Extract("d", text)
		if err != nil {
			t.Fatal(err)
		}
		got, err := packed[k].Extract("d", text)
		if err != nil {
			t.Fatal(err)
		}
		w, _ := json.Marshal(want)
		g, _ := json.Marshal(got)
		if !bytes.Equal(w, g) {
			t.Errorf("document %d (%d bytes): packed tokens give another document", i, len(text))
		}
	}
}
