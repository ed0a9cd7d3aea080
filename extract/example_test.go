package extract_test

import (
	"fmt"
	"log"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// Extract runs the whole pipeline on one document: each quotation with its
// speaker, the speaker's title and the cue, with code-point offsets into the
// text.
func ExampleExtractor_Extract() {
	rs, err := rules.Default()
	if err != nil {
		log.Fatal(err)
	}
	x := extract.New(rs, extract.Options{})
	text := "Mayor Ana Diaz visited the site on Monday.\n\n" +
		"“The bridge will open in May,” Diaz told reporters. “We are on schedule.”"
	doc, err := x.Extract("bridge", text)
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range doc.Quotes {
		fmt.Printf("%q — %s (%s), cue %q, %d-%d\n", q.Quote, q.Speaker, q.Title, q.Cue, q.Start, q.End)
	}
	// Output:
	// "The bridge will open in May" — Ana Diaz (Mayor), cue "told reporters", 45-72
	// "We are on schedule." — Ana Diaz (Mayor), cue "told reporters", 97-116
}

// Clean drops what is not the article (menus, share buttons, related
// links) and finds the title; the view keeps the input's offsets, with
// dropped lines blanked.
func ExampleExtractor_Clean() {
	rs, err := rules.Default()
	if err != nil {
		log.Fatal(err)
	}
	x := extract.New(rs, extract.Options{})
	page := "Home | News | Sport | Weather\n" +
		"Council backs new bridge\n" +
		"The city council voted on Monday to build a new bridge over the river, ending a debate that lasted three years.\n" +
		"“This is a good day for the city,” Mayor Ana Diaz said after the vote, which was held late in the evening.\n" +
		"Share on Facebook\n"
	c := x.Clean(page)
	fmt.Println("title:", c.Title)
	fmt.Print(c.Text())
	// Output:
	// title: Council backs new bridge
	// Council backs new bridge
	// The city council voted on Monday to build a new bridge over the river, ending a debate that lasted three years.
	// “This is a good day for the city,” Mayor Ana Diaz said after the vote, which was held late in the evening.
}

// ScanQuotes only pairs quotation marks: no ruleset, no attribution.
func ExampleScanQuotes() {
	text := `He said “we will 'wait and see' for now” and left.`
	quotes, warnings := extract.ScanQuotes(text, extract.ScanOptions{})
	for _, q := range quotes {
		fmt.Printf("depth %d: %q\n", q.Depth, text[q.Start:q.End])
	}
	fmt.Println(len(warnings), "warnings")
	// Output:
	// depth 0: "we will 'wait and see' for now"
	// depth 1: "wait and see"
	// 0 warnings
}
