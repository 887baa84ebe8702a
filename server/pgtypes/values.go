package pgtypes

import (
	"math"
	"strconv"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Decoded parameters are first read into plain values, some of them of
// the types below, and then either handed to duckdb-go (bindable) or,
// as array elements, written into a DuckDB list literal (appendDuckText).

// pgNumeric is a numeric in plain decimal notation ("-1.50"), or NaN,
// Infinity or -Infinity.
type pgNumeric string

// pgDate is a date at midnight UTC, or an infinity (inf 1 or -1).
type pgDate struct {
	t   time.Time
	inf int
}

// pgTimestamp is a timestamp: for timestamptz the instant in UTC, for
// timestamp the wall clock read as UTC; or an infinity.
type pgTimestamp struct {
	t   time.Time
	inf int
	tz  bool
}

// pgTime is a time of day in microseconds since midnight; 24:00:00 is
// allowed, as in PostgreSQL.
type pgTime struct{ us int64 }

// pgTimeTZ is a time of day with its UTC offset in seconds east.
type pgTimeTZ struct {
	us  int64
	off int
}

// pgArray is an array's elements; a multi-dimensional array holds
// []any rows. json says they are JSON texts.
type pgArray struct {
	items []any
	json  bool
}

// bindable converts a decoded value into one duckdb-go binds as the
// declared type (see DecodeParam).
func bindable(v any) any {
	switch x := v.(type) {
	case pgNumeric:
		return string(x)
	case pgDate:
		if x.inf != 0 {
			// DuckDB's infinite dates are the extreme day numbers.
			return duckdb.Typed(time.Unix(int64(x.inf)*math.MaxInt32*86400, 0).UTC(), duckdb.TYPE_DATE)
		}
		return duckdb.Typed(x.t, duckdb.TYPE_DATE)
	case pgTimestamp:
		if x.inf != 0 {
			return string(appendInfinity(nil, x.inf))
		}
		if x.tz {
			return duckdb.Typed(x.t, duckdb.TYPE_TIMESTAMP_TZ)
		}
		return duckdb.Typed(x.t, duckdb.TYPE_TIMESTAMP)
	case pgTime:
		if x.us == usPerDay {
			return "24:00:00"
		}
		return duckdb.Typed(clockTime(x.us, time.UTC), duckdb.TYPE_TIME)
	case pgTimeTZ:
		if x.us == usPerDay {
			return string(appendDuckText(nil, x))
		}
		return duckdb.Typed(clockTime(x.us, time.FixedZone("", x.off)), duckdb.TYPE_TIME_TZ)
	case duckdb.UUID:
		return &x
	case pgArray:
		if x.json {
			return string(appendJSONArray(nil, x.items))
		}
		return string(appendDuckList(nil, x.items))
	}
	return v
}

// clockTime is the time of day us on 0001-01-01 in loc.
func clockTime(us int64, loc *time.Location) time.Time {
	return time.Date(1, 1, 1, 0, 0, 0, 0, loc).Add(time.Duration(us) * time.Microsecond)
}

// appendDuckList writes items as a DuckDB list literal that DuckDB casts
// to any list type: ["a", NULL, ["b"]] with every element in double
// quotes, quotes and backslashes inside escaped by a backslash.
func appendDuckList(dst []byte, items []any) []byte {
	dst = append(dst, '[')
	for i, it := range items {
		if i > 0 {
			dst = append(dst, ", "...)
		}
		switch x := it.(type) {
		case nil:
			dst = append(dst, "NULL"...)
		case []any:
			dst = appendDuckList(dst, x)
		default:
			var scratch [64]byte
			text := appendDuckText(scratch[:0], x)
			dst = append(dst, '"')
			for _, c := range text {
				if c == '"' || c == '\\' {
					dst = append(dst, '\\')
				}
				dst = append(dst, c)
			}
			dst = append(dst, '"')
		}
	}
	return append(dst, ']')
}

// appendJSONArray writes JSON texts as one JSON array, which is how
// DuckDB casts a string to JSON[]: it parses the string as JSON. A NULL
// element becomes JSON's null.
func appendJSONArray(dst []byte, items []any) []byte {
	dst = append(dst, '[')
	for i, it := range items {
		if i > 0 {
			dst = append(dst, ", "...)
		}
		switch x := it.(type) {
		case nil:
			dst = append(dst, "null"...)
		case []any:
			dst = appendJSONArray(dst, x)
		case string:
			dst = append(dst, x...)
		}
	}
	return append(dst, ']')
}

// appendDuckText writes a decoded value as text DuckDB casts back to the
// same value of the matching DuckDB type.
func appendDuckText(dst []byte, v any) []byte {
	switch x := v.(type) {
	case bool:
		return strconv.AppendBool(dst, x)
	case int16:
		return strconv.AppendInt(dst, int64(x), 10)
	case int32:
		return strconv.AppendInt(dst, int64(x), 10)
	case int64:
		return strconv.AppendInt(dst, x, 10)
	case float32:
		return appendDuckFloat(dst, float64(x), 32)
	case float64:
		return appendDuckFloat(dst, x, 64)
	case pgNumeric:
		return append(dst, x...)
	case string:
		return append(dst, x...)
	case []byte:
		// DuckDB reads \xHH in a string cast to BLOB as that byte.
		const hexDigits = "0123456789ABCDEF"
		for _, c := range x {
			dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		}
		return dst
	case pgDate:
		if x.inf != 0 {
			return appendInfinity(dst, x.inf)
		}
		return appendDuckEra(appendDate(dst, x.t), x.t)
	case pgTimestamp:
		if x.inf != 0 {
			return appendInfinity(dst, x.inf)
		}
		dst = appendDuckEra(appendDate(dst, x.t), x.t)
		dst = append(dst, ' ')
		h, m, s := x.t.Clock()
		dst = appendClock(dst, h, m, s, x.t.Nanosecond()/1000)
		if x.tz {
			dst = append(dst, "+00"...)
		}
		return dst
	case pgTime:
		return appendMicrosClock(dst, x.us)
	case pgTimeTZ:
		return appendOffset(appendMicrosClock(dst, x.us), x.off, false)
	case duckdb.Interval:
		dst = strconv.AppendInt(dst, int64(x.Months), 10)
		dst = append(dst, " months "...)
		dst = strconv.AppendInt(dst, int64(x.Days), 10)
		dst = append(dst, " days "...)
		dst = strconv.AppendInt(dst, x.Micros, 10)
		return append(dst, " microseconds"...)
	case duckdb.UUID:
		return appendUUID(dst, x[:])
	}
	return dst
}

// appendDuckEra writes DuckDB's " (BC)" after a date before year 1.
func appendDuckEra(dst []byte, t time.Time) []byte {
	if t.Year() <= 0 {
		return append(dst, " (BC)"...)
	}
	return dst
}

// appendDuckFloat writes a float as DuckDB reads it back exactly.
func appendDuckFloat(dst []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "nan"...)
	case math.IsInf(f, 1):
		return append(dst, "inf"...)
	case math.IsInf(f, -1):
		return append(dst, "-inf"...)
	}
	return strconv.AppendFloat(dst, f, 'g', -1, bits)
}

// appendMicrosClock writes a time of day given in microseconds.
func appendMicrosClock(dst []byte, us int64) []byte {
	return appendClock(dst, int(us/usPerHour), int(us/usPerMinute%60), int(us/usPerSecond%60), int(us%usPerSecond))
}
