package rules

import (
	"strings"
	"testing"
)

// TestDefaultPacksLoad loads every embedded language pack (they load on
// first use, so a broken one would otherwise only show as documents without
// speakers) and checks its profile.
func TestDefaultPacksLoad(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	codes := DefaultPacks()
	if len(codes) == 0 {
		t.Fatal("no embedded language packs")
	}
	if got := strings.Join(rs.Langs(), ","); got != BaseLang+","+strings.Join(codes, ",") {
		t.Errorf("Langs() = %s", got)
	}
	for _, code := range codes {
		srcs := append(DefaultBaseSources(), DefaultPackSources(code)...)
		if _, err := loadPack(code, srcs); err != nil {
			t.Errorf("pack %s does not load:\n%v", code, err)
			continue
		}
		p := rs.ForLang(code)
		if p == nil {
			t.Fatalf("ForLang(%q) = nil", code)
		}
		if p.Lang() != code {
			t.Errorf("pack %s says it is %q", code, p.Lang())
		}
		prof := rs.LangProfile(code)
		if prof == nil || prof.NumStopWords() < 20 {
			t.Errorf("pack %s: a profile with too few stop words for detection", code)
		}
		for w := range prof.StopWordSeq() {
			if _, ok := rs.Language.StopWords[w]; ok && prof.NumStopWords() == rs.Language.NumStopWords() {
				t.Errorf("pack %s has the base language's stop words", code)
				break
			}
		}
	}
	if rs.ForLang("xx") != nil {
		t.Error("ForLang of an unknown code is not nil")
	}
}

// TestLanguageSection checks the keys of the language section and their
// problems.
func TestLanguageSection(t *testing.T) {
	base := DefaultBaseSources()
	good := Source{Name: "x.yaml", Data: []byte("version: 1\nlanguage:\n  code: xx\n  morphology: none\n  single_marks: speech\n  elisions: [l’]\n  participle_endings: [ant]\n  stop_words: [Le, la]\n")}
	rs, err := Load(append(base, good))
	if err != nil {
		t.Fatal(err)
	}
	l := rs.Language
	if l.Code != "xx" || l.Morphology != "none" || l.SingleMarks != SingleMarksSpeech || len(l.ParticipleEndings) != 2 {
		t.Errorf("language = %+v", l)
	}
	if _, ok := l.Elisions["l"]; !ok {
		t.Errorf("elisions %v lack l", l.Elisions)
	}
	if _, ok := l.StopWords["le"]; !ok {
		t.Error("stop words are not lowered")
	}
	if !rs.Lists[ListCueVerbs].Has("say") || rs.Lists[ListCueVerbs].Has("says") {
		t.Error("morphology none still inflects lemmas")
	}
	for _, c := range []struct{ yaml, want string }{
		{"code: Deutsch", "language code"},
		{"morphology: latin", "unknown morphology"},
		{"single_marks: sometimes", "unknown single_marks"},
		{"noun_quote_confidence: 2", "between 0 and 1"},
		{"title_case_short: 40", "0 to 20"},
		{"sentence_case: maybe", "true or false"},
		{"colour: red", "unknown key"},
		{"name_inflections: [ой, а]", "want a mapping"},
		{"name_inflections: {ой: ой}", "other than its stem"},
	} {
		src := Source{Name: "bad.yaml", Data: []byte("version: 1\nlanguage:\n  " + c.yaml + "\n")}
		if _, err := Load(append(base, src)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.yaml, err, c.want)
		}
	}
}

// TestCaseSettings checks the title-case and sentence-case settings: as a
// file gives them, and their defaults in a pack that gives none.
func TestCaseSettings(t *testing.T) {
	base := DefaultBaseSources()
	for _, c := range []struct {
		name      string
		yaml      string
		short     int
		sentences bool
	}{
		{"English", "", 3, true},
		{"given", "language:\n  title_case_short: 0\n  sentence_case: false\n", 0, false},
		{"a pack without them", "language:\n  code: xx\n", 3, true},
	} {
		srcs := base
		if c.yaml != "" {
			srcs = append(append([]Source{}, base...), Source{Name: "xx.yaml", Pack: "xx", Data: []byte("version: 1\n" + c.yaml)})
		}
		rs, err := Load(srcs)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		l := rs.Language
		if p := rs.packs; p != nil {
			if pl, ok := p.profiles["xx"]; ok {
				l = *pl
			}
		}
		if l.TitleCaseShort != c.short || l.SentenceCase != c.sentences {
			t.Errorf("%s: title_case_short %d, sentence_case %v; want %d, %v", c.name, l.TitleCaseShort, l.SentenceCase, c.short, c.sentences)
		}
	}
}

// TestMonthPrefixes checks the metadata's month prefixes: read by the
// first form a name starts with, and twelve or an error.
func TestMonthPrefixes(t *testing.T) {
	rs, err := Load(DefaultBaseSources())
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int{"january": 1, "sept": 9, "dec": 12, "de": 0, "": 0, "märz": 0} {
		if got := rs.Metadata.MonthByPrefix(name); got != want {
			t.Errorf("MonthByPrefix(%q) = %d, want %d", name, got, want)
		}
	}
	bad := Source{Name: "bad.yaml", Data: []byte("version: 1\nmetadata:\n  month_prefixes: [jan, feb]\n")}
	if _, err := Load(append(DefaultBaseSources(), bad)); err == nil || !strings.Contains(err.Error(), "twelve months") {
		t.Errorf("two month prefixes: error %v, want one about the twelve months", err)
	}
}

// TestNameKey checks that the case forms of a Russian name share one key
// (the Russian pack's name_inflections), that short words and words of no
// listed ending keep their own, and that English keys names as written.
func TestNameKey(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ru := rs.ForLang("ru")
	if ru == nil {
		t.Fatal("no ru pack")
	}
	for _, c := range []struct {
		forms []string
		same  bool
	}{
		{[]string{"волкова", "волковой", "волкову", "волковым", "волков", "волкове"}, true},
		{[]string{"ирина", "ирины", "ирине", "ирину", "ириной"}, true},
		{[]string{"козловская", "козловской", "козловскую", "козловский", "козловского"}, true},
		{[]string{"дмитрий", "дмитрия", "дмитрию", "дмитрием"}, true},
		{[]string{"сергей", "сергея", "сергею", "сергеем"}, true},
		{[]string{"антон", "антона", "антону", "антоном"}, true},
		{[]string{"волков", "волк"}, false},
		{[]string{"ли", "лиу"}, false}, // too short to lose an ending
	} {
		keys := map[string]bool{}
		for _, f := range c.forms {
			keys[ru.Language.NameKey(f)] = true
		}
		if (len(keys) == 1) != c.same {
			t.Errorf("%v: keys %v, want one key: %v", c.forms, keys, c.same)
		}
	}
	if got := rs.Language.NameKey("smiths"); got != "smiths" {
		t.Errorf("English NameKey(smiths) = %q, want it as written", got)
	}
}
