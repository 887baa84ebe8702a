package pgtypes

import (
	"encoding/hex"
	"math"
	"math/big"
	"strconv"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/pgoid"
)

// appendBoolText writes t or f, as boolout does.
func appendBoolText(dst []byte, v any) ([]byte, error) {
	b, ok := v.(bool)
	if !ok {
		return dst, typeError(v, "boolean")
	}
	if b {
		return append(dst, 't'), nil
	}
	return append(dst, 'f'), nil
}

// appendIntText writes an integer in decimal. Any Go integer is
// accepted: a column announced as int4 may carry a wider value when a
// statement ran with other parameter types than it was described with.
func appendIntText(dst []byte, v any, oid uint32) ([]byte, error) {
	switch x := v.(type) {
	case uint64:
		return strconv.AppendUint(dst, x, 10), nil
	case uint:
		return strconv.AppendUint(dst, uint64(x), 10), nil
	}
	n, ok := toInt64(v)
	if !ok {
		return dst, typeError(v, intName(oid))
	}
	return strconv.AppendInt(dst, n, 10), nil
}

// toInt64 widens any Go integer that fits in an int64.
func toInt64(v any) (int64, bool) {
	switch x := v.(type) {
	case int8:
		return int64(x), true
	case int16:
		return int64(x), true
	case int32:
		return int64(x), true
	case int64:
		return x, true
	case int:
		return int64(x), true
	case uint8:
		return int64(x), true
	case uint16:
		return int64(x), true
	case uint32:
		return int64(x), true
	case uint64:
		return int64(x), x <= math.MaxInt64
	case uint:
		return int64(x), uint64(x) <= math.MaxInt64
	case *big.Int:
		if x != nil && x.IsInt64() {
			return x.Int64(), true
		}
	}
	return 0, false
}

// intName is PostgreSQL's name for an integer type, for messages.
func intName(oid uint32) string {
	switch oid {
	case pgoid.Int2:
		return "smallint"
	case pgoid.Int4:
		return "integer"
	}
	return "bigint"
}

// toFloat64 widens float32 and float64.
func toFloat64(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	}
	return 0, false
}

// appendFloatText writes a float as float4out and float8out do with
// extra_float_digits 1: the shortest digits that read back as the same
// value (bits is 32 for float4, 64 for float8), NaN, Infinity and
// -Infinity.
func appendFloatText(dst []byte, v any, bits int) ([]byte, error) {
	f, ok := toFloat64(v)
	if !ok {
		if bits == 32 {
			return dst, typeError(v, "real")
		}
		return dst, typeError(v, "double precision")
	}
	return appendFloat(dst, f, bits), nil
}

// appendFloat writes f in PostgreSQL's shortest form: fixed notation
// when the decimal exponent is at least -4 and below 15 (below 6 for
// float4), exponent notation with a sign and at least two exponent
// digits otherwise (1e+15, 1.5e-05), as src/common/d2s.c and f2s.c
// choose.
func appendFloat(dst []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	case math.IsInf(f, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(f, -1):
		return append(dst, "-Infinity"...)
	}
	var buf [32]byte
	e := strconv.AppendFloat(buf[:0], f, 'e', -1, bits)
	// e is [-]d[.ddd]e±XX: split it into sign, digits and exponent.
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	var digits [24]byte
	nd := 0
	i := 0
	for ; e[i] != 'e'; i++ {
		if e[i] != '.' {
			digits[nd] = e[i]
			nd++
		}
	}
	exp := parseExponent(e[i+1:])
	limit := 15
	if bits == 32 {
		limit = 6
	}
	if exp < -4 || exp >= limit {
		if neg {
			dst = append(dst, '-')
		}
		return append(dst, e...)
	}
	if neg {
		dst = append(dst, '-')
	}
	return appendFixed(dst, digits[:nd], exp)
}

// parseExponent reads the ±XX exponent strconv writes.
func parseExponent(b []byte) int {
	n := 0
	for _, c := range b[1:] {
		n = n*10 + int(c-'0')
	}
	if b[0] == '-' {
		return -n
	}
	return n
}

// appendFixed writes the significant digits d (d[0] is not zero, except
// for the value zero) times 10^exp in fixed notation, without trailing
// zeros after the point.
func appendFixed(dst, d []byte, exp int) []byte {
	if exp < 0 {
		dst = append(dst, '0', '.')
		for range -exp - 1 {
			dst = append(dst, '0')
		}
		return append(dst, d...)
	}
	if len(d) <= exp+1 {
		dst = append(dst, d...)
		for range exp + 1 - len(d) {
			dst = append(dst, '0')
		}
		return dst
	}
	dst = append(dst, d[:exp+1]...)
	dst = append(dst, '.')
	return append(dst, d[exp+1:]...)
}

