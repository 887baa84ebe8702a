package pgtypes

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// show renders decoded values so that equal values print alike:
// pointers followed, times in UTC, numerics as exact fractions, floats
// with NaN.
func show(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return "bytes:" + hex.EncodeToString(x)
	case time.Time:
		return x.UTC().Format("2006-01-02 15:04:05.999999999")
	case pgtype.Date:
		return showInf(x.InfinityModifier, x.Time)
	case pgtype.Timestamp:
		return showInf(x.InfinityModifier, x.Time)
	case pgtype.Timestamptz:
		return showInf(x.InfinityModifier, x.Time)
	case pgtype.Numeric:
		switch {
		case !x.Valid:
			return "NULL"
		case x.NaN:
			return "NaN"
		case x.InfinityModifier != pgtype.Finite:
			return fmt.Sprint(x.InfinityModifier)
		}
		return numericRat(x).RatString()
	case pgtype.Time:
		return fmt.Sprintf("time:%dus", x.Microseconds)
	case pgtype.Interval:
		return fmt.Sprintf("interval:%dmon/%dd/%dus", x.Months, x.Days, x.Microseconds)
	case pgtype.UUID:
		return "uuid:" + hex.EncodeToString(x.Bytes[:])
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case map[string]any:
		b, _ := json.Marshal(x)
		return string(b)
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Pointer:
		if r.IsNil() {
			return "NULL"
		}
		return show(r.Elem().Interface())
	case reflect.Slice:
		parts := make([]string, r.Len())
		for i := range parts {
			parts[i] = show(r.Index(i).Interface())
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	return fmt.Sprintf("%T:%v", v, v)
}

func showInf(m pgtype.InfinityModifier, t time.Time) string {
	if m != pgtype.Finite {
		return m.String()
	}
	return show(t)
}

func numericRat(n pgtype.Numeric) *big.Rat {
	r := new(big.Rat).SetInt(n.Int)
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(n.Exp))), nil))
	if n.Exp < 0 {
		return r.Quo(r, scale)
	}
	return r.Mul(r, scale)
}

