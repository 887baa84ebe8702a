package render

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/engine"
)

// appendJSONValue appends v, a value of type t, as JSON. Numbers stay
// numbers and stay exact: integers of any size, and decimals with their
// full scale, are written digit for digit. NaN and infinities, which JSON
// has no numbers for, become the strings "NaN", "Infinity" and
// "-Infinity". Lists become arrays, structs objects with their fields in
// declared order, maps arrays of {"key": k, "value": v} objects, unions
// their value. Everything else (dates, times, intervals, UUIDs, blobs) is
// the string engine.FormatValue makes of it.
func appendJSONValue(b []byte, v any, t *engine.Type) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case int8:
		return strconv.AppendInt(b, int64(x), 10)
	case int16:
		return strconv.AppendInt(b, int64(x), 10)
	case int32:
		return strconv.AppendInt(b, int64(x), 10)
	case int64:
		return strconv.AppendInt(b, x, 10)
	case uint:
		return strconv.AppendUint(b, uint64(x), 10)
	case uint8:
		return strconv.AppendUint(b, uint64(x), 10)
	case uint16:
		return strconv.AppendUint(b, uint64(x), 10)
	case uint32:
		return strconv.AppendUint(b, uint64(x), 10)
	case uint64:
		return strconv.AppendUint(b, x, 10)
	case float32:
		return appendJSONFloat(b, v, float64(x), t)
	case float64:
		return appendJSONFloat(b, v, x, t)
	case *big.Int:
		if x == nil {
			return append(b, "null"...)
		}
		return x.Append(b, 10)
	case duckdb.Decimal:
		if x.Value == nil {
			return append(b, "null"...)
		}
		return append(b, formatValue(x, t)...)
	case string:
		return appendJSONString(b, x)
	case []any:
		return appendJSONList(b, x, t.Elem())
	case map[string]any:
		return appendJSONStruct(b, x, t)
	case duckdb.OrderedMap:
		return appendJSONPairs(b, x.Keys(), x.Values(), t)
	case *duckdb.OrderedMap:
		if x == nil {
			return append(b, "null"...)
		}
		return appendJSONPairs(b, x.Keys(), x.Values(), t)
	case duckdb.Map:
		keys, values := sortedMap(x, t)
		return appendJSONPairs(b, keys, values, t)
	case duckdb.Union:
		return appendJSONValue(b, x.Value, t.Field(x.Tag))
	default:
		return appendJSONString(b, formatValue(v, t))
	}
}

// formatValue is the engine's text of a value of type t.
func formatValue(v any, t *engine.Type) string {
	return engine.FormatValue(v, engine.Column{Type: t.Name()})
}

// appendJSONFloat appends a float as a number, or as a string where JSON
// has no number for it.
func appendJSONFloat(b []byte, v any, f float64, t *engine.Type) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(b, `"Infinity"`...)
	case math.IsInf(f, -1):
		return append(b, `"-Infinity"`...)
	}
	return append(b, formatValue(v, t)...)
}

func appendJSONList(b []byte, items []any, elem *engine.Type) []byte {
	b = append(b, '[')
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONValue(b, it, elem)
	}
	return append(b, ']')
}

// appendJSONStruct writes a struct's fields in the order its type declares
// them (duckdb-go hands structs over as Go maps, which have no order);
// fields the type does not name follow in name order.
func appendJSONStruct(b []byte, m map[string]any, t *engine.Type) []byte {
	b = append(b, '{')
	for i, k := range t.StructKeys(m) {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		b = appendJSONValue(b, m[k], t.Field(k))
	}
	return append(b, '}')
}

// appendJSONPairs writes a map as an array of {"key": k, "value": v}
// objects, which keeps keys of any type and their order.
func appendJSONPairs(b []byte, keys, values []any, t *engine.Type) []byte {
	kt, vt := t.MapTypes()
	b = append(b, '[')
	for i := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"key":`...)
		b = appendJSONValue(b, keys[i], kt)
		b = append(b, `,"value":`...)
		b = appendJSONValue(b, values[i], vt)
		b = append(b, '}')
	}
	return append(b, ']')
}

// sortedMap puts the entries of an unordered map in key order, so that
// the output does not change from run to run: numbers by value, other keys
// by their text.
func sortedMap(m duckdb.Map, t *engine.Type) (keys, values []any) {
	kt, _ := t.MapTypes()
	type entry struct {
		num  *big.Float // nil when the key is not a number
		text string
		key  any
	}
	entries := make([]entry, 0, len(m))
	for k := range m {
		entries = append(entries, entry{numericKey(k), formatValue(k, kt), k})
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if a.num != nil && b.num != nil {
			if c := a.num.Cmp(b.num); c != 0 {
				return c
			}
		}
		return strings.Compare(a.text, b.text)
	})
	for _, e := range entries {
		keys = append(keys, e.key)
		values = append(values, m[e.key])
	}
	return keys, values
}

// numericKey is the value of a number map key, nil for other keys.
func numericKey(k any) *big.Float {
	f := new(big.Float)
	switch x := k.(type) {
	case int:
		return f.SetInt64(int64(x))
	case int8:
		return f.SetInt64(int64(x))
	case int16:
		return f.SetInt64(int64(x))
	case int32:
		return f.SetInt64(int64(x))
	case int64:
		return f.SetInt64(x)
	case uint:
		return f.SetUint64(uint64(x))
	case uint8:
		return f.SetUint64(uint64(x))
	case uint16:
		return f.SetUint64(uint64(x))
	case uint32:
		return f.SetUint64(uint64(x))
	case uint64:
		return f.SetUint64(x)
	case float32:
		if !math.IsNaN(float64(x)) {
			return f.SetFloat64(float64(x))
		}
	case float64:
		if !math.IsNaN(x) {
			return f.SetFloat64(x)
		}
	case *big.Int:
		if x != nil {
			return f.SetInt(x)
		}
	}
	return nil
}

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD so that the output is always valid JSON.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			start = i + size
		case r == '\u2028' || r == '\u2029':
			// Valid JSON, but not valid JavaScript source.
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = append(b, hex[r&0xf])
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
