package pgtypes

import (
	"strings"
	"testing"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/pgoid"
)

// TestAppendText runs each expression in DuckDB, encodes the value it
// returns in text format and compares with what PostgreSQL 15 prints for
// the same value (DateStyle ISO, IntervalStyle postgres, TimeZone UTC,
// extra_float_digits 1). The expected strings are PostgreSQL's output as
// its documentation and regression tests (float4.out, float8.out,
// interval.out, arrays.out, json.out) show it.
func TestAppendText(t *testing.T) {
	db := openDB(t)
	db.exec("CREATE TYPE mood AS ENUM ('sad', 'happy')")
	for _, c := range []struct {
		expr string
		oid  uint32
		want string
	}{
		{"true", pgoid.Bool, "t"},
		{"false", pgoid.Bool, "f"},
		{"42::TINYINT", pgoid.Int2, "42"},
		{"255::UTINYINT", pgoid.Int2, "255"},
		{"(-32768)::SMALLINT", pgoid.Int2, "-32768"},
		{"65535::USMALLINT", pgoid.Int4, "65535"},
		{"(-2147483648)::INTEGER", pgoid.Int4, "-2147483648"},
		{"4294967295::UINTEGER", pgoid.Int8, "4294967295"},
		{"(-9223372036854775808)::BIGINT", pgoid.Int8, "-9223372036854775808"},
		{"18446744073709551615::UBIGINT", pgoid.Numeric, "18446744073709551615"},
		{"(-170141183460469231731687303715884105728)::HUGEINT", pgoid.Numeric, "-170141183460469231731687303715884105728"},
		{"340282366920938463463374607431768211455::UHUGEINT", pgoid.Numeric, "340282366920938463463374607431768211455"},
		{"'-123456789012345678901234567890123456789012'::BIGNUM", pgoid.Numeric, "-123456789012345678901234567890123456789012"},

		// float8.out and float4.out (PostgreSQL 12+, shortest round-trip).
		{"'1004.30'::DOUBLE", pgoid.Float8, "1004.3"},
		{"'-34.84'::DOUBLE", pgoid.Float8, "-34.84"},
		{"'1.2345678901234e+200'::DOUBLE", pgoid.Float8, "1.2345678901234e+200"},
		{"'1.2345678901234e-200'::DOUBLE", pgoid.Float8, "1.2345678901234e-200"},
		{"'0.0'::DOUBLE", pgoid.Float8, "0"},
		{"'-0.0'::DOUBLE", pgoid.Float8, "-0"},
		{"1e15::DOUBLE", pgoid.Float8, "1e+15"},
		{"123456789012345::DOUBLE", pgoid.Float8, "123456789012345"},
		{"1e-5::DOUBLE", pgoid.Float8, "1e-05"},
		{"0.0001::DOUBLE", pgoid.Float8, "0.0001"},
		{"0.1::DOUBLE", pgoid.Float8, "0.1"},
		{"1e100::DOUBLE", pgoid.Float8, "1e+100"},
		{"'1.7976931348623157e+308'::DOUBLE", pgoid.Float8, "1.7976931348623157e+308"},
		{"'5e-324'::DOUBLE", pgoid.Float8, "5e-324"},
		{"'nan'::DOUBLE", pgoid.Float8, "NaN"},
		{"'inf'::DOUBLE", pgoid.Float8, "Infinity"},
		{"'-inf'::DOUBLE", pgoid.Float8, "-Infinity"},
		{"'1004.3'::FLOAT", pgoid.Float4, "1004.3"},
		{"'-34.84'::FLOAT", pgoid.Float4, "-34.84"},
		{"'1.2345678901234e+20'::FLOAT", pgoid.Float4, "1.2345679e+20"},
		{"'1.2345678901234e-20'::FLOAT", pgoid.Float4, "1.2345679e-20"},
		{"'100000'::FLOAT", pgoid.Float4, "100000"},
		{"'1e6'::FLOAT", pgoid.Float4, "1e+06"},
		{"'nan'::FLOAT", pgoid.Float4, "NaN"},

		// numeric prints its full scale.
		{"1.5::DECIMAL(10,2)", pgoid.Numeric, "1.50"},
		{"(-0.005)::DECIMAL(10,3)", pgoid.Numeric, "-0.005"},
		{"0::DECIMAL(4,2)", pgoid.Numeric, "0.00"},
		{"7::DECIMAL(4,0)", pgoid.Numeric, "7"},
		{"12345678901234567890.123456789::DECIMAL(38,9)", pgoid.Numeric, "12345678901234567890.123456789"},
		{"(-99999999999999999999999999999.999999999)::DECIMAL(38,9)", pgoid.Numeric, "-99999999999999999999999999999.999999999"},

		{"'héllo wörld'", pgoid.Text, "héllo wörld"},
		{"''", pgoid.Text, ""},
		{`'\xDE\xAD\xBE\xEF'::BLOB`, pgoid.Bytea, `\xdeadbeef`},
		{"''::BLOB", pgoid.Bytea, `\x`},
		{"'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::UUID", pgoid.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},

		{"DATE '1997-12-17'", pgoid.Date, "1997-12-17"},
		{"'0044-03-15 (BC)'::DATE", pgoid.Date, "0044-03-15 BC"},
		{"'0001-01-01 (BC)'::DATE", pgoid.Date, "0001-01-01 BC"},
		{"'10000-01-01'::DATE", pgoid.Date, "10000-01-01"},
		{"'infinity'::DATE", pgoid.Date, "infinity"},
		{"'-infinity'::DATE", pgoid.Date, "-infinity"},
		{"TIMESTAMP '2024-01-02 03:04:05.123'", pgoid.Timestamp, "2024-01-02 03:04:05.123"},
		{"TIMESTAMP '2024-01-02'", pgoid.Timestamp, "2024-01-02 00:00:00"},
		{"TIMESTAMP '1999-01-08 04:05:06.000001'", pgoid.Timestamp, "1999-01-08 04:05:06.000001"},
		{"'0044-03-15 (BC) 10:00:00'::TIMESTAMP", pgoid.Timestamp, "0044-03-15 10:00:00 BC"},
		{"'infinity'::TIMESTAMP", pgoid.Timestamp, "infinity"},
		{"'-infinity'::TIMESTAMP", pgoid.Timestamp, "-infinity"},
		{"'2024-01-02 03:04:05.123456789'::TIMESTAMP_NS", pgoid.Timestamp, "2024-01-02 03:04:05.123456"},
		{"'infinity'::TIMESTAMP_NS", pgoid.Timestamp, "infinity"},
		{"'-infinity'::TIMESTAMP_NS", pgoid.Timestamp, "-infinity"},
		{"'2024-01-02 03:04:05.123'::TIMESTAMP_MS", pgoid.Timestamp, "2024-01-02 03:04:05.123"},
		{"'infinity'::TIMESTAMP_MS", pgoid.Timestamp, "infinity"},
		{"'2024-01-02 03:04:05'::TIMESTAMP_S", pgoid.Timestamp, "2024-01-02 03:04:05"},
		{"'-infinity'::TIMESTAMP_S", pgoid.Timestamp, "-infinity"},
		{"TIMESTAMPTZ '2024-01-02 03:04:05.5+02'", pgoid.TimestampTZ, "2024-01-02 01:04:05.5+00"},
		{"'0044-03-15 (BC) 10:00:00+00'::TIMESTAMPTZ", pgoid.TimestampTZ, "0044-03-15 10:00:00+00 BC"},
		{"'infinity'::TIMESTAMPTZ", pgoid.TimestampTZ, "infinity"},
		{"'-infinity'::TIMESTAMPTZ", pgoid.TimestampTZ, "-infinity"},
		{"TIME '04:05:06.789'", pgoid.Time, "04:05:06.789"},
		{"TIME '00:00:00'", pgoid.Time, "00:00:00"},
		{"'04:05:06-08:00'::TIMETZ", pgoid.TimeTZ, "04:05:06-08"},
		{"'01:02:03.25+05:30'::TIMETZ", pgoid.TimeTZ, "01:02:03.25+05:30"},
		{"'01:02:03+00'::TIMETZ", pgoid.TimeTZ, "01:02:03+00"},

		// The interval style examples of the PostgreSQL documentation
		// (8.5.5) and interval.out.
		{"INTERVAL '1 year 2 months'", pgoid.Interval, "1 year 2 mons"},
		{"INTERVAL '3 days 04:05:06'", pgoid.Interval, "3 days 04:05:06"},
		{"to_months(-14) + to_days(3) + to_microseconds(-14706000000)", pgoid.Interval, "-1 years -2 mons +3 days -04:05:06"},
		{"INTERVAL '1 year 2 months 3 days 04:05:06.5'", pgoid.Interval, "1 year 2 mons 3 days 04:05:06.5"},
		{"INTERVAL 0 DAY", pgoid.Interval, "00:00:00"},
		{"INTERVAL 1 DAY", pgoid.Interval, "1 day"},
		{"-INTERVAL 1 DAY", pgoid.Interval, "-1 days"},
		{"to_days(-1) + to_hours(2)", pgoid.Interval, "-1 days +02:00:00"},
		{"to_days(1) - to_hours(2)", pgoid.Interval, "1 day -02:00:00"},
		{"to_months(1) - to_days(40)", pgoid.Interval, "1 mon -40 days"},
		{"INTERVAL 100 HOUR", pgoid.Interval, "100:00:00"},
		{"-INTERVAL 1 MICROSECOND", pgoid.Interval, "-00:00:00.000001"},
		{"to_months(12)", pgoid.Interval, "1 year"},

		// One-dimensional arrays, quoted as array_out quotes.
		{"[1, 2, NULL]", 1007, "{1,2,NULL}"},
		{"[1, 2]::INTEGER[2]", 1007, "{1,2}"},
		{"[]::INTEGER[]", 1007, "{}"},
		{`['a b', '', 'NULL', 'null', 'x"y', 'back\slash', '{}', 'plain', 'a,b', ' lead', 'new' || chr(10) || 'line']`, 1009,
			`{"a b","","NULL","null","x\"y","back\\slash","{}",plain,"a,b"," lead","new` + "\n" + `line"}`},
		{"[1.5, 'nan'::DOUBLE, 'inf'::DOUBLE]", 1022, "{1.5,NaN,Infinity}"},
		{"[TIMESTAMP '2024-01-02 03:04:05', NULL]", 1115, `{"2024-01-02 03:04:05",NULL}`},
		{"[DATE '2024-01-02', '0044-03-15 (BC)'::DATE]", 1182, `{2024-01-02,"0044-03-15 BC"}`},
		{`['\x0a'::BLOB]`, 1001, `{"\\x0a"}`},
		{"[1.5::DECIMAL(4,2)]", 1231, "{1.50}"},
		{"[true, false]", 1000, "{t,f}"},
		{"[UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11']", 2951, "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}"},
		{"[INTERVAL 1 DAY]", 1187, `{"1 day"}`},
		{"[TIMESTAMPTZ '2024-01-02 03:04:05+00']", 1185, `{"2024-01-02 03:04:05+00"}`},
		{"['1'::JSON, '{\"a\": [1, \"x\"]}'::JSON]", 1009, `{1,"{\"a\":[1,\"x\"]}"}`}, // duckdb-go calls JSON[] VARCHAR[]

		// json: structs, maps and nested lists, written as to_json would.
		{"{'a': 1, 'b': 'x'}", pgoid.JSON, `{"a":1,"b":"x"}`},
		{"{'b': 1, 'a': 2}", pgoid.JSON, `{"b":1,"a":2}`},
		{"{'a': NULL, 'b': [1, NULL]}", pgoid.JSON, `{"a":null,"b":[1,null]}`},
		{"MAP {'k': 1, 'j': 2}", pgoid.JSON, `{"k":1,"j":2}`},
		{"MAP {1: 'a', 2: NULL}", pgoid.JSON, `{"1":"a","2":null}`},
		{"MAP {DATE '2024-01-02': true}", pgoid.JSON, `{"2024-01-02":true}`},
		{"[[1, 2], [3]]", pgoid.JSON, "[[1,2],[3]]"},
		{"[{'a': 1}]", pgoid.JSON, `[{"a":1}]`},
		{"[['a b']]", pgoid.JSON, `[["a b"]]`},
		{"{'d': DATE '2024-01-02', 'ts': TIMESTAMP '2024-01-02 03:04:05.5', 'tz': TIMESTAMPTZ '2024-01-02 03:04:05+00', 't': TIME '01:02:03'}",
			pgoid.JSON, `{"d":"2024-01-02","ts":"2024-01-02T03:04:05.5","tz":"2024-01-02T03:04:05+00:00","t":"01:02:03"}`},
		{`{'f': 'nan'::DOUBLE, 'g': 1.5::DOUBLE, 'h': 1e20::DOUBLE, 'r': 0.5::FLOAT, 'dec': 1.50::DECIMAL(5,2), 'big': 12345678901234567890123::HUGEINT}`,
			pgoid.JSON, `{"f":"NaN","g":1.5,"h":1e+20,"r":0.5,"dec":1.50,"big":12345678901234567890123}`},
		{`{'bl': '\x0a'::BLOB, 'iv': INTERVAL 1 DAY, 'u': UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'b': true}`,
			pgoid.JSON, `{"bl":"\\x0a","iv":"1 day","u":"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","b":true}`},
		{`{'s': 'tab' || chr(9) || 'quote"back\slash' || chr(1)}`, pgoid.JSON, `{"s":"tab\tquote\"back\\slash\u0001"}`},
		{`{'u': union_value(n := 2)::UNION(n INTEGER, s VARCHAR)}`, pgoid.JSON, `{"u":2}`},
		{`'{"b": 2, "a": [1, 2.5, null, "s"]}'::JSON`, pgoid.JSON, `{"a":[1,2.5,null,"s"],"b":2}`},
		{`'"just a string"'::JSON`, pgoid.JSON, `"just a string"`},
		{`{'j': '{"x": 1}'::JSON}`, pgoid.JSON, `{"j":{"x":1}}`},

		// Types PostgreSQL lacks are text, as DuckDB prints them.
		{"'sad'::mood", pgoid.Text, "sad"},
		{"union_value(a := 1)::UNION(a INTEGER, b VARCHAR)", pgoid.Text, "1"},
		{"'101'::BIT", pgoid.Text, "101"},
	} {
		v, typ := db.value(c.expr)
		e := NewEncoder(typ)
		if e.OID() != c.oid {
			t.Errorf("%s (%s): OID %d, want %d", c.expr, typ, e.OID(), c.oid)
		}
		got, err := e.AppendText([]byte("prefix"), v)
		if err != nil {
			t.Errorf("%s (%s, %T): %v", c.expr, typ, v, err)
			continue
		}
		if !strings.HasPrefix(string(got), "prefix") {
			t.Errorf("%s: AppendText lost what dst held: %q", c.expr, got)
		}
		if s := strings.TrimPrefix(string(got), "prefix"); s != c.want {
			t.Errorf("%s (%s, %T):\n got %s\nwant %s", c.expr, typ, v, s, c.want)
		}
	}
}

