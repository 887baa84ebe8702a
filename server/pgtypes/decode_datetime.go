package pgtypes

import (
	"strconv"
	"strings"
	"time"
)

// The parsers below read the date and time forms drivers send and
// PostgreSQL prints: ISO dates (2024-01-02, 0044-03-15 BC), times with
// fractions (03:04:05.123456), numeric UTC offsets (+05, +05:30, -0800,
// Z) or zone names (UTC, Europe/Paris), a T or a space between date and
// time, and the special values infinity, -infinity, epoch, now, today,
// tomorrow, yesterday and allballs. PostgreSQL's other spellings (month
// names, MDY with slashes, Julian days) are rejected as invalid syntax.

// dateTime is a parsed date/time literal.
type dateTime struct {
	special  string    // infinity, -infinity, epoch, now, today, ...
	ymd      [3]int    // year, month and day as read (the year before BC)
	date     time.Time // the date they make
	hasDate  bool
	us       int64 // time of day in microseconds, up to 24:00:00
	hasTime  bool
	off      int            // UTC offset in seconds east
	loc      *time.Location // a named zone, else nil
	hasZone  bool
	typeName string // for messages
	input    string
}

func (d *dateTime) syntax() *ParamError {
	return syntaxError(codeInvalidDatetime, d.typeName, d.input)
}

func (d *dateTime) overflow() *ParamError {
	return paramErrorf(codeDatetimeOverflow, "date/time field value out of range: %q", d.input)
}

// specials are the words date and time input accepts on their own.
var specials = map[string]string{
	"infinity": "infinity", "+infinity": "infinity", "-infinity": "-infinity",
	"epoch": "epoch", "now": "now", "today": "today", "tomorrow": "tomorrow",
	"yesterday": "yesterday", "allballs": "allballs",
}

// parseDateTime reads s into its parts.
func parseDateTime(s, typeName string) (*dateTime, error) {
	d := &dateTime{typeName: typeName, input: s}
	t := trimSpace(s)
	if sp, ok := specials[strings.ToLower(t)]; ok {
		d.special = sp
		return d, nil
	}
	bc := false
	for _, tok := range strings.Fields(t) {
		low := strings.ToLower(tok)
		var err error
		switch {
		case low == "bc":
			bc = true
		case low == "ad":
		case !d.hasDate && isDateToken(tok):
			err = d.parseDateToken(tok)
		case !d.hasTime && tok[0] >= '0' && tok[0] <= '9' && strings.Contains(tok, ":"):
			err = d.parseTimeToken(tok)
		case !d.hasZone:
			err = d.parseZone(tok)
		default:
			err = d.syntax()
		}
		if err != nil {
			return nil, err
		}
	}
	if !d.hasDate {
		if bc {
			return nil, d.syntax()
		}
		return d, nil
	}
	return d, d.setDate(bc)
}

// setDate checks the year, month and day read and makes the date; years
// before Christ count back from 1 BC, which is year 0 (a leap year) in
// the proleptic Gregorian calendar both PostgreSQL and Go use.
func (d *dateTime) setDate(bc bool) error {
	y, m, day := d.ymd[0], d.ymd[1], d.ymd[2]
	if y == 0 || m < 1 || m > 12 || day < 1 {
		return d.overflow()
	}
	if bc {
		y = 1 - y
	}
	d.date = time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	if d.date.Day() != day {
		return d.overflow()
	}
	return nil
}

// isDateToken reports whether tok starts like a date: digits then '-'.
func isDateToken(tok string) bool {
	i := 0
	for i < len(tok) && tok[i] >= '0' && tok[i] <= '9' {
		i++
	}
	return i > 0 && i < len(tok) && tok[i] == '-'
}

// parseDateToken reads Y-M-D, optionally followed by T and a time.
func (d *dateTime) parseDateToken(tok string) error {
	datePart, timePart := tok, ""
	if i := strings.IndexAny(tok, "Tt"); i >= 0 {
		datePart, timePart = tok[:i], tok[i+1:]
	}
	parts := strings.Split(datePart, "-")
	if len(parts) != 3 {
		return d.syntax()
	}
	for i, p := range parts {
		if p == "" || strings.TrimLeft(p, "0123456789") != "" || len(p) > 9 || i > 0 && len(p) > 2 {
			return d.syntax()
		}
		d.ymd[i], _ = strconv.Atoi(p)
	}
	d.hasDate = true
	if timePart != "" {
		return d.parseTimeToken(timePart)
	}
	return nil
}

