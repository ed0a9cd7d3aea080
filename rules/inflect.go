package rules

import "strings"

// compile builds the lookup tables of a list from its entries.
func (l *List) compile() {
	per := 1 // forms per entry, roughly: the words map is made big enough at once
	if !l.plain && l.Kind == KindLemmas {
		per = 5
	} else if !l.plain && l.Kind == KindNouns {
		per = 2
	}
	l.static = nil
	l.words = make(map[string]struct{}, per*len(l.Entries))
	l.phrases = map[string][][]string{}
	l.maxLen = 1
	var forms []string
	for _, e := range l.Entries {
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" {
			continue
		}
		attr := ""
		if l.Kind == KindWords {
			if w, a, ok := strings.Cut(e, ":"); ok && w != "" {
				e, attr = w, a
			}
		}
		forms = forms[:0]
		for i, rest, more := 0, e, true; more; i++ {
			var f string
			f, rest, more = strings.Cut(rest, "|") // the forms of e, as strings.Split(e, "|")
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			forms = append(forms, f)
			if i > 0 || l.plain {
				continue
			}
			switch l.Kind {
			case KindLemmas:
				forms = append(forms, verbForms(f)...)
			case KindNouns:
				forms = append(forms, nounPlurals(f)...)
			}
		}
		for _, f := range forms {
			w := f
			if !oneWord(f) {
				ws := strings.Fields(f)
				if len(ws) != 1 {
					if len(ws) > l.maxLen {
						l.maxLen = len(ws)
					}
					l.phrases[ws[0]] = append(l.phrases[ws[0]], ws)
					continue
				}
				w = ws[0]
			}
			l.words[w] = struct{}{}
			if attr != "" {
				l.Attrs[w] = attr
			}
		}
	}
}

// oneWord reports whether strings.Fields(f) is f alone: f is not empty
// and holds no space (it is tested on ASCII text only; other text is left
// to strings.Fields).
func oneWord(f string) bool {
	if f == "" {
		return false
	}
	for i := 0; i < len(f); i++ {
		if c := f[i]; c <= ' ' || c >= 0x80 {
			return false
		}
	}
	return true
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// verbForms generates the regular inflections of a verb lemma: third person
// -s, past -ed and present participle -ing, with the usual spelling changes;
// for a final consonant-vowel-consonant both the doubled and the plain
// forms are produced (admit → admitted, admited), which costs nothing in
// matching and needs no stress information. Multi-word lemmas inflect the
// first word (point out → points out).
func verbForms(lemma string) []string {
	first, rest, multi := strings.Cut(lemma, " ")
	if multi {
		var out []string
		for _, f := range verbForms(first) {
			out = append(out, f+" "+rest)
		}
		return out
	}
	w := lemma
	n := len(w)
	if n < 2 {
		return nil
	}
	var out []string
	last, prev := w[n-1], w[n-2]
	// third person
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || (last == 'o' && !isVowel(prev)):
		out = append(out, w+"es")
	case last == 'y' && !isVowel(prev):
		out = append(out, w[:n-1]+"ies")
	default:
		out = append(out, w+"s")
	}
	// past and participle
	switch {
	case strings.HasSuffix(w, "ie"):
		out = append(out, w+"d", w[:n-2]+"ying") // die → died, dying
	case strings.HasSuffix(w, "ee") || strings.HasSuffix(w, "ye") || strings.HasSuffix(w, "oe"):
		out = append(out, w+"d", w+"ing") // agree → agreed, agreeing
	case last == 'e':
		out = append(out, w+"d", w[:n-1]+"ing")
	case last == 'y' && !isVowel(prev):
		out = append(out, w[:n-1]+"ied", w+"ing")
	default:
		out = append(out, w+"ed", w+"ing")
		// consonant-vowel-consonant: double the last consonant too (admit →
		// admitted); "qu" counts as a consonant (quip → quipped).
		before := byte(0)
		if n >= 3 {
			before = w[n-3]
		}
		if before == 'u' && n >= 4 && w[n-4] == 'q' {
			before = 'q'
		}
		switch {
		case last == 'c' && isVowel(prev):
			out = append(out, w+"ked", w+"king") // mimic → mimicked
		case before != 0 && !isVowel(last) && isVowel(prev) && !isVowel(before) && strings.IndexByte("wxy", last) < 0:
			out = append(out, w+string(last)+"ed", w+string(last)+"ing")
		}
	}
	return out
}

// nounPlurals generates the regular plural of a noun (official → officials,
// spokesman → spokesmen, authority → authorities). Multi-word entries
// inflect the last word.
func nounPlurals(noun string) []string {
	if i := strings.LastIndexByte(noun, ' '); i >= 0 {
		var out []string
		for _, p := range nounPlurals(noun[i+1:]) {
			out = append(out, noun[:i+1]+p)
		}
		return out
	}
	w := noun
	n := len(w)
	if n < 2 {
		return nil
	}
	switch {
	case strings.HasSuffix(w, "man"):
		return []string{w[:n-3] + "men"}
	case strings.HasSuffix(w, "woman"):
		return []string{w[:n-5] + "women"}
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return []string{w + "es"}
	case w[n-1] == 'y' && !isVowel(w[n-2]):
		return []string{w[:n-1] + "ies"}
	}
	return []string{w + "s"}
}
