package extract_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/whosaid/whosaid/extract"
)

// findBrowser returns the path of a Chromium or Chrome, from
// $WHOSAID_CHROME or the usual command names, or "".
func findBrowser() string {
	if p := os.Getenv("WHOSAID_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// reviewDocs are passages written for this test: two speakers, a surname
// alone in the second, a quote that spans lines, and text that must be
// escaped.
var reviewDocs = []struct{ id, text string }{
	{"harbour.txt", "Harbour plan divides the council\n\nMarch 3, 2025\n\n" +
		"“We will rebuild the pier before winter,” said Maria Olsen, the mayor of Lindby.\n\n" +
		"Her rival was less sure. “The money is not there <yet> & the tides are rising,” said Tomas Berg, a councillor.\n\n" +
		"Olsen added: “Every boat owner will have a berth.”\n"},
	{"ferry.txt", "Ferry service to resume\n\n" +
		"“The ferry will run again in May,” Olsen told reporters on Tuesday.\n\n" +
		"“It is about time,” said Anna Lind, a fisher from the island.\n"},
}

// TestReviewPageInBrowser opens the review page in headless Chromium and
// checks what a reader sees: every quote of the documents is marked with a
// colour, a click on one shows its attribution, the text search and the
// speaker filter hide rows, and a screenshot is taken (saved to
// $WHOSAID_SCREENSHOT when set, to be looked at).
func TestReviewPageInBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no Chromium or Chrome found (install Debian's chromium, or set WHOSAID_CHROME); the review page is not tested in a browser")
	}
	x := defaultExtractor(t)
	var page bytes.Buffer
	w, err := extract.NewWriter("html", &page, extract.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("../testdata/seed/rt-putin-witkoff-2025-04-25.txt")
	if err != nil {
		t.Fatal(err)
	}
	inputs := append([]struct{ id, text string }{{"seed.txt", string(seed)}}, reviewDocs...)
	total := 0
	byBerg := 0
	for _, in := range inputs {
		doc, err := x.Extract(in.id, in.text)
		if err != nil {
			t.Fatal(err)
		}
		total += len(doc.Quotes)
		for _, q := range doc.Quotes {
			if q.Speaker == "Tomas Berg" {
				byBerg++
			}
		}
		if err := w.WriteDoc(doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if byBerg != 1 || total < 10 {
		t.Fatalf("the test documents give %d quotes, %d by Tomas Berg: the extraction changed, adapt the test", total, byBerg)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 1400),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()

	// do runs one browser action; eval evaluates a script to an int.
	do := func(what string, a chromedp.Action[chromedp.Void]) {
		t.Helper()
		if _, err := chromedp.Run(ctx, a); err != nil {
			t.Fatalf("browser: %s: %v", what, err)
		}
	}
	eval := func(js string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
		if err != nil {
			t.Fatalf("browser: %s: %v", js, err)
		}
		return n
	}
	input := func(sel, value, event string) {
		t.Helper()
		eval(`(e => (e.value = ` + strconv.Quote(value) + `, e.dispatchEvent(new Event("` + event + `")), 0))(document.querySelector("` + sel + `"))`)
	}

	do("open the page", chromedp.Navigate("file://"+file))
	do("wait for the table", chromedp.WaitReady("#quotetable tbody tr"))
	marked := eval(`new Set(Array.from(document.querySelectorAll("mark.q")).map(m => m.dataset.q)).size`)
	plain := eval(`Array.from(document.querySelectorAll("mark.q")).filter(m => getComputedStyle(m).backgroundColor === "rgba(0, 0, 0, 0)").length`)
	rows := eval(`document.querySelectorAll("#quotetable tbody tr").length`)
	shown := eval(visibleRows)
	if marked != total {
		t.Errorf("%d quotes marked in the text, want all %d", marked, total)
	}
	if plain != 0 {
		t.Errorf("%d marked quotes have no background colour", plain)
	}
	if rows != total || shown != total {
		t.Errorf("quote table: %d rows, %d shown, want %d", rows, shown, total)
	}

	// a person has one colour across documents (Olsen is Maria Olsen),
	// another person another
	bg := func(text string) string {
		t.Helper()
		c, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(Array.from(document.querySelectorAll("mark.q")).find(m => m.textContent.includes(`+strconv.Quote(text)+`))).backgroundColor`))
		if err != nil {
			t.Fatalf("browser: colour of %q: %v", text, err)
		}
		return c
	}
	olsen1, olsen2, berg := bg("rebuild the pier"), bg("ferry will run"), bg("money is not there")
	if olsen1 != olsen2 || olsen1 == berg {
		t.Errorf("colours: Maria Olsen %s, Olsen %s, Tomas Berg %s; want Olsen's the same and Berg's another", olsen1, olsen2, berg)
	}

	// a click on a quote shows its attribution
	eval(`(() => { const m = Array.from(document.querySelectorAll("mark.q")).find(m => m.textContent.includes("money is not there")); m.id = "target"; return 0 })()`)
	do("scroll", chromedp.ScrollIntoView("#target"))
	do("click", chromedp.Click("#target"))
	popHidden := eval(`document.getElementById("pop").hidden ? 1 : 0`)
	pop, err := chromedp.Run(ctx, chromedp.Text("#pop"))
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	if popHidden == 1 || !strings.Contains(pop, "Tomas Berg") || !strings.Contains(pop, "said") || !strings.Contains(pop, "confidence") {
		t.Errorf("a click on Berg's quote shows (hidden %v): %q", popHidden == 1, pop)
	}

	// the filters hide rows
	do("type a search", chromedp.SendKeys("#f-text", "tides are"))
	if n := eval(visibleRows); n != 1 {
		t.Errorf("text search 'tides are': %d rows shown, want 1", n)
	}
	input("#f-text", "", "input")
	input("#f-speaker", "Yury Ushakov", "change")
	if n := eval(visibleRows); n != 7 {
		t.Errorf("speaker filter Yury Ushakov: %d rows shown, want his 7", n)
	}
	input("#f-speaker", "Maria Olsen", "change")
	if n := eval(visibleRows); n != 3 {
		t.Errorf("speaker filter Maria Olsen: %d rows shown, want 3 (two documents)", n)
	}
	input("#f-conf", "1.5", "input")
	if n := eval(visibleRows); n != 0 {
		t.Errorf("minimum confidence 1.5: %d rows shown, want none", n)
	}
	input("#f-conf", "0", "input")
	input("#f-speaker", "", "change")
	if n := eval(visibleRows); n != total {
		t.Errorf("filters cleared: %d rows shown, want %d", n, total)
	}

	// a long table shows its first rows and a button for the rest
	var long strings.Builder
	for i := range 620 {
		fmt.Fprintf(&long, "“Point %d stands,” said Ann Smith.\n\n", i+1)
	}
	doc, err := x.Extract("long.txt", long.String())
	if err != nil {
		t.Fatal(err)
	}
	var page2 bytes.Buffer
	w2, _ := extract.NewWriter("html", &page2, extract.WriterOptions{})
	if err := w2.WriteDoc(doc); err != nil {
		t.Fatal(err)
	}
	if err := w2.Close(); err != nil {
		t.Fatal(err)
	}
	file2 := filepath.Join(dir, "long.html")
	if err := os.WriteFile(file2, page2.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	do("open the long page", chromedp.Navigate("file://"+file2))
	do("wait for the table", chromedp.WaitReady("#quotetable tbody tr"))
	if n, m := eval(visibleRows), eval(`document.querySelectorAll("mark.q").length`); n != 500 || m != len(doc.Quotes) || len(doc.Quotes) != 620 {
		t.Errorf("long page: %d rows shown, %d quotes marked, of %d quotes; want 500 rows and all marked", n, m, len(doc.Quotes))
	}
	eval(`document.getElementById("more").click(), 0`)
	if n := eval(visibleRows); n != len(doc.Quotes) {
		t.Errorf("long page after 'show all': %d rows, want %d", n, len(doc.Quotes))
	}
	eval(`document.querySelector("#quotetable th:nth-child(2)").click(), 0`)
	first, err := chromedp.Run(ctx, chromedp.Text(`#quotetable tbody tr:first-child td:nth-child(2)`))
	if err != nil || first != "Point 1 stands," && first != "Point 1 stands" {
		t.Errorf("sorted by quote, the first row is %q (%v)", first, err)
	}
	// --columns: the quote table shows those columns, in that order
	doc.Meta = map[string]string{"outlet": "Harbour News"}
	var page3 bytes.Buffer
	w3, _ := extract.NewWriter("html", &page3, extract.WriterOptions{Columns: []string{"doc_outlet", "quote", "speaker"}})
	if err := w3.WriteDoc(doc); err != nil {
		t.Fatal(err)
	}
	if err := w3.Close(); err != nil {
		t.Fatal(err)
	}
	file3 := filepath.Join(dir, "columns.html")
	if err := os.WriteFile(file3, page3.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	do("open the page with columns", chromedp.Navigate("file://"+file3))
	do("wait for the table", chromedp.WaitReady("#quotetable tbody tr"))
	heads, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("#quotetable thead th")).map(h => h.textContent).join(",") + "|" + document.querySelector("#quotetable tbody tr td").textContent`))
	if err != nil || heads != "doc_outlet,quote,speaker|Harbour News" {
		t.Errorf("columns page: header and first cell %q (%v), want doc_outlet,quote,speaker|Harbour News", heads, err)
	}
	do("back to the first page", chromedp.Navigate("file://"+file))
	do("wait for the table", chromedp.WaitReady("#quotetable tbody tr"))

	// the screenshot of the page as a reader sees it
	eval(`window.scrollTo(0, 0), 0`)
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("browser: screenshot: %v", err)
	}
	if _, err := png.Decode(bytes.NewReader(shot)); err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if p := os.Getenv("WHOSAID_SCREENSHOT"); p != "" {
		if err := os.WriteFile(p, shot, 0o644); err != nil {
			t.Error(err)
		}
	}
}

// visibleRows counts the quote table's rows that are shown.
const visibleRows = `Array.from(document.querySelectorAll("#quotetable tbody tr")).filter(r => !r.hidden && r.offsetParent !== null).length`