// parseTimeToken reads HH:MM[:SS[.fraction]] with an optional zone
// attached (+05:30, -08, Z).
func (d *dateTime) parseTimeToken(tok string) error {
	clock, zone := tok, ""
	if i := strings.IndexAny(tok, "+-"); i >= 0 {
		clock, zone = tok[:i], tok[i:]
	} else if strings.HasSuffix(tok, "Z") || strings.HasSuffix(tok, "z") {
		clock, zone = tok[:len(tok)-1], "Z"
	}
	us, err := d.parseClock(clock)
	if err != nil {
		return err
	}
	d.us, d.hasTime = us, true
	if zone != "" {
		return d.parseZone(zone)
	}
	return nil
}

// parseClock reads HH:MM[:SS[.fraction]] into microseconds, rounding the
// fraction to the microsecond.
func (d *dateTime) parseClock(s string) (int64, error) {
	hms, frac, hasFrac := strings.Cut(s, ".")
	parts := strings.Split(hms, ":")
	if len(parts) < 2 || len(parts) > 3 || hasFrac && len(parts) != 3 {
		return 0, d.syntax()
	}
	var n [3]int64
	for i, p := range parts {
		if p == "" || len(p) > 2 && i > 0 || len(p) > 9 || strings.TrimLeft(p, "0123456789") != "" {
			return 0, d.syntax()
		}
		n[i], _ = strconv.ParseInt(p, 10, 64)
	}
	us, ok := fractionMicros(frac)
	if !ok {
		return 0, d.syntax()
	}
	h, m, sec := n[0], n[1], n[2]
	if h > 24 || m > 59 || sec > 60 {
		return 0, d.overflow()
	}
	total := h*usPerHour + m*usPerMinute + sec*usPerSecond + us
	if total > usPerDay {
		return 0, d.overflow()
	}
	return total, nil
}

// fractionMicros reads the digits after a decimal point as microseconds,
// rounded half up; false when they are not all digits.
func fractionMicros(frac string) (int64, bool) {
	if strings.TrimLeft(frac, "0123456789") != "" {
		return 0, false
	}
	padded := (frac + "0000000")[:7]
	n, _ := strconv.ParseInt(padded, 10, 64)
	return (n + 5) / 10, true
}

// parseZone reads a UTC offset ([+-]HH, [+-]HHMM, [+-]HH:MM[:SS]), Z,
// UTC or GMT, or a zone name the time zone database knows.
func (d *dateTime) parseZone(tok string) error {
	d.hasZone = true
	switch strings.ToLower(tok) {
	case "z", "utc", "gmt", "ut", "zulu":
		return nil
	}
	if tok[0] != '+' && tok[0] != '-' {
		return d.namedZone(tok)
	}
	body := tok[1:]
	var h, m, s string
	switch parts := strings.Split(body, ":"); {
	case len(parts) > 1:
		if len(parts) > 3 {
			return d.syntax()
		}
		h, m = parts[0], parts[1]
		if len(parts) == 3 {
			s = parts[2]
		}
	case len(body) <= 2:
		h = body
	case len(body) == 4:
		h, m = body[:2], body[2:]
	case len(body) == 6:
		h, m, s = body[:2], body[2:4], body[4:]
	default:
		return d.syntax()
	}
	secs := 0
	for i, p := range []string{h, m, s} {
		if p == "" {
			if i == 0 {
				return d.syntax()
			}
			continue
		}
		if len(p) > 2 || strings.TrimLeft(p, "0123456789") != "" {
			return d.syntax()
		}
		n, _ := strconv.Atoi(p)
		if i > 0 && n > 59 {
			return d.overflow()
		}
		secs += n * []int{3600, 60, 1}[i]
	}
	if secs >= 16*3600 {
		return paramErrorf(codeInvalidTimeZone, "time zone displacement out of range: %q", d.input)
	}
	if tok[0] == '-' {
		secs = -secs
	}
	d.off = secs
	return nil
}

// namedZone looks a zone name up in the time zone database. A word that
// is not a zone is a syntax error; a path-like name (Area/City) that is
// not known is an unknown zone.
func (d *dateTime) namedZone(name string) error {
	c := name[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') || strings.EqualFold(name, "local") {
		return d.syntax()
	}
	loc, err := time.LoadLocation(name)
	switch {
	case err != nil && strings.Contains(name, "/"):
		return paramErrorf(codeInvalidParameterValue, "time zone %q not recognized", name)
	case err != nil:
		return d.syntax()
	}
	d.loc = loc
	return nil
}

