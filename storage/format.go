package storage

import (
	"path/filepath"
	"strings"
)

// Format is a file format martdb imports and exports.
type Format string

// The formats; CSV and TSV differ only in the delimiter, JSON means JSON
// lines (one object per line) on export and lines or an array on import.
const (
	CSV     Format = "csv"
	TSV     Format = "tsv"
	JSON    Format = "json"
	Parquet Format = "parquet"
)

// Compression is a stream compression martdb reads and writes.
type Compression string

// The compressions.
const (
	NoCompression Compression = ""
	Gzip          Compression = "gzip"
	Zstd          Compression = "zstd"
)

// ParseFormat accepts a format name ("csv", "tsv", "json", "jsonl",
// "ndjson", "parquet").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "csv":
		return CSV, nil
	case "tsv", "tab":
		return TSV, nil
	case "json", "jsonl", "ndjson":
		return JSON, nil
	case "parquet":
		return Parquet, nil
	}
	return "", invalidf("unknown format %q: expected csv, tsv, json, jsonl or parquet", s)
}

// splitExt reads a file name's format and compression from its extensions:
// "a.csv.zst" is CSV compressed with zstd. Unknown extensions give "".
func splitExt(name string) (Format, Compression) {
	base := strings.ToLower(filepath.Base(name))
	comp := NoCompression
	switch {
	case strings.HasSuffix(base, ".gz"), strings.HasSuffix(base, ".gzip"):
		comp = Gzip
	case strings.HasSuffix(base, ".zst"), strings.HasSuffix(base, ".zstd"):
		comp = Zstd
	}
	if comp != NoCompression {
		base = strings.TrimSuffix(base, filepath.Ext(base))
	}
	f, err := ParseFormat(strings.TrimPrefix(filepath.Ext(base), "."))
	if err != nil {
		return "", comp
	}
	return f, comp
}
