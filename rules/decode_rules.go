package rules

// Decoding the rules of a file: quote marks and conventions, metadata,
// speech settings, cleanup and attribution rules with their tests.

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

func (d *decoder) mark(rs *Ruleset, n *yaml.Node) {
	m := MarkPair{Pos: d.pos(n)}
	ok := true
	d.mapping(n, []string{"open", "close", "lang", "inner", "inner_outer_only"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "inner", "inner_outer_only":
			b, good := d.bool(v)
			if !good {
				ok = false
				return
			}
			if key == "inner" {
				m.Inner = b
			} else {
				m.InnerOuterOnly = b
			}
			return
		}
		s, good := d.str(v)
		if !good {
			ok = false
			return
		}
		switch key {
		case "open", "close":
			if n := utf8.RuneCountInString(s); n < 1 || n > 2 {
				d.errf(v, "%s must be one or two characters, got %q", key, s)
				ok = false
				return
			}
			r, size := utf8.DecodeRuneInString(s)
			r2, _ := utf8.DecodeRuneInString(s[size:])
			if size == len(s) {
				r2 = 0
			}
			if key == "open" {
				m.Open, m.OpenNext = r, r2
			} else {
				m.Close, m.CloseNext = r, r2
			}
		case "lang":
			m.Lang = s
		}
	})
	if ok && (m.Open == 0 || m.Close == 0) && n.Kind == yaml.MappingNode {
		d.errf(n, "a quote mark pair needs both open and close")
		return
	}
	if ok && n.Kind == yaml.MappingNode {
		rs.QuoteMarks = append(rs.QuoteMarks, m)
	}
}

// markConvention decodes the settings that decide a document's outer marks.
func (d *decoder) markConvention(rs *Ruleset, n *yaml.Node) {
	d.mapping(n, []string{"min_words", "inner_share"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "min_words":
			d.count(key, v, &rs.Convention.InnerMinWords)
		case "inner_share":
			d.share(key, v, &rs.Convention.InnerShare)
		}
	})
}

// wrappedText decodes the settings that tell hard-wrapped text.
func (d *decoder) wrappedText(rs *Ruleset, n *yaml.Node) {
	d.mapping(n, []string{"min_lines", "min_width", "max_width", "share"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "min_lines":
			d.count(key, v, &rs.Convention.Wrap.MinLines)
		case "min_width":
			d.count(key, v, &rs.Convention.Wrap.MinWidth)
		case "max_width":
			d.count(key, v, &rs.Convention.Wrap.MaxWidth)
		case "share":
			d.share(key, v, &rs.Convention.Wrap.Share)
		}
	})
}

func (d *decoder) metadata(rs *Ruleset, n *yaml.Node) {
	d.mapping(n, []string{"date", "headline_max_words", "month_prefixes", "date_layouts", "am", "pm"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "am", "pm":
			var words []string
			d.seq(v, func(c *yaml.Node) {
				if s, ok := d.str(c); ok && strings.TrimSpace(s) != "" {
					words = append(words, strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), ".", "")))
				}
			})
			if key == "am" {
				rs.Metadata.AM = words
			} else {
				rs.Metadata.PM = words
			}
		case "month_prefixes":
			if ms, ok := d.months(key, "jan|…", v); ok {
				rs.Metadata.MonthPrefixes = ms
			}
		case "date_layouts":
			d.seq(v, func(c *yaml.Node) {
				if s, ok := d.str(c); ok && strings.TrimSpace(s) != "" {
					rs.Metadata.DateLayouts = append(rs.Metadata.DateLayouts, s)
				}
			})
		case "date":
			d.seq(v, func(c *yaml.Node) {
				if re := d.regex(c); re != nil {
					rs.Metadata.Date = append(rs.Metadata.Date, re)
				}
			})
		case "headline_max_words":
			if x, ok := d.int(v); ok {
				rs.Metadata.HeadlineMaxWords = x
			}
		}
	})
}

