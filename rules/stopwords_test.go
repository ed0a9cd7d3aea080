package rules

import (
	"testing"

	"github.com/whosaid/whosaid/internal/wordtab"
)

// TestStopWordTable checks that the default rules' stop-word table is read
// from the static data and answers as the table built from the profiles
// does for every stop word (and for words that are none), and that loads
// the data was not made for build theirs.
func TestStopWordTable(t *testing.T) {
	base := DefaultBaseSources()
	user := Source{Name: "user.yaml", Data: []byte("version: 1\nlists:\n  my_words:\n    words: [zzyzx]\n")}
	for _, c := range []struct {
		name   string
		srcs   []Source
		static bool
	}{
		{"defaults", DefaultSources(), true},
		{"base alone", base, false},
		{"a user file on top", append(DefaultSources(), user), false},
		{"a user file in a pack", append(DefaultSources(), Source{Name: "fr/x.yaml", Data: []byte("version: 1\n"), Pack: "fr"}), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			rs, err := Load(c.srcs)
			if err != nil {
				t.Fatal(err)
			}
			if (rs.stopWords != nil) != c.static {
				t.Fatalf("static table used: %v, want %v", rs.stopWords != nil, c.static)
			}
			got, ok := rs.StopWordTable()
			if !ok {
				t.Fatal("no stop-word table")
			}
			var profiles []*Language
			for _, code := range rs.Langs() {
				profiles = append(profiles, rs.LangProfile(code))
			}
			want := buildStopWordTable(profiles)
			if got.MaxLen != want.MaxLen || len(got.Long) != len(want.Long) {
				t.Errorf("MaxLen %d, %d long words; want %d, %d", got.MaxLen, len(got.Long), want.MaxLen, len(want.Long))
			}
			words := []string{"zzyzx", "qqq", "the-end"}
			for _, p := range profiles {
				for w := range p.StopWordSeq() {
					words = append(words, w, w+"s", w[:len(w)-1])
				}
			}
			for _, w := range words {
				a, b, ok := wordtab.Pack(w)
				if !ok {
					continue
				}
				g, _ := got.Short.Get(a, b)
				x, _ := want.Short.Get(a, b)
				if g != x {
					t.Errorf("%q: languages %b, want %b", w, g, x)
				}
			}
		})
	}
}
