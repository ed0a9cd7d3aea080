package extract

import (
	"github.com/whosaid/whosaid/internal/needle"
	"github.com/whosaid/whosaid/rules"
)

// defaultShortWords: the words of a short line without a judge.
const defaultShortWords = 4

// shortRuns sets, on each short line, the length of the run of short lines
// it lies in (blank lines do not break a run).
func (st *cleanState) shortRuns() {
	short := defaultShortWords
	if st.judge != nil {
		short = st.judge.Judge.ShortWords
	}
	for i := 0; i < len(st.lines); {
		if st.info(i).text == "" || st.info(i).words > short {
			i++
			continue
		}
		j, n := i, 0
		for ; j < len(st.lines); j++ {
			li := st.info(j)
			if li.text == "" {
				continue
			}
			if li.words > short {
				break
			}
			n++
		}
		for k := i; k < j; k++ {
			if st.info(k).text != "" {
				st.info(k).run = n
			}
		}
		i = j
	}
}

// lineRules applies the rules that drop single lines, first match wins;
// between is the second pass, for the rules that look at dropped
// neighbours.
func (st *cleanState) lineRules(between bool) {
	for i := range st.lines {
		l := &st.lines[i]
		li := st.info(i)
		if li.text == "" || l.Dropped {
			continue
		}
		phase := needle.PhaseLine
		if between {
			phase = needle.PhaseBetween
		}
		st.dropByFirst(i, phase, li.words)
	}
}

// dropByFirst drops line i by the first rule of phase (among those its
// words may trigger) that holds for it.
func (st *cleanState) dropByFirst(i, phase, words int) {
	li := st.info(i)
	for _, k := range st.index.Rules(phase, words) {
		if !st.needled(k, li) {
			continue
		}
		r := st.x.rules.Cleanup[k]
		if st.holds(r, st.bufs.tests[k], k, i) {
			st.lines[i].Dropped = true
			st.setRule(i, r.ID)
			return
		}
	}
}

// numberedItems marks the items of numbered lists: a line that opens with
// a number next to (within three lines) one that opens with the number after
// it.
func (st *cleanState) numberedItems() {
	st.numbered = grow(&st.bufs.numbered, len(st.lines))
	num := grow(&st.bufs.num, len(st.nb))
	for p, i := range st.nb {
		num[p] = itemNumber(st.info(i).text)
	}
	for p := range st.nb {
		if num[p] < 0 {
			continue
		}
		for q := p + 1; q < len(st.nb) && q <= p+3; q++ {
			if num[q] == num[p]+1 {
				st.numbered[st.nb[p]], st.numbered[st.nb[q]] = true, true
				break
			}
		}
	}
}

// itemNumber returns the number a line opens with ("3. …", "3) …"), or -1.
func itemNumber(s string) int {
	n, k := 0, 0
	for k < len(s) && k < 3 && s[k] >= '0' && s[k] <= '9' {
		n = n*10 + int(s[k]-'0')
		k++
	}
	if k == 0 || k+1 >= len(s) || s[k] != '.' && s[k] != ')' || s[k+1] != ' ' {
		return -1
	}
	return n
}

// lateRules applies the line rules that look at the article to its kept
// lines.
func (st *cleanState) lateRules() {
	if st.in == nil {
		return
	}
	for i := range st.lines {
		l := &st.lines[i]
		if st.info(i).text == "" || l.Dropped || !st.in[i] {
			continue
		}
		st.dropByFirst(i, needle.PhaseLate, st.info(i).words)
	}
}

// score sums the scored rules of each line no rule dropped.
func (st *cleanState) score() {
	st.scores = grow(&st.bufs.scores, len(st.lines))
	st.worst = grow(&st.bufs.worst, len(st.lines))
	if st.judge == nil {
		return
	}
	low := grow(&st.bufs.low, len(st.lines))
	for pass := 0; pass < 2; pass++ {
		if pass == 1 {
			st.markGood()
		}
		for _, i := range st.nb {
			li := st.info(i)
			if st.lines[i].Dropped {
				continue
			}
			phase := needle.PhaseScore
			if pass == 1 {
				phase = needle.PhaseContext
			}
			for _, k := range st.index.Rules(phase, li.words) {
				if !st.needled(k, li) {
					continue
				}
				r := st.x.rules.Cleanup[k]
				if r.Score < 0 && r.Protect && li.hasQuote {
					continue
				}
				if !st.holds(r, st.bufs.tests[k], k, i) {
					continue
				}
				st.scores[i] += r.Score
				if r.Score < low[i] {
					low[i], st.worst[i] = r.Score, r.ID
				}
			}
		}
	}
}

// markGood records which lines are good, for the context conditions.
func (st *cleanState) markGood() {
	st.isGood = grow(&st.bufs.isGood, len(st.lines))
	for _, i := range st.nb {
		st.isGood[i] = !st.lines[i].Dropped && st.scores[i] >= st.judge.Judge.Good
	}
}

// goodWithin reports whether a good line lies within n non-blank lines of
// line i.
func (st *cleanState) goodWithin(i, n int) bool {
	p := int(st.nbAt[i])
	for k := max(0, p-n); k <= min(len(st.nb)-1, p+n); k++ {
		if k != p && st.isGood[st.nb[k]] {
			return true
		}
	}
	return false
}

// nearTitle reports whether line i lies within n non-blank lines after the
// headline.
func (st *cleanState) nearTitle(i, n int) bool {
	return st.title >= 0 && i > st.title && int(st.nbAt[i]-st.nbAt[st.title]) <= n
}

