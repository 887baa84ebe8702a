package pgtypes

import (
	"encoding/hex"
	"errors"
	"math"
	"strconv"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/pgoid"
)

// decodeText reads s, PostgreSQL's text form of a value of type oid,
// into a plain value (see values.go). Types without a parser here come
// back as s.
func decodeText(s string, oid uint32) (any, error) {
	switch oid {
	case pgoid.Bool:
		return parseBool(s)
	case pgoid.Int2:
		n, err := parseInt(s, 16, oid)
		return int16(n), err
	case pgoid.Int4:
		n, err := parseInt(s, 32, oid)
		return int32(n), err
	case pgoid.Int8:
		return parseInt(s, 64, oid)
	case pgoid.Float4:
		f, err := parseFloat(s, 32, oid)
		return float32(f), err
	case pgoid.Float8:
		return parseFloat(s, 64, oid)
	case pgoid.Numeric:
		return parseNumeric(s)
	case pgoid.Bytea:
		return parseBytea(s)
	case pgoid.UUID:
		return parseUUID(s)
	case pgoid.Date:
		return parseDate(s)
	case pgoid.Timestamp:
		return parseTimestamp(s, false)
	case pgoid.TimestampTZ:
		return parseTimestamp(s, true)
	case pgoid.Time:
		return parseTime(s)
	case pgoid.TimeTZ:
		return parseTimeTZ(s)
	case pgoid.Interval:
		return parseInterval(s)
	}
	if elem := arrayElem(oid); elem != 0 {
		return parseArray(s, elem)
	}
	return s, nil
}

// isSpace is PostgreSQL's (and C's) isspace.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// trimSpace removes isspace characters from both ends.
func trimSpace(s string) string {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// parseBool reads a boolean as boolin does: true, yes, on, 1, false, no,
// off, 0, or any unique prefix of the words, in any case, with white
// space around.
func parseBool(s string) (bool, error) {
	w := strings.ToLower(trimSpace(s))
	prefixOf := func(word string, minLen int) bool {
		return len(w) >= minLen && strings.HasPrefix(word, w)
	}
	switch {
	case w == "1" || prefixOf("true", 1) || prefixOf("yes", 1) || prefixOf("on", 2):
		return true, nil
	case w == "0" || prefixOf("false", 1) || prefixOf("no", 1) || prefixOf("off", 2):
		return false, nil
	}
	return false, syntaxError(codeInvalidText, "boolean", s)
}

// parseInt reads a decimal integer of the given bits as int2in, int4in
// and int8in do: an optional sign and digits, white space around.
func parseInt(s string, bits int, oid uint32) (int64, error) {
	t := trimSpace(s)
	digits := strings.TrimLeft(t, "+-")
	if len(t)-len(digits) > 1 || digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return 0, syntaxError(codeInvalidText, pgTypeName(oid), s)
	}
	n, err := strconv.ParseInt(t, 10, bits)
	if err != nil {
		return 0, paramErrorf(codeOutOfRange, "value %q is out of range for type %s", s, pgTypeName(oid))
	}
	return n, nil
}

// parseFloat reads a float as float4in and float8in do: decimal or
// exponent notation, NaN, Infinity, inf, with signs, white space around.
// Values beyond the type's range, or so small they would read as zero,
// are out of range.
func parseFloat(s string, bits int, oid uint32) (float64, error) {
	t := trimSpace(s)
	switch strings.ToLower(strings.TrimLeft(t, "+")) {
	case "nan":
		return math.NaN(), nil
	case "infinity", "inf":
		return math.Inf(1), nil
	case "-infinity", "-inf":
		return math.Inf(-1), nil
	}
	if !isDecimalNumber(t, true) {
		return 0, syntaxError(codeInvalidText, pgTypeName(oid), s)
	}
	f, err := strconv.ParseFloat(t, bits)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, syntaxError(codeInvalidText, pgTypeName(oid), s)
	}
	if err != nil || f == 0 && hasNonzeroMantissa(t) {
		return 0, paramErrorf(codeOutOfRange, "%q is out of range for type %s", s, pgTypeName(oid))
	}
	return f, nil
}

// isDecimalNumber reports whether s is [+-]digits[.digits][e[+-]digits]
// with at least one digit before the exponent (exponent only when exp).
func isDecimalNumber(s string, exp bool) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if exp && i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		}
		if i == start {
			return false
		}
	}
	return i == len(s)
}

// hasNonzeroMantissa reports whether a number's digits before any
// exponent include one other than zero.
func hasNonzeroMantissa(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'e' || c == 'E':
			return false
		case c >= '1' && c <= '9':
			return true
		}
	}
	return false
}

