package cli

import (
	"fmt"

	"github.com/martdb/martdb/storage"
)

// importCommand is `martdb import DBFILE TABLE FILE...`.
func (e *env) importCommand(args []string) error {
	o := &options{}
	fs := newFlagSet("martdb import")
	format := fs.String("format", "", "input format: csv, tsv, json, parquet (default: from the file names)")
	delimiter := fs.String("delimiter", "", "field separator of CSV input (default , for CSV and tab for TSV)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 3 {
		return usagef("import needs DBFILE TABLE FILE...: got %d argument(s)", len(pos))
	}
	opt := storage.ImportOptions{Table: pos[1], Files: pos[2:], Stdin: e.stdin, Delimiter: *delimiter}
	if *format != "" {
		if opt.Format, err = storage.ParseFormat(*format); err != nil {
			return usageError{err}
		}
	}
	eng, s, err := e.openEngine(pos[0], o)
	if err != nil {
		return err
	}
	progress, clear := e.newProgress("importing " + opt.Table)
	opt.Progress = progress
	n, err := s.Import(e.ctx, opt)
	clear()
	if err == nil {
		fmt.Fprintf(e.stderr, "imported %s into %s\n", rowCount(n), opt.Table)
	}
	return closeEngine(eng, err)
}

// exportCommand is `martdb export DBFILE (TABLE | --query SQL) FILE`.
func (e *env) exportCommand(args []string) error {
	o := &options{}
	fs := newFlagSet("martdb export")
	query := fs.String("query", "", "export the result of `SQL` instead of a table")
	format := fs.String("format", "", "output format: csv, tsv, json, parquet (default: from the file name; csv for -)")
	compression := fs.String("compression", "", "gzip or zstd (default: from the file name)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	want := 3
	if *query != "" {
		want = 2
	}
	if len(pos) != want {
		return usagef("export needs DBFILE TABLE FILE, or DBFILE --query SQL FILE")
	}
	opt := storage.ExportOptions{Query: *query, Path: pos[len(pos)-1], Stdout: e.stdout}
	if *query == "" {
		opt.Table = pos[1]
	}
	if *format != "" {
		if opt.Format, err = storage.ParseFormat(*format); err != nil {
			return usageError{err}
		}
	}
	switch *compression {
	case "", "none":
	case "gzip", "gz":
		opt.Compression = storage.Gzip
	case "zstd", "zst":
		opt.Compression = storage.Zstd
	default:
		return usagef("unknown compression %q: expected gzip or zstd", *compression)
	}
	o.readOnly = true
	eng, s, err := e.openEngine(pos[0], o)
	if err != nil {
		return err
	}
	progress, clear := e.newProgress("exporting")
	opt.Progress = progress
	n, err := s.Export(e.ctx, opt)
	clear()
	if err == nil {
		fmt.Fprintf(e.stderr, "exported %s to %s\n", rowCount(n), opt.Path)
	}
	return closeEngine(eng, err)
}

// rowCount is "1 row" or "N rows".
func rowCount(n int64) string {
	if n == 1 {
		return "1 row"
	}
	return fmt.Sprintf("%d rows", n)
}
