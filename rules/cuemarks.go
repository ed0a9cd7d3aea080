package rules

// CueMarks is, for the rules of reported speech of a search, the
// punctuation mark that must stand right after one of a rule's cues: the
// comma after the verb of SPEAKER cue:… , CONTENT (CueReach.mark: see
// cueContentHolds). (The comma right before the cue of CLAUSE , cue:…
// SPEAKER, a pivot of one mark, is pivotMarkHolds' alone.) A window
// tells them once for all rules from the tokens around its cue hits
// (Window.CueMarksFail), so that a rule none of whose cues has its mark
// is not visited. A CueMarks is read-only once made, safe for concurrent
// use.
type CueMarks struct {
	tests []markTest
	rules uint64 // the rules of the tests
}

// maxMarkSpan bounds the tokens after a cue at which a test looks for
// its mark (a mark that may stand farther from the cue tells too little
// for the tokens it reads).
const maxMarkSpan = 4

// markTest is the mark that must stand 1 to span tokens after a cue (an
// entry of the lists need, by their bits in the hits) of the rules of
// bits rules: one test for the rules alike.
type markTest struct {
	mark        byte
	span        int
	need, rules uint64
}

// NewCueMarks compiles the CueMarks of rules with reaches (rules[i]'s
// CueReach) and needs (need[i]: the bits of the lists of its cues in the
// hits that the window will be told; 0 for a rule that needs no cue).
// Only the first 64 rules are told.
func NewCueMarks(reaches []CueReach, need []uint64) *CueMarks {
	cm := &CueMarks{}
	add := func(ri int, mark byte, span int) {
		if span > maxMarkSpan {
			return
		}
		for i := range cm.tests {
			if t := &cm.tests[i]; t.mark == mark && t.span == span && t.need == need[ri] {
				t.rules |= 1 << ri
				return
			}
		}
		cm.tests = append(cm.tests, markTest{mark, span, need[ri], 1 << ri})
	}
	for ri := range min(len(reaches), len(need), 64) {
		if rc := &reaches[ri]; need[ri] != 0 && rc.mark != 0 {
			add(ri, rc.mark, int(rc.markSpan))
		}
	}
	for _, t := range cm.tests {
		cm.rules |= t.rules
	}
	return cm
}

// CueMarksFail returns, of the rules of try, the bits of those of cm that
// no match can satisfy in the window whose cue hits are hits (every token
// at which an entry of the cue lists starts): those with a mark that
// stands at the place it must next to none of their cues. What it tells
// is remembered for the window (the hits of its first call): a rule is
// told once, on the first call that asks for it.
func (w *Window) CueMarksFail(cm *CueMarks, hits []ListHit, try uint64) uint64 {
	if w.marksFor != cm {
		w.marksFor, w.markTold, w.markFail = cm, 0, 0
	}
	if try&cm.rules&^w.markTold != 0 {
		w.tellMarks(cm, hits, try)
	}
	return w.markFail
}

// tellMarks tells the tests of cm for the rules of try not told yet (a
// test's answer holds for all its rules; those not asked for are not
// marked told, their other tests not being made).
func (w *Window) tellMarks(cm *CueMarks, hits []ListHit, try uint64) {
	toks := w.toks
	todo := try & cm.rules &^ w.markTold
	w.markTold |= todo
	for i := range cm.tests {
		t := &cm.tests[i]
		if t.rules&todo == 0 {
			continue
		}
		ok := false
		if at, kept := w.markAtOf(t.mark); kept {
			// the positions the summary keeps: those 1 to span after
			// a hit's (bits past the window's 64 are none)
			for _, h := range hits {
				if h.Bits&t.need != 0 && h.Pos+1 < 64 && at>>(uint(h.Pos+1)&63)&(1<<t.span-1) != 0 {
					ok = true
					break
				}
			}
			if !ok {
				w.markFail |= t.rules
			}
			continue
		}
		for _, h := range hits {
			if h.Bits&t.need == 0 {
				continue
			}
			for p := h.Pos + 1; p <= h.Pos+t.span && p < len(toks); p++ {
				if tk := &toks[p]; tk.Kind == Punct && len(tk.Text) == 1 && tk.Text[0] == t.mark {
					ok = true
					break
				}
			}
			if ok {
				break
			}
		}
		if !ok {
			w.markFail |= t.rules
		}
	}
}
