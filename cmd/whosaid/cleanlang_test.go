package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCleanLang checks that clean names each document's language in its
// JSONL output, cleans a German page with the German pack's rules (its
// byline rule spares a sentence that opens with Von), that --lang forces a
// language, and that an unknown --lang is a usage error.
func TestCleanLang(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "seite.txt")
	text := "Startseite\nPolitik\nVon Anna Lenz\n" +
		"Der Stadtrat hat am Dienstag mit großer Mehrheit den Bau eines neuen Radwegs beschlossen, die Arbeiten sollen im April beginnen.\n" +
		"Von Seiten der Verwaltung hieß es, man sei mit dem Ergebnis sehr zufrieden.\n" +
		"„Wir schließen damit eine Lücke, über die sich Radfahrer seit Jahren beschweren“, sagte die Bürgermeisterin nach der Sitzung.\n"
	if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args       []string
		lang, rule string
	}{
		{[]string{"clean", "--format", "jsonl", page}, "de", "de-byline"},
		{[]string{"clean", "--format", "jsonl", "--lang", "en", page}, "en", "byline"},
	} {
		code, out, errOut := runCmd(t, c.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errOut)
		}
		var rec struct {
			Lang    string `json:"lang"`
			Text    string `json:"text"`
			Dropped []struct {
				Rule string `json:"rule"`
			} `json:"dropped"`
		}
		if err := json.Unmarshal([]byte(out), &rec); err != nil {
			t.Fatalf("%v: %v in %q", c.args, err, out)
		}
		if rec.Lang != c.lang {
			t.Errorf("%v: lang %q, want %q", c.args, rec.Lang, c.lang)
		}
		rules := []string{}
		for _, d := range rec.Dropped {
			rules = append(rules, d.Rule)
		}
		if !strings.Contains(strings.Join(rules, " "), c.rule) {
			t.Errorf("%v: rules %v, want %s", c.args, rules, c.rule)
		}
		if kept := strings.Contains(rec.Text, "Von Seiten der Verwaltung"); kept != (c.lang == "de") {
			t.Errorf("%v: sentence opening with Von kept: %v", c.args, kept)
		}
	}
	if code, _, errOut := runCmd(t, "clean", "--lang", "xx", page); code != 2 || !strings.Contains(errOut, "--lang") {
		t.Errorf("clean --lang xx: exit %d, %q; want a usage error", code, errOut)
	}
}