func abs(n int32) int32 {
	if n < 0 {
		return -n
	}
	return n
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func ptr[T any](v T) *T { return &v }

// TestBinaryRoundTrip runs each expression in DuckDB, encodes the value
// in binary format and decodes it with pgx's pgtype, a PostgreSQL
// client's decoder; the result must be the value the expression stands
// for. The text encoding must decode to the same value through pgtype's
// text decoder.
func TestBinaryRoundTrip(t *testing.T) {
	db := openDB(t)
	db.exec("CREATE TYPE mood AS ENUM ('sad', 'happy')")
	m := pgtype.NewMap()
	inf, ninf := pgtype.Infinity, pgtype.NegativeInfinity
	for _, c := range []struct {
		expr string
		dst  func() any // a new pointer to decode into
		want any
	}{
		{"true", func() any { return new(bool) }, true},
		{"(-7)::TINYINT", func() any { return new(int16) }, int16(-7)},
		{"255::UTINYINT", func() any { return new(int16) }, int16(255)},
		{"65535::USMALLINT", func() any { return new(int32) }, int32(65535)},
		{"(-2147483648)::INTEGER", func() any { return new(int32) }, int32(math.MinInt32)},
		{"4294967295::UINTEGER", func() any { return new(int64) }, int64(math.MaxUint32)},
		{"(-9223372036854775808)::BIGINT", func() any { return new(int64) }, int64(math.MinInt64)},
		{"'1.5'::FLOAT", func() any { return new(float32) }, float32(1.5)},
		{"'1e-300'::DOUBLE", func() any { return new(float64) }, 1e-300},
		{"'nan'::DOUBLE", func() any { return new(float64) }, math.NaN()},
		{"'-inf'::DOUBLE", func() any { return new(float64) }, math.Inf(-1)},
		{"'héllo'", func() any { return new(string) }, "héllo"},
		{"'sad'::mood", func() any { return new(string) }, "sad"},
		{"'101'::BIT", func() any { return new(string) }, "101"},
		{`'\x00\xFFab'::BLOB`, func() any { return new([]byte) }, []byte{0, 0xff, 'a', 'b'}},
		{"'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::UUID", func() any { return new(pgtype.UUID) },
			pgtype.UUID{Bytes: [16]byte{0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11}, Valid: true}},

		{"1.50::DECIMAL(10,2)", func() any { return new(pgtype.Numeric) }, pgtype.Numeric{Int: big.NewInt(15), Exp: -1, Valid: true}},
		{"(-0.005)::DECIMAL(10,3)", func() any { return new(pgtype.Numeric) }, pgtype.Numeric{Int: big.NewInt(-5), Exp: -3, Valid: true}},
		{"0::DECIMAL(4,2)", func() any { return new(pgtype.Numeric) }, pgtype.Numeric{Int: big.NewInt(0), Valid: true}},
		{"10000.0001::DECIMAL(18,4)", func() any { return new(pgtype.Numeric) }, pgtype.Numeric{Int: big.NewInt(100000001), Exp: -4, Valid: true}},
		{"0.00001::DECIMAL(10,5)", func() any { return new(pgtype.Numeric) }, pgtype.Numeric{Int: big.NewInt(1), Exp: -5, Valid: true}},
		{"123456789.123456789::DECIMAL(38,9)", func() any { return new(pgtype.Numeric) }, pgtype.Numeric{Int: big.NewInt(123456789123456789), Exp: -9, Valid: true}},
		{"18446744073709551615::UBIGINT", func() any { return new(pgtype.Numeric) }, pgtype.Numeric{Int: new(big.Int).SetUint64(math.MaxUint64), Valid: true}},
		{"(-170141183460469231731687303715884105728)::HUGEINT", func() any { return new(pgtype.Numeric) },
			pgtype.Numeric{Int: new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 127)), Valid: true}},
		{"100000000::BIGNUM", func() any { return new(pgtype.Numeric) }, pgtype.Numeric{Int: big.NewInt(100000000), Valid: true}},

		{"DATE '2024-01-02'", func() any { return new(pgtype.Date) }, pgtype.Date{Time: date(2024, 1, 2), Valid: true}},
		{"DATE '1970-01-01'", func() any { return new(pgtype.Date) }, pgtype.Date{Time: date(1970, 1, 1), Valid: true}},
		{"'0044-03-15 (BC)'::DATE", func() any { return new(pgtype.Date) }, pgtype.Date{Time: date(-43, 3, 15), Valid: true}},
		{"'infinity'::DATE", func() any { return new(pgtype.Date) }, pgtype.Date{InfinityModifier: inf, Valid: true}},
		{"'-infinity'::DATE", func() any { return new(pgtype.Date) }, pgtype.Date{InfinityModifier: ninf, Valid: true}},
		{"TIMESTAMP '2024-01-02 03:04:05.123456'", func() any { return new(pgtype.Timestamp) },
			pgtype.Timestamp{Time: time.Date(2024, 1, 2, 3, 4, 5, 123456000, time.UTC), Valid: true}},
		{"TIMESTAMP '1999-12-31 23:59:59.999999'", func() any { return new(pgtype.Timestamp) },
			pgtype.Timestamp{Time: time.Date(1999, 12, 31, 23, 59, 59, 999999000, time.UTC), Valid: true}},
		{"'2024-01-02 03:04:05.123456789'::TIMESTAMP_NS", func() any { return new(pgtype.Timestamp) },
			pgtype.Timestamp{Time: time.Date(2024, 1, 2, 3, 4, 5, 123456000, time.UTC), Valid: true}},
		{"'2024-01-02 03:04:05'::TIMESTAMP_S", func() any { return new(pgtype.Timestamp) },
			pgtype.Timestamp{Time: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), Valid: true}},
		{"'infinity'::TIMESTAMP", func() any { return new(pgtype.Timestamp) }, pgtype.Timestamp{InfinityModifier: inf, Valid: true}},
		{"'-infinity'::TIMESTAMP_MS", func() any { return new(pgtype.Timestamp) }, pgtype.Timestamp{InfinityModifier: ninf, Valid: true}},
		{"TIMESTAMPTZ '2024-01-02 03:04:05.5+02'", func() any { return new(pgtype.Timestamptz) },
			pgtype.Timestamptz{Time: time.Date(2024, 1, 2, 1, 4, 5, 500000000, time.UTC), Valid: true}},
		{"'-infinity'::TIMESTAMPTZ", func() any { return new(pgtype.Timestamptz) }, pgtype.Timestamptz{InfinityModifier: ninf, Valid: true}},
		{"TIME '04:05:06.789'", func() any { return new(pgtype.Time) }, pgtype.Time{Microseconds: (4*3600+5*60+6)*1e6 + 789000, Valid: true}},
		{"INTERVAL '1 year 2 months 3 days 04:05:06.5'", func() any { return new(pgtype.Interval) },
			pgtype.Interval{Months: 14, Days: 3, Microseconds: 14706500000, Valid: true}},
		{"to_months(-1) - to_days(2) - to_microseconds(3)", func() any { return new(pgtype.Interval) },
			pgtype.Interval{Months: -1, Days: -2, Microseconds: -3, Valid: true}},

		{"[1, 2, NULL]", func() any { return new([]*int32) }, []*int32{ptr[int32](1), ptr[int32](2), nil}},
		{"[]::INTEGER[]", func() any { return new([]*int32) }, []*int32{}},
		{"[1, 2, 3]::BIGINT[3]", func() any { return new([]int64) }, []int64{1, 2, 3}},
		{"['a', NULL, 'b c']", func() any { return new([]*string) }, []*string{ptr("a"), nil, ptr("b c")}},
		{"[1.5, 'nan'::DOUBLE]", func() any { return new([]float64) }, []float64{1.5, math.NaN()}},
		{"[true, false]", func() any { return new([]bool) }, []bool{true, false}},
		{"[DATE '2024-01-02', 'infinity'::DATE]", func() any { return new([]pgtype.Date) },
			[]pgtype.Date{{Time: date(2024, 1, 2), Valid: true}, {InfinityModifier: inf, Valid: true}}},
		{"[1.5::DECIMAL(4,2), NULL]", func() any { return new([]pgtype.Numeric) },
			[]pgtype.Numeric{{Int: big.NewInt(15), Exp: -1, Valid: true}, {}}},
		{"[TIMESTAMP '2024-01-02 03:04:05']", func() any { return new([]pgtype.Timestamp) },
			[]pgtype.Timestamp{{Time: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), Valid: true}}},
		{`['\x0a'::BLOB, ''::BLOB]`, func() any { return new([][]byte) }, [][]byte{{0x0a}, {}}},
		{"[INTERVAL 1 DAY]", func() any { return new([]pgtype.Interval) }, []pgtype.Interval{{Days: 1, Valid: true}}},
		{"[UUID '00000000-0000-0000-0000-000000000001']", func() any { return new([]pgtype.UUID) },
			[]pgtype.UUID{{Bytes: [16]byte{15: 1}, Valid: true}}},
	} {
		v, typ := db.value(c.expr)
		e := NewEncoder(typ)
		bin, err := e.AppendBinary(nil, v)
		if err != nil {
			t.Errorf("%s (%s): AppendBinary: %v", c.expr, typ, err)
			continue
		}
		dst := c.dst()
		if err := m.Scan(e.OID(), pgtype.BinaryFormatCode, bin, dst); err != nil {
			t.Errorf("%s (%s): pgtype cannot read the binary form % x: %v", c.expr, typ, bin, err)
			continue
		}
		if got, want := show(dst), show(c.want); got != want {
			t.Errorf("%s (%s): binary decodes to\n %s\nwant\n %s", c.expr, typ, got, want)
		}
		text, err := e.AppendText(nil, v)
		if err != nil {
			t.Errorf("%s (%s): AppendText: %v", c.expr, typ, err)
			continue
		}
		dst = c.dst()
		if err := m.Scan(e.OID(), pgtype.TextFormatCode, text, dst); err != nil {
			t.Errorf("%s (%s): pgtype cannot read the text form %q: %v", c.expr, typ, text, err)
			continue
		}
		if got, want := show(dst), show(c.want); got != want {
			t.Errorf("%s (%s): text %q decodes to\n %s\nwant\n %s", c.expr, typ, text, got, want)
		}
	}
}

