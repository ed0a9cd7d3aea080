package extract_test

import (
	"strings"
	"testing"
)

// TestTitles checks the speaker and title of each quote for the positions
// news gives a title in, and that the speakers table names no place or
// organisation of a title as a person and counts the rows output.
func TestTitles(t *testing.T) {
	type want struct{ speaker, title string } // speaker "*": any
	cases := []struct {
		name     string
		text     string
		want     []want
		notInTab []string // names the speakers table must not list
	}{
		{"pre-modifier", "“The talks were useful,” Kremlin aide Yury Ushakov told reporters.",
			[]want{{"Yury Ushakov", "Kremlin aide"}}, nil},
		{"pre-modifier of several words", "White House press secretary Josh Earnest called the plan “a good start.”",
			[]want{{"Josh Earnest", "White House press secretary"}}, nil},
		{"appositive before the cue", "“We will rebuild,” Jane Doe, the mayor of Springfield, said.",
			[]want{{"Jane Doe", "mayor of Springfield"}}, []string{"Springfield"}},
		{"appositive ending the sentence", "“We will rebuild,” said Jane Doe, the mayor of Springfield.",
			[]want{{"Jane Doe", "mayor of Springfield"}}, []string{"Springfield"}},
		{"surname with an appositive after the cue", "“No comment,” said Doe, a spokeswoman for the city.",
			[]want{{"Doe", "spokeswoman for the city"}}, nil},
		{"a possessive in the appositive", "Brian Lane, the campaign’s press secretary, noted that the race was “far from over.”",
			[]want{{"Brian Lane", "campaign’s press secretary"}}, nil},
		{"name of an organisation", "“The law is clear,” said Meenakshi Ganguly of Human Rights Watch.",
			[]want{{"Meenakshi Ganguly", "Human Rights Watch"}}, []string{"Human Rights Watch"}},
		{"role and organisation", "“Sales fell in the spring,” said Tom Reed, chief executive of Acme Corp.",
			[]want{{"Tom Reed", "chief executive of Acme Corp."}}, nil},
		{"role, field and university", "“The data are solid,” said Ana Diaz, an associate professor of physics at the University of Florida.",
			[]want{{"Ana Diaz", "associate professor of physics at the University of Florida"}}, []string{"University of Florida", "Florida"}},
		{"a relative clause is no part of the title", "“There is a need for oversight,” said Ron Field, a Miami lawyer who has worked on such cases.",
			[]want{{"Ron Field", "Miami lawyer"}}, nil},
		{"an age, then the appositive", "“I will vote for him,” said Sara Walker, 44, a home-care aide from Nashua.",
			[]want{{"Sara Walker", "home-care aide from Nashua"}}, nil},
		{"title at the first mention, carried to later quotes", "Ana Diaz, the mayor of Lakeview, opened the bridge on Monday.\n\n“It is a great day,” Diaz said.",
			[]want{{"Ana Diaz", "mayor of Lakeview"}}, nil},
		{"the mention's own title wins over an earlier one", "Retired general Mark Flint spoke first.\n\n“It was a failure,” Flint, a top Trump surrogate, said.",
			[]want{{"Mark Flint", "top Trump surrogate"}}, nil},
		{"a descriptor links the quote to the person", "Wild defenseman Matt Dumba scored twice on Sunday.\n\n“We need more shots,” the Wild defenseman said.",
			[]want{{"Matt Dumba", "Wild defenseman"}}, nil},
		{"an age links the quote but is no title", "Jose Lima agreed a deal on Wednesday.\n\nThe 56-year-old said: “I am excited to be here.”",
			[]want{{"Jose Lima", ""}}, nil},
		{"an age before a name is no title", "“He speaks his mind,” said 17-year-old Jared Potts.",
			[]want{{"Jared Potts", ""}}, nil},
		{"honorific of rank ends the title", "New Jersey Gov. Chris Christie called the remarks “a disgrace.”",
			[]want{{"Chris Christie", "New Jersey Gov."}}, []string{"Jersey Chris Christie"}},
		{"a place before a name is no part of it", "U.S. special envoy for Ukraine Kurt Volker said the talks were “a first step.”",
			[]want{{"Kurt Volker", "U.S. special envoy for Ukraine"}}, []string{"Ukraine Kurt Volker", "Ukraine"}},
		{"a team and position before a name are no part of it", "“It is over,” said Browns DL Sheldon Richardson.",
			[]want{{"Sheldon Richardson", ""}}, []string{"Browns DL Sheldon Richardson"}},
		{"a given name before a surname that is a title", "“Turnout makes a difference,” said Charlie King, a prominent New York Democrat.",
			[]want{{"Charlie King", "prominent New York Democrat"}}, nil},
		{"a name that is a title word, with its appositive", "Dean, a medical doctor, said he would “never” diagnose anyone from afar.",
			[]want{{"Dean", "medical doctor"}}, nil},
		{"a family name written first links to the full name", "Li Jifeng, a doctor at Chaoyang Hospital, treated the patients.\n\n“It was a hard week,” Li said.",
			[]want{{"Li Jifeng", "doctor at Chaoyang Hospital"}}, []string{"Li"}},
		{"a participle clause is no appositive", "“No comment,” spokesman John Kirby said, referring to the minister’s successor.",
			[]want{{"John Kirby", "spokesman"}}, nil},
		{"a verb that modifies a title noun", "Sexton, a creative writing professor, said he holds his roots “very near and dear.”",
			[]want{{"Sexton", "creative writing professor"}}, nil},
		{"a first name that is also a function word", "“It is an expensive business model,” said Will Doyle, a professor of higher education at Vanderbilt University.",
			[]want{{"Will Doyle", "professor of higher education at Vanderbilt University"}}, nil},
		{"an adverb is no speaker or title", "In an interview that day, Reed went even further: “If he loses, it is the end of his career.”",
			[]want{{"Reed", ""}}, []string{"further"}},
		{"a capitalised conjunction opens no title", "And the state’s Republican attorney general, Pam Bondi, vowed to go after “anyone who attacks our community.”",
			[]want{{"Pam Bondi", "state’s Republican attorney general"}}, nil},
		{"the title of a work inside the role", "“It was a hard fight,” said Steven Hill, author of “The Long Pill,” a history of the health law.",
			[]want{{"Steven Hill", "author of “The Long Pill,”"}}, nil}, // the work's title is no quote
		{"an adverb after a determiner modifies the head", "Ruritania, the only ally of Freedonia, said it was “firmly opposed” to the plan.",
			[]want{{"Ruritania", "ally of Freedonia"}}, nil},
		{"a long appositive with a possessive, after a sentence adverb", "Even Ruritania, Freedonia’s only ally and its economic lifeline to the outside world, said it was “firmly opposed” to the plan.",
			[]want{{"Ruritania", "Freedonia’s only ally and its economic lifeline to the outside world"}}, nil},
		{"a sentence adverb opens no name", "Perhaps young voters said the debate was “a mess.”",
			[]want{{"young voters", "young voters"}}, nil},
		{"a headline clause is no appositive", "Jeb Bush, Rubio collide in scramble for early voters.\n\n“It is a long process,” Bush said.",
			[]want{{"Jeb Bush", ""}}, nil},
	}
	x := defaultExtractor(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := x.Extract("t", c.text)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Quotes) != len(c.want) {
				var got []string
				for _, q := range doc.Quotes {
					got = append(got, q.Quote+" ← "+q.Speaker+" ["+q.Rule+"]")
				}
				t.Fatalf("got %d quotes, want %d: %s", len(doc.Quotes), len(c.want), strings.Join(got, "; "))
			}
			for i, w := range c.want {
				q := doc.Quotes[i]
				if w.speaker != "*" && (q.Speaker != w.speaker || q.Title != w.title) {
					t.Errorf("quote %d %q: speaker %q title %q (rule %s); want %q title %q", i+1, q.Quote, q.Speaker, q.Title, q.Rule, w.speaker, w.title)
				}
			}
			rows := map[string]int{}
			for _, q := range doc.Quotes {
				rows[q.Speaker]++
			}
			for _, s := range doc.Speakers {
				for _, bad := range c.notInTab {
					if s.Name == bad {
						t.Errorf("speakers table lists %q (titles %q)", s.Name, s.Titles)
					}
				}
				if s.Quotes != rows[s.Name] {
					t.Errorf("speakers table: %s has %d quotes, %d rows output", s.Name, s.Quotes, rows[s.Name])
				}
			}
		})
	}
}
