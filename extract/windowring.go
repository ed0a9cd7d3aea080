package extract

import "github.com/whosaid/whosaid/rules"

// maxWindows bounds the matching windows of a document alive at once. A
// window holds a sentence's memo of speaker phrases and list summaries,
// some hundreds of bytes and more per token; keeping one per sentence for
// the whole document made the windows the largest structure of a long
// document (a quarter of its heap). Attribution walks the quotes in text
// order and looks at most a few sentences around each, so a window taken
// back from a sentence far behind is rarely asked for again; when it is,
// the sentence gets a fresh one, with the same results (a window only
// memoises).
const maxWindows = 256

// windowRing lends matching windows to sentences, reusing the oldest lent
// one when maxWindows are out; it is kept in the scratch between
// documents.
type windowRing struct {
	wins  []*rules.Window
	owner []int // the sentence (index in analysis.sents) each window serves
	n     int   // windows lent for this document
}

// lend returns a window of sentence si's tokens, taking it back from the
// sentence that had it, if any, and sets a.sents[si].win.
func (r *windowRing) lend(a *analysis, si int) *rules.Window {
	toks := a.toks(si)
	var w *rules.Window
	switch k := r.n % maxWindows; {
	case r.n < len(r.wins) && r.n < maxWindows:
		w = r.wins[k] // left from an earlier document
		w.Reset(a.rs, toks)
	case r.n < maxWindows:
		w = a.rs.NewWindow(toks)
		r.wins = append(r.wins, w)
		r.owner = append(r.owner, si)
	default:
		w = r.wins[k]
		if o := r.owner[k]; o < len(a.sents) && a.sents[o].win == w {
			a.sents[o].win = nil // that sentence makes a new one if asked again (an opening dropped by dropHead has none)
		}
		w.Reset(a.rs, toks)
	}
	r.owner[r.n%maxWindows] = si
	r.n++
	a.sents[si].win = w
	return w
}

// reset makes every window lendable again, for the next document.
func (r *windowRing) reset() { r.n = 0 }
