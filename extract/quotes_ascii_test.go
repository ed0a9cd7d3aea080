package extract

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestNoByteOf scans random invented text with the default table as it is
// and with the eight-byte test by class look-ups only (asciiClassOK off):
// the quotes and warnings must be the same.
func TestNoByteOf(t *testing.T) {
	qsDefaultTableOnce.Do(makeQSDefaultTable)
	if !qsDefaultTable.asciiClassOK {
		t.Fatal("the default table has more than four ASCII mark bytes")
	}
	slow := qsDefaultTable
	slow.asciiClassOK = false
	parts := []string{"Jane Doe said ", "\"", "'", "“", "”", "‘", "’", "«", "»", "「", "」",
		"\n", "\n\n", " ", "Springfield", "Acme Corp.", "it's", "é", "—", ",", ".", "abcdefgh"}
	r := rand.New(rand.NewPCG(15, 15))
	for n := range 3000 {
		var b strings.Builder
		for range r.IntN(60) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		text := b.String()
		q1, w1 := scanQuotes(text, &qsDefaultTable, 0)
		q2, w2 := scanQuotes(text, &slow, 0)
		if !reflect.DeepEqual(q1, q2) || !reflect.DeepEqual(w1, w2) {
			t.Fatalf("text %d %q: quotes %v / %v, warnings %v / %v", n, text, q1, q2, w1, w2)
		}
	}
	var v [4]uint64
	for k, c := range []byte{'\n', '"', '\'', '"'} {
		v[k] = ones64 * uint64(c)
	}
	for x := range 128 {
		for y := range 128 {
			w := ones64*'a'&^(0xff<<16|0xff<<40) | uint64(x)<<16 | uint64(y)<<40
			want := !strings.ContainsAny(string([]byte{byte(x), byte(y)}), "\n\"'")
			if got := noByteOf(w, &v); got != want {
				t.Fatalf("noByteOf with %#x %#x: %v", x, y, got)
			}
		}
	}
}
