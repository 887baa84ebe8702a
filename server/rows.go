package server

import (
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server/pgtypes"
)

// encoder writes one result column as the client was told it would look:
// the type announced (from a statement's description) may be wider than
// or differ from the type a particular execution produced (an untyped
// parameter bound as BIGINT where the description said INTEGER), so
// values that the announced type's encoder refuses fall back to their
// text form, which is exact for text columns and an error otherwise.
type encoder struct {
	*pgtypes.Encoder
	actual engine.Column
}

// newEncoders makes encoders for columns announced as described whose
// values come typed as actual (the same slice when nothing differs).
func newEncoders(described, actual []engine.Column) []*encoder {
	encs := make([]*encoder, len(described))
	for i, col := range described {
		typ := col.Type
		if typ == "UNKNOWN" {
			typ = "VARCHAR"
		}
		e := &encoder{Encoder: pgtypes.NewEncoder(typ)}
		if i < len(actual) {
			e.actual = actual[i]
		}
		encs[i] = e
	}
	return encs
}

// appendValue appends v in format f (0 text, 1 binary).
func (e *encoder) appendValue(dst []byte, v any, f int16) ([]byte, error) {
	var out []byte
	var err error
	if f == 1 {
		out, err = e.AppendBinary(dst, v)
	} else {
		out, err = e.AppendText(dst, v)
	}
	if err != nil && e.OID() == textOID {
		// text's binary form is its text, so the fallback fits both.
		return append(dst, engine.FormatValue(v, e.actual)...), nil
	}
	return out, err
}

// textOID is PostgreSQL's text type.
const textOID = 25

// formatFor is the format of column i under a Bind's result format codes:
// none means text, one applies to all, else one per column.
func formatFor(formats []int16, i int) int16 {
	switch len(formats) {
	case 0:
		return 0
	case 1:
		return formats[0]
	}
	if i < len(formats) {
		return formats[i]
	}
	return 0
}

// rowDescription describes columns as encs will send them.
func rowDescription(cols []engine.Column, encs []*encoder, formats []int16) *pgproto3.RowDescription {
	rd := &pgproto3.RowDescription{Fields: make([]pgproto3.FieldDescription, len(cols))}
	for i, col := range cols {
		rd.Fields[i] = pgproto3.FieldDescription{
			Name:         []byte(col.Name),
			DataTypeOID:  encs[i].OID(),
			DataTypeSize: encs[i].Size(),
			TypeModifier: encs[i].Typmod(),
			Format:       formatFor(formats, i),
		}
	}
	return rd
}

// sendRows sends up to limit rows of r (0: all) as DataRow messages,
// flushing as they accumulate. more is true when it stopped at the limit.
func (c *conn) sendRows(r *engine.Result, encs []*encoder, formats []int16, limit int64) (n int64, more bool, err error) {
	if !r.HasRows() {
		return 0, false, nil
	}
	row := &pgproto3.DataRow{}
	buf := make([]byte, 0, 256) // never nil: a nil value would read as NULL
	offsets := make([]int, 0, len(encs))
	for limit == 0 || n < limit {
		if !r.Next() {
			return n, false, r.Err()
		}
		vals := r.Values()
		row.Values = row.Values[:0]
		buf = buf[:0]
		offsets = offsets[:0]
		for i, v := range vals {
			if v == nil {
				offsets = append(offsets, -1)
				continue
			}
			start := len(buf)
			buf, err = encs[i].appendValue(buf, v, formatFor(formats, i))
			if err != nil {
				return n, false, engine.Errorf(engine.CodeDataException, "column %q: %v", r.Columns()[i].Name, err)
			}
			offsets = append(offsets, start)
		}
		row.Values = splitValues(row.Values, buf, offsets)
		c.be.Send(row)
		c.unflushed += len(buf) + 4*len(vals) + 7
		n++
		if err := c.flushIfLarge(); err != nil {
			return n, false, err
		}
	}
	return n, true, nil
}

// splitValues cuts buf into the row's values: offsets[i] is where value i
// starts, -1 for NULL (nil); each value ends where the next non-NULL one
// starts.
func splitValues(dst [][]byte, buf []byte, offsets []int) [][]byte {
	for i, start := range offsets {
		if start < 0 {
			dst = append(dst, nil)
			continue
		}
		end := len(buf)
		for _, next := range offsets[i+1:] {
			if next >= 0 {
				end = next
				break
			}
		}
		dst = append(dst, buf[start:end:end])
	}
	return dst
}
