package pgtypes

import (
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/pgoid"
)

// decodeBinary reads data, the binary form (a receive function's input)
// of a value of type oid, into a plain value (see values.go).
func decodeBinary(data []byte, oid uint32) (any, error) {
	switch oid {
	case 0, pgoid.Text, pgoid.Varchar, pgoid.BPChar, pgoid.Name, pgoid.Unknown, pgoid.JSON, pgoid.Char:
		// Text's binary form is its text; an unspecified type is read as
		// text, which is what PostgreSQL resolves it to.
		if err := checkText(data); err != nil {
			return nil, err
		}
		return string(data), nil
	case pgoid.JSONB:
		if len(data) < 1 || data[0] != 1 {
			return nil, paramErrorf(codeInvalidBinary, "unsupported jsonb version number")
		}
		if err := checkText(data[1:]); err != nil {
			return nil, err
		}
		return string(data[1:]), nil
	case pgoid.Bytea:
		return append([]byte{}, data...), nil
	case pgoid.Bool:
		b, err := fixed(data, 1)
		if err != nil {
			return nil, err
		}
		return b[0] != 0, nil
	case pgoid.Int2:
		b, err := fixed(data, 2)
		if err != nil {
			return nil, err
		}
		return int16(binary.BigEndian.Uint16(b)), nil
	case pgoid.Int4:
		b, err := fixed(data, 4)
		if err != nil {
			return nil, err
		}
		return int32(binary.BigEndian.Uint32(b)), nil
	case pgoid.Int8:
		b, err := fixed(data, 8)
		if err != nil {
			return nil, err
		}
		return int64(binary.BigEndian.Uint64(b)), nil
	case pgoid.OID, pgoid.Regproc, pgoid.Regclass, pgoid.Regtype, pgoid.XID:
		b, err := fixed(data, 4)
		if err != nil {
			return nil, err
		}
		return int64(binary.BigEndian.Uint32(b)), nil
	case pgoid.Float4:
		b, err := fixed(data, 4)
		if err != nil {
			return nil, err
		}
		return math.Float32frombits(binary.BigEndian.Uint32(b)), nil
	case pgoid.Float8:
		b, err := fixed(data, 8)
		if err != nil {
			return nil, err
		}
		return math.Float64frombits(binary.BigEndian.Uint64(b)), nil
	case pgoid.Numeric:
		return decodeNumericBinary(data)
	case pgoid.UUID:
		b, err := fixed(data, 16)
		if err != nil {
			return nil, err
		}
		return duckdb.UUID(b), nil
	case pgoid.Date:
		return decodeDateBinary(data)
	case pgoid.Timestamp, pgoid.TimestampTZ:
		return decodeTimestampBinary(data, oid == pgoid.TimestampTZ)
	case pgoid.Time:
		b, err := fixed(data, 8)
		if err != nil {
			return nil, err
		}
		return checkTimeOfDay(int64(binary.BigEndian.Uint64(b)), pgTime{})
	case pgoid.TimeTZ:
		b, err := fixed(data, 12)
		if err != nil {
			return nil, err
		}
		zone := int32(binary.BigEndian.Uint32(b[8:]))
		if zone <= -16*3600 || zone >= 16*3600 {
			return nil, paramErrorf(codeInvalidTimeZone, "time zone displacement out of range")
		}
		return checkTimeOfDay(int64(binary.BigEndian.Uint64(b)), pgTimeTZ{off: -int(zone)})
	case pgoid.Interval:
		b, err := fixed(data, 16)
		if err != nil {
			return nil, err
		}
		return duckdb.Interval{
			Micros: int64(binary.BigEndian.Uint64(b)),
			Days:   int32(binary.BigEndian.Uint32(b[8:])),
			Months: int32(binary.BigEndian.Uint32(b[12:])),
		}, nil
	}
	if elem := arrayElem(oid); elem != 0 {
		return decodeArrayBinary(data, elem)
	}
	return nil, paramErrorf(codeUndefinedFunction, "no binary input function available for type %s", pgTypeName(oid))
}

