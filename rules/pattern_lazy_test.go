package rules

import (
	"reflect"
	"sync"
	"testing"
)

// TestLazyPatterns checks that a default load reads every pattern on first
// use, and that what it reads then — the items,
// their lists and what the parser tells of them — is what a load that
// reads every pattern at once gives.
func TestLazyPatterns(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want, err := loadWith(DefaultBaseSources(), nil) // no static data: nothing read later
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*AttrRule{}
	for _, r := range want.Attribution {
		byID[r.ID] = r
	}
	lazy := 0
	for _, r := range rs.Attribution {
		if r.Pattern == nil {
			continue
		}
		if r.Pattern.lazy == nil {
			t.Errorf("rule %s of kind %q: read at the load, not on first use", r.ID, r.Kind)
			continue
		}
		lazy++
		w := byID[r.ID]
		if w == nil || w.Pattern == nil {
			t.Fatalf("rule %s: not in the load without the static data", r.ID)
		}
		if g, w := r.Pattern, w.Pattern; g.HasQuote != w.HasQuote || g.HasClause != w.HasClause || g.anchored != w.anchored {
			t.Errorf("rule %s: HasQuote, HasClause, anchored %v, %v, %v; want %v, %v, %v", r.ID,
				g.HasQuote, g.HasClause, g.anchored, w.HasQuote, w.HasClause, w.anchored)
		}
		// read at once by several goroutines (go test -race)
		var wg sync.WaitGroup
		got := make([][]*item, 4)
		for i := range got {
			wg.Add(1)
			go func() { defer wg.Done(); got[i] = r.Pattern.its() }()
		}
		wg.Wait()
		for i := 1; i < len(got); i++ {
			if len(got[i]) == 0 || &got[i][0] != &got[0][0] {
				t.Fatalf("rule %s: its gave other items to another goroutine", r.ID)
			}
		}
		var gl, wl []string
		listNames(got[0], &gl)
		listNames(w.Pattern.its(), &wl)
		if !reflect.DeepEqual(gl, wl) {
			t.Errorf("rule %s: lists %v, want %v", r.ID, gl, wl)
		}
		for _, ws := range [...][]*item{got[0], w.Pattern.its()} {
			walkAll(ws, unbindItem) // each load's own lists
		}
		if !reflect.DeepEqual(got[0], w.Pattern.its()) {
			t.Errorf("rule %s: items differ from the parsed ones", r.ID)
		}
	}
	if lazy == 0 {
		t.Errorf("no pattern of the default load is read on first use")
	}
}

// listNames appends the names of the lists bound to the list items of its
// (depth first) to names; "" for an item without one.
func listNames(its []*item, names *[]string) {
	walkAll(its, func(it *item) {
		if it.op == opList {
			name := ""
			if it.list != nil {
				name = it.list.Name
			}
			*names = append(*names, name)
		}
	})
}

// walkAll calls f on each item of its, depth first: alternatives, then
// negated items (the order of Pattern.lists).
func walkAll(its []*item, f func(*item)) {
	for _, it := range its {
		f(it)
		for _, alt := range it.alts {
			walkAll(alt, f)
		}
		walkAll(it.neg, f)
	}
}

// unbindItem clears what a load binds to the item it: its list, and the
// owner of its guards' lists (a load's own).
func unbindItem(it *item) {
	it.list = nil
	for _, g := range [2]*seqGuard{it.after, it.skip} {
		if g != nil {
			g.owner = nil
		}
	}
}
