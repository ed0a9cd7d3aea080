package htmlpage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// openMarks and closeMarks are the quotation marks that can open and close
// a quotation (a straight mark does both).
const (
	openMarks  = "\"“„«‹「『"
	closeMarks = "\"”“»›」』"
)

// minQuotedRunes is the least length of the quoted text for a paragraph to
// be a candidate for the rescue: a quoted word or name is no quotation.
const minQuotedRunes = 20

// maxQuotedRunes bounds the scan for a closing mark, so that a paragraph
// of many opening marks costs time linear in its length.
const maxQuotedRunes = 5000

// maxCandidates bounds the dropped paragraphs reported for one page (each
// is compared with the whole article text).
const maxCandidates = 100

// assemble joins the extracted paragraphs into the article text and finds
// the paragraphs of the page (blocks) that hold a quotation, lie between
// the first and the last paragraph the extractor kept, and are not in the
// article text.
func assemble(paras, blocks []string) (string, []Dropped) {
	var b strings.Builder
	starts := make([]int, len(paras)) // byte offset of each paragraph
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		starts[i] = b.Len()
		b.WriteString(p)
	}
	text := b.String()
	// map the kept paragraphs to page blocks, in order
	index := make(map[string][]int, len(blocks))
	for i, bl := range blocks {
		k := normKey(bl)
		index[k] = append(index[k], i)
	}
	blockOf := make([]int, len(paras)) // page block of each paragraph, or -1
	last := -1
	first := -1
	for i, p := range paras {
		blockOf[i] = -1
		for _, j := range index[normKey(p)] {
			if j > last {
				blockOf[i], last = j, j
				if first < 0 {
					first = j
				}
				break
			}
		}
	}
	if first < 0 {
		return text, nil
	}
	var dropped []Dropped
	norm := normKey(text)
	k := 0 // the next paragraph whose block is after the candidate
	for j := first + 1; j < last && len(dropped) < maxCandidates; j++ {
		for k < len(paras) && blockOf[k] <= j {
			k++
		}
		bl := blocks[j]
		if !hasQuotation(bl) || strings.Contains(norm, normKey(bl)) {
			continue
		}
		at := len(text)
		if k < len(paras) {
			at = starts[k]
		}
		dropped = append(dropped, Dropped{At: at, Text: bl})
	}
	return text, dropped
}

// normKey is s with white space collapsed, for comparing texts.
func normKey(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// hasQuotation reports whether s holds a quotation: an opening mark, then
// at least minQuotedRunes characters with a letter, then a closing mark,
// and text outside the marks (the attribution).
func hasQuotation(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if !strings.ContainsRune(openMarks, r) {
			continue
		}
		start := i - n
		runes, letter := 0, false
		for j := i; j < len(s); {
			c, m := utf8.DecodeRuneInString(s[j:])
			j += m
			if strings.ContainsRune(closeMarks, c) && runes > 0 {
				if runes >= minQuotedRunes && letter && outside(s[:start]+s[j:]) {
					return true
				}
				i = j
				break
			}
			runes++
			letter = letter || unicode.IsLetter(c)
			if runes > maxQuotedRunes {
				break
			}
		}
	}
	return false
}

// outside reports whether s (the paragraph less a quotation) has words.
func outside(s string) bool {
	words := 0
	for _, f := range strings.Fields(s) {
		for _, c := range f {
			if unicode.IsLetter(c) {
				words++
				break
			}
		}
	}
	return words >= 2
}
