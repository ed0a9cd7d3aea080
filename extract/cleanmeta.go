package extract

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/whosaid/whosaid/internal/needle"
)

// headline finds the headline before any rule runs: a line that the page
// title (the first line, "Headline - Site") holds, or a line printed twice
// near the top. It returns -1 when neither is found.
func (st *cleanState) headline() int {
	limit := min(len(st.lines)-1, 400)
	first := -1
	for i := range st.lines {
		if st.info(i).text != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return -1
	}
	// the longest such line: the site's name may stand alone too
	// (the key of a line is at least its letters and digits long, and at
	// most its bytes: lines too short for the title's key are passed over
	// before the key of a long first line is made)
	var fk []byte
	fkMin := st.info(first).letters + st.info(first).digits
	best, bestLen := -1, 0
	var k []byte
	for i := first + 1; i <= limit; i++ {
		if n := len(st.info(i).text); n < 12 || n <= bestLen || 10*n < 4*fkMin || !st.headlineLike(i) {
			continue
		}
		if fk == nil {
			fk = alnumKey(st.lower(first), make([]byte, 0, len(st.info(first).text)))
		}
		if st.info(i).letters+st.info(i).digits > len(fk) {
			continue
		}
		k = alnumKey(st.lower(i), k[:0])
		if len(k) > bestLen && len(k) >= 12 && 10*len(k) >= 4*len(fk) && bytes.Contains(fk, k) {
			best, bestLen = i, len(k)
		}
	}
	if best >= 0 {
		return best
	}
	// a line printed twice a few lines apart (a headline above and below
	// the picture); the first such line of the top half
	for k := range st.lines {
		i := st.firstOf(k)
		if i == k || int(st.lines[i].Start)*2 > st.n || st.nbAt[k]-st.nbAt[i] > 8 {
			continue
		}
		if st.headlineLike(i) && st.info(i).words >= 4 {
			return i
		}
	}
	return -1
}

func (st *cleanState) headlineLike(i int) bool {
	li := st.info(i)
	maxWords := st.x.rules.Metadata.HeadlineMaxWords
	if maxWords == 0 {
		maxWords = 25
	}
	return li.text != "" && li.words >= 2 && li.words <= maxWords && !strings.HasSuffix(li.text, ".") && li.letters > li.digits
}

// metadata sets the title and the date. The title is the headline found
// before the rules ran, else the nearest headline-like line before the
// article (start is its first line, -1 when there is none), else the first
// kept headline-like line; the headline line stays. The date comes from the
// first dateline before the article (or among the first lines without one).
func (x *Extractor) metadata(c *Cleaned, st *cleanState, start int) {
	head := 12
	if st.judge != nil {
		head = st.judge.Judge.HeadLines
	}
	title := st.title
	if title >= 0 && c.Lines[title].Dropped && (st.judge == nil || st.ruleOf(title) != st.judge.ID) {
		title = -1
	}
	if title < 0 && start >= 0 {
		for i := start - 1; i >= 0 && i >= start-head && title < 0; i-- {
			if st.info(i).text == "" || c.Lines[i].Dropped && st.ruleOf(i) != st.judge.ID {
				continue
			}
			if st.headlineLike(i) && !st.info(i).terminal {
				title = i
			}
		}
	}
	if title < 0 {
		for i := range c.Lines {
			if st.info(i).text != "" && !c.Lines[i].Dropped {
				if st.headlineLike(i) {
					title = i
				}
				break
			}
		}
	}
	if title >= 0 {
		l := &c.Lines[title]
		c.Title, l.Meta = st.info(title).text, MetaTitle
		if st.n > packTokensAbove {
			// a slice of the view before its dropped lines were blanked,
			// which would keep that copy of a long document alive
			c.Title = strings.Clone(c.Title)
		}
		if l.Dropped && st.judge != nil && st.ruleOf(title) == st.judge.ID {
			l.Dropped = false
			st.setRule(title, "")
		}
	}
	limit := len(c.Lines) - 1
	if start >= 0 {
		limit = min(limit, start+2)
	} else {
		limit = min(limit, 40)
	}
	var dateFilters []needle.Lazy
	if len(x.rules.Cleanup) > 0 {
		dateFilters = x.rules.Compiled().DateFilters
	}
	for i := 0; i <= limit; i++ {
		li := st.info(i)
		if li.text == "" || li.words > 14 || li.digits < 4 || i == title {
			continue
		}
		if start >= 0 && i >= start && !c.Lines[i].Dropped {
			continue
		}
		d := x.findDate(li.text, st.lower(i), dateFilters)
		if d == "" {
			continue
		}
		c.Date = d
		if st.n > packTokensAbove {
			c.Date = strings.Clone(d) // (as the title)
		}
		l := &c.Lines[i]
		l.Meta = MetaDate
		if !l.Dropped || st.judge != nil && st.ruleOf(i) == st.judge.ID {
			l.Dropped = true
			st.setRule(i, "metadata-date")
		}
		break
	}
}

