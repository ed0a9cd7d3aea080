package extract_test

import (
	"fmt"
	"log"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// A Deduper marks the copies of a quotation across documents (a syndicated
// article) and inside one (a pull quote): feed it the documents in output
// order.
func ExampleDeduper() {
	rs, err := rules.Default()
	if err != nil {
		log.Fatal(err)
	}
	x := extract.New(rs, extract.Options{})
	texts := map[string]string{
		"wire":  "“The bridge will open in May,” Mayor Ana Diaz told reporters.",
		"local": "Bridge news\n\n“The bridge will open in May,” said Ana Diaz, the mayor. “We are on schedule.”",
	}
	d := extract.NewDeduper()
	for _, id := range []string{"wire", "local"} {
		doc, err := x.Extract(id, texts[id])
		if err != nil {
			log.Fatal(err)
		}
		d.Mark(doc, false) // true: drop the repeats instead
		for _, q := range doc.Quotes {
			fmt.Printf("%s %s %q dup_of=%q\n", doc.ID, q.ID, q.Quote, q.DupOf)
		}
	}
	// Output:
	// wire q1 "The bridge will open in May" dup_of=""
	// local q1 "The bridge will open in May" dup_of="wire#q1"
	// local q2 "We are on schedule." dup_of=""
}
