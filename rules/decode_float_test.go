package rules

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestParseFloat checks that parseFloat gives what strconv.ParseFloat
// gives, bit for bit, errors included.
func TestParseFloat(t *testing.T) {
	cases := []string{"0", "1", "0.8", "0.85", "1.50", "00.5", "12", "0.1", "0.7", "0.3333333333333",
		"123456789012345", "1234567890123456", "0.123456789012345", "0.0000000000001", "99999999999999.9",
		"", ".", ".5", "5.", "1.2.3", "-0.5", "+1", "1e3", "1_000", "0x10", "inf", "NaN", " 1", "1 "}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		ip, fp := r.IntN(7), r.IntN(10)
		s := fmt.Sprint(r.Int64N(int64(math.Pow10(ip + 1))))
		if fp > 0 {
			f := fmt.Sprint(r.Int64N(int64(math.Pow10(fp))))
			for len(f) < fp {
				f = "0" + f
			}
			s += "." + f
		}
		cases = append(cases, s)
	}
	for _, s := range cases {
		got, gerr := parseFloat(s)
		want, werr := strconv.ParseFloat(s, 64)
		if math.Float64bits(got) != math.Float64bits(want) || (gerr == nil) != (werr == nil) {
			t.Errorf("parseFloat(%q) = %v, %v; strconv gives %v, %v", s, got, gerr, want, werr)
		}
	}
}
