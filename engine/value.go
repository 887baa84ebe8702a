package engine

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// FormatValue renders one value of a result as text, the way DuckDB's own
// shell and PostgreSQL's text format would show it: ISO timestamps, decimals
// with their full scale, lists as [a, b], structs as {'k': v}. NULL (nil)
// renders as the empty string; callers that show NULL differently check for
// nil first. The column type disambiguates values whose Go type is shared
// (UUID and BLOB both arrive as []byte; DATE, TIME and TIMESTAMP as
// time.Time).
func FormatValue(v any, col Column) string {
	if v == nil {
		return ""
	}
	return formatValue(v, ParseType(col.Type), false)
}

// formatValue formats v of type t; nested is true inside lists, structs
// and maps, where strings are quoted as DuckDB prints them. Nested values
// are formatted with their own type, so a DATE in a list prints as a date.
func formatValue(v any, t *Type, nested bool) string {
	text := formatScalar(v, t, nested)
	if nested && v != nil && !isComposite(v) {
		return quoteNested(text)
	}
	return text
}

// isComposite reports whether v is a list, struct or map, which print
// their own brackets and are never quoted.
func isComposite(v any) bool {
	switch v.(type) {
	case []any, map[string]any, duckdb.OrderedMap, duckdb.Map, duckdb.Union:
		return true
	}
	return false
}

// formatScalar formats one value of type t.
func formatScalar(v any, t *Type, nested bool) string {
	base := t.base
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int8, int16, int32, int64, int, uint8, uint16, uint32, uint64, uint:
		return fmt.Sprint(x)
	case float32:
		return formatFloat(float64(x), 32)
	case float64:
		return formatFloat(x, 64)
	case *big.Int:
		return x.String()
	case duckdb.Decimal:
		return formatDecimal(x)
	case time.Time:
		return formatTime(x, base)
	case duckdb.Interval:
		return formatInterval(x)
	case []byte:
		return formatBytes(x, base)
	case duckdb.UUID:
		return formatBytes(x[:], "UUID")
	case []any:
		return formatList(x, t.Elem())
	case map[string]any:
		return formatStruct(x, t)
	case duckdb.OrderedMap:
		return formatOrderedMap(x, t)
	case duckdb.Map:
		return formatMap(x, t)
	case duckdb.Union:
		return formatValue(x.Value, t.Field(x.Tag), nested)
	default:
		return fmt.Sprint(x)
	}
}

// formatFloat prints a float as DuckDB does: the shortest digits that
// round-trip, in fixed notation for exponents from -4 to 15 and in
// exponent notation (1e+20, 1e-07) outside, integral values with ".0",
// and nan, inf, -inf.
func formatFloat(f float64, bits int) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, bits)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, bits)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// formatDecimal prints a decimal with exactly its scale, as DuckDB does
// (1.50 for DECIMAL(10,2), never 1.5).
func formatDecimal(d duckdb.Decimal) string {
	if d.Value == nil {
		return "NULL"
	}
	digits := new(big.Int).Abs(d.Value).String()
	sign := ""
	if d.Value.Sign() < 0 {
		sign = "-"
	}
	scale := int(d.Scale)
	if scale == 0 {
		return sign + digits
	}
	if len(digits) <= scale {
		digits = strings.Repeat("0", scale-len(digits)+1) + digits
	}
	cut := len(digits) - scale
	return sign + digits[:cut] + "." + digits[cut:]
}

func formatTime(t time.Time, base string) string {
	switch base {
	case "DATE":
		return t.Format("2006-01-02")
	case "TIME":
		return trimFraction(t.Format("15:04:05.000000"))
	case "TIME WITH TIME ZONE", "TIMETZ":
		return trimFraction(t.Format("15:04:05.000000")) + t.Format("-07")
	case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ":
		return trimFraction(t.Format("2006-01-02 15:04:05.000000")) + t.Format("-07")
	case "TIMESTAMP_NS":
		return trimFraction(t.Format("2006-01-02 15:04:05.000000000"))
	default:
		return trimFraction(t.Format("2006-01-02 15:04:05.000000"))
	}
}

