package pgtypes

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // zone names in TestDecodeText, whatever the machine has

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/martdb/martdb/sql/pgoid"
)

// describe prints a decoded parameter value (before it is made
// bindable) so that tests can compare it with a short string.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case pgDate:
		if x.inf != 0 {
			return fmt.Sprintf("date:inf%+d", x.inf)
		}
		return "date:" + x.t.Format("2006-01-02")
	case pgTimestamp:
		name := "ts"
		if x.tz {
			name = "tstz"
		}
		if x.inf != 0 {
			return fmt.Sprintf("%s:inf%+d", name, x.inf)
		}
		return name + ":" + x.t.UTC().Format("2006-01-02 15:04:05.999999")
	case pgTime:
		return fmt.Sprintf("time:%dus", x.us)
	case pgTimeTZ:
		return fmt.Sprintf("timetz:%dus%+ds", x.us, x.off)
	case pgNumeric:
		return "numeric:" + string(x)
	case []byte:
		return fmt.Sprintf("bytes:%x", x)
	case duckdb.UUID:
		return "uuid:" + string(appendUUID(nil, x[:]))
	case duckdb.Interval:
		return fmt.Sprintf("interval:%dmon/%dd/%dus", x.Months, x.Days, x.Micros)
	case pgArray:
		return "array:" + describe(x.items)
	case []any:
		parts := make([]string, len(x))
		for i, it := range x {
			parts[i] = describe(it)
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	return fmt.Sprintf("%T:%v", v, v)
}

