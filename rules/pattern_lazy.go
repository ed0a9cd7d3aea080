package rules

// The patterns of reported speech are read from the pattern table on
// first use: a run without --reported never matches them, and reading
// their items at every start (about half of the default base ruleset's
// items) filled ~60 KB of fresh memory. Only a
// load with the static data makes such patterns (decoder.attr): its
// patterns are all in the table and were checked when it was made
// (TestStaticLoadSame loads the same files without the data, which parses
// and checks every pattern). Every reader of a pattern's items goes
// through Pattern.its.

import (
	"sync"
	"sync/atomic"
)

// lazyItems is what a pattern read on first use needs to read its items
// (into Pattern.items, before done).
type lazyItems struct {
	mu   sync.Mutex
	done atomic.Bool // items are read
	// lists are the ruleset's lists, which the list items are bound to
	// (set by Ruleset.resolve; read-only after the load)
	lists map[string]*List
}

// lazyPattern returns the pattern src of the table without its items,
// which its reads on first use; ok is false when src is not in the table.
func lazyPattern(src string, blocks *patternBlocks) (pat *Pattern, ok bool) {
	val, ok := lookupEntry(defaultPatternTable, patternsMagic, patternKind, src)
	if !ok || val == "" {
		return nil, false
	}
	f := val[0]
	pat = blocks.pattern()
	*pat = Pattern{Source: src, HasQuote: f&patternQuote != 0, HasClause: f&patternClause != 0,
		anchored: f&patternAnchored != 0, lazy: blocks.lazyItems()}
	return pat, true
}

// its returns the items of p: for a pattern read on first use, read them
// from the table and bind their lists the first time (safe for
// concurrent use). Small enough to be inlined: the matchers call it for
// every rule at every place they try it.
func (p *Pattern) its() []*item {
	if p.lazy == nil || p.lazy.done.Load() {
		return p.items // (set before done, for a pattern read on first use)
	}
	return p.read()
}

// read reads the items of p, a pattern read on first use, from the table,
// once.
func (p *Pattern) read() []*item {
	l := p.lazy
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.done.Load() {
		if full, ok := tablePattern(p.Source, &patternBlocks{}); ok {
			refs := full.lists
			bindItems(full.items, &refs, func(ref listRef) *List { return l.lists[ref.name] })
			p.items = full.items
		} // (else nil: lazyPattern found it, and a broken table is refused by TestDefaultSnapshot)
		l.done.Store(true)
	}
	return p.items
}

// bindItems sets the list of each list item of its, depth first, to
// list(ref) of the next of refs (nil: left unbound).
func bindItems(its []*item, refs *[]listRef, list func(listRef) *List) {
	for _, it := range its {
		if it.op == opList && len(*refs) > 0 {
			ref := (*refs)[0]
			*refs = (*refs)[1:]
			if l := list(ref); l != nil {
				it.list = l
			}
		}
		for _, a := range it.alts {
			bindItems(a, refs, list)
		}
		bindItems(it.neg, refs, list)
	}
}
