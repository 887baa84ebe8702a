package render

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/engine"
)

// sliceRows serves rows from memory. Like a real driver it hands out the
// same slice for every row, so a renderer that keeps it past Next shows
// the wrong values.
type sliceRows struct {
	cols  []engine.Column
	data  [][]any
	next  int
	cur   []any
	err   error // when set, the rows fail with it after failAt rows
	fail  int
	ended bool
}

func newSliceRows(cols []engine.Column, data [][]any) *sliceRows {
	return &sliceRows{cols: cols, data: data, cur: make([]any, len(cols))}
}

func (r *sliceRows) Columns() []engine.Column { return r.cols }
func (r *sliceRows) Values() []any            { return r.cur }

func (r *sliceRows) Next() bool {
	if r.next >= len(r.data) || (r.err != nil && r.next >= r.fail) {
		r.ended = true
		return false
	}
	r.cur = append(r.cur[:0], r.data[r.next]...)
	r.next++
	return true
}

func (r *sliceRows) Err() error {
	if r.ended {
		return r.err
	}
	return nil
}

// parseTable reads the text form of a result used by the tests:
//
//	name:TYPE|name:TYPE
//	value|value
//
// The first line names the columns and their DuckDB types; each further
// line is a row with fields separated by "|". NULL is a null. Inside a
// field \n, \t, \r, \|, \\ and \xNN are escapes. Scalars are written as
// DuckDB prints them (DECIMAL as 12.50, DATE as 2024-01-31, TIMESTAMP as
// 2024-01-31 12:00:00, TIMESTAMPTZ with a -07 offset, INTERVAL as
// "months days micros", UUID as hex). Lists, structs, maps and unions are
// written in JSON: [1,2], {"a":1}, maps as [[key,value],...] (a
// duckdb.OrderedMap, as duckdb-go returns maps) or as {"key":value} (an
// unordered duckdb.Map), unions as {"tag":value}; their scalars as JSON
// numbers or strings.
func parseTable(input string) ([]engine.Column, [][]any, error) {
	lines := strings.Split(input, "\n")
	if strings.TrimSpace(lines[0]) == "" {
		return nil, nil, nil
	}
	var cols []engine.Column
	for _, f := range splitFields(lines[0]) {
		name, typ, ok := strings.Cut(f, ":")
		if !ok {
			return nil, nil, fmt.Errorf("column %q: want name:TYPE", f)
		}
		cols = append(cols, engine.Column{Name: unescapeField(name), Type: typ})
	}
	types := make([]*engine.Type, len(cols))
	for i, c := range cols {
		types[i] = engine.ParseType(c.Type)
	}
	var data [][]any
	for _, line := range lines[1:] {
		fields := splitFields(line)
		if len(fields) != len(cols) {
			return nil, nil, fmt.Errorf("row %q: %d fields for %d columns", line, len(fields), len(cols))
		}
		row := make([]any, len(cols))
		for i, f := range fields {
			if f == "NULL" {
				continue
			}
			v, err := parseValue(unescapeField(f), types[i])
			if err != nil {
				return nil, nil, fmt.Errorf("row %q, column %s: %v", line, cols[i].Name, err)
			}
			row[i] = v
		}
		data = append(data, row)
	}
	return cols, data, nil
}

// splitFields splits a line at the "|" that are not escaped.
func splitFields(line string) []string {
	var fields []string
	start := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			fields = append(fields, line[start:i])
			start = i + 1
		}
	}
	return append(fields, line[start:])
}

func unescapeField(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			sb.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			sb.WriteByte('\n')
		case 't':
			sb.WriteByte('\t')
		case 'r':
			sb.WriteByte('\r')
		case 'x':
			b, _ := hex.DecodeString(s[i+1 : i+3])
			sb.Write(b)
			i += 2
		default:
			sb.WriteByte(s[i])
		}
	}
	return sb.String()
}

// parseValue turns the text of a field into the Go value duckdb-go would
// hand over for type t.
func parseValue(s string, t *engine.Type) (any, error) {
	if t.Nested() {
		dec := json.NewDecoder(strings.NewReader(s))
		dec.UseNumber()
		var j any
		if err := dec.Decode(&j); err != nil {
			return nil, err
		}
		return fromJSON(j, t)
	}
	return parseScalar(s, t.Name())
}

