package rules

import (
	"math/rand"
	"testing"
)

// setOnce sets (on) or clears the once flag of every item of its, and of
// the items inside them, as Pattern.scan sets it.
func setOnce(its []*item, on bool) {
	walkAll(its, func(it *item) {
		it.once = onceNot
		if on {
			it.once = onceOf(it)
		}
	})
}

// TestOnceGroupLikeRep checks that seq, which tries the alternatives of a
// group matched once at most itself (going on by seqNext), gives the
// matches and the step counts of rep and one, for every default rule and
// the first items of some, on random sentences of the words that the
// rules' groups look for (short ones, long ones, and ones with a low
// limit of steps) and on the evaluation texts' sentences when
// WHOSAID_EVAL names their folder.
func TestOnceGroupLikeRep(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Smith", "said", "he", "The", "the", "official", "on", "Monday", "last", "week", "told",
		"reporters", "wants", "to", "has", "repeatedly", "that", "asked", "by", "whether", "about", ",", ",",
		"Q:quote", "Q:other", "talks", "had", "failed", ".", "according", "also", "–", "and", "but", "while",
		"saying", "his", "’s", "claim", "who", "as", "It", "is", "was", ":"}
	rng := rand.New(rand.NewSource(19))
	sents := append(randomParts(rng, words, 1000, 25, 20, 150), evalSentences(t, 300)...)
	groups := countItems(rs, func(it *item) bool { return it.once != onceNot })
	if groups == 0 {
		t.Fatal("no pattern has a group matched once at most")
	}
	limited, matched := toggledLikeRep(t, rs, sents, rng, setOnce, "seq's groups")
	t.Logf("%d sentences (%d with a low limit), %d groups matched once at most, %d matches", len(sents), limited, groups, matched)
}

// countItems returns the items of rs's attribution patterns, at any depth,
// for which pred holds.
func countItems(rs *Ruleset, pred func(*item) bool) int {
	n := 0
	for _, r := range rs.Attribution {
		if r.Pattern != nil {
			walkAll(r.Pattern.its(), func(it *item) {
				if pred(it) {
					n++
				}
			})
		}
	}
	return n
}
