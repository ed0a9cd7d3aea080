package needle

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mustMay is Filter.MustMay.
func mustMay(f *Filter, text, lower string) bool {
	if f.must == nil {
		return true
	}
	if f.mustScan.on {
		if f.mustScan.holds(f.must, lower) {
			return true
		}
	} else {
		for _, m := range f.must {
			if strings.Contains(lower, m) {
				return true
			}
		}
	}
	return f.mustBad != "" && holdsAnyRune(text, f.mustBad)
}

// holdsAnyRune reports whether s holds one of the characters of set, which
// are not ASCII.
func holdsAnyRune(s, set string) bool {
	if lead, ok := oneLead(set); ok {
		// a search for the lead byte skips the rest (a lead byte is never
		// inside another character, so it starts one in the loop below)
		for i := 0; i < len(s); i++ {
			k := strings.IndexByte(s[i:], lead)
			if k < 0 {
				return false
			}
			i += k
			r, n := utf8.DecodeRuneInString(s[i:])
			if strings.ContainsRune(set, r) {
				return true
			}
			i += n - 1
		}
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(set, r) {
			return true
		}
		i += n - 1
	}
	return false
}

// oneLead returns the first byte of the UTF-8 encoding of set's
// characters, and whether they all share it. A set holding the replacement
// character (which an invalid byte of any value decodes to) has none.
func oneLead(set string) (byte, bool) {
	if set == "" || set[0] < utf8.RuneSelf {
		return 0, false
	}
	for i, r := range set {
		if r == utf8.RuneError || set[i] != set[0] {
			return 0, false
		}
	}
	return set[0], true
}

// foldBad adds to bad the characters that a match of re may hold where
// the strings of needles have another character in lower case (see
// Filter.MustMay): those that the letters of its literals and small classes match
// and that the line's lower-case form does not lower to that of the needle.
// For instance, (?i)k matches the Kelvin sign, whose lower case is encoded
// in fewer bytes, so stays.
func foldBad(re *syntax.Regexp, bad []rune) []rune {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			want := unicode.ToLower(c)
			if lowerSame(c) != want {
				bad = append(bad, c)
			}
			if re.Flags&syntax.FoldCase != 0 {
				for r := unicode.SimpleFold(c); r != c; r = unicode.SimpleFold(r) {
					if lowerSame(r) != want {
						bad = append(bad, r)
					}
				}
			}
		}
	case syntax.OpCharClass:
		if classSize(re) <= 16 {
			for i := 0; i+1 < len(re.Rune); i += 2 {
				for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
					if lowerSame(r) != unicode.ToLower(r) {
						bad = append(bad, r)
					}
				}
			}
		}
	}
	for _, sub := range re.Sub {
		bad = foldBad(sub, bad)
	}
	return bad
}

// lowerSame returns r in lower case when that is encoded in as many bytes,
// else r (as cleanup lowers a line).
func lowerSame(r rune) rune {
	if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == utf8.RuneLen(r) {
		return l
	}
	return r
}

// classSize returns the number of characters of a character class.
func classSize(re *syntax.Regexp) int {
	n := 0
	for i := 0; i+1 < len(re.Rune); i += 2 {
		n += int(re.Rune[i+1]-re.Rune[i]) + 1
	}
	return n
}

// prefixes returns lower-case strings one of which every match of re, a
// regex anchored at the start of the text, begins with; nil when it cannot
// tell.
func prefixes(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpAlternate:
		return union(re.Sub, prefixes)
	case syntax.OpConcat:
		if len(re.Sub) >= 2 && re.Sub[0].Op == syntax.OpBeginText {
			return starts(re.Sub[1])
		}
	}
	return nil
}

// starts returns lower-case strings one of which every match of re begins
// with, or nil.
func starts(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCharClass:
		return classStrings(re)
	case syntax.OpPlus, syntax.OpRepeat:
		if re.Op == syntax.OpPlus || re.Min >= 1 {
			return starts(re.Sub[0])
		}
	case syntax.OpCapture:
		return starts(re.Sub[0])
	case syntax.OpConcat:
		if len(re.Sub) > 0 {
			return starts(re.Sub[0])
		}
	case syntax.OpAlternate:
		return union(re.Sub, starts)
	}
	return nil
}

