package needle

import (
	"encoding/binary"
	"errors"
)

// AppendEncoded appends the filter's encoding to b, which DecodeFilter
// reads back: the rules package keeps the filters of the default rules
// mined beforehand, so that a start does not mine them again.
func (f *Filter) AppendEncoded(b []byte) []byte {
	for _, l := range [][]string{f.needles, f.prefixes, f.suffixes, f.must} {
		if l == nil {
			b = append(b, 0)
			continue
		}
		b = binary.AppendUvarint(b, uint64(len(l))+1)
		for _, s := range l {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(f.mustBad)))
	return append(b, f.mustBad...)
}

var errBadFilter = errors.New("needle: bad filter encoding")

// DecodeFilter reads a filter that AppendEncoded wrote at the start of s;
// it returns the filter and what follows it. The strings of the filter
// share s's memory.
func DecodeFilter(s string) (Filter, string, error) {
	var f Filter
	num := func() (int, bool) {
		v, n := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
		if n <= 0 || v > uint64(len(s)) {
			return 0, false
		}
		s = s[n:]
		return int(v), true
	}
	str := func() (string, bool) {
		n, ok := num()
		if !ok || n > len(s) {
			return "", false
		}
		out := s[:n]
		s = s[n:]
		return out, true
	}
	for _, dst := range []*[]string{&f.needles, &f.prefixes, &f.suffixes, &f.must} {
		n, ok := num()
		if !ok {
			return Filter{}, "", errBadFilter
		}
		if n == 0 {
			continue
		}
		l := make([]string, n-1)
		for i := range l {
			if l[i], ok = str(); !ok {
				return Filter{}, "", errBadFilter
			}
		}
		*dst = l
	}
	var ok bool
	if f.mustBad, ok = str(); !ok {
		return Filter{}, "", errBadFilter
	}
	for _, p := range f.prefixes {
		if p == "" {
			return Filter{}, "", errBadFilter // Of never keeps an empty prefix
		}
		f.firstBytes[p[0]] = true
	}
	f.mustScan = newMustScan(f.must)
	return f, s, nil
}
