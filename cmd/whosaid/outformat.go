package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// extFormats maps the extensions of -o files to the output format they
// imply when --format is not given.
var extFormats = map[string]string{
	".csv": "csv", ".tsv": "tsv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
	".xlsx": "xlsx", ".html": "html", ".htm": "html",
}

// outputFormat decides the output format: --format (any case) when given,
// else the one -o's extension implies, else def. A --format that
// contradicts -o's extension is a usage error, as is a format not in
// allowed.
func outputFormat(format, out, def string, allowed []string) (string, error) {
	format = strings.ToLower(format)
	implied := ""
	if out != "" && out != "-" {
		implied = extFormats[strings.ToLower(filepath.Ext(out))]
	}
	switch {
	case format == "" && implied != "":
		format = implied
	case format == "":
		format = def
	case implied != "" && implied != format:
		return "", &exitError{exitUsage, fmt.Errorf("--format %s contradicts -o %s (which implies %s); leave out --format or rename the file", format, out, implied)}
	}
	if !slices.Contains(allowed, format) {
		return "", &exitError{exitUsage, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(allowed, ", "))}
	}
	return format, nil
}
