package pgcatalog

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/pgoid"
	"github.com/martdb/martdb/sql/sqltest"
)

// TestPgTypeListsPgoid checks that pg_type holds every type of sql/pgoid,
// with the same name, length, category, element and array type, so that
// every OID the wire server sends can be looked up.
func TestPgTypeListsPgoid(t *testing.T) {
	conn := openCatalog(t)
	got := map[string]string{}
	for _, r := range sqltest.Rows(t, conn, "SELECT oid, typname, typlen, typbyval, typcategory, typelem, typarray, typalign, typinput, typreceive <> '-' FROM "+
		qualified(PgCatalogSchema, "pg_type")) {
		oid, rest, _ := strings.Cut(r, "|")
		got[oid] = rest
	}
	if len(got) != len(pgoid.Types) {
		t.Errorf("pg_type has %d rows, pgoid.Types %d", len(got), len(pgoid.Types))
	}
	for _, ty := range pgoid.Types {
		want := fmt.Sprintf("%s|%d|%t|%c|%d|%d|%c|%s|true", ty.Name, ty.Len, ty.ByVal, ty.Category, ty.Elem, ty.Array, ty.Align, ty.Input)
		if g := got[strconv.Itoa(int(ty.OID))]; g != want {
			t.Errorf("pg_type row of %d (%s): got %q, want %q", ty.OID, ty.Name, g, want)
		}
	}
}

// TestAttributeTypesAreInPgType checks that every column of every
// relation, the catalog's own included, has a type pg_type lists, and that
// pg_type's functions are all in pg_proc.
func TestAttributeTypesAreInPgType(t *testing.T) {
	conn := openCatalog(t)
	createAllTypes(t, conn)
	pgc := Database + "." + PgCatalogSchema + "."
	specColumns := 0
	for _, cols := range columnSpec {
		specColumns += len(cols)
	}
	if n := sqltest.Int(t, conn, "SELECT count(*) FROM "+pgc+"pg_attribute"); n != int64(specColumns+len(allTypes)) {
		t.Fatalf("pg_attribute has %d rows, want the catalog's %d and all_types' %d", n, specColumns, len(allTypes))
	}
	missing := sqltest.Rows(t, conn, "SELECT DISTINCT a.atttypid FROM "+pgc+"pg_attribute a LEFT JOIN "+pgc+"pg_type t ON t.oid = a.atttypid WHERE t.oid IS NULL")
	sqltest.SameRows(t, "atttypid values missing from pg_type", missing, []string{})
	missing = sqltest.Rows(t, conn, "SELECT t.typname FROM "+pgc+"pg_type t WHERE t.typinput NOT IN (SELECT proname FROM "+pgc+"pg_proc) "+
		"OR t.typoutput NOT IN (SELECT proname FROM "+pgc+"pg_proc) OR t.typreceive NOT IN (SELECT proname FROM "+pgc+"pg_proc) "+
		"OR t.typsend NOT IN (SELECT proname FROM "+pgc+"pg_proc)")
	sqltest.SameRows(t, "types whose functions pg_proc lacks", missing, []string{})
}

// allTypes are column types covering every kind of DuckDB type a table
// can hold: each scalar, DECIMAL with and without parameters, lists and
// fixed arrays of scalars and of decimals, nested lists, structs, maps,
// enums, unions, JSON and its lists.
var allTypes = []string{
	"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
	"UHUGEINT", "VARINT", "FLOAT", "DOUBLE", "DECIMAL", "DECIMAL(4,0)", "DECIMAL(9,2)", "DECIMAL(18,3)", "DECIMAL(38,10)",
	"NUMERIC(5)", "VARCHAR", "VARCHAR(12)", "TEXT", "BLOB", "BIT", "DATE", "TIME", "TIME_NS", "TIMETZ", "TIMESTAMP",
	"TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMPTZ", "INTERVAL", "UUID", "JSON",
	"INTEGER[]", "BIGINT[]", "VARCHAR[]", "DOUBLE[]", "BOOLEAN[]", "DATE[]", "TIMESTAMP[]", "TIMESTAMPTZ[]", "UUID[]",
	"INTERVAL[]", "BLOB[]", "JSON[]", "DECIMAL(10,2)[]", "HUGEINT[]", "UINTEGER[]", "UTINYINT[]", "TIME[]", "TIMETZ[]",
	"VARCHAR[3]", "INTEGER[2]", "INTEGER[][]", "VARCHAR[][]", "STRUCT(a INTEGER, b VARCHAR)", "STRUCT(a INTEGER)[]",
	"MAP(VARCHAR, INTEGER)", "MAP(VARCHAR, INTEGER)[]", "mood", "mood[]", "ENUM('x', 'y')", "UNION(a INTEGER, b VARCHAR)",
	"BIT[]", "UNION(a INTEGER, b VARCHAR)[]",
}

