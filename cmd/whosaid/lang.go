package main

import (
	"fmt"
	"strings"

	"github.com/whosaid/whosaid/extract"
)

// maxNamedUnpacked bounds the documents named in the no-pack warning.
const maxNamedUnpacked = 10

// unpackedDocs collects the documents in a language that no language pack
// knows: their quotations are listed without speakers.
type unpackedDocs struct {
	n     int
	named []string
}

func (u *unpackedDocs) add(d *extract.Document) {
	if d == nil || d.Lang != extract.LangUnknown {
		return
	}
	u.n++
	if len(u.named) < maxNamedUnpacked {
		u.named = append(u.named, d.ID)
	}
}

// warning is the line for standard error that names the documents without
// a language pack, or "" when there were none.
func (u *unpackedDocs) warning() string {
	if u.n == 0 {
		return ""
	}
	noun := "documents are"
	if u.n == 1 {
		noun = "document is"
	}
	list := strings.Join(u.named, ", ")
	if u.n > len(u.named) {
		list += fmt.Sprintf(" and %d more", u.n-len(u.named))
	}
	return fmt.Sprintf("whosaid: warning: %d %s in a language without a language pack (quotations listed without speakers; --lang forces one): %s", u.n, noun, extract.TermSafe(list))
}