// TestAppendTextGoValues covers values DuckDB results do not produce in
// the shape wanted: offsets with seconds, Go locations other than UTC,
// and values of a Go type the column's type cannot hold.
func TestAppendTextGoValues(t *testing.T) {
	for _, c := range []struct {
		duckType string
		v        any
		want     string
		err      bool
	}{
		{"TIMETZ", time.Date(1, 1, 1, 1, 2, 3, 0, time.FixedZone("", -(8*3600+30*60+15))), "01:02:03-08:30:15", false},
		{"TIMESTAMPTZ", time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("", 3600)), "2024-01-02 02:04:05+00", false},
		{"INTERVAL", duckdb.Interval{Months: -1}, "-1 mons", false},
		{"INTERVAL", duckdb.Interval{Months: 25, Days: 1, Micros: 1}, "2 years 1 mon 1 day 00:00:00.000001", false},
		{"INTEGER", int64(7), "7", false}, // described INTEGER, bound as BIGINT
		{"BIGINT", uint64(18446744073709551615), "18446744073709551615", false},
		{"DECIMAL(10,2)", int32(3), "3", false},
		{"UUID", duckdb.UUID{0xa0, 0xee}, "a0ee0000-0000-0000-0000-000000000000", false},
		{"VARCHAR", "x", "x", false},
		{"VARCHAR", int32(1), "", true},
		{"INTEGER", "1", "", true},
		{"DATE", "2024-01-02", "", true},
		{"INTEGER[]", int32(1), "", true},
		{"DOUBLE", int32(1), "", true},
		{"BOOLEAN", 1, "", true},
		{"UUID", []byte{1, 2}, "", true},
	} {
		got, err := NewEncoder(c.duckType).AppendText(nil, c.v)
		switch {
		case c.err && err == nil:
			t.Errorf("%s %T: got %q, want an error", c.duckType, c.v, got)
		case !c.err && err != nil:
			t.Errorf("%s %T: %v", c.duckType, c.v, err)
		case !c.err && string(got) != c.want:
			t.Errorf("%s %T: got %q, want %q", c.duckType, c.v, got, c.want)
		}
	}
}

