package extract_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// The floors of the written passages of each language (issue 12): quote F1,
// named-speaker accuracy and title accuracy.
const (
	passageQuoteF1 = 0.90
	passageNamed   = 0.80
	passageTitle   = 0.60
)

// passageGold is the part of a gold line that the scorer of package eval
// does not read: the speaker's title and the language.
type passageGold struct {
	Quotes []struct {
		SpeakerTitle string `json:"speaker_title"`
	} `json:"quotes"`
	Meta struct {
		Lang string `json:"lang"`
	} `json:"meta"`
}

// TestLanguagePassages runs the passages written for each language pack
// (testdata/lang/CODE.gold.jsonl, in the eval format) with language
// detection on, checks that each is detected in its language, scores them
// against their gold, holds them to the floors, and compares the output with
// testdata/lang/CODE.golden.jsonl.
func TestLanguagePassages(t *testing.T) {
	files, err := filepath.Glob("../testdata/lang/*.gold.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no passages in testdata/lang (%v)", err)
	}
	x := defaultExtractor(t)
	for _, f := range files {
		code := strings.TrimSuffix(filepath.Base(f), ".gold.jsonl")
		t.Run(code, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			gold, err := eval.ReadGold(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			var extra []passageGold
			for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
				var g passageGold
				if err := json.Unmarshal(line, &g); err != nil {
					t.Fatal(err)
				}
				extra = append(extra, g)
			}
			pred := map[string][]eval.PredQuote{}
			var out bytes.Buffer
			w, err := extract.NewWriter("jsonl", &out, extract.WriterOptions{})
			if err != nil {
				t.Fatal(err)
			}
			titleN, titleOK := 0, 0
			for i, g := range gold {
				doc, err := x.Extract(g.ID, g.Text)
				if err != nil {
					t.Fatal(err)
				}
				want, _, _ := strings.Cut(extra[i].Meta.Lang, "-")
				if doc.Lang != want {
					t.Errorf("%s: detected %q, want %q", g.ID, doc.Lang, want)
				}
				for _, q := range doc.Quotes {
					pred[g.ID] = append(pred[g.ID], eval.PredQuote{Start: q.Start, End: q.End, Speaker: q.Speaker, SpeakerOffsets: eval.SpeakerOffsets{SpeakerStart: q.SpeakerStart, SpeakerEnd: q.SpeakerEnd}})
				}
				n, ok := titles(g, extra[i], doc.Quotes)
				titleN += n
				titleOK += ok
				if err := w.WriteDoc(doc); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			rep := eval.Score(gold, pred, false)
			named := 0.0
			if rep.SpeakerAccNamed.Acc != nil {
				named = *rep.SpeakerAccNamed.Acc
			}
			title := 1.0
			if titleN > 0 {
				title = float64(titleOK) / float64(titleN)
			}
			t.Logf("%s: quote F1 %.3f, named %.3f (n=%d), title %.3f (n=%d)", code, rep.QuoteExact.F1, named, rep.SpeakerAccNamed.N, title, titleN)
			if rep.QuoteExact.F1 < passageQuoteF1 || named < passageNamed || title < passageTitle {
				t.Errorf("%s: quote F1 %.3f, named %.3f, title %.3f; want at least %.2f, %.2f, %.2f", code, rep.QuoteExact.F1, named, title, passageQuoteF1, passageNamed, passageTitle)
			}
			golden(t, filepath.Join("../testdata/lang", code+".golden.jsonl"), out.Bytes())
		})
	}
}

// titles counts the gold quotes of a document that carry a speaker title
// and, of those, the ones whose overlapping predicted quote names the
// speaker right (by offsets or a shared word) with a title sharing a word,
// as score.py's title_acc does.
func titles(g eval.GoldDoc, extra passageGold, got []extract.Record) (n, ok int) {
	for k, gq := range g.Quotes {
		if k >= len(extra.Quotes) || extra.Quotes[k].SpeakerTitle == "" || gq.SpeakerStart == nil {
			continue
		}
		n++
		for _, q := range got {
			if q.End <= gq.Start || q.Start >= gq.End {
				continue
			}
			byOffset := q.SpeakerStart != nil && *q.SpeakerEnd > *gq.SpeakerStart && *q.SpeakerStart < *gq.SpeakerEnd
			if (byOffset || gq.Speaker != nil && shareWord(q.Speaker, *gq.Speaker)) && shareWord(q.Title, extra.Quotes[k].SpeakerTitle) {
				ok++
			}
			break
		}
	}
	return n, ok
}

var wordRE = regexp.MustCompile(`\pL+`)

// shareWord reports whether a and b share a word of two letters or more
// (case-insensitive).
func shareWord(a, b string) bool {
	seen := map[string]bool{}
	for _, w := range wordRE.FindAllString(strings.ToLower(a), -1) {
		if len([]rune(w)) > 1 {
			seen[w] = true
		}
	}
	for _, w := range wordRE.FindAllString(strings.ToLower(b), -1) {
		if seen[w] {
			return true
		}
	}
	return false
}

