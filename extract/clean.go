package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/rules"
)

// Line is one line of the input after cleaning.
type Line struct {
	Start, End int    // byte offsets of the line in the input, newline excluded
	Dropped    bool   // cleanup dropped it
	Rule       string // the id of the rule that dropped it
	Meta       string // "title" or "date" when the line gave document metadata
}

// Cleaned is the result of cleanup: a view of the input of the same byte
// length, in which dropped lines are blanked and characters are normalised
// (CRLF, NBSP, zero-width characters and BOM become spaces), so that offsets
// into the view are offsets into the input. Kept text is the lines not
// dropped.
type Cleaned struct {
	View  string
	Lines []Line
	Title string
	Date  string // ISO 8601 when it could be parsed, else as written
}

// Text returns the cleaned text: the kept lines joined by newlines, with
// blank-line runs collapsed to one blank line.
func (c *Cleaned) Text() string {
	var b strings.Builder
	blank := true
	for _, l := range c.Lines {
		if l.Dropped {
			continue
		}
		s := strings.TrimSpace(c.View[l.Start:l.End])
		if s == "" {
			if !blank {
				b.WriteByte('\n')
			}
			blank = true
			continue
		}
		b.WriteString(s)
		b.WriteByte('\n')
		blank = false
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// normalize returns text with CR, NBSP, zero-width characters and a BOM
// replaced by the same number of bytes of spaces.
func normalize(text string) string {
	need := false
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == '\r' || c == 0xC2 || c == 0xE2 || c == 0xEF || c == '\t' || c == '\v' || c == '\f' {
			need = true
			break
		}
	}
	if !need {
		return text
	}
	b := []byte(text)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch r {
		case '\r', '\t', '\v', '\f', '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202f', '\u2009', '\u2007', '\u2002', '\u2003':
			for k := 0; k < n; k++ {
				b[i+k] = ' '
			}
		}
		i += n
	}
	return string(b)
}

// lineInfo holds the features cleanup rules test.
type lineInfo struct {
	text     string // trimmed
	words    int
	hasQuote bool
	hasCue   bool
	terminal bool
}

func (x *Extractor) lineFeatures(s string) lineInfo {
	li := lineInfo{text: s}
	cue := x.rules.Lists[rules.ListCueVerbs]
	inWord := false
	ws := 0
	for i, r := range s {
		isW := unicode.IsLetter(r) || unicode.IsDigit(r)
		if isW && !inWord {
			ws = i
		}
		if !isW && inWord {
			li.words++
			if !li.hasCue && cue.Has(strings.ToLower(s[ws:i])) {
				li.hasCue = true
			}
		}
		inWord = isW
		if x.isMark[r] {
			if r != '\'' && r != '’' || isQuoteApostrophe(s, i) {
				li.hasQuote = true
			}
		}
	}
	if inWord {
		li.words++
		if cue.Has(strings.ToLower(s[ws:])) {
			li.hasCue = true
		}
	}
	if s != "" {
		last, _ := utf8.DecodeLastRuneInString(s)
		li.terminal = strings.ContainsRune(".!?:;", last) || x.isMark[last]
	}
	return li
}

// isQuoteApostrophe reports whether the ' or ’ at i is not inside a word.
func isQuoteApostrophe(s string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	_, n := utf8.DecodeRuneInString(s[i:])
	next, _ := utf8.DecodeRuneInString(s[i+n:])
	return !(unicode.IsLetter(prev) && unicode.IsLetter(next))
}

func normKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Clean applies the ruleset's cleanup rules to text and recognises the
// title and date.
func (x *Extractor) Clean(text string) *Cleaned {
	view := normalize(text)
	c := &Cleaned{}
	// split into lines
	for start := 0; start <= len(view); {
		end := strings.IndexByte(view[start:], '\n')
		if end < 0 {
			end = len(view)
		} else {
			end += start
		}
		c.Lines = append(c.Lines, Line{Start: start, End: end})
		start = end + 1
		if end == len(view) {
			break
		}
	}
	seen := map[string]bool{}
	rest := ""
	infos := make([]lineInfo, len(c.Lines))
	for i := range c.Lines {
		l := &c.Lines[i]
		s := strings.TrimSpace(view[l.Start:l.End])
		if s == "" {
			continue
		}
		infos[i] = x.lineFeatures(s)
		li := infos[i]
		key := normKey(s)
		if rest != "" {
			l.Dropped, l.Rule = true, rest
			seen[key] = true
			continue
		}
		for _, r := range x.rules.Cleanup {
			if r.Protect && (li.hasQuote || li.hasCue) {
				continue
			}
			if !ruleHolds(r, li, seen[key], float64(l.Start)/float64(max(1, len(view)))) {
				continue
			}
			l.Dropped, l.Rule = true, r.ID
			if r.Drop == rules.DropRest {
				rest = r.ID
			}
			break
		}
		seen[key] = true
	}
	x.metadata(c, view, infos)
	b := []byte(view)
	for _, l := range c.Lines {
		if l.Dropped {
			for k := l.Start; k < l.End; k++ {
				b[k] = ' '
			}
		}
	}
	c.View = string(b)
	return c
}

func ruleHolds(r *rules.CleanupRule, li lineInfo, repeated bool, at float64) bool {
	if r.AfterFraction > 0 && at < r.AfterFraction {
		return false
	}
	if r.Repeated && !repeated {
		return false
	}
	if r.MaxWords > 0 && li.words > r.MaxWords {
		return false
	}
	if r.MinWords > 0 && li.words < r.MinWords {
		return false
	}
	if r.NoTerminalPunct && li.terminal {
		return false
	}
	if r.Regex != nil && !r.Regex.MatchString(li.text) {
		return false
	}
	if len(r.Words) > 0 && !hasListWord(li.text, r.Words) {
		return false
	}
	return true
}

// hasListWord reports whether s holds a word or phrase of one of the lists.
func hasListWord(s string, lists []*rules.List) bool {
	toks := wordTokens(s)
	for i := range toks {
		for _, l := range lists {
			if l.MatchAt(toks, i) > 0 {
				return true
			}
		}
	}
	return false
}

// wordTokens splits s into lower-case word tokens (for list look-ups).
func wordTokens(s string) []rules.Token {
	var out []rules.Token
	f := strings.FieldsFunc(s, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’') })
	for _, w := range f {
		out = append(out, rules.Token{Text: w, Lower: strings.ToLower(w)})
	}
	return out
}

// metadata finds the date and the title among the first kept lines.
func (x *Extractor) metadata(c *Cleaned, view string, infos []lineInfo) {
	maxWords := x.rules.Metadata.HeadlineMaxWords
	if maxWords == 0 {
		maxWords = 25
	}
	seenLines := 0
	for i := range c.Lines {
		l := &c.Lines[i]
		if l.Dropped || infos[i].text == "" {
			continue
		}
		seenLines++
		if seenLines > 6 {
			break
		}
		s := infos[i].text
		if c.Date == "" {
			matched := false
			for _, re := range x.rules.Metadata.Date {
				if re.MatchString(s) {
					matched = true
					break
				}
			}
			if matched {
				c.Date = parseDate(s)
				l.Dropped, l.Rule, l.Meta = true, "metadata-date", "date"
				continue
			}
		}
		if c.Title == "" && infos[i].words >= 2 && infos[i].words <= maxWords && !strings.HasSuffix(s, ".") {
			c.Title = s
			l.Meta = "title"
		}
		if c.Title != "" && c.Date != "" {
			break
		}
	}
}

var dateLayouts = []string{
	"2 Jan, 2006 15:04", "2 Jan 2006 15:04", "2 January 2006 15:04", "2 January, 2006 15:04",
	"2 Jan, 2006", "2 Jan 2006", "2 January 2006", "2 January, 2006",
	"Jan 2, 2006", "January 2, 2006", "Jan. 2, 2006", "Jan 2 2006",
	"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02",
}

// parseDate turns a dateline into ISO 8601 (2025-04-25T15:12) when it can.
func parseDate(s string) string {
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if strings.Contains(layout, "15:04") {
			return t.Format("2006-01-02T15:04")
		}
		return t.Format("2006-01-02")
	}
	return s
}