// TestNumericBinaryScale checks the header of the binary numeric: the
// display scale is the decimal's scale, so clients show 1.50 as 1.50;
// leading and trailing zero digits are left out as numeric_send does.
func TestNumericBinaryScale(t *testing.T) {
	db := openDB(t)
	for _, c := range []struct {
		expr                          string
		ndigits, weight, sign, dscale int
		digits                        []int
	}{
		{"1.50::DECIMAL(10,2)", 2, 0, 0, 2, []int{1, 5000}},
		{"(-12345.6789)::DECIMAL(18,4)", 3, 1, 0x4000, 4, []int{1, 2345, 6789}},
		{"0::DECIMAL(10,3)", 0, 0, 0, 3, nil},
		{"100000000::BIGINT::DECIMAL(18,0)", 1, 2, 0, 0, []int{1}},
		{"0.00001::DECIMAL(10,5)", 1, -2, 0, 5, []int{1000}},
	} {
		v, typ := db.value(c.expr)
		bin, err := NewEncoder(typ).AppendBinary(nil, v)
		if err != nil {
			t.Fatalf("%s: %v", c.expr, err)
		}
		word := func(i int) int { return int(int16(binary.BigEndian.Uint16(bin[2*i:]))) }
		got := []int{word(0), word(1), int(binary.BigEndian.Uint16(bin[4:])), word(3)}
		want := []int{c.ndigits, c.weight, c.sign, c.dscale}
		var digits []int
		for i := 4; 2*i < len(bin); i++ {
			digits = append(digits, word(i))
		}
		if fmt.Sprint(got, digits) != fmt.Sprint(want, c.digits) {
			t.Errorf("%s: header %v digits %v, want %v %v", c.expr, got, digits, want, c.digits)
		}
	}
}