// specialDate is the day a special word stands for, at midnight UTC.
func specialDate(word string) (time.Time, bool) {
	today := time.Now().UTC().Truncate(24 * time.Hour)
	switch word {
	case "epoch":
		return time.Unix(0, 0).UTC(), true
	case "today", "now":
		return today, true
	case "tomorrow":
		return today.AddDate(0, 0, 1), true
	case "yesterday":
		return today.AddDate(0, 0, -1), true
	}
	return time.Time{}, false
}

// parseDate reads a date as date_in does; a time of day after it is
// ignored.
func parseDate(s string) (pgDate, error) {
	d, err := parseDateTime(s, "date")
	if err != nil {
		return pgDate{}, err
	}
	switch d.special {
	case "":
	case "infinity":
		return pgDate{inf: 1}, nil
	case "-infinity":
		return pgDate{inf: -1}, nil
	default:
		t, ok := specialDate(d.special)
		if !ok {
			return pgDate{}, d.syntax()
		}
		return pgDate{t: t}, nil
	}
	if !d.hasDate {
		return pgDate{}, d.syntax()
	}
	return pgDate{t: d.date}, nil
}

// parseTimestamp reads a timestamp (tz false: any zone is ignored, as
// timestamp_in does) or a timestamptz (tz true: the zone, UTC when none
// is given, places the instant).
func parseTimestamp(s string, tz bool) (pgTimestamp, error) {
	name := "timestamp"
	if tz {
		name = "timestamp with time zone"
	}
	d, err := parseDateTime(s, name)
	if err != nil {
		return pgTimestamp{}, err
	}
	switch d.special {
	case "":
	case "infinity":
		return pgTimestamp{inf: 1, tz: tz}, nil
	case "-infinity":
		return pgTimestamp{inf: -1, tz: tz}, nil
	case "now":
		return pgTimestamp{t: time.Now().UTC().Truncate(time.Microsecond), tz: tz}, nil
	default:
		t, ok := specialDate(d.special)
		if !ok {
			return pgTimestamp{}, d.syntax()
		}
		return pgTimestamp{t: t, tz: tz}, nil
	}
	if !d.hasDate {
		return pgTimestamp{}, d.syntax()
	}
	t := d.date.Add(time.Duration(d.us) * time.Microsecond)
	if tz {
		t = d.instant(t)
	}
	return pgTimestamp{t: t, tz: tz}, nil
}

// instant reads the wall clock w (in UTC) in the parsed zone.
func (d *dateTime) instant(w time.Time) time.Time {
	if d.loc != nil {
		y, m, day := w.Date()
		h, mi, s := w.Clock()
		return time.Date(y, m, day, h, mi, s, w.Nanosecond(), d.loc).UTC()
	}
	return w.Add(-time.Duration(d.off) * time.Second)
}

// parseTime reads a time of day as time_in does; a date or zone with it
// is ignored.
func parseTime(s string) (pgTime, error) {
	d, err := parseDateTime(s, "time")
	if err != nil {
		return pgTime{}, err
	}
	switch d.special {
	case "":
	case "allballs":
		return pgTime{}, nil
	case "now":
		return pgTime{us: timeOfDay(time.Now().UTC())}, nil
	default:
		return pgTime{}, d.syntax()
	}
	if !d.hasTime {
		return pgTime{}, d.syntax()
	}
	return pgTime{us: d.us}, nil
}

// parseTimeTZ reads a time of day with its zone as timetz_in does (UTC
// when none is given; a named zone takes its offset on the given date,
// else today).
func parseTimeTZ(s string) (pgTimeTZ, error) {
	d, err := parseDateTime(s, "time with time zone")
	if err != nil {
		return pgTimeTZ{}, err
	}
	switch d.special {
	case "":
	case "allballs":
		return pgTimeTZ{}, nil
	case "now":
		return pgTimeTZ{us: timeOfDay(time.Now().UTC())}, nil
	default:
		return pgTimeTZ{}, d.syntax()
	}
	if !d.hasTime {
		return pgTimeTZ{}, d.syntax()
	}
	off := d.off
	if d.loc != nil {
		day := d.date
		if !d.hasDate {
			day = time.Now().UTC()
		}
		_, off = time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, d.loc).Zone()
	}
	return pgTimeTZ{us: d.us, off: off}, nil
}