// TestDecodeText reads PostgreSQL text input as the type's input
// function does; the cases follow the PostgreSQL documentation of each
// type's accepted input.
func TestDecodeText(t *testing.T) {
	const (
		syntax   = codeInvalidText
		dtSyntax = codeInvalidDatetime
		dtRange  = codeDatetimeOverflow
		hexErr   = codeInvalidParameterValue
	)
	for _, c := range []struct {
		oid  uint32
		in   string
		want string // describe() of the value, or the SQLSTATE of the error
	}{
		{0, " anything {} ", "string: anything {} "},
		{pgoid.Text, "", "string:"},
		{pgoid.JSON, `{"a": 1}`, `string:{"a": 1}`},
		{pgoid.Regclass, "pg_class", "string:pg_class"},

		{pgoid.Bool, "t", "bool:true"},
		{pgoid.Bool, " TRUE ", "bool:true"},
		{pgoid.Bool, "tr", "bool:true"},
		{pgoid.Bool, "yes", "bool:true"},
		{pgoid.Bool, "on", "bool:true"},
		{pgoid.Bool, "1", "bool:true"},
		{pgoid.Bool, "f", "bool:false"},
		{pgoid.Bool, "No", "bool:false"},
		{pgoid.Bool, "off", "bool:false"},
		{pgoid.Bool, "0", "bool:false"},
		{pgoid.Bool, "o", syntax},
		{pgoid.Bool, "truth", syntax},
		{pgoid.Bool, "", syntax},

		{pgoid.Int2, " -32768 ", "int16:-32768"},
		{pgoid.Int2, "32768", codeOutOfRange},
		{pgoid.Int4, "+2147483647", "int32:2147483647"},
		{pgoid.Int4, "2147483648", codeOutOfRange},
		{pgoid.Int4, "1.5", syntax},
		{pgoid.Int4, "1_000", syntax},
		{pgoid.Int4, "", syntax},
		{pgoid.Int4, "--1", syntax},
		{pgoid.Int8, "-9223372036854775808", "int64:-9223372036854775808"},
		{pgoid.Int8, "9223372036854775808", codeOutOfRange},

		{pgoid.Float8, "1004.30", "float64:1004.3"},
		{pgoid.Float8, " -1.5e-3 ", "float64:-0.0015"},
		{pgoid.Float8, ".5", "float64:0.5"},
		{pgoid.Float8, "NaN", "float64:NaN"},
		{pgoid.Float8, "Infinity", "float64:+Inf"},
		{pgoid.Float8, "-Infinity", "float64:-Inf"},
		{pgoid.Float8, "-inf", "float64:-Inf"},
		{pgoid.Float8, "1e400", codeOutOfRange},
		{pgoid.Float8, "1e-400", codeOutOfRange},
		{pgoid.Float8, "0e-400", "float64:0"},
		{pgoid.Float8, "1.5x", syntax},
		{pgoid.Float4, "3.4e38", "float32:3.4e+38"},
		{pgoid.Float4, "3.5e38", codeOutOfRange},

		{pgoid.Numeric, "1.50", "numeric:1.50"},
		{pgoid.Numeric, " -0.005 ", "numeric:-0.005"},
		{pgoid.Numeric, "+12", "numeric:12"},
		{pgoid.Numeric, "1.5e3", "numeric:1500"},
		{pgoid.Numeric, "1.50e1", "numeric:15.0"},
		{pgoid.Numeric, "1.5E-3", "numeric:0.0015"},
		{pgoid.Numeric, "-0.0", "numeric:0.0"},
		{pgoid.Numeric, "007.10", "numeric:7.10"},
		{pgoid.Numeric, ".5", "numeric:0.5"},
		{pgoid.Numeric, "NaN", "numeric:NaN"},
		{pgoid.Numeric, "-Infinity", "numeric:-Infinity"},
		{pgoid.Numeric, "12345678901234567890123456789012345678901234567890", "numeric:12345678901234567890123456789012345678901234567890"},
		{pgoid.Numeric, "1e1001", syntax},
		{pgoid.Numeric, "1.2.3", syntax},
		{pgoid.Numeric, "abc", syntax},

		{pgoid.Bytea, `\xDEADbeef`, "bytes:deadbeef"},
		{pgoid.Bytea, `\x de ad`, "bytes:dead"},
		{pgoid.Bytea, `\x`, "bytes:"},
		{pgoid.Bytea, `\xabc`, hexErr},
		{pgoid.Bytea, `\xzz`, hexErr},
		{pgoid.Bytea, `abc \\ \001\377`, "bytes:616263205c2001ff"},
		{pgoid.Bytea, `a\b`, syntax},

		{pgoid.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "uuid:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{pgoid.UUID, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "uuid:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{pgoid.UUID, "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}", "uuid:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{pgoid.UUID, "a0eebc999c0b4ef8bb6d6bb9bd380a11", "uuid:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{pgoid.UUID, "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "uuid:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{pgoid.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", syntax},
		{pgoid.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", syntax},
		{pgoid.UUID, "-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", syntax},

		{pgoid.Date, "2024-01-02", "date:2024-01-02"},
		{pgoid.Date, " 1999-1-8 ", "date:1999-01-08"},
		{pgoid.Date, "0044-03-15 BC", "date:-0043-03-15"},
		{pgoid.Date, "0001-02-29 BC", "date:0000-02-29"}, // 1 BC is a leap year
		{pgoid.Date, "2024-01-02 03:04:05", "date:2024-01-02"},
		{pgoid.Date, "infinity", "date:inf+1"},
		{pgoid.Date, "-Infinity", "date:inf-1"},
		{pgoid.Date, "epoch", "date:1970-01-01"},
		{pgoid.Date, "2023-02-29", dtRange},
		{pgoid.Date, "2024-13-01", dtRange},
		{pgoid.Date, "0000-01-01", dtRange},
		{pgoid.Date, "January 8, 1999", dtSyntax},
		{pgoid.Date, "", dtSyntax},

		{pgoid.Timestamp, "2024-01-02 03:04:05.123456", "ts:2024-01-02 03:04:05.123456"},
		{pgoid.Timestamp, "2024-01-02T03:04:05", "ts:2024-01-02 03:04:05"},
		{pgoid.Timestamp, "2024-01-02", "ts:2024-01-02 00:00:00"},
		{pgoid.Timestamp, "2024-01-02 03:04:05+05", "ts:2024-01-02 03:04:05"}, // timestamp ignores zones
		{pgoid.Timestamp, "2024-01-02 03:04:05.1234567", "ts:2024-01-02 03:04:05.123457"},
		{pgoid.Timestamp, "2024-01-02 23:59:59.9999999", "ts:2024-01-03 00:00:00"},
		{pgoid.Timestamp, "0044-03-15 10:00:00 BC", "ts:-0043-03-15 10:00:00"},
		{pgoid.Timestamp, "infinity", "ts:inf+1"},
		{pgoid.Timestamp, "2024-01-02 25:00:00", dtRange},
		{pgoid.Timestamp, "2024-01-02 03:60:00", dtRange},
		{pgoid.Timestamp, "2024-01-02 03:04:05 nonsense", dtSyntax},
		{pgoid.TimestampTZ, "2024-01-02 03:04:05 Mars/Olympus_Mons", codeInvalidParameterValue},
		{pgoid.TimestampTZ, "2024-07-02 03:04:05 Europe/Paris", "tstz:2024-07-02 01:04:05"},
		{pgoid.TimeTZ, "2024-01-02 04:05:06 Europe/Paris", "timetz:14706000000us+3600s"},
		{pgoid.TimestampTZ, "2024-01-02 03:04:05+05:30", "tstz:2024-01-01 21:34:05"},
		{pgoid.TimestampTZ, "2024-01-02 03:04:05-08", "tstz:2024-01-02 11:04:05"},
		{pgoid.TimestampTZ, "2024-01-02T03:04:05.5Z", "tstz:2024-01-02 03:04:05.5"},
		{pgoid.TimestampTZ, "2024-01-02 03:04:05 -0130", "tstz:2024-01-02 04:34:05"},
		{pgoid.TimestampTZ, "2024-01-02 03:04:05", "tstz:2024-01-02 03:04:05"},
		{pgoid.TimestampTZ, "2024-01-02 03:04:05 UTC", "tstz:2024-01-02 03:04:05"},
		{pgoid.TimestampTZ, "2024-01-02 03:04:05+00 BC", "tstz:-2023-01-02 03:04:05"},
		{pgoid.TimestampTZ, "-infinity", "tstz:inf-1"},
		{pgoid.TimestampTZ, "2024-01-02 03:04:05+16", codeInvalidTimeZone},

		{pgoid.Time, "04:05:06.789", "time:14706789000us"},
		{pgoid.Time, "04:05", "time:14700000000us"},
		{pgoid.Time, "24:00:00", "time:86400000000us"},
		{pgoid.Time, "04:05:06+05", "time:14706000000us"},
		{pgoid.Time, "2024-01-02 04:05:06", "time:14706000000us"},
		{pgoid.Time, "allballs", "time:0us"},
		{pgoid.Time, "24:00:01", dtRange},
		{pgoid.Time, "4", dtSyntax},
		{pgoid.TimeTZ, "04:05:06-08:00", "timetz:14706000000us-28800s"},
		{pgoid.TimeTZ, "04:05:06+05:30", "timetz:14706000000us+19800s"},
		{pgoid.TimeTZ, "04:05:06", "timetz:14706000000us+0s"},
		{pgoid.TimeTZ, "04:05:06 +01:02:03", "timetz:14706000000us+3723s"},

		{pgoid.Interval, "1 year 2 mons 3 days 04:05:06.5", "interval:14mon/3d/14706500000us"},
		{pgoid.Interval, "@ 1 year 2 mons ago", "interval:-14mon/0d/0us"},
		{pgoid.Interval, "-1 years -2 mons +3 days -04:05:06", "interval:-14mon/3d/-14706000000us"},
		{pgoid.Interval, "-1 days +02:03:00", "interval:0mon/-1d/7380000000us"},
		{pgoid.Interval, "1-2", "interval:14mon/0d/0us"},
		{pgoid.Interval, "3 4:05:06", "interval:0mon/3d/14706000000us"},
		{pgoid.Interval, "1.5 years", "interval:18mon/0d/0us"},
		{pgoid.Interval, "1.5 months", "interval:1mon/15d/0us"},
		{pgoid.Interval, "1.5 days", "interval:0mon/1d/43200000000us"},
		{pgoid.Interval, "1.5 weeks", "interval:0mon/10d/43200000000us"},
		{pgoid.Interval, "2 weeks 1 century 3 decades 1 millennium", "interval:13560mon/14d/0us"},
		{pgoid.Interval, "1h 30m 10s 5ms 7us", "interval:0mon/0d/5410005007us"},
		{pgoid.Interval, "1day 10secs", "interval:0mon/1d/10000000us"},
		{pgoid.Interval, "5", "interval:0mon/0d/5000000us"},
		{pgoid.Interval, "05:06.5", "interval:0mon/0d/306500000us"},
		{pgoid.Interval, "100:00:00", "interval:0mon/0d/360000000000us"},
		{pgoid.Interval, "00:00:00", "interval:0mon/0d/0us"},
		{pgoid.Interval, "P1Y2M3DT4H5M6.5S", "interval:14mon/3d/14706500000us"},
		{pgoid.Interval, "P1W", "interval:0mon/7d/0us"},
		{pgoid.Interval, "PT36H", "interval:0mon/0d/129600000000us"},
		{pgoid.Interval, "P-1Y-2M", "interval:-14mon/0d/0us"},
		{pgoid.Interval, "P0.5Y", "interval:6mon/0d/0us"},
		{pgoid.Interval, "P0001-02-03T04:05:06", "interval:14mon/3d/14706000000us"},
		{pgoid.Interval, "1 fortnight", dtSyntax},
		{pgoid.Interval, "P1X", dtSyntax},
		{pgoid.Interval, "PT", dtSyntax},
		{pgoid.Interval, "", dtSyntax},
		{pgoid.Interval, "3000000000 days", dtRange},

		{1007, "{1,2,NULL}", "array:[int32:1 int32:2 NULL]"},
		{1007, " { 1 , 2 } ", "array:[int32:1 int32:2]"},
		{1007, "{}", "array:[]"},
		{1007, "[0:1]={1,2}", "array:[int32:1 int32:2]"},
		{1007, "{{1,2},{3,4}}", "array:[[int32:1 int32:2] [int32:3 int32:4]]"},
		{1007, "{1,x}", syntax},
		{1007, "{1,2", syntax},
		{1007, "1,2", syntax},
		{1007, "{1,99999999999}", codeOutOfRange},
		{1009, `{"a b","","NULL",NULL,"x\"y","back\\slash",plain, bare spaces ,a\,b}`,
			`array:[string:a b string: string:NULL NULL string:x"y string:back\slash string:plain string:bare spaces string:a,b]`},
		{1009, `{a"b}`, syntax},
		{1115, `{"2024-01-02 03:04:05",infinity}`, "array:[ts:2024-01-02 03:04:05 ts:inf+1]"},
		{1231, "{1.50,NaN}", "array:[numeric:1.50 numeric:NaN]"},
		{1001, `{"\\x0a",NULL}`, "array:[bytes:0a NULL]"},
		{1000, "{t,f}", "array:[bool:true bool:false]"},
		{199, `{"{\"a\":1}",2}`, `array:[string:{"a":1} string:2]`},
	} {
		v, err := decodeText(c.in, c.oid)
		got := describe(v)
		if err != nil {
			var pe *ParamError
			if !errors.As(err, &pe) {
				t.Errorf("%d %q: error %v is not a *ParamError", c.oid, c.in, err)
				continue
			}
			got = pe.Code
		}
		if got != c.want {
			t.Errorf("decodeText(%q, %d) = %s (%v), want %s", c.in, c.oid, got, err, c.want)
		}
	}
}

// TestDecodeParamErrors checks the codes and messages of bad
// parameters, and NULL and format handling.
func TestDecodeParamErrors(t *testing.T) {
	if v, err := DecodeParam(nil, 1, pgoid.Int4); v != nil || err != nil {
		t.Errorf("NULL: %v, %v", v, err)
	}
	if v, err := DecodeParam([]byte{}, 0, pgoid.Text); v != "" || err != nil {
		t.Errorf("empty text: %#v, %v", v, err)
	}
	for _, c := range []struct {
		data   []byte
		format int16
		oid    uint32
		code   string
		msg    string
	}{
		{[]byte("abc"), 0, pgoid.Int4, "22P02", `invalid input syntax for type integer: "abc"`},
		{[]byte("99999999999"), 0, pgoid.Int4, "22003", `value "99999999999" is out of range for type integer`},
		{[]byte("2024-02-30"), 0, pgoid.Date, "22008", `date/time field value out of range: "2024-02-30"`},
		{[]byte("soon"), 0, pgoid.Timestamp, "22007", `invalid input syntax for type timestamp: "soon"`},
		{[]byte("{1,"), 0, 1007, "22P02", `malformed array literal: "{1,"`},
		{[]byte{0xff}, 0, pgoid.Text, "22021", `invalid byte sequence for encoding "UTF8"`},
		{[]byte{0, 0, 1}, 1, pgoid.Int4, "08P01", "insufficient data left in message"},
		{[]byte{0, 0, 0, 0, 1}, 1, pgoid.Int4, "22P03", "incorrect binary data format"},
		{[]byte{1}, 1, pgoid.Int8, "08P01", "insufficient data left in message"},
		{[]byte{0, 0, 0, 0, 0x80, 0, 0, 0}, 1, pgoid.Numeric, "22P03", `invalid sign in external "numeric" value`},
		{[]byte{0, 0, 0, 0, 0, 0, 0x80, 0}, 1, pgoid.Numeric, "22P03", `invalid scale in external "numeric" value`},
		{[]byte{0, 1, 0, 0, 0, 0, 0, 0}, 1, pgoid.Numeric, "08P01", "insufficient data left in message"},
		{[]byte{2}, 1, pgoid.JSONB, "22P03", "unsupported jsonb version number"},
		{[]byte{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 1}, 1, 1007, "42804",
			"binary data has array element type 20 (bigint) instead of expected 23 (integer)"},
		{[]byte{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 23, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 7}, 1, 1007, "08P01", "insufficient data left in message"},
		{[]byte{1, 2}, 1, pgoid.Int2Vector, "42883", "no binary input function available for type int2vector"},
		{[]byte("1"), 2, pgoid.Int4, "08P01", "unsupported format code: 2"},
	} {
		_, err := DecodeParam(c.data, c.format, c.oid)
		var pe *ParamError
		if !errors.As(err, &pe) {
			t.Errorf("% x format %d oid %d: error %v, want a *ParamError", c.data, c.format, c.oid, err)
			continue
		}
		if pe.Code != c.code || pe.Message != c.msg {
			t.Errorf("% x format %d oid %d: %s %q, want %s %q", c.data, c.format, c.oid, pe.Code, pe.Message, c.code, c.msg)
		}
	}
}

func TestParamOID(t *testing.T) {
	for duck, want := range map[string]uint32{
		"INTEGER": pgoid.Int4, "VARCHAR": pgoid.Text, "TIMESTAMP": pgoid.Timestamp, "TIMESTAMPTZ": pgoid.TimestampTZ,
		"DECIMAL": pgoid.Numeric, "UBIGINT": pgoid.Numeric, "TINYINT": pgoid.Int2, "BLOB": pgoid.Bytea, "UUID": pgoid.UUID,
		"": 0, "UNKNOWN": 0, "INVALID": 0, "SQLNULL": 0, "LIST": 0, "MAP": 0,
		"STRUCT": 0, "INTEGER[]": 1007, "BOOLEAN": pgoid.Bool, "DOUBLE": pgoid.Float8, "INTERVAL": pgoid.Interval,
	} {
		if got := ParamOID(duck); got != want {
			t.Errorf("ParamOID(%q) = %d, want %d", duck, got, want)
		}
	}
}

// TestDecodeParamBinds binds decoded text parameters to real DuckDB
// statements: cast to a DuckDB type (the parameter then has that type)
// and untyped (the parameter takes the type of the value bound), and
// reads the value back as DuckDB's text.
func TestDecodeParamBinds(t *testing.T) {
	db := openDB(t)
	for _, c := range []struct {
		oid      uint32
		in       string
		duckType string // the type $1 is cast to, "" for an untyped $1
		want     string // DuckDB's text of the bound value, and its type when untyped
	}{
		{pgoid.Bool, "yes", "", "true BOOLEAN"},
		{pgoid.Int2, "7", "", "7 SMALLINT"},
		{pgoid.Int2, "7", "TINYINT", "7"},
		{pgoid.Int4, "-7", "BIGINT", "-7"},
		{pgoid.Int8, "9223372036854775807", "", "9223372036854775807 BIGINT"},
		{pgoid.Float4, "1.5", "", "1.5 FLOAT"},
		{pgoid.Float8, "-Infinity", "", "-inf DOUBLE"},
		{pgoid.Float8, "NaN", "DOUBLE", "nan"},
		{pgoid.Numeric, "12345678901234567.12345678901234567891", "DECIMAL(38,20)", "12345678901234567.12345678901234567891"},
		{pgoid.Numeric, "-1.5e-3", "DECIMAL(10,4)", "-0.0015"},
		{pgoid.Numeric, "1.25", "DECIMAL(5,1)", "1.3"},
		{pgoid.Numeric, "170141183460469231731687303715884105727", "HUGEINT", "170141183460469231731687303715884105727"},
		{pgoid.Numeric, "18446744073709551615", "UBIGINT", "18446744073709551615"},
		{pgoid.Numeric, "0.1", "DOUBLE", "0.1"},
		{pgoid.Text, "héllo", "", "héllo VARCHAR"},
		{pgoid.JSON, `{"a": [1, 2]}`, "JSON", `{"a": [1, 2]}`},
		{pgoid.Bytea, `\x00ff`, "", `\x00\xFF BLOB`},
		{pgoid.Bytea, `\x00ff`, "BLOB", `\x00\xFF`},
		{pgoid.UUID, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "UUID", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{pgoid.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "VARCHAR", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{pgoid.Date, "2024-01-02", "", "2024-01-02 DATE"},
		{pgoid.Date, "0044-03-15 BC", "", "0044-03-15 (BC) DATE"},
		{pgoid.Date, "infinity", "", "infinity DATE"},
		{pgoid.Date, "-infinity", "DATE", "-infinity"},
		{pgoid.Date, "2024-01-02", "TIMESTAMP", "2024-01-02 00:00:00"},
		{pgoid.Date, "2024-01-02", "VARCHAR", "2024-01-02"},
		{pgoid.Timestamp, "2024-01-02 03:04:05.123456", "", "2024-01-02 03:04:05.123456 TIMESTAMP"},
		{pgoid.Timestamp, "2024-01-02 03:04:05+05", "TIMESTAMP", "2024-01-02 03:04:05"},
		{pgoid.Timestamp, "infinity", "TIMESTAMP", "infinity"},
		{pgoid.Timestamp, "0044-03-15 10:00:00 BC", "TIMESTAMP", "0044-03-15 (BC) 10:00:00"},
		{pgoid.TimestampTZ, "2024-01-02 03:04:05+05:30", "", "2024-01-01 21:34:05+00 TIMESTAMP WITH TIME ZONE"},
		{pgoid.TimestampTZ, "-infinity", "TIMESTAMPTZ", "-infinity"},
		{pgoid.Time, "04:05:06.789", "", "04:05:06.789 TIME"},
		{pgoid.Time, "24:00:00", "TIME", "24:00:00"},
		{pgoid.TimeTZ, "04:05:06-08:00", "", "04:05:06-08 TIME WITH TIME ZONE"},
		{pgoid.TimeTZ, "04:05:06+05:30", "TIMETZ", "04:05:06+05:30"},
		{pgoid.Interval, "1 year 2 mons 3 days 04:05:06.5", "", "1 year 2 months 3 days 04:05:06.5 INTERVAL"},
		{pgoid.Interval, "P-1Y-2M3DT-4H-5M-6S", "INTERVAL", "-1 year -2 months 3 days -04:05:06"},
		{1007, "{1,2,NULL}", "INTEGER[]", "[1, 2, NULL]"},
		{1007, "{1,2,NULL}", "BIGINT[]", "[1, 2, NULL]"},
		{1016, "{}", "BIGINT[]", "[]"},
		{1007, "{{1,2},{3,4}}", "INTEGER[][]", "[[1, 2], [3, 4]]"},
		{1009, `{"a b","","NULL",NULL,"x\"y","back\\slash","[1]","'q'"}`, "VARCHAR[]", `[a b, '', 'NULL', NULL, 'x"y', back\slash, '[1]', '\'q\'']`},
		{1001, `{"\\x00ff5c",NULL}`, "BLOB[]", `[\x00\xFF\x5C, NULL]`},
		{1115, `{"2024-01-02 03:04:05","0044-03-15 10:00:00 BC",infinity}`, "TIMESTAMP[]", "['2024-01-02 03:04:05', '0044-03-15 (BC) 10:00:00', infinity]"},
		{1185, `{"2024-01-02 03:04:05+05:30"}`, "TIMESTAMPTZ[]", "['2024-01-01 21:34:05+00']"},
		{1182, `{2024-01-02,-infinity}`, "DATE[]", "[2024-01-02, -infinity]"},
		{1183, `{04:05:06.5,24:00:00}`, "TIME[]", "['04:05:06.5', '24:00:00']"},
		{1270, `{04:05:06-08:00}`, "TIMETZ[]", "['04:05:06-08']"},
		{1187, `{"1 year -2 days","-00:00:01"}`, "INTERVAL[]", "[1 year -2 days, '-00:00:01']"},
		{1231, "{1.50,-0.001}", "DECIMAL(10,3)[]", "[1.500, -0.001]"},
		{1022, "{1.5,NaN,-Infinity,1e-310}", "DOUBLE[]", "[1.5, nan, -inf, 1e-310]"},
		{1000, "{t,f,NULL}", "BOOLEAN[]", "[true, false, NULL]"},
		{2951, "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "UUID[]", "[a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11]"},
		{199, `{"{\"a\": 1}","[1, \"x\"]","\"s\""}`, "JSON[]", `[{"a":1}, [1,"x"], "s"]`},
		{3807, `{"{\"a\": 1}",NULL}`, "JSON[]", `[{"a":1}, null]`},
	} {
		v, err := DecodeParam([]byte(c.in), 0, c.oid)
		if err != nil {
			t.Errorf("%d %q: %v", c.oid, c.in, err)
			continue
		}
		q := "SELECT $1::VARCHAR || ' ' || typeof($1)"
		if c.duckType != "" {
			q = "SELECT CAST($1 AS " + c.duckType + ")::VARCHAR"
		}
		r, err := db.query(q, v)
		if err != nil {
			t.Errorf("%d %q as %T bound to %s: %v", c.oid, c.in, v, q, err)
			continue
		}
		if got, _ := r.row[0].(string); got != c.want {
			t.Errorf("%d %q as %T bound to %s:\n got %s\nwant %s", c.oid, c.in, v, q, got, c.want)
		}
	}
}

// TestParamRoundTrip sends values out and back: DuckDB computes a
// value, the encoder writes it as a client receives it, DecodeParam reads
// that as the client would send it back (declared with the announced
// type), and DuckDB must find the bound value equal to the original.
// Both formats.
func TestParamRoundTrip(t *testing.T) {
	db := openDB(t)
	for _, expr := range []string{
		"true", "(-7)::SMALLINT", "123456::INTEGER", "(-9223372036854775808)::BIGINT", "255::UTINYINT",
		"4294967295::UINTEGER", "18446744073709551615::UBIGINT", "(-170141183460469231731687303715884105728)::HUGEINT",
		"'3.4028235e38'::FLOAT", "'1.7976931348623157e308'::DOUBLE", "'5e-324'::DOUBLE", "'nan'::DOUBLE", "'-inf'::DOUBLE", "0.1::DOUBLE",
		"1.50::DECIMAL(10,2)", "(-0.00001)::DECIMAL(10,5)", "(-99999999999999999999999999999.999999999)::DECIMAL(38,9)",
		"'héllo, \"world\"'", "''", `'\x00\xFF\x5C'::BLOB`, "gen_random_uuid()",
		"DATE '2024-02-29'", "'0044-03-15 (BC)'::DATE", "'infinity'::DATE", "'-infinity'::DATE",
		"TIMESTAMP '2024-01-02 03:04:05.123456'", "'0044-03-15 (BC) 10:00:00'::TIMESTAMP", "'infinity'::TIMESTAMP",
		"TIMESTAMPTZ '2024-01-02 03:04:05.5+02'", "'-infinity'::TIMESTAMPTZ",
		"TIME '23:59:59.999999'", "'04:05:06+05:30'::TIMETZ", "'04:05:06-08:00:30'::TIMETZ",
		"INTERVAL '1 year 2 months 3 days 04:05:06.5'", "to_months(-1) + to_days(3) - to_microseconds(1)", "INTERVAL 1000 HOUR",
		"[1, 2, NULL]", "['a b', '', 'NULL', NULL, 'x\"y', '\\', '{}']", "[]::VARCHAR[]", "[1.5::DECIMAL(4,2), NULL]",
		"[DATE '2024-01-02', 'infinity'::DATE]", "[TIMESTAMPTZ '2024-01-02 03:04:05+00']", "[INTERVAL 1 DAY, -INTERVAL 1 MONTH]",
		`['\x0a'::BLOB, ''::BLOB]`, "[gen_random_uuid()]", "[true, false]", "['nan'::DOUBLE, 1e300]", "[TIME '01:02:03']",
	} {
		db.exec("CREATE OR REPLACE TEMP TABLE orig AS SELECT " + expr + " AS v")
		orig := db.mustQuery("SELECT v FROM orig")
		v, typ := orig.row[0], orig.types[0]
		e := NewEncoder(typ)
		for format := int16(0); format <= 1; format++ {
			data := []byte{} // an empty value, not NULL
			var err error
			if format == 0 {
				data, err = e.AppendText(data, v)
			} else {
				data, err = e.AppendBinary(data, v)
			}
			if err != nil {
				t.Errorf("%s format %d: encode: %v", expr, format, err)
				continue
			}
			p, err := DecodeParam(data, format, e.OID())
			if err != nil {
				t.Errorf("%s format %d: DecodeParam(%q): %v", expr, format, data, err)
				continue
			}
			r, err := db.query("SELECT $1 IS NOT DISTINCT FROM v FROM orig", p)
			if err != nil {
				t.Errorf("%s format %d: binding %#v: %v", expr, format, p, err)
				continue
			}
			if r.row[0] != true {
				t.Errorf("%s format %d: %q came back as %#v, which DuckDB finds different", expr, format, data, p)
			}
		}
	}
}

func bigInt(n int64) *big.Int { return big.NewInt(n) }

// BenchmarkAppendRow encodes a typical result row: an integer, a
// string, a timestamp, a double and a decimal.
func BenchmarkAppendRow(b *testing.B) {
	types := []string{"INTEGER", "VARCHAR", "TIMESTAMP", "DOUBLE", "DECIMAL(18,3)"}
	row := []any{
		int32(123456), "campaign_spring_sale", time.Date(2024, 3, 15, 13, 45, 30, 123000000, time.UTC),
		1234.5678, duckdb.Decimal{Width: 18, Scale: 3, Value: bigInt(98765432)},
	}
	encs := make([]*Encoder, len(types))
	for i, typ := range types {
		encs[i] = NewEncoder(typ)
	}
	for _, format := range []string{"text", "binary"} {
		b.Run(format, func(b *testing.B) {
			buf := make([]byte, 0, 256)
			b.ReportAllocs()
			for b.Loop() {
				buf = buf[:0]
				for i, e := range encs {
					var err error
					if format == "text" {
						buf, err = e.AppendText(buf, row[i])
					} else {
						buf, err = e.AppendBinary(buf, row[i])
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// TestBinaryParamsFromPgtype decodes parameters a client encodes in
// binary with pgtype and binds them, reading DuckDB's text back.
func TestBinaryParamsFromPgtype(t *testing.T) {
	db := openDB(t)
	m := pgtype.NewMap()
	for _, c := range []struct {
		oid      uint32
		value    any
		duckType string
		want     string
	}{
		{pgoid.Bool, true, "BOOLEAN", "true"},
		{pgoid.Int2, int16(-3), "SMALLINT", "-3"},
		{pgoid.Int4, int32(1 << 30), "INTEGER", "1073741824"},
		{pgoid.Int8, int64(math.MinInt64), "BIGINT", "-9223372036854775808"},
		{pgoid.Float4, float32(0.1), "FLOAT", "0.1"},
		{pgoid.Float8, math.Inf(1), "DOUBLE", "inf"},
		{pgoid.Numeric, pgtype.Numeric{Int: bigInt(-12345), Exp: -4, Valid: true}, "DECIMAL(10,4)", "-1.2345"},
		{pgoid.Numeric, pgtype.Numeric{Int: bigInt(5), Exp: 3, Valid: true}, "BIGINT", "5000"},
		{pgoid.Numeric, pgtype.Numeric{NaN: true, Valid: true}, "DOUBLE", "nan"},
		{pgoid.Text, "héllo", "VARCHAR", "héllo"},
		{pgoid.Bytea, []byte{0, 0xff}, "BLOB", `\x00\xFF`},
		{pgoid.UUID, [16]byte{0xa0, 0xee, 15: 0x11}, "UUID", "a0ee0000-0000-0000-0000-000000000011"},
		{pgoid.Date, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), "DATE", "2024-02-29"},
		{pgoid.Date, pgtype.Date{InfinityModifier: pgtype.Infinity, Valid: true}, "DATE", "infinity"},
		{pgoid.Timestamp, time.Date(1999, 12, 31, 23, 59, 59, 999999000, time.UTC), "TIMESTAMP", "1999-12-31 23:59:59.999999"},
		{pgoid.Timestamp, pgtype.Timestamp{InfinityModifier: pgtype.NegativeInfinity, Valid: true}, "TIMESTAMP", "-infinity"},
		{pgoid.TimestampTZ, time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("", 3600)), "TIMESTAMPTZ", "2024-01-02 02:04:05+00"},
		{pgoid.Time, pgtype.Time{Microseconds: 3723000001, Valid: true}, "TIME", "01:02:03.000001"},
		{pgoid.Interval, pgtype.Interval{Months: 14, Days: -3, Microseconds: 5, Valid: true}, "INTERVAL", "1 year 2 months -3 days 00:00:00.000005"},
		{1007, []*int32{ptr[int32](1), nil}, "INTEGER[]", "[1, NULL]"},
		{1009, []string{"a b", `"`}, "VARCHAR[]", `[a b, '"']`},
		{1016, [][]int64{{1, 2}, {3, 4}}, "BIGINT[][]", "[[1, 2], [3, 4]]"},
		{1182, []time.Time{time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}, "DATE[]", "[2024-01-02]"},
	} {
		data, err := m.Encode(c.oid, pgtype.BinaryFormatCode, c.value, nil)
		if err != nil {
			t.Fatalf("pgtype cannot encode %v as %d: %v", c.value, c.oid, err)
		}
		p, err := DecodeParam(data, 1, c.oid)
		if err != nil {
			t.Errorf("%d % x: %v", c.oid, data, err)
			continue
		}
		r, err := db.query("SELECT CAST($1 AS "+c.duckType+")::VARCHAR", p)
		if err != nil {
			t.Errorf("%d %v as %#v: %v", c.oid, c.value, p, err)
			continue
		}
		if got, _ := r.row[0].(string); got != c.want {
			t.Errorf("%d %v as %#v: got %s, want %s", c.oid, c.value, p, got, c.want)
		}
	}
}

// TestDriverListLimits pins the duckdb-go behaviour that makes
// DecodeParam return arrays as list literals rather than []any: binding
// a []any with a NULL element, or with elements of a Go type other than
// the parameter's element type, fails (or panics, which the helper
// turns into an error). If duckdb-go learns to bind these, this test
// fails and []any becomes an option.
func TestDriverListLimits(t *testing.T) {
	db := openDB(t)
	for _, c := range []struct {
		q   string
		arg any
	}{
		{"SELECT CAST($1 AS INTEGER[])", []any{int32(1), nil}},
		{"SELECT $1", []any{int32(1), nil}},
		{"SELECT CAST($1 AS INTEGER[])", []any{int64(1)}},
	} {
		if r, err := db.query(c.q, c.arg); err == nil {
			t.Errorf("%s with %#v: bound (%v); duckdb-go now binds such lists", c.q, c.arg, r.row)
		}
	}
	if _, err := db.query("SELECT CAST($1 AS INTEGER[])", []any{int32(1), int32(2)}); err != nil {
		t.Errorf("a list without NULLs of the exact element type: %v", err)
	}
}

func TestDuckDBType(t *testing.T) {
	for oid, want := range map[uint32]string{pgoid.Int2: "SMALLINT", pgoid.Text: "VARCHAR", pgoid.TimestampTZ: "TIMESTAMPTZ", pgoid.JSONB: "JSON", 0: "", 1007: ""} {
		if got := DuckDBType(oid); got != want {
			t.Errorf("DuckDBType(%d) = %q, want %q", oid, got, want)
		}
		if want != "" && ParamOID(want) == 0 {
			t.Errorf("%s does not map back to a PostgreSQL type", want)
		}
	}
}
