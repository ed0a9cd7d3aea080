package extract

import (
	"strings"
	"testing"
)

// TestWindowRing: past maxWindows sentences, the oldest sentence's window
// is taken back, a sentence asked again gets a window of its own tokens,
// and no more than maxWindows sentences hold one.
func TestWindowRing(t *testing.T) {
	x := defaultExtractor(t)
	text := strings.Repeat("“Yes,” he said. ", maxWindows+40)
	c, _, low := x.clean(text, false)
	a := x.analyze(c, low)
	defer x.release(a)
	if a.nsents <= maxWindows {
		t.Fatalf("%d sentences, want more than %d", a.nsents, maxWindows)
	}
	for si := range a.sents[:a.nsents] {
		a.window(si)
	}
	held := 0
	for si := range a.sents[:a.nsents] {
		if a.sents[si].win != nil {
			held++
		}
	}
	if held != maxWindows {
		t.Errorf("%d sentences hold a window, want %d", held, maxWindows)
	}
	if a.sents[0].win != nil {
		t.Errorf("sentence 0 kept its window past %d others", maxWindows)
	}
	w := a.window(0)
	if got := w.Tokens(); len(got) == 0 || &got[0] != &a.sents[0].toks[0] {
		t.Errorf("sentence 0 got a window of other tokens")
	}
}
