package rules

// MayStartAt reports whether a match of rule r can start at token pos of
// the window: false only when none can (the first items of its pattern
// match nothing there, a SPEAKER among them no speaker phrase that it
// admits), as the matcher tells a start before it tries it.
func (w *Window) MayStartAt(r *AttrRule, pos int) bool {
	m := &w.m
	if m.Window != w {
		m.Window = w
	}
	return m.canStart(r.Pattern.its(), pos)
}
