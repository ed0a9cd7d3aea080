package xlsx

import (
	"math"
	"strconv"
	"strings"
)

// Style is the look of a cell.
type Style uint8

// The cell styles. Their numbers are the cell formats of styles.xml.
const (
	Plain   Style = iota // the default look
	Wrapped              // text wrapped in the column's width, aligned to the top
	Bold                 // bold, aligned to the top (a header)
)

type cellKind uint8

const (
	kindEmpty cellKind = iota
	kindText
	kindNumber
)

// Cell is one cell of a row: text, a number or empty (the zero Cell), in
// a Style.
type Cell struct {
	kind  cellKind
	v     string // the text, or the number as written in the XML
	style Style
}

// Text returns a text cell. Text is never read as a formula. The empty
// string gives an empty cell.
func Text(s string) Cell {
	if s == "" {
		return Cell{}
	}
	return Cell{kind: kindText, v: s}
}

// Int returns a number cell.
func Int(n int64) Cell { return Cell{kind: kindNumber, v: strconv.FormatInt(n, 10)} }

// Float returns a number cell with at most 15 significant digits, the
// precision of a spreadsheet. NaN and the infinities, which a spreadsheet
// cannot hold as numbers, become text cells.
func Float(f float64) Cell {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		s := "NaN"
		if math.IsInf(f, 1) {
			s = "+Inf"
		} else if math.IsInf(f, -1) {
			s = "-Inf"
		}
		return Cell{kind: kindText, v: s}
	}
	return Cell{kind: kindNumber, v: formatFloat(f)}
}

// In returns the cell in style s. An empty cell with a style other than
// Plain is written (a cell a user fills later takes the style).
func (c Cell) In(s Style) Cell {
	c.style = s
	return c
}

// formatFloat writes f as a spreadsheet stores it: in decimal notation,
// with at most 15 significant digits (the digits after them cut, those
// before a decimal point made zeros).
func formatFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if math.Abs(f) == math.MaxFloat64 {
		return s
	}
	const digits = 15
	point := strings.IndexByte(s, '.')
	sig := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || sig == 0 && s[i] == '0' {
			continue
		}
		if sig++; sig <= digits {
			continue
		}
		if point >= 0 && i > point {
			return strings.TrimSuffix(s[:i], ".")
		}
		if point < 0 {
			point = len(s)
		}
		b := []byte(s[:point])
		for ; i < len(b); i++ {
			b[i] = '0'
		}
		return string(b)
	}
	return s
}
