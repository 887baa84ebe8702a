package storage

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ExportOptions says what to export where.
type ExportOptions struct {
	Table       string       // the table to export, or
	Query       string       // the query whose result to export
	Path        string       // the file to write; "-" writes Stdout
	Stdout      io.Writer    // written when Path is "-"
	Format      Format       // "" infers it from Path's extension (CSV for "-")
	Compression Compression  // "" infers it from Path's extension
	Progress    ProgressFunc // optional
}

// Export writes a table or a query's result to a file or to Stdout, with a
// header row for CSV and TSV. A file is written under a temporary name in
// its directory and renamed into place when complete, so a failed export
// leaves no partial file. It returns the number of rows written.
func Export(ctx context.Context, c *Conn, opt ExportOptions) (int64, error) {
	source, err := exportSource(opt)
	if err != nil {
		return 0, err
	}
	format, comp := opt.Format, opt.Compression
	if opt.Path != "-" {
		f, cmp := splitExt(opt.Path)
		if format == "" {
			format = f
		}
		if comp == "" {
			comp = cmp
		}
	}
	if format == "" {
		if opt.Path != "-" {
			return 0, invalidf("export: cannot tell the format of %s from its name: give --format", opt.Path)
		}
		format = CSV
	}
	if opt.Path == "-" {
		return exportToWriter(ctx, c, source, format, comp, opt)
	}
	return exportToFile(ctx, c, source, format, comp, opt)
}

func exportSource(opt ExportOptions) (string, error) {
	switch {
	case opt.Table != "" && opt.Query != "":
		return "", invalidf("export: give a table or a query, not both")
	case opt.Table != "":
		return "SELECT * FROM " + QuoteIdent(opt.Table), nil
	case strings.TrimSpace(opt.Query) != "":
		return strings.TrimRight(strings.TrimSpace(opt.Query), "; \n\t"), nil
	}
	return "", invalidf("export: no table or query given")
}

// copyOptions is the option list of DuckDB's COPY ... TO for a format.
func copyOptions(format Format, comp Compression) string {
	var opts []string
	switch format {
	case TSV:
		opts = append(opts, "FORMAT csv", "HEADER true", "DELIMITER '\t'")
	case JSON:
		opts = append(opts, "FORMAT json")
	case Parquet:
		opts = append(opts, "FORMAT parquet")
	default:
		opts = append(opts, "FORMAT csv", "HEADER true")
	}
	if comp != NoCompression {
		opts = append(opts, "COMPRESSION "+string(comp))
	}
	return "(" + strings.Join(opts, ", ") + ")"
}

func runCopy(ctx context.Context, c *Conn, source, path string, opts string, report ProgressFunc) (int64, error) {
	stmt := "COPY (" + source + ") TO " + QuoteString(path) + " " + opts
	var n int64
	err := withProgress(ctx, c.Raw, report, func() error {
		return c.SQL.QueryRowContext(ctx, stmt).Scan(&n)
	})
	return n, err
}

func exportToFile(ctx context.Context, c *Conn, source string, format Format, comp Compression, opt ExportOptions) (int64, error) {
	tmp, n, err := copyToTemp(ctx, c, filepath.Dir(opt.Path), source, copyOptions(format, comp), opt.Progress)
	defer os.Remove(tmp)
	if err != nil {
		return 0, err
	}
	if err := os.Rename(tmp, opt.Path); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	return n, nil
}

// exportToWriter lets DuckDB write an uncompressed temporary file, then
// streams it to the writer, compressing with klauspost/compress on the way
// when asked.
func exportToWriter(ctx context.Context, c *Conn, source string, format Format, comp Compression, opt ExportOptions) (int64, error) {
	if opt.Stdout == nil {
		return 0, invalidf("export: no standard output to write")
	}
	if format == Parquet && comp != NoCompression {
		return 0, invalidf("export: parquet compresses internally; do not ask for gzip or zstd on top")
	}
	tmp, n, err := copyToTemp(ctx, c, "", source, copyOptions(format, NoCompression), opt.Progress)
	defer os.Remove(tmp)
	if err != nil {
		return 0, err
	}
	return n, streamFile(tmp, opt.Stdout, comp)
}

// copyToTemp has DuckDB write source into a new temporary file in dir (the
// system's temporary directory when ""). The caller removes the file,
// whose name is returned even on error ("" when none was made).
func copyToTemp(ctx context.Context, c *Conn, dir, source, opts string, report ProgressFunc) (string, int64, error) {
	tmp, err := os.CreateTemp(dir, ".martdb-export-*")
	if err != nil {
		return "", 0, fmt.Errorf("export: %w", err)
	}
	name := tmp.Name()
	tmp.Close()
	n, err := runCopy(ctx, c, source, name, opts, report)
	return name, n, err
}

func streamFile(name string, w io.Writer, comp Compression) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer f.Close()
	cw, err := compressing(w, comp)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if _, err := io.Copy(cw, f); err != nil {
		cw.Close()
		return fmt.Errorf("export: writing output: %w", err)
	}
	return cw.Close()
}
