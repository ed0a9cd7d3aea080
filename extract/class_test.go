package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/whosaid/whosaid/rules"
)

// TestClassesMatchLookups checks that tokens are lower-cased as
// strings.ToLower does, and that the class bits set when tokens are
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
	texts := map[string]string{
		"mixed": "ÉMILE Zola’s AIDE, Dr. Øystein KÅRE-Olsen, told ΑΘΗΝΑ: “İstanbul’s U.S. envoy said so.” The KELVIN sign: \u212a.",
		"joins": "O’NEIL-Smith, rock-Solid d’Été x‑Ray U.S.-Mexico D-N.Y. co-OP l’ÉTAT don't DON'T 3-D e.G. A.b.C. Ä-b.",
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(data)
	}
	n := 0
	for f, text := range texts {
		a := x.analyze(x.Clean(text), "")
		for _, s := range a.sents {
			// the same tokens, unclassified
			plain := make([]rules.Token, len(s.toks))
			for i, tok := range s.toks {
				plain[i] = rules.Token{Text: tok.Text, Lower: tok.Lower, Start: tok.Start, End: tok.End,
					Quote: tok.Quote, Kind: tok.Kind, Cap: tok.Cap, First: tok.First}
			}
			for i := range s.toks {
				n++
				if tok := s.toks[i]; tok.Kind == rules.Word && tok.Lower != strings.ToLower(tok.Text) {
					t.Fatalf("%s: token %q has Lower %q", f, tok.Text, tok.Lower)
				}
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

// TestCollapse checks collapse against strings.Fields and Join.
func TestCollapse(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "a\u2009b", "ü ö", "a \u3000", "x\u0085y", "abc def ghi", "\r\n"} {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestCPIndex checks code-point offsets, in any order of conversion,
// against counting from the start.
func TestCPIndex(t *testing.T) {
	text := strings.Repeat("ab “cd” é中文 😀 x\n", 300)
	c := newCPIndex(text)
	offs := []int{}
	for off := 0; off <= len(text); off += 7 {
		offs = append(offs, off)
	}
	for i := len(offs) - 1; i >= 0; i -= 3 {
		offs = append(offs, offs[i])
	}
	for _, off := range offs {
		if got, want := c.at(off), utf8.RuneCountInString(text[:off]); got != want {
			t.Fatalf("at(%d) = %d, want %d", off, got, want)
		}
	}
	// checkpoints made on demand: first asked from the middle, the end or
	// the start
	for _, first := range []int{len(text) / 2, len(text), 0, 1} {
		c := newCPIndex(text)
		for _, off := range append([]int{first}, offs...) {
			if got, want := c.at(off), utf8.RuneCountInString(text[:off]); got != want {
				t.Fatalf("first %d: at(%d) = %d, want %d", first, off, got, want)
			}
		}
	}
}
