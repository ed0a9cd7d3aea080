package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/rules"
)

func TestZZDebug(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("ZZ"))
	if err != nil {
		t.Skip("no ZZ")
	}
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs, Options{})
	c, _, low := x.clean(string(b), false)
	a := x.analyze(c, low)
	for si := range a.sents[:a.nsents] {
		toks := a.sents[si].toks
		var ws []string
		for _, t := range toks {
			ws = append(ws, fmt.Sprintf("%s/%d", t.Text, t.Kind))
		}
		fmt.Println("S:", strings.Join(ws, "|"))
		for i := range toks {
			for _, sp := range rs.SpeakersAt(toks, i) {
				fmt.Printf("  @%d %v span=%q mention=%q title=%q\n", i, sp.Type, spanText(toks, sp.Span), spanText(toks, sp.Mention), spanText(toks, sp.Title))
			}
		}
	}
}

func TestZZPanic(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("ZZ"))
	if err != nil {
		t.Skip("no ZZ")
	}
	rs, _ := rules.Default()
	x := New(rs, Options{})
	c, _, low := x.clean(string(b), false)
	a := x.analyze(c, low)
	x.attribute(a)
	x.resolve(a)
}

func TestZZProf(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("ZZP"))
	if err != nil {
		t.Skip("no ZZP")
	}
	rs, _ := rules.Default()
	x := New(rs, Options{})
	if _, err := x.Extract("p", string(b)); err != nil {
		t.Fatal(err)
	}
}
