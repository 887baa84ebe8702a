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
	return formatValue(v, col.BaseType(), false)
}

// formatValue formats v; nested is true inside lists, structs and maps,
// where strings are quoted as DuckDB prints them.
func formatValue(v any, base string, nested bool) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		if nested {
			return "'" + strings.ReplaceAll(x, "'", "''") + "'"
		}
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
		return formatList(x)
	case map[string]any:
		return formatStruct(x)
	case duckdb.Map:
		return formatMap(x)
	case duckdb.Union:
		return formatValue(x.Value, "", nested)
	default:
		return fmt.Sprint(x)
	}
}

func formatFloat(f float64, bits int) string {
	switch {
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case math.IsNaN(f):
		return "NaN"
	}
	return strconv.FormatFloat(f, 'g', -1, bits)
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

func formatList(items []any) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = formatValue(it, "", true)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// formatStruct prints a struct with its fields in name order: duckdb-go
// hands structs over as Go maps, which lose the declared order.
func formatStruct(m map[string]any) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = "'" + k + "': " + formatValue(m[k], "", true)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func formatMap(m duckdb.Map) string {
	parts := make([]string, 0, len(m))
	for k, v := range m {
		parts = append(parts, formatValue(k, "", true)+"="+formatValue(v, "", true))
	}
	sort.Strings(parts)
	return "{" + strings.Join(parts, ", ") + "}"
}
