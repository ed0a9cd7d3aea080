package extract

// unclosedOuter handles the one quote left open at a paragraph end when
// quotes opened by its own opening mark were opened and closed inside it:
// “Glasgow (“No Place Like Home”). “It grabbed me,” he said. A quotation
// does not nest in its own marks (nested quotes take the other pair), so
// the outer mark — one of an outer pair: inner marks such as ‘ are
// apostrophes too often — was never closed: its quote ends before the first such
// inner quote, and the quotes opened inside it move up a level. It reports
// whether it ended the quote; the work is linear in the quotes opened
// inside it.
func (s *qsScanner) unclosedOuter() bool {
	it := s.stack[0]
	if s.t.marks[it.mark].inner {
		return false // ‘ and ' are apostrophes too often to tell
	}
	open := s.t.marks[it.mark].r
	first := -1
	for r := it.res + 1; r < len(s.quotes); r++ {
		if q := &s.quotes[r]; q.OpenStart >= 0 && q.Parent == it.res && q.Open == open && !q.Unclosed {
			first = r
			break
		}
	}
	if first < 0 {
		return false
	}
	end := s.trimBack(s.quotes[first].OpenStart, it.contentStart)
	for r := it.res + 1; r < len(s.quotes); r++ {
		q := &s.quotes[r]
		if q.OpenStart < 0 {
			continue
		}
		q.Depth--
		if q.Parent == it.res {
			q.Parent = -1
		}
	}
	s.finalize(it, 0, end, 0, end)
	s.warn(it.openStart, it.mark, qsWarnPara)
	s.pop(0)
	return true
}
