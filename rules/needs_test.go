package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// TestNeedsHold: Window.NeedsHold, which the extractor asks before it
// gathers the cues of a rule of reported speech, says false when a
// required item of the pattern occurs nowhere in the sentence (the literal
// of reported-passive, the reporting conjunction of
// reported-speaker-cue-that), or the literal after ^ (reported-as-speaker-cue)
// stands elsewhere than at the first token; true when they all occur.
func TestNeedsHold(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		rule, text string
		want       bool
	}{
		{"reported-passive", "It was announced that the plan would fail .", true},
		{"reported-passive", "The minister announced that the plan would fail .", false},
		{"reported-speaker-cue-that", "The minister said that the plan would fail .", true},
		{"reported-speaker-cue-that", "The minister said the plan would fail .", false},
		{"reported-speaker-cue", "The minister said the plan would fail .", true},
		{"reported-content-cue-speaker", "The plan would fail said the minister .", false},
		{"reported-as-speaker-cue", "As the minister said , the plan would fail .", true},
		{"reported-as-speaker-cue", "The plan , as the minister said , would fail .", false},
	} {
		r := findRule(rs, c.rule)
		if r == nil {
			t.Fatalf("no rule %s in the defaults", c.rule)
		}
		toks, _ := sentence(strings.Fields(c.text)...)
		for i := range toks {
			rs.Classify(&toks[i])
		}
		if got := rs.NewWindow(toks).NeedsHold(NewNeeds([]*AttrRule{r}), 0, r); got != c.want {
			t.Errorf("%s on %q: NeedsHold %v, want %v", c.rule, c.text, got, c.want)
		}
	}
}

// TestNeedsLikePossible: the compiled needs of every attribution rule say
// what possible says of its pattern without a quotation, and of an
// anchored pattern whose first item is a literal (^ as …) that it stands
// at the first token, on random sentences of the words the rules look
// for, one window for all rules as the extractor has; a rule whose need
// fails does not match; and after NeedsHold the window's memo of possible
// patterns agrees.
func TestNeedsLikePossible(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var all []*AttrRule
	for _, r := range rs.Attribution {
		if r.Pattern != nil {
			all = append(all, r)
		}
	}
	ns := NewNeeds(all)
	exact := 0
	for _, rn := range ns.rules {
		if rn.exact {
			exact++
		}
	}
	t.Logf("%d of %d exact, %d facts", exact, len(all), len(ns.facts))
	if ns.owner != rs {
		t.Fatal("the needs' facts name no list of the ruleset")
	}
	for i, f := range ns.facts {
		if f.op == opLit && len(f.lit) > 0 && ns.lits[i] != rs.tableClasses(f.lit[0]) {
			t.Errorf("the classes of %q kept as %x, the table's %x", f.lit[0], ns.lits[i], rs.tableClasses(f.lit[0]))
		}
	}
	if exact < len(all)/2 {
		t.Errorf("only %d of %d rules compiled exactly", exact, len(all))
	}
	first := 0
	for i := range ns.facts {
		if ns.first>>i&1 != 0 {
			first++
		}
	}
	if first == 0 {
		t.Error("no rule's need has a literal at the first token (^ as …)")
	}
	words := []string{"said", "told", "reporters", "he", "The", "official", "Smith", "according", "to", "as",
		"who", "has", "on", "Friday", "that", "it", "was", "announced", "and", "but", "saying", "warned",
		"asked", "whether", "when", "by", "percent", ",", ",", ":", ".", "Q:quote", "–", "(", ")", "CNN", "which"}
	rng := rand.New(rand.NewSource(11))
	for n := 0; n < 500; n++ {
		toks, parts := randomSentence(rs, rng, words, 2+rng.Intn(20))
		w := rs.NewWindow(toks)
		for ri, r := range all {
			ref := rs.NewWindow(toks)
			m := &ref.m
			m.Window, m.quote = ref, -1
			its := r.Pattern.its()
			want := m.possible(its)
			if len(its) > 1 && its[0].op == opStart && its[1].op == opLit && its[1].min > 0 && len(its[1].lit) > 0 {
				want = want && litAt(its[1].lit, toks, 0)
			}
			fail := w.NeedsFail(ns)
			got := w.NeedsHold(ns, ri, r)
			if ri < 64 && fail&(1<<ri) != 0 && got {
				t.Fatalf("%s on %v: NeedsFail says it fails, NeedsHold holds", r.ID, parts)
			}
			if got != want && (!got || ns.rules[ri].exact) {
				t.Fatalf("%s on %v: NeedsHold %v, possible %v", r.ID, parts, got, want)
			}
			if _, ok := rs.NewWindow(toks).Match(r, -1); ok && !got {
				t.Fatalf("%s on %v: NeedsHold false, and the rule matches", r.ID, parts)
			}
			m = &w.m
			m.Window, m.quote = w, -1
			if got && ns.rules[ri].exact && !w.possibleMemo(m, r) {
				t.Fatalf("%s on %v: the memo says impossible after NeedsHold", r.ID, parts)
			}
		}
	}
}

// randomSentence returns the tokens of n words drawn from words by rng,
// classified, with "–" a dash, and the words.
func randomSentence(rs *Ruleset, rng *rand.Rand, words []string, n int) ([]Token, []string) {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = words[rng.Intn(len(words))]
	}
	toks, _ := sentence(parts...)
	for i := range toks {
		switch toks[i].Text {
		case "–":
			toks[i].Kind = Dash
		case "(", ")": // (punctuation, as the tokenizer makes them; sentence makes them words)
			toks[i].Kind = Punct
		}
		rs.Classify(&toks[i])
	}
	return toks, parts
}
