package rules

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestTitleComplementNames checks, in each pack, that a title with an
// organisation's or a place's complement before a name gives the name as
// the mention and the title with its complement (мэр города Дмитрий
// Козлов; die Präsidentin der Universität Sabine Vogel), and that a title
// alone stays a descriptor.
func TestTitleComplementNames(t *testing.T) {
	all, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, text, mention, title string
	}{
		{"ru", "мэр города Дмитрий Козлов сказал", "Дмитрий Козлов", "мэр города"},
		{"ru", "пресс-секретарь прокуратуры области Елена Смирнова сообщила", "Елена Смирнова", "пресс-секретарь прокуратуры области"},
		{"ru", "Министр финансов Андрей Морозов сказал", "Андрей Морозов", "Министр финансов"},
		{"ru", "пресс-служба министерства сообщила", "пресс-служба министерства", "пресс-служба министерства"},
		{"de", "Die Präsidentin der Universität Sabine Vogel sagte", "Sabine Vogel", "Präsidentin der Universität"},
		{"de", "Bürgermeister der Stadt Anna Berger sagte", "Anna Berger", "Bürgermeister der Stadt"},
		{"de", "der Sprecher der Polizei sagte", "der Sprecher der Polizei", "Sprecher der Polizei"},
		{"de", "Stürmer Jonas Krüger sagte", "Jonas Krüger", "Stürmer"},
		{"de", "Jan Kurz , Sprecher der Staatsanwaltschaft Köln , am Dienstag", "Jan Kurz", "Sprecher der Staatsanwaltschaft Köln"},
		{"de", "der CDU-Politiker Müller sagte", "Müller", "CDU-Politiker"},
		{"de", "Georg Krämer zur Nachrichtenagentur dpa", "Georg Krämer", ""},
		{"de", "der Berliner Polizeisprecher sagte", "der Berliner Polizeisprecher", "Berliner Polizeisprecher"},
		{"de", "Professorin Eva Lindner von der Universität Hamburg sagte", "Eva Lindner", "Professorin"},
		{"fr", "le PDG du groupe , Louis Mercier , a déclaré", "Louis Mercier", "PDG du groupe"},
		{"es", "el delantero Diego Navarro dijo", "Diego Navarro", "delantero"},
		{"it", "l' attaccante Matteo Russo ha detto", "Matteo Russo", "attaccante"},
		{"pt", "o promotor Pedro Almeida disse", "Pedro Almeida", "promotor"},
		{"fr", "le maire de la ville , Jean Dupuis , a déclaré", "Jean Dupuis", "maire de la ville"},
		{"fr", "Le procureur de la République de Lyon , Marc Lefèvre , a déclaré", "Marc Lefèvre", "procureur de la République de Lyon"},
		{"es", "el alcalde de la ciudad , Juan Ruiz , dijo", "Juan Ruiz", "alcalde de la ciudad"},
		{"it", "il sindaco della città Marco Rossi ha detto", "Marco Rossi", "sindaco della città"},
		{"pt", "o prefeito da cidade , João Silva , disse", "João Silva", "prefeito da cidade"},
	} {
		rs := all.ForLang(c.lang)
		toks, _ := sentence(strings.Fields(c.text)...)
		for i := range toks {
			r, _ := utf8.DecodeRuneInString(toks[i].Text)
			toks[i].Cap = unicode.IsUpper(r) // (sentence reads ASCII capitals only)
			rs.Classify(&toks[i])
		}
		ps := rs.SpeakersAt(toks, 0)
		if len(ps) == 0 {
			t.Errorf("%s %q: no speaker phrase", c.lang, c.text)
			continue
		}
		text := func(s Span) string {
			var w []string
			for _, tk := range toks[s.Start:s.End] {
				w = append(w, tk.Text)
			}
			return strings.Join(w, " ")
		}
		if got, title := text(ps[0].Mention), text(ps[0].Title); got != c.mention || title != c.title {
			t.Errorf("%s %q: mention %q title %q, want %q and %q", c.lang, c.text, got, title, c.mention, c.title)
		}
	}
}
