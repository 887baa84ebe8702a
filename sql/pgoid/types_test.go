package pgoid

import "testing"

// TestTable checks the table's internal consistency: unique OIDs and
// names, every array type pointing back at its element and named after
// it, and well-known OIDs where PostgreSQL puts them.
func TestTable(t *testing.T) {
	names := map[string]bool{}
	for _, ty := range Types {
		if names[ty.Name] {
			t.Errorf("type name %q appears twice", ty.Name)
		}
		names[ty.Name] = true
		if ty.Array != 0 {
			arr, ok := ByOID(ty.Array)
			switch {
			case !ok:
				t.Errorf("%s: array type %d is missing", ty.Name, ty.Array)
			case arr.Elem != ty.OID || arr.Name != "_"+ty.Name || arr.Category != 'A':
				t.Errorf("%s: array type %+v does not match", ty.Name, arr)
			}
		}
	}
	if len(byOID) != len(Types) {
		t.Errorf("%d types but %d distinct OIDs", len(Types), len(byOID))
	}
	for oid, name := range map[uint32]string{16: "bool", 20: "int8", 23: "int4", 25: "text", 701: "float8", 1007: "_int4", 1043: "varchar", 1114: "timestamp", 1184: "timestamptz", 1700: "numeric", 2950: "uuid", 3802: "jsonb", 199: "_json"} {
		if ty, ok := ByOID(oid); !ok || ty.Name != name {
			t.Errorf("OID %d: got %q, want %q", oid, ty.Name, name)
		}
	}
	if ArrayOf(Int8) != 1016 || ArrayOf(Unknown) != 0 {
		t.Errorf("ArrayOf: int8 -> %d, unknown -> %d", ArrayOf(Int8), ArrayOf(Unknown))
	}
}
