package pgtypes

import (
	"math"
	"strconv"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// interval accumulates the fields of an interval being read, as
// interval_in does: months, days and microseconds, fractions of a unit
// spilling into the smaller fields (1.5 years is 1 year 6 mons, 1.5
// mons is 1 mon 15 days, 1.5 days is 1 day 12:00:00).
type interval struct {
	months, days, micros int64
	input                string
	overflow             bool
}

// number is a signed decimal split into its integer part and its
// fraction, both carrying the sign.
type number struct {
	whole int64
	frac  float64
}

// parseNumber reads [+-]digits[.digits] (digits on at least one side).
func parseNumber(s string) (number, bool) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 {
		return number{}, false
	}
	intPart, frac, _ := strings.Cut(body, ".")
	if intPart+frac == "" || strings.TrimLeft(intPart+frac, "0123456789") != "" {
		return number{}, false
	}
	var n number
	if intPart != "" {
		w, err := strconv.ParseInt(intPart, 10, 64)
		if err != nil {
			return number{}, false
		}
		n.whole = w
	}
	if frac != "" {
		f, _ := strconv.ParseFloat("0."+frac, 64)
		n.frac = f
	}
	if neg {
		n.whole, n.frac = -n.whole, -n.frac
	}
	return n, true
}

// units maps interval_in's unit words to a unit.
var units = map[string]string{
	"microsecond": "us", "microseconds": "us", "microsecon": "us", "us": "us", "usec": "us", "usecs": "us", "useconds": "us", "usecond": "us",
	"millisecond": "ms", "milliseconds": "ms", "millisecon": "ms", "ms": "ms", "msec": "ms", "msecs": "ms", "mseconds": "ms", "msecond": "ms",
	"second": "s", "seconds": "s", "s": "s", "sec": "s", "secs": "s",
	"minute": "min", "minutes": "min", "m": "min", "min": "min", "mins": "min",
	"hour": "h", "hours": "h", "h": "h", "hr": "h", "hrs": "h",
	"day": "d", "days": "d", "d": "d",
	"week": "w", "weeks": "w", "w": "w",
	"month": "mon", "months": "mon", "mon": "mon", "mons": "mon",
	"year": "y", "years": "y", "y": "y", "yr": "y", "yrs": "y",
	"decade": "dec", "decades": "dec", "dec": "dec", "decs": "dec",
	"century": "c", "centuries": "c", "cent": "c", "c": "c",
	"millennium": "mil", "millennia": "mil", "millenniums": "mil", "mil": "mil", "mils": "mil",
}

// add adds n of unit u.
func (iv *interval) add(n number, u string) {
	switch u {
	case "us":
		iv.addMicros(n, 1)
	case "ms":
		iv.addMicros(n, 1000)
	case "s":
		iv.addMicros(n, usPerSecond)
	case "min":
		iv.addMicros(n, usPerMinute)
	case "h":
		iv.addMicros(n, usPerHour)
	case "d":
		iv.days = iv.sum(iv.days, n.whole)
		iv.micros = iv.sum(iv.micros, round(n.frac*usPerDay))
	case "w":
		iv.days = iv.sum(iv.days, iv.product(n.whole, 7))
		iv.spillDays(n.frac * 7)
	case "mon":
		iv.months = iv.sum(iv.months, n.whole)
		iv.spillDays(n.frac * 30)
	case "y":
		iv.addMonths(n, 12)
	case "dec":
		iv.addMonths(n, 120)
	case "c":
		iv.addMonths(n, 1200)
	case "mil":
		iv.addMonths(n, 12000)
	}
}

func (iv *interval) addMicros(n number, scale int64) {
	iv.micros = iv.sum(iv.micros, iv.sum(iv.product(n.whole, scale), round(n.frac*float64(scale))))
}

// addMonths adds years (of scale months each); their fraction becomes
// whole months, rounded.
func (iv *interval) addMonths(n number, scale int64) {
	iv.months = iv.sum(iv.months, iv.sum(iv.product(n.whole, scale), round(n.frac*float64(scale))))
}

