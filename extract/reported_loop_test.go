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
