package rules

import "testing"

// TestNamedLikeCapture checks item.named, which the matcher tests in
// place of capture != "": for every item of the default rules' patterns,
// as read on first use and as parsed at once, and of a pattern parsed
// here, the flag says whether the item has a capture name.
func TestNamedLikeCapture(t *testing.T) {
	lazy, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := loadWith(DefaultBaseSources(), nil) // every pattern parsed at the load
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePattern("speaker:SPEAKER (, who:(ANY{1,4}) ,)? cue:(@speech_verbs) not:(that) CONTENT")
	if err != nil {
		t.Fatal(err)
	}
	items, named := 0, 0
	check := func(it *item) {
		items++
		if it.capture != "" {
			named++
		}
		if it.named != (it.capture != "") {
			t.Errorf("item %+v: named %v, capture %q", *it, it.named, it.capture)
		}
	}
	walkAll(p.its(), check)
	for _, rs := range []*Ruleset{lazy, parsed} {
		for _, r := range rs.Attribution {
			if r.Pattern != nil {
				walkAll(r.Pattern.its(), check)
			}
		}
	}
	if named == 0 || named == items {
		t.Fatalf("%d items, %d named: the test tells nothing", items, named)
	}
}
