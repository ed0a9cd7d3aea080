package extract

import (
	"fmt"
	"strings"

	"github.com/whosaid/whosaid/rules"
)

// RuleTestResult is the outcome of one embedded test of an attribution rule.
type RuleTestResult struct {
	Rule *rules.AttrRule
	Test rules.RuleTest
	// Pass is true when the pipeline gave what the test expects.
	Pass bool
	// Why says, for a failed test, what the pipeline gave instead and how
	// the rule fared on the quotation.
	Why string
}

// RunRuleTests runs the embedded tests of every attribution rule of the
// extractor's ruleset through the whole pipeline (Extract on the test text)
// and checks that rule's outcome. A positive test passes when some quotation
// was attributed by the rule itself with the expected speaker (as written, or
// its canonical name) and, when the test gives one, the expected cue. A test
// with `match: false` passes when no quotation was attributed by the rule.
// Results come in rule order, then test order. The rules of a language pack
// are tested with that pack's ruleset, after the base rules (packs by code).
func (x *Extractor) RunRuleTests() []RuleTestResult {
	out := x.runRuleTests(x.rules, "")
	for _, code := range x.rules.Langs()[1:] {
		if prs := x.rules.ForLang(code); prs != nil {
			out = append(out, x.runRuleTests(prs, code)...)
		}
	}
	return out
}

// runRuleTests runs the tests of the rules of rs that come from the pack
// code ("" for the base files), in the language of rs.
func (x *Extractor) runRuleTests(rs *rules.Ruleset, code string) []RuleTestResult {
	// The tests run with every quotation kept and per-rule explanations on,
	// so that a failure can say how the rule fared.
	tx := New(rs, Options{All: true, Explain: true, MaxQuoteLen: x.opts.MaxQuoteLen, Lang: rs.Lang(), Reported: true})
	var out []RuleTestResult
	for _, r := range rs.Attribution {
		if r.Pack != code {
			continue
		}
		for _, t := range r.Tests {
			res := RuleTestResult{Rule: r, Test: t}
			res.Pass, res.Why = tx.runRuleTest(r, t)
			out = append(out, res)
		}
	}
	return out
}

func (x *Extractor) runRuleTest(r *rules.AttrRule, t rules.RuleTest) (bool, string) {
	doc, err := x.Extract(r.ID, t.Text)
	if err != nil {
		return false, "the text cannot be processed: " + err.Error()
	}
	if len(doc.Quotes) == 0 {
		if t.NoMatch {
			return true, ""
		}
		return false, "no quotation was found in the text"
	}
	var mine []Record
	for _, q := range doc.Quotes {
		if q.Rule == r.ID {
			mine = append(mine, q)
		}
	}
	if t.NoMatch {
		if len(mine) == 0 {
			return true, ""
		}
		return false, "the rule matched, want no match: " + describeRecord(mine[0])
	}
	for _, q := range mine {
		if (q.Mention == t.Speaker || q.Speaker == t.Speaker) && (t.Cue == "" || q.Cue == t.Cue) {
			return true, ""
		}
	}
	want := "speaker " + quoted(t.Speaker)
	if t.Cue != "" {
		want += " cue " + quoted(t.Cue)
	}
	var why []string
	if len(mine) > 0 {
		for _, q := range mine {
			why = append(why, "the rule gave "+describeRecord(q))
		}
		return false, "want " + want + "; " + strings.Join(why, "; ")
	}
	misses := x.sentenceMisses(r, t.Text)
	for _, q := range doc.Quotes {
		s := fmt.Sprintf("“%s”: ", q.Quote)
		if q.Rule != "" {
			s += "attributed by rule " + q.Rule + " (" + describeRecord(q) + ")"
		} else {
			s += "not attributed"
		}
		if e, ok := misses[q.byteStart]; ok {
			s += "; this rule: " + e
		} else if e := explainFor(q.Explain, r.ID); e != "" {
			s += "; this rule: " + e
		}
		why = append(why, s)
	}
	return false, "want " + want + " by this rule; " + strings.Join(why, "; ")
}

// sentenceMisses says, for each top-level quotation of text that a rule of
// sentence scope does not match, where its pattern stopped (see
// rules.Ruleset.ExplainMiss), keyed by the quotation's byte start.
func (x *Extractor) sentenceMisses(r *rules.AttrRule, text string) map[int]string {
	out := map[int]string{}
	if r.Scope != rules.ScopeSentence || r.Pattern == nil || CheckText(text) != nil {
		return out
	}
	a := x.analyze(x.Clean(text), "")
	for qi, loc := range a.qloc {
		if loc.sent < 0 {
			continue
		}
		toks := a.toks(loc.sent)
		if _, ok := x.rules.MatchRule(r, toks, loc.tok); ok {
			continue
		}
		out[a.quotes[qi].Start] = "no match in the sentence: " + x.rules.ExplainMiss(r, toks, loc.tok)
	}
	return out
}

// describeRecord shows the speaker, mention and cue of a record.
func describeRecord(q Record) string {
	s := "speaker " + quoted(q.Mention)
	if q.Speaker != "" && q.Speaker != q.Mention {
		s += " (" + q.Speaker + ")"
	}
	if q.Mention == "" && q.Speaker == "" {
		s = "no speaker"
	}
	if q.Cue != "" {
		s += " cue " + quoted(q.Cue)
	}
	return s
}

func quoted(s string) string { return fmt.Sprintf("%q", s) }

// explainFor returns what the explanation lines say about rule id.
func explainFor(lines []string, id string) string {
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, id+" ("); ok {
			if _, why, ok := strings.Cut(rest, "): "); ok {
				return why
			}
		}
	}
	return ""
}
