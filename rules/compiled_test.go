package rules

import "testing"

// TestCompiledFresh checks that Compiled returns what Load built while the
// ruleset is as loaded, and builds afresh each part whose source a caller
// replaced since.
func TestCompiledFresh(t *testing.T) {
	tests := []struct {
		name    string
		replace func(rs *Ruleset)
		// which parts must be new
		index, dates, stop, abbr bool
	}{
		{name: "as loaded", replace: func(*Ruleset) {}},
		{name: "cleanup list", replace: func(rs *Ruleset) { rs.Cleanup = append([]*CleanupRule(nil), rs.Cleanup...) }, index: true},
		{name: "date patterns", replace: func(rs *Ruleset) { rs.Metadata.Date = append([]*Regexp(nil), rs.Metadata.Date...) }, dates: true},
		{name: "stopwords", replace: func(rs *Ruleset) { rs.Lists[listStopwords] = &List{words: map[string]struct{}{"zzq": {}}} }, stop: true},
		{name: "abbreviations", replace: func(rs *Ruleset) { rs.Lists[ListAbbreviations] = &List{words: map[string]struct{}{"zzq.": {}}} }, abbr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := Default()
			if err != nil {
				t.Fatal(err)
			}
			// Default may share its ruleset: work on a copy of what is replaced
			cp := *rs
			cp.Lists = map[string]*List{}
			for k, v := range rs.Lists {
				cp.Lists[k] = v
			}
			before := cp.Compiled()
			tt.replace(&cp)
			after := cp.Compiled()
			if (after.Index != before.Index) != tt.index {
				t.Errorf("index rebuilt: %v, want %v", after.Index != before.Index, tt.index)
			}
			if (&after.DateFilters[0] != &before.DateFilters[0]) != tt.dates {
				t.Errorf("date filters rebuilt: %v, want %v", &after.DateFilters[0] != &before.DateFilters[0], tt.dates)
			}
			if (after.Stop != before.Stop) != tt.stop {
				t.Errorf("stop set rebuilt: %v, want %v", after.Stop != before.Stop, tt.stop)
			}
			if (after.Abbr != before.Abbr) != tt.abbr {
				t.Errorf("abbreviation set rebuilt: %v, want %v", after.Abbr != before.Abbr, tt.abbr)
			}
			if tt.stop && !after.Stop.Has("zzq") {
				t.Error("the new stopwords list is not in the rebuilt set")
			}
			if tt.abbr && !after.Abbr.Has("zzq.") {
				t.Error("the new abbreviations list is not in the rebuilt set")
			}
			if r := cp.Cleanup[0]; after.Filter(r) != r.quickFilter() {
				t.Error("Filter does not return the rule's quick tests")
			}
		})
	}
}
