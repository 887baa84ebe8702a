package pgoid

import (
	"strconv"
	"strings"
)

// Column is how a DuckDB column looks to a PostgreSQL client: its type OID
// and type modifier (-1 when there is none).
type Column struct {
	OID    uint32
	Typmod int32
}

// scalars maps DuckDB scalar type names to PostgreSQL types. Unsigned and
// huge integers widen to the next PostgreSQL type that holds every value.
var scalars = map[string]uint32{
	"BOOLEAN":                  Bool,
	"TINYINT":                  Int2,
	"SMALLINT":                 Int2,
	"UTINYINT":                 Int2,
	"INTEGER":                  Int4,
	"USMALLINT":                Int4,
	"BIGINT":                   Int8,
	"UINTEGER":                 Int8,
	"UBIGINT":                  Numeric,
	"HUGEINT":                  Numeric,
	"UHUGEINT":                 Numeric,
	"BIGNUM":                   Numeric,
	"VARINT":                   Numeric,
	"FLOAT":                    Float4,
	"DOUBLE":                   Float8,
	"VARCHAR":                  Text,
	"BLOB":                     Bytea,
	"DATE":                     Date,
	"TIME":                     Time,
	"TIME_NS":                  Time,
	"TIME WITH TIME ZONE":      TimeTZ,
	"TIMETZ":                   TimeTZ,
	"TIMESTAMP":                Timestamp,
	"TIMESTAMP_S":              Timestamp,
	"TIMESTAMP_MS":             Timestamp,
	"TIMESTAMP_NS":             Timestamp,
	"TIMESTAMP WITH TIME ZONE": TimestampTZ,
	"TIMESTAMPTZ":              TimestampTZ,
	"DECIMAL":                  Numeric,
	"INTERVAL":                 Interval,
	"UUID":                     UUID,
	"JSON":                     JSON,
}

// ForDuckDB maps a DuckDB type, spelled as DuckDB spells it ("INTEGER",
// "DECIMAL(18,3)", "VARCHAR[]", "STRUCT(a INTEGER)"; both the catalog's
// "TIMESTAMP WITH TIME ZONE" and the driver's "TIMESTAMPTZ"), to the PostgreSQL
// type a client sees. Types PostgreSQL has no twin for are never given an
// invented OID: structs, maps, nested lists and lists of types without a
// PostgreSQL array become json; enums, unions, bit strings and anything
// unrecognised become text.
func ForDuckDB(duckType string) Column {
	t := strings.TrimSpace(duckType)
	if elem, ok := cutList(t); ok {
		e := ForDuckDB(elem)
		if _, nested := cutList(elem); nested || e.OID == JSON && !isJSON(elem) {
			return Column{OID: JSON, Typmod: -1}
		}
		if arr := ArrayOf(e.OID); arr != 0 {
			return Column{OID: arr, Typmod: e.Typmod}
		}
		return Column{OID: JSON, Typmod: -1}
	}
	upper := strings.ToUpper(t)
	switch {
	case strings.HasPrefix(upper, "DECIMAL("), strings.HasPrefix(upper, "NUMERIC("):
		return Column{OID: Numeric, Typmod: decimalTypmod(upper)}
	case strings.HasPrefix(upper, "STRUCT("), strings.HasPrefix(upper, "MAP("):
		return Column{OID: JSON, Typmod: -1}
	}
	if oid, ok := scalars[upper]; ok {
		return Column{OID: oid, Typmod: -1}
	}
	return Column{OID: Text, Typmod: -1}
}

func isJSON(t string) bool { return strings.EqualFold(strings.TrimSpace(t), "JSON") }

// cutList returns the element type of a list ("T[]") or array ("T[n]").
func cutList(t string) (string, bool) {
	if !strings.HasSuffix(t, "]") {
		return "", false
	}
	i := strings.LastIndexByte(t, '[')
	if i <= 0 {
		return "", false
	}
	if n := t[i+1 : len(t)-1]; n != "" {
		if _, err := strconv.Atoi(n); err != nil {
			return "", false
		}
	}
	return t[:i], true
}

// decimalTypmod is PostgreSQL's numeric typmod for "DECIMAL(p,s)":
// ((p << 16) | s) + 4, or -1 when the parameters cannot be read.
func decimalTypmod(upper string) int32 {
	inner := strings.TrimSuffix(upper[strings.IndexByte(upper, '(')+1:], ")")
	ps := strings.Split(inner, ",")
	p, err := strconv.Atoi(strings.TrimSpace(ps[0]))
	if err != nil {
		return -1
	}
	s := 0
	if len(ps) > 1 {
		if s, err = strconv.Atoi(strings.TrimSpace(ps[1])); err != nil {
			return -1
		}
	}
	return int32(p<<16|s) + 4
}
