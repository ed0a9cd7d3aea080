package extract

import "github.com/whosaid/whosaid/rules"

// shapeTest is the test of one shape or context condition of a cleanup rule
// on line i, whose features are li.
type shapeTest func(st *cleanState, r *rules.CleanupRule, li *lineInfo, i int) bool

// testsOf returns the tests of the shape and context conditions r sets
// (rules.CleanupRule.Conditions): none for most line rules.
func testsOf(r *rules.CleanupRule) []shapeTest { return testsOfKeys(r, r.Conditions()) }

// testsOfKeys is testsOf with the rule's conditions, keys.
func testsOfKeys(r *rules.CleanupRule, keys []string) []shapeTest {
	var out []shapeTest
	for _, key := range keys {
		if t := shapeTestOf(r, key); t != nil {
			out = append(out, t)
		}
	}
	return out
}

// shapeTestOf returns the test of the condition key of r (nil for a key it
// does not know; TestShapeTestsCoverConditions keeps them in step with the
// rules package).
func shapeTestOf(r *rules.CleanupRule, key string) shapeTest {
	switch key {
	case "after":
		return func(st *cleanState, r *rules.CleanupRule, _ *lineInfo, i int) bool {
			return float64(st.lines[i].Start)/float64(st.n) >= r.AfterFraction
		}
	case "before":
		return func(st *cleanState, r *rules.CleanupRule, _ *lineInfo, i int) bool {
			return float64(st.lines[i].Start)/float64(st.n) < r.BeforeFraction
		}
	case "repeated":
		return func(_ *cleanState, _ *rules.CleanupRule, li *lineInfo, _ int) bool { return li.repeated }
	case "max_chars":
		return func(_ *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool { return li.chars <= r.MaxChars }
	case "min_chars":
		return func(_ *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool { return li.chars >= r.MinChars }
	case "no_terminal_punct":
		return func(_ *cleanState, _ *rules.CleanupRule, li *lineInfo, _ int) bool { return !li.terminal }
	case "terminal":
		return func(_ *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool {
			return triHolds(r.Terminal, li.terminal)
		}
	case "quote":
		return func(_ *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool {
			return triHolds(r.Quote, li.hasQuote)
		}
	case "all_caps":
		return func(_ *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool {
			return triHolds(r.AllCaps, li.upper >= 2 && li.lowerCs == 0)
		}
	case "min_stopwords":
		return func(st *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool {
			return st.stopShare(li) >= r.MinStopwords
		}
	case "max_stopwords":
		return func(st *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool {
			return st.stopShare(li) <= r.MaxStopwords
		}
	case "min_capitalized":
		return func(_ *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool {
			return li.share(li.caps, li.content) >= r.MinCapitalized
		}
	case "max_capitalized":
		return func(_ *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool {
			return li.share(li.caps, li.content) <= r.MaxCapitalized
		}
	case "min_digits":
		return func(_ *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool {
			return li.share(li.digits, li.letters+li.digits) >= r.MinDigits
		}
	case "max_digits":
		return func(_ *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool {
			return li.share(li.digits, li.letters+li.digits) <= r.MaxDigits
		}
	case "short_run":
		return func(_ *cleanState, r *rules.CleanupRule, li *lineInfo, _ int) bool { return li.run >= r.ShortRun }
	case "between_dropped":
		return func(st *cleanState, _ *rules.CleanupRule, _ *lineInfo, i int) bool { return st.betweenDropped(i) }
	case "title_copy":
		return func(st *cleanState, _ *rules.CleanupRule, li *lineInfo, i int) bool {
			return st.title >= 0 && i > st.title && li.key == st.info(st.title).key
		}
	case "near_title":
		return func(st *cleanState, r *rules.CleanupRule, _ *lineInfo, i int) bool {
			return st.nearTitle(i, r.NearTitle)
		}
	case "good_within":
		return func(st *cleanState, r *rules.CleanupRule, _ *lineInfo, i int) bool {
			return st.isGood != nil && st.goodWithin(i, r.GoodWithin)
		}
	case "no_good_within":
		return func(st *cleanState, r *rules.CleanupRule, _ *lineInfo, i int) bool {
			return st.isGood != nil && !st.goodWithin(i, r.NoGoodWithin)
		}
	case "first_in_article":
		return func(st *cleanState, r *rules.CleanupRule, _ *lineInfo, i int) bool {
			return st.in != nil && triHolds(r.FirstInArticle, st.in[st.firstOf(i)])
		}
	case "numbered":
		return func(st *cleanState, _ *rules.CleanupRule, _ *lineInfo, i int) bool { return st.numbered[i] }
	case "dropped":
		return func(st *cleanState, r *rules.CleanupRule, _ *lineInfo, i int) bool {
			return triHolds(r.Dropped, st.lines[i].Dropped)
		}
	case "prev":
		side := testsOf(r.Prev)
		return func(st *cleanState, r *rules.CleanupRule, _ *lineInfo, i int) bool {
			return st.sideHolds(r.Prev, side, i, -1)
		}
	case "next":
		side := testsOf(r.Next)
		return func(st *cleanState, r *rules.CleanupRule, _ *lineInfo, i int) bool {
			return st.sideHolds(r.Next, side, i, 1)
		}
	}
	return nil
}

// lineNeeds tells, per number of words of a line, what the rules of a
// cleanup list (with their prev: and next: conditions) may read of its
// words: whether the share of capitalised words, and the highest threshold
// of a condition on the share of stop words (at least unknownShare, which
// stopwordsUnknown tests on the document's long lines). Rules whose word
// bounds exclude a line test none of its features (holds), so a share above
// that threshold passes and fails every condition as the exact share does.
type lineNeeds struct {
	caps [needBuckets]bool
	cut  [needBuckets]float64
}

// needBuckets: lines of needBuckets-1 words or more share the last entry
// of lineNeeds.
const needBuckets = 65

// needsOf returns the needs of the rules of list, whose conditions
// (rules.CleanupRule.Conditions) are keys (nil: asked of the rules). A rule
// with a short_run condition holds on short lines only (shortRuns), whatever
// its max_words.
func needsOf(list []*rules.CleanupRule, keys [][]string) *lineNeeds {
	n := &lineNeeds{}
	for w := range n.cut {
		n.cut[w] = unknownShare
	}
	short := defaultShortWords
	for _, r := range list {
		if r.Judge != nil {
			short = r.Judge.ShortWords
		}
	}
	var add func(r *rules.CleanupRule, keys []string)
	add = func(r *rules.CleanupRule, keys []string) {
		// what the rule reads of a line's words, then the lines it reads
		// them of
		caps, cut := false, -1.0
		for _, key := range keys {
			switch key {
			case "min_capitalized", "max_capitalized":
				caps = true
			case "min_stopwords":
				cut = max(cut, r.MinStopwords)
			case "max_stopwords":
				cut = max(cut, r.MaxStopwords)
			}
		}
		if caps || cut >= 0 {
			for w := range needBuckets {
				if w < r.MinWords && w < needBuckets-1 || r.MaxWords > 0 && w > r.MaxWords || r.ShortRun > 0 && w > short {
					continue
				}
				n.caps[w] = n.caps[w] || caps
				n.cut[w] = max(n.cut[w], cut)
			}
		}
		if r.Prev != nil {
			add(r.Prev, r.Prev.Conditions())
		}
		if r.Next != nil {
			add(r.Next, r.Next.Conditions())
		}
	}
	for i, r := range list {
		if keys != nil {
			add(r, keys[i])
		} else {
			add(r, r.Conditions())
		}
	}
	return n
}

// stopShare returns the share of the line's words in the stopwords list
// (that of prose when the list does not cover the document's language).
func (st *cleanState) stopShare(li *lineInfo) float64 {
	if st.stopUnknown {
		return neutralStopShare
	}
	return li.share(li.stop, li.tokens)
}

// triHolds reports whether b satisfies the condition t of a cleanup rule.
func triHolds(t rules.Tri, b bool) bool { return t == rules.Any || (t == rules.Yes) == b }