// speech decodes the thresholds that tell speech from terms and titles.
func (d *decoder) speech(rs *Ruleset, n *yaml.Node) {
	d.mapping(n, []string{"scare_max_words", "guess_confidence"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "scare_max_words":
			d.count(key, v, &rs.Speech.ScareMaxWords)
		case "guess_confidence":
			d.share(key, v, &rs.Speech.GuessConfidence)
		}
	})
}

// id reports whether id is a rule id (not empty; letters, digits, '-',
// '_' and '.'), reporting it at n when it is not.
func (d *decoder) id(n *yaml.Node, id string, where string) bool {
	if d.fromStatic {
		return true // the default files' ids were checked when the data was made (see mapping)
	}
	if id == "" {
		d.errf(n, "%s has no id", where)
		return false
	}
	for _, r := range id {
		if !(r == '-' || r == '_' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			d.errf(n, "id %q: use letters, digits, '-', '_' and '.'", id)
			return false
		}
	}
	return true
}

func (d *decoder) cleanup(n *yaml.Node) *CleanupRule {
	// parse decodes a rule, or with nested the conditions of prev: or next:
	var parse func(n *yaml.Node, nested bool) (*CleanupRule, int)
	parse = func(n *yaml.Node, nested bool) (*CleanupRule, int) {
		c := newCleanupRule(d.slabs().cleanRule(), d.pos(n), d.file)
		c.decoded = true
		conds := 0
		if d.cleanKeys == nil && !d.fromStatic {
			// once per file: the keys are sorted out of a map (a load with
			// the static data does not check them: see mapping)
			d.cleanKeys, d.nestedKeys = cleanupKeys(), nestedKeys()
		}
		keys := d.cleanKeys
		if nested {
			keys = d.nestedKeys
		}
		d.mapping(n, keys, func(key string, k, v *yaml.Node) {
			switch key {
			case "id":
				c.ID, _ = d.str(v)
			case "description":
				c.Description, _ = d.str(v)
			case "drop":
				if s, ok := d.str(v); ok {
					switch DropScope(s) {
					case DropLine, DropRest:
						c.Drop = DropScope(s)
					default:
						d.errf(v, "unknown drop %q (allowed: line, rest)", s)
					}
				}
			case "regex":
				c.Regex = d.regex(v)
				conds++
			case "words", "only_words":
				d.seq(v, func(x *yaml.Node) {
					if s, ok := d.str(x); ok {
						c.addListRef(s, d.pos(x), key == "only_words")
					}
				})
				conds++
			case "prev", "next":
				side, m := parse(v, true)
				if m == 0 && v.Kind == yaml.MappingNode {
					d.errf(v, "%s: give at least one condition", key)
				}
				c.setSide(key, side)
				conds++
			case "judge":
				var keys []string // (a load with the static data does not check them: see mapping)
				if !d.fromStatic {
					keys = judgeKeyNames()
				}
				d.mapping(v, keys, func(name string, k, v *yaml.Node) {
					if f, ok := d.float(v); ok {
						if msg := c.setJudge(name, f); msg != "" {
							d.errf(v, "judge %s: %s", name, msg)
						}
					}
				})
				if c.Judge == nil && v.Kind == yaml.MappingNode {
					c.Judge = newJudge()
				}
			default:
				var s scalarKey
				ki := scalarOf(key)
				if ki >= 0 {
					s = cleanupScalars[ki].scalarKey
				}
				var i int
				var f float64
				var b, ok bool
				switch s.kind {
				case "int":
					i, ok = d.int(v)
				case "float":
					f, ok = d.float(v)
				case "bool":
					b, ok = d.bool(v)
				}
				if !ok {
					return
				}
				if msg := s.set(c, i, f, b); msg != "" {
					d.errf(v, "%s", msg)
				}
				if s.tested() {
					c.testedKeys |= 1 << ki
				}
				if s.cond {
					conds++
				}
			}
		})
		return c, conds
	}
	c, conds := parse(n, false)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	if !d.id(n, c.ID, "cleanup rule") {
		return nil
	}
	if msg := c.check(conds, d.slabs().filterSlab(), d.src.Default); msg != "" {
		d.errf(n, "%s", msg)
		return nil
	}
	return c
}

