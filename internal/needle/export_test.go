package needle

// ScanBoth returns what the renumbered automaton of x and the plain one
// find in s, and whether x has a renumbered automaton.
func ScanBoth(x *Index, s string) (fast, plain Hits, renumbered bool) {
	p := x.ac
	p.fast = nil
	return x.ac.scan(s), p.scan(s), x.ac.fast != nil
}
