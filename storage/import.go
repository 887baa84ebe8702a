package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// ImportOptions says what to import into which table.
type ImportOptions struct {
	Table  string
	Files  []string  // paths or globs; "-" reads Stdin
	Stdin  io.Reader // read when Files holds "-"
	Format Format    // "" infers it from the files' extensions, or sniffs stdin
	// Delimiter overrides the field separator of CSV input (default ","
	// for CSV, a tab for TSV). The delimiter is never guessed from a file's
	// contents: a guess turns a malformed line into a silently wrong table.
	Delimiter string
	Progress  ProgressFunc // optional; called while DuckDB reads the files
}

// Import loads files into a table: it creates the table with the types
// DuckDB infers when it does not exist, and appends to it (matching columns
// by position) when it does. The load is one statement, hence one
// transaction: when it fails, no table is created and no row is appended.
// Compressed files (gzip, zstd) are read directly by DuckDB when their
// extension says so; other compressed input, such as stdin, is decompressed
// with klauspost/compress into a temporary file first. It returns the
// number of rows loaded.
func Import(ctx context.Context, c *Conn, opt ImportOptions) (int64, error) {
	if opt.Table == "" {
		return 0, invalidf("import: no table name given")
	}
	if len(opt.Files) == 0 {
		return 0, invalidf("import: no input file given")
	}
	src, err := resolveSources(opt.Files, opt.Stdin)
	defer src.cleanup()
	if err != nil {
		return 0, err
	}
	format := opt.Format
	if format == "" {
		if format, err = src.format(); err != nil {
			return 0, err
		}
	}
	exists, err := tableExists(ctx, c, opt.Table)
	if err != nil {
		return 0, err
	}
	stmt := importStatement(opt.Table, exists, readerCall(format, opt.Delimiter, src.paths))
	var n int64
	err = withProgress(ctx, c.Raw, opt.Progress, func() error {
		return c.SQL.QueryRowContext(ctx, stmt).Scan(&n)
	})
	return n, err
}

// importStatement is the one statement that loads the rows.
func importStatement(table string, exists bool, reader string) string {
	if exists {
		return "INSERT INTO " + QuoteIdent(table) + " SELECT * FROM " + reader
	}
	return "CREATE TABLE " + QuoteIdent(table) + " AS SELECT * FROM " + reader
}

// readerCall is the DuckDB table function call reading paths in format.
// CSV and TSV are read with a fixed delimiter; DuckDB still detects the
// header, quoting and column types.
func readerCall(format Format, delim string, paths []string) string {
	quoted := make([]string, len(paths))
	for i, p := range paths {
		quoted[i] = QuoteString(p)
	}
	list := "[" + strings.Join(quoted, ", ") + "]"
	switch format {
	case JSON:
		return "read_json(" + list + ")"
	case Parquet:
		return "read_parquet(" + list + ")"
	}
	if delim == "" {
		delim = ","
		if format == TSV {
			delim = "\t"
		}
	}
	return "read_csv(" + list + ", delim = " + QuoteString(delim) + ")"
}

// tableExists reports whether table (optionally schema-qualified) exists.
func tableExists(ctx context.Context, c *Conn, table string) (bool, error) {
	schema, name := "", table
	if i := strings.LastIndexByte(table, '.'); i >= 0 {
		schema, name = table[:i], table[i+1:]
	}
	var n int
	err := c.SQL.QueryRowContext(ctx,
		`SELECT count(*) FROM duckdb_tables()
		 WHERE table_name = ? AND schema_name = coalesce(nullif(?, ''), current_schema())`,
		name, schema).Scan(&n)
	return n > 0, err
}

// sources are the paths DuckDB will read, with the temporary files made
// along the way.
type sources struct {
	paths   []string
	formats []Format // format told by each path's name or content; "" unknown
	temps   []string
}

func (s *sources) cleanup() {
	for _, t := range s.temps {
		os.Remove(t)
	}
}

// format is the one format of all sources, or an error when they disagree
// or none can be told.
func (s *sources) format() (Format, error) {
	var f Format
	for i, g := range s.formats {
		if g == "" {
			return "", invalidf("import: cannot tell the format of %s: name it with --format", s.paths[i])
		}
		if f != "" && g != f {
			return "", invalidf("import: files of different formats (%s and %s)", f, g)
		}
		f = g
	}
	return f, nil
}

func resolveSources(files []string, stdin io.Reader) (*sources, error) {
	s := &sources{}
	for _, f := range files {
		if err := s.add(f, stdin); err != nil {
			return s, err
		}
	}
	return s, nil
}

// add resolves one file argument.
func (s *sources) add(name string, stdin io.Reader) error {
	if name == "-" {
		if stdin == nil {
			return invalidf("import: no standard input to read")
		}
		return s.spool(stdin, "stdin", "")
	}
	if strings.ContainsAny(name, "*?[") {
		f, _ := splitExt(name)
		s.paths, s.formats = append(s.paths, name), append(s.formats, f)
		return nil
	}
	f, comp := splitExt(name)
	actual, err := fileCompression(name)
	if err != nil {
		return err
	}
	if actual != comp {
		fh, err := os.Open(name)
		if err != nil {
			return err
		}
		defer fh.Close()
		return s.spool(fh, name, f)
	}
	s.paths, s.formats = append(s.paths, name), append(s.formats, f)
	return nil
}

// fileCompression reads a file's first bytes to tell its compression.
func fileCompression(name string) (Compression, error) {
	fh, err := os.Open(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", notFoundf("import: file not found: %s", name)
		}
		return "", fmt.Errorf("import: %w", err)
	}
	defer fh.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(fh, head)
	return sniffCompression(head[:n]), nil
}

// spool decompresses r (if compressed) into a temporary file that DuckDB
// can read, and sniffs its format when known is "".
func (s *sources) spool(r io.Reader, label string, known Format) error {
	dr, closeDecoder, err := decompressing(r)
	if err != nil {
		return fmt.Errorf("import: %s: %w", label, err)
	}
	defer closeDecoder()
	tmp, err := os.CreateTemp("", "martdb-import-*")
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	s.temps = append(s.temps, tmp.Name())
	head := make([]byte, 512)
	n, _ := io.ReadFull(dr, head)
	head = head[:n]
	if _, err := tmp.Write(head); err == nil {
		_, err = io.Copy(tmp, dr)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return invalidf("import: reading %s: %v", label, err)
	}
	if known == "" {
		known = sniffFormat(head)
	}
	s.paths, s.formats = append(s.paths, tmp.Name()), append(s.formats, known)
	return nil
}

// sniffFormat tells Parquet, JSON, TSV or CSV from a stream's first bytes:
// delimited text is TSV when its first line has more tabs than commas.
func sniffFormat(head []byte) Format {
	trimmed := strings.TrimLeft(string(head), " \t\r\n\ufeff")
	switch {
	case strings.HasPrefix(string(head), "PAR1"):
		return Parquet
	case strings.HasPrefix(trimmed, "{"), strings.HasPrefix(trimmed, "["):
		return JSON
	case trimmed == "":
		return ""
	}
	first, _, _ := strings.Cut(string(head), "\n")
	if strings.Count(first, "\t") > strings.Count(first, ",") {
		return TSV
	}
	return CSV
}