// TestAppendFloatThresholds checks the switch between fixed and
// exponent notation at PostgreSQL's thresholds (d2s.c: exponent -4 to
// 14 fixed; f2s.c: -4 to 5).
func TestAppendFloatThresholds(t *testing.T) {
	for _, c := range []struct {
		f    float64
		bits int
		want string
	}{
		{1e14, 64, "100000000000000"},
		{1e15, 64, "1e+15"},
		{999999999999999, 64, "999999999999999"},
		{1.5e15, 64, "1.5e+15"},
		{0.0001, 64, "0.0001"},
		{0.00012345, 64, "0.00012345"},
		{0.00001, 64, "1e-05"},
		{-1.5e-7, 64, "-1.5e-07"},
		{123.456, 64, "123.456"},
		{100000, 32, "100000"},
		{999999, 32, "999999"},
		{1e6, 32, "1e+06"},
		{0.0001, 32, "0.0001"},
		{0.00001, 32, "1e-05"},
		{float64(float32(3.14159)), 32, "3.14159"},
	} {
		if got := string(appendFloat(nil, c.f, c.bits)); got != c.want {
			t.Errorf("appendFloat(%v, %d) = %q, want %q", c.f, c.bits, got, c.want)
		}
	}
}

func TestEncoderDescribes(t *testing.T) {
	for _, c := range []struct {
		duckType string
		oid      uint32
		typmod   int32
		size     int16
		binary   bool
	}{
		{"INTEGER", pgoid.Int4, -1, 4, true},
		{"BIGINT", pgoid.Int8, -1, 8, true},
		{"BOOLEAN", pgoid.Bool, -1, 1, true},
		{"VARCHAR", pgoid.Text, -1, -1, true},
		{"DECIMAL(18,3)", pgoid.Numeric, 18<<16 | 3 + 4, -1, true},
		{"INTERVAL", pgoid.Interval, -1, 16, true},
		{"UUID", pgoid.UUID, -1, 16, true},
		{"TIMETZ", pgoid.TimeTZ, -1, 12, true},
		{"DECIMAL(10,2)[]", 1231, 10<<16 | 2 + 4, -1, true},
		{"STRUCT(a INTEGER)", pgoid.JSON, -1, -1, true},
		{"ENUM", pgoid.Text, -1, -1, true},
	} {
		e := NewEncoder(c.duckType)
		if e.OID() != c.oid || e.Typmod() != c.typmod || e.Size() != c.size || e.CanBinary() != c.binary {
			t.Errorf("%s: OID %d typmod %d size %d binary %v, want %d %d %d %v",
				c.duckType, e.OID(), e.Typmod(), e.Size(), e.CanBinary(), c.oid, c.typmod, c.size, c.binary)
		}
	}
	if NewEncoder("INTEGER") != NewEncoder("INTEGER") {
		t.Error("NewEncoder does not reuse encoders")
	}
}

// TestNumericFromText covers a numeric column whose value arrives as the
// decimal text of a parameter DuckDB could not type.
func TestNumericFromText(t *testing.T) {
	e := NewEncoder("DECIMAL(38,10)")
	for in, want := range map[string]string{"1.50": "1.50", "-0.25": "-0.25", "42": "42"} {
		got, err := e.AppendText(nil, in)
		if err != nil || string(got) != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
		if _, err := e.AppendBinary(nil, in); err != nil {
			t.Errorf("%q binary: %v", in, err)
		}
	}
	for _, bad := range []string{"", "1.", "abc", "1e5", "--1"} {
		if _, err := e.AppendText(nil, bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
