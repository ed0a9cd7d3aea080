package extract

// noneFrom reports whether reportIn from token from, with the rules of
// only, tries no rule, told without a pass over the hits: no hit stands
// at from or after it (the hits are in order, so the last tells), and
// every rule of only needs a cue — or is anchored at the start of the
// sentence, when from is past it. Such a search finds nothing, and most
// of the searches after a statement are such (no cue after its
// content). With more than 64 rules it reports false (the masks hold the
// first 64 alone).
func (g *gates) noneFrom(hits []cueHit, from int, only uint64) bool {
	if len(g.rules) > 64 || len(hits) > 0 && hits[len(hits)-1].Pos >= from {
		return false
	}
	try := g.always & only
	if from > 0 {
		try &^= g.anchored
	}
	return try == 0
}