// trimFraction drops trailing zeros of the fractional seconds, and the dot
// when nothing is left, like DuckDB and PostgreSQL.
func trimFraction(s string) string {
	dot := strings.LastIndexByte(s, '.')
	if dot < 0 {
		return s
	}
	end := len(s)
	for end > dot+1 && s[end-1] == '0' {
		end--
	}
	if end == dot+1 {
		end = dot
	}
	return s[:end]
}

// formatInterval prints an interval in DuckDB's style: "1 year 2 months 3
// days 04:05:06.5".
func formatInterval(iv duckdb.Interval) string {
	var parts []string
	plural := func(n int64, unit string) {
		if n == 0 {
			return
		}
		s := strconv.FormatInt(n, 10) + " " + unit
		if n != 1 && n != -1 {
			s += "s"
		}
		parts = append(parts, s)
	}
	plural(int64(iv.Months/12), "year")
	plural(int64(iv.Months%12), "month")
	plural(int64(iv.Days), "day")
	if iv.Micros != 0 || len(parts) == 0 {
		parts = append(parts, formatClock(iv.Micros))
	}
	return strings.Join(parts, " ")
}

func formatClock(micros int64) string {
	sign := ""
	if micros < 0 {
		sign = "-"
		micros = -micros
	}
	h := micros / 3_600_000_000
	m := micros / 60_000_000 % 60
	s := micros / 1_000_000 % 60
	frac := micros % 1_000_000
	out := fmt.Sprintf("%s%02d:%02d:%02d", sign, h, m, s)
	if frac != 0 {
		out = trimFraction(fmt.Sprintf("%s.%06d", out, frac))
	}
	return out
}

func formatBytes(b []byte, base string) string {
	if base == "UUID" && len(b) == 16 {
		h := hex.EncodeToString(b)
		return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
	}
	var sb strings.Builder
	for _, c := range b {
		if c >= 0x20 && c < 0x7f && c != '\\' {
			sb.WriteByte(c)
		} else {
			fmt.Fprintf(&sb, "\\x%02X", c)
		}
	}
	return sb.String()
}

func formatList(items []any, elem *Type) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = formatValue(it, elem, true)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// formatStruct prints a struct with its fields in declared order.
func formatStruct(m map[string]any, t *Type) string {
	keys := t.StructKeys(m)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = "'" + k + "': " + formatValue(m[k], t.Field(k), true)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// formatOrderedMap prints a map in its own order, as DuckDB does:
// {k1=v1, k2=v2}.
func formatOrderedMap(m duckdb.OrderedMap, t *Type) string {
	kt, vt := t.MapTypes()
	keys, vals := m.Keys(), m.Values()
	parts := make([]string, len(keys))
	for i := range keys {
		parts[i] = formatValue(keys[i], kt, true) + "=" + formatValue(vals[i], vt, true)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// formatMap prints an unordered map sorted by its printed entries.
func formatMap(m duckdb.Map, t *Type) string {
	kt, vt := t.MapTypes()
	parts := make([]string, 0, len(m))
	for k, v := range m {
		parts = append(parts, formatValue(k, kt, true)+"="+formatValue(v, vt, true))
	}
	sort.Strings(parts)
	return "{" + strings.Join(parts, ", ") + "}"
}

// nestedSpecial are the characters that make DuckDB quote a string inside a
// list, struct or map, because they would be ambiguous there.
const nestedSpecial = ",'\"[]{}():="

// quoteNested prints a string nested in a list, struct or map the way
// DuckDB casts it to VARCHAR: bare when unambiguous, otherwise in single
// quotes with ' and \ escaped by a backslash.
func quoteNested(s string) string {
	if s != "" && !strings.EqualFold(s, "null") && strings.TrimSpace(s) == s && !strings.ContainsAny(s, nestedSpecial) {
		return s
	}
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`)
	return "'" + r.Replace(s) + "'"
}