// fixed checks a fixed-size binary value's length as PostgreSQL does:
// too short is a protocol violation (the message ended early), too long
// an invalid binary representation.
func fixed(data []byte, n int) ([]byte, error) {
	switch {
	case len(data) < n:
		return nil, paramErrorf(codeProtocolViolation, "insufficient data left in message")
	case len(data) > n:
		return nil, paramErrorf(codeInvalidBinary, "incorrect binary data format")
	}
	return data, nil
}

// checkTimeOfDay accepts microseconds from midnight to 24:00:00.
func checkTimeOfDay(us int64, v any) (any, error) {
	if us < 0 || us > usPerDay {
		return nil, paramErrorf(codeDatetimeOverflow, "time out of range")
	}
	switch x := v.(type) {
	case pgTimeTZ:
		x.us = us
		return x, nil
	}
	return pgTime{us: us}, nil
}

func decodeDateBinary(data []byte) (any, error) {
	b, err := fixed(data, 4)
	if err != nil {
		return nil, err
	}
	switch days := int32(binary.BigEndian.Uint32(b)); days {
	case math.MaxInt32:
		return pgDate{inf: 1}, nil
	case math.MinInt32:
		return pgDate{inf: -1}, nil
	default:
		return pgDate{t: time.Unix((int64(days)+pgEpochDays)*86400, 0).UTC()}, nil
	}
}

func decodeTimestampBinary(data []byte, tz bool) (any, error) {
	b, err := fixed(data, 8)
	if err != nil {
		return nil, err
	}
	switch us := int64(binary.BigEndian.Uint64(b)); us {
	case math.MaxInt64:
		return pgTimestamp{inf: 1, tz: tz}, nil
	case math.MinInt64:
		return pgTimestamp{inf: -1, tz: tz}, nil
	default:
		sec, frac := floorDiv(us, usPerSecond), us-floorDiv(us, usPerSecond)*usPerSecond
		t := time.Unix(sec, frac*1000).UTC().Add(pgEpochMicros * time.Microsecond)
		return pgTimestamp{t: t, tz: tz}, nil
	}
}

// decodeNumericBinary reads numeric_send's format (see
// appendNumericBinary) into plain decimal text with the value's display
// scale.
func decodeNumericBinary(data []byte) (any, error) {
	if len(data) < 8 {
		return nil, paramErrorf(codeProtocolViolation, "insufficient data left in message")
	}
	ndigits := int(binary.BigEndian.Uint16(data))
	weight := int(int16(binary.BigEndian.Uint16(data[2:])))
	sign := binary.BigEndian.Uint16(data[4:])
	dscale := int(binary.BigEndian.Uint16(data[6:]))
	switch {
	case len(data) < 8+2*ndigits:
		return nil, paramErrorf(codeProtocolViolation, "insufficient data left in message")
	case len(data) > 8+2*ndigits:
		return nil, paramErrorf(codeInvalidBinary, "incorrect binary data format")
	}
	switch sign {
	case numericNaN:
		return pgNumeric("NaN"), nil
	case numericPInf:
		return pgNumeric("Infinity"), nil
	case numericNInf:
		return pgNumeric("-Infinity"), nil
	case numericPos, numericNeg:
	default:
		return nil, paramErrorf(codeInvalidBinary, "invalid sign in external \"numeric\" value")
	}
	if dscale > numericMaxDSc {
		return nil, paramErrorf(codeInvalidBinary, "invalid scale in external \"numeric\" value")
	}
	// Write every base-10000 digit as four decimal digits, then place
	// the point after the digits of weight+1 groups.
	var b strings.Builder
	for i := range ndigits {
		d := binary.BigEndian.Uint16(data[8+2*i:])
		if d >= 10000 {
			return nil, paramErrorf(codeInvalidBinary, "invalid digit in external \"numeric\" value")
		}
		s := strconv.Itoa(int(d))
		b.WriteString(strings.Repeat("0", 4-len(s)))
		b.WriteString(s)
	}
	digits := b.String()
	point := 4 * (weight + 1) // decimal digits before the point
	var intPart, frac string
	switch {
	case point <= 0:
		intPart, frac = "0", strings.Repeat("0", -point)+digits
	case point >= len(digits):
		intPart = digits + strings.Repeat("0", point-len(digits))
	default:
		intPart, frac = digits[:point], digits[point:]
	}
	intPart = trimLeadingZeros(intPart)
	if len(frac) > dscale {
		frac = frac[:dscale] // the digits beyond the scale are zeros
	} else {
		frac += strings.Repeat("0", dscale-len(frac))
	}
	text := intPart
	if frac != "" {
		text += "." + frac
	}
	if sign == numericNeg && strings.Trim(intPart+frac, "0") != "" {
		text = "-" + text
	}
	return pgNumeric(text), nil
}

