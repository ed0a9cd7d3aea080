package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// langFlag is --lang of clean, extract and report: every document in one
// language (a language pack) instead of detecting it per document.
type langFlag struct {
	lang string
}

// add declares --lang; what is the command's start of its help text.
func (f *langFlag) add(cmd *cobra.Command, what string) {
	cmd.Flags().StringVar(&f.lang, "lang", "", what+" (a language pack: en, de, fr, …) instead of detecting it per document")
}

// check refuses a --lang that the ruleset rs has no rules for.
func (f *langFlag) check(rs *rules.Ruleset) error {
	if err := extract.CheckLang(rs, f.lang); err != nil {
		return &exitError{exitUsage, fmt.Errorf("--lang: %w", err)}
	}
	return nil
}

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