// spillDays adds a fractional count of days: the whole days to days, the
// rest as microseconds.
func (iv *interval) spillDays(days float64) {
	whole := math.Trunc(days)
	iv.days = iv.sum(iv.days, int64(whole))
	iv.micros = iv.sum(iv.micros, round((days-whole)*usPerDay))
}

// round rounds half to even, as rint does.
func round(f float64) int64 { return int64(math.RoundToEven(f)) }

func (iv *interval) sum(a, b int64) int64 {
	s := a + b
	if (s > a) != (b > 0) {
		iv.overflow = true
	}
	return s
}

func (iv *interval) product(a, b int64) int64 {
	if a != 0 && (a*b/a != b || a == -1 && b == math.MinInt64 || b == -1 && a == math.MinInt64) {
		iv.overflow = true
	}
	return a * b
}

// result checks the fields fit DuckDB's interval.
func (iv *interval) result() (duckdb.Interval, error) {
	if iv.overflow || iv.months != int64(int32(iv.months)) || iv.days != int64(int32(iv.days)) {
		return duckdb.Interval{}, paramErrorf(codeDatetimeOverflow, "interval field value out of range: %q", iv.input)
	}
	return duckdb.Interval{Months: int32(iv.months), Days: int32(iv.days), Micros: iv.micros}, nil
}

func (iv *interval) syntax() *ParamError {
	return syntaxError(codeInvalidDatetime, "interval", iv.input)
}

// parseInterval reads an interval as interval_in does with
// IntervalStyle postgres: "1 year 2 mons 3 days 04:05:06.5", "@ 1 day
// ago", "-1 days +02:00:00", SQL's "1-2" (years-months) and "3 04:05:06"
// (days and time), units abbreviated or in full, fractions of units;
// and ISO 8601 durations, "P1Y2M3DT4H5M6.5S" or "P0001-02-03T04:05:06".
func parseInterval(s string) (duckdb.Interval, error) {
	iv := &interval{input: s}
	t := strings.ToLower(trimSpace(s))
	if strings.HasPrefix(t, "p") {
		if err := iv.parseISO(t[1:]); err != nil {
			return duckdb.Interval{}, err
		}
		return iv.result()
	}
	toks := splitIntervalTokens(strings.TrimPrefix(t, "@"))
	if len(toks) == 0 {
		return duckdb.Interval{}, iv.syntax()
	}
	ago := false
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		switch {
		case tok == "ago" && i == len(toks)-1:
			ago = true
		case strings.Contains(tok, ":"):
			if err := iv.addClock(tok); err != nil {
				return duckdb.Interval{}, err
			}
		case isYearMonth(tok):
			if err := iv.addYearMonth(tok); err != nil {
				return duckdb.Interval{}, err
			}
		default:
			n, ok := parseNumber(tok)
			if !ok {
				return duckdb.Interval{}, iv.syntax()
			}
			unit := "s" // a bare number counts seconds...
			if i+1 < len(toks) {
				if u, isUnit := units[toks[i+1]]; isUnit {
					unit = u
					i++
				} else if strings.Contains(toks[i+1], ":") {
					unit = "d" // ...or days before a time
				}
			}
			iv.add(n, unit)
		}
	}
	if ago {
		iv.months, iv.days, iv.micros = -iv.months, -iv.days, -iv.micros
	}
	return iv.result()
}

// splitIntervalTokens splits at white space and between a number and a
// unit written together ("1day", "10s").
func splitIntervalTokens(s string) []string {
	var toks []string
	for _, f := range strings.Fields(s) {
		i := 0
		for i < len(f) && (f[i] >= '0' && f[i] <= '9' || f[i] == '.' || f[i] == '+' || f[i] == '-') {
			i++
		}
		if i > 0 && i < len(f) && f[i] >= 'a' && f[i] <= 'z' {
			toks = append(toks, f[:i], f[i:])
			continue
		}
		toks = append(toks, f)
	}
	return toks
}

// isYearMonth reports whether tok is [+-]Y-M.
func isYearMonth(tok string) bool {
	body := strings.TrimLeft(tok, "+-")
	i := strings.IndexByte(body, '-')
	return i > 0 && i < len(body)-1
}