// appendNumericText writes a number as numeric_out does: decimals with
// exactly their scale, integers of any size in full.
func appendNumericText(dst []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case duckdb.Decimal:
		return appendDecimal(dst, x.Value, int(x.Scale)), nil
	case *big.Int:
		return x.Append(dst, 10), nil
	case float64, float32:
		f, _ := toFloat64(x)
		return appendFloatAsNumeric(dst, f), nil
	case uint64:
		return strconv.AppendUint(dst, x, 10), nil
	case uint:
		return strconv.AppendUint(dst, uint64(x), 10), nil
	case string:
		// A numeric parameter DuckDB could not type comes back as the
		// plain decimal text DecodeParam made of it.
		if isPlainDecimal(x) {
			return append(dst, x...), nil
		}
	}
	if n, ok := toInt64(v); ok {
		return strconv.AppendInt(dst, n, 10), nil
	}
	return dst, typeError(v, "numeric")
}

// isPlainDecimal reports whether s is [-]digits[.digits], NaN, Infinity
// or -Infinity.
func isPlainDecimal(s string) bool {
	switch s {
	case "NaN", "Infinity", "-Infinity":
		return true
	}
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" || hasPoint && frac == "" {
		return false
	}
	for _, part := range []string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return false
			}
		}
	}
	return true
}

// appendFloatAsNumeric writes a float in plain decimal notation, as a
// float8 cast to numeric prints (NaN, Infinity and -Infinity included).
func appendFloatAsNumeric(dst []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return appendFloat(dst, f, 64)
	}
	return strconv.AppendFloat(dst, f, 'f', -1, 64)
}

// appendDecimal writes the unscaled integer u with scale digits after
// the point: 125 with scale 2 is 1.25, 5 with scale 3 is 0.005.
func appendDecimal(dst []byte, u *big.Int, scale int) []byte {
	if u == nil {
		u = new(big.Int)
	}
	var buf [48]byte
	var digits []byte
	if u.IsInt64() {
		digits = strconv.AppendInt(buf[:0], u.Int64(), 10)
	} else {
		digits = u.Append(buf[:0], 10)
	}
	if digits[0] == '-' {
		dst = append(dst, '-')
		digits = digits[1:]
	}
	if scale <= 0 {
		return append(dst, digits...)
	}
	if len(digits) <= scale {
		dst = append(dst, '0', '.')
		for range scale - len(digits) {
			dst = append(dst, '0')
		}
		return append(dst, digits...)
	}
	cut := len(digits) - scale
	dst = append(dst, digits[:cut]...)
	dst = append(dst, '.')
	return append(dst, digits[cut:]...)
}

// appendByteaText writes bytes in bytea's hex format: \x0a0b.
func appendByteaText(dst []byte, v any) ([]byte, error) {
	b, ok := v.([]byte)
	if !ok {
		s, isStr := v.(string)
		if !isStr {
			return dst, typeError(v, "bytea")
		}
		b = []byte(s)
	}
	dst = append(dst, '\\', 'x')
	return hex.AppendEncode(dst, b), nil
}

// uuidBytes returns the 16 bytes of a UUID value: duckdb-go returns
// UUID columns as []byte; duckdb.UUID is accepted as well.
func uuidBytes(v any) ([]byte, bool) {
	switch x := v.(type) {
	case []byte:
		return x, len(x) == 16
	case duckdb.UUID:
		return x[:], true
	case *duckdb.UUID:
		if x != nil {
			return x[:], true
		}
	}
	return nil, false
}

// appendUUIDText writes a UUID in lower case with dashes, as uuid_out.
func appendUUIDText(dst []byte, v any) ([]byte, error) {
	b, ok := uuidBytes(v)
	if !ok {
		return dst, typeError(v, "uuid")
	}
	return appendUUID(dst, b), nil
}

func appendUUID(dst, b []byte) []byte {
	dst = hex.AppendEncode(dst, b[0:4])
	dst = append(dst, '-')
	dst = hex.AppendEncode(dst, b[4:6])
	dst = append(dst, '-')
	dst = hex.AppendEncode(dst, b[6:8])
	dst = append(dst, '-')
	dst = hex.AppendEncode(dst, b[8:10])
	dst = append(dst, '-')
	return hex.AppendEncode(dst, b[10:16])
}