// maxNumericExponent is the largest exponent numeric_in accepts.
const maxNumericExponent = 1000

// parseNumeric reads a numeric as numeric_in does and writes it in plain
// decimal notation with the scale the input had (1.50e1 is 15.0), which
// DuckDB casts exactly to any DECIMAL or float type; NaN, Infinity and
// -Infinity stay words.
func parseNumeric(s string) (pgNumeric, error) {
	t := trimSpace(s)
	switch strings.ToLower(strings.TrimLeft(t, "+")) {
	case "nan":
		return "NaN", nil
	case "infinity", "inf":
		return "Infinity", nil
	case "-infinity", "-inf":
		return "-Infinity", nil
	}
	if !isDecimalNumber(t, true) {
		return "", syntaxError(codeInvalidText, "numeric", s)
	}
	neg := t[0] == '-'
	t = strings.TrimLeft(t, "+-")
	mant, exp := t, 0
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		mant = t[:i]
		e, err := strconv.Atoi(t[i+1:])
		if err != nil || e > maxNumericExponent || e < -maxNumericExponent {
			return "", syntaxError(codeInvalidText, "numeric", s)
		}
		exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := intPart + frac
	point := len(intPart) + exp // digits before the point
	var b strings.Builder
	if neg && strings.Trim(digits, "0") != "" {
		b.WriteByte('-')
	}
	switch {
	case point <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -point))
		b.WriteString(digits)
	case point >= len(digits):
		b.WriteString(trimLeadingZeros(digits + strings.Repeat("0", point-len(digits))))
	default:
		b.WriteString(trimLeadingZeros(digits[:point]))
		b.WriteByte('.')
		b.WriteString(digits[point:])
	}
	return pgNumeric(b.String()), nil
}

// trimLeadingZeros drops leading zeros, keeping one digit.
func trimLeadingZeros(s string) string {
	t := strings.TrimLeft(s, "0")
	if t == "" {
		return "0"
	}
	return t
}

// parseBytea reads bytea's hex format (\x0a0b, white space allowed
// between digit pairs) or its escape format (bytes as they are, \\ for
// a backslash, \ooo for an octal byte), as byteain does.
func parseBytea(s string) ([]byte, error) {
	if strings.HasPrefix(s, `\x`) {
		return parseByteaHex(s[2:])
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		switch {
		case i+1 < len(s) && s[i+1] == '\\':
			out = append(out, '\\')
			i++
		case i+3 < len(s) && isOctal(s[i+1], '3') && isOctal(s[i+2], '7') && isOctal(s[i+3], '7'):
			out = append(out, (s[i+1]-'0')<<6|(s[i+2]-'0')<<3|(s[i+3]-'0'))
			i += 3
		default:
			return nil, syntaxError(codeInvalidText, "bytea", s)
		}
	}
	return out, nil
}

func isOctal(c, top byte) bool { return c >= '0' && c <= top }

func parseByteaHex(s string) ([]byte, error) {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i < len(s); {
		if isSpace(s[i]) {
			i++
			continue
		}
		if i+1 >= len(s) {
			return nil, paramErrorf(codeInvalidParameterValue, "invalid hexadecimal data: odd number of digits")
		}
		b, err := hex.DecodeString(s[i : i+2])
		if err != nil {
			bad := s[i : i+1]
			if isHexDigit(s[i]) {
				bad = s[i+1 : i+2]
			}
			return nil, paramErrorf(codeInvalidParameterValue, "invalid hexadecimal digit: %q", bad)
		}
		out = append(out, b[0])
		i += 2
	}
	return out, nil
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// parseUUID reads a UUID as uuid_in does: 32 hex digits in either case,
// a hyphen allowed after any group of four, the whole optionally in
// braces.
func parseUUID(s string) (duckdb.UUID, error) {
	var u duckdb.UUID
	src := s
	braces := strings.HasPrefix(src, "{")
	if braces {
		src = src[1:]
	}
	for i := range u {
		if len(src) < 2 || !isHexDigit(src[0]) || !isHexDigit(src[1]) {
			return u, syntaxError(codeInvalidText, "uuid", s)
		}
		b, _ := hex.DecodeString(src[:2])
		u[i] = b[0]
		src = src[2:]
		if len(src) > 0 && src[0] == '-' && i%2 == 1 && i < len(u)-1 {
			src = src[1:]
		}
	}
	if braces {
		if !strings.HasPrefix(src, "}") {
			return u, syntaxError(codeInvalidText, "uuid", s)
		}
		src = src[1:]
	}
	if src != "" {
		return u, syntaxError(codeInvalidText, "uuid", s)
	}
	return u, nil
}