// addYearMonth adds SQL's "Y-M", the sign applying to both.
func (iv *interval) addYearMonth(tok string) error {
	neg := strings.HasPrefix(tok, "-")
	y, m, _ := strings.Cut(strings.TrimLeft(tok, "+-"), "-")
	yn, ok1 := parseNumber(y)
	mn, ok2 := parseNumber(m)
	if !ok1 || !ok2 || yn.frac != 0 || mn.frac != 0 {
		return iv.syntax()
	}
	if neg {
		yn.whole, mn.whole = -yn.whole, -mn.whole
	}
	iv.add(yn, "y")
	iv.add(mn, "mon")
	return nil
}

// addClock adds a time field, [+-]H:MM[:SS[.f]] (hours may exceed 24),
// or MM:SS.f, the sign applying to all of it.
func (iv *interval) addClock(tok string) error {
	neg := strings.HasPrefix(tok, "-")
	parts := strings.Split(strings.TrimLeft(tok, "+-"), ":")
	if len(tok)-len(strings.TrimLeft(tok, "+-")) > 1 || len(parts) > 3 {
		return iv.syntax()
	}
	if len(parts) == 2 && strings.Contains(parts[1], ".") {
		parts = append([]string{"0"}, parts...) // minutes to seconds
	}
	scales := []int64{usPerHour, usPerMinute, usPerSecond}
	for i, p := range parts {
		if p == "" || strings.HasPrefix(p, "+") || strings.HasPrefix(p, "-") {
			return iv.syntax()
		}
		n, ok := parseNumber(p)
		if !ok || i < len(parts)-1 && n.frac != 0 || i == 2 && len(parts) < 3 {
			return iv.syntax()
		}
		if i > 0 && n.whole > 59 {
			return paramErrorf(codeDatetimeOverflow, "interval field value out of range: %q", iv.input)
		}
		if neg {
			n.whole, n.frac = -n.whole, -n.frac
		}
		iv.addMicros(n, scales[i])
	}
	return nil
}

// parseISO reads an ISO 8601 duration after its P: designators
// (1Y2M3W4DT5H6M7.5S) or the alternative Y-M-DTH:M:S.
func (iv *interval) parseISO(s string) error {
	if s == "" {
		return iv.syntax()
	}
	datePart, timePart, hasTime := strings.Cut(s, "t")
	if hasTime && timePart == "" {
		return iv.syntax()
	}
	if strings.ContainsAny(datePart, "-") && !strings.ContainsAny(datePart, "ymwd") || strings.Contains(timePart, ":") {
		return iv.parseISOAlternative(datePart, timePart)
	}
	if err := iv.designators(datePart, map[byte]string{'y': "y", 'm': "mon", 'w': "w", 'd': "d"}); err != nil {
		return err
	}
	return iv.designators(timePart, map[byte]string{'h': "h", 'm': "min", 's': "s"})
}

// designators reads a run of numbers each followed by its designator.
func (iv *interval) designators(s string, unitOf map[byte]string) error {
	for s != "" {
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == '-' || s[i] == '+') {
			i++
		}
		if i == len(s) {
			return iv.syntax()
		}
		n, ok := parseNumber(s[:i])
		u, known := unitOf[s[i]]
		if !ok || !known {
			return iv.syntax()
		}
		iv.add(n, u)
		s = s[i+1:]
	}
	return nil
}

// parseISOAlternative reads Y-M-D and H:M:S, each part optional.
func (iv *interval) parseISOAlternative(datePart, timePart string) error {
	add := func(s, sep string, units []string) error {
		if s == "" {
			return nil
		}
		fields := strings.Split(s, sep)
		if len(fields) > len(units) {
			return iv.syntax()
		}
		for i, f := range fields {
			n, ok := parseNumber(f)
			if !ok {
				return iv.syntax()
			}
			iv.add(n, units[i])
		}
		return nil
	}
	if err := add(datePart, "-", []string{"y", "mon", "d"}); err != nil {
		return err
	}
	return add(timePart, ":", []string{"h", "min", "s"})
}