func (d *decoder) attr(n *yaml.Node) *AttrRule {
	r := d.slabs().attrRule()
	*r = AttrRule{Priority: 50, Confidence: 0.8, Kind: "direct", Scope: ScopeSentence, Pos: d.pos(n), Source: d.file, Pack: d.src.Pack}
	r.idPos = r.Pos
	var patNode *yaml.Node
	d.mapping(n, []string{"id", "description", "priority", "confidence", "confidence_across", "confidence_resolved", "confidence_short", "confidence_single", "confidence_term", "kind", "scope", "status", "pattern", "tests"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			r.ID, _ = d.str(v)
			r.idPos = d.pos(v)
		case "description":
			r.Description, _ = d.str(v)
		case "priority":
			r.Priority, _ = d.int(v)
		case "confidence":
			d.share(key, v, &r.Confidence)
		case "confidence_across":
			d.share(key, v, &r.ConfidenceAcross)
		case "confidence_resolved":
			d.share(key, v, &r.ConfidenceResolved)
		case "confidence_short":
			d.share(key, v, &r.ConfidenceShort)
		case "confidence_single":
			d.share(key, v, &r.ConfidenceSingle)
		case "confidence_term":
			d.share(key, v, &r.ConfidenceTerm)
		case "kind":
			r.Kind, _ = d.choice(key, v, []string{"direct", "partial", "headline", "continued", KindIndirect})
		case "status":
			if s, ok := d.str(v); ok {
				switch s {
				case "attributed":
					r.Status = ""
				case StatusGuessed:
					r.Status = s
				default:
					d.errf(v, "unknown status %q%s (allowed: attributed, guessed)", s, didYouMean(s, []string{"attributed", StatusGuessed}))
				}
			}
		case "scope":
			if s, ok := d.str(v); ok {
				switch Scope(s) {
				case ScopeSentence, ScopePrevious, ScopeNext, ScopeTurn, ScopeQuote, ScopeReported:
					r.Scope = Scope(s)
				default:
					d.errf(v, "unknown scope %q%s (allowed: sentence, previous, next, turn, quote, reported)", s, didYouMean(s, []string{"sentence", "previous", "next", "turn", "quote", "reported"}))
				}
			}
		case "pattern":
			patNode = v
		case "tests":
			d.seq(v, func(t *yaml.Node) { d.test(r, t) })
		}
	})
	if n.Kind != yaml.MappingNode {
		return nil
	}
	if !d.id(n, r.ID, "attribution rule") {
		return nil
	}
	if r.Scope == ScopeTurn && r.Kind != KindIndirect {
		if patNode != nil {
			d.errf(patNode, "a rule with scope turn takes no pattern: it continues the previous quote's attribution")
			return nil
		}
		return r
	}
	if patNode == nil {
		d.errf(n, "rule %q has no pattern", r.ID)
		return nil
	}
	if patNode == nil {
		return nil
	}
	src, ok := d.str(patNode)
	if !ok {
		return nil
	}
	r.at = d.slabs().patternAt()
	*r.at = patternAt{d: d, src: src, kind: patNode.Kind, style: patNode.Style, line: patNode.Line, column: patNode.Column}
	if strings.TrimSpace(src) == "" {
		d.errf(patNode, "empty pattern")
		return nil
	}
	blocks := d.patterns
	if blocks == nil {
		blocks = &patternBlocks{}
	}
	pat, ok := (*Pattern)(nil), false
	if d.src.Default && d.fromStatic {
		pat, ok = lazyPattern(src, blocks) // read on first use (pattern_lazy.go)
	}
	if d.src.Default && !ok {
		pat, ok = tablePattern(src, blocks) // parsed when the table was made
	}
	var err error
	if !ok {
		pat, err = parsePattern(src, blocks)
	}
	if err != nil {
		if pe, ok := err.(*PatternError); ok {
			d.errAt(r.at.pos(pe.Col), "pattern: %s", pe.Msg)
		} else {
			d.errf(patNode, "pattern: %v", err)
		}
		return nil
	}
	if pat.lazy != nil {
		// a default pattern read on first use: its items are not read
		// here, and the checks below passed when the static data was made
		// from these very files (TestStaticLoadSame loads them without it)
		r.Pattern = pat
		return r
	}
	hasSpeaker := false
	var walk func([]*item)
	walk = func(its []*item) {
		for _, it := range its {
			if it.op == opSpeaker || it.capture == "speaker" {
				hasSpeaker = true
			}
			for _, a := range it.alts {
				walk(a)
			}
		}
	}
	walk(pat.items)
	if r.Kind == KindIndirect || pat.HasClause {
		// reported speech: matched per sentence; a passive cue names nobody
		switch {
		case r.Kind != KindIndirect:
			d.errf(patNode, "pattern holds CLAUSE, which only rules of kind indirect may hold")
		case !pat.HasClause:
			d.errf(patNode, "a rule of kind indirect needs a CLAUSE item (the reported content)")
		case pat.HasQuote:
			d.errf(patNode, "a rule of kind indirect reports a clause, not a quotation, and cannot hold QUOTE")
		case r.Scope != ScopeSentence && r.Scope != ScopeTurn:
			d.errf(patNode, "a rule of kind indirect has scope sentence or turn")
		}
		r.Pattern = pat
		return r
	}
	if !hasSpeaker && r.Scope != ScopeReported {
		d.errf(patNode, "pattern has no SPEAKER item (or speaker: capture)")
	}
	if hasSpeaker && r.Scope == ScopeReported {
		d.errf(patNode, "a rule with scope reported takes the previous quotation's speaker: its pattern holds no SPEAKER")
	}
	if (r.Scope == ScopeSentence || r.Scope == ScopeReported) && !pat.HasQuote {
		d.errf(patNode, "pattern has no QUOTE item (only rules with scope previous, next or quote may leave it out)")
	}
	if r.Scope == ScopeQuote && pat.HasQuote {
		d.errf(patNode, "a rule with scope quote matches inside the quotation and cannot hold QUOTE")
	} else if r.Scope != ScopeSentence && r.Scope != ScopeReported && pat.HasQuote {
		d.errf(patNode, "a rule with scope %s matches a neighbouring sentence and cannot hold QUOTE", r.Scope)
	}
	r.Pattern = pat
	return r
}

func (d *decoder) test(r *AttrRule, n *yaml.Node) {
	t := RuleTest{Pos: d.pos(n)}
	match := true
	var matchNode, speakerNode, cueNode *yaml.Node
	d.mapping(n, []string{"text", "speaker", "cue", "match"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "text":
			t.Text, _ = d.str(v)
		case "speaker":
			t.Speaker, _ = d.str(v)
			speakerNode = k
		case "cue":
			t.Cue, _ = d.str(v)
			cueNode = k
		case "match":
			match, _ = d.bool(v)
			matchNode = v
		}
	})
	if n.Kind != yaml.MappingNode {
		return
	}
	t.NoMatch = !match
	if strings.TrimSpace(t.Text) == "" {
		d.errf(n, "test has no text")
		return
	}
	if !match && (speakerNode != nil || cueNode != nil) {
		k := speakerNode
		if k == nil {
			k = cueNode
		}
		d.errf(k, "a test with `match: false` (at line %d) expects no speaker or cue", matchNode.Line)
		return
	}
	if match && t.Speaker == "" && t.Cue == "" {
		// a cue alone: a statement without a speaker (a passive cue)
		d.errf(n, "test needs the expected speaker (or match: false)")
		return
	}
	r.Tests = append(r.Tests, t)
}
