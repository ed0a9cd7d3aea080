package extract

import "testing"

// FuzzScanQuotes checks the scanner's invariants (checkQuoteInvariants) on
// any input: no panic, quotes sorted by Start, offsets in order and on rune
// boundaries, parents before and around their children, no quote across a
// newline, content within MaxLen, warnings sorted. The extra arguments vary
// MaxLen (0 is the default) and the pair table.
func FuzzScanQuotes(f *testing.F) {
	for _, tc := range quoteCases {
		f.Add(tc.text, uint16(tc.opt.MaxLen), uint8(0))
	}
	f.Add(seedSnippet, uint16(0), uint8(0))
	f.Add(seedSnippet, uint16(40), uint8(1))
	f.Add(benchArticle, uint16(0), uint8(0))
	f.Add(benchArticle, uint16(60), uint8(2))
	tables := [][]MarkPair{
		nil,
		{{Open: '”', Close: '”'}, {Open: '’', Close: '’'}, {Open: '»', Close: '»'}, {Open: '"', Close: '"'}},
		append(DefaultMarkPairs(), MarkPair{Open: '“', Close: '’', CloseNext: '’'}, MarkPair{Open: '‘', OpenNext: '‘', Close: '’', CloseNext: '’'},
			MarkPair{Open: '\'', OpenNext: '\'', Close: '\'', CloseNext: '\''}, MarkPair{Open: '“', Close: '"'}, MarkPair{Open: '”', Close: '”'}),
		append(DefaultMarkPairs(), MarkPair{Open: '<', Close: '>'}, MarkPair{Open: '>', Close: '<'}, MarkPair{Open: '|', Close: '|'}, MarkPair{Open: '(', Close: ')'}),
	}
	f.Fuzz(func(t *testing.T, text string, maxLen uint16, table uint8) {
		opt := ScanOptions{Pairs: tables[int(table)%len(tables)], MaxLen: int(maxLen % 300)}
		qs, ws := ScanQuotes(text, opt)
		checkQuoteInvariants(t, text, opt, qs, ws)
	})
}
