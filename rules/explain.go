package rules

import (
	"fmt"
	"slices"
	"strings"
)

// ExplainMiss says where the pattern of rule r stopped matching in the
// window toks (quote as for MatchRule): the longest run of its leading items
// that matches (before the quotation, when a later item is QUOTE), the
// tokens it matched, and the item and token at which the match failed. It
// is meant for a rule that MatchRule found no match of; it costs one match
// per leading run of items.
func (rs *Ruleset) ExplainMiss(r *AttrRule, toks []Token, quote int) string {
	if r.Pattern == nil {
		return "the rule has no pattern"
	}
	items := r.Pattern.its()
	qi := -1 // the top-level QUOTE item
	for i, it := range items {
		if it.op == opQuote {
			qi = i
			break
		}
	}
	const name = " prefix" // no pattern can use this capture name
	for k := len(items) - 1; k >= 1; k-- {
		// the rule's captures numbered as in its pattern (items holds
		// them), with the prefix's after them
		names := append(slices.Clip(r.Pattern.caps.names), name)
		head := &item{op: opGroup, alts: [][]*item{items[:k]}, min: 1, max: 1, capture: name, named: true, capIdx: int32(len(names) - 1)}
		p := &Pattern{Source: r.Pattern.Source, items: []*item{head}, caps: captureNames{names: names}}
		if qi >= k {
			// QUOTE comes later: the leading items must match before it
			gap := &item{op: opGroup, min: 0, max: 60, alts: [][]*item{
				{{op: opAny, min: 1, max: 1}}, {{op: opOtherQuote, min: 1, max: 1}}}}
			p.items = append(p.items, gap, &item{op: opQuote, min: 1, max: 1})
		}
		p.HasQuote = qi >= 0 && quote >= 0
		m, ok := rs.MatchRule(&AttrRule{ID: r.ID, Pattern: p}, toks, quote)
		if !ok {
			continue
		}
		span, _ := m.Captures.Get(name)
		at := "at the end of the sentence"
		if span.End < len(toks) {
			at = fmt.Sprintf("at %q", toks[span.End].Text)
		}
		return fmt.Sprintf("%s matched %q; %s failed %s",
			quoteSrc(r.Pattern, 0, k), windowText(toks, span), quoteSrc(r.Pattern, k, k+1), at)
	}
	where := "in the sentence"
	if qi > 0 && quote >= 0 {
		where = "before the quotation"
	}
	return fmt.Sprintf("its first item %s matches nowhere %s", quoteSrc(r.Pattern, 0, 1), where)
}

// quoteSrc returns the source of items [i, j) of p, quoted.
func quoteSrc(p *Pattern, i, j int) string {
	from := runeOffset(p.Source, p.its()[i].startCol())
	to := len(p.Source)
	if j < len(p.its()) {
		to = runeOffset(p.Source, p.its()[j].startCol())
	}
	return "«" + strings.Join(strings.Fields(p.Source[from:to]), " ") + "»"
}

// windowText is the text of the tokens of span, spaced as in the input.
func windowText(toks []Token, s Span) string {
	var b strings.Builder
	for i := s.Start; i < s.End && i < len(toks); i++ {
		if i > s.Start && toks[i].Start > toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].Text)
	}
	return b.String()
}
