//go:build !trafilatura

// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package html

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// All entities that do not end with ';' are 6 or fewer bytes long.
const longestEntityWithoutSemicolon = 6

// entity is a map from HTML entity names to their values. The semicolon matters:
// https://html.spec.whatwg.org/multipage/syntax.html#named-character-references
// lists both "amp" and "amp;" as two separate entries.
//
// Note that the HTML5 list is larger than the HTML4 list at
// http://www.w3.org/TR/html4/sgml/entities.html
//
// whosaid's copy: the maps are made on first use (loadEntities), from the
// tables entitiesA, entitiesB and entitiesC, not by the package's
// initialisation: upstream's map literals were built in every process
// that links the package (~127 KB, ~2,200 allocations' worth of map
// growth, ~35 page faults), though only a page with a named character
// reference reads them (NOTICE.md).
var (
	entity     map[string]rune
	entity2    map[string][2]rune
	entityOnce sync.Once
)

// loadEntities makes entity and entity2, once. The names are keys in
// place: substrings of the constant tables, which the linker keeps with
// the program's read-only data (as string constants, unlike the arrays of
// name and rune they were, they hold no pointer the garbage collector's
// mask of the data must cover at every start).
func loadEntities() {
	entityOnce.Do(func() {
		entity = make(map[string]rune, 2138)
		for _, t := range [...]string{entitiesA, entitiesB, entitiesC} {
			for t != "" {
				sp := strings.IndexByte(t, ' ')
				r, n := utf8.DecodeRuneInString(t[sp+1:])
				entity[t[:sp]] = r
				t = t[sp+1+n:]
			}
		}
		// HTML entities that are two unicode codepoints.
		entity2 = map[string][2]rune{
			"nLt;":                     {'\u226A', '\u20D2'},
			"nGt;":                     {'\u226B', '\u20D2'},
			"NotEqualTilde;":           {'\u2242', '\u0338'},
			"NotGreaterFullEqual;":     {'\u2267', '\u0338'},
			"NotGreaterGreater;":       {'\u226B', '\u0338'},
			"NotGreaterSlantEqual;":    {'\u2A7E', '\u0338'},
			"NotHumpDownHump;":         {'\u224E', '\u0338'},
			"NotHumpEqual;":            {'\u224F', '\u0338'},
			"NotLeftTriangleBar;":      {'\u29CF', '\u0338'},
			"NotLessLess;":             {'\u226A', '\u0338'},
			"NotLessSlantEqual;":       {'\u2A7D', '\u0338'},
			"NotNestedGreaterGreater;": {'\u2AA2', '\u0338'},
			"NotNestedLessLess;":       {'\u2AA1', '\u0338'},
			"NotPrecedesEqual;":        {'\u2AAF', '\u0338'},
			"NotRightTriangleBar;":     {'\u29D0', '\u0338'},
			"NotSquareSubset;":         {'\u228F', '\u0338'},
			"NotSquareSuperset;":       {'\u2290', '\u0338'},
			"NotSubset;":               {'\u2282', '\u20D2'},
			"NotSucceedsEqual;":        {'\u2AB0', '\u0338'},
			"NotSucceedsTilde;":        {'\u227F', '\u0338'},
			"NotSuperset;":             {'\u2283', '\u20D2'},
			"ThickSpace;":              {'\u205F', '\u200A'},
			"acE;":                     {'\u223E', '\u0333'},
			"bne;":                     {'\u003D', '\u20E5'},
			"bnequiv;":                 {'\u2261', '\u20E5'},
			"caps;":                    {'\u2229', '\uFE00'},
			"cups;":                    {'\u222A', '\uFE00'},
			"fjlig;":                   {'\u0066', '\u006A'},
			"gesl;":                    {'\u22DB', '\uFE00'},
			"gvertneqq;":               {'\u2269', '\uFE00'},
			"gvnE;":                    {'\u2269', '\uFE00'},
			"lates;":                   {'\u2AAD', '\uFE00'},
			"lesg;":                    {'\u22DA', '\uFE00'},
			"lvertneqq;":               {'\u2268', '\uFE00'},
			"lvnE;":                    {'\u2268', '\uFE00'},
			"nGg;":                     {'\u22D9', '\u0338'},
			"nGtv;":                    {'\u226B', '\u0338'},
			"nLl;":                     {'\u22D8', '\u0338'},
			"nLtv;":                    {'\u226A', '\u0338'},
			"nang;":                    {'\u2220', '\u20D2'},
			"napE;":                    {'\u2A70', '\u0338'},
			"napid;":                   {'\u224B', '\u0338'},
			"nbump;":                   {'\u224E', '\u0338'},
			"nbumpe;":                  {'\u224F', '\u0338'},
			"ncongdot;":                {'\u2A6D', '\u0338'},
			"nedot;":                   {'\u2250', '\u0338'},
			"nesim;":                   {'\u2242', '\u0338'},
			"ngE;":                     {'\u2267', '\u0338'},
			"ngeqq;":                   {'\u2267', '\u0338'},
			"ngeqslant;":               {'\u2A7E', '\u0338'},
			"nges;":                    {'\u2A7E', '\u0338'},
			"nlE;":                     {'\u2266', '\u0338'},
			"nleqq;":                   {'\u2266', '\u0338'},
			"nleqslant;":               {'\u2A7D', '\u0338'},
			"nles;":                    {'\u2A7D', '\u0338'},
			"notinE;":                  {'\u22F9', '\u0338'},
			"notindot;":                {'\u22F5', '\u0338'},
			"nparsl;":                  {'\u2AFD', '\u20E5'},
			"npart;":                   {'\u2202', '\u0338'},
			"npre;":                    {'\u2AAF', '\u0338'},
			"npreceq;":                 {'\u2AAF', '\u0338'},
			"nrarrc;":                  {'\u2933', '\u0338'},
			"nrarrw;":                  {'\u219D', '\u0338'},
			"nsce;":                    {'\u2AB0', '\u0338'},
			"nsubE;":                   {'\u2AC5', '\u0338'},
			"nsubset;":                 {'\u2282', '\u20D2'},
			"nsubseteqq;":              {'\u2AC5', '\u0338'},
			"nsucceq;":                 {'\u2AB0', '\u0338'},
			"nsupE;":                   {'\u2AC6', '\u0338'},
			"nsupset;":                 {'\u2283', '\u20D2'},
			"nsupseteqq;":              {'\u2AC6', '\u0338'},
			"nvap;":                    {'\u224D', '\u20D2'},
			"nvge;":                    {'\u2265', '\u20D2'},
			"nvgt;":                    {'\u003E', '\u20D2'},
			"nvle;":                    {'\u2264', '\u20D2'},
			"nvlt;":                    {'\u003C', '\u20D2'},
			"nvltrie;":                 {'\u22B4', '\u20D2'},
			"nvrtrie;":                 {'\u22B5', '\u20D2'},
			"nvsim;":                   {'\u223C', '\u20D2'},
			"race;":                    {'\u223D', '\u0331'},
			"smtes;":                   {'\u2AAC', '\uFE00'},
			"sqcaps;":                  {'\u2293', '\uFE00'},
			"sqcups;":                  {'\u2294', '\uFE00'},
			"varsubsetneq;":            {'\u228A', '\uFE00'},
			"varsubsetneqq;":           {'\u2ACB', '\uFE00'},
			"varsupsetneq;":            {'\u228B', '\uFE00'},
			"varsupsetneqq;":           {'\u2ACC', '\uFE00'},
			"vnsub;":                   {'\u2282', '\u20D2'},
			"vnsup;":                   {'\u2283', '\u20D2'},
			"vsubnE;":                  {'\u2ACB', '\uFE00'},
			"vsubne;":                  {'\u228A', '\uFE00'},
			"vsupnE;":                  {'\u2ACC', '\uFE00'},
			"vsupne;":                  {'\u228B', '\uFE00'},
		}
	})
}