// maxArrayDims is PostgreSQL's MAXDIM.
const maxArrayDims = 6

// decodeArrayBinary reads array_send's format (see appendArrayBinary),
// elements of type elem, any number of dimensions up to six.
func decodeArrayBinary(data []byte, elem uint32) (any, error) {
	r := &reader{data: data}
	ndim, flags, elemType := r.int32(), r.int32(), r.uint32()
	if r.short {
		return nil, r.shortError()
	}
	if ndim < 0 || ndim > maxArrayDims {
		return nil, paramErrorf(codeInvalidBinary, "invalid number of dimensions: %d", ndim)
	}
	if flags != 0 && flags != 1 {
		return nil, paramErrorf(codeInvalidBinary, "invalid array flags")
	}
	if elemType != elem {
		return nil, paramErrorf(codeDatatypeMismatch, "binary data has array element type %d (%s) instead of expected %d (%s)",
			elemType, pgTypeName(elemType), elem, pgTypeName(elem))
	}
	dims := make([]int, ndim)
	total := 1
	for i := range dims {
		n := r.int32()
		r.int32() // lower bound: DuckDB lists start at 1
		if n < 0 || n > 1<<27 {
			return nil, paramErrorf(codeInvalidBinary, "invalid array dimension")
		}
		dims[i] = int(n)
		total *= int(n)
		if total > 1<<27 {
			return nil, paramErrorf(codeOutOfRange, "array size exceeds the maximum allowed")
		}
	}
	if ndim == 0 {
		total = 0
	}
	flat := make([]any, total)
	for i := range flat {
		n := r.int32()
		if r.short {
			return nil, r.shortError()
		}
		if n == -1 {
			continue
		}
		body := r.bytes(int(n))
		if r.short || n < -1 {
			return nil, r.shortError()
		}
		v, err := decodeBinary(body, elem)
		if err != nil {
			return nil, err
		}
		flat[i] = v
	}
	if r.short {
		return nil, r.shortError()
	}
	if len(r.data) > 0 {
		return nil, paramErrorf(codeInvalidBinary, "incorrect binary data format")
	}
	if ndim == 0 {
		return pgArray{items: []any{}, json: isJSONType(elem)}, nil
	}
	return pgArray{items: reshape(flat, dims), json: isJSONType(elem)}, nil
}

// reshape nests a flat element list into rows for each dimension after
// the first.
func reshape(flat []any, dims []int) []any {
	if len(dims) == 1 {
		return flat
	}
	rows := make([]any, dims[0])
	size := len(flat) / max(dims[0], 1)
	for i := range rows {
		rows[i] = reshape(flat[i*size:(i+1)*size], dims[1:])
	}
	return rows
}

// reader reads big-endian integers, noting when data runs out.
type reader struct {
	data  []byte
	short bool
}

func (r *reader) bytes(n int) []byte {
	if n < 0 || len(r.data) < n {
		r.short = true
		return nil
	}
	b := r.data[:n]
	r.data = r.data[n:]
	return b
}

func (r *reader) uint32() uint32 {
	b := r.bytes(4)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

func (r *reader) int32() int32 { return int32(r.uint32()) }

func (r *reader) shortError() *ParamError {
	return paramErrorf(codeProtocolViolation, "insufficient data left in message")
}
