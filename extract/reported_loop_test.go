package extract

import (
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestWordKindLikeCompare checks wordKind, mayReport's count without a
// branch, against comparing the kind, for every kind's byte.
func TestWordKindLikeCompare(t *testing.T) {
	for k := 0; k < 256; k++ {
		want := uint8(0)
		if rules.TokenKind(k) == rules.Word {
			want = 1
		}
		if got := wordKind(rules.TokenKind(k)); got != want {
			t.Errorf("wordKind(%d) = %d, want %d", k, got, want)
		}
	}
}

// firstStartRef is attempt's first start as it was told before gateRule
// held the lead: from the reach and the anchoring, by branches.
func firstStartRef(rc *rules.CueReach, anchored bool, from, f int, fast bool) (int, bool) {
	lo := from
	if rc.Lead >= 0 && anchored {
		if rc.Off >= 0 {
			lo = max(from, f-rc.Lead-rc.Off)
		}
		if fast && lo > 0 {
			return lo, true
		}
	} else if rc.Lead >= 0 {
		lo = max(from, f-rc.Lead)
	}
	return lo, false
}

// TestFirstStartLikeRef compares gateRule.firstStart with the branches it
// replaces, for reaches bounded and not, anchored and not, every first
// start and first cue of a sentence, with and without the fast path.
func TestFirstStartLikeRef(t *testing.T) {
	for _, lead := range []int{-1, 0, 1, 3, 18, 1 << 41} {
		for _, off := range []int{-1, 0, 2, 5} {
			for _, anchored := range []bool{false, true} {
				rc := &rules.CueReach{Lead: lead, Off: off}
				e := newGateRule(nil, 1, 0, rc, anchored)
				for from := 0; from < 8; from++ {
					for f := from; f < 40; f++ {
						for _, fast := range []bool{false, true} {
							lo, none := e.firstStart(from, f, fast)
							wantLo, wantNone := firstStartRef(rc, anchored, from, f, fast)
							if none != wantNone || !none && lo != wantLo {
								t.Fatalf("lead %d off %d anchored %v from %d f %d fast %v: (%d, %v), want (%d, %v)",
									lead, off, anchored, from, f, fast, lo, none, wantLo, wantNone)
							}
						}
					}
				}
			}
		}
	}
}
