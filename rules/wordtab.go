package rules

import "github.com/whosaid/whosaid/internal/wordtab"

// wordSet returns the word set of the list (which may be nil): it answers
// Has as the list does, faster for short words.
func (l *List) wordSet() *wordtab.Set {
	if l == nil {
		return wordtab.NewSet(nil, l.Has)
	}
	if l.words == nil && l.static != nil {
		return wordtab.NewSet(l.static.words(), l.Has)
	}
	words := make([]string, 0, len(l.words))
	for w := range l.words {
		words = append(words, w)
	}
	return wordtab.NewSet(words, l.Has)
}