// TestTimeTZBinary checks timetz, which pgtype has no codec for: the
// microseconds of the day, then the zone in seconds west of UTC.
func TestTimeTZBinary(t *testing.T) {
	db := openDB(t)
	v, typ := db.value("'01:02:03.5+05:30'::TIMETZ")
	bin, err := NewEncoder(typ).AppendBinary(nil, v)
	if err != nil {
		t.Fatal(err)
	}
	us := int64(binary.BigEndian.Uint64(bin))
	zone := int32(binary.BigEndian.Uint32(bin[8:]))
	if len(bin) != 12 || us != 3723500000 || zone != -19800 {
		t.Errorf("timetz binary % x: %dus zone %d, want 3723500000us zone -19800", bin, us, zone)
	}
}

// TestJSONMatchesDuckDB compares JSON columns with DuckDB's own to_json
// for values both write alike (numbers, strings, booleans, nulls,
// nesting): the same JSON value, whatever the spacing.
func TestJSONMatchesDuckDB(t *testing.T) {
	db := openDB(t)
	m := pgtype.NewMap()
	for _, expr := range []string{
		"{'a': 1, 'b': 'x', 'c': [1, 2, NULL], 'd': {'e': true, 'f': NULL}}",
		"[[1, 2], [], NULL]",
		"[{'k': 'v'}, {'k': 'w'}]",
		"MAP {'x': [1.5, 2.25]}",
		"{'quote': '\"', 'backslash': '\\', 'unicode': 'é€'}",
	} {
		v, typ := db.value(expr)
		e := NewEncoder(typ)
		bin, err := e.AppendBinary(nil, v)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		var got any
		if err := m.Scan(e.OID(), pgtype.BinaryFormatCode, bin, &got); err != nil {
			t.Fatalf("%s: pgtype cannot read %s: %v", expr, bin, err)
		}
		var want any
		if err := json.Unmarshal([]byte(db.text("to_json("+expr+")")), &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: JSON %s reads as %v, DuckDB's to_json as %v", expr, bin, got, want)
		}
	}
}

// TestBinaryRangeErrors checks that values too wide for the announced
// type are refused, not wrapped.
func TestBinaryRangeErrors(t *testing.T) {
	for _, c := range []struct {
		duckType string
		v        any
	}{
		{"SMALLINT", int32(40000)},
		{"INTEGER", int64(math.MaxInt32 + 1)},
		{"BIGINT", uint64(math.MaxUint64)},
		{"BIGINT", new(big.Int).Lsh(big.NewInt(1), 70)},
		{"INTEGER", "12"},
		{"DATE", int32(1)},
		{"TIMESTAMP", time.Date(-290308, 12, 22, 0, 0, 0, 0, time.UTC)}, // before PostgreSQL's range
		{"DATE", date(-5877641, 6, 25)},                                 // DuckDB's first date
	} {
		if b, err := NewEncoder(c.duckType).AppendBinary(nil, c.v); err == nil {
			t.Errorf("%s %v: encoded as % x, want an error", c.duckType, c.v, b)
		}
	}
	for _, c := range []struct {
		duckType string
		v        any
	}{
		{"SMALLINT", int32(-32768)},
		{"INTEGER", uint32(math.MaxInt32)},
		{"BIGINT", uint64(math.MaxInt64)},
		{"BIGINT", big.NewInt(5)},
	} {
		if _, err := NewEncoder(c.duckType).AppendBinary(nil, c.v); err != nil {
			t.Errorf("%s %v: %v", c.duckType, c.v, err)
		}
	}
}
