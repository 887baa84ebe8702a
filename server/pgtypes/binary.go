package pgtypes

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/pgoid"
)

// The binary formats below are those of PostgreSQL's send functions:
// big-endian integers and IEEE floats of the type's width.

func appendBoolBinary(dst []byte, v any) ([]byte, error) {
	b, ok := v.(bool)
	if !ok {
		return dst, typeError(v, "boolean")
	}
	if b {
		return append(dst, 1), nil
	}
	return append(dst, 0), nil
}

// appendIntBinary writes an integer in the width of oid (int2, int4 or
// int8). Unsigned DuckDB types are announced as the next wider type, so
// every value of theirs fits; a value that does not (a column described
// narrower than it turned out) is an error, never a wrapped number.
func appendIntBinary(dst []byte, v any, oid uint32) ([]byte, error) {
	n, ok := toInt64(v)
	if !ok {
		if isInteger(v) {
			return dst, fmt.Errorf("pgtypes: value %v out of range for type %s", v, intName(oid))
		}
		return dst, typeError(v, intName(oid))
	}
	switch oid {
	case pgoid.Int2:
		if n < math.MinInt16 || n > math.MaxInt16 {
			return dst, fmt.Errorf("pgtypes: value %d out of range for type smallint", n)
		}
		return binary.BigEndian.AppendUint16(dst, uint16(n)), nil
	case pgoid.Int4:
		if n < math.MinInt32 || n > math.MaxInt32 {
			return dst, fmt.Errorf("pgtypes: value %d out of range for type integer", n)
		}
		return binary.BigEndian.AppendUint32(dst, uint32(n)), nil
	}
	return binary.BigEndian.AppendUint64(dst, uint64(n)), nil
}

// isInteger reports whether v is a Go integer of any size.
func isInteger(v any) bool {
	switch v.(type) {
	case int8, int16, int32, int64, int, uint8, uint16, uint32, uint64, uint, *big.Int:
		return true
	}
	return false
}

func appendFloat4Binary(dst []byte, v any) ([]byte, error) {
	f, ok := toFloat64(v)
	if !ok {
		return dst, typeError(v, "real")
	}
	return binary.BigEndian.AppendUint32(dst, math.Float32bits(float32(f))), nil
}

func appendFloat8Binary(dst []byte, v any) ([]byte, error) {
	f, ok := toFloat64(v)
	if !ok {
		return dst, typeError(v, "double precision")
	}
	return binary.BigEndian.AppendUint64(dst, math.Float64bits(f)), nil
}

// appendByteaBinary writes the bytes themselves.
func appendByteaBinary(dst []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case []byte:
		return append(dst, x...), nil
	case string:
		return append(dst, x...), nil
	}
	return dst, typeError(v, "bytea")
}

func appendUUIDBinary(dst []byte, v any) ([]byte, error) {
	b, ok := uuidBytes(v)
	if !ok {
		return dst, typeError(v, "uuid")
	}
	return append(dst, b...), nil
}

// appendDateBinary writes days since 2000-01-01 as an int32; infinity
// and -infinity are the largest and smallest int32.
func appendDateBinary(dst []byte, v any, u timeUnit) ([]byte, error) {
	t, ok := v.(time.Time)
	if !ok {
		return dst, typeError(v, "date")
	}
	switch infinity(t, u) {
	case 1:
		return binary.BigEndian.AppendUint32(dst, math.MaxInt32), nil
	case -1:
		return binary.BigEndian.AppendUint32(dst, 1<<31), nil // math.MinInt32
	}
	days := floorDiv(t.Unix(), 86400) - pgEpochDays
	if days <= math.MinInt32 || days >= math.MaxInt32 {
		return dst, fmt.Errorf("pgtypes: date %s out of range", t.Format("2006-01-02"))
	}
	return binary.BigEndian.AppendUint32(dst, uint32(int32(days))), nil
}

// appendTimestampBinary writes microseconds since 2000-01-01 00:00:00
// UTC as an int64 (for timestamp, the wall clock read as UTC); infinity
// and -infinity are the largest and smallest int64.
func appendTimestampBinary(dst []byte, v any, u timeUnit) ([]byte, error) {
	t, ok := v.(time.Time)
	if !ok {
		return dst, typeError(v, "timestamp")
	}
	switch infinity(t, u) {
	case 1:
		return binary.BigEndian.AppendUint64(dst, math.MaxInt64), nil
	case -1:
		return binary.BigEndian.AppendUint64(dst, 1<<63), nil // math.MinInt64
	}
	us, ok := pgMicros(t)
	if !ok {
		return dst, fmt.Errorf("pgtypes: timestamp %s out of range", t.Format(time.RFC3339Nano))
	}
	return binary.BigEndian.AppendUint64(dst, uint64(us)), nil
}

// pgMicros is t in microseconds since PostgreSQL's epoch, truncating
// nanoseconds; false when that does not fit between the infinities.
func pgMicros(t time.Time) (int64, bool) {
	sec := t.Unix()
	const limit = math.MaxInt64/usPerSecond - 1
	if sec > limit || sec < -limit {
		return 0, false
	}
	us := sec*usPerSecond + int64(t.Nanosecond()/1000)
	if us <= math.MinInt64+pgEpochMicros {
		return 0, false
	}
	return us - pgEpochMicros, true
}

// timeOfDay is t's wall clock in microseconds since midnight.
func timeOfDay(t time.Time) int64 {
	h, m, s := t.Clock()
	return int64(h)*usPerHour + int64(m)*usPerMinute + int64(s)*usPerSecond + int64(t.Nanosecond()/1000)
}

// appendTimeBinary writes microseconds since midnight as an int64.
func appendTimeBinary(dst []byte, v any) ([]byte, error) {
	t, ok := v.(time.Time)
	if !ok {
		return dst, typeError(v, "time")
	}
	return binary.BigEndian.AppendUint64(dst, uint64(timeOfDay(t))), nil
}

// appendTimeTZBinary writes microseconds since midnight (int64) and the
// zone as seconds west of UTC (int32: PostgreSQL's sign is the reverse
// of the usual offset).
func appendTimeTZBinary(dst []byte, v any) ([]byte, error) {
	t, ok := v.(time.Time)
	if !ok {
		return dst, typeError(v, "time with time zone")
	}
	_, off := t.Zone()
	dst = binary.BigEndian.AppendUint64(dst, uint64(timeOfDay(t)))
	return binary.BigEndian.AppendUint32(dst, uint32(int32(-off))), nil
}

// appendIntervalBinary writes microseconds (int64), days (int32) and
// months (int32).
func appendIntervalBinary(dst []byte, v any) ([]byte, error) {
	iv, ok := v.(duckdb.Interval)
	if !ok {
		return dst, typeError(v, "interval")
	}
	dst = binary.BigEndian.AppendUint64(dst, uint64(iv.Micros))
	dst = binary.BigEndian.AppendUint32(dst, uint32(iv.Days))
	return binary.BigEndian.AppendUint32(dst, uint32(iv.Months)), nil
}
