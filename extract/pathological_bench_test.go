package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// pathologicalUnits are the repeated units of the texts that once made
// time or memory grow faster than the input (docs/reliability.md).
var pathologicalUnits = []struct{ name, unit string }{
	{"pronouns", "“We agree,” he said. She told them it was his plan. “No,” she said, and they left. "},
	{"quotes-per-line", "“Yes,” “no,” “maybe,” “so” and “then” they were. \n"},
	{"said-lines", "“We will win this,” said John Smith.\n"},
	{"lone-cr", "“Yes,” he said.\r"},
	{"newlines", "\n"},
	{"opening-marks-all", "“"},
	// with Options.Reported: statements on one line with no line break
	// (one paragraph), inside and outside typewriter '' quotations, and
	// short terms after called (each once scanned back to its paragraph's
	// start, or its sentence's)
	{"reported-line", "Jane Doe said the bridge would close. ''The council said it would pay,'' the mayor said. "},
	{"reported-called", "The plan, called “reckless” by some, a method called “mental arithmetic”, Jane Doe said they called “silly”, "},
}

// BenchmarkPathological extracts each pathological text at 1, 4 and 16 MB:
// ns/op, B/op and the peak heap while extracting (peak-MB, the bytes of
// heap objects, live or not yet swept, under the test's GOGC) should grow
// about 16× from 1 to 16 MB. It is not run by go test; the figures in
// docs/reliability.md come from the command (peak RSS) and from
//
//	go test ./extract -run '^$' -bench Pathological -benchtime 1x -benchmem
func BenchmarkPathological(b *testing.B) {
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range pathologicalUnits {
		for _, mb := range []int{1, 4, 16} {
			b.Run(fmt.Sprintf("%s/%dMB", p.name, mb), func(b *testing.B) {
				n := mb << 20
				text := strings.Repeat(p.unit, n/len(p.unit)+1)[:n/len(p.unit)*len(p.unit)]
				x := extract.New(rs, extract.Options{All: p.name == "opening-marks-all", Reported: strings.HasPrefix(p.name, "reported-")})
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				var peak uint64
				for range b.N {
					peak = max(peak, peakDuring(func() {
						if _, err := x.Extract("p", text); err != nil {
							b.Fatal(err)
						}
					}))
				}
				b.ReportMetric(float64(peak)/1e6, "peak-MB")
			})
		}
	}
}
