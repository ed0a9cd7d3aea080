package needle

// maxNeedleBytes and minNeedleBytes bound how much of each needle the
// index looks for: the most whose automaton fits the fast table (see
// acMatcher), else the least. A longer needle says no to more lines (a
// comment policy's "comment" is not "commerce", "have a tip" is not "have
// been"), whose must-strings and word lists would be tested for nothing.
const (
	maxNeedleBytes = 7
	minNeedleBytes = 5
)

// maxNeedles bounds the needles of a regex: beyond, the test would cost more
// than it saves.
const maxNeedles = 64

// The phases of cleanup, in which rules apply.
const (
	PhaseLine    = iota // line rules
	PhaseBetween        // line rules that look at dropped neighbours
	PhaseScore          // scored rules
	PhaseContext        // scored rules with good_within or no_good_within
	PhaseRest           // drop: rest rules
	PhaseLate           // line rules that look at the article
	phases
)

// maxBucket: lines of this many words or more share one list of rules.
const maxBucket = 64

// Rule is what the Index needs to know of one rule of a cleanup list.
type Rule struct {
	Filter *Filter // the filter of the rule's regex (nil: no regex)
	// Forms: the word forms of the rule's words: lists (not only_words:)
	Forms []string
	// Phase: the phase the rule applies in (-1: none, the judge)
	Phase              int
	MinWords, MaxWords int // the word bounds of the rule (MaxWords 0: none)
}

// Index finds, in one pass over a lower-case line, which rules of a
// cleanup list may apply: a rule whose regex needs one of a few strings
// cannot apply to a line holding none of them. It is built once per list,
// when the ruleset is loaded, and is read-only after: safe for concurrent
// use.
type Index struct {
	// per rule: -1 when the rule's regex has no needles, else its place in a
	// line's hits
	slot  []int
	words []int // the same for the rule's small words: lists
	// phases[p][w]: the rules of phase p that may apply to a line of w words
	phases [phases][maxBucket + 1][]int
	ac     acMatcher
}

// Build returns the index of a cleanup list.
func Build(list []Rule) *Index {
	x := &Index{slot: make([]int, len(list)), words: make([]int, len(list))}
	var pats []string
	var owners []int
	k := 0
	add := func(ns []string) int {
		for _, n := range ns {
			pats = append(pats, n)
			owners = append(owners, k)
		}
		k++
		return k - 1
	}
	for i, c := range list {
		x.slot[i], x.words[i] = -1, -1
		// a needle of one letter, digit or space would be found in most
		// lines: no test then
		if c.Filter != nil && c.Filter.needles != nil && selective(c.Filter.needles) {
			x.slot[i] = add(c.Filter.needles)
		}
		// small word lists (a comment policy's phrases) too; large ones
		// cost more in the automaton than the look-up of a line's words
		if len(c.Forms) > 0 && len(c.Forms) <= maxNeedles && selective(c.Forms) {
			x.words[i] = add(c.Forms)
		}
	}
	// a needle's first bytes are needed as well: short needles keep the
	// automaton small enough for the processor's caches
	n := maxNeedleBytes
	for n > minNeedleBytes && !fastFits(pats, n) {
		n--
	}
	for i, p := range pats {
		pats[i] = p[:min(len(p), n)]
	}
	x.ac = newAC(pats, owners, k)
	for i, c := range list {
		if c.Phase < 0 {
			continue
		}
		for w := 0; w <= maxBucket; w++ {
			if w >= c.MinWords || c.MinWords > maxBucket && w == maxBucket {
				if c.MaxWords == 0 || w <= c.MaxWords {
					x.phases[c.Phase][w] = append(x.phases[c.Phase][w], i)
				}
			}
		}
	}
	return x
}

// Rules returns the places in the list, in order, of the rules of a phase
// that may apply to a line of this many words.
func (x *Index) Rules(phase, words int) []int {
	return x.phases[phase][min(words, maxBucket)]
}

// Hits is the set of needle groups found in a line, one bit per group (a
// group past the 64th always counts as found).
type Hits uint64

// Scan returns which needles occur in the lower-case line.
func (x *Index) Scan(lower string) Hits { return x.ac.scan(lower) }

// RegexMay reports whether rule i's regex may match a line with hits h.
func (x *Index) RegexMay(i int, h Hits) bool { return h.has(x.slot[i]) }

// WordsMay reports whether a line with hits h may hold a word of rule i's
// words: lists.
func (x *Index) WordsMay(i int, h Hits) bool { return h.has(x.words[i]) }

// Need returns the needle groups that a line's hits must all hold for
// rule i to apply to it: its regex's and its words: lists' (none when
// RegexMay and WordsMay say yes whatever the hits).
func (x *Index) Need(i int) Hits {
	var h Hits
	for _, slot := range []int{x.slot[i], x.words[i]} {
		if slot >= 0 && slot < 64 {
			h |= 1 << uint(slot)
		}
	}
	return h
}

func (h Hits) has(slot int) bool { return slot < 0 || slot >= 64 || h&(1<<uint(slot)) != 0 }

// fastFits reports whether the automaton of the first n bytes of pats has
// a fast table (acMatcher.renumber): its nodes (the distinct prefixes) times
// its byte classes (the distinct bytes, and one for the rest) below 1<<16.
func fastFits(pats []string, n int) bool {
	nodes := map[string]bool{"": true}
	var seen [256]bool
	classes := 1
	for _, p := range pats {
		p = p[:min(len(p), n)]
		for i := range len(p) {
			nodes[p[:i+1]] = true
			if !seen[p[i]] {
				seen[p[i]] = true
				classes++
			}
		}
	}
	return len(nodes)*classes < 1<<16
}