// TestLanguageDetection checks detection on short texts of each language,
// that --lang forces one, and that a text in a language without a pack is
// LangUnknown and gets no speaker.
func TestLanguageDetection(t *testing.T) {
	x := defaultExtractor(t)
	cases := []struct {
		name, text, want string
	}{
		{"en", "“We are ready,” the minister said on Monday after the talks, and she added that the plan was on track.", "en"},
		{"de", "„Wir sind bereit“, sagte die Ministerin am Montag nach den Gesprächen, und sie fügte hinzu, dass der Plan gelte.", "de"},
		{"fr", "« Nous sommes prêts », a déclaré la ministre lundi après les discussions, et elle a ajouté que le plan tenait.", "fr"},
		{"es", "«Estamos preparados», dijo la ministra el lunes tras las conversaciones, y añadió que el plan sigue en pie.", "es"},
		{"it", "«Siamo pronti», ha detto la ministra lunedì dopo i colloqui, e ha aggiunto che il piano è confermato.", "it"},
		{"pt", "“Estamos prontos”, disse a ministra na segunda-feira após as conversas, e acrescentou que o plano se mantém.", "pt"},
		{"ru", "«Мы готовы», — сказала министр в понедельник после переговоров, и она добавила, что план остаётся в силе.", "ru"},
		{"short", "“Yes,” he said.", "en"},
		{"unknown", "„Jesteśmy gotowi”, powiedziała minister w poniedziałek po rozmowach, dodając, że plan pozostaje aktualny i wiążący dla wszystkich.", extract.LangUnknown},
	}
	// a page whose first kilobytes are menus, without stop words, then the
	// article: the detector reads on
	var menu strings.Builder
	for i := 0; menu.Len() < 6<<10; i++ {
		fmt.Fprintf(&menu, "Home\nWorld News\nBusiness\nMarkets\nSport %d\nMagazine\nCulture\nTravel Guides\nOpinion\nVideo\nPodcasts\n", i)
	}
	article := strings.Repeat("“We are ready,” the minister said on Monday after the talks, and she added that the plan was on track. ", 20)
	cases = append(cases,
		struct{ name, text, want string }{"menus then en", menu.String() + article, "en"},
		struct{ name, text, want string }{"menus then de", menu.String() + strings.Repeat("„Wir sind bereit“, sagte die Ministerin am Montag nach den Gesprächen, und sie fügte hinzu, dass der Plan gelte. ", 20), "de"})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := x.Extract(c.name, c.text)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Lang != c.want {
				t.Fatalf("lang %q, want %q", doc.Lang, c.want)
			}
			if c.want == extract.LangUnknown {
				if len(doc.Quotes) == 0 {
					t.Fatal("no quotation paired in a text without a pack")
				}
				for _, q := range doc.Quotes {
					if q.Speaker != "" || q.Mention != "" {
						t.Errorf("speaker %q guessed in a text without a pack", q.Mention)
					}
				}
			}
		})
	}
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	forced := extract.New(rs, extract.Options{Lang: "de"})
	doc, err := forced.Extract("forced", "“We are ready,” the minister said on Monday after the talks, and she added that the plan was on track.")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Lang != "de" {
		t.Errorf("forced lang %q, want de", doc.Lang)
	}
	if err := extract.CheckLang(rs, "xx"); err == nil {
		t.Error("CheckLang accepts a language without a pack")
	}
}

// TestPackDates reads the dates of page metadata in each language by the
// months of its profile.
func TestPackDates(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ lang, line, want string }{
		{"en", "March 14, 2024", "2024-03-14"},
		{"de", "23. März 2024, 14:30 Uhr", "2024-03-23T14:30"},
		{"fr", "le 5 août 2023", "2023-08-05"},
		{"es", "12 de octubre de 2022", "2022-10-12"},
		{"it", "7 luglio 2021", "2021-07-07"},
		{"pt", "3 de fevereiro de 2020", "2020-02-03"},
		{"ru", "15 января 2024", "2024-01-15"},
	}
	for _, c := range cases {
		x := extract.New(rs, extract.Options{Lang: c.lang})
		doc, err := x.Extract(c.lang, "Titel\n"+c.line+"\n\nText.\n")
		if err != nil {
			t.Fatal(err)
		}
		if doc.Date != c.want {
			t.Errorf("%s: date %q, want %q", c.lang, doc.Date, c.want)
		}
	}
}

// TestInflectedNames checks that a name in another case form (Волковой,
// Сергея Миронова) is the person first named, printed as the article
// introduced them.
func TestInflectedNames(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a surname in the genitive after по словам",
			"Завод возобновит работу в понедельник, сообщила пресс-секретарь Ирина Волкова. «Все сотрудники вернутся на свои места», — сказала Волкова. По словам Волковой, «ремонт обошёлся дешевле, чем ожидалось».",
			[]string{"Ирина Волкова", "Ирина Волкова"}},
		{"a masculine surname in the genitive",
			"Министр Антон Силуанов выступил в Думе с докладом о бюджете. «Дефицита не будет», — сказал Силуанов. По словам Силуанова, «расходы на оборону останутся прежними».",
			[]string{"Антон Силуанов", "Антон Силуанов"}},
		{"a full name in another case does not rename the person",
			"Губернатор Сергей Миронов провёл совещание с главами районов. По словам Сергея Миронова, «дорогу откроют к осени». «Мы уложимся в бюджет», — пообещал Миронов.",
			[]string{"Сергей Миронов", "Сергей Миронов"}},
		{"a form first met in the genitive is printed as met, and its nominative links to it",
			"По словам Анны Козловской, директора музея, выставка «привлекла вдвое больше посетителей». Козловская добавила: «Мы продлим её до конца лета».",
			[]string{"Анны Козловской", "Анны Козловской"}},
	})
}