// restRules applies the rules that drop a line and everything after it.
func (st *cleanState) restRules() {
	good := 0
	goodAt := 1e9
	if st.judge != nil {
		goodAt = st.judge.Judge.Good
	}
	for i := range st.lines {
		li := st.info(i)
		if li.text == "" {
			continue
		}
		for _, k := range st.index.Rules(needle.PhaseRest, li.words) {
			if !st.needled(k, li) {
				continue
			}
			r := st.x.rules.Cleanup[k]
			if r.AfterGood > good {
				continue
			}
			if !st.holds(r, st.bufs.tests[k], k, i) {
				continue
			}
			for k := i; k < len(st.lines); k++ {
				st.lines[k].Dropped = true
				st.setRule(k, r.ID)
			}
			return
		}
		if !st.lines[i].Dropped && st.scores[i] >= goodAt {
			good++
		}
	}
}

// needled reports whether the line of features li holds the needles rule k
// needs (needle.Index.Need): a quick no before holds, which tests them
// after the word bounds and the shape conditions. The line is scanned at
// the first rule that needs a needle.
func (st *cleanState) needled(k int, li *lineInfo) bool {
	need := st.bufs.need[k]
	return need == 0 || st.infoHits(li)&need == need
}

// holds reports whether every condition of r holds on line i; tests are
// r's shape tests (testsOf), k its place in the list (-1 for prev: and
// next:, which the needle index does not cover).
func (st *cleanState) holds(r *rules.CleanupRule, tests []shapeTest, k, i int) bool {
	li := st.info(i)
	if r.MaxWords > 0 && li.words > r.MaxWords || li.words < r.MinWords {
		return false
	}
	for _, t := range tests {
		if !t(st, r, li, i) {
			return false
		}
	}
	// the quick tests of the words and the regex before the word lists'
	// look-ups and the regex itself (the conditions are all needed: their
	// order only sets the cost)
	words := len(r.Words)+len(r.OnlyWords) > 0
	if words && k >= 0 && !st.index.WordsMay(k, st.infoHits(li)) {
		return false
	}
	if r.Regex != nil {
		if f := st.filter(r); !f.EndsMay(st.infoLower(li)) || k >= 0 && !st.index.RegexMay(k, st.infoHits(li)) ||
			!f.MustMay(li.text, st.infoLower(li)) {
			return false
		}
	}
	if words && !st.listsHold(r, i) || r.Regex != nil && !r.Regex.MatchString(li.text) {
		return false
	}
	// last, as it needs the line's words: a protected line is spared
	return r.Scored || !r.Protect || !li.hasQuote && !(r.ProtectCues && st.hasCue(i))
}

// sideHolds tests the conditions r, with shape tests tests, on the nearest
// non-blank line before (dir -1) or after (dir 1) line i; there is none at
// the ends.
func (st *cleanState) sideHolds(r *rules.CleanupRule, tests []shapeTest, i, dir int) bool {
	p := int(st.nbAt[i]) + dir
	if p < 0 || p >= len(st.nb) {
		return false
	}
	return st.holds(r, tests, -1, st.nb[p])
}

// betweenDropped reports whether the nearest non-blank lines on both sides
// of line i were dropped (a line at either end of the text is not between).
func (st *cleanState) betweenDropped(i int) bool {
	p := int(st.nbAt[i])
	return p > 0 && p+1 < len(st.nb) && st.lines[st.nb[p-1]].Dropped && st.lines[st.nb[p+1]].Dropped
}

// hasCue reports whether line i holds a cue verb (a word of the cue-verb
// list), which protects it from most rules.
func (st *cleanState) hasCue(i int) bool {
	for _, w := range st.tokens(i) {
		if st.cue.Has(w) {
			return true
		}
	}
	return false
}

// tokens returns the lower-case words of line i (kept for the next call).
func (st *cleanState) tokens(i int) []string {
	if st.tokOf != i {
		st.toks = wordTokens(st.lower(i), st.bufs.toks[:0])
		st.bufs.toks = st.toks
		st.tokOf = i
	}
	return st.toks
}

// hits returns the needles found in line i (scanned once).
func (st *cleanState) hits(i int) needle.Hits {
	return st.infoHits(st.info(i))
}

// infoHits is hits for the line of features li.
func (st *cleanState) infoHits(li *lineInfo) needle.Hits {
	if !li.scanned {
		li.hits, li.scanned = st.index.Scan(st.infoLower(li)), true
	}
	return li.hits
}

// lower returns the lower-case text of line i.
func (st *cleanState) lower(i int) string {
	return st.infoLower(st.info(i))
}

// infoLower is lower for the line of features li.
func (st *cleanState) infoLower(li *lineInfo) string {
	return st.lowView[li.off : li.off+len(li.text)]
}

// listsHold tests the words and only_words conditions of r on line i.
func (st *cleanState) listsHold(r *rules.CleanupRule, i int) bool {
	toks := st.tokens(i)
	if len(r.Words) > 0 && !hasListWord(r, toks) {
		return false
	}
	if len(r.OnlyWords) > 0 && !allListWords(r, toks) {
		return false
	}
	return true
}

// hasListWord reports whether toks hold a word or phrase of one of the
// words: lists of r.
func hasListWord(r *rules.CleanupRule, toks []string) bool {
	for i := range toks {
		for _, l := range r.Words {
			if l.MatchWordsAt(toks, i) > 0 {
				return true
			}
		}
	}
	return false
}

// allListWords reports whether every token is covered by entries of the
// only_words: lists of r (and there is at least one token).
func allListWords(r *rules.CleanupRule, toks []string) bool {
	if len(toks) == 0 {
		return false
	}
	for i := 0; i < len(toks); {
		best := 0
		for _, l := range r.OnlyWords {
			best = max(best, l.MatchWordsAt(toks, i))
		}
		if best == 0 {
			return false
		}
		i += best
	}
	return true
}
