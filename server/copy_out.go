package server

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server/pgtypes"
	"github.com/martdb/martdb/sql/pgdialect"
)

// copyFormat is a COPY statement's text layout: PostgreSQL's text format
// (tab separated, \N for NULL, backslash escapes) or CSV.
type copyFormat struct {
	csv       bool
	delimiter byte
	null      string
	quote     byte
	escape    byte
	header    bool
}

// copyFormatOf reads a COPY statement's options, PostgreSQL's defaults
// filled in. Binary COPY is not supported.
func copyFormatOf(spec *pgdialect.CopySpec) (copyFormat, error) {
	f := copyFormat{delimiter: '\t', null: `\N`, quote: '"', escape: '"', header: spec.Header}
	switch spec.Format {
	case "text", "":
	case "csv":
		f.csv, f.delimiter, f.null = true, ',', ""
	default:
		return f, engine.Errorf(codeFeatureNotSupported, "COPY format %q is not supported; use text or csv", spec.Format)
	}
	for name, v := range spec.Options {
		switch name {
		case "delimiter", "quote", "escape":
			if len(v) != 1 {
				return f, engine.Errorf(codeInvalidParameter, "COPY %s must be a single one-byte character, got %q", name, v)
			}
			switch name {
			case "delimiter":
				f.delimiter = v[0]
			case "quote":
				f.quote = v[0]
			default:
				f.escape = v[0]
			}
		case "null":
			f.null = v
		case "encoding":
			if !strings.EqualFold(strings.ReplaceAll(v, "-", ""), "UTF8") {
				return f, engine.Errorf(codeFeatureNotSupported, "COPY encoding %q is not supported; martdb speaks UTF8", v)
			}
		default:
			return f, engine.Errorf(codeFeatureNotSupported, "COPY option %q is not supported", name)
		}
	}
	if f.escape == '"' && f.quote != '"' {
		f.escape = f.quote
	}
	return f, nil
}

// copyStatement runs COPY ... TO STDOUT or COPY ... FROM STDIN.
func (c *conn) copyStatement(ctx context.Context, spec *pgdialect.CopySpec) error {
	if !spec.Stdio {
		return engine.Errorf(codeFeatureNotSupported, "COPY to or from a file on the server is not supported").
			WithHint("Use COPY ... TO STDOUT or COPY ... FROM STDIN (psql's \\copy does).")
	}
	f, err := copyFormatOf(spec)
	if err != nil {
		return err
	}
	if spec.From {
		return c.copyIn(ctx, spec, f)
	}
	return c.copyOut(ctx, spec, f)
}

// copySource is the query whose rows COPY TO sends.
func copySource(spec *pgdialect.CopySpec) string {
	if spec.Query != "" {
		return spec.Query
	}
	cols := "*"
	if len(spec.Columns) > 0 {
		quoted := make([]string, len(spec.Columns))
		for i, col := range spec.Columns {
			quoted[i] = quoteIdent(col)
		}
		cols = strings.Join(quoted, ", ")
	}
	return "SELECT " + cols + " FROM " + spec.Table
}

// copyOut streams a query's rows as CopyData lines.
func (c *conn) copyOut(ctx context.Context, spec *pgdialect.CopySpec, f copyFormat) error {
	p, err := c.sess.Prepare(ctx, copySource(spec))
	if err != nil {
		return err
	}
	defer p.Close()
	r, err := p.Open(ctx, nil)
	if err != nil {
		return err
	}
	defer r.Close()
	r.SetContext(ctx)
	cols := r.Columns()
	encs := make([]*pgtypes.Encoder, len(cols))
	for i, col := range cols {
		encs[i] = pgtypes.NewEncoder(col.Type)
	}
	c.be.Send(&pgproto3.CopyOutResponse{OverallFormat: 0, ColumnFormatCodes: make([]uint16, len(cols))})
	var line, field []byte
	if f.header {
		line = line[:0]
		for i, col := range cols {
			line = f.appendField(line, i, []byte(col.Name), false)
		}
		c.be.Send(&pgproto3.CopyData{Data: append(line, '\n')})
	}
	var n int64
	for r.Next() {
		line = line[:0]
		for i, v := range r.Values() {
			if v == nil {
				line = f.appendField(line, i, nil, true)
				continue
			}
			if field, err = encs[i].AppendText(field[:0], v); err != nil {
				field = append(field[:0], engine.FormatValue(v, cols[i])...)
			}
			line = f.appendField(line, i, field, false)
		}
		line = append(line, '\n')
		c.be.Send(&pgproto3.CopyData{Data: line})
		c.unflushed += len(line) + 5
		n++
		if err := c.flushIfLarge(); err != nil {
			return err
		}
	}
	if err := r.Err(); err != nil {
		return err
	}
	c.be.Send(&pgproto3.CopyDone{})
	c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte("COPY " + itoa(n))})
	return nil
}

// appendField appends field i of a line: the delimiter before all but
// the first, then the value (nil with null set: the NULL marker) quoted
// or escaped as the format requires.
func (f copyFormat) appendField(dst []byte, i int, v []byte, null bool) []byte {
	if i > 0 {
		dst = append(dst, f.delimiter)
	}
	if null {
		return append(dst, f.null...)
	}
	if f.csv {
		return f.appendCSV(dst, v)
	}
	return f.appendText(dst, v)
}

// appendCSV quotes a value when it holds the delimiter, the quote, a line
// break, is empty, or reads as the NULL marker.
func (f copyFormat) appendCSV(dst, v []byte) []byte {
	needs := len(v) == 0 || string(v) == f.null
	for _, b := range v {
		if b == f.delimiter || b == f.quote || b == '\n' || b == '\r' || b == f.escape {
			needs = true
			break
		}
	}
	if !needs {
		return append(dst, v...)
	}
	dst = append(dst, f.quote)
	for _, b := range v {
		if b == f.quote || b == f.escape {
			dst = append(dst, f.escape)
		}
		dst = append(dst, b)
	}
	return append(dst, f.quote)
}

// appendText escapes backslash, line breaks, tab and the delimiter, as
// PostgreSQL's text format does.
func (f copyFormat) appendText(dst, v []byte) []byte {
	for _, b := range v {
		switch b {
		case '\\':
			dst = append(dst, '\\', '\\')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			if b == f.delimiter {
				dst = append(dst, '\\')
			}
			dst = append(dst, b)
		}
	}
	return dst
}
