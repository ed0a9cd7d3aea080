package rules_test

import (
	"fmt"
	"log"

	"github.com/whosaid/whosaid/rules"
)

// Default loads the embedded default ruleset, which every extraction starts
// from.
func ExampleDefault() {
	rs, err := rules.Default()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rs.Lists[rules.ListCueVerbs].Has("said"), len(rs.Attribution) > 0, len(rs.Cleanup) > 0)
	// Output: true true true
}

// Load reads rule files on top of the defaults: list entries are added, and
// a cleanup rule drops the lines it matches.
func ExampleLoad() {
	user := rules.Source{Name: "newsroom.yaml", Data: []byte(`version: 1
lists:
  cue_verbs:
    words: [quipped]
cleanup:
  - id: newsletter-pitch
    description: the newsletter pitch between paragraphs
    regex: '(?i)^sign up for our morning briefing'
`)}
	rs, err := rules.Load(append(rules.DefaultSources(), user))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rs.Lists[rules.ListCueVerbs].Has("quipped"))
	for _, c := range rs.Cleanup {
		if c.ID == "newsletter-pitch" {
			fmt.Println(c.ID, "from", c.Source)
		}
	}
	// Output:
	// true
	// newsletter-pitch from newsroom.yaml
}

// Load reports every problem of the rule files at once, each with its file,
// line and column and, for a misspelt name, what was meant.
func ExampleLoad_errors() {
	bad := rules.Source{Name: "bad.yaml", Data: []byte(`version: 1
attribution:
  - id: quote-quipped
    pattern: 'QUOTE ,? cue:@cue_verb SPEAKER'
    tests:
      - text: '“Hi,” quipped Ana Diaz.'
        speaker: Ana Diaz
`)}
	_, err := rules.Load(append(rules.DefaultSources(), bad))
	fmt.Println(err)
	// Output: bad.yaml:4:28: pattern refers to list "cue_verb", which does not exist (did you mean "cue_verbs"?)
}
