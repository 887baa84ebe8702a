package pgtypes

import (
	"math"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// timeUnit is the tick of a DuckDB date or time type. duckdb-go returns
// all of them as time.Time; DuckDB's infinities come out as the extreme
// tick counts, which differ per type.
type timeUnit uint8

const (
	unitMicro  timeUnit = iota // TIMESTAMP, TIMESTAMPTZ, TIME
	unitDay                    // DATE
	unitSecond                 // TIMESTAMP_S
	unitMilli                  // TIMESTAMP_MS
	unitNano                   // TIMESTAMP_NS
)

// unitOf is the tick of a DuckDB base type name.
func unitOf(base string) timeUnit {
	switch strings.ToUpper(base) {
	case "DATE":
		return unitDay
	case "TIMESTAMP_S":
		return unitSecond
	case "TIMESTAMP_MS":
		return unitMilli
	case "TIMESTAMP_NS":
		return unitNano
	}
	return unitMicro
}

// Seconds and microseconds between the Unix epoch and PostgreSQL's
// (2000-01-01), which its binary date and timestamp formats count from.
const (
	pgEpochDays   = 10957
	pgEpochMicros = pgEpochDays * 86400 * 1_000_000
	usPerSecond   = 1_000_000
	usPerMinute   = 60 * usPerSecond
	usPerHour     = 60 * usPerMinute
	usPerDay      = 24 * usPerHour
)

// infinity reports whether t is DuckDB's infinity (1) or -infinity (-1)
// for a type of tick u: the largest tick count or its negation.
func infinity(t time.Time, u timeUnit) int {
	var n, top int64
	switch u {
	case unitDay:
		n, top = floorDiv(t.Unix(), 86400), math.MaxInt32
	case unitSecond:
		n, top = t.Unix(), math.MaxInt64
	case unitMilli:
		n, top = t.UnixMilli(), math.MaxInt64
	case unitNano:
		n, top = t.UnixNano(), math.MaxInt64
	default:
		n, top = t.UnixMicro(), math.MaxInt64
	}
	switch n {
	case top:
		return 1
	case -top:
		return -1
	}
	return 0
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// appendInfinity writes infinity or -infinity.
func appendInfinity(dst []byte, sign int) []byte {
	if sign < 0 {
		return append(dst, "-infinity"...)
	}
	return append(dst, "infinity"...)
}

// appendDateText writes a date as date_out does in ISO style:
// 2024-01-02, 0044-03-15 BC, infinity.
func appendDateText(dst []byte, v any, u timeUnit) ([]byte, error) {
	t, ok := v.(time.Time)
	if !ok {
		return dst, typeError(v, "date")
	}
	if inf := infinity(t, u); inf != 0 {
		return appendInfinity(dst, inf), nil
	}
	return appendEra(appendDate(dst, t), t), nil
}

// appendDate writes YYYY-MM-DD, the year at least four digits and
// counted from 1 BC backwards for years before 1 (see appendEra).
func appendDate(dst []byte, t time.Time) []byte {
	y, m, d := t.Date()
	if y <= 0 {
		y = 1 - y
	}
	dst = appendPadded(dst, int64(y), 4)
	dst = append(dst, '-')
	dst = appendPadded(dst, int64(m), 2)
	dst = append(dst, '-')
	return appendPadded(dst, int64(d), 2)
}

// appendEra writes " BC" after a date or timestamp before year 1.
func appendEra(dst []byte, t time.Time) []byte {
	if t.Year() <= 0 {
		return append(dst, " BC"...)
	}
	return dst
}

// appendPadded writes n with at least width digits.
func appendPadded(dst []byte, n int64, width int) []byte {
	var buf [20]byte
	s := strconv.AppendInt(buf[:0], n, 10)
	for range width - len(s) {
		dst = append(dst, '0')
	}
	return append(dst, s...)
}

// appendClock writes HH:MM:SS and the fraction of the second without
// trailing zeros; us is the microsecond within the second.
func appendClock(dst []byte, h, m, s int, us int) []byte {
	dst = appendPadded(dst, int64(h), 2)
	dst = append(dst, ':')
	dst = appendPadded(dst, int64(m), 2)
	dst = append(dst, ':')
	dst = appendPadded(dst, int64(s), 2)
	return appendFraction(dst, us)
}

// appendFraction writes .ffffff for us microseconds without trailing
// zeros, nothing for zero.
func appendFraction(dst []byte, us int) []byte {
	if us == 0 {
		return dst
	}
	var buf [6]byte
	for i := 5; i >= 0; i-- {
		buf[i] = byte('0' + us%10)
		us /= 10
	}
	n := 6
	for buf[n-1] == '0' {
		n--
	}
	dst = append(dst, '.')
	return append(dst, buf[:n]...)
}

// appendTimestampText writes a timestamp as timestamp_out does in ISO
// style (2024-01-02 03:04:05.5), and a timestamptz in UTC with its
// offset (2024-01-02 03:04:05.5+00); " BC" after either before year 1.
// Nanoseconds (TIMESTAMP_NS) are cut to PostgreSQL's microseconds.
func appendTimestampText(dst []byte, v any, u timeUnit, tz bool) ([]byte, error) {
	t, ok := v.(time.Time)
	if !ok {
		if tz {
			return dst, typeError(v, "timestamp with time zone")
		}
		return dst, typeError(v, "timestamp")
	}
	if inf := infinity(t, u); inf != 0 {
		return appendInfinity(dst, inf), nil
	}
	if tz {
		t = t.UTC()
	}
	dst = appendDate(dst, t)
	dst = append(dst, ' ')
	h, m, s := t.Clock()
	dst = appendClock(dst, h, m, s, t.Nanosecond()/1000)
	if tz {
		dst = append(dst, '+', '0', '0')
	}
	return appendEra(dst, t), nil
}

// appendTimeText writes a time of day as time_out does: 03:04:05.5.
func appendTimeText(dst []byte, v any) ([]byte, error) {
	t, ok := v.(time.Time)
	if !ok {
		return dst, typeError(v, "time")
	}
	h, m, s := t.Clock()
	return appendClock(dst, h, m, s, t.Nanosecond()/1000), nil
}

// appendTimeTZText writes a time with its own UTC offset, as timetz_out
// does: 03:04:05+05:30, 03:04:05+00.
func appendTimeTZText(dst []byte, v any) ([]byte, error) {
	t, ok := v.(time.Time)
	if !ok {
		return dst, typeError(v, "time with time zone")
	}
	h, m, s := t.Clock()
	dst = appendClock(dst, h, m, s, t.Nanosecond()/1000)
	_, off := t.Zone()
	return appendOffset(dst, off, false), nil
}

// appendOffset writes a UTC offset in seconds east as EncodeTimezone
// does: +HH, +HH:MM when there are minutes, +HH:MM:SS when there are
// seconds; xsd (the JSON form of timestamps) always writes +HH:MM.
func appendOffset(dst []byte, off int, xsd bool) []byte {
	sign := byte('+')
	if off < 0 {
		sign = '-'
		off = -off
	}
	dst = append(dst, sign)
	dst = appendPadded(dst, int64(off/3600), 2)
	mins, secs := off/60%60, off%60
	if mins != 0 || secs != 0 || xsd {
		dst = append(dst, ':')
		dst = appendPadded(dst, int64(mins), 2)
	}
	if secs != 0 {
		dst = append(dst, ':')
		dst = appendPadded(dst, int64(secs), 2)
	}
	return dst
}

// appendIntervalText writes an interval in IntervalStyle postgres:
// "1 year 2 mons 3 days 04:05:06.5", "-1 days", "00:00:00".
func appendIntervalText(dst []byte, v any) ([]byte, error) {
	iv, ok := v.(duckdb.Interval)
	if !ok {
		return dst, typeError(v, "interval")
	}
	return appendInterval(dst, iv), nil
}

// appendInterval follows EncodeInterval: years and months come from the
// months, each nonzero field is written with its unit (plural unless 1),
// a field after a negative one gets an explicit + when positive, and the
// time part is written when nonzero or when nothing else was.
func appendInterval(dst []byte, iv duckdb.Interval) []byte {
	start := len(dst)
	before := false // the previous field was negative
	field := func(n int64, unit string) {
		if n == 0 {
			return
		}
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		if before && n > 0 {
			dst = append(dst, '+')
		}
		dst = strconv.AppendInt(dst, n, 10)
		dst = append(dst, ' ')
		dst = append(dst, unit...)
		if n != 1 {
			dst = append(dst, 's')
		}
		before = n < 0
	}
	field(int64(iv.Months/12), "year")
	field(int64(iv.Months%12), "mon")
	field(int64(iv.Days), "day")
	us := iv.Micros
	if us == 0 && len(dst) > start {
		return dst
	}
	if len(dst) > start {
		dst = append(dst, ' ')
	}
	switch {
	case us < 0:
		dst = append(dst, '-')
	case before:
		dst = append(dst, '+')
	}
	// Hours may exceed 24 and the magnitude may not fit an int64 when
	// negated; work with an unsigned magnitude.
	mag := uint64(us)
	if us < 0 {
		mag = uint64(-(us + 1)) + 1
	}
	dst = appendPadded(dst, int64(mag/usPerHour), 2)
	dst = append(dst, ':')
	dst = appendPadded(dst, int64(mag/usPerMinute%60), 2)
	dst = append(dst, ':')
	dst = appendPadded(dst, int64(mag/usPerSecond%60), 2)
	return appendFraction(dst, int(mag%usPerSecond))
}
