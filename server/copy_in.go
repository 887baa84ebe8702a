package server

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"strings"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/pgdialect"
)

// copyIn receives COPY FROM STDIN data into a temporary CSV file and
// loads it with one DuckDB COPY, so the load is all or nothing. PostgreSQL
// text-format input is converted to CSV on the way.
func (c *conn) copyIn(ctx context.Context, spec *pgdialect.CopySpec, f copyFormat) error {
	if spec.Table == "" {
		return engine.Errorf(engine.CodeSyntaxError, "COPY FROM needs a table")
	}
	if err := c.checkWritable(engine.KindCopy); err != nil {
		return err
	}
	ncols, err := c.copyColumns(ctx, spec)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(c.srv.cfg.SpoolDir, "martdb-copy-*.csv")
	if err != nil {
		return engine.Errorf(engine.CodeIOError, "COPY FROM STDIN: %v", err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	c.be.Send(&pgproto3.CopyInResponse{OverallFormat: 0, ColumnFormatCodes: make([]uint16, ncols)})
	if err := c.flush(); err != nil {
		return err
	}
	w := bufio.NewWriterSize(tmp, 1<<20)
	if err := c.receiveCopyData(w, f); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return engine.Errorf(engine.CodeIOError, "COPY FROM STDIN: %v", err)
	}
	n, err := c.loadCopy(ctx, spec, f, tmp.Name())
	if err != nil {
		return err
	}
	c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte("COPY " + itoa(n))})
	return nil
}

// copyColumns is how many columns the COPY loads.
func (c *conn) copyColumns(ctx context.Context, spec *pgdialect.CopySpec) (int, error) {
	if len(spec.Columns) > 0 {
		return len(spec.Columns), nil
	}
	p, err := c.sess.Prepare(ctx, "SELECT * FROM "+spec.Table+" LIMIT 0")
	if err != nil {
		return 0, err
	}
	defer p.Close()
	return len(p.Columns()), nil
}

// receiveCopyData writes CopyData to w until CopyDone; CopyFail and a
// broken connection end it with an error. Text-format data is converted
// to CSV line by line.
func (c *conn) receiveCopyData(w *bufio.Writer, f copyFormat) error {
	var pending []byte // text format: an incomplete last line
	for {
		msg, err := c.be.Receive()
		if err != nil {
			return engine.Errorf(codeProtocolViolation, "COPY FROM STDIN: the connection failed: %v", err)
		}
		switch m := msg.(type) {
		case *pgproto3.CopyData:
			if f.csv {
				w.Write(m.Data)
				continue
			}
			pending = append(pending, m.Data...)
			pending = convertLines(w, pending, f, false)
		case *pgproto3.CopyDone:
			if !f.csv {
				convertLines(w, pending, f, true)
			}
			return nil
		case *pgproto3.CopyFail:
			return engine.Errorf(engine.CodeQueryCanceled, "COPY from stdin failed: %s", m.Message)
		case *pgproto3.Flush, *pgproto3.Sync:
			// Allowed during COPY; they mean nothing until it ends.
		default:
			return engine.Errorf(codeProtocolViolation, "unexpected message %T during COPY FROM STDIN", msg)
		}
	}
}

// convertLines converts the complete lines of PostgreSQL text-format data
// in buf to CSV on w (all of it when final) and returns what is left.
func convertLines(w *bufio.Writer, buf []byte, f copyFormat, final bool) []byte {
	for {
		i := bytes.IndexByte(buf, '\n')
		if i < 0 {
			if final && len(buf) > 0 {
				writeTextLine(w, buf, f)
				return nil
			}
			return buf
		}
		line := bytes.TrimSuffix(buf[:i], []byte{'\r'})
		if string(line) != `\.` {
			writeTextLine(w, line, f)
		}
		buf = buf[i+1:]
	}
}

// writeTextLine writes one text-format line as CSV: every value quoted,
// NULLs as an unquoted \N (the loader's NULL string).
func writeTextLine(w *bufio.Writer, line []byte, f copyFormat) {
	fields := splitTextLine(line, f.delimiter)
	for i, field := range fields {
		if i > 0 {
			w.WriteByte(',')
		}
		if string(field) == f.null {
			w.WriteString(`\N`)
			continue
		}
		w.WriteByte('"')
		w.WriteString(strings.ReplaceAll(unescapeText(field), `"`, `""`))
		w.WriteByte('"')
	}
	w.WriteByte('\n')
}

// splitTextLine splits at delimiters not escaped by a backslash.
func splitTextLine(line []byte, delim byte) [][]byte {
	var out [][]byte
	start := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case delim:
			out = append(out, line[start:i])
			start = i + 1
		}
	}
	return append(out, line[start:])
}

// unescapeText decodes PostgreSQL's text-format backslash sequences.
func unescapeText(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 {
		return string(v)
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' || i+1 == len(v) {
			b.WriteByte(v[i])
			continue
		}
		i++
		switch v[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		default:
			b.WriteByte(v[i])
		}
	}
	return b.String()
}

// loadCopy loads the spooled CSV file into the table with DuckDB's COPY.
func (c *conn) loadCopy(ctx context.Context, spec *pgdialect.CopySpec, f copyFormat, path string) (int64, error) {
	target := spec.Table
	if len(spec.Columns) > 0 {
		quoted := make([]string, len(spec.Columns))
		for i, col := range spec.Columns {
			quoted[i] = quoteIdent(col)
		}
		target += " (" + strings.Join(quoted, ", ") + ")"
	}
	opts := []string{"FORMAT csv", "ALLOW_QUOTED_NULLS false"}
	if f.csv {
		opts = append(opts, "DELIMITER "+quoteLiteral(string(f.delimiter)), "QUOTE "+quoteLiteral(string(f.quote)),
			"ESCAPE "+quoteLiteral(string(f.escape)), "NULL "+quoteLiteral(f.null))
		if f.header {
			opts = append(opts, "HEADER true")
		} else {
			opts = append(opts, "HEADER false")
		}
	} else {
		opts = append(opts, "DELIMITER ','", `QUOTE '"'`, `ESCAPE '"'`, `NULL '\N'`, "HEADER "+boolWord(f.header))
	}
	sql := "COPY " + target + " FROM " + quoteLiteral(path) + " (" + strings.Join(opts, ", ") + ")"
	p, err := c.sess.Prepare(ctx, sql)
	if err != nil {
		return 0, err
	}
	defer p.Close()
	r, err := p.Open(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	c.statements++
	return r.RowsAffected(), nil
}

func boolWord(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
