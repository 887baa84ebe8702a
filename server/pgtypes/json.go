package pgtypes

import (
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/engine"
)

// appendJSON writes v, a value of DuckDB type t, as JSON text the way
// PostgreSQL's to_json writes the matching PostgreSQL value: structs as
// objects with their fields in declared order, lists as arrays, numbers
// bare (NaN and the infinities as strings), dates as "2024-01-02",
// timestamps as "2024-01-02T03:04:05.5" ("+00:00" appended with a time
// zone), other values (times, intervals, bytea, uuids) as strings of
// their PostgreSQL text. PostgreSQL has no maps: a MAP becomes an object
// whose keys are the PostgreSQL text of the map's keys, in the map's
// order. Values of DuckDB's JSON type arrive parsed and are written back
// as JSON.
func appendJSON(dst []byte, v any, t *engine.Type) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(dst, "null"...), nil
	case bool:
		return strconv.AppendBool(dst, x), nil
	case string:
		return appendJSONString(dst, x), nil
	case float64:
		return appendJSONFloat(dst, x, 64), nil
	case float32:
		return appendJSONFloat(dst, float64(x), 32), nil
	case int8, int16, int32, int64, int, uint8, uint16, uint32, uint64, uint, *big.Int, duckdb.Decimal:
		return appendNumericText(dst, x)
	case []any:
		return appendJSONList(dst, x, t.Elem())
	case map[string]any:
		return appendJSONStruct(dst, x, t)
	case duckdb.OrderedMap:
		kt, vt := t.MapTypes()
		return appendJSONMap(dst, x.Keys(), x.Values(), kt, vt)
	case duckdb.Map:
		return appendJSONGoMap(dst, x, t)
	case duckdb.Union:
		return appendJSON(dst, x.Value, t.Field(x.Tag))
	}
	var scratch [64]byte
	text, err := jsonScalarText(scratch[:0], v, t)
	if err != nil {
		return dst, err
	}
	return appendJSONString(dst, string(text)), nil
}

// jsonScalarText is the text of a value JSON writes as a string.
func jsonScalarText(dst []byte, v any, t *engine.Type) ([]byte, error) {
	base := strings.ToUpper(engine.Column{Type: t.Name()}.BaseType())
	switch x := v.(type) {
	case time.Time:
		return appendJSONTime(dst, x, base), nil
	case duckdb.Interval:
		return appendInterval(dst, x), nil
	case duckdb.UUID:
		return appendUUID(dst, x[:]), nil
	case []byte:
		if base == "UUID" && len(x) == 16 {
			return appendUUID(dst, x), nil
		}
		return appendByteaText(dst, x)
	}
	return append(dst, engine.FormatValue(v, engine.Column{Type: t.Name()})...), nil
}

// appendJSONTime writes a date, time or timestamp as to_json does: the
// XSD form for dates and timestamps, the PostgreSQL text for times.
func appendJSONTime(dst []byte, t time.Time, base string) []byte {
	switch base {
	case "DATE":
		if inf := infinity(t, unitDay); inf != 0 {
			return appendInfinity(dst, inf)
		}
		return appendEra(appendDate(dst, t), t)
	case "TIME":
		dst, _ = appendTimeText(dst, t)
		return dst
	case "TIMETZ", "TIME WITH TIME ZONE":
		dst, _ = appendTimeTZText(dst, t)
		return dst
	}
	tz := base == "TIMESTAMPTZ" || base == "TIMESTAMP WITH TIME ZONE"
	if inf := infinity(t, unitOf(base)); inf != 0 {
		return appendInfinity(dst, inf)
	}
	if tz {
		t = t.UTC()
	}
	dst = appendDate(dst, t)
	dst = append(dst, 'T')
	h, m, s := t.Clock()
	dst = appendClock(dst, h, m, s, t.Nanosecond()/1000)
	if tz {
		dst = appendOffset(dst, 0, true)
	}
	return appendEra(dst, t)
}

// appendJSONFloat writes a finite float as a JSON number in float8out's
// form (1.5, 1e+15 are valid JSON); NaN and the infinities, which JSON
// lacks, as strings, as to_json does.
func appendJSONFloat(dst []byte, f float64, bits int) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		dst = append(dst, '"')
		dst = appendFloat(dst, f, bits)
		return append(dst, '"')
	}
	return appendFloat(dst, f, bits)
}

func appendJSONList(dst []byte, items []any, elem *engine.Type) ([]byte, error) {
	dst = append(dst, '[')
	for i, it := range items {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err error
		if dst, err = appendJSON(dst, it, elem); err != nil {
			return dst, err
		}
	}
	return append(dst, ']'), nil
}

// appendJSONStruct writes a struct with its fields in declared order
// (parsed JSON objects, which have no declared fields, in key order).
func appendJSONStruct(dst []byte, m map[string]any, t *engine.Type) ([]byte, error) {
	dst = append(dst, '{')
	for i, k := range t.StructKeys(m) {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		var err error
		if dst, err = appendJSON(dst, m[k], t.Field(k)); err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

// appendJSONMap writes a map's entries in order as an object keyed by
// the PostgreSQL text of each key.
func appendJSONMap(dst []byte, keys, vals []any, kt, vt *engine.Type) ([]byte, error) {
	keyEnc := NewEncoder(kt.Name())
	var scratch [64]byte
	dst = append(dst, '{')
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		key, err := keyEnc.AppendText(scratch[:0], k)
		if err != nil {
			return dst, err
		}
		dst = appendJSONString(dst, string(key))
		dst = append(dst, ':')
		if dst, err = appendJSON(dst, vals[i], vt); err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

// appendJSONGoMap writes an unordered duckdb.Map with its entries
// sorted by key text, so the output is stable.
func appendJSONGoMap(dst []byte, m duckdb.Map, t *engine.Type) ([]byte, error) {
	kt, vt := t.MapTypes()
	keyEnc := NewEncoder(kt.Name())
	type entry struct {
		text string
		key  any
	}
	entries := make([]entry, 0, len(m))
	for k := range m {
		text, err := keyEnc.AppendText(nil, k)
		if err != nil {
			return dst, err
		}
		entries = append(entries, entry{string(text), k})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].text < entries[j].text })
	keys, vals := make([]any, len(entries)), make([]any, len(entries))
	for i, e := range entries {
		keys[i], vals[i] = e.key, m[e.key]
	}
	return appendJSONMap(dst, keys, vals, kt, vt)
}

// appendJSONString writes s as a JSON string, escaped as escape_json
// does: the two-character escapes for quote, backslash, \b \f \n \r \t,
// \u00XX for other control characters, everything else as it is.
func appendJSONString(dst []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			dst = append(dst, '\\', '"')
		case '\\':
			dst = append(dst, '\\', '\\')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			if c < 0x20 {
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			} else {
				dst = append(dst, c)
			}
		}
	}
	return append(dst, '"')
}