// classStrings returns the lower-case characters of a small character
// class ([0-9], [»«|], [Bb]), or nil.
func classStrings(re *syntax.Regexp) []string {
	n := 0
	for i := 0; i+1 < len(re.Rune); i += 2 {
		n += int(re.Rune[i+1]-re.Rune[i]) + 1
	}
	if n == 0 || n > 16 {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for i := 0; i+1 < len(re.Rune); i += 2 {
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			if l := strings.ToLower(string(r)); !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	return out
}

// suffixes returns lower-case strings one of which every match of re, a
// regex anchored at the end of the text, ends with; nil when it cannot tell.
func suffixes(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture:
		return suffixes(re.Sub[0])
	case syntax.OpAlternate:
		return union(re.Sub, suffixes)
	case syntax.OpConcat:
		if n := len(re.Sub); n >= 2 && re.Sub[n-1].Op == syntax.OpEndText {
			switch last := re.Sub[n-2]; last.Op {
			case syntax.OpLiteral:
				return []string{strings.ToLower(string(last.Rune))}
			case syntax.OpCharClass:
				return classStrings(last)
			}
		}
	}
	return nil
}

// needles returns lower-case strings one of which every match of re holds,
// or nil when it cannot tell.
func needles(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture, syntax.OpPlus:
		return needles(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needles(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		pick := func(n []string) {
			if n != nil && (best == nil || shortest(n) > shortest(best)) {
				best = n
			}
		}
		for _, sub := range re.Sub {
			pick(needles(sub))
		}
		// runs of elements that match exact strings make longer needles:
		// ", " then (left|right) gives ", left", ", right"
		var run []string
		for _, sub := range re.Sub {
			e := exact(sub)
			if e == nil {
				pick(run)
				run = nil
				continue
			}
			if run == nil {
				run = e
				continue
			}
			if len(run)*len(e) > maxNeedles {
				pick(run)
				run = e
				continue
			}
			var prod []string
			for _, a := range run {
				for _, b := range e {
					prod = append(prod, a+b)
				}
			}
			run = prod
		}
		pick(run)
		return best
	case syntax.OpAlternate:
		return union(re.Sub, needles)
	}
	return nil
}

// mustNeedles returns lower-case strings one of which every match of re
// holds, or nil when it cannot tell. They are needles, but longer: a run of
// elements that match exact strings also joins the strings the element after
// it begins with ("/" then (getty|ap) gives "/getty", "/ap").
func mustNeedles(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return mustNeedles(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mustNeedles(re.Sub[0])
		}
	case syntax.OpAlternate:
		return union(re.Sub, mustNeedles)
	case syntax.OpConcat:
		best := needles(re)
		// the better of two sets is selective (see selective), then the one
		// whose shortest string is longer
		pick := func(n []string) {
			if n == nil {
				return
			}
			if best == nil || selective(n) && !selective(best) ||
				selective(n) == selective(best) && shortest(n) > shortest(best) {
				best = n
			}
		}
		for _, sub := range re.Sub {
			pick(mustNeedles(sub))
		}
		var run []string
		for _, sub := range re.Sub {
			if e := exact(sub); e != nil {
				run = product(run, e)
				continue
			}
			if st := longStarts(sub); run != nil && st != nil {
				pick(product(run, st))
			}
			run = nil
		}
		return best
	}
	return needles(re)
}

// longStarts returns lower-case strings one of which every match of re
// begins with, or nil: the strings of starts, made longer by the elements
// that follow at the start of a concatenation and match exact strings.
func longStarts(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture:
		return longStarts(re.Sub[0])
	case syntax.OpAlternate:
		return union(re.Sub, longStarts)
	case syntax.OpConcat:
		var run []string
		for _, sub := range re.Sub {
			e := exact(sub)
			if e == nil {
				if st := longStarts(sub); st != nil {
					if p := product(run, st); p != nil {
						return p
					}
				}
				break
			}
			p := product(run, e)
			if p == nil {
				break
			}
			run = p
		}
		if run != nil {
			return run
		}
	}
	return starts(re)
}

// minimalNeedles returns the needles without those that hold another (a
// line holding one holds the other) or repeat one.
func minimalNeedles(ns []string) []string {
	if ns == nil {
		return nil
	}
	out := make([]string, 0, len(ns))
	for i, n := range ns {
		redundant := false
		for j, m := range ns {
			if j != i && strings.Contains(n, m) && (len(m) < len(n) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, n)
		}
	}
	return out
}

// product returns the strings a+b for a in as and b in bs (bs when as is
// nil), or nil when they would be too many.
func product(as, bs []string) []string {
	if as == nil {
		return bs
	}
	if len(as)*len(bs) > maxNeedles {
		return nil
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return out
}

// selective reports whether needles are worth a test: none is a single
// letter, digit or space.
func selective(needles []string) bool {
	for _, n := range needles {
		if len(n) == 1 && (n[0] == ' ' || n[0] >= '0' && n[0] <= '9' || n[0] >= 'a' && n[0] <= 'z') {
			return false
		}
	}
	return true
}

// union returns the strings f gives for each of subs, or nil when f gives
// nil for one of them or there are too many.
func union(subs []*syntax.Regexp, f func(*syntax.Regexp) []string) []string {
	var all []string
	for _, sub := range subs {
		x := f(sub)
		if x == nil {
			return nil
		}
		all = append(all, x...)
	}
	if len(all) > maxNeedles {
		return nil
	}
	return all
}

// exact returns the lower-case strings re matches, when they are few and
// it matches nothing else; nil otherwise.
func exact(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpCharClass:
		return classStrings(re)
	case syntax.OpAlternate:
		return union(re.Sub, exact)
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			e := exact(sub)
			if e == nil || len(out)*len(e) > maxNeedles {
				return nil
			}
			var prod []string
			for _, a := range out {
				for _, b := range e {
					prod = append(prod, a+b)
				}
			}
			out = prod
		}
		return out
	}
	return nil
}

func shortest(ss []string) int {
	n := 1 << 30
	for _, s := range ss {
		n = min(n, len(s))
	}
	return n
}

// mustOf returns the must-needles of re and the characters that make them
// no test (see Filter.must); nil when there are none worth a test.
func mustOf(re *syntax.Regexp) ([]string, string) {
	m := minimalNeedles(mustNeedles(re))
	if m == nil || !selective(m) {
		return nil, ""
	}
	bad := foldBad(re, nil)
	for _, b := range bad {
		if b < utf8.RuneSelf {
			// an ASCII letter would stop the test on most lines
			return nil, ""
		}
	}
	return m, string(bad)
}
