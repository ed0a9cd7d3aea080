package rules

import "testing"

// TestGuardFiltersAreUnions checks that the filters of the phrases' first
// words of every guard of the default rules whose lists have an owner
// (seqGuard.keys and firsts) are the unions of its lists' (those with
// phrases), as they stand once the rules are loaded: fails reads them in
// place of the lists' own (TestGuardBitsLikeAtoms compares its answers
// with the atoms' one by one).
func TestGuardFiltersAreUnions(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	checked, phrases := 0, 0
	for _, r := range rs.Attribution {
		if r.Pattern == nil {
			continue
		}
		walkAll(r.Pattern.its(), func(it *item) {
			for _, g := range [2]*seqGuard{it.after, it.skip} {
				if g == nil || g.owner == nil {
					continue
				}
				var keys, firsts uint64
				for _, a := range g.atoms[g.others:] {
					if l := a.list; l.maxLen > 1 {
						keys |= l.phraseKeys[0] | l.phraseKeys[1] | l.phraseKeys[2] | l.phraseKeys[3]
						firsts |= l.firsts
					}
				}
				if g.keys != keys || g.firsts != firsts {
					t.Fatalf("guard of %s: filters %x %x, its lists' %x %x", r.ID, g.keys, g.firsts, keys, firsts)
				}
				checked++
				if keys != 0 {
					phrases++
				}
			}
		})
	}
	if checked == 0 || phrases == 0 {
		t.Fatalf("%d guards with an owner, %d with phrases", checked, phrases)
	}
}
