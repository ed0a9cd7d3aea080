package extract

import "github.com/whosaid/whosaid/rules"

// shapeTest is the test of one shape or context condition of a cleanup rule
// on line i, whose features are li.
type shapeTest func(st *cleanState, r *rules.CleanupRule, li *lineInfo, i int) bool

// testsOf returns the tests of the shape and context conditions r sets
// (rules.CleanupRule.Conditions): none for most line rules.
func testsOf(r *rules.CleanupRule) []shapeTest {
	var out []shapeTest
	for _, key := range r.Conditions() {
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