// createAllTypes creates the table all_types with one column per
// allTypes entry, and the enum type it needs.
func createAllTypes(t *testing.T, conn *sql.Conn) {
	t.Helper()
	cols := make([]string, len(allTypes))
	for i, ty := range allTypes {
		cols[i] = fmt.Sprintf("c%d %s", i, ty)
	}
	sqltest.Exec(t, conn, "CREATE TYPE mood AS ENUM ('sad', 'happy')",
		"CREATE TABLE all_types ("+strings.Join(cols, ", ")+")")
}

// TestTypeMappingAgreesWithPgoid checks the SQL twin of pgoid.ForDuckDB:
// for every column of every DuckDB type, pg_attribute's type and typmod
// are what ForDuckDB gives for the column's type as DuckDB names it.
func TestTypeMappingAgreesWithPgoid(t *testing.T) {
	conn := openCatalog(t)
	createAllTypes(t, conn)
	pgc := Database + "." + PgCatalogSchema + "."
	rows := sqltest.Rows(t, conn, "SELECT c.data_type, a.atttypid, a.atttypmod, "+pgc+"format_type(a.atttypid, a.atttypmod) "+
		"FROM duckdb_columns() c JOIN "+pgc+"pg_attribute a ON a.attrelid = "+pgc+"_martdb_user_oid(c.table_oid) AND a.attnum = c.column_index "+
		"WHERE c.table_name = 'all_types' ORDER BY c.column_index")
	if len(rows) != len(allTypes) {
		t.Fatalf("%d columns described, want %d", len(rows), len(allTypes))
	}
	for _, r := range rows {
		parts := strings.Split(r, "|")
		duck, oid, typmod, shown := parts[0], parts[1], parts[2], parts[3]
		want := pgoid.ForDuckDB(duck)
		if oid != strconv.Itoa(int(want.OID)) || typmod != strconv.Itoa(int(want.Typmod)) {
			t.Errorf("%s: pg_attribute has type %s typmod %s, pgoid.ForDuckDB gives %d %d", duck, oid, typmod, want.OID, want.Typmod)
		}
		if strings.Contains(shown, "?") {
			t.Errorf("%s: format_type gives %q", duck, shown)
		}
	}
}

// TestTypeMacroAgreesWithPgoid applies the mapping macros to type names
// as written, the driver's spellings and odd ones included.
func TestTypeMacroAgreesWithPgoid(t *testing.T) {
	conn := openCatalog(t)
	names := append([]string{}, allTypes...)
	names = append(names, "TIMESTAMP WITH TIME ZONE", "TIME WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE[]", " INTEGER ",
		"decimal(12,4)", "DECIMAL(x,2)", "numeric", "BIGNUM", "GEOMETRY", "\"NULL\"", "whatever", "STRUCT(a INTEGER[])",
		"DECIMAL(10,2)[4]", "JSON[][]", "integer[]")
	pgc := Database + "." + PgCatalogSchema + "."
	for _, n := range names {
		var oid, typmod int64
		err := conn.QueryRowContext(context.Background(), "SELECT "+pgc+"_martdb_typeoid(?), "+pgc+"_martdb_typmod(?)", n, n).Scan(&oid, &typmod)
		if err != nil {
			t.Fatalf("%q: %v", n, err)
		}
		if want := pgoid.ForDuckDB(n); oid != int64(want.OID) || typmod != int64(want.Typmod) {
			t.Errorf("%q: macros give %d %d, pgoid.ForDuckDB %d %d", n, oid, typmod, want.OID, want.Typmod)
		}
	}
}

// TestFormatType checks format_type's PostgreSQL spellings.
func TestFormatType(t *testing.T) {
	conn := openCatalog(t)
	pgc := Database + "." + PgCatalogSchema + "."
	for _, c := range []struct {
		oid    uint32
		typmod string
		want   string
	}{
		{pgoid.Int4, "-1", "integer"},
		{pgoid.Int8, "NULL", "bigint"},
		{pgoid.Numeric, strconv.Itoa(18<<16 | 3 + 4), "numeric(18,3)"},
		{pgoid.Numeric, "-1", "numeric"},
		{pgoid.Varchar, "14", "character varying(10)"},
		{pgoid.Varchar, "NULL", "character varying"},
		{pgoid.BPChar, "5", "character(1)"},
		{pgoid.Timestamp, "-1", "timestamp without time zone"},
		{pgoid.TimestampTZ, "3", "timestamp(3) with time zone"},
		{pgoid.Float8, "-1", "double precision"},
		{1007, "-1", "integer[]"},
		{1231, strconv.Itoa(10<<16 | 2 + 4), "numeric(10,2)[]"},
		{pgoid.Char, "-1", `"char"`},
		{pgoid.Text, "-1", "text"},
		{99999, "-1", "???"},
	} {
		var got string
		if err := conn.QueryRowContext(context.Background(), fmt.Sprintf("SELECT %sformat_type(%d, %s)", pgc, c.oid, c.typmod)).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("format_type(%d, %s) = %q, want %q", c.oid, c.typmod, got, c.want)
		}
	}
}