// fromJSON converts a decoded JSON value to the Go value of type t.
func fromJSON(j any, t *engine.Type) (any, error) {
	switch x := j.(type) {
	case nil:
		return nil, nil
	case json.Number:
		return parseScalar(x.String(), t.Name())
	case string:
		return parseScalar(x, t.Name())
	case bool:
		return x, nil
	case []any:
		if t.IsMap() {
			return mapFromJSON(x, t)
		}
		out := make([]any, len(x))
		for i, e := range x {
			v, err := fromJSON(e, t.Elem())
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case map[string]any:
		if t.IsMap() {
			return unorderedMapFromJSON(x, t)
		}
		if strings.HasPrefix(strings.ToUpper(t.Name()), "UNION(") {
			for tag, e := range x {
				v, err := fromJSON(e, t.Field(tag))
				return duckdb.Union{Tag: tag, Value: v}, err
			}
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			v, err := fromJSON(e, t.Field(k))
			if err != nil {
				return nil, err
			}
			out[k] = v
		}
		return out, nil
	}
	return nil, fmt.Errorf("unexpected JSON %T", j)
}

func mapFromJSON(pairs []any, t *engine.Type) (any, error) {
	kt, vt := t.MapTypes()
	var m duckdb.OrderedMap
	for _, p := range pairs {
		kv, ok := p.([]any)
		if !ok || len(kv) != 2 {
			return nil, fmt.Errorf("map entry %v: want [key, value]", p)
		}
		k, err := fromJSON(kv[0], kt)
		if err != nil {
			return nil, err
		}
		v, err := fromJSON(kv[1], vt)
		if err != nil {
			return nil, err
		}
		m.Set(k, v)
	}
	return m, nil
}

// unorderedMapFromJSON makes a duckdb.Map, the Go map some drivers hand
// MAP values over as, from a JSON object.
func unorderedMapFromJSON(obj map[string]any, t *engine.Type) (any, error) {
	kt, vt := t.MapTypes()
	m := duckdb.Map{}
	for ks, vj := range obj {
		k, err := parseScalar(ks, kt.Name())
		if err != nil {
			return nil, err
		}
		v, err := fromJSON(vj, vt)
		if err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, nil
}

// parseScalar parses the text of a scalar of DuckDB type typ.
func parseScalar(s, typ string) (any, error) {
	base := engine.Column{Type: typ}.BaseType()
	switch base {
	case "TINYINT":
		v, err := strconv.ParseInt(s, 10, 8)
		return int8(v), err
	case "SMALLINT":
		v, err := strconv.ParseInt(s, 10, 16)
		return int16(v), err
	case "INTEGER":
		v, err := strconv.ParseInt(s, 10, 32)
		return int32(v), err
	case "BIGINT":
		return strconv.ParseInt(s, 10, 64)
	case "UTINYINT":
		v, err := strconv.ParseUint(s, 10, 8)
		return uint8(v), err
	case "USMALLINT":
		v, err := strconv.ParseUint(s, 10, 16)
		return uint16(v), err
	case "UINTEGER":
		v, err := strconv.ParseUint(s, 10, 32)
		return uint32(v), err
	case "UBIGINT":
		return strconv.ParseUint(s, 10, 64)
	case "HUGEINT", "UHUGEINT", "BIGNUM":
		v, ok := new(big.Int).SetString(s, 10)
		if !ok {
			return nil, fmt.Errorf("bad integer %q", s)
		}
		return v, nil
	case "FLOAT":
		v, err := strconv.ParseFloat(s, 32)
		return float32(v), err
	case "DOUBLE":
		return strconv.ParseFloat(s, 64)
	case "DECIMAL":
		return parseDecimal(s, typ)
	case "BOOLEAN":
		return strconv.ParseBool(s)
	case "DATE":
		return time.Parse("2006-01-02", s)
	case "TIME":
		return time.Parse("15:04:05.999999", s)
	case "TIMESTAMP", "TIMESTAMP_NS":
		return time.Parse("2006-01-02 15:04:05.999999999", s)
	case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ":
		return time.Parse("2006-01-02 15:04:05.999999999-07", s)
	case "INTERVAL":
		var iv duckdb.Interval
		_, err := fmt.Sscan(s, &iv.Months, &iv.Days, &iv.Micros)
		return iv, err
	case "BLOB":
		return []byte(s), nil
	case "UUID":
		return hex.DecodeString(strings.ReplaceAll(s, "-", ""))
	}
	return s, nil
}

// parseDecimal reads "-12.5" for DECIMAL(w,s) as the unscaled integer
// -1250 (for s = 2) with the type's width and scale.
func parseDecimal(s, typ string) (duckdb.Decimal, error) {
	var width, scale uint8
	if _, err := fmt.Sscanf(typ, "DECIMAL(%d,%d)", &width, &scale); err != nil {
		return duckdb.Decimal{}, fmt.Errorf("type %q: %v", typ, err)
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > int(scale) {
		return duckdb.Decimal{}, fmt.Errorf("%q has more than %d decimals", s, scale)
	}
	frac += strings.Repeat("0", int(scale)-len(frac))
	v, ok := new(big.Int).SetString(whole+frac, 10)
	if !ok {
		return duckdb.Decimal{}, fmt.Errorf("bad decimal %q", s)
	}
	return duckdb.Decimal{Width: width, Scale: scale, Value: v}, nil
}