// findDate returns the date of the first metadata date pattern that matches
// a third or more of s and reads as a date, in ISO 8601; else the first such
// match as written; "" when none matches.
// Named groups (year, month, day, hour, minute, ampm) say where the parts
// are; without them the match is read with the usual layouts.
// lower is s in lower case (see lowerSameLength); filters are the patterns'
// quick tests (nil: none).
func (x *Extractor) findDate(s, lower string, filters []needle.Lazy) string {
	unread := "" // the first match whose named parts make no date (15/03/2024 as month/day/year)
	for k, re := range x.rules.Metadata.Date {
		if filters != nil && !filters[k].Get().MustMay(s, lower) {
			continue
		}
		m := re.FindStringSubmatchIndex(s)
		// a dateline is mostly its date: "On July 6, 2015, she said:" is not
		if m == nil || 3*(m[1]-m[0]) < len(s) {
			continue
		}
		names := re.SubexpNames()
		parts := map[string]string{}
		for k, name := range names {
			if name != "" && m[2*k] >= 0 {
				parts[name] = s[m[2*k]:m[2*k+1]]
			}
		}
		if len(parts) == 0 {
			return x.parseDate(s[m[0]:m[1]])
		}
		if d := x.dateFromParts(x.monthParts(parts)); d != "" {
			return d
		}
		if unread == "" {
			unread = s[m[0]:m[1]] // as written, unless a later pattern reads it
		}
	}
	return unread
}

// dateFromParts assembles an ISO date from named parts; "" when they do not
// make a date. A month name that is no number is read by the metadata's
// month prefixes (the language's months were tried by monthParts).
func (x *Extractor) dateFromParts(p map[string]string) string {
	y, err := strconv.Atoi(p["year"])
	if err != nil {
		return ""
	}
	if y < 100 {
		y += 2000
	}
	mo, err := strconv.Atoi(p["month"])
	if err != nil {
		mo = x.rules.Metadata.MonthByPrefix(strings.ToLower(p["month"]))
	}
	d, err := strconv.Atoi(p["day"])
	if err != nil || mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2100 {
		return ""
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return ""
	}
	hs, ok := p["hour"]
	if !ok {
		return t.Format("2006-01-02")
	}
	h, err1 := strconv.Atoi(hs)
	mi, err2 := strconv.Atoi(p["minute"])
	if err1 != nil || err2 != nil || h > 23 || mi > 59 {
		return t.Format("2006-01-02")
	}
	switch ap := strings.ToLower(strings.ReplaceAll(p["ampm"], ".", "")); {
	case ap == "":
	case slices.Contains(x.rules.Metadata.PM, ap):
		if h < 12 {
			h += 12
		}
	case slices.Contains(x.rules.Metadata.AM, ap):
		if h == 12 {
			h = 0
		}
	}
	return t.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute).Format("2006-01-02T15:04")
}

// parseDate turns a dateline into ISO 8601 (2025-04-25T15:12) when one of
// the metadata's date layouts reads it.
func (x *Extractor) parseDate(s string) string {
	for _, layout := range x.rules.Metadata.DateLayouts {
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
