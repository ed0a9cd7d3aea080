package extract

// cleanLang is Clean and CleanExplain in the language of text, detected as
// Extract detects it (or forced by Options.Lang): the cleanup rules of that
// language's pack run, which add the pack's words of page furniture
// (Anzeige, Lesen Sie auch) and its rules to the base ones, and spare the
// lines holding its quotation marks and cue verbs. A text in no pack's
// language is cleaned with the base rules.
func (x *Extractor) cleanLang(text string, explain bool) (*Cleaned, []LineTrace) {
	lang, y := x.langOf(text)
	c, trace, _ := y.clean(text, explain)
	c.Lang = lang
	return c, trace
}
