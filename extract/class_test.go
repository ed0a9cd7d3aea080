package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

// TestClassesMatchLookups checks that the class bits set when tokens are
// made give the same answers as looking the words up: speaker phrases,
// list matches and title words, on classified tokens and on the same tokens
// with Class cleared, at every position of every sentence of the shipped
// articles.
func TestClassesMatchLookups(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no articles in testdata/")
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := x.analyze(x.Clean(string(data)))
		for _, s := range a.sents {
			plain := make([]rules.Token, len(s.toks))
			copy(plain, s.toks)
			for i := range plain {
				plain[i].Class = 0
			}
			for i := range s.toks {
				n++
				if got, want := rs.SpeakersAt(s.toks, i), rs.SpeakersAt(plain, i); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: SpeakersAt %q: classified %v, looked up %v", f, s.toks[i].Text, got, want)
				}
				if got, want := rs.IsTitleWord(s.toks[i]), rs.IsTitleWord(plain[i]); got != want {
					t.Fatalf("%s: IsTitleWord %q: classified %v, looked up %v", f, s.toks[i].Text, got, want)
				}
				for name, l := range rs.Lists {
					want := l.MatchAt(s.toks, i)
					if got := rs.ListAt(l, s.toks, i); got != want {
						t.Fatalf("%s: ListAt %s %q: %d, MatchAt %d", f, name, s.toks[i].Text, got, want)
					}
					if got := rs.ListAt(l, plain, i); got != want {
						t.Fatalf("%s: ListAt %s %q unclassified: %d, MatchAt %d", f, name, s.toks[i].Text, got, want)
					}
					if got, want := rs.InList(l, &s.toks[i]), l.Has(s.toks[i].Lower); got != want {
						t.Fatalf("%s: InList %s %q: %v, Has %v", f, name, s.toks[i].Text, got, want)
					}
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d tokens checked", n)
	}
}
