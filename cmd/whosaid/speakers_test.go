package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
)

// TestSpeakersSeed lists the seed article's people with their titles, in
// both formats.
func TestSpeakersSeed(t *testing.T) {
	seed := "../../testdata/seed/rt-putin-witkoff-2025-04-25.txt"
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"speakers", "--by-doc", "--format", "csv", seed}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "doc,speaker,titles,aliases,quotes" {
		t.Fatalf("header %v", rows[0])
	}
	got := map[string][]string{}
	for _, r := range rows[1:] {
		got[r[1]] = r
	}
	want := map[string]struct{ title, quotes string }{
		"Yury Ushakov":   {"Kremlin aide", "7"},
		"Vladimir Putin": {"Russian President", "0"},
		"Donald Trump":   {"US President", "0"},
		"Steve Witkoff":  {"special envoy", "0"},
	}
	for name, w := range want {
		r, ok := got[name]
		if !ok {
			t.Errorf("%s missing from the speakers table: %v", name, rows)
			continue
		}
		if !strings.HasPrefix(r[2], w.title) || r[4] != w.quotes {
			t.Errorf("%s: titles %q quotes %s, want %q… and %s", name, r[2], r[4], w.title, w.quotes)
		}
	}
	if got["Yury Ushakov"][3] != "Ushakov" {
		t.Errorf("Ushakov's aliases: %q", got["Yury Ushakov"][3])
	}
	out.Reset()
	if code := run(context.Background(), []string{"speakers", "-f", "table", seed}, strings.NewReader(""), &out, &errb); code != 0 || !strings.Contains(out.String(), "Kremlin aide") {
		t.Errorf("table format: exit %d\n%s", code, out.String())
	}
}

// TestSpeakersReported checks that `speakers --reported` counts the
// statements of reported speech in a column of their own.
func TestSpeakersReported(t *testing.T) {
	seed := "../../testdata/seed/rt-putin-witkoff-2025-04-25.txt"
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"speakers", "--by-doc", "--reported", "--format", "csv", seed}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || len(rows[0]) != 6 || rows[0][5] != "reported" {
		t.Fatalf("header %v", rows[0])
	}
	for _, r := range rows[1:] {
		if r[1] == "Yury Ushakov" {
			if r[4] != "7" || r[5] != "2" {
				t.Errorf("Yury Ushakov: %s quotes, %s statements; want 7 and 2", r[4], r[5])
			}
			return
		}
	}
	t.Errorf("no Yury Ushakov in %v", rows)
}
