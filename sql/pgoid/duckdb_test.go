package pgoid

import "testing"

func TestForDuckDB(t *testing.T) {
	for _, c := range []struct {
		duck   string
		oid    uint32
		typmod int32
	}{
		{"INTEGER", Int4, -1},
		{"TINYINT", Int2, -1},
		{"UINTEGER", Int8, -1},
		{"UBIGINT", Numeric, -1},
		{"HUGEINT", Numeric, -1},
		{"DOUBLE", Float8, -1},
		{"FLOAT", Float4, -1},
		{"VARCHAR", Text, -1},
		{"BLOB", Bytea, -1},
		{"DECIMAL(18,3)", Numeric, 18<<16 | 3 + 4},
		{"DECIMAL(4,0)", Numeric, 4<<16 + 4},
		{"TIMESTAMP WITH TIME ZONE", TimestampTZ, -1},
		{"TIMESTAMP_NS", Timestamp, -1},
		{"TIMESTAMPTZ", TimestampTZ, -1},
		{"TIMETZ", TimeTZ, -1},
		{"DECIMAL", Numeric, -1},
		{"TIMESTAMPTZ[]", 1185, -1},
		{"DATE", Date, -1},
		{"INTERVAL", Interval, -1},
		{"UUID", UUID, -1},
		{"JSON", JSON, -1},
		{"INTEGER[]", 1007, -1},
		{"VARCHAR[3]", 1009, -1},
		{"DECIMAL(10,2)[]", 1231, 10<<16 | 2 + 4},
		{"TIMESTAMP WITH TIME ZONE[]", 1185, -1},
		{"JSON[]", 199, -1},
		{"INTEGER[][]", JSON, -1},
		{"STRUCT(a INTEGER, b VARCHAR)", JSON, -1},
		{"STRUCT(a INTEGER)[]", JSON, -1},
		{"MAP(VARCHAR, INTEGER)", JSON, -1},
		{"ENUM('a', 'b')", Text, -1},
		{"UNION(a INTEGER, b VARCHAR)", Text, -1},
		{"BIT", Text, -1},
		{"\"NULL\"", Text, -1},
	} {
		got := ForDuckDB(c.duck)
		if got.OID != c.oid || got.Typmod != c.typmod {
			t.Errorf("ForDuckDB(%q) = %+v, want {%d %d}", c.duck, got, c.oid, c.typmod)
		}
		if _, ok := ByOID(got.OID); !ok {
			t.Errorf("ForDuckDB(%q) gives OID %d, which is not in Types", c.duck, got.OID)
		}
	}
}
