package rules

// The patterns of the embedded defaults are read from the pattern table on
// first use: a run without --reported never matches the patterns of
// reported speech (about half of the default base ruleset's items, ~60 KB
// of fresh memory at every start), and a run on one article tries about
// half of the others (the seed article 23 of some 50; reading all of them
// at every start cost ~0.2 M instructions, docs/performance.md). Only a
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
	done atomic.Bool // items are read
	// entry is the pattern's entry in the table, found by lazyPattern
	// (read looks it up no more: a bisection over the table's sources,
	// ~1,300 instructions a pattern)
	entry string
	// shared is what the load's patterns read on first use share
	shared *lazyShared
}

// lazyShared is what the patterns of one load that are read on first use
// share: a lock, the blocks their items are read into (one after another,
// as the load reads its patterns: one pattern's items a few allocations of
// their own cost some ten page faults more for an article's two dozen
// patterns), and the lists their list items are bound to.
type lazyShared struct {
	mu     sync.Mutex
	blocks *patternBlocks
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
	pat.lazy.entry = val
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
	sh := l.shared
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if !l.done.Load() {
		if full, ok := entryPattern(l.entry, p.Source, sh.blocks, sh.lists); ok {
			p.items, p.caps = full.items, full.caps // (its list items bound as they were read)
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
