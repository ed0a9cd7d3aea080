package extract_test

import "testing"

// TestAntecedents checks who an age descriptor (the 56-year-old) and he/she
// resolve to: a person named anywhere before, the subject of a document's
// first sentence included, and never an organisation, not even one that
// was quoted (organisation-shaped names: Harbour United, City Council).
func TestAntecedents(t *testing.T) {
	cases := []speakerCase{
		{"the subject of the first sentence, not the club named after it",
			"Jose Lima has agreed a deal with the club until the end of the season.\n\n" +
				"The Portuguese coach had been out of work since being sacked by Harbour United in May.\n\n" +
				"The 56-year-old said after his appointment: “I am excited to be joining the club.”",
			[]string{"Jose Lima"}},
		{"an age resolves to a person only, not a quoted organisation",
			"Mara Quist joined the club in May.\n\n" +
				"Tottenfield said in a statement: “She is a great coach.”\n\n" +
				"The 49-year-old said: “I am proud to be here.”",
			[]string{"Tottenfield", "Mara Quist"}},
		{"he skips an organisation that was quoted",
			"Tom Baker has run the shop for twenty years.\n\n" +
				"Harbour United said in a statement: “We wish him well in his new job.”\n\n" +
				"He said: “I will miss the club and its people.”",
			[]string{"Harbour United", "Tom Baker"}},
		{"she skips a council",
			"Mayor Jane Park opened the session on Monday.\n\n" +
				"Lakeview City Council said in a statement: “The budget is balanced.”\n\n" +
				"She said: “We will keep our promises to the town.”",
			[]string{"Lakeview City Council", "Jane Park"}},
		{"a quoted surname is still his antecedent",
			"“We won the game,” Baker said.\n\nHe added: “It was close at the end.”",
			[]string{"Baker", "Baker"}},
	}
	checkSpeakers(t, cases)
}
